// A vote is the busiest interaction of all (a whole channel clicking within minutes): its SQL is counted.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { planMeeting } from "../../../src/features/meetings/app/plan-meeting.ts";
import { voteOnSlot } from "../../../src/features/meetings/app/vote-on-slot.ts";
import { POLL_ACTIONS, slotValue } from "../../../src/features/meetings/surface/poll-view.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { forInteraction } from "../../../src/kernel/app/person-memo.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createDispatcher } from "../../../src/kernel/surface/dispatch.ts";
import { createLogger } from "../../../src/log/logger.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { slackChannel, slackUser } from "../../support/people.ts";
import { statementCounter } from "../../support/statements.ts";

const counter = statementCounter();
let db: TestDatabase;
let ctx: AppContext;
const channel = slackChannel("C-ENERGY");
const chair = slackUser("U-CHAIR", "Aino");
const emma = slackUser("U-EMMA", "Emma");
const olli = slackUser("U-OLLI", "Olli");

beforeAll(async () => {
  db = await createTestDatabase({ onQuery: counter.listener });
  ctx = { db: db.prisma, clock: { now: () => new Date("2027-03-01T10:00:00Z") }, compose: surfaceComposer };
});
afterAll(() => db.close());

let meetingId: string;
let slotIds: string[];
beforeEach(async () => {
  await truncateAll(db);
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy" });
  await joinCluster(ctx, { actor: emma, conversation: channel });
  await joinCluster(ctx, { actor: olli, conversation: channel });
  const planned = await planMeeting(ctx, {
    actor: chair,
    conversation: channel,
    title: "Spring 2027",
    slots: [
      { date: "2027-03-26", time: "10:00", durationMinutes: 120 },
      { date: "2027-03-29", time: "10:00", durationMinutes: 120 },
    ],
    agendaDeadline: null,
  });
  if (!planned.ok) throw new Error(JSON.stringify(planned));
  meetingId = planned.value.meetingId;
  const slots = await db.prisma.meetingSlot.findMany({ where: { meetingId }, orderBy: { startsAt: "asc" } });
  slotIds = slots.map((s) => s.id);
  // Each person has been seen before (the first click of a person creates them: not what is counted).
  await voteOnSlot(ctx, { actor: emma, conversation: channel, meetingId, slotId: slotIds[1]!, answer: "NO" });
});

const print = (label: string, statements: string[]) =>
  console.log(`${label}: ${statements.length} statements\n  ${statements.join("\n  ")}`);

describe("one vote", () => {
  it("through the use case, in an interaction: at most 8 statements", async () => {
    const app = forInteraction(ctx);
    const { result, statements } = await counter.during(() =>
      voteOnSlot(app, { actor: emma, conversation: channel, meetingId, slotId: slotIds[0]!, answer: "YES" }),
    );
    print("vote (use case)", statements);
    expect(result.ok).toBe(true);
    expect(statements.length).toBeLessThanOrEqual(8);
  });

  it("through the dispatcher (what one click costs, BEGIN/COMMIT included): at most 8 statements", async () => {
    const dispatch = createDispatcher(
      ctx,
      createLogger("error", () => undefined),
    );
    const { result, statements } = await counter.during(() =>
      dispatch({
        actor: emma,
        conversation: channel,
        intent: { kind: "action", actionId: POLL_ACTIONS.YES, value: slotValue(meetingId, slotIds[0]!) },
        idempotencyKey: "slack:action:vote-1",
      }),
    );
    print("vote (dispatcher)", statements);
    expect(result.outputs.map((o) => o.kind)).toEqual(["refresh"]);
    expect(statements.length).toBeLessThanOrEqual(8);
  });
});
