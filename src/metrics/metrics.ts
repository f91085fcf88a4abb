// The bot's Prometheus metrics, on a registry of its own (not prom-client's global one): every bot
// started in a process, tests' included, counts for itself. The kernel, the jobs and the HTTP server
// report through small callbacks (InteractionObserver, onDelivery, onJob); nothing outside this folder
// imports prom-client.
//
// Labels are bounded sets only (platform, intent kind, outcome, job name): never a cluster, person or
// conversation id, which would grow a series per cluster and say who did what.
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { DeliveryResult } from "../kernel/app/ports/chat-gateway.ts";
import type { InteractionObserver } from "../kernel/surface/interaction-observer.ts";

export type JobOutcome = "ran" | "failed";
export type DeliveryOutcome = "sent" | "throttled" | "retryable" | "failed";

export type Metrics = {
  registry: Registry;
  /** For createDispatcher: counts and times every interaction. */
  interaction: InteractionObserver;
  /** For the outbox worker: one delivery attempt's result and how long the platform took. */
  delivery(platform: string, result: DeliveryResult, durationMs: number): void;
  /** For the scheduler: one job run (skipped ticks are not runs). */
  job(name: string, outcome: JobOutcome, durationMs: number): void;
  /** For the scheduler: one skipped tick (the job still running here, or leased by another instance). */
  jobSkipped(name: string, reason: string): void;
  /** For AppContext.onJobItemFailure: one item of a job failed and was skipped (eachJobItem). */
  jobItemFailed(job: string): void;
  /** The text a scrape gets, and its content type. */
  render(): Promise<string>;
  contentType: string;
};

/** Seconds: Slack wants its ack within 3 s; a job may run for minutes (the outbox drains up to 2). */
const INTERACTION_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];
const DELIVERY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 30, 60, 120, 300];

export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  // Process figures (resident memory, CPU, event-loop lag, heap): what an operator watches first.
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });

  const interactions = new Counter({
    name: "ennakko_interactions_total",
    help: "Interactions handled (commands, button clicks, form submissions), by platform, kind and outcome.",
    labelNames: ["platform", "kind", "outcome"] as const,
    registers: [registry],
  });
  const interactionSeconds = new Histogram({
    name: "ennakko_interaction_duration_seconds",
    help: "Time from an interaction reaching the dispatcher to its answer being ready.",
    labelNames: ["platform", "kind", "outcome"] as const,
    buckets: INTERACTION_BUCKETS,
    registers: [registry],
  });
  const deliveries = new Counter({
    name: "ennakko_deliveries_total",
    help: "Outbox delivery attempts by platform and outcome: sent, throttled (HTTP 429, or 503 with Retry-After), retryable (will be retried), failed (permanently).",
    labelNames: ["platform", "outcome"] as const,
    registers: [registry],
  });
  const deliverySeconds = new Histogram({
    name: "ennakko_delivery_duration_seconds",
    help: "How long the platform took to answer one outbox delivery.",
    labelNames: ["platform"] as const,
    buckets: DELIVERY_BUCKETS,
    registers: [registry],
  });
  const jobSeconds = new Histogram({
    name: "ennakko_job_duration_seconds",
    help: "Duration of background job runs, by job and outcome (ran, failed).",
    labelNames: ["job", "outcome"] as const,
    buckets: JOB_BUCKETS,
    registers: [registry],
  });
  const jobFailures = new Counter({
    name: "ennakko_job_failures_total",
    help: "Background job runs that failed (the job is tried again on its next tick).",
    labelNames: ["job"] as const,
    registers: [registry],
  });

  const jobSkips = new Counter({
    name: "ennakko_job_skipped_total",
    help: "Job ticks that did not run the job: still running on this instance (running), or another instance holds the job's lease (leased).",
    labelNames: ["job", "reason"] as const,
    registers: [registry],
  });
  const jobItemFailures = new Counter({
    name: "ennakko_job_item_failures_total",
    help: "Items a background job skipped because they failed (e.g. a measure whose owner's time zone is invalid); the job served the others.",
    labelNames: ["job"] as const,
    registers: [registry],
  });

  return {
    registry,
    interaction(report) {
      const labels = { platform: report.platform, kind: report.kind, outcome: report.outcome };
      interactions.inc(labels);
      interactionSeconds.observe(labels, report.durationMs / 1000);
    },
    delivery(platform, result, durationMs) {
      deliveries.inc({ platform, outcome: deliveryOutcome(result) });
      deliverySeconds.observe({ platform }, durationMs / 1000);
    },
    job(name, outcome, durationMs) {
      jobSeconds.observe({ job: name, outcome }, durationMs / 1000);
      if (outcome === "failed") jobFailures.inc({ job: name });
    },
    jobSkipped(name, reason) {
      jobSkips.inc({ job: name, reason });
    },
    jobItemFailed(job) {
      jobItemFailures.inc({ job });
    },
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}

/**
 * A throttle is a Retry-After the gateway passed on (Slack's and Teams' 429, Teams' 503), or a 429
 * or "ratelimited" without one (the gateways then name it in the error text).
 */
export function deliveryOutcome(result: DeliveryResult): DeliveryOutcome {
  if (result.ok) return "sent";
  if (!result.retryable) return "failed";
  if (result.retryAfterMs !== undefined || /\b429\b|rate ?limited/i.test(result.error)) return "throttled";
  return "retryable";
}
