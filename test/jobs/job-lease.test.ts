// One instance runs each job at a time: two instances (two schedulers, two instance ids) on one
// database tick the same job at the same moment and exactly one runs it; when the holder's lease runs
// out (an instance that died mid-job), another takes over; the outbox is shared, never leased.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_JOB_LEASE_MS, databaseJobLeases } from "../../src/jobs/job-lease.ts";
import { createScheduler } from "../../src/jobs/scheduler.ts";
import { type RunningJobs, startJobs } from "../../src/jobs/start-jobs.ts";
import { silentLogger } from "../../src/log/logger.ts";
import { createMetrics } from "../../src/metrics/metrics.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../support/database.ts";

let db: TestDatabase;
let now: Date;
const clock = { now: () => now };

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  now = new Date("2027-03-28T00:30:00Z"); // the night Europe enters summer time
});

function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((r) => {
    open = r;
  });
  return { opened, open };
}

/** An instance as the bot starts it (startJobs), with one job of its own; ticked by hand only. */
function instance(id: string, run: () => Promise<unknown>, skips: string[] = []): RunningJobs {
  return startJobs({
    db: db.prisma,
    gateways: {},
    clock,
    log: silentLogger,
    instanceId: id,
    extraJobs: [{ name: "work", cron: "0 0 1 1 *", run }],
    autoStart: false,
    onSkip: (job, reason) => skips.push(`${job} ${reason}`),
  });
}

function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("job leases", () => {
  it("runs a job ticked on two instances at the same moment on exactly one of them", async () => {
    const { opened, open } = gate();
    let runs = 0;
    const work = async () => {
      runs += 1;
      await opened;
    };
    const metrics = createMetrics({ processMetrics: false });
    const skips: string[] = [];
    const a = instance("host-a:1", work, skips);
    const b = startJobs({
      db: db.prisma,
      gateways: {},
      clock,
      log: silentLogger,
      instanceId: "host-b:1",
      extraJobs: [{ name: "work", cron: "0 0 1 1 *", run: work }],
      autoStart: false,
      onSkip: metrics.jobSkipped,
    });
    try {
      const ticks = [a.scheduler.tick("work"), b.scheduler.tick("work")];
      // The runner waits at the gate, so the first tick to finish is the one that found the lease held.
      expect(await Promise.race(ticks)).toBe("skipped");
      open();
      expect((await Promise.all(ticks)).sort()).toEqual(["ran", "skipped"]);
      expect(runs).toBe(1);
      const skipped =
        skips.length +
        (sample(await metrics.render(), 'ennakko_job_skipped_total{job="work",reason="leased"}') ?? 0);
      expect(skipped).toBe(1);
      // Released when done: the next tick may run on either instance.
      expect(await db.prisma.jobLease.count()).toBe(0);
      expect(await b.scheduler.tick("work")).toBe("ran");
      expect(await a.scheduler.tick("work")).toBe("ran");
      expect(runs).toBe(3);
    } finally {
      open();
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("lets another instance take over once the holder's lease has run out", async () => {
    const { opened, open } = gate();
    let runs = 0;
    // Instance A hangs in the job (as if it had died holding the lease).
    const a = instance("host-a:1", async () => {
      runs += 1;
      await opened;
    });
    const skips: string[] = [];
    const b = instance(
      "host-b:1",
      async () => {
        runs += 1;
      },
      skips,
    );
    try {
      const hung = a.scheduler.tick("work");
      await expect.poll(() => runs).toBe(1);
      expect(await b.scheduler.tick("work")).toBe("skipped");
      now = new Date(now.getTime() + DEFAULT_JOB_LEASE_MS - 1);
      expect(await b.scheduler.tick("work")).toBe("skipped");
      now = new Date(now.getTime() + 1);
      expect(await b.scheduler.tick("work")).toBe("ran");
      expect(runs).toBe(2);
      expect(skips).toEqual(["work leased", "work leased"]);
      open();
      expect(await hung).toBe("ran");
    } finally {
      open();
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it("keeps a lease that another instance took over from being released by the late holder", async () => {
    const a = databaseJobLeases({ db: db.prisma, clock, owner: "host-a:1" });
    const b = databaseJobLeases({ db: db.prisma, clock, owner: "host-b:1" });
    expect(await a.acquire("work", 60_000)).toBe(true);
    expect(await b.acquire("work", 60_000)).toBe(false);
    now = new Date(now.getTime() + 60_000);
    expect(await b.acquire("work", 60_000)).toBe(true);
    await a.release("work");
    expect(await db.prisma.jobLease.findUniqueOrThrow({ where: { name: "work" } })).toMatchObject({
      owner: "host-b:1",
    });
    expect(await a.acquire("work", 60_000)).toBe(false);
  });

  it("never leases a job that runs on every instance (the outbox shares its rows through SKIP LOCKED)", async () => {
    const { opened, open } = gate();
    let runs = 0;
    const shared = {
      name: "outbox",
      cron: "0 0 1 1 *",
      everyInstance: true,
      run: async () => {
        runs += 1;
        await opened;
      },
    };
    const schedulers = ["host-a:1", "host-b:1"].map((owner) =>
      createScheduler({
        log: silentLogger,
        jobs: [shared],
        leases: databaseJobLeases({ db: db.prisma, clock, owner }),
      }),
    );
    try {
      const ticks = schedulers.map((s) => s.tick("outbox"));
      await expect.poll(() => runs).toBe(2);
      open();
      expect(await Promise.all(ticks)).toEqual(["ran", "ran"]);
      expect(await db.prisma.jobLease.count()).toBe(0);
    } finally {
      open();
      await Promise.all(schedulers.map((s) => s.stop()));
    }
  });
});
