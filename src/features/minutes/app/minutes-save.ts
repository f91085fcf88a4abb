// Saving the minutes form: the secretary's words over the record as it stands now. The open draft
// is updated; approved versions are never modified, so a change after approval becomes the next
// version, a new draft.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { MINUTES_TEXT_MAX, type MinutesContent } from "../domain/minutes-content.ts";
import { draftContent, minutesVersions } from "./minutes-shared.ts";

const FreeText = z.string().trim().max(MINUTES_TEXT_MAX, "TEXT").default("");

export const SaveMinutesInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  meetingId: z.uuid("MEETING"),
  summary: FreeText,
  discussion: FreeText,
  nextSteps: FreeText,
});

export type SavedMinutes = {
  minutesId: string;
  meetingId: string;
  version: number;
  /** True when this save started a new version after an approved one. */
  newVersion: boolean;
  content: MinutesContent;
};

export const saveMinutes = clusterUseCase(
  {
    name: "saveMinutes",
    input: SaveMinutesInput,
    capability: "meeting.record",
    retryOnUniqueViolation: true,
  },
  async ({ ctx, tx, input, cluster, audit }): Promise<Result<SavedMinutes>> => {
    const { meetingId, summary, discussion, nextSteps } = input;
    const meeting = await tx.meeting.findUnique({ where: { id: meetingId } });
    if (!meeting || meeting.clusterId !== cluster.id)
      return fail("MINUTES_MEETING_NOT_FOUND", { meeting: "?" });
    const now = ctx.clock.now();
    const content = await draftContent(tx, cluster, meetingId, { summary, discussion, nextSteps }, now);
    const { latest } = await minutesVersions(tx, meetingId);
    const row =
      latest?.status === "DRAFT"
        ? await tx.minutes.update({ where: { id: latest.id }, data: { content } })
        : await tx.minutes.create({
            data: {
              meetingId,
              version: (latest?.version ?? 0) + 1,
              status: "DRAFT",
              content,
              createdAt: now,
            },
          });
    await audit({
      action: "minutes.save",
      subjectType: "minutes",
      subjectId: row.id,
      details: { meetingId, version: row.version },
    });
    return ok({
      minutesId: row.id,
      meetingId,
      version: row.version,
      newVersion: latest?.status === "APPROVED",
      content,
    });
  },
);
