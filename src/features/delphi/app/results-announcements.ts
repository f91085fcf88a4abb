// A Delphi's results in the cluster's channels (every platform it is bound on), in the cluster's
// language, through the outbox: the outbox paces the messages within the platforms' limits. Queued when
// a round closes (queueDelphiResults, called by the round-closing job) or when someone asks
// (`delphi results`).
import type { AppContext } from "../../../kernel/app/context.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { clusterChannels } from "../../../kernel/app/recipients.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { type DelphiResults, loadDelphiResults } from "./results-load.ts";
import type { DelphiResultsNotification } from "./results-notifications.ts";

/** Statements per channel message: each has a chart, and Slack draws at most two a message. */
export const STATEMENTS_PER_MESSAGE = 2;

/** The results as channel messages: the overview with the first statements, then two at a time. */
export function resultsNotifications(
  results: DelphiResults,
  clusterName: string,
): DelphiResultsNotification[] {
  const { summary } = results;
  const chunks: DelphiResultsNotification["statements"][] = [];
  for (let i = 0; i < summary.statements.length; i += STATEMENTS_PER_MESSAGE)
    chunks.push(summary.statements.slice(i, i + STATEMENTS_PER_MESSAGE));
  if (chunks.length === 0) chunks.push([]);
  return chunks.map((statements, i) => ({
    type: "delphi.results",
    delphiId: results.delphiId,
    scales: results.scales,
    rounds: summary.rounds,
    overview:
      i === 0
        ? {
            title: results.title,
            clusterName,
            rounds: summary.rounds,
            statements: summary.statements.length,
            consensusCount: summary.consensusCount,
            disagreements: summary.disagreements.map((s) => ({ position: s.position, text: s.text })),
          }
        : null,
    statements,
  }));
}

export type QueuedResults = { delphiId: string; title: string; round: number; messages: number };

/**
 * Queues the results of the Delphi's closed rounds for the cluster's channels, inside the caller's
 * transaction. The round-closing job calls it once a round has closed (the outbox key makes a second
 * call for the same round change nothing); `asked` (a person's `delphi results`) posts again.
 * Null when no round has closed yet.
 */
export async function queueDelphiResults(
  ctx: AppContext,
  tx: Tx,
  delphiId: string,
  options: { asked?: boolean } = {},
): Promise<QueuedResults | null> {
  const delphi = await tx.delphi.findUniqueOrThrow({ where: { id: delphiId }, include: { cluster: true } });
  const results = await loadDelphiResults(tx, delphi);
  const round = results.summary.rounds.at(-1);
  if (round === undefined) return null;
  const locale = localeOf(null, delphi.cluster);
  const now = ctx.clock.now().getTime();
  const views = resultsNotifications(results, delphi.cluster.name).map((m) => ctx.compose.compose(m, locale));
  const occasion = options.asked ? `asked-${now}` : "closed";
  for (const recipient of await clusterChannels(tx, delphi.clusterId))
    for (const [index, view] of views.entries())
      await enqueueNotification(tx, {
        key: `delphi:${delphiId}:results-r${round}:${occasion}:${recipient.platform}:${index}`,
        clusterId: delphi.clusterId,
        recipient,
        view,
        subject: `delphi:${delphiId}`,
        stage: `results-r${round}`,
        // A millisecond apart: the outbox sends in notBefore order, so the messages keep theirs.
        notBefore: new Date(now + index),
      });
  return { delphiId, title: delphi.title, round, messages: views.length };
}
