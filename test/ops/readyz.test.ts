// /readyz: ready when the database answers and every migration this build ships is applied; 503 with
// a JSON reason otherwise, and ready again once that is fixed. /healthz (liveness) stays 200 all along:
// a database outage must not get the process restarted. The real bot on the test database engine.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReadiness } from "../../src/http/readiness.ts";
import { createLogger } from "../../src/log/logger.ts";
import { createTestDatabase } from "../support/database.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

const get = async (bot: TestBot, path: string) => {
  const res = await fetch(`${bot.baseUrl}${path}`);
  return { status: res.status, body: await res.json() };
};

describe("/readyz", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({});
  });
  afterAll(() => bot?.stop());

  it("is ready when the database answers and the migrations are applied", async () => {
    expect(await get(bot, "/readyz")).toEqual({
      status: 200,
      body: {
        status: "ready",
        checks: { database: "ok", migrations: "ok", slack: "off", teams: "off" },
      },
    });
  });

  it("is not ready while a migration of this build is not applied, and ready again after", async () => {
    const db = bot.db.prisma;
    const [last] = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`,
    );
    // As if an older instance had migrated the database and this newer build had not yet.
    await db.$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = $1`,
      last!.id,
    );
    try {
      expect(await get(bot, "/readyz")).toMatchObject({
        status: 503,
        body: { status: "not ready", reason: "migrations pending", checks: { migrations: "pending" } },
      });
      expect((await get(bot, "/healthz")).status).toBe(200);
    } finally {
      await db.$executeRawUnsafe(
        `UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE id = $1`,
        last!.id,
      );
    }
    expect((await get(bot, "/readyz")).status).toBe(200);
  });
});

describe("/readyz when the database goes away", () => {
  it("says not ready (with the reason, no error text) once the database is closed; /healthz stays ok", async () => {
    const database = await createTestDatabase();
    const bot = await startTestBot({}, database);
    try {
      expect((await get(bot, "/readyz")).status).toBe(200);
      await database.close();
      const { status, body } = await get(bot, "/readyz");
      expect(status).toBe(503);
      expect(body).toEqual({
        status: "not ready",
        reason: "database unreachable",
        checks: { database: "database unreachable", slack: "off", teams: "off" },
      });
      expect(await get(bot, "/healthz")).toMatchObject({ status: 200, body: { status: "ok" } });
    } finally {
      await bot.stop();
    }
  });
});

describe("readiness while stopping", () => {
  it("says not ready once stop has begun, before the database or platforms are asked", async () => {
    const db = await createTestDatabase();
    try {
      let stopping = false;
      const readiness = createReadiness({
        db: db.prisma,
        migrations: [],
        config: { slack: { mode: "off" }, teams: { mode: "off" } } as never,
        log: createLogger("error", () => {}),
        stopping: () => stopping,
      });
      expect(await readiness()).toMatchObject({ ready: true });
      stopping = true;
      expect(await readiness()).toMatchObject({ ready: false, reason: "stopping" });
    } finally {
      await db.close();
    }
  });
});
