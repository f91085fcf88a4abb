// A member's Delphi data, for the people feature's `my-data` and erasure. What ties a member to a
// Delphi: their DelphiAnswered marks (which statements they answered in which round, never a value)
// and their DelphiSeal (their own ratings, opened here with the server's anonymity key). The pools
// are anonymous: nothing in them is theirs to list or to erase, and they stay.
import type { AppContext } from "../../../kernel/app/context.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import type { Rating } from "../domain/scales.ts";
import { readOwn, sealKeyOf } from "./delphi-seal.ts";

export type MyDelphi = {
  clusterId: string;
  title: string;
  rounds: {
    round: number;
    answered: { statement: string; own: Rating | null; reasonGiven: boolean }[];
  }[];
};

/** The Delphis the person answered, round by round, with their own ratings where the key opens them. */
export async function delphiDataOf(ctx: AppContext, tx: Tx, personId: string): Promise<MyDelphi[]> {
  const marks = await tx.delphiAnswered.findMany({
    where: { personId },
    include: { delphi: true, statement: true },
    orderBy: [{ delphiId: "asc" }, { round: "asc" }],
  });
  const out: MyDelphi[] = [];
  for (const delphiId of [...new Set(marks.map((m) => m.delphiId))]) {
    const mine = marks.filter((m) => m.delphiId === delphiId);
    const delphi = mine[0]!.delphi;
    const own = await readOwn(tx, sealKeyOf(ctx, personId, delphiId));
    const rounds = [...new Set(mine.map((m) => m.round))].map((round) => ({
      round,
      answered: mine
        .filter((m) => m.round === round)
        .sort((a, b) => a.statement.position - b.statement.position)
        .map((m) => ({
          statement: m.statement.text,
          own: own.rounds[String(round)]?.[m.statementId] ?? null,
          reasonGiven: own.explained.includes(`${round}:${m.statementId}`),
        })),
    }));
    out.push({ clusterId: delphi.clusterId, title: delphi.title, rounds });
  }
  return out;
}

/**
 * Erasure: the person's answered marks and sealed own answers go; their anonymous ratings and reasons
 * stay in the pools (nothing ties them to anyone), so the group figures do not change. A Delphi they
 * created keeps a null creator.
 */
export async function eraseDelphiData(ctx: AppContext, tx: Tx, personId: string): Promise<{ seals: number }> {
  const delphiIds = (
    await tx.delphiAnswered.findMany({
      where: { personId },
      distinct: ["delphiId"],
      select: { delphiId: true },
    })
  ).map((d) => d.delphiId);
  const tokenHashes = delphiIds.map((id) => sealKeyOf(ctx, personId, id).tokenHash);
  const seals = await tx.delphiSeal.deleteMany({ where: { tokenHash: { in: tokenHashes } } });
  await tx.delphiAnswered.deleteMany({ where: { personId } });
  await tx.delphi.updateMany({ where: { createdById: personId }, data: { createdById: null } });
  return { seals: seals.count };
}
