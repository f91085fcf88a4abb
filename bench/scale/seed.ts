// Seeds a national-size database in set-based SQL (generate_series), as a deployment would look after
// years: clusters, members, measures open and closed, polls, pulses and outbox history. Rows are what
// the use cases write, minus the columns a migration's data step fills for existing data: those come
// from running every migration's "-- Data" step afterwards (applyDataSteps), exactly as an upgrade does.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type pg from "pg";
import { MIGRATIONS_DIR } from "../../src/db/open-database.ts";

export type Size = {
  clusters: number;
  membersPerCluster: number;
  measuresPerCluster: number;
  /** Of all measures: overdue and open (the follow-up job's daily bread). */
  overdue: number;
  openPolls: number;
  openPulses: number;
  outboxHistory: number;
};

export const FULL: Size = {
  clusters: 1_000,
  membersPerCluster: 50,
  measuresPerCluster: 100,
  overdue: 20_000,
  openPolls: 500,
  openPulses: 50,
  outboxHistory: 1_000_000,
};

export const TENANT = "T-SCALE";
/** The same ids as pg_temp.u() in SQL. */
export const u = (name: string): string => {
  const m = createHash("md5").update(name).digest("hex");
  // Version 4 and the RFC 4122 variant, as zod's z.uuid() wants: the same bits pg_temp.u() sets.
  const h = `${m.slice(0, 12)}4${m.slice(13, 16)}8${m.slice(17)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/** Everything that is open now: what the jobs work on. */
/** Ids are UUIDs (the use cases validate them), derived from readable names: u('c-7') is cluster 7. */
export async function defineIds(sql: pg.Client): Promise<void> {
  await sql.query(
    `CREATE OR REPLACE FUNCTION pg_temp.u(text) RETURNS text AS $$ SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid::text FROM md5($1) h $$ LANGUAGE sql IMMUTABLE`,
  );
}

export async function seedOpen(sql: pg.Client, size: Size): Promise<void> {
  const { clusters: C, membersPerCluster: K, measuresPerCluster: M } = size;
  const P = C * K;
  await sql.query(
    `INSERT INTO "Workspace" ("id","platform","externalId","name") VALUES (pg_temp.u('w-1'),'SLACK','${TENANT}','Scale')`,
  );
  await sql.query(`
    INSERT INTO "Cluster" ("id","name","timeZone","locale","createdAt")
    SELECT pg_temp.u('c-' || i), 'Cluster ' || i, 'Europe/Helsinki', (ARRAY['fi','sv','en','nl'])[1 + i % 4], now() - interval '3 years'
      FROM generate_series(0, ${C - 1}) i`);
  await sql.query(`
    INSERT INTO "ChannelBinding" ("id","clusterId","platform","workspaceId","channelId")
    SELECT pg_temp.u('b-' || i), pg_temp.u('c-' || i), 'SLACK', pg_temp.u('w-1'), 'C' || lpad(i::text, 7, '0') FROM generate_series(0, ${C - 1}) i`);
  await sql.query(`
    INSERT INTO "Person" ("id","displayName","locale","createdAt")
    SELECT pg_temp.u('p-' || n), 'Member ' || n, (ARRAY['fi','sv','en','nl'])[1 + n % 4], now() - interval '3 years'
      FROM generate_series(0, ${P - 1}) n`);
  await sql.query(`
    INSERT INTO "PlatformIdentity" ("id","personId","platform","tenant","externalId")
    SELECT pg_temp.u('pi-' || n), pg_temp.u('p-' || n), 'SLACK', '${TENANT}', 'U' || lpad(n::text, 8, '0') FROM generate_series(0, ${P - 1}) n`);
  // Member n belongs to cluster n / K; the first of each cluster chairs it, the second coordinates.
  await sql.query(`
    INSERT INTO "Membership" ("id","clusterId","personId","role")
    SELECT pg_temp.u('ms-' || n), pg_temp.u('c-' || (n / ${K})), pg_temp.u('p-' || n),
           (CASE n % ${K} WHEN 0 THEN 'CHAIR' WHEN 1 THEN 'COORDINATOR' ELSE 'MEMBER' END)::"Role"
      FROM generate_series(0, ${P - 1}) n`);
  // Measures: the first `overdue` are open and past due; of the rest, 3 in 5 are open and due later,
  // 2 in 5 are done (closed history). Owners are members of the measure's cluster.
  await sql.query(`
    INSERT INTO "Measure" ("id","clusterId","title","ownerId","dueDate","status","progress","createdAt")
    SELECT pg_temp.u('m-' || j), pg_temp.u('c-' || (j / ${M})), 'Measure ' || j, pg_temp.u('p-' || ((j / ${M}) * ${K} + j % ${K})),
           CASE WHEN j % ${(C * M) / size.overdue} = 0 THEN current_date - (10 + j % 50)
                ELSE current_date + (40 + j % 300) END,
           (CASE WHEN j % ${(C * M) / size.overdue} = 0 THEN 'STARTED'
                 WHEN j % 5 < 3 THEN 'PLANNED' ELSE 'DONE' END)::"MeasureStatus",
           0, now() - interval '400 days'
      FROM generate_series(0, ${C * M - 1}) j`);
  // Open polls: created 10 days ago, so both default nudge rounds have come; 3 slots each.
  await sql.query(`
    INSERT INTO "Meeting" ("id","clusterId","title","status","organiserId","createdAt","icsUid")
    SELECT pg_temp.u('mt-' || i), pg_temp.u('c-' || (i * ${Math.max(1, Math.floor(C / size.openPolls))} % ${C})), 'Poll ' || i, 'POLLING',
           pg_temp.u('p-' || ((i * ${Math.max(1, Math.floor(C / size.openPolls))} % ${C}) * ${K})), now() - interval '10 days', gen_random_uuid()::text
      FROM generate_series(0, ${size.openPolls - 1}) i`);
  await sql.query(`
    INSERT INTO "MeetingSlot" ("id","meetingId","startsAt","durationMinutes")
    SELECT pg_temp.u('sl-' || i || '-' || s), pg_temp.u('mt-' || i), now() + (s + 20) * interval '1 day', 120
      FROM generate_series(0, ${size.openPolls - 1}) i, generate_series(0, 2) s`);
  // Open pulses: opened 3 days ago, close in 7 days; every member of the cluster invited.
  const pulseStep = Math.max(1, Math.floor(C / size.openPulses));
  await sql.query(`
    INSERT INTO "Pulse" ("id","clusterId","title","anonymous","opensAt","closesAt","status","createdAt")
    SELECT pg_temp.u('pu-' || i), pg_temp.u('c-' || (i * ${pulseStep})), 'Pulse ' || i, true, now() - interval '3 days',
           now() + interval '7 days', 'OPEN', now() - interval '4 days'
      FROM generate_series(0, ${size.openPulses - 1}) i`);
  await sql.query(`
    INSERT INTO "PulseParticipation" ("pulseId","personId","status","updatedAt")
    SELECT pg_temp.u('pu-' || i), pg_temp.u('p-' || ((i * ${pulseStep}) * ${K} + k)), 'INVITED', now()
      FROM generate_series(0, ${size.openPulses - 1}) i, generate_series(0, ${K - 1}) k`);
}

/**
 * Closed history, `copy` times over (copy 0, 1, …): done measures, held meetings, closed pulses with
 * their participations, and sent outbox rows. What must not make a quiet tick any slower.
 */
export async function seedHistory(sql: pg.Client, size: Size, copy: number): Promise<void> {
  const { clusters: C, membersPerCluster: K, measuresPerCluster: M } = size;
  const tag = `h${copy}`;
  await sql.query(`
    INSERT INTO "Measure" ("id","clusterId","title","ownerId","dueDate","status","progress","createdAt","completedAt")
    SELECT pg_temp.u('${tag}-m-' || j), pg_temp.u('c-' || (j % ${C})), 'Old measure ' || j, pg_temp.u('p-' || ((j % ${C}) * ${K} + j % ${K})),
           current_date - (400 + j % 700), 'DONE', 100, now() - interval '3 years', now() - interval '2 years'
      FROM generate_series(0, ${C * M - 1}) j`);
  await sql.query(`
    INSERT INTO "Meeting" ("id","clusterId","title","status","organiserId","createdAt","icsUid")
    SELECT pg_temp.u('${tag}-mt-' || i), pg_temp.u('c-' || (i % ${C})), 'Old meeting ' || i, (CASE WHEN i % 2 = 0 THEN 'HELD' ELSE 'CANCELLED' END)::"MeetingStatus",
           pg_temp.u('p-' || ((i % ${C}) * ${K})), now() - interval '2 years', gen_random_uuid()::text
      FROM generate_series(0, ${2 * C - 1}) i`);
  await sql.query(`
    INSERT INTO "Pulse" ("id","clusterId","title","anonymous","opensAt","closesAt","status","createdAt","summary")
    SELECT pg_temp.u('${tag}-pu-' || i), pg_temp.u('c-' || (i % ${C})), 'Old pulse ' || i, true, now() - interval '2 years',
           now() - interval '700 days', 'CLOSED', now() - interval '2 years',
           -- Long closed: the retention job summarised them and their raw answers are gone.
           '{"version":1,"summary":[],"rate":{"invited":50,"responded":40}}'::jsonb
      FROM generate_series(0, ${2 * C - 1}) i`);
  await sql.query(`
    INSERT INTO "PulseParticipation" ("pulseId","personId","status","remindersSent","updatedAt")
    SELECT pg_temp.u('${tag}-pu-' || i), pg_temp.u('p-' || ((i % ${C}) * ${K} + k)), 'COMPLETED', 1, now() - interval '700 days'
      FROM generate_series(0, ${2 * C - 1}) i, generate_series(0, ${K - 1}) k`);
  // Sent notifications over the last two years, in chunks (one statement of 1M rows holds a lot of WAL).
  const chunk = 250_000;
  for (let from = 0; from < size.outboxHistory; from += chunk) {
    const to = Math.min(size.outboxHistory, from + chunk) - 1;
    await sql.query(`
      INSERT INTO "OutboxMessage" ("id","key","clusterId","platform","target","payload","notBefore","status","attempts","sentAt","createdAt")
      SELECT pg_temp.u('${tag}-o-' || n), 'history:${tag}:' || n, pg_temp.u('c-' || (n % ${C})), 'SLACK', 'U' || lpad((n % ${C * K})::text, 8, '0'),
             '{"v":1,"kind":"user","view":{"fallback":"An old reminder","elements":[{"type":"text","text":"An old reminder"}]}}'::jsonb,
             now() - (n % 700) * interval '1 day', 'SENT', 1, now() - (n % 700) * interval '1 day', now() - (n % 700) * interval '1 day'
        FROM generate_series(${from}, ${to}) n`);
  }
}

/**
 * The first migration of issue 15. The seed writes rows as they were before it; older data steps
 * shaped rows this seed already writes in their final shape (and name columns dropped since).
 */
export const DATA_STEPS_SINCE = "20261206052103";

/** Runs the "-- Data" steps since DATA_STEPS_SINCE: what the upgrade does to rows that existed before it. */
export async function applyDataSteps(sql: pg.Client): Promise<string[]> {
  const applied: string[] = [];
  for (const folder of (await readdir(MIGRATIONS_DIR)).sort()) {
    if (!/^\d{14}_/.test(folder) || folder < DATA_STEPS_SINCE) continue;
    const text = await readFile(join(MIGRATIONS_DIR, folder, "migration.sql"), "utf8");
    const at = text.search(/^-- Data\b/m);
    if (at < 0) continue;
    await sql.query(text.slice(at));
    applied.push(folder);
  }
  return applied;
}
