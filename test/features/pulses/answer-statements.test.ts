// What one pulse answer (a Likert button of the sheet) costs in SQL through the real dispatcher: measured
// and printed for issue 15's figures (the vote has its bound; this one is a measurement).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { createPulse } from "../../../src/features/pulses/app/create-pulse.ts";
import { seedQuestionBank } from "../../../src/features/pulses/app/seed-question-bank.ts";
import { answerValue, PULSE_ACTIONS } from "../../../src/features/pulses/surface/pulse-sheet-view.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createDispatcher } from "../../../src/kernel/surface/dispatch.ts";
import { createLogger } from "../../../src/log/logger.ts";
import { createTestDatabase, type TestDatabase } from "../../support/database.ts";
import { slackChannel, slackUser } from "../../support/people.ts";
import { statementCounter } from "../../support/statements.ts";

const counter = statementCounter();
let db: TestDatabase;
let ctx: AppContext;
let now = new Date("2027-04-20T06:00:00Z");
const channel = slackChannel("C-ENERGY");
const chair = slackUser("U-CHAIR", "Aino");
const emma = slackUser("U-EMMA", "Emma");

beforeAll(async () => {
  db = await createTestDatabase({ onQuery: counter.listener });
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
  await seedQuestionBank(ctx);
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  await joinCluster(ctx, { actor: emma, conversation: channel });
});
afterAll(() => db.close());

describe("one pulse answer", () => {
  it("through the dispatcher (a Likert button of the sheet): statements counted and printed", async () => {
    const created = await createPulse(ctx, {
      actor: chair,
      conversation: channel,
      title: "Trust",
      questionKeys: ["cluster-trust", "cluster-cooperation"],
      anonymous: false,
      opensAt: new Date("2027-05-01T00:00:00Z"),
      closesAt: new Date("2027-05-20T00:00:00Z"),
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const { pulseId } = created.value;
    now = new Date("2027-05-03T06:00:00Z"); // open now
    // In her personal chat with the bot: a button of the sheet (the Likert scale), as Slack sends it.
    const personal = { ...slackChannel("D-EMMA"), scope: "PERSONAL" as const };
    const click = (value: string) => ({
      actor: emma,
      conversation: personal,
      intent: {
        kind: "action",
        actionId: PULSE_ACTIONS.answer,
        value: answerValue(pulseId, "cluster-trust", value, null),
      },
    });
    const dispatch = createDispatcher(
      ctx,
      createLogger("error", () => undefined),
    );
    await dispatch(click("3")); // her first answer (the person is known from here on)
    const { result, statements } = await counter.during(() => dispatch(click("4")));
    console.log(`pulse answer (dispatcher): ${statements.length} statements\n  ${statements.join("\n  ")}`);
    expect(result.outputs.map((o) => o.kind)).toEqual(["ephemeral"]);
    expect(await db.prisma.pulseAnswer.count()).toBe(1);
  });
});
