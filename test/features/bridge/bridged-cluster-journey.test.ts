// One cluster on both platforms, driven as Slack and Teams drive it: the chair on Slack asks for a
// link code, a Teams colleague types it in the Teams channel, people who use both apps become one
// member (by the e-mail both platforms report, or by an account code), and a date poll and a pulse
// answered on both platforms count each person once. Real Bolt (signed requests) and the real
// CloudAdapter over HTTP, one bot process, fakes of the Slack Web API and the Bot Connector.
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedQuestionBank } from "../../../src/features/pulses/app/seed-question-bank.ts";
import { systemClock } from "../../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import type { FakeBotConnector } from "../../fakes/bot-connector.ts";
import { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { eventually } from "../../support/eventually.ts";
import { dayAhead } from "../../support/helsinki-dates.ts";
import { type Block, date, input, slackJourney, time, twoSlotPlan } from "../../support/slack-journey.ts";
import { blockActionPayload, interactionBody } from "../../support/slack-requests.ts";
import {
  cardTexts,
  executeActions,
  type Json,
  personalChat,
  teamsChannel,
  teamsUser,
} from "../../support/teams-activities.ts";
import { connectTeams } from "../../support/teams-connection.ts";
import {
  cardOf,
  inChannel,
  inPrivate,
  invokeCard,
  onlyReply,
  teamsJourney,
} from "../../support/teams-journey.ts";
import { slackHttpEnv, startTestBot, type TestBot } from "../../support/test-bot.ts";

let slack: FakeSlackApi;
let connector: FakeBotConnector;
let bot: TestBot;
let n = 0;

// Slack people. Heidi's workspace reports her e-mail; Ville's does not show it.
const SLACK_PEOPLE = {
  "U-AINO": { display_name: "Aino", locale: "en-GB", email: "aino@energy.example" },
  "U-OLLI": { display_name: "Olli", locale: "en-GB" },
  "U-HEIDI": { display_name: "Heidi", locale: "en-GB", email: "Heidi.Lapp@lapinamk.example" },
  "U-VILLE": { display_name: "Ville", locale: "en-GB" },
};
// Teams people: Tiina only uses Teams; Heidi and Ville use both.
const english = { locale: "en-GB", timeZone: "Europe/Helsinki" };
const tiina = teamsUser("Tiina", english);
const heidiOnTeams = teamsUser("Heidi", english);
const villeOnTeams = teamsUser("Ville", english);
const energyOnTeams = teamsChannel("Energy");

beforeAll(async () => {
  slack = await new FakeSlackApi().start();
  for (const [id, user] of Object.entries(SLACK_PEOPLE)) slack.users.set(id, user);
  const teams = await connectTeams();
  connector = teams.connector;
  // The tenant's directory, as TeamsInfo.getMember reads it: Heidi's address in another case.
  connector.members.set(heidiOnTeams.id, { email: "heidi.lapp@lapinamk.example", name: "Heidi" });
  connector.members.set(tiina.id, { email: "tiina@univ.example", name: "Tiina" });
  bot = await startTestBot({ ...slackHttpEnv(slack.apiUrl), ...teams.env }, undefined, {
    jobs: "manual",
    teamsIdentity: teams.teamsIdentity,
  });
  await seedQuestionBank({ db: bot.db.prisma, clock: systemClock, compose: surfaceComposer });
});
afterAll(async () => {
  await bot?.stop();
  await slack?.stop();
  await connector?.stop();
});

const onSlack = slackJourney(() => ({ bot, slack }), { nextId: () => `b${++n}` });
const onTeams = teamsJourney(() => ({ bot, connector }), energyOnTeams);
const deliverOutbox = () => onTeams.deliverOutbox();
const slackText = async (user: string, command: string, channel = "C-ENERGY") =>
  String((await onSlack.reply(await onSlack.command(user, command, channel))).text);
const teamsTexts = (turn: { calls: Parameters<typeof cardOf>[0][] }) =>
  turn.calls.filter((c) => c.operation === "reply").flatMap((c) => cardTexts(cardOf(c)));
/** The code as Slack (`code`) or Teams (**bold**: Teams has no code spans) shows it. */
const codeIn = (text: string) => /(?:`|\*\*)([A-Z2-9]{4}-[A-Z2-9]{4})(?:`|\*\*)/.exec(text)?.[1] ?? "";

const persons = () => bot.db.prisma.person.count();
const slotVotes = async () =>
  bot.db.prisma.slotVote.findMany({ include: { person: true, slot: true }, orderBy: { personId: "asc" } });

it("bridges a cluster, links people, and counts a poll and a pulse once per person", async () => {
  // ── Slack: the cluster and its Slack members ──────────────────────────────────────────────────
  await onSlack.createCluster("U-AINO", "Energy");
  for (const user of ["U-OLLI", "U-HEIDI", "U-VILLE"]) await slackText(user, "join");

  // ── the bridge: a code on Slack, typed in the Teams channel ──────────────────────────────────
  expect(await slackText("U-OLLI", "link")).toBe(
    "Your role does not allow that. Ask the chair or the foresight coordinator.",
  );
  const issued = await slackText("U-AINO", "link");
  const code = codeIn(issued);
  expect(issued).toContain("In the Teams channel that should join the cluster, write `link");
  const bridged = await onTeams.say(tiina, `link ${code}`, inChannel(energyOnTeams));
  expect(teamsTexts(bridged).join("\n")).toContain("This channel is now linked to the cluster **Energy**");
  expect(teamsTexts(bridged).join("\n")).toContain("You are now a member of **Energy**");
  // The same code again, in another Teams channel: used up; a second Slack channel: refused.
  const reused = await onTeams.say(tiina, `link ${code}`, inChannel(teamsChannel("Other")));
  expect(teamsTexts(reused).join("\n")).toContain("already been used");
  expect(await slackText("U-AINO", "link")).toContain("*Energy* already has a Teams channel");
  // The Slack channel hears about the bridge too.
  await deliverOutbox();
  const announced = slack
    .callsTo("chat.postMessage")
    .filter((c) => c.body.channel === "C-ENERGY" && String(c.body.text).includes("now linked"));
  expect(announced).toHaveLength(1);

  // ── one member across platforms: Heidi by e-mail, Ville by an account code ────────────────────
  expect(await persons()).toBe(5); // Aino, Olli, Heidi, Ville, Tiina
  const heidiJoins = await onTeams.say(heidiOnTeams, "join", inChannel(energyOnTeams));
  expect(teamsTexts(heidiJoins).join("\n")).toContain("already");
  expect(await persons()).toBe(5);

  onlyReply(await onTeams.say(villeOnTeams, "join", inChannel(energyOnTeams)));
  expect(await persons()).toBe(6); // Ville on Teams is someone else, for now
  expect(await slackText("U-VILLE", "link me")).toContain("Ask for your account code in your personal chat");
  const villeCode = codeIn(await slackText("U-VILLE", "link me", "D-U-VILLE"));
  const villeChat = personalChat();
  const linked = await onTeams.say(villeOnTeams, `link ${villeCode}`, inPrivate(villeChat.conversationId));
  expect(teamsTexts(linked).join("\n")).toContain("your accounts on Slack + Teams are now one member");
  expect(await persons()).toBe(5);
  expect(await bot.db.prisma.membership.count()).toBe(5);

  // ── a date poll planned on Slack, answered on both platforms ─────────────────────────────────
  await onSlack.command("U-AINO", "meeting plan");
  const planForm = (await slack.waitFor("views.open", 2))[1]!.body.view as {
    callback_id: string;
    private_metadata: string;
  };
  await onSlack.submitView("U-AINO", planForm, twoSlotPlan("Spring 2027"));
  const slackPoll = await eventually(() =>
    slack
      .callsTo("chat.postMessage")
      .find(
        (c) => c.body.channel === "C-ENERGY" && JSON.stringify(c.body.blocks ?? "").includes("Spring 2027"),
      ),
  );
  await eventually(() => bot.db.prisma.postedMessage.findFirst({ where: { platform: "SLACK" } }));
  const [meetingId, firstSlot] = (slackPoll.body.blocks as Block[])
    .find((b) => b.type === "actions")!
    .elements![0]!.value.split("|");
  // The outbox copies the poll into the Teams channel.
  const copied = (await deliverOutbox()).find(
    (c) => c.operation === "send" && JSON.stringify(cardOf(c)).includes("Spring 2027"),
  )!;
  expect(copied.conversationId).toBe(energyOnTeams.channelId);
  const teamsPoll = { card: cardOf(copied), messageId: copied.answeredId! };

  await onSlack.click("U-OLLI", "ennakko.poll.yes", `${meetingId}|${firstSlot}`);
  await onSlack.click("U-HEIDI", "ennakko.poll.yes", `${meetingId}|${firstSlot}`);
  const pressOnTeams = (user: typeof tiina, verb: string) =>
    onTeams.press(user, teamsPoll.card, teamsPoll.messageId, inChannel(energyOnTeams), verb, firstSlot);
  await pressOnTeams(tiina, "ennakko.poll.yes");
  // Heidi changes her mind on Teams, Ville answers there: still one vote each.
  await pressOnTeams(heidiOnTeams, "ennakko.poll.no");
  await pressOnTeams(villeOnTeams, "ennakko.poll.if-need-be");

  const votes = await slotVotes();
  expect(votes.map((v) => [v.person.displayName, v.answer]).sort()).toEqual([
    ["Heidi", "NO"],
    ["Olli", "YES"],
    ["Tiina", "YES"],
    ["Ville", "IF_NEED_BE"],
  ]);
  // Both copies show the same tally after the outbox ran: Slack's message and Teams' card.
  const redraws = await deliverOutbox();
  const slackTally = JSON.stringify(slack.callsTo("chat.update").at(-1)!.body.blocks);
  expect(slackTally).toContain("✅ 2 (Olli, Tiina)");
  expect(slackTally).toContain("❌ 1 (Heidi)");
  expect(slackTally).toContain("Not answered yet: Aino");
  const teamsUpdates = [...connector.calls, ...redraws].filter(
    (c) => c.operation === "update" && c.activityId === teamsPoll.messageId,
  );
  const teamsTally = cardTexts(cardOf(teamsUpdates.at(-1)!)).join("\n");
  expect(teamsTally).toContain("✅ 2 (Olli, Tiina)");
  expect(teamsTally).toContain("Not answered yet: Aino");

  // ── a pulse created on Slack, answered on both platforms ─────────────────────────────────────
  await onSlack.command("U-AINO", "pulse new");
  const pulseForm = (await slack.waitFor("views.open", 3))[2]!.body.view as {
    callback_id: string;
    private_metadata: string;
  };
  await onSlack.submit("U-AINO", pulseForm, {
    title: input("Spring skills pulse"),
    questions: { type: "multi_static_select", selected_options: [{ value: "education-cooperation" }] },
    anonymity: { type: "static_select", selected_option: { value: "named" } },
    closes_date: date(dayAhead(14)),
    closes_time: time("16:00"),
    results_live: { type: "static_select", selected_option: { value: "no" } },
  });
  const sent = await deliverOutbox();
  const slackSheets = slack
    .callsTo("chat.postMessage")
    .filter(
      (c) => String(c.body.channel).startsWith("D-") && String(c.body.text).includes("Spring skills pulse"),
    );
  const teamsSheets = sent.filter(
    (c) => c.operation === "send" && c.conversationId !== energyOnTeams.channelId,
  );
  // Five people, five sheets: nobody gets one per platform.
  expect(slackSheets.map((c) => c.body.channel).sort()).toEqual([
    "D-U-AINO",
    "D-U-HEIDI",
    "D-U-OLLI",
    "D-U-VILLE",
  ]);
  expect(teamsSheets).toHaveLength(1);
  // Both channels announce it, to five people.
  const teamsAnnouncement = sent.find((c) => c.conversationId === energyOnTeams.channelId)!;
  expect(cardTexts(cardOf(teamsAnnouncement)).join("\n")).toContain("is open: 5 members got it");
  const slackAnnouncement = slack
    .callsTo("chat.postMessage")
    .find((c) => c.body.channel === "C-ENERGY" && String(c.body.text).includes("is open"))!;
  expect(String(slackAnnouncement.body.text)).toContain("is open: 5 members got it");

  // Olli answers on Slack, Tiina on Teams.
  await answerOnSlack(
    "U-OLLI",
    slackSheets.find((c) => c.body.channel === "D-U-OLLI")!.body.blocks as Block[],
  );
  await answerOnTeams(
    tiina,
    cardOf(teamsSheets[0]!),
    teamsSheets[0]!.answeredId!,
    teamsSheets[0]!.conversationId!,
  );

  const status = await onSlack.reply(await onSlack.command("U-AINO", "pulse status"));
  expect(JSON.stringify(status.blocks)).toContain("All: 2/5 answered (40%), 0 started");
  const participations = await bot.db.prisma.pulseParticipation.findMany();
  expect(participations).toHaveLength(5);
  expect(participations.filter((p) => p.status === "COMPLETED")).toHaveLength(2);
});

/** The Likert button for 4, then Submit, in the member's Slack DM. */
async function answerOnSlack(user: string, blocks: Block[]) {
  const buttons = blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));
  // Each button of a row has its own action_id (Slack refuses repeats within a block).
  const four = buttons.find(
    (b) => b.action_id.startsWith("ennakko.pulse.answer:") && b.value?.split("|")[2] === "4",
  )!;
  const answered = await clickInDm(user, four.action_id, four.value!);
  const submit = answered
    .flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []))
    .find((b) => b.action_id === "ennakko.pulse.submit")!;
  await clickInDm(user, "ennakko.pulse.submit", submit.value!);
}

