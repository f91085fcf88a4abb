// Job runs reach the metrics through the scheduler's observer: durations by job and outcome, failures
// counted per job, skipped ticks not counted as runs. And which delivery results count as throttles.
import { describe, expect, it } from "vitest";
import { createScheduler } from "../../src/jobs/scheduler.ts";
import { silentLogger } from "../../src/log/logger.ts";
import { createMetrics, deliveryOutcome } from "../../src/metrics/metrics.ts";

function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("job metrics", () => {
  it("times every run by job and outcome and counts failures; a skipped tick is no run", async () => {
    const metrics = createMetrics({ processMetrics: false });
    let release = () => {};
    const scheduler = createScheduler({
      log: silentLogger,
      onRun: metrics.job,
      jobs: [
        { name: "fine", cron: "0 0 1 1 *", run: async () => undefined },
        {
          name: "broken",
          cron: "0 0 1 1 *",
          run: async () => {
            throw new Error("boom");
          },
        },
        { name: "slow", cron: "0 0 1 1 *", run: () => new Promise<void>((r) => (release = r)) },
      ],
    });
    expect(await scheduler.tick("fine")).toBe("ran");
    expect(await scheduler.tick("broken")).toBe("failed");
    expect(await scheduler.tick("broken")).toBe("failed");
    const slow = scheduler.tick("slow");
    expect(await scheduler.tick("slow")).toBe("skipped");
    release();
    expect(await slow).toBe("ran");
    await scheduler.stop();

    const text = await metrics.render();
    expect(sample(text, 'ennakko_job_duration_seconds_count{job="fine",outcome="ran"}')).toBe(1);
    expect(sample(text, 'ennakko_job_duration_seconds_count{job="broken",outcome="failed"}')).toBe(2);
    expect(sample(text, 'ennakko_job_duration_seconds_count{job="slow",outcome="ran"}')).toBe(1);
    expect(sample(text, 'ennakko_job_failures_total{job="broken"}')).toBe(2);
    expect(sample(text, 'ennakko_job_failures_total{job="fine"}')).toBeUndefined();
  });

  it("keeps each bot's counts apart (own registry, not prom-client's global one)", async () => {
    const a = createMetrics({ processMetrics: false });
    const b = createMetrics({ processMetrics: false });
    a.job("outbox", "failed", 5);
    expect(sample(await a.render(), 'ennakko_job_failures_total{job="outbox"}')).toBe(1);
    expect(sample(await b.render(), 'ennakko_job_failures_total{job="outbox"}')).toBeUndefined();
  });
});

describe("delivery outcomes", () => {
  it.each([
    [{ ok: true } as const, "sent"],
    [
      { ok: false, retryable: true, retryAfterMs: 30_000, error: "slack: rate limited" } as const,
      "throttled",
    ],
    [{ ok: false, retryable: true, error: "slack: HTTP 429" } as const, "throttled"],
    [{ ok: false, retryable: true, error: "slack: ratelimited" } as const, "throttled"],
    [{ ok: false, retryable: true, error: "teams: HTTP 502 bad gateway" } as const, "retryable"],
    [{ ok: false, retryable: false, error: "slack: channel_not_found" } as const, "failed"],
  ])("%j is %s", (result, outcome) => {
    expect(deliveryOutcome(result)).toBe(outcome);
  });
});
