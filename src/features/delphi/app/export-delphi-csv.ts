// `/cluster delphi export [round]`: the latest Delphi's closed rounds (or the one named) as CSV files
// for the roles that keep the cluster's records (pulse.export): the figures of each round, the
// anonymous ratings as stored and the reasons. The surface delivers them as files to the person.
import { z } from "zod";
import { csvFilename, csvOptionsFor } from "../../../exports/csv.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { toLocale } from "../../../kernel/domain/locale.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { figuresCsv, ratingsCsv, reasonsCsv } from "./results-csv.ts";
import { closedRounds, latestDelphi, loadDelphiResults, statementPools } from "./results-load.ts";

export const ExportDelphiCsvInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  /** One round; all closed rounds when absent. */
  round: z.number().int().min(1).max(1000).nullish(),
});

export type DelphiCsvFile = {
  kind: "figures" | "ratings" | "reasons";
  round: number | null;
  filename: string;
  content: string;
};
export type DelphiCsvExport = { delphiId: string; title: string; rounds: number[]; files: DelphiCsvFile[] };

export const exportDelphiCsv = clusterUseCase(
  { name: "exportDelphiCsv", input: ExportDelphiCsvInput, capability: "pulse.export" },
  async ({ tx, input, person, cluster, audit }): Promise<Result<DelphiCsvExport>> => {
    const delphi = await latestDelphi(tx, cluster.id);
    if (!delphi) return fail("DELPHI_RESULTS_NO_DELPHI");
    const closed = await closedRounds(tx, delphi.id);
    if (closed.length === 0) return fail("DELPHI_RESULTS_NOT_YET", { title: delphi.title });
    const { round } = input;
    if (round && !closed.includes(round))
      return fail("DELPHI_RESULTS_ROUND_NOT_CLOSED", { title: delphi.title, round });
    const rounds = round ? [round] : closed;
    const locale = toLocale(input.actor.locale) ?? localeOf(person, cluster);
    // The reader's language decides the spreadsheet format.
    const format = csvOptionsFor(locale, cluster.timeZone);
    const results = await loadDelphiResults(tx, delphi, rounds);
    const pools = await statementPools(tx, delphi.id, rounds);
    const files: DelphiCsvFile[] = [
      ...rounds.map(
        (r): DelphiCsvFile => ({
          kind: "figures",
          round: r,
          filename: csvFilename(delphi.title, `round-${r}-figures`),
          content: figuresCsv(r, results.summary.statements, locale, format),
        }),
      ),
      {
        kind: "ratings",
        round: round ?? null,
        filename: csvFilename(delphi.title, round ? `round-${round}-ratings` : "ratings"),
        content: ratingsCsv(rounds, results.scales, pools, locale, format),
      },
      {
        kind: "reasons",
        round: round ?? null,
        filename: csvFilename(delphi.title, round ? `round-${round}-reasons` : "reasons"),
        content: reasonsCsv(rounds, pools, locale, format),
      },
    ];
    await audit({
      action: "delphi.export",
      subjectType: "delphi",
      subjectId: delphi.id,
      details: { rounds },
    });
    return ok({ delphiId: delphi.id, title: delphi.title, rounds, files });
  },
);