async function clickInDm(user: string, actionId: string, value: string): Promise<Block[]> {
  const id = `dm${++n}`;
  await onSlack.post(
    interactionBody(
      blockActionPayload({ user, channel: `D-${user}`, actionId, value, responseUrl: slack.responseUrl(id) }),
    ),
  );
  return (await onSlack.reply(id)).blocks as Block[];
}

/** The Likert button for 3, then Submit, on the sheet in the member's Teams personal chat. */
async function answerOnTeams(user: typeof tiina, card: Json, messageId: string, conversationId: string) {
  const where = inPrivate(conversationId);
  const action = (on: Json, verb: string, answer?: string) =>
    executeActions(on).find(
      (a) => a.verb === verb && (answer === undefined || String(a.data?.value).split("|")[2] === answer),
    )!;
  const answered = invokeCard(
    await onTeams.pressAction(user, where, action(card, "ennakko.pulse.answer", "3"), messageId),
  );
  await onTeams.pressAction(user, where, action(answered, "ennakko.pulse.submit"), messageId);
}

it("bridges from Teams to Slack, refuses bad codes with clear answers, and unlinks from either side", async () => {
  await truncateAll(bot.db);
  await seedQuestionBank({ db: bot.db.prisma, clock: systemClock, compose: surfaceComposer });
  slack.reset();
  connector.reset();
  const mining = teamsChannel("Mining");
  const riikka = teamsUser("Riikka", english);
  await onTeams.createCluster(riikka, mining, "Mining");

  // The chair's code, in the Teams thread (Teams channels have no private answers).
  const issued = teamsTexts(await onTeams.say(riikka, "link", inChannel(mining))).join("\n");
  // The Slack command, for the Slack channel: in bold on Teams, not rewritten as a Teams command.
  expect(issued).toContain("In the Slack channel that should join the cluster, type **/cluster link");
  const code = codeIn(issued);

  // Wrong places and wrong codes: a clear answer each, nothing bound.
  expect(await slackText("U-OLLI", "link K7QM-4XPD", "C-MINING")).toBe(
    "That is not a link code from Ennakko. Codes look like `K7QM-4XPD`. Nothing was changed.",
  );
  expect(await slackText("U-OLLI", `link ${code}`, "D-U-OLLI")).toBe(
    "This works in a channel: run it in the channel your cluster uses.",
  );
  expect(await bot.db.prisma.channelBinding.count()).toBe(1);

  // Typed in the Slack channel: bound; Olli joins; the Teams channel hears it through the outbox.
  const accepted = await slackText("U-OLLI", `link ${code}`, "C-MINING");
  expect(accepted).toBe(
    "You are now a member of *Mining*. Colleagues in this channel join with `/cluster join`.",
  );
  const announcement = await eventually(() =>
    slack.callsTo("chat.postMessage").find((c) => c.body.channel === "C-MINING"),
  );
  expect(String(announcement.body.text)).toContain(
    "now linked to the cluster *Mining*, which meets on Slack + Teams",
  );
  const toTeams = (await deliverOutbox()).filter((c) => c.operation === "send");
  expect(toTeams.map((c) => c.conversationId)).toEqual([mining.channelId]);
  expect(cardTexts(cardOf(toTeams[0]!)).join("\n")).toContain("now linked to the cluster **Mining**");

  // Olli is a plain member: he cannot unlink; the chair on Teams can, and Slack is told once.
  expect(await slackText("U-OLLI", "unlink", "C-MINING")).toBe(
    "Your role does not allow that. Ask the chair or the foresight coordinator.",
  );
  const unlinked = teamsTexts(await onTeams.say(riikka, "unlink", inChannel(mining))).join("\n");
  expect(unlinked).toContain("**Mining** no longer posts to its Slack channel");
  await deliverOutbox();
  const farewell = slack
    .callsTo("chat.postMessage")
    .filter((c) => c.body.channel === "C-MINING" && String(c.body.text).includes("no longer linked"));
  expect(farewell).toHaveLength(1);
  expect(await bot.db.prisma.channelBinding.count()).toBe(1);
  expect(await slackText("U-OLLI", "status", "C-MINING")).toContain("This channel is not bound to a cluster");
});
