// One instance runs each scheduled job at a time. Every instance ticks every job at the same second;
// before running one, an instance takes the job's row in JobLease with one statement (insert, or take
// over a row whose lease has run out or that is already ours) and the others, finding it held, skip
// their tick. The holder deletes the row when the job ends; an instance that dies holding it loses it
// when `until` passes, so the bound must be longer than the job may run. A job that overruns it may
// meet a second runner: harmless, the jobs guard their own work (claims, unique outbox keys), it only
// costs work twice.
//
// Why a lease row and not a PostgreSQL advisory lock or a job queue: a session advisory lock pins one
// pooled connection for the whole length of the job, and the embedded default (PGlite) has a single
// connection, shared with everything else; pg-boss and graphile-worker need a schema of their own and
// LISTEN/NOTIFY, and do not run on PGlite. A row works the same on both engines and with any pool.
// The outbox is not leased: every instance shares its rows through FOR UPDATE SKIP LOCKED.
import type { Db } from "../db/open-database.ts";
import type { Clock } from "../kernel/app/context.ts";

/** Longer than any of our jobs runs (the outbox, the longest, drains for up to 2 minutes and is not leased). */
export const DEFAULT_JOB_LEASE_MS = 10 * 60_000;

export type JobLeases = {
  /** Takes the job's lease for `ms` unless another instance holds it still; true when ours. */
  acquire(job: string, ms: number): Promise<boolean>;
  /** Hands it back at once (only if still ours), so that any instance may run the next tick. */
  release(job: string): Promise<void>;
};

export function databaseJobLeases({ db, clock, owner }: { db: Db; clock: Clock; owner: string }): JobLeases {
  return {
    async acquire(job, ms) {
      const now = clock.now();
      // Timestamps travel as ISO strings cast to timestamp(3): the column holds UTC without a zone,
      // and this keeps the comparison independent of the driver's and the session's time zone.
      const nowAt = now.toISOString();
      const until = new Date(now.getTime() + ms).toISOString();
      // ON CONFLICT … WHERE: when another instance inserts or updates the row at the same moment,
      // PostgreSQL waits for it and checks the condition against what it wrote, so one of them wins.
      const rows = await db.$queryRaw<{ name: string }[]>`
        INSERT INTO "JobLease" ("name", "owner", "until")
        VALUES (${job}, ${owner}, ${until}::timestamp(3))
        ON CONFLICT ("name") DO UPDATE SET "owner" = EXCLUDED."owner", "until" = EXCLUDED."until"
         WHERE "JobLease"."until" <= ${nowAt}::timestamp(3) OR "JobLease"."owner" = EXCLUDED."owner"
        RETURNING "name"`;
      return rows.length === 1;
    },
    async release(job) {
      await db.jobLease.deleteMany({ where: { name: job, owner } });
    },
  };
}
