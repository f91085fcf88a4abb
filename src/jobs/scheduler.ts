// node-cron ticks → jobs. A job never overlaps itself (a tick that finds it still running is skipped),
// nor runs on two instances at once when `leases` are given (a tick that finds another instance
// holding the job's lease is skipped: job-lease.ts), a failing job is logged and tried again on its
// next tick, and stop() waits for running jobs.
import { createTask, type ScheduledTask, validate } from "node-cron";
import type { Logger } from "../log/logger.ts";
import { DEFAULT_JOB_LEASE_MS, type JobLeases } from "./job-lease.ts";

export type Job = {
  name: string;
  /** node-cron syntax; six fields = with seconds, e.g. "*\/15 * * * * *" every 15 s. */
  cron: string;
  /** `signal` aborts when the scheduler stops: long jobs should stop early and leave work for later. */
  run(signal: AbortSignal): Promise<unknown>;
  /** Runs on every instance at once, unleased (the outbox: its rows are shared through SKIP LOCKED). */
  everyInstance?: boolean;
  /** How long the job's lease holds (longer than the job may run); DEFAULT_JOB_LEASE_MS by default. */
  leaseMs?: number;
};

export type TickOutcome = "ran" | "failed" | "skipped";

export type Scheduler = {
  start(): void;
  /** Stops the ticks, aborts running jobs' signals and waits (up to `graceMs`) for them to finish. */
  stop(graceMs?: number): Promise<void>;
  /** Runs a job now, under the same no-overlap rule as a tick (tests, admin commands). */
  tick(name: string): Promise<TickOutcome>;
};

/** Hears of every run (not of skipped ticks): metrics count durations and failures per job. */
export type JobObserver = (job: string, outcome: "ran" | "failed", durationMs: number) => void;

/** Why a tick did not run its job: still running here, or another instance holds the job's lease. */
export type SkipReason = "running" | "leased";
/** Hears of every skipped tick (metrics count them per job and reason). */
export type SkipObserver = (job: string, reason: SkipReason) => void;

export function createScheduler({
  jobs,
  log,
  timezone = "UTC",
  onRun = () => undefined,
  onSkip = () => undefined,
  leases,
}: {
  jobs: Job[];
  log: Logger;
  timezone?: string;
  onRun?: JobObserver;
  onSkip?: SkipObserver;
  /** Absent: this instance runs every job on every tick (one instance, tests). */
  leases?: JobLeases;
}): Scheduler {
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`scheduler: two jobs are named "${job.name}"`);
    if (!validate(job.cron))
      throw new Error(`scheduler: job "${job.name}" has an invalid cron "${job.cron}"`);
    names.add(job.name);
  }
  const controller = new AbortController();
  const running = new Map<string, Promise<TickOutcome>>();
  let tasks: ScheduledTask[] = [];

  function tick(name: string): Promise<TickOutcome> {
    const job = jobs.find((j) => j.name === name);
    if (!job) return Promise.reject(new Error(`scheduler: no job named "${name}"`));
    const skipped = (reason: SkipReason): TickOutcome => {
      try {
        onSkip(name, reason);
      } catch (error) {
        log.error("job observer failed", { job: name, error });
      }
      return "skipped";
    };
    if (running.has(name)) {
      log.debug("job still running; tick skipped", { job: name });
      return Promise.resolve(skipped("running"));
    }
    if (controller.signal.aborted) return Promise.resolve("skipped");
    const leased = leases && !job.everyInstance ? leases : null;
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    const observe = (outcome: "ran" | "failed") => {
      try {
        onRun(name, outcome, performance.now() - started);
      } catch (error) {
        log.error("job observer failed", { job: name, error });
      }
    };
    const run = (async (): Promise<TickOutcome> => {
      let held = false;
      try {
        if (leased) {
          held = await leased.acquire(name, job.leaseMs ?? DEFAULT_JOB_LEASE_MS);
          if (!held) {
            log.debug("job leased by another instance; tick skipped", { job: name });
            return skipped("leased");
          }
        }
        await job.run(controller.signal);
        log.debug("job finished", { job: name, ms: ms() });
        observe("ran");
        return "ran";
      } catch (error) {
        log.error("job failed", { job: name, error, ms: ms() });
        observe("failed");
        return "failed";
      } finally {
        if (held)
          await leased
            ?.release(name)
            .catch((error: unknown) => log.warn("job lease not released; it expires", { job: name, error }));
        running.delete(name);
      }
    })();
    running.set(name, run);
    return run;
  }

  const cronLogger = {
    info: (message: string) => log.debug(message, { source: "node-cron" }),
    warn: (message: string) => log.warn(message, { source: "node-cron" }),
    error: (message: string | Error, error?: Error) =>
      log.error(String(message), { source: "node-cron", error }),
    debug: (message: string | Error) => log.debug(String(message), { source: "node-cron" }),
  };

  return {
    start() {
      if (tasks.length > 0 || controller.signal.aborted) return;
      tasks = jobs.map((job) =>
        createTask(
          job.cron,
          async () => {
            await tick(job.name);
          },
          { name: `ennakko:${job.name}`, timezone, logger: cronLogger, suppressMissedWarning: true },
        ),
      );
      for (const task of tasks)
        void Promise.resolve(task.start()).catch((error: unknown) =>
          log.error("cron start failed", { error }),
        );
    },
    async stop(graceMs = 10_000) {
      controller.abort();
      // destroy(), not just stop(): it also drops the task from node-cron's global registry.
      await Promise.all(tasks.map((task) => Promise.resolve(task.destroy()).catch(() => undefined)));
      tasks = [];
      const pending = [...running.values()];
      if (pending.length === 0) return;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), graceMs);
      });
      const settled = await Promise.race([Promise.allSettled(pending), timeout]);
      clearTimeout(timer);
      if (settled === "timeout") log.warn("jobs still running after stop", { jobs: [...running.keys()] });
    },
    tick,
  };
}
