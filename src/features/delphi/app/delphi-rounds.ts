// A Delphi's rounds: closing the open one (by time or by the organiser), opening the next (by the
// organiser or on the scheduled date) and finishing. Each step locks the Delphi row, so it happens
// once however many instances or clicks race for it, and answers (which share-lock it) take turns
// with it: no answer lands in a round after it closed.
import type { AppContext } from "../../../kernel/app/context.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { withStatements } from "./delphi-sheet.ts";
import { delphiSubject, noteToChannels, sendSheets } from "./delphis.ts";
import { queueDelphiResults } from "./results-announcements.ts";

const HOUR_MS = 60 * 60_000;

async function locked(tx: Tx, delphiId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Delphi" WHERE "id" = ${delphiId} FOR UPDATE`;
  return tx.delphi.findUnique({ where: { id: delphiId }, include: withStatements });
}

export type ClosedRound = { delphiId: string; title: string; round: number; respondents: number };

/** Closes the open round: status BETWEEN, the round's closedAt, a note to the channels. Null: not open. */
export async function closeRound(ctx: AppContext, tx: Tx, delphiId: string): Promise<ClosedRound | null> {
  const delphi = await locked(tx, delphiId);
  if (delphi?.status !== "OPEN") return null;
  const now = ctx.clock.now();
  const round = delphi.round;
  await tx.delphi.update({ where: { id: delphi.id }, data: { status: "BETWEEN", roundClosesAt: null } });
  await tx.delphiRound.update({
    where: { delphiId_number: { delphiId: delphi.id, number: round } },
    data: { closedAt: now },
  });
  const took = await tx.delphiAnswered.findMany({
    where: { delphiId: delphi.id, round },
    distinct: ["personId"],
    select: { personId: true },
  });
  const closed = { delphiId: delphi.id, title: delphi.title, round, respondents: took.length };
  await noteToChannels(
    ctx,
    tx,
    delphi.clusterId,
    `${delphiSubject(delphi.id)}:closed-r${round}`,
    `closed-r${round}`,
    delphi.id,
    (locale) => ctx.compose.compose({ type: "delphi.round-closed", ...closed }, locale),
  );
  // The results follow the note in the channel: the group sees where it stands before the next round.
  await queueDelphiResults(ctx, tx, delphi.id);
  return closed;
}

export type OpenedRound = {
  delphiId: string;
  title: string;
  round: number;
  closesAt: Date;
  participants: number;
};

/**
 * Opens round N+1 of a Delphi between rounds: closing at `closesAt` or after its roundHours; every
 * participant gets their new sheet (the previous round's figures and reasons on it). Null: not between.
 */
export async function openNextRound(
  ctx: AppContext,
  tx: Tx,
  delphiId: string,
  closesAt: Date | null,
): Promise<OpenedRound | null> {
  const delphi = await locked(tx, delphiId);
  if (delphi?.status !== "BETWEEN") return null;
  const now = ctx.clock.now();
  const round = delphi.round + 1;
  const until = closesAt ?? new Date(now.getTime() + delphi.roundHours * HOUR_MS);
  const updated = await tx.delphi.update({
    where: { id: delphi.id },
    data: { status: "OPEN", round, roundClosesAt: until, nextRoundOpensAt: null },
    include: withStatements,
  });
  await tx.delphiRound.create({
    data: { delphiId: delphi.id, number: round, opensAt: now, closesAt: until },
  });
  const participants = await sendSheets(ctx, tx, updated, `round-r${round}`);
  await noteToChannels(
    ctx,
    tx,
    delphi.clusterId,
    `${delphiSubject(delphi.id)}:opened-r${round}`,
    `opened-r${round}`,
    delphi.id,
    (locale, timeZone) =>
      ctx.compose.compose(
        {
          type: "delphi.opened",
          delphiId: delphi.id,
          title: delphi.title,
          round,
          statements: delphi.statements.length,
          participants,
          closesAt: until,
          timeZone,
        },
        locale,
      ),
  );
  return { delphiId: delphi.id, title: delphi.title, round, closesAt: until, participants };
}

/** Ends the Delphi (closing an open round first, without a second note). Null: already finished. */
export async function finishDelphiIn(
  tx: Tx,
  ctx: AppContext,
  delphiId: string,
): Promise<{ round: number } | null> {
  const delphi = await locked(tx, delphiId);
  if (!delphi || delphi.status === "CLOSED") return null;
  if (delphi.status === "OPEN")
    await tx.delphiRound.update({
      where: { delphiId_number: { delphiId: delphi.id, number: delphi.round } },
      data: { closedAt: ctx.clock.now() },
    });
  await tx.delphi.update({
    where: { id: delphi.id },
    data: { status: "CLOSED", roundClosesAt: null, nextRoundOpensAt: null },
  });
  // A round the finish closed has results nobody posted yet (once per round: the outbox key).
  if (delphi.status === "OPEN") await queueDelphiResults(ctx, tx, delphi.id);
  return { round: delphi.round };
}
