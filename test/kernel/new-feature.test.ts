// Issue 13's promise: adding a command, a button, a form, a notification or a job touches only the
// feature's own folder. Here a feature written in this file alone (its module is the only thing it
// hands over) gets all five working through the kernel's generic dispatcher, parser, help, composer and
// job runner, next to the product's own features. Nothing in src/ knows it. (It saves "hunches": the
// product's own signals feature owns the command `signal` and its keys.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appJobs } from "../../src/jobs/start-jobs.ts";
import type { AppContext } from "../../src/kernel/app/context.ts";
import type { NotificationMessage } from "../../src/kernel/app/ports/composer.ts";
import { command, type FeatureModule } from "../../src/kernel/feature-module.ts";
import type { MessageKey } from "../../src/kernel/i18n/catalog.ts";
import { installFeatures } from "../../src/kernel/registry.ts";
import { composeNotification, surfaceComposer } from "../../src/kernel/surface/compose-notification.ts";
import { createDispatcher } from "../../src/kernel/surface/dispatch.ts";
import { note, text } from "../../src/kernel/surface/view.ts";
import { createLogger } from "../../src/log/logger.ts";
import { FEATURES } from "../../src/modules.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { slackChannel, slackUser } from "../support/people.ts";

// A key of this test's own fragment: the product's MessageKey type does not know it (by design).
const k = (key: string) => key as MessageKey;
const ticked: string[] = [];

const hunches: FeatureModule = {
  name: "hunches-demo",
  commands: [
    command<{ title: string }>({
      name: "hunch",
      args: [{ name: "title", kind: "rest" }],
      summary: "Save a hunch",
      requires: "anyone",
      parse: (rest, { usage }) => (rest.length ? { ok: true, args: { title: rest.join(" ") } } : usage),
      run: async (hc, { title }) => [note(hc.t(k("hunch.saved"), { title }))],
    }),
  ],
  actions: [
    { ids: ["demo.hunch.rate"], run: async (hc, _id, value) => [note(hc.t(k("hunch.rated"), { value }))] },
  ],
  forms: [
    {
      ids: ["demo.hunch.form"],
      run: async (hc, _id, values) => [note(hc.t(k("hunch.saved"), { title: String(values.title) }))],
    },
  ],
  notifications: {
    // A kind the product does not declare: the composer still finds it by name.
    ["hunch.digest" as "poll.nudge"]: (message, locale) => {
      const line = `${locale}: ${message.title}`;
      return { fallback: line, elements: [text(line)] };
    },
  },
  jobs: [{ name: "hunch-digest", cron: "0 0 6 * * *", run: async () => ticked.push("hunch-digest") }],
  messages: {
    en: {
      "hunch.saved": "Saved: {title}",
      "hunch.rated": "Rated {value}",
      "cmd.hunch": "Save a hunch",
    },
    fi: {
      "hunch.saved": "Tallennettu: {title}",
      "hunch.rated": "Arvioitu {value}",
      "cmd.hunch": "Tallenna aavistus",
    },
    sv: {
      "hunch.saved": "Sparad: {title}",
      "hunch.rated": "Bedömd {value}",
      "cmd.hunch": "Spara en aning",
    },
    nl: {
      "hunch.saved": "Bewaard: {title}",
      "hunch.rated": "Beoordeeld {value}",
      "cmd.hunch": "Bewaar een vermoeden",
    },
  },
};

let db: TestDatabase;
let app: AppContext;
const actor = slackUser("U-NEW", "Noora New");
const channel = slackChannel("C-NEW");

beforeAll(async () => {
  db = await createTestDatabase();
  app = { db: db.prisma, clock: { now: () => new Date("2026-12-06T10:00:00Z") }, compose: surfaceComposer };
  installFeatures([...FEATURES, hunches]);
});
afterAll(async () => {
  installFeatures(FEATURES);
  await db.close();
});

describe("a feature that is only its module", () => {
  const dispatch = () =>
    createDispatcher(
      app,
      createLogger("error", () => {}),
    );
  const texts = (outputs: { kind: string; view?: { fallback: string } }[]) =>
    outputs.map((o) => o.view?.fallback);

  it("gets its command parsed, run and answered in the reader's words", async () => {
    const answer = await dispatch()({
      actor,
      conversation: channel,
      intent: { kind: "command", text: "hunch Drones in mines" },
    });
    expect(texts(answer.outputs)).toEqual(["Saved: Drones in mines"]);
    const usage = await dispatch()({
      actor,
      conversation: channel,
      intent: { kind: "command", text: "hunch" },
    });
    expect(texts(usage.outputs)[0]).toContain("/cluster hunch <title>");
  });

  it("gets its button and its form routed by id", async () => {
    const clicked = await dispatch()({
      actor,
      conversation: channel,
      intent: { kind: "action", actionId: "demo.hunch.rate", value: "4" },
    });
    expect(texts(clicked.outputs)).toEqual(["Rated 4"]);
    const submitted = await dispatch()({
      actor,
      conversation: channel,
      intent: { kind: "submit", formId: "demo.hunch.form", values: { title: "Heat pumps" }, metadata: "" },
    });
    expect(texts(submitted.outputs)).toEqual(["Saved: Heat pumps"]);
  });

  it("is listed in help, with its own line, in an unbound channel", async () => {
    const help = await dispatch()({
      actor,
      conversation: channel,
      intent: { kind: "command", text: "help" },
    });
    expect(JSON.stringify(help.outputs)).toContain("/cluster hunch <title>` Save a hunch");
  });

  it("gets its notification written by its composer and its job run by the job runner", async () => {
    const message = { type: "hunch.digest", title: "3 new hunches" } as unknown as NotificationMessage;
    expect(composeNotification(message, "sv").fallback).toBe("sv: 3 new hunches");
    const job = appJobs(app, [...hunches.jobs!]).find((j) => j.name === "hunch-digest")!;
    await job.run(new AbortController().signal);
    expect(ticked).toEqual(["hunch-digest"]);
  });
});
