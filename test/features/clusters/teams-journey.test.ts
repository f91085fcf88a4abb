// The cluster setup journey as Teams drives it: activities POSTed to /api/messages, through the real
// CloudAdapter (anonymous mode), replies sent to a local fake of the Bot Framework Connector, state
// in a real (PGlite) database.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MessageKey, type Params, translator } from "../../../src/kernel/i18n/catalog.ts";
import { toCardMarkdown } from "../../../src/platforms/teams/render-adaptive-card.ts";
import type { FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
import {
  cardTexts,
  executeActions,
  invoke,
  type Json,
  personalChat,
  postActivity,
  TENANT_ID,
  type TeamsChannel,
  type TeamsUser,
  teamsChannel,
  teamsUser,
} from "../../support/teams-activities.ts";
import {
  cardOf,
  expectNoApology,
  inChannel,
  invokeCard as invokeCardShaped,
  onlyReply,
  startTeamsBot,
  stopTeamsBot,
  type Turn,
  teamsJourney,
} from "../../support/teams-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

let bot: TestBot;
let connector: FakeBotConnector;

beforeAll(async () => {
  ({ connector, bot } = await startTeamsBot({}));
});
afterAll(() => stopTeamsBot(bot, connector));
/** Set by the one test that provokes the bot's apology on purpose. */
let apologyExpected = false;
beforeEach(async () => {
  await truncateAll(bot.db);
  connector.reset();
  apologyExpected = false;
});
afterEach(() => {
  if (apologyExpected) return;
  expectNoApology(connector.calls);
});

// ── people and places ────────────────────────────────────────────────────────────────────────────
const aino = teamsUser("Aino Chair"); // fi-FI
const mikko = teamsUser("Mikko Member");
const sanna = teamsUser("Sanna Clicker");
const ghost = teamsUser("Ghost Outsider");
const emma = teamsUser("Emma English", { locale: "en-US", timeZone: "America/New_York" });
const energy = teamsChannel("Energy");
const mining = teamsChannel("Mining");

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────
const fi = translator("fi");
const en = translator("en");
/** A catalog message as the card shows it (Adaptive Cards use **bold**). */
const shown = (t: typeof fi, key: MessageKey, params?: Params) => toCardMarkdown(t(key, params));

const { send, say, click, openSetupForm } = teamsJourney(() => ({ bot, connector }), energy);

const replyTexts = (turn: Turn) => cardTexts(cardOf(onlyReply(turn)));

/** The invoke answer's card, checked to be an Adaptive Card (of any version). */
const invokeCard = (turn: Turn) => invokeCardShaped(turn, { type: "AdaptiveCard" });

/** "@Ennakko setup <name>" then "Create" on the form, as the chair would. */
async function setUpCluster(chair: TeamsUser, channel: TeamsChannel, name: string) {
  const { form, thread } = await openSetupForm(chair, channel, name);
  const submit = await click(chair, form, { where: inChannel(channel, thread) });
  const announcement = submit.calls.at(-1)!;
  expect(announcement.operation).toBe("reply");
  return { submit, announcement, thread };
}

async function dbState() {
  const db = bot.db.prisma;
  return {
    clusters: await db.cluster.count(),
    bindings: await db.channelBinding.count(),
    memberships: await db.membership.count(),
    audit: await db.auditEntry.count(),
  };
}

async function membershipsOf(user: TeamsUser) {
  return bot.db.prisma.membership.findMany({
    where: {
      person: { identities: { some: { platform: "TEAMS", tenant: TENANT_ID, externalId: user.id } } },
    },
    include: { cluster: true },
  });
}

// ── the journey ──────────────────────────────────────────────────────────────────────────────────
describe("help in an unbound channel", () => {
  it("answers in Finnish to a fi-FI sender, as a card replied into their thread", async () => {
    const turn = await say(aino, "help");
    const reply = onlyReply(turn);
    expect(reply.body).toMatchObject({
      type: "message",
      replyToId: turn.activity.id,
      conversation: { id: turn.activity.conversation.id },
    });
    // The connector took the bot's token (it refuses any other); anonymous mode would send none.
    expect(reply.headers.authorization).toMatch(/^Bearer \S+$/);
    const texts = cardTexts(cardOf(reply));
    expect(texts).toContain(shown(fi, "help.notBound"));
    expect(texts.join("\n")).toContain("Tätä kanavaa ei ole vielä liitetty klusteriin");
    expect(reply.body.summary).toContain(fi("help.title"));
  });

  it("answers in English to an en-US sender", async () => {
    const texts = replyTexts(await say(emma, "help"));
    expect(texts).toContain(shown(en, "help.notBound"));
    expect(texts.join("\n")).toContain("This channel is not bound to a cluster yet");
    expect(texts.join("\n")).not.toContain("Tätä kanavaa");
  });
});

describe("setup", () => {
  it("'setup Energy' replies with a form: name prefilled, time zone and language to choose, an Action.Execute", async () => {
    const { form } = await openSetupForm(aino, energy, "Energy");
    const card = cardOf(form);
    const inputs = (card.body as Json[]).filter((e) => String(e.type).startsWith("Input."));
    expect(inputs.find((i) => i.id === "name")).toMatchObject({
      type: "Input.Text",
      value: "Energy",
      isRequired: true,
    });
    const zone = inputs.find((i) => i.id === "time_zone");
    expect(zone).toMatchObject({
      type: "Input.ChoiceSet",
      value: "Europe/Helsinki",
      label: fi("setup.timeZone"),
    });
    expect(zone!.choices).toContainEqual({ title: "Europe/Stockholm", value: "Europe/Stockholm" });
    const language = inputs.find((i) => i.id === "locale");
    expect(language).toMatchObject({ type: "Input.ChoiceSet", value: "fi", label: fi("setup.language") });
    expect(language!.choices).toContainEqual({ title: "englanti", value: "en" });
    const [submit, ...more] = executeActions(card);
    expect(more).toEqual([]);
    expect(submit).toMatchObject({
      type: "Action.Execute",
      verb: "ennakko.setup-cluster",
      title: fi("setup.submit"),
      data: { formId: "ennakko.setup-cluster" },
    });
    expect(JSON.parse(submit!.data.metadata)).toEqual({ channelId: energy.channelId });
    expect(await dbState()).toEqual({ clusters: 0, bindings: 0, memberships: 0, audit: 0 });
  });

  it("a Finnish cluster set up by an English-speaking chair is announced in Finnish; the chair hears 'done' in English", async () => {
    const { form, thread } = await openSetupForm(emma, energy, "Energy");
    const submit = await click(emma, form, { where: inChannel(energy, thread), inputs: { locale: "fi" } });
    expect(cardTexts(invokeCard(submit))).toEqual([shown(en, "setup.done", { cluster: "Energy" })]);
    const card = cardOf(submit.calls.at(-1)!);
    expect(cardTexts(card)).toEqual([shown(fi, "setup.announce", { cluster: "Energy" })]);
    expect(executeActions(card).map((a) => a.title)).toEqual([fi("join.button")]);
  });

  it("submitting the form creates the cluster, answers 'done' in the invoke response and announces it with a Join button", async () => {
    const { form, thread } = await openSetupForm(aino, energy, "Energy");
    const submit = await click(aino, form, {
      where: inChannel(energy, thread),
      inputs: { sector: "energia" },
    });

    expect(cardTexts(invokeCard(submit))).toEqual([shown(fi, "setup.done", { cluster: "Energy" })]);
    // The announcement is the only message posted: into the thread the form was opened in.
    expect(submit.calls.map((c) => c.operation)).toEqual(["reply"]);
    const announcement = submit.calls[0]!;
    expect(announcement.conversationId).toBe(`${energy.channelId};messageid=${thread}`);
    const card = cardOf(announcement);
    expect(cardTexts(card)).toEqual([shown(fi, "setup.announce", { cluster: "Energy" })]);
    const cluster = await bot.db.prisma.cluster.findFirstOrThrow({
      include: { bindings: { include: { workspace: true } }, memberships: true },
    });
    expect(executeActions(card)).toEqual([
      expect.objectContaining({
        verb: "ennakko.join-cluster",
        title: fi("join.button"),
        data: { actionId: "ennakko.join-cluster", value: cluster.id },
      }),
    ]);

    expect(cluster).toMatchObject({
      name: "Energy",
      sector: "energia",
      timeZone: "Europe/Helsinki",
      locale: "fi",
    });
    expect(cluster.bindings).toEqual([
      expect.objectContaining({ platform: "TEAMS", channelId: energy.channelId }),
    ]);
    expect(cluster.bindings[0]!.workspace).toMatchObject({ platform: "TEAMS", externalId: TENANT_ID });
    const chairs = await membershipsOf(aino);
    expect(chairs.map((m) => [m.cluster.name, m.role])).toEqual([["Energy", "CHAIR"]]);
    expect(cluster.memberships).toHaveLength(1);
    const audit = await bot.db.prisma.auditEntry.findMany();
    expect(audit.map((a) => a.action)).toEqual(["cluster.setup"]);
  });

  it("a 1-character name brings the form back with the error next to the field, and writes nothing", async () => {
    const { form, thread } = await openSetupForm(aino, energy, "Energy");
    const submit = await click(aino, form, {
      where: inChannel(energy, thread),
      inputs: { name: "E", sector: "energia" },
    });

    const card = invokeCard(submit);
    const body = card.body as Json[];
    const nameAt = body.findIndex((e) => e.id === "name");
    expect(body[nameAt]).toMatchObject({ type: "Input.Text", value: "E" });
    expect(body[nameAt + 1]).toMatchObject({
      type: "TextBlock",
      text: fi("setup.invalid.name"),
      color: "Attention",
    });
    expect(body.find((e) => e.id === "sector")).toMatchObject({ value: "energia" }); // what was typed is kept
    expect(executeActions(card).map((a) => a.verb)).toEqual(["ennakko.setup-cluster"]);
    expect(submit.calls).toEqual([]);
    expect(await dbState()).toEqual({ clusters: 0, bindings: 0, memberships: 0, audit: 0 });
  });

  it("a form submitted in another channel than it was opened in is refused", async () => {
    const { form } = await openSetupForm(aino, energy, "Energy");
    const submit = await click(aino, form, { where: inChannel(mining) });
    expect(cardTexts(invokeCard(submit))).toEqual([shown(fi, "parse.unknownAction")]);
    expect(await dbState()).toMatchObject({ clusters: 0, bindings: 0 });
  });

  it("'setup' in a bound channel says which cluster already lives there", async () => {
    await setUpCluster(aino, energy, "Energy");
    expect(replyTexts(await say(mikko, "setup Other"))).toEqual([
      shown(fi, "error.CHANNEL_ALREADY_BOUND", { cluster: "Energy" }),
    ]);
  });
});

describe("joining", () => {
  it("'@Ennakko join' makes a second user a member", async () => {
    await setUpCluster(aino, energy, "Energy");
    expect(replyTexts(await say(mikko, "join"))).toEqual([shown(fi, "join.done", { cluster: "Energy" })]);
    expect((await membershipsOf(mikko)).map((m) => m.role)).toEqual(["MEMBER"]);
  });

  it("the Join button joins on the first click and says 'already a member' on the second; one membership", async () => {
    const { announcement, thread } = await setUpCluster(aino, energy, "Energy");
    const where = inChannel(energy, thread);

    const first = await click(sanna, announcement, { where, verb: "ennakko.join-cluster" });
    expect(cardTexts(invokeCard(first))).toEqual([shown(fi, "join.done", { cluster: "Energy" })]);
    expect(first.calls).toEqual([]);
    const second = await click(sanna, announcement, { where, verb: "ennakko.join-cluster" });
    expect(cardTexts(invokeCard(second))).toEqual([shown(fi, "error.ALREADY_MEMBER", { cluster: "Energy" })]);
    expect(second.calls).toEqual([]);

    expect((await membershipsOf(sanna)).map((m) => m.role)).toEqual(["MEMBER"]);
    expect(await bot.db.prisma.membership.count()).toBe(2);
  });

  it("an unknown verb (a stale or forged button) is answered, not crashed on", async () => {
    const { thread } = await setUpCluster(aino, energy, "Energy");
    const turn = await send(
      invoke({
        serviceUrl: connector.serviceUrl,
        from: sanna,
        where: inChannel(energy, thread),
        verb: "ennakko.nope",
        data: {},
        replyToId: "1:x",
      }),
    );
    expect(cardTexts(invokeCard(turn))).toEqual([shown(fi, "parse.unknownAction")]);
    expect(await membershipsOf(sanna)).toEqual([]);
  });
});

describe("roles", () => {
  async function energyWithMembers() {
    await setUpCluster(aino, energy, "Energy");
    await say(mikko, "join");
    await say(sanna, "join");
  }

  it("the chair names a secretary: the channel is told, in Finnish", async () => {
    await energyWithMembers();
    const texts = replyTexts(await say(aino, "role {Mikko Member} secretary", inChannel(energy), [mikko]));
    expect(texts).toEqual([
      shown(fi, "role.done", { user: "Mikko Member", role: "sihteeri", cluster: "Energy" }),
    ]);
    expect(texts[0]).toContain("sihteeri");
    expect((await membershipsOf(mikko)).map((m) => m.role)).toEqual(["SECRETARY"]);
  });

  it("a plain member is refused (forbidden) and nothing changes", async () => {
    await energyWithMembers();
    const texts = replyTexts(await say(sanna, "role {Mikko Member} chair", inChannel(energy), [mikko]));
    expect(texts).toEqual([shown(fi, "error.FORBIDDEN")]);
    expect((await membershipsOf(mikko)).map((m) => m.role)).toEqual(["MEMBER"]);
  });

  it("the time zone: a member sees it, is refused a change; the chair changes it for the channel (issue 13)", async () => {
    await energyWithMembers();
    const seen = replyTexts(await say(mikko, "timezone", inChannel(energy)));
    expect(seen[0]).toMatch(/^\*\*Energy\*\* lukee päivämääränsä aikavyöhykkeellä \*\*Europe\/Helsinki\*\*/);
    expect(replyTexts(await say(mikko, "timezone Europe/Oslo", inChannel(energy)))).toEqual([
      shown(fi, "error.FORBIDDEN"),
    ]);
    const changed = replyTexts(await say(aino, "timezone Europe/Stockholm", inChannel(energy)));
    expect(changed[0]).toMatch(
      /^Aino .* vaihtoi klusterin \*\*Energy\*\* aikavyöhykkeen: Europe\/Helsinki → \*\*Europe\/Stockholm\*\*/,
    );
    expect((await bot.db.prisma.cluster.findFirstOrThrow()).timeZone).toBe("Europe/Stockholm");
  });

  it("mentioning someone who is not a member is refused by name", async () => {
    await energyWithMembers();
    const texts = replyTexts(await say(aino, "role {Ghost Outsider} secretary", inChannel(energy), [ghost]));
    expect(texts).toEqual([shown(fi, "error.UNKNOWN_USER", { user: "Ghost Outsider" })]);
    expect(await membershipsOf(ghost)).toEqual([]);
  });
});

describe("members and status", () => {
  it("list the members with their roles and reflect a role change", async () => {
    await setUpCluster(aino, energy, "Energy");
    await say(mikko, "join");
    await say(sanna, "join");
    await say(aino, "role {Mikko Member} secretary", inChannel(energy), [mikko]);

    const members = replyTexts(await say(sanna, "members"));
    expect(members[0]).toBe(shown(fi, "members.title", { cluster: "Energy", count: 3 }));
    // A real list: Teams would run lines joined by "\n" into one paragraph.
    expect(members[1]!.split("\r")).toEqual([
      "- Aino Chair — puheenjohtaja",
      "- Mikko Member — sihteeri",
      "- Sanna Clicker — jäsen",
    ]);

    const status = replyTexts(await say(mikko, "status"));
    expect(status[0]).toBe(shown(fi, "status.title", { cluster: "Energy" }));
    expect(status).toContain(`${fi("status.members")}: 3 (puheenjohtaja 1, sihteeri 1, jäsen 1)`);
    expect(status).toContain(`${fi("status.yourRole")}: sihteeri`);
    expect(status).toContain(`${fi("status.platforms")}: Teams`);
    expect(status).toContain(`${fi("status.timeZone")}: Europe/Helsinki`);
  });

  it("help shows a member their role and the commands it allows", async () => {
    await setUpCluster(aino, energy, "Energy");
    const texts = replyTexts(await say(aino, "help"));
    expect(texts).toContain(shown(fi, "help.yourRole", { role: "puheenjohtaja", cluster: "Energy" }));
    expect(texts.at(-1)).toContain("**@Ennakko role <@henkilö> <rooli>**");
  });
});

describe("command words", () => {
  it("an unknown subcommand is named back with a pointer to help", async () => {
    const texts = replyTexts(await say(aino, "dance"));
    expect(texts).toEqual([shown(fi, "parse.unknownCommand", { word: "dance" })]);
    expect(texts[0]).toContain("dance");
  });

  it("'/cluster help' typed the Slack way works in a channel and in a personal chat", async () => {
    await setUpCluster(aino, energy, "Energy");
    expect(replyTexts(await say(aino, "/cluster help"))).toContain(
      shown(fi, "help.yourRole", { role: "puheenjohtaja", cluster: "Energy" }),
    );
    const personal = replyTexts(await say(aino, "/cluster help", { personal: personalChat() }));
    expect(personal).toContain(toCardMarkdown(fi("help.personal"), "PERSONAL"));
  });
});

describe("conversation references", () => {
  it("are stored for the channel and for a personal chat, with the serviceUrl to reach them later", async () => {
    const chat = personalChat();
    await say(aino, "help");
    await say(aino, "help", { personal: chat });

    const refs = await bot.db.prisma.conversationRef.findMany({ orderBy: { scope: "asc" } });
    expect(refs.map((r) => [r.platform, r.scope, r.conversationId])).toEqual([
      ["TEAMS", "CHANNEL", energy.channelId],
      ["TEAMS", "PERSONAL", chat.conversationId],
    ]);
    const [channelRef, personalRef] = refs as [(typeof refs)[number], (typeof refs)[number]];
    expect(channelRef.personId).toBeNull();
    expect(channelRef.reference).toMatchObject({
      serviceUrl: connector.serviceUrl,
      channelId: "msteams",
      bot: { id: "28:bot-id" },
      // The channel itself, not the thread of the last message, so later posts start new threads.
      conversation: { id: energy.channelId },
    });
    expect(channelRef.reference).not.toHaveProperty("activityId");
    const person = await bot.db.prisma.person.findFirstOrThrow({
      where: { identities: { some: { externalId: aino.id } } },
    });
    expect(personalRef.personId).toBe(person.id);
    expect(personalRef.reference).toMatchObject({
      serviceUrl: connector.serviceUrl,
      channelId: "msteams",
      conversation: { id: chat.conversationId, conversationType: "personal", tenantId: TENANT_ID },
      user: { id: aino.id, aadObjectId: aino.aadObjectId },
    });
  });
});

describe("two clusters", () => {
  it("a member of one cannot see the other's members", async () => {
    const miner = teamsUser("Minna Miner");
    await setUpCluster(aino, energy, "Energy");
    await setUpCluster(miner, mining, "Mining");

    expect(replyTexts(await say(aino, "members", inChannel(mining)))).toEqual([
      shown(fi, "error.NOT_A_MEMBER", { cluster: "Mining" }),
    ]);
    expect(replyTexts(await say(aino, "status", inChannel(mining)))).toEqual([
      shown(fi, "error.NOT_A_MEMBER", { cluster: "Mining" }),
    ]);
    const own = replyTexts(await say(aino, "members", inChannel(energy)));
    expect(own[1]).toBe("- Aino Chair — puheenjohtaja");
    expect(own.join("\n")).not.toContain("Minna");
    // Naming a member of the other cluster from here finds nobody.
    const texts = replyTexts(await say(aino, "role {Minna Miner} secretary", inChannel(energy), [miner]));
    expect(texts).toEqual([shown(fi, "error.UNKNOWN_USER", { user: "Minna Miner" })]);
    expect((await membershipsOf(miner)).map((m) => [m.cluster.name, m.role])).toEqual([["Mining", "CHAIR"]]);
  });
});

describe("when the connector fails", () => {
  it("a throttled reply (429 + Retry-After) is retried and arrives once", async () => {
    connector.failNext(429, 0);
    const turn = await say(aino, "help");
    expect(turn.status).toBe(200);
    expect(turn.calls.map((c) => [c.operation, c.status])).toEqual([
      ["reply", 429],
      ["reply", 200],
    ]);
    expect(turn.calls[1]!.body).toEqual(turn.calls[0]!.body);
    expect(cardTexts(cardOf(turn.calls[1]!))).toContain(shown(fi, "help.notBound"));
  });

  it("a refused announcement still answers the click with 'done': the cluster exists, no false apology", async () => {
    const { form, thread } = await openSetupForm(aino, energy, "Energy");
    connector.failNext(403); // e.g. the bot was just removed from the channel
    const submit = await click(aino, form, { where: inChannel(energy, thread) });

    expect(cardTexts(invokeCard(submit))).toEqual([shown(fi, "setup.done", { cluster: "Energy" })]);
    expect(submit.calls.map((c) => [c.operation, c.status])).toEqual([["reply", 403]]);
    expect(await dbState()).toMatchObject({ clusters: 1, bindings: 1, memberships: 1 });
  });

  it("a failed reply to a message ends in an apology in the sender's language", async () => {
    apologyExpected = true;
    connector.failNext(400);
    const turn = await say(aino, "help");
    expect(turn.status).toBe(200);
    expect(turn.calls.map((c) => [c.operation, c.status])).toEqual([
      ["reply", 400],
      ["reply", 200],
    ]);
    expect(turn.calls[1]!.body).toMatchObject({ type: "message", text: fi("error.unexpected") });
  });
});

describe("malformed requests", () => {
  it.each([
    ["not JSON", "this is { not json"],
    ["a JSON array", "[1, 2]"],
    ["JSON without a type", JSON.stringify({ text: "help", from: { id: aino.id } })],
    ["an empty body", ""],
  ])("%s → 400, no connector call, nothing stored", async (_label, raw) => {
    const { status } = await postActivity(bot.baseUrl, raw);
    expect(status).toBe(400);
    expect(connector.calls).toEqual([]);
    expect(await bot.db.prisma.person.count()).toBe(0);
    expect(await bot.db.prisma.conversationRef.count()).toBe(0);
  });
});
