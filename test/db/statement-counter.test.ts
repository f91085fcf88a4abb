// The statement counter that scale tests lean on must see what Prisma really sends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { statementCounter } from "../support/statements.ts";

describe("statementCounter", () => {
  const counter = statementCounter();
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ onQuery: counter.listener });
  });
  afterAll(() => db.close());

  it("counts each statement sent while the work runs, and none outside it", async () => {
    await db.prisma.person.count();
    const { result, statements } = await counter.during(async () => {
      await db.prisma.person.count();
      await db.prisma.cluster.count();
      return "done";
    });
    expect(result).toBe("done");
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/"Person"/);
  });
});
