// The results of a pulse in the cluster's channels: one message with the response rate, then one
// per question with its chart and the change since the previous cycle. Enqueued in the transaction
// that closes the pulse, so results are posted exactly when a pulse has closed.

import type { AppContext } from "../../../kernel/app/context.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { clusterChannels } from "../../../kernel/app/recipients.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import type { PulseNotification } from "./notifications.ts";
import type { PulseResults } from "./pulse-results.ts";

export async function enqueueResults(
  ctx: AppContext,
  tx: Tx,
  clusterId: string,
  results: PulseResults,
): Promise<void> {
  const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: clusterId } });
  const locale = localeOf(null, cluster);
  const now = ctx.clock.now().getTime();
  const messages = resultsNotifications(results, cluster.name, false).map((message) =>
    ctx.compose.compose(message, locale),
  );
  for (const recipient of await clusterChannels(tx, clusterId)) {
    for (const [index, view] of messages.entries()) {
      await enqueueNotification(tx, {
        key: `pulse:${results.pulseId}:results:${recipient.platform}:${index}`,
        clusterId,
        recipient,
        view,
        // A millisecond apart: the outbox sends in notBefore order, so the messages keep theirs.
        notBefore: new Date(now + index),
      });
    }
  }
}

/** The results as messages: the header with the response rate, then one per question. */
export function resultsNotifications(
  results: PulseResults,
  clusterName: string,
  live: boolean,
): PulseNotification[] {
  const previousTitle = results.previousPulse?.title ?? null;
  return [
    {
      type: "pulse.results",
      pulseId: results.pulseId,
      title: results.title,
      clusterName,
      respondents: results.summary.respondents,
      rate: results.rate,
      anonymous: results.anonymous,
      live,
      previousTitle,
    },
    ...results.summary.questions.map(
      (summary, index): PulseNotification => ({
        type: "pulse.question-result",
        pulseTitle: results.title,
        number: index + 1,
        question: results.questions.find((q) => q.key === summary.key)!,
        summary,
        comparison: results.comparisons[summary.key] ?? null,
        previousTitle,
      }),
    ),
  ];
}
