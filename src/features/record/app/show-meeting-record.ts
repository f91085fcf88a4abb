// `/cluster record`: the record of the meeting being held (attendance, decisions, agenda outcomes),
// for the chair and the secretary. Also what the decision form offers.
import { z } from "zod";
import type { Cluster } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { isRecordable, meetingToRecord } from "../../meetings/index.ts";
import { loadMeetingRecord, type MeetingRecord } from "./load-meeting-record.ts";

export const ShowMeetingRecordInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  /** A button names its meeting; a command means the one being held now. */
  meetingId: z.uuid().nullish(),
});

export const showMeetingRecord = clusterUseCase(
  { name: "showMeetingRecord", input: ShowMeetingRecordInput, capability: "meeting.record", readOnly: true },
  async ({ ctx, input, cluster }): Promise<Result<MeetingRecord>> => {
    const { meetingId } = input;
    const meeting = await recordableMeeting(ctx.db, cluster, meetingId ?? null, ctx.clock.now());
    if (!meeting.ok) return meeting;
    const record = await loadMeetingRecord(ctx.db, meeting.value);
    return record ? ok(record) : fail("MEETING_NOT_FOUND");
  },
);

/** The named meeting if it is this cluster's and can be recorded now, else the one being held. */
export async function recordableMeeting(
  tx: Tx,
  cluster: Cluster,
  meetingId: string | null,
  now: Date,
): Promise<Result<string>> {
  if (!meetingId) {
    const current = await meetingToRecord(tx, cluster.id, now);
    return current ? ok(current.id) : fail("NO_MEETING_TO_RECORD");
  }
  const meeting = await tx.meeting.findUnique({ where: { id: meetingId }, include: { chosenSlot: true } });
  if (!meeting || meeting.clusterId !== cluster.id) return fail("MEETING_NOT_FOUND");
  if (!isRecordable(meeting.status, meeting.chosenSlot?.startsAt ?? null, now))
    return fail("MEETING_NOT_RECORDABLE", { title: meeting.title });
  return ok(meeting.id);
}

export type DecisionFormOptions = {
  meeting: { id: string; title: string } | null;
  items: { id: string; title: string }[];
};

/**
 * What the decision form links to: the meeting being held and its agenda items. Between meetings
 * (a decision taken in the channel) there is none, and the decision belongs to the cluster alone.
 */
export const decisionFormOptions = clusterUseCase(
  {
    name: "decisionFormOptions",
    input: ShowMeetingRecordInput,
    capability: "meeting.record",
    readOnly: true,
  },
  async ({ ctx, input, cluster }): Promise<Result<DecisionFormOptions>> => {
    const { meetingId } = input;
    const now = ctx.clock.now();
    const found = meetingId
      ? await recordableMeeting(ctx.db, cluster, meetingId, now)
      : await recordableMeeting(ctx.db, cluster, null, now).then((r) => (r.ok ? r : null));
    if (found && !found.ok) return found;
    if (!found) return ok({ meeting: null, items: [] });
    const record = await loadMeetingRecord(ctx.db, found.value);
    if (!record) return fail("MEETING_NOT_FOUND");
    return ok({
      meeting: { id: record.meeting.id, title: record.meeting.title },
      items: record.items.map((i) => ({ id: i.id, title: i.title })),
    });
  },
);
