// The dispatcher's one line per interaction, for every outcome: a handler that throws, a replayed
// delivery, a payload that does not validate. The report reaches the metrics observer too, and an
// observer that fails costs nobody their answer. The real dispatcher on a real test database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../../src/kernel/app/context.ts";
import { command, type FeatureModule } from "../../src/kernel/feature-module.ts";
import { installFeatures } from "../../src/kernel/registry.ts";
import { surfaceComposer } from "../../src/kernel/surface/compose-notification.ts";
import { createDispatcher } from "../../src/kernel/surface/dispatch.ts";
import type { InteractionReport } from "../../src/kernel/surface/interaction-observer.ts";
import { note } from "../../src/kernel/surface/view.ts";
import { createLogger } from "../../src/log/logger.ts";
import { FEATURES } from "../../src/modules.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { slackChannel, slackUser } from "../support/people.ts";

const demo: FeatureModule = {
  name: "ops-demo",
  commands: [
    command<Record<string, never>>({
      name: "explode",
      args: [],
      summary: "Fails on purpose",
      requires: "anyone",
      parse: () => ({ ok: true, args: {} }),
      run: async () => {
        throw new Error("the handler failed", { cause: new Error("because of this") });
      },
    }),
    command<Record<string, never>>({
      name: "wave",
      args: [],
      summary: "Answers",
      requires: "anyone",
      parse: () => ({ ok: true, args: {} }),
      run: async () => [note("hello")],
    }),
  ],
};

let db: TestDatabase;
let app: AppContext;
beforeAll(async () => {
  installFeatures([...FEATURES, demo]);
  db = await createTestDatabase();
  app = { db: db.prisma, clock: { now: () => new Date() }, compose: surfaceComposer };
});
afterAll(async () => {
  installFeatures(FEATURES);
  await db?.close();
});

function dispatcher(observe?: (r: InteractionReport) => void) {
  const lines: string[] = [];
  const dispatch = createDispatcher(
    app,
    createLogger("info", (l) => lines.push(l)),
    observe,
  );
  const parsed = () => lines.map((l) => JSON.parse(l));
  return { dispatch, interactions: () => parsed().filter((l) => l.msg === "interaction"), parsed };
}

const envelope = (text: string, key?: string) => ({
  actor: slackUser("U-OLLI", "Olli Lehto"),
  conversation: slackChannel("C-ENERGY"),
  intent: { kind: "command", text },
  ...(key ? { idempotencyKey: key } : {}),
});

describe("one info line per interaction", () => {
  it("says error when the handler throws (and the error line keeps its cause)", async () => {
    const reports: InteractionReport[] = [];
    const { dispatch, interactions, parsed } = dispatcher((r) => reports.push(r));
    await dispatch(envelope("explode"));
    expect(interactions()).toEqual([
      expect.objectContaining({ platform: "SLACK", kind: "command", outcome: "error" }),
    ]);
    expect(reports).toEqual([expect.objectContaining({ outcome: "error", durationMs: expect.any(Number) })]);
    const failure = parsed().find((l) => l.msg === "interaction failed");
    expect(failure.error.cause.message).toBe("because of this");
    expect(JSON.stringify(parsed())).not.toContain("Olli");
  });

  it("says repeated for a replay of a delivery already handled", async () => {
    const { dispatch, interactions } = dispatcher();
    await dispatch(envelope("wave", "slack:trigger:replayed-1"));
    await dispatch(envelope("wave", "slack:trigger:replayed-1"));
    expect(interactions().map((l) => l.outcome)).toEqual(["ok", "repeated"]);
  });

  it("says malformed, with no platform or kind, for a payload that does not validate", async () => {
    const { dispatch, interactions } = dispatcher();
    await dispatch({ actor: "nobody", intent: { kind: "dance" } });
    expect(interactions()).toEqual([
      expect.objectContaining({ platform: "unknown", kind: "unknown", outcome: "malformed" }),
    ]);
  });

  it("answers even when the metrics observer throws", async () => {
    const { dispatch, parsed } = dispatcher(() => {
      throw new Error("observer broke");
    });
    const { outputs } = await dispatch(envelope("wave"));
    expect(JSON.stringify(outputs)).toContain("hello");
    expect(parsed().map((l) => l.msg)).toContain("the interaction observer failed");
  });
});
