// `/cluster minutes [meeting]`: the approved minutes (the latest approved version) as DOCX and
// Markdown, and their measures as a CSV register. Members get approved minutes only; the roles that
// record the meeting also get the current draft when nothing is approved yet.
import { z } from "zod";
import { csvOptionsFor } from "../../../exports/csv.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { DEFAULT_LOCALE, toLocale } from "../../../kernel/domain/locale.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { can } from "../../../kernel/domain/roles.ts";
import { parseMinutesContent } from "../domain/minutes-content.ts";
import { type MinutesFile, minutesFiles } from "./minutes-files.ts";
import { draftContent, findMinutesMeeting, freeTextOf, minutesVersions } from "./minutes-shared.ts";

export const ExportMinutesInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  meeting: z.string().max(200).nullish(),
});

export type MinutesExport = {
  meetingId: string;
  title: string;
  version: number;
  status: "DRAFT" | "APPROVED";
  files: MinutesFile[];
};

export const exportMinutes = clusterUseCase(
  { name: "exportMinutes", input: ExportMinutesInput, capability: "cluster.view" },
  async ({ ctx, tx, input, cluster, membership, audit }): Promise<Result<MinutesExport>> => {
    const { meeting } = input;
    const now = ctx.clock.now();
    const found = await findMinutesMeeting(tx, cluster.id, meeting, now);
    if (!found.ok) return found;
    const { latest, approved } = await minutesVersions(tx, found.value.id);
    // The document speaks the cluster's language: it is the cluster's record.
    const locale = toLocale(cluster.locale) ?? DEFAULT_LOCALE;
    const csv = csvOptionsFor(locale, cluster.timeZone);
    let result: MinutesExport;
    if (approved) {
      const approver = approved.approvedById
        ? await tx.person.findUnique({ where: { id: approved.approvedById } })
        : null;
      result = {
        meetingId: found.value.id,
        title: found.value.title,
        version: approved.version,
        status: "APPROVED",
        files: await minutesFiles(
          parseMinutesContent(approved.content),
          locale,
          {
            version: approved.version,
            status: "APPROVED",
            approvedBy: approver?.displayName ?? null,
            approvedAt: approved.approvedAt,
          },
          csv,
        ),
      };
    } else {
      if (!can(membership.role, "meeting.record"))
        return fail("MINUTES_NOT_APPROVED", { meeting: found.value.title });
      const content = await draftContent(tx, cluster, found.value.id, freeTextOf(latest), now);
      const version = latest?.version ?? 1;
      result = {
        meetingId: found.value.id,
        title: found.value.title,
        version,
        status: "DRAFT",
        files: await minutesFiles(content, locale, { version, status: "DRAFT" }, csv),
      };
    }
    await audit({
      action: "minutes.export",
      subjectType: "meeting",
      subjectId: found.value.id,
      details: { version: result.version, status: result.status },
    });
    return ok(result);
  },
);
