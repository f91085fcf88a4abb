// The cycle rhythm on Teams, end to end through the real CloudAdapter and a fake Bot Connector: the
// kickoff job queues the chair's kickoff, the outbox posts it into the chair's 1:1 chat with
// Action.Execute buttons; "Plan the meeting" there answers with the meeting form card for the
// cluster, "Review open measures" with the register; a member is refused by the same use case;
// `@Ennakko cycle` shows and edits the terms; `@Ennakko status` shows the cycle.
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { scheduleCycleKickoffs } from "../../../src/features/cycle/app/schedule-cycle-kickoffs.ts";
import { CYCLE_ACTIONS } from "../../../src/features/cycle/surface/cycle-view.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import type { ConnectorCall, FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
import { daysAhead } from "../../support/helsinki-dates.ts";
import {
  cardTexts,
  executeActions,
  type Json,
  teamsChannel,
  teamsUser,
} from "../../support/teams-activities.ts";
import {
  cardOf,
  expectNoApology,
  inPrivate,
  inputsOf,
  invokeAnswer,
  invokeCard,
  onlyReply,
  startTeamsBot,
  stopTeamsBot,
  teamsJourney,
} from "../../support/teams-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

const ZONE = "Europe/Helsinki";
let bot: TestBot;
let connector: FakeBotConnector;

beforeAll(async () => {
  ({ connector, bot } = await startTeamsBot({}, { jobs: "manual" }));
});
afterAll(() => stopTeamsBot(bot, connector));
beforeEach(async () => {
  await truncateAll(bot.db);
  connector.reset();
});
afterEach(() => expectNoApology(connector.calls));

const english = { locale: "en-US", timeZone: ZONE };
const emma = teamsUser("Emma Chair", english);
const mikko = teamsUser("Mikko Member", english);
const energy = teamsChannel("Energy");
const { say, pressAction, submitCard, deliverOutbox, createCluster } = teamsJourney(
  () => ({ bot, connector }),
  energy,
);

async function energyCluster() {
  await createCluster(emma, energy, "Energy");
  onlyReply(await say(mikko, "join"));
  connector.reset();
}

/** The kickoff job as the scheduler runs it, at Monday 12 Jan 2026 08:00 in Helsinki (a past instant). */
const kickoffTick = () =>
  scheduleCycleKickoffs({
    db: bot.db.prisma,
    clock: { now: () => new Date("2026-01-12T06:00:00Z") },
    compose: surfaceComposer,
  });

const replyText = (call: ConnectorCall) => cardTexts(cardOf(call)).join("\n");

it("posts the kickoff into the chair's 1:1 chat; 'Plan the meeting' opens the meeting form for the cluster", async () => {
  await energyCluster();
  expect(await kickoffTick()).toEqual({ enqueued: 1 });
  expect(await kickoffTick()).toEqual({ enqueued: 0 });
  const sent = (await deliverOutbox()).filter((c) => c.operation === "send");
  expect(sent).toHaveLength(1);
  const kickoff = sent[0]!;
  const card = cardOf(kickoff);
  expect(cardTexts(card).join("\n")).toContain("The spring term of **Energy** opens on");
  const actions = executeActions(card);
  expect(actions.map((a) => a.verb)).toEqual([
    CYCLE_ACTIONS.planMeeting,
    CYCLE_ACTIONS.copyPulse,
    CYCLE_ACTIONS.reviewMeasures,
  ]);
  const where = inPrivate(kickoff.conversationId!);
  const messageId = kickoff.answeredId!;

  const form = invokeAnswer(await pressAction(emma, where, actions[0]!, messageId));
  expect(inputsOf(form).map((i) => i.id)).toEqual(
    expect.arrayContaining(["title", "slot_1_date", "slot_1_time"]),
  );

  // Submitted in the personal chat, the form is for the channel: the poll goes there (through the
  // outbox, tracked), and the card in the personal chat says it was posted.
  const submitted = invokeCard(
    await submitCard(emma, form as Json, messageId, where, {
      title: "Spring meeting",
      slot_1_date: daysAhead(30),
      slot_1_time: "10:00",
      slot_2_date: daysAhead(31),
      slot_2_time: "10:00",
    }),
  );
  expect(cardTexts(submitted).join("\n")).toContain("Spring meeting");
  const poll = (await deliverOutbox()).find((c) => c.operation === "send")!;
  expect(poll.conversationId).toBe(energy.channelId);
  expect(cardTexts(cardOf(poll)).join("\n")).toContain("Date poll: Spring meeting");
  expect(await bot.db.prisma.postedMessage.findFirstOrThrow()).toMatchObject({
    platform: "TEAMS",
    conversationId: energy.channelId,
    messageId: poll.answeredId,
  });

  const measures = invokeAnswer(await pressAction(emma, where, actions[2]!, messageId));
  expect(JSON.stringify(measures)).toContain("Energy");

  // A member pressing the same button (say, a forwarded card): refused by the use case, no form.
  const refused = invokeAnswer(await pressAction(mikko, where, actions[0]!, messageId)) as Json;
  expect(JSON.stringify(refused)).not.toContain("slot_1_date");
});

it("shows and edits the terms, refuses an overlap, and status shows the cycle", async () => {
  await energyCluster();
  const shown = replyText(onlyReply(await say(mikko, "cycle")));
  // A window reads as days of the year, not MM-DD (issue 12).
  expect(shown).toContain("spring: 1 Feb – 31 May");
  const overlap = replyText(onlyReply(await say(emma, "cycle autumn 05-01 11-30")));
  expect(overlap).toContain("would overlap the spring term (1 Feb–31 May)");
  const saved = replyText(onlyReply(await say(emma, "cycle autumn 09-15 12-15")));
  expect(saved).toContain("Saved: the autumn term now runs 15 Sept – 15 Dec.");
  const status = replyText(onlyReply(await say(mikko, "status")));
  expect(status).toContain("Next meeting");
  expect(status).toContain("0 open, 0 overdue, 0 done since the last meeting");
});
