// `/cluster minutes draft [meeting]`: the minutes as they would be saved now — the current draft's
// words (or, after approval, the approved version's, as the start of the next version) over the
// record as it stands. Reading only: nothing is written until the secretary saves.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";
import type { MinutesContent } from "../domain/minutes-content.ts";
import { draftContent, findMinutesMeeting, freeTextOf, minutesVersions } from "./minutes-shared.ts";

export const MinutesDraftInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  /** A title or id prefix; the latest held meeting when absent. */
  meeting: z.string().max(200).nullish(),
});

export type MinutesDraft = {
  meetingId: string;
  /** The version a save writes: the open draft's, or the next one. */
  version: number;
  /** The latest approved version, if any. */
  approvedVersion: number | null;
  content: MinutesContent;
};

export const minutesDraft = clusterUseCase(
  { name: "minutesDraft", input: MinutesDraftInput, capability: "meeting.record" },
  async ({ ctx, tx, input, cluster }): Promise<Result<MinutesDraft>> => {
    const { meeting } = input;
    const found = await findMinutesMeeting(tx, cluster.id, meeting, ctx.clock.now());
    if (!found.ok) return found;
    const { latest, approved } = await minutesVersions(tx, found.value.id);
    const content = await draftContent(tx, cluster, found.value.id, freeTextOf(latest), ctx.clock.now());
    return ok({
      meetingId: found.value.id,
      version: latest?.status === "DRAFT" ? latest.version : (latest?.version ?? 0) + 1,
      approvedVersion: approved?.version ?? null,
      content,
    });
  },
);
