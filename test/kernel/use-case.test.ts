// The use-case wrapper (src/kernel/app/use-case.ts) on the real database: a Fail rolls back what the
// body wrote, the person is resolved once per interaction, and refusals answer as they always did.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Db } from "../../src/db/open-database.ts";
import { joinCluster } from "../../src/features/clusters/app/join-cluster.ts";
import { listMembers } from "../../src/features/clusters/app/list-members.ts";
import { setupCluster } from "../../src/features/clusters/app/setup-cluster.ts";
import { addMeasure } from "../../src/features/measures/app/add-measure.ts";
import type { AppContext } from "../../src/kernel/app/context.ts";
import { forInteraction } from "../../src/kernel/app/person-memo.ts";
import type { Tx } from "../../src/kernel/app/tx.ts";
import { clusterUseCase, personUseCase, rollBack } from "../../src/kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../src/kernel/domain/platform-user.ts";
import { fail, ok } from "../../src/kernel/domain/result.ts";
import { surfaceComposer } from "../../src/kernel/surface/compose-notification.ts";
import { createDispatcher } from "../../src/kernel/surface/dispatch.ts";
import { silentLogger } from "../../src/log/logger.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../support/database.ts";
import { personOf, slackChannel, slackUser } from "../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
const now = new Date("2027-04-01T09:00:00Z");
const channel = slackChannel("C-ENERGY");
const chair = slackUser("U-CHAIR", "Aino");
const member = slackUser("U-MEMBER", "Olli");

/** How many times each platform user was looked up by its identity: the first query of a resolution. */
const lookups = new Map<string, number>();

