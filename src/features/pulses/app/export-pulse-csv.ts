// Export of a pulse as two CSV strings (the surface delivers them as files in chat): one row per
// answer, and one row per summary figure. Anonymous pulses carry no identity column (name,
// organisation, time), and their responses are numbered by content, not by submission. For the
// roles that keep the cluster's records (pulse.export), and only once results may be seen.
import { z } from "zod";
import { csvFilename, csvOptionsFor } from "../../../exports/csv.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { toLocale } from "../../../kernel/domain/locale.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { answersCsv, summaryCsv } from "./pulse-csv.ts";
import { computeResults, summarize } from "./pulse-results.ts";
import { findPulse, resultsVisible } from "./pulses.ts";

export const ExportPulseCsvInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  /** Defaults to the cluster's latest pulse. */
  pulseId: z.uuid("PULSE").nullish(),
});

export type PulseCsvFile = { filename: string; content: string };
export type PulseCsvExport = { pulseId: string; title: string; answers: PulseCsvFile; summary: PulseCsvFile };

export const exportPulseCsv = clusterUseCase(
  { name: "exportPulseCsv", input: ExportPulseCsvInput, capability: "pulse.export" },
  async ({ ctx, tx, input, person, cluster, audit }): Promise<Result<PulseCsvExport>> => {
    const { actor, pulseId } = input;
    const found = await findPulse(tx, cluster.id, pulseId);
    if (!found.ok) return found;
    const pulse = found.value;
    if (!resultsVisible(pulse, ctx.clock.now())) return fail("RESULTS_NOT_AVAILABLE", { title: pulse.title });
    const locale = toLocale(actor.locale) ?? localeOf(person, cluster);
    // The reader's language decides the spreadsheet format; times are the cluster's.
    const options = csvOptionsFor(locale, cluster.timeZone);
    const { questions, responses } = await summarize(tx, pulse);
    const answers = answersCsv(
      {
        anonymous: pulse.anonymous,
        locale,
        questions,
        responses: responses.map((r) =>
          pulse.anonymous
            ? { stakeholderType: r.stakeholderType, answers: r.answers }
            : { ...r, respondent: r.respondent, submittedAt: r.submittedAt },
        ),
      },
      options,
    );
    const results = await computeResults(tx, pulse, ctx.clock.now());
    const summary = summaryCsv(
      {
        locale,
        questions,
        summaries: results.summary.questions,
        comparisons: new Map(Object.entries(results.comparisons)),
      },
      options,
    );
    await audit({
      action: "pulse.export",
      subjectType: "pulse",
      subjectId: pulse.id,
      details: { responses: responses.length },
    });
    return ok({
      pulseId: pulse.id,
      title: pulse.title,
      answers: { filename: csvFilename(pulse.title, "answers"), content: answers },
      summary: { filename: csvFilename(pulse.title, "summary"), content: summary },
    });
  },
);
