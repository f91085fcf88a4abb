// Minutes on Teams, end to end through the real CloudAdapter and a fake Bot Connector: the draft
// form card, saving (the card turns into the saved note with an Approve button), approving (the
// minutes go to the channel), "minutes" sending download links to the member's personal chat, the
// files behind them, and an edit after approval making version 2.
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import { toCardMarkdown } from "../../../src/platforms/teams/render-adaptive-card.ts";
import type { FakeBotConnector } from "../../fakes/bot-connector.ts";
import { truncateAll } from "../../support/database.ts";
import { seedHeldMeeting } from "../../support/minutes-meeting.ts";
import { parseCsv } from "../../support/parse-csv.ts";
import {
  cardTexts,
  executeActions,
  type Json,
  teamsChannel,
  teamsUser,
  type Where,
} from "../../support/teams-activities.ts";
import {
  allCardTexts,
  cardOf,
  download,
  downloadLinks,
  expectNoApology,
  inChannel,
  inputsOf,
  invokeCard,
  onlyReply,
  startTeamsBot,
  stopTeamsBot,
  teamsJourney,
} from "../../support/teams-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";
import { docxText, unzip } from "../../support/unzip.ts";

const ZONE = "Europe/Helsinki";
const PUBLIC_URL = "https://ennakko.example.org";
const en = translator("en");
const shown = (text: string) => toCardMarkdown(text);

let bot: TestBot;
let connector: FakeBotConnector;

beforeAll(async () => {
  ({ connector, bot } = await startTeamsBot({ PUBLIC_URL }, { jobs: "manual" }));
});
afterAll(() => stopTeamsBot(bot, connector));
afterEach(() => expectNoApology(connector.calls));

const english = { locale: "en-US", timeZone: ZONE };
const emma = teamsUser("Emma Chair", english);
const mikko = teamsUser("Mikko Member", english);
const sanna = teamsUser("Sanna Secretary", english);
const energy = teamsChannel("Energy");

const { say, submitCard, pressAction, deliverOutbox, createCluster } = teamsJourney(
  () => ({ bot, connector }),
  energy,
);
const textOf = (card: Json) => cardTexts(card).join("\n");

let meetingId = "";
beforeEach(async () => {
  await truncateAll(bot.db);
  connector.reset();
  await createCluster(emma, energy, "Energy");
  for (const member of [mikko, sanna]) onlyReply(await say(member, "join"));
  onlyReply(await say(emma, "role {Sanna Secretary} secretary", inChannel(energy), [sanna]));
  ({ meetingId } = await seedHeldMeeting(bot.db, {
    present: ["Emma Chair", "Sanna Secretary"],
    owner: "Mikko Member",
  }));
  connector.reset();
});

/** The form card of "minutes draft", filled in and submitted in its thread; returns the answer card. */
async function draftAndSave(inputs: Record<string, string>) {
  const turn = await say(sanna, "minutes draft");
  const reply = onlyReply(turn);
  const form = cardOf(reply);
  const where: Where = { channel: energy, threadId: turn.activity.id as string };
  const saved = await submitCard(sanna, form, reply.answeredId!, where, inputs);
  return { form, where, card: invokeCard(saved), messageId: reply.answeredId! };
}

/** The download links the outbox sent to the personal chat. */
const deliveredLinks = async () => downloadLinks(await deliverOutbox());
const fetchFile = (url: string) => download(bot, url);

