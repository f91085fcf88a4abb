// Approving the minutes freezes the open draft (refreshed from the record one last time): status
// APPROVED, who and when, an audit entry. With no draft yet, the record as it stands is approved as
// the next version; with nothing changed since the last approval, there is nothing to approve.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import type { MinutesContent } from "../domain/minutes-content.ts";
import { draftContent, findMinutesMeeting, freeTextOf, minutesVersions } from "./minutes-shared.ts";

export const ApproveMinutesInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  /** From the form's button: the meeting's id. */
  meetingId: z.uuid("MEETING").nullish(),
  /** From the command: a title or id prefix; the latest held meeting when absent. */
  meeting: z.string().max(200).nullish(),
});

export type ApprovedMinutes = {
  minutesId: string;
  meetingId: string;
  version: number;
  approvedBy: string;
  approvedAt: Date;
  content: MinutesContent;
};

export const approveMinutes = clusterUseCase(
  {
    name: "approveMinutes",
    input: ApproveMinutesInput,
    capability: "meeting.record",
    retryOnUniqueViolation: true,
  },
  async ({ ctx, tx, input, person, cluster, audit }): Promise<Result<ApprovedMinutes>> => {
    const { meetingId, meeting } = input;
    const now = ctx.clock.now();
    let id: string;
    if (meetingId) {
      const found = await tx.meeting.findUnique({ where: { id: meetingId } });
      if (!found || found.clusterId !== cluster.id)
        return fail("MINUTES_MEETING_NOT_FOUND", { meeting: "?" });
      id = found.id;
    } else {
      const found = await findMinutesMeeting(tx, cluster.id, meeting, now);
      if (!found.ok) return found;
      id = found.value.id;
    }
    const { latest } = await minutesVersions(tx, id);
    if (latest?.status === "APPROVED") return fail("MINUTES_ALREADY_APPROVED", { version: latest.version });
    const content = await draftContent(tx, cluster, id, freeTextOf(latest), now);
    const data = { status: "APPROVED" as const, content, approvedById: person.id, approvedAt: now };
    // Guarded on DRAFT: of two concurrent approvals one wins, the other finds nothing to change.
    if (latest) {
      const { count } = await tx.minutes.updateMany({ where: { id: latest.id, status: "DRAFT" }, data });
      if (count === 0) return fail("MINUTES_ALREADY_APPROVED", { version: latest.version });
    }
    const row = latest
      ? await tx.minutes.findUniqueOrThrow({ where: { id: latest.id } })
      : await tx.minutes.create({ data: { meetingId: id, version: 1, createdAt: now, ...data } });
    await audit({
      action: "minutes.approve",
      subjectType: "minutes",
      subjectId: row.id,
      details: { meetingId: id, version: row.version },
    });
    return ok({
      minutesId: row.id,
      meetingId: id,
      version: row.version,
      approvedBy: person.displayName,
      approvedAt: now,
      content,
    });
  },
);
