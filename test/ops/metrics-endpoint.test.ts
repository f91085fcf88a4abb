// /metrics: served only with METRICS_TOKEN and only to that bearer token; counts interactions by
// platform, kind and outcome (with their latency), outbox depth and age read on scrape, deliveries
// and throttles by platform, and job runs; and the dispatcher's one `info` line per interaction.
// The real bot: Bolt HTTP receiver with signed requests, the fake Slack Web API, the outbox worker.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log/logger.ts";
import { FakeSlackApi } from "../fakes/slack-api.ts";
import { truncateAll } from "../support/database.ts";
import { slackJourney } from "../support/slack-journey.ts";
import { slackHttpEnv, startTestBot, type TestBot } from "../support/test-bot.ts";

const TOKEN = "metrics-token-0123456789abcdef0123456789";
const EMAIL = "aino.virtanen@lapinamk.example";

let slack: FakeSlackApi;
let bot: TestBot;
const lines: string[] = [];

beforeAll(async () => {
  slack = await new FakeSlackApi().start();
  slack.users.set("U-AINO", { display_name: "Aino Virtanen", email: EMAIL, locale: "en-US" });
  bot = await startTestBot({ ...slackHttpEnv(slack.apiUrl), METRICS_TOKEN: TOKEN }, undefined, {
    jobs: "manual",
    log: createLogger("info", (line) => lines.push(line)),
  });
});
afterAll(async () => {
  await bot?.stop();
  await slack?.stop();
});
beforeEach(async () => {
  await truncateAll(bot.db);
  slack.reset();
  lines.length = 0;
});

let replies = 0;
const { command, createCluster } = slackJourney(() => ({ bot, slack }), {
  nextId: () => `m${++replies}`,
  expectAck: true,
});

async function scrape(token = TOKEN) {
  const res = await fetch(`${bot.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

/** The value of one sample, e.g. sample(text, 'ennakko_outbox_pending'), or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const interactionLines = () =>
  lines.map((l) => JSON.parse(l)).filter((l: { msg: string }) => l.msg === "interaction");

describe("/metrics", () => {
  it("answers only the bearer token, in Prometheus text format", async () => {
    expect((await fetch(`${bot.baseUrl}/metrics`)).status).toBe(401);
    expect((await scrape("wrong-token-0123456789abcdef0123456789")).status).toBe(401);
    const ok = await scrape();
    expect(ok.status).toBe(200);
    expect(ok.type).toContain("text/plain");
    expect(ok.text).toContain("# TYPE ennakko_interactions_total counter");
    expect(ok.text).toContain("# TYPE process_resident_memory_bytes gauge");
  });

  it("is not served at all without METRICS_TOKEN", async () => {
    const other = await startTestBot({}, bot.db);
    try {
      const res = await fetch(`${other.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(404);
    } finally {
      await other.stop();
    }
  });

  it("counts interactions by platform, kind and outcome, with their latency", async () => {
    await createCluster("U-AINO", "Energy");
    await slack.waitFor(`response_url:${await command("U-AINO", "members")}`);
    const text = (await scrape()).text;
    const ok = 'platform="SLACK",kind="command",outcome="ok"';
    expect(sample(text, `ennakko_interactions_total{${ok}}`)).toBe(2);
    expect(sample(text, `ennakko_interactions_total{platform="SLACK",kind="submit",outcome="ok"}`)).toBe(1);
    expect(sample(text, `ennakko_interaction_duration_seconds_count{${ok}}`)).toBe(2);
    expect(sample(text, `ennakko_interaction_duration_seconds_bucket{le="+Inf",${ok}}`)).toBe(2);
  });

  it("reads the outbox's depth and oldest pending age on scrape, and counts deliveries and 429s", async () => {
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000);
    const payload = (text: string) => ({ v: 1, kind: "channel", view: { fallback: text, elements: [] } });
    for (const n of [1, 2, 3])
      await bot.db.prisma.outboxMessage.create({
        data: {
          key: `metrics:${n}`,
          platform: "SLACK",
          target: "C-ENERGY",
          payload: payload(`note ${n}`),
          createdAt: n === 1 ? fiveMinutesAgo : new Date(),
          notBefore: new Date(Date.now() - 1000),
        },
      });
    let text = (await scrape()).text;
    expect(sample(text, "ennakko_database_up")).toBe(1);
    expect(sample(text, "ennakko_outbox_pending")).toBe(3);
    const age = sample(text, "ennakko_outbox_oldest_pending_age_seconds")!;
    expect(age).toBeGreaterThanOrEqual(300);
    expect(age).toBeLessThan(3600);

    // The first post is throttled (HTTP 429, Retry-After 1 s): the worker waits it out and sends all.
    slack.failNext("chat.postMessage", 429, { retryAfter: 1 });
    expect(await bot.bot.jobs!.scheduler.tick("outbox")).toBe("ran");
    text = (await scrape()).text;
    expect(sample(text, 'ennakko_deliveries_total{platform="SLACK",outcome="throttled"}')).toBe(1);
    expect(sample(text, 'ennakko_deliveries_total{platform="SLACK",outcome="sent"}')).toBe(3);
    expect(sample(text, 'ennakko_delivery_duration_seconds_count{platform="SLACK"}')).toBe(4);
    expect(sample(text, "ennakko_outbox_pending")).toBe(0);
    expect(sample(text, "ennakko_outbox_oldest_pending_age_seconds")).toBe(0);
    expect(sample(text, 'ennakko_job_duration_seconds_count{job="outbox",outcome="ran"}')).toBe(1);
  });

  it("shows the PostgreSQL pool's use; the embedded engine has no pool", async () => {
    const text = (await scrape()).text;
    if (bot.db.kind === "postgres") {
      expect(sample(text, 'ennakko_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'ennakko_db_pool_connections{state="waiting"}')).toBe(0);
    } else expect(text).not.toContain("ennakko_db_pool_connections");
  });
});

describe("the interaction log line", () => {
  it("is one info line per interaction: platform, kind, cluster, outcome, duration; no names, e-mail or text", async () => {
    await createCluster("U-AINO", "Energy");
    const cluster = await bot.db.prisma.cluster.findFirstOrThrow();
    lines.length = 0;
    await slack.waitFor(`response_url:${await command("U-AINO", "members")}`);
    const [line, ...more] = interactionLines();
    expect(more).toEqual([]);
    expect(line).toEqual({
      level: "info",
      time: expect.any(String),
      msg: "interaction",
      platform: "SLACK",
      kind: "command",
      outcome: "ok",
      clusterId: cluster.id,
      durationMs: expect.any(Number),
    });
    const everything = lines.join("\n");
    for (const secret of ["Aino", "Virtanen", EMAIL, "members", "U-AINO"])
      expect(everything).not.toContain(secret);
  });
});
