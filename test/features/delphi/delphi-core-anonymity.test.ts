// Delphi answers against someone who holds a copy of the database: after several members rated and
// one explained, no row of any table holds a person next to a value; the pool holds values and no
// person; the seals open only with the server's anonymity key (not in the database), which the bot
// holds so a member can see their own answers. Where the key comes from (config/env.ts).
// Runs on PGlite and, in CI, on PostgreSQL.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/env.ts";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import {
  answerDelphi,
  explainDelphi,
  loadDelphiSheet,
} from "../../../src/features/delphi/app/answer-delphi.ts";
import { createDelphi } from "../../../src/features/delphi/app/create-delphi.ts";
import { sealKeyOf, unseal } from "../../../src/features/delphi/app/delphi-seal.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { personOf, slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
const KEY = Buffer.alloc(32, 42);
const now = new Date("2027-05-03T06:00:00Z");
const channel = slackChannel("C-DELPHI");
const chair = slackUser("U-CHAIR", "Aino");
const members = ["Matti", "Maija", "Mikko", "Marja", "Mauri"].map((name, i) => slackUser(`U-M${i}`, name));
/** Each member's own marker years: a value no other row could hold by chance. */
const YEARS = [2043, 2047, 2051, 2058, 2066];

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer, anonymityKey: KEY };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  for (const user of members) await joinCluster(ctx, { actor: user, conversation: channel });
});

const TABLES = ["Delphi", "DelphiRound", "DelphiStatement", "DelphiAnswered", "DelphiPool", "DelphiSeal"];

async function rows(table: string): Promise<string[]> {
  const found = await db.prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT t::text AS row FROM "${table}" t`);
  return found.map((r) => r.row);
}

it("links no value to a person in any row, and the seals open only with the server's key", async () => {
  const created = await createDelphi(ctx, {
    actor: chair,
    conversation: channel,
    title: "Energy 2035",
    statements: ["Hydrogen trucks.", "The pit closes.", "Remote work."],
    scales: ["probability", "year"],
    unit: "likert5",
    roundClosesAt: new Date("2027-05-10T13:00:00Z"),
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const { delphiId } = created.value;
  const statements = await db.prisma.delphiStatement.findMany({
    where: { delphiId },
    orderBy: { position: "asc" },
  });
  for (const [i, user] of members.entries())
    for (const statement of statements) {
      const answered = await answerDelphi(ctx, {
        actor: user,
        delphiId,
        statementId: statement.id,
        round: 1,
        values: { probability: String((i % 5) + 1), year: String(YEARS[i]) },
        ...(i === 1 ? { reason: "Grid capacity arrives late." } : {}),
      });
      if (!answered.ok) throw new Error(JSON.stringify(answered));
    }
  // The lowest member explains an outlying view on the first statement.
  const explained = await explainDelphi(ctx, {
    actor: members[0]!,
    delphiId,
    statementId: statements[0]!.id,
    round: 1,
    text: "Fuel cells stay dear.",
  });
  expect(explained.ok).toBe(true);

  const people = await db.prisma.person.findMany();
  const personIds = people.map((p) => p.id);
  const markers = YEARS.map(String);
  const dump: Record<string, string[]> = {};
  for (const table of [...TABLES, "OutboxMessage", "AuditEntry"]) dump[table] = await rows(table);

  // Every member's values are in the pools, in random order, and no pool row names anyone.
  expect(dump.DelphiPool).toHaveLength(3);
  for (const row of dump.DelphiPool!) {
    for (const year of markers) expect(row).toContain(year);
    for (const id of personIds) expect(row).not.toContain(id);
  }
  // No row that names a person (answered marks, outbox, audit, seals) holds a value.
  for (const [table, list] of Object.entries(dump))
    for (const row of list)
      if (personIds.some((id) => row.includes(id)))
        for (const year of markers) expect(row, `${table}: ${row.slice(0, 200)}`).not.toContain(year);
  // DelphiAnswered has no value column at all, and the reasons are in the pool without a person.
  expect(Object.keys((await db.prisma.delphiAnswered.findFirstOrThrow()) as object).sort()).toEqual([
    "delphiId",
    "personId",
    "round",
    "statementId",
  ]);
  expect(dump.DelphiPool!.join()).toContain("Fuel cells stay dear.");
  // Seals: nothing readable, no person, no value; one per member.
  expect(dump.DelphiSeal).toHaveLength(members.length);
  for (const row of dump.DelphiSeal!) {
    for (const id of personIds) expect(row).not.toContain(id);
    for (const year of markers) expect(row).not.toContain(year);
  }
  // A join on xmin from a member's answered mark reaches a pool row holding everyone's values.
  const joined = await db.prisma.$queryRawUnsafe<{ n: number; answered: number }[]>(
    `SELECT jsonb_array_length(p.ratings)::int AS n,
            (SELECT count(*)::int FROM "DelphiAnswered" x WHERE x."statementId" = p."statementId") AS answered
       FROM "DelphiAnswered" a JOIN "DelphiPool" p ON p.xmin = a.xmin`,
  );
  for (const j of joined) expect(j.n).toBe(j.answered);

  // The bot, holding the key, opens a member's own seal; the same seal under another key opens nothing.
  const matti = await personOf(db, members[0]!);
  const own = sealKeyOf(ctx, matti.id, delphiId);
  const seal = await db.prisma.delphiSeal.findUniqueOrThrow({ where: { tokenHash: own.tokenHash } });
  expect(unseal(own, seal.sealed)?.rounds["1"]?.[statements[0]!.id]).toEqual({ probability: 1, year: 2043 });
  const otherKey = sealKeyOf({ anonymityKey: Buffer.alloc(32, 1) }, matti.id, delphiId);
  expect(otherKey.tokenHash).not.toBe(own.tokenHash);
  expect(unseal(otherKey, seal.sealed)).toBeNull();
  // The member's sheet shows their own answer; with another server key, the bot cannot.
  const sheet = await loadDelphiSheet(ctx, { actor: members[0]!, delphiId });
  expect(sheet.ok && sheet.value.statements[0]!.own).toEqual({ probability: 1, year: 2043 });
  const stranger = await loadDelphiSheet(
    { ...ctx, anonymityKey: Buffer.alloc(32, 1) },
    { actor: members[0]!, delphiId },
  );
  expect(stranger.ok && stranger.value.statements[0]!.own).toBeNull();
});

it("takes the anonymity key from ANONYMITY_KEY, else from the platform secret, else none (a random one)", () => {
  const key = Buffer.alloc(32, 9).toString("base64");
  expect(loadConfig({ ANONYMITY_KEY: key }).anonymityKey).toEqual(Buffer.alloc(32, 9));
  const slack = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "secret-one" };
  const derived = loadConfig(slack).anonymityKey;
  expect(derived).toHaveLength(32);
  expect(loadConfig(slack).anonymityKey).toEqual(derived);
  expect(loadConfig({ ...slack, SLACK_SIGNING_SECRET: "secret-two" }).anonymityKey).not.toEqual(derived);
  expect(loadConfig({ ...slack, ANONYMITY_KEY: key }).anonymityKey).toEqual(Buffer.alloc(32, 9));
  expect(loadConfig({ MICROSOFT_APP_ID: "app", MICROSOFT_APP_PASSWORD: "pw" }).anonymityKey).toHaveLength(32);
  expect(loadConfig({}).anonymityKey).toBeUndefined();
  expect(() => loadConfig({ ANONYMITY_KEY: "short" })).toThrow(/ANONYMITY_KEY/);
});
