// The secretary records who came: every member is marked present or absent. Recording it again
// overwrites; the meeting is held from then on.
import { z } from "zod";
import { audit } from "../../../kernel/app/audit.ts";
import { authorize } from "../../../kernel/app/authorize.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { ensurePerson } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { markHeld } from "../../meetings/index.ts";
import { loadMeetingRecord, type MeetingRecord } from "./load-meeting-record.ts";
import { recordableMeeting } from "./show-meeting-record.ts";

export const RecordAttendanceInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  meetingId: z.uuid(),
  presentPersonIds: z.array(z.uuid("PRESENT")).max(1000, "PRESENT"),
});

export type RecordedAttendance = { record: MeetingRecord; present: number; absent: number };

export async function recordAttendance(
  ctx: AppContext,
  raw: z.input<typeof RecordAttendanceInput>,
): Promise<Result<RecordedAttendance>> {
  const input = parseInput(RecordAttendanceInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, meetingId, presentPersonIds } = input.value;
  const person = await ensurePerson(ctx, actor);
  return ctx.db.$transaction(async (tx) => {
    const auth = await authorize(tx, conversation, person.id, "meeting.record");
    if (!auth.ok) return auth;
    const { cluster } = auth.value;
    const found = await recordableMeeting(tx, cluster, meetingId, ctx.clock.now());
    if (!found.ok) return found;
    const members = await tx.membership.findMany({ where: { clusterId: cluster.id } });
    const memberIds = new Set(members.map((m) => m.personId));
    const present = new Set(presentPersonIds);
    // Someone who is not (or no longer) a member cannot be marked: the form is stale or forged.
    if ([...present].some((id) => !memberIds.has(id)))
      return fail("INVALID_INPUT", { field: "presentPersonIds", problem: "PRESENT" });
    for (const personId of memberIds) {
      const isPresent = present.has(personId);
      await tx.attendance.upsert({
        where: { meetingId_personId: { meetingId, personId } },
        create: { meetingId, personId, present: isPresent },
        update: { present: isPresent },
      });
    }
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    await markHeld(tx, meeting, person.id);
    await audit(tx, {
      clusterId: cluster.id,
      actorId: person.id,
      action: "meeting.attendance",
      subjectType: "meeting",
      subjectId: meetingId,
      details: { present: [...present], absent: memberIds.size - present.size },
    });
    const record = await loadMeetingRecord(tx, meetingId);
    if (!record) return fail("MEETING_NOT_FOUND");
    return ok({ record, present: present.size, absent: memberIds.size - present.size });
  });
}
