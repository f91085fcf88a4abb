// The background work of one bot instance. Every instance ticks the same jobs; a lease per job
// (job-lease.ts) lets one instance run each at a time, the outbox excepted (its rows are shared through
// SKIP LOCKED), and the database (claims, unique keys) makes sure that each piece of work is done once.

import type { Db } from "../db/open-database.ts";
import type { AppContext, Clock } from "../kernel/app/context.ts";
import { purgeInteractionReceipts } from "../kernel/app/interaction-receipts.ts";
import {
  DEFAULT_OUTBOX_RETENTION_DAYS,
  FAILED_OUTBOX_RETENTION_DAYS,
  type OutboxRetention,
  purgeOutbox,
} from "../kernel/app/outbox/purge-outbox.ts";
import type { GatewayRouter, Gateways } from "../kernel/app/ports/chat-gateway.ts";
import type { DownloadUrl } from "../kernel/app/ports/composer.ts";
import type { FeatureJob } from "../kernel/feature-module.ts";
import type { Logger } from "../log/logger.ts";
import { databaseJobLeases } from "./job-lease.ts";
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from "./outbox-worker.ts";
import {
  createScheduler,
  type Job,
  type JobObserver,
  type Scheduler,
  type SkipObserver,
} from "./scheduler.ts";

export const OUTBOX_CRON = "*/15 * * * * *";
/** Hourly, away from the other hourly jobs' minutes. */
export const OUTBOX_PURGE_CRON = "15 41 * * * *";

/** The kernel's own housekeeping, run beside the features' jobs. */
export const KERNEL_JOBS: readonly FeatureJob[] = [
  { name: "purge-interaction-receipts", cron: "45 17 * * * *", run: (app) => purgeInteractionReceipts(app) },
];

/**
 * The kernel's and the installed features' jobs (registry().jobs) as the scheduler runs them, against
 * `app`. Each is idempotent (stable outbox keys), so overlapping instances or a restart mid-tick only
 * repeat work, never messages.
 */
export function appJobs(app: AppContext, featureJobs: readonly FeatureJob[]): Job[] {
  return [...KERNEL_JOBS, ...featureJobs].map((job) => ({
    name: job.name,
    cron: job.cron,
    run: (signal) => job.run(app, signal),
  }));
}

export type RunningJobs = {
  scheduler: Scheduler;
  outbox: OutboxWorker;
  stop(): Promise<void>;
};

export function startJobs({
  db,
  gateways,
  clock,
  log,
  instanceId,
  downloadUrl,
  extraJobs = [],
  autoStart = true,
  onRun,
  onSkip,
  onDelivery,
  outboxRetention = { sentDays: DEFAULT_OUTBOX_RETENTION_DAYS, failedDays: FAILED_OUTBOX_RETENTION_DAYS },
}: {
  db: Db;
  gateways: Gateways | GatewayRouter;
  clock: Clock;
  log: Logger;
  /** Unique per running process, e.g. `${hostname()}:${process.pid}`; names leases. */
  instanceId: string;
  /** How the outbox builds the download links it mints as it sends (absent: no public URL). */
  downloadUrl?: DownloadUrl;
  /** Beside the outbox: the kernel's and the features' jobs (appJobs). */
  extraJobs?: Job[];
  /** false: jobs run only when ticked by hand. */
  autoStart?: boolean;
  /** Metrics: every job run, and every outbox delivery attempt. */
  onRun?: JobObserver;
  /** Metrics: every skipped tick (still running here, or leased by another instance). */
  onSkip?: SkipObserver;
  onDelivery?: OutboxWorkerOptions["onDelivery"];
  /** How long delivered (and failed) rows stay before the hourly purge deletes them. */
  outboxRetention?: OutboxRetention;
}): RunningJobs {
  const outbox = createOutboxWorker({
    db,
    gateways,
    clock,
    log,
    workerId: instanceId,
    downloadUrl,
    onDelivery,
  });
  const scheduler = createScheduler({
    jobs: [
      // A tick drains what is due (up to 2 minutes); ticks that arrive meanwhile are skipped.
      {
        name: "outbox",
        cron: OUTBOX_CRON,
        run: (signal) => outbox.drain({ signal, budgetMs: 120_000 }),
        everyInstance: true,
      },
      {
        name: "outbox-purge",
        cron: OUTBOX_PURGE_CRON,
        run: (signal) => purgeOutbox(db, clock, outboxRetention, { signal }),
      },
      ...extraJobs,
    ],
    log,
    onRun,
    onSkip,
    leases: databaseJobLeases({ db, clock, owner: instanceId }),
  });
  // Tests drive the jobs with scheduler.tick() alone, so no cron tick can race them.
  if (autoStart) scheduler.start();
  return { scheduler, outbox, stop: () => scheduler.stop() };
}
