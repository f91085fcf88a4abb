// Saving the minutes form: the secretary's words over the record as it stands now. The open draft
// is updated; approved versions are never modified, so a change after approval becomes the next
// version, a new draft.
import { z } from "zod";
import { audit } from "../../../kernel/app/audit.ts";
import { authorize } from "../../../kernel/app/authorize.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { ensurePerson } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { MINUTES_TEXT_MAX, type MinutesContent } from "../domain/minutes-content.ts";
import { draftContent, minutesVersions, retryOnVersionConflict } from "./minutes-shared.ts";

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

export async function saveMinutes(
  ctx: AppContext,
  raw: z.input<typeof SaveMinutesInput>,
): Promise<Result<SavedMinutes>> {
  const input = parseInput(SaveMinutesInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, meetingId, summary, discussion, nextSteps } = input.value;
  const person = await ensurePerson(ctx, actor);
  return retryOnVersionConflict(() =>
    ctx.db.$transaction(async (tx) => {
      const auth = await authorize(tx, conversation, person.id, "meeting.record");
      if (!auth.ok) return auth;
      const { cluster } = auth.value;
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
      await audit(tx, {
        clusterId: cluster.id,
        actorId: person.id,
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
    }),
  );
}
