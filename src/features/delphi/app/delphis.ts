// What the Delphi use cases share: finding the cluster's running Delphi, its participants, sending
// each of them their sheet for a round, and the loader other parts read a whole Delphi with.
import type { AppContext } from "../../../kernel/app/context.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import type { ViewPayload } from "../../../kernel/app/ports/chat-gateway.ts";
import { clusterChannels, personalRecipient } from "../../../kernel/app/recipients.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import type { Locale } from "../../../kernel/domain/locale.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { can } from "../../../kernel/domain/roles.ts";
import { type Scales, scalesOf } from "../domain/scales.ts";
import { type Pool, poolsOf } from "./delphi-pool.ts";
import { buildSheet, type DelphiWithStatements, withStatements } from "./delphi-sheet.ts";

/** The subject of a Delphi's outbox rows (stages `invite-r1`, `round-r2`, …). */
export const delphiSubject = (delphiId: string) => `delphi:${delphiId}`;

/**
 * The cluster's newest Delphi in one of `statuses` (by default: still running, open or between
 * rounds); a command that needs a round open, or one between rounds, asks for that status first.
 */
export async function runningDelphi(
  tx: Tx,
  clusterId: string,
  statuses: readonly ("OPEN" | "BETWEEN")[] = ["OPEN", "BETWEEN"],
): Promise<Result<DelphiWithStatements>> {
  const delphi = await tx.delphi.findFirst({
    where: { clusterId, status: { in: [...statuses] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: withStatements,
  });
  return delphi ? ok(delphi) : fail("DELPHI_MISSING");
}

/** The members who answer: those whose role holds `delphi.answer` (observers never), not erased. */
export async function participantsOf(tx: Tx, clusterId: string) {
  const members = await tx.membership.findMany({
    where: { clusterId, person: { erasedAt: null } },
    include: { person: true },
    orderBy: { joinedAt: "asc" },
  });
  return members.filter((m) => can(m.role, "delphi.answer")).map((m) => m.person);
}

/**
 * Each participant's sheet of the current round in a personal message (`stage`, e.g. `invite-r1`),
 * once per participant and stage. The sheet carries nothing personal: it waits in the outbox.
 */
export async function sendSheets(
  ctx: AppContext,
  tx: Tx,
  delphi: DelphiWithStatements,
  stage: string,
): Promise<number> {
  const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: delphi.clusterId } });
  const participants = await participantsOf(tx, cluster.id);
  const sheet = await buildSheet(ctx, tx, delphi, cluster, null);
  const prefer = (await clusterChannels(tx, cluster.id))[0]?.platform ?? "SLACK";
  const now = ctx.clock.now();
  for (const person of participants) {
    const recipient = await personalRecipient(tx, person.id, prefer);
    if (!recipient) continue;
    await enqueueNotification(tx, {
      key: `${delphiSubject(delphi.id)}:${stage}:${person.id}`,
      clusterId: cluster.id,
      recipient,
      view: ctx.compose.compose({ type: "delphi.sheet", sheet }, localeOf(person, cluster)),
      notBefore: now,
      subject: delphiSubject(delphi.id),
      stage,
      personId: person.id,
    });
  }
  return participants.length;
}

/** A short note to every channel of the cluster, once per key. */
export async function noteToChannels(
  ctx: AppContext,
  tx: Tx,
  clusterId: string,
  key: string,
  stage: string,
  delphiId: string,
  compose: (locale: Locale, timeZone: string) => ViewPayload,
): Promise<void> {
  const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: clusterId } });
  const view = compose(localeOf(null, cluster), cluster.timeZone);
  for (const recipient of await clusterChannels(tx, clusterId))
    await enqueueNotification(tx, {
      key: `${key}:${recipient.platform}`,
      clusterId,
      recipient,
      view,
      notBefore: ctx.clock.now(),
      subject: delphiSubject(delphiId),
      stage,
    });
}

export type LoadedDelphi = {
  id: string;
  clusterId: string;
  title: string;
  status: "OPEN" | "BETWEEN" | "CLOSED";
  round: number;
  scales: Scales;
  createdAt: Date;
  statements: { id: string; position: number; text: string; agendaItemId: string | null }[];
  rounds: { number: number; opensAt: Date; closesAt: Date; closedAt: Date | null }[];
  /** The pools of every round, by round number, then statement id (anonymous: no person anywhere). */
  pools: Map<number, Map<string, Pool>>;
};

/** A whole Delphi for results, charts and exports; null when there is none by that id. */
export async function loadDelphi(tx: Tx, id: string): Promise<LoadedDelphi | null> {
  const delphi = await tx.delphi.findUnique({
    where: { id },
    include: { ...withStatements, rounds: { orderBy: { number: "asc" } } },
  });
  if (!delphi) return null;
  const ids = delphi.statements.map((s) => s.id);
  const pools = new Map<number, Map<string, Pool>>();
  for (const r of delphi.rounds) pools.set(r.number, await poolsOf(tx, ids, r.number));
  return {
    id: delphi.id,
    clusterId: delphi.clusterId,
    title: delphi.title,
    status: delphi.status,
    round: delphi.round,
    scales: scalesOf(delphi.scales),
    createdAt: delphi.createdAt,
    statements: delphi.statements.map(({ id, position, text, agendaItemId }) => ({
      id,
      position,
      text,
      agendaItemId,
    })),
    rounds: delphi.rounds.map(({ number, opensAt, closesAt, closedAt }) => ({
      number,
      opensAt,
      closesAt,
      closedAt,
    })),
    pools,
  };
}
