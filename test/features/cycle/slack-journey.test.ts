// The cycle rhythm on Slack, end to end: the kickoff job queues the chair's kickoff, the outbox
// delivers it as a DM with one-click actions; "Plan the meeting" in the DM opens the meeting modal
// for the cluster's channel, "Review open measures" answers with the register; a member who is not
// an organiser is refused by the same use case; `/cluster cycle` shows and edits the terms;
// `/cluster status` shows where the cluster is in its cycle.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { scheduleCycleKickoffs } from "../../../src/features/cycle/app/schedule-cycle-kickoffs.ts";
import { CYCLE_ACTIONS } from "../../../src/features/cycle/surface/cycle-view.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { type Block, slackJourney, startSlackBot, stopSlackBot } from "../../support/slack-journey.ts";
import { blockActionPayload, interactionBody } from "../../support/slack-requests.ts";
import type { TestBot } from "../../support/test-bot.ts";

let slack: FakeSlackApi;
let bot: TestBot;
let n = 0;

beforeAll(async () => {
  ({ slack, bot } = await startSlackBot(
    {
      "U-AINO": { display_name: "Aino", locale: "en-GB" },
      "U-OLLI": { display_name: "Olli", locale: "en-GB" },
    },
    { jobs: "manual" },
  ));
});
afterAll(() => stopSlackBot(bot, slack));

const journey = slackJourney(() => ({ bot, slack }), { nextId: () => `y${++n}` });
const { command, reply, modal, createCluster } = journey;
const deliverOutbox = () => bot.bot.jobs!.scheduler.tick("outbox");

beforeEach(async () => {
  await truncateAll(bot.db);
  slack.reset();
  await createCluster("U-AINO", "Energy");
  await reply(await command("U-OLLI", "join"));
  slack.reset();
});

/** The kickoff job as the scheduler runs it, at Monday 12 Jan 2026 08:00 in Helsinki (a past instant). */
const kickoffTick = () =>
  scheduleCycleKickoffs({
    db: bot.db.prisma,
    clock: { now: () => new Date("2026-01-12T06:00:00Z") },
    compose: surfaceComposer,
  });

function dmTo(user: string) {
  const dm = slack.callsTo("chat.postMessage").find((c) => c.body.channel === `D-${user}`);
  if (!dm) throw new Error(`no DM to ${user}`);
  return { blocks: dm.body.blocks as Block[], text: String(dm.body.text) };
}
const buttonsOf = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));

async function pressInDm(user: string, actionId: string, value: string): Promise<string> {
  const id = `c${++n}`;
  await journey.post(
    interactionBody(
      blockActionPayload({ user, channel: `D-${user}`, actionId, value, responseUrl: slack.responseUrl(id) }),
    ),
  );
  return id;
}

it("delivers the kickoff as a DM once, and its buttons act on the cluster", async () => {
  expect(await kickoffTick()).toEqual({ enqueued: 1 });
  expect(await kickoffTick()).toEqual({ enqueued: 0 });
  await deliverOutbox();
  const dm = dmTo("U-AINO");
  expect(dm.text).toContain("The spring term of *Energy* opens on");
  expect(slack.callsTo("chat.postMessage").filter((c) => c.body.channel === "D-U-OLLI")).toHaveLength(0);
  const buttons = buttonsOf(dm.blocks);
  expect(buttons.map((b) => b.action_id)).toEqual([
    CYCLE_ACTIONS.planMeeting,
    CYCLE_ACTIONS.copyPulse,
    CYCLE_ACTIONS.reviewMeasures,
  ]);
  const clusterId = buttons[0]!.value!;

  // "Plan the meeting": the meeting modal, for the cluster's channel.
  await pressInDm("U-AINO", CYCLE_ACTIONS.planMeeting, clusterId);
  const form = await modal(1);
  expect(form.callback_id).toBe("ennakko.plan-meeting");
  expect(JSON.parse(form.private_metadata)).toMatchObject({
    channelId: "C-ENERGY",
    timeZone: "Europe/Helsinki",
  });

  // "Review open measures": the register, privately.
  const measures = await reply(await pressInDm("U-AINO", CYCLE_ACTIONS.reviewMeasures, clusterId));
  expect(JSON.stringify(measures)).toContain("Energy");

  // "Copy last term's pulse": the copy form, or, with no earlier pulse, why not.
  const copy = await reply(await pressInDm("U-AINO", CYCLE_ACTIONS.copyPulse, clusterId));
  expect(copy.text).toContain("There is no earlier pulse in this cluster to copy");

  // The same button in a member's hands: the use case refuses, no modal opens.
  const refused = await reply(await pressInDm("U-OLLI", CYCLE_ACTIONS.planMeeting, clusterId));
  expect(refused.text).not.toBe("");
  expect(slack.callsTo("views.open")).toHaveLength(1);
});

it("shows and edits the terms, refuses overlaps, and status shows the cycle", async () => {
  const shown = await reply(await command("U-OLLI", "cycle"));
  expect(shown.text).toBe("Terms of *Energy*");
  // A window reads as days of the year, not MM-DD (issue 12).
  expect(JSON.stringify(shown.blocks)).toContain("spring: 1 Feb – 31 May");

  const overlap = await reply(await command("U-AINO", "cycle spring 02-01 09-30"));
  expect(overlap.text).toContain("would overlap the autumn term (1 Sept–30 Nov)");
  const empty = await reply(await command("U-AINO", "cycle spring 05-01 04-01"));
  expect(empty.text).toContain("is empty");
  const forbidden = await reply(await command("U-OLLI", "cycle spring 02-15 05-31"));
  expect(forbidden.text).not.toContain("Saved");

  const saved = await reply(await command("U-AINO", "cycle spring 02-15 05-31"));
  expect(saved.text).toBe("Saved: the spring term now runs 15 Feb – 31 May.");

  const status = JSON.stringify((await reply(await command("U-OLLI", "status"))).blocks);
  expect(status).toContain("Cycle");
  expect(status).toContain("none scheduled");
  expect(status).toContain("0 open, 0 overdue, 0 done since the last meeting");
});