beforeAll(async () => {
  db = await createTestDatabase();
  // A real client, extended to count the identity lookups a person's resolution starts with.
  const counted = db.prisma.$extends({
    query: {
      // A resolution starts with one statement: the person whose identity this is (identity.ts).
      person: {
        async findFirst({ args, query }) {
          const some = args.where?.identities?.some as { externalId?: unknown } | undefined;
          const id = typeof some?.externalId === "string" ? some.externalId : undefined;
          if (id) lookups.set(id, (lookups.get(id) ?? 0) + 1);
          return query(args);
        },
      },
    },
  });
  ctx = { db: counted as unknown as Db, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  await joinCluster(ctx, { actor: member, conversation: channel });
  lookups.clear();
});

const clusterName = async () => (await db.prisma.cluster.findFirstOrThrow()).name;
const testAudits = () => db.prisma.auditEntry.findMany({ where: { action: "test.rename" } });

/** Writes first, then decides whether to refuse: the shape that used to commit its refusal. */
const renameThenMaybeRefuse = clusterUseCase(
  {
    name: "renameThenMaybeRefuse",
    input: z.object({
      actor: PlatformUserSchema,
      conversation: ConversationSchema,
      name: z.string().min(2, "NAME"),
      refuse: z.boolean(),
    }),
    capability: "cluster.configure",
  },
  async ({ tx, input, cluster, audit }) => {
    await tx.cluster.update({ where: { id: cluster.id }, data: { name: input.name } });
    await audit({ action: "test.rename", subjectType: "cluster", subjectId: cluster.id });
    if (input.refuse) return fail("LAST_CHAIR");
    return ok({ name: input.name });
  },
);

describe("one transaction", () => {
  it("rolls back what the body wrote when it returns a Fail", async () => {
    const refused = await renameThenMaybeRefuse(ctx, {
      actor: chair,
      conversation: channel,
      name: "Renamed",
      refuse: true,
    });
    expect(refused).toEqual({ ok: false, reason: "LAST_CHAIR" });
    expect(await clusterName()).toBe("Energy");
    expect(await testAudits()).toEqual([]);
  });

  it("commits the writes and the audit entry (actor and cluster filled in) on ok", async () => {
    const done = await renameThenMaybeRefuse(ctx, {
      actor: chair,
      conversation: channel,
      name: "Renamed",
      refuse: false,
    });
    expect(done).toEqual({ ok: true, value: { name: "Renamed" } });
    expect(await clusterName()).toBe("Renamed");
    const cluster = await db.prisma.cluster.findFirstOrThrow();
    const [entry] = await testAudits();
    expect(entry).toMatchObject({
      clusterId: cluster.id,
      actorId: (await personOf(db, chair)).id,
      subjectType: "cluster",
      subjectId: cluster.id,
      details: {},
    });
  });

  it("rolls back when a helper deep in the body calls rollBack(), and answers its Fail", async () => {
    const rename = async (tx: Tx) => {
      await tx.cluster.updateMany({ data: { name: "Half-done" } });
      rollBack(fail("POLL_CLOSED", { title: "x" }));
    };
    const deep = personUseCase(
      { name: "deep", input: z.object({ actor: PlatformUserSchema }), access: "anyone" },
      async ({ tx }) => {
        await rename(tx);
        return ok(null);
      },
    );
    expect(await deep(ctx, { actor: chair })).toEqual({
      ok: false,
      reason: "POLL_CLOSED",
      details: { title: "x" },
    });
    expect(await clusterName()).toBe("Energy");
  });

  it("runs afterCommit only once an ok has committed", async () => {
    const seen: string[] = [];
    const thenVacuum = personUseCase(
      {
        name: "thenVacuum",
        input: z.object({ actor: PlatformUserSchema, refuse: z.boolean() }),
        access: "anyone",
        afterCommit: async (_ctx, value: string) => {
          // Outside the transaction: the committed name is visible to another connection's read.
          seen.push(`${value}:${await clusterName()}`);
        },
      },
      async ({ tx, input }) => {
        await tx.cluster.updateMany({ data: { name: "Committed" } });
        return input.refuse ? fail("LAST_CHAIR") : ok("done");
      },
    );
    await thenVacuum(ctx, { actor: chair, refuse: true });
    expect(seen).toEqual([]);
    await thenVacuum(ctx, { actor: chair, refuse: false });
    expect(seen).toEqual(["done:Committed"]);
  });

  it("rolls back and rethrows what the body throws", async () => {
    const boom = personUseCase(
      { name: "boom", input: z.object({ actor: PlatformUserSchema }), access: "anyone" },
      async ({ tx }) => {
        await tx.cluster.updateMany({ data: { name: "Broken" } });
        throw new Error("boom");
      },
    );
    await expect(boom(ctx, { actor: chair })).rejects.toThrow("boom");
    expect(await clusterName()).toBe("Energy");
  });

  it("answers a lost race on a unique key with the use case's own refusal", async () => {
    const second = await setupCluster(ctx, { actor: member, conversation: channel, name: "Again" });
    expect(second).toEqual({ ok: false, reason: "CHANNEL_ALREADY_BOUND", details: { cluster: "Energy" } });
    const racing = personUseCase(
      {
        name: "racing",
        input: z.object({ actor: PlatformUserSchema }),
        access: "anyone",
        onUniqueViolation: async () => fail("ALREADY_MEMBER"),
      },
      async ({ tx, person }) => {
        const cluster = await tx.cluster.findFirstOrThrow();
        await tx.membership.create({ data: { clusterId: cluster.id, personId: person.id, role: "MEMBER" } });
        return ok(null);
      },
    );
    expect(await racing(ctx, { actor: member })).toEqual({ ok: false, reason: "ALREADY_MEMBER" });
  });
});

describe("refusals answer as before", () => {
  const measure = async (actor = chair, extra: Record<string, unknown> = {}) =>
    addMeasure(ctx, {
      actor,
      conversation: channel,
      title: "Hydrogen welding course",
      ownerPersonId: (await personOf(db, member)).id,
      dueDate: "2027-05-15",
      ...extra,
    });

  it("validates the input with the INVALID_INPUT shape parseInput gives", async () => {
    expect(await measure(chair, { title: "x" })).toEqual({
      ok: false,
      reason: "INVALID_INPUT",
      details: { field: "title", problem: "TITLE" },
    });
    expect(await db.prisma.measure.count()).toBe(0);
  });

  it("refuses a role without the capability, a stranger and an unbound channel", async () => {
    expect(await measure(member)).toEqual({ ok: false, reason: "FORBIDDEN", details: { role: "MEMBER" } });
    expect(await measure(slackUser("U-STRANGER"))).toEqual({
      ok: false,
      reason: "NOT_A_MEMBER",
      details: { cluster: "Energy" },
    });
    const unbound = await addMeasure(ctx, {
      actor: chair,
      conversation: slackChannel("C-ELSEWHERE"),
      title: "Hydrogen welding course",
      ownerPersonId: (await personOf(db, member)).id,
      dueDate: "2027-05-15",
    });
    expect(unbound).toEqual({ ok: false, reason: "CHANNEL_NOT_BOUND" });
    expect(await db.prisma.measure.count()).toBe(0);
  });
});

describe("the person is resolved once per interaction", () => {
  const dispatch = () => createDispatcher(ctx, silentLogger);
  const envelope = (intent: object, key: string) => ({
    actor: member,
    conversation: channel,
    intent,
    idempotencyKey: key,
  });

  it("for a command: the dispatcher's language and the use case share one resolution", async () => {
    const { outputs } = await dispatch()(envelope({ kind: "command", text: "members" }, "k1"));
    expect(JSON.stringify(outputs)).toContain("Olli");
    expect(lookups.get(member.userId)).toBe(1);
  });

  it("for a click that writes (leave): once", async () => {
    const { outputs } = await dispatch()(envelope({ kind: "command", text: "leave" }, "k2"));
    expect(outputs.length).toBeGreaterThan(0);
    expect(await db.prisma.membership.count()).toBe(1);
    expect(lookups.get(member.userId)).toBe(1);
  });

  it("afresh for each interaction, and each time without the memo", async () => {
    await dispatch()(envelope({ kind: "command", text: "members" }, "k3"));
    await dispatch()(envelope({ kind: "command", text: "members" }, "k4"));
    expect(lookups.get(member.userId)).toBe(2);
    lookups.clear();
    await listMembers(ctx, { actor: member, conversation: channel });
    await listMembers(ctx, { actor: member, conversation: channel });
    expect(lookups.get(member.userId)).toBe(2);
    lookups.clear();
    const interaction = forInteraction(ctx);
    await listMembers(interaction, { actor: member, conversation: channel });
    await listMembers(interaction, { actor: member, conversation: channel });
    expect(lookups.get(member.userId)).toBe(1);
  });
});
