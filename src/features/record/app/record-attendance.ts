// The secretary records who came: every member is marked present or absent. Recording it again
// overwrites; the meeting is held from then on.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
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

export const recordAttendance = clusterUseCase(
  { name: "recordAttendance", input: RecordAttendanceInput, capability: "meeting.record" },
  async ({ ctx, tx, input, person, cluster, audit }): Promise<Result<RecordedAttendance>> => {
    const { meetingId, presentPersonIds } = input;
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
    await audit({
      action: "meeting.attendance",
      subjectType: "meeting",
      subjectId: meetingId,
      details: { present: [...present], absent: memberIds.size - present.size },
    });
    const record = await loadMeetingRecord(tx, meetingId);
    if (!record) return fail("MEETING_NOT_FOUND");
    return ok({ record, present: present.size, absent: memberIds.size - present.size });
  },
);
