// Reading a Delphi's results: the cluster's latest Delphi, its closed rounds, and every statement's
// pools of those rounds, read with the pool's zod schemas and summarised by the domain. Only closed
// rounds: an open round's figures stay on the answer sheets of those who answered.
import type { Delphi } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { type PoolReason, poolRatingsSchema, poolReasonsSchema } from "../domain/pool.ts";
import { type DelphiSummary, summarizeDelphi } from "../domain/results-summary.ts";
import { type Rating, type Scales, scalesOf } from "../domain/scales.ts";

export type DelphiResults = {
  delphiId: string;
  clusterId: string;
  title: string;
  scales: Scales;
  summary: DelphiSummary;
};

/** The cluster's newest Delphi (the one `delphi results` and `delphi export` mean). */
export function latestDelphi(tx: Tx, clusterId: string): Promise<Delphi | null> {
  return tx.delphi.findFirst({ where: { clusterId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

/** The numbers of the rounds that have closed, ascending. */
export async function closedRounds(tx: Tx, delphiId: string): Promise<number[]> {
  const rounds = await tx.delphiRound.findMany({
    where: { delphiId, closedAt: { not: null } },
    select: { number: true },
    orderBy: { number: "asc" },
  });
  return rounds.map((r) => r.number);
}

/** The statements (in order) with their pools of `rounds`, as stored: ratings and reasons parsed. */
export async function statementPools(tx: Tx, delphiId: string, rounds: readonly number[]) {
  const statements = await tx.delphiStatement.findMany({
    where: { delphiId },
    orderBy: { position: "asc" },
    include: { pools: { where: { round: { in: [...rounds] } } } },
  });
  return statements.map((s) => ({
    statementId: s.id,
    position: s.position,
    text: s.text,
    agendaItemId: s.agendaItemId,
    pools: new Map(
      s.pools.map((p) => [
        p.round,
        {
          ratings: poolRatingsSchema.parse(p.ratings) as Rating[],
          reasons: poolReasonsSchema.parse(p.reasons) as PoolReason[],
        },
      ]),
    ),
  }));
}

/** The results of `delphi` over its closed rounds (or over `rounds`, when given). */
export async function loadDelphiResults(
  tx: Tx,
  delphi: Delphi,
  rounds?: readonly number[],
): Promise<DelphiResults> {
  const summarised = rounds ?? (await closedRounds(tx, delphi.id));
  const scales = scalesOf(delphi.scales);
  const statements = await statementPools(tx, delphi.id, summarised);
  const summary = summarizeDelphi(
    scales,
    summarised,
    statements.map((s) => ({
      ...s,
      ratings: new Map([...s.pools].map(([round, pool]) => [round, pool.ratings])),
    })),
  );
  return { delphiId: delphi.id, clusterId: delphi.clusterId, title: delphi.title, scales, summary };
}
