// `/cluster record`: the record of the meeting being held (attendance, decisions, agenda outcomes),
// for the chair and the secretary. Also what the decision form offers.
import { z } from "zod";
import type { Cluster } from "../../../generated/prisma/client.ts";
import { authorize } from "../../../kernel/app/authorize.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { ensurePerson } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
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

export async function showMeetingRecord(
  ctx: AppContext,
  raw: z.input<typeof ShowMeetingRecordInput>,
): Promise<Result<MeetingRecord>> {
  const input = parseInput(ShowMeetingRecordInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, meetingId } = input.value;
  const person = await ensurePerson(ctx, actor);
  const auth = await authorize(ctx.db, conversation, person.id, "meeting.record");
  if (!auth.ok) return auth;
  const meeting = await recordableMeeting(ctx.db, auth.value.cluster, meetingId ?? null, ctx.clock.now());
  if (!meeting.ok) return meeting;
  const record = await loadMeetingRecord(ctx.db, meeting.value);
  return record ? ok(record) : fail("MEETING_NOT_FOUND");
}

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
export async function decisionFormOptions(
  ctx: AppContext,
  raw: z.input<typeof ShowMeetingRecordInput>,
): Promise<Result<DecisionFormOptions>> {
  const input = parseInput(ShowMeetingRecordInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, meetingId } = input.value;
  const person = await ensurePerson(ctx, actor);
  const auth = await authorize(ctx.db, conversation, person.id, "meeting.record");
  if (!auth.ok) return auth;
  const now = ctx.clock.now();
  const found = meetingId
    ? await recordableMeeting(ctx.db, auth.value.cluster, meetingId, now)
    : await recordableMeeting(ctx.db, auth.value.cluster, null, now).then((r) => (r.ok ? r : null));
  if (found && !found.ok) return found;
  if (!found) return ok({ meeting: null, items: [] });
  const record = await loadMeetingRecord(ctx.db, found.value);
  if (!record) return fail("MEETING_NOT_FOUND");
  return ok({
    meeting: { id: record.meeting.id, title: record.meeting.title },
    items: record.items.map((i) => ({ id: i.id, title: i.title })),
  });
}
