// 10,000 reminders due at once, delivered by two outbox workers (two instances) on one PostgreSQL
// database, through the real Slack gateway, to the fake Slack Web API enforcing a rate limit on
// chat.postMessage with 429 + Retry-After. Lost and duplicated must be 0; elapsed is compared with
// the rate-limit floor (count / rate).
import type { Db } from "../../src/db/open-database.ts";
import { createOutboxWorker, type OutboxRunResult } from "../../src/jobs/outbox-worker.ts";
import { systemClock } from "../../src/kernel/app/context.ts";
import { enqueueNotification } from "../../src/kernel/app/outbox/enqueue-notification.ts";
import { slackDmChannelStore } from "../../src/kernel/app/outbox/slack-dm-channels.ts";
import { silentLogger } from "../../src/log/logger.ts";
import { createSlackGateway } from "../../src/platforms/slack/slack-gateway.ts";
import { FakeSlackApi, type RecordedCall } from "../../test/fakes/slack-api.ts";
import { TENANT, u } from "./seed.ts";

export type DeliveryFigures = {
  count: number;
  rate: number;
  workers: number;
  delivered: number;
  duplicates: number;
  lost: number;
  elapsedSeconds: number;
  floorSeconds: number;
  throttled: number;
  conversationsOpen: number;
};

const keyOf = (call: RecordedCall) =>
  (call.body.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key;

export async function deliverBurst(
  db: Db,
  {
    count,
    rate,
    workers,
    timeoutSeconds,
    clusters,
  }: { count: number; rate: number; workers: number; timeoutSeconds: number; clusters: number },
): Promise<DeliveryFigures> {
  const slack = await new FakeSlackApi().start();
  slack.rateLimit("chat.postMessage", rate);
  try {
    const now = systemClock.now();
    for (let from = 0; from < count; from += 500)
      await db.$transaction(async (tx) => {
        for (let n = from; n < Math.min(count, from + 500); n++)
          await enqueueNotification(tx, {
            key: `bench:burst:reminder:${n}`,
            clusterId: u(`c-${n % clusters}`),
            recipient: { platform: "SLACK", kind: "user", id: `U${String(n).padStart(8, "0")}` },
            view: {
              fallback: "Reminder: the pulse closes on Friday",
              elements: [{ type: "text", text: "*Reminder*: the pulse closes on Friday at 16:00" }],
            },
            notBefore: now,
            subject: `pulse:${u("pu-bench")}`,
            stage: "reminder-1",
            personId: u(`p-${n}`),
          });
      });
    void TENANT;
    // Members the bot has written to before: their DM channels are known (kept in the database, shared
    // by every instance), as in a deployment that has run for a while. None are opened again.
    const dmKnown = process.env.SCALE_DM_KNOWN !== "0";
    if (dmKnown)
      await db.$executeRawUnsafe(
        `INSERT INTO "SlackDmChannel" ("teamId", "userId", "channelId")
         SELECT '', 'U' || lpad(n::text, 8, '0'), 'D' || lpad(n::text, 8, '0') FROM generate_series(0, ${count - 1}) n
         ON CONFLICT DO NOTHING`,
      );
    const gateway = createSlackGateway({
      token: "xoxb-bench",
      apiUrl: slack.apiUrl,
      log: silentLogger,
      dmChannels: slackDmChannelStore(db),
    });
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), timeoutSeconds * 1000);
    const pending = () =>
      db.outboxMessage.count({ where: { status: "PENDING", key: { startsWith: "bench:burst:" } } });
    const totals: OutboxRunResult[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: workers }, async (_, n) => {
        const worker = createOutboxWorker({
          db,
          gateways: { SLACK: gateway },
          clock: systemClock,
          log: silentLogger,
          workerId: `instance-${n + 1}`,
        });
        const total: OutboxRunResult = {
          claimed: 0,
          sent: 0,
          retried: 0,
          throttled: 0,
          failed: 0,
          released: 0,
          lost: 0,
        };
        while (!controller.signal.aborted) {
          const r = await worker.drain({ signal: controller.signal, budgetMs: 120_000 });
          for (const k of Object.keys(total) as (keyof OutboxRunResult)[]) total[k] += r[k];
          if ((await pending()) === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        totals[n] = total;
      }),
    );
    const elapsedSeconds = (performance.now() - started) / 1000;
    clearTimeout(timeout);
    const accepted = slack
      .acceptedCalls("chat.postMessage")
      .filter((c) => keyOf(c)?.startsWith("bench:burst:"));
    const distinct = new Set(accepted.map(keyOf)).size;
    return {
      count,
      rate,
      workers,
      delivered: distinct,
      duplicates: accepted.length - distinct,
      lost: count - distinct,
      elapsedSeconds,
      floorSeconds: count / rate,
      throttled: slack.rateLimitedCount,
      conversationsOpen: slack.callsTo("conversations.open").length,
    };
  } finally {
    await slack.stop();
  }
}