it("drafts in a form card, approves to the channel, sends the files as links, and versions a later edit", async () => {
  // Members may neither draft nor get unapproved minutes.
  expect(textOf(cardOf(onlyReply(await say(mikko, "minutes draft"))))).toBe(shown(en("error.FORBIDDEN")));
  expect(textOf(cardOf(onlyReply(await say(mikko, "minutes"))))).toBe(
    shown(en("error.MINUTES_NOT_APPROVED", { meeting: "Spring 2027" })),
  );

  const { form, where, card, messageId } = await draftAndSave({
    summary: "The chair opened the meeting.",
    discussion: "Funding looks likely.",
    nextSteps: "Apply by June.",
  });
  expect(textOf(form)).toContain("version 1");
  expect(inputsOf(form).map((i) => i.id)).toEqual(["summary", "discussion", "nextSteps"]);
  expect(textOf(card)).toContain(shown(en("minutes.saved", { title: "Spring 2027", version: 1 })));
  const approve = executeActions(card).find((a) => a.verb === "ennakko.minutes.approve")!;
  expect(approve).toBeTruthy();

  // Approve: the card says so; the minutes are posted to the channel.
  const approved = await pressAction(sanna, where, approve, messageId);
  expect(textOf(invokeCard(approved))).toBe(
    shown(en("minutes.approved", { title: "Spring 2027", version: 1 })),
  );
  const posts = approved.calls.filter((c) => c.operation === "reply" || c.operation === "send");
  const posted = posts.flatMap(allCardTexts).join("\n");
  expect(posted).toContain("Minutes of **Spring 2027** (version 1), approved by Sanna Secretary");
  expect(posted).toContain("Apply for hydrogen valley funding");
  expect(posted).toContain("Write the funding application");
  expect(await bot.db.prisma.minutes.findFirstOrThrow({ where: { meetingId } })).toMatchObject({
    version: 1,
    status: "APPROVED",
  });

  // A member asks for the minutes: a note in the thread, three links in their personal chat.
  connector.reset();
  expect(textOf(cardOf(onlyReply(await say(mikko, "minutes Spring 2027"))))).toContain("personal chat");
  const urls = await deliveredLinks();
  expect(urls.map((u) => u.split("/").at(-1)).sort()).toEqual([
    "measures-spring-2027-v1.csv",
    "minutes-spring-2027-v1.docx",
    "minutes-spring-2027-v1.md",
  ]);
  const docx = await fetchFile(urls.find((u) => u.endsWith(".docx"))!);
  const text = docxText(unzip(docx).get("word/document.xml")!.toString("utf8"));
  expect(text).toContain("Present: Emma Chair, Sanna Secretary");
  expect(text).toContain("Absent: Mikko Member");
  expect(text).toContain("Hydrogen valley: Apply for hydrogen valley funding");
  expect(text).toContain("Survey employers");
  expect((await fetchFile(urls.find((u) => u.endsWith(".md"))!)).toString("utf8")).toContain("## Decisions");
  const csv = parseCsv((await fetchFile(urls.find((u) => u.endsWith(".csv"))!)).toString("utf8"));
  expect(csv.map((r) => r[0])).toEqual(["Measure", "Write the funding application", "Survey employers"]);

  // An edit after approval: version 2 as a new draft, version 1 unchanged.
  const second = await draftAndSave({ summary: "Corrected opening.", discussion: "", nextSteps: "" });
  expect(textOf(second.form)).toContain("saving makes version 2");
  expect(textOf(second.card)).toContain("Saved as version 2");
  const versions = await bot.db.prisma.minutes.findMany({
    where: { meetingId },
    orderBy: { version: "asc" },
  });
  expect(versions.map((v) => [v.version, v.status])).toEqual([
    [1, "APPROVED"],
    [2, "DRAFT"],
  ]);
  expect((versions[0]!.content as { summary: string }).summary).toBe("The chair opened the meeting.");
});

it("answers a meeting that is not this cluster's clearly", async () => {
  expect(textOf(cardOf(onlyReply(await say(sanna, "minutes draft Autumn 2031"))))).toBe(
    shown(en("error.MINUTES_MEETING_NOT_FOUND", { meeting: "Autumn 2031" })),
  );
  expect(textOf(cardOf(onlyReply(await say(emma, "minutes approve 0000ffff"))))).toBe(
    shown(en("error.MINUTES_MEETING_NOT_FOUND", { meeting: "0000ffff" })),
  );
  expect(await bot.db.prisma.minutes.count()).toBe(0);
});
