// The chairs' report's Delphi part: per cluster, its latest Delphi with a closed round — how many
// statements reached consensus in the last round, and which the group kept disagreeing on.
import type { Tx } from "../../../kernel/app/tx.ts";
import { loadDelphiResults } from "./results-load.ts";

export type ChairsDelphi = {
  title: string;
  /** The last closed round. */
  round: number;
  statements: number;
  consensusCount: number;
  disagreements: { position: number; text: string }[];
};

export async function delphiForChairs(tx: Tx, clusterId: string): Promise<ChairsDelphi | null> {
  const delphi = await tx.delphi.findFirst({
    where: { clusterId, rounds: { some: { closedAt: { not: null } } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!delphi) return null;
  const { summary } = await loadDelphiResults(tx, delphi);
  return {
    title: delphi.title,
    round: summary.rounds.at(-1) ?? 0,
    statements: summary.statements.length,
    consensusCount: summary.consensusCount,
    disagreements: summary.disagreements.map((s) => ({ position: s.position, text: s.text })),
  };
}
