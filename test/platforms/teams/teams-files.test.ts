// File outputs on Teams. A bot cannot post files into a channel, and a channel has no private messages,
// so a `file` output becomes download links sent to the person's personal chat with the bot (through
// the outbox), and the conversation is told only that they were sent. No command emits a file yet, so
// the platform under test is the real one (the real CloudAdapter over HTTP, talking to the fake Bot
// Connector) with a dispatcher that answers "export" (and the "test.export" button) with a file output
// and hands everything else to the real dispatcher. The outbox and GET /files/… are the real bot's,
// on the same database. Also: a chart drawn by the bot travels as a data URI inside the card, under
// Teams' message size limit.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/env.ts";
import { renderChartPng } from "../../../src/exports/chart-image.ts";
import { createHttpServer } from "../../../src/http/http-server.ts";
import { systemClock } from "../../../src/kernel/app/context.ts";
import { toLocale } from "../../../src/kernel/domain/locale.ts";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import { createComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createDispatcher, type Dispatcher } from "../../../src/kernel/surface/dispatch.ts";
import { EnvelopeSchema } from "../../../src/kernel/surface/intent.ts";
import {
  type FileAttachment,
  type Output,
  pngDataUri,
  text,
  view,
} from "../../../src/kernel/surface/view.ts";
import { silentLogger } from "../../../src/log/logger.ts";
import { TEAMS_LIMITS, toCardMarkdown } from "../../../src/platforms/teams/render-adaptive-card.ts";
import { createTeamsPlatform, TEAMS_MESSAGES_PATH } from "../../../src/platforms/teams/teams-platform.ts";
import type { ConnectorCall, FakeBotConnector } from "../../fakes/bot-connector.ts";
import type { FakeBotIdentity } from "../../fakes/bot-identity.ts";
import { truncateAll } from "../../support/database.ts";
import {
  cardTexts,
  type Json,
  openUrlActions,
  personalChat,
  teamsChannel,
  teamsUser,
  walkCard,
} from "../../support/teams-activities.ts";
import {
  cardOf,
  expectNoApology,
  inChannel,
  invokeCard,
  onlyReply,
  startTeamsBot,
  stopTeamsBot,
  teamsJourney,
} from "../../support/teams-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

const PUBLIC_URL = "https://ennakko.example.org";
const EXPORT_ACTION = "test.export";

// ── the files an export would produce ────────────────────────────────────────────────────────────
const csv = "\uFEFFkysymys;vastaus\r\nSähköasentajat;Kasvaa paljon\r\n";
const answersCsv: FileAttachment = {
  filename: "kevät-vastaukset.csv",
  mimeType: "text/csv; charset=utf-8",
  title: "Answers (CSV)",
  content: Buffer.from(csv).toString("base64"),
};
const binary = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256));
const summaryFile: FileAttachment = {
  filename: "summary.docx",
  mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  title: "Summary (DOCX)",
  content: binary.toString("base64"),
};
const fileOutput: Output = { kind: "file", files: [answersCsv, summaryFile], comment: "Spring pulse 2027" };

/** A picture of a chart, as a document would carry it (some KB). */
const chartLabels = ["Kasvaa paljon", "Kasvaa", "Pysyy", "Vähenee", "Ei tiedä"];
const chartPng = await renderChartPng(
  {
    type: "chart",
    kind: "bar",
    title: "Sähköasentajien osaamistarve 3 vuoden päästä",
    categories: chartLabels,
    series: [{ name: "%", values: chartLabels.map((_l, i) => 10 + i * 9) }],
    summary: "Sähköasentajien osaamistarve 3 vuoden päästä",
  },
  { locale: "fi", width: 400 },
);

// ── the bot, and the platform under test ─────────────────────────────────────────────────────────
let bot: TestBot;
let connector: FakeBotConnector;
let identity: FakeBotIdentity | null;
/** The Teams platform with the export-answering dispatcher: with PUBLIC_URL, and without. */
let withLinks: { server: Server; url: string };
let withoutLinks: { server: Server; url: string };

async function exportingPlatform(publicUrl: string | undefined) {
  const app = { db: bot.db.prisma, clock: systemClock, compose: createComposer({ publicUrl }) };
  const real = createDispatcher(app, silentLogger);
  const dispatch: Dispatcher = async (raw) => {
    const envelope = EnvelopeSchema.parse(raw);
    const locale = toLocale(envelope.actor.locale) ?? "en";
    const { intent } = envelope;
    if (intent.kind === "command" && intent.text === "export") return { locale, outputs: [fileOutput] };
    if (intent.kind === "action" && intent.actionId === EXPORT_ACTION)
      return { locale, outputs: [fileOutput] };
    if (intent.kind === "command" && intent.text === "chart") {
      const line = "Sähköasentajat";
      const card = view(line, text(line), { type: "image", url: pngDataUri(chartPng), alt: "Chart" });
      return { locale, outputs: [{ kind: "ephemeral", view: card }] };
    }
    return real(raw);
  };
  // Authenticated like the bot itself, against the same fake Bot Framework.
  const config = loadConfig({
    MICROSOFT_APP_ID: identity!.appId,
    MICROSOFT_APP_PASSWORD: identity!.appPassword,
  });
  const teams = createTeamsPlatform(config.teams, app, dispatch, silentLogger, identity!.endpoints);
  const server = createHttpServer(
    [{ method: "POST", path: TEAMS_MESSAGES_PATH, handle: (req, res) => teams.handle(req, res) }],
    silentLogger,
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const closeServer = (server: Server | undefined) =>
  new Promise<void>((resolve) => {
    if (!server) return resolve();
    server.closeAllConnections();
    server.close(() => resolve());
  });

beforeAll(async () => {
  // Jobs exist but never run on their own: the test ticks the outbox when it wants delivery.
  ({ connector, bot, identity } = await startTeamsBot({ PUBLIC_URL }, { jobs: "manual" }));
  withLinks = await exportingPlatform(PUBLIC_URL);
  withoutLinks = await exportingPlatform(undefined);
});
afterAll(async () => {
  await closeServer(withLinks?.server);
  await closeServer(withoutLinks?.server);
  await stopTeamsBot(bot, connector);
});
beforeEach(async () => {
  await truncateAll(bot.db);
  connector.reset();
});
afterEach(() => expectNoApology(connector.calls));

// ── people and places ────────────────────────────────────────────────────────────────────────────
const emma = teamsUser("Emma Chair", { locale: "en-US" });
const mikko = teamsUser("Mikko Member", { locale: "fi-FI" });
const energy = teamsChannel("Energy");
const en = translator("en");
const fi = translator("fi");
const shown = (line: string) => toCardMarkdown(line);

const journeyOn = (platform: () => { url: string }) =>
  teamsJourney(() => ({ bot: { ...bot, baseUrl: platform().url }, connector }), energy);
const { say, pressAction, deliverOutbox } = journeyOn(() => withLinks);
const offline = journeyOn(() => withoutLinks);

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────
/** GET a download link from the bot's own HTTP server (PUBLIC_URL would point at it in production). */
async function download(url: string) {
  expect(url.startsWith(`${PUBLIC_URL}/files/`)).toBe(true);
  const response = await fetch(`${bot.baseUrl}${new URL(url).pathname}`);
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** Everything a call carries, as one string: to prove no link reached a channel. */
const everything = (calls: ConnectorCall[]) => JSON.stringify(calls.map((c) => c.body));

/** The download buttons of the personal message: title and link. */
const linksOf = (call: ConnectorCall) =>
  openUrlActions(cardOf(call)).map((a: Json) => ({ title: String(a.title), url: String(a.url) }));

async function expectFileServed(url: string, file: FileAttachment, bytes: Buffer) {
  const got = await download(url);
  expect(got.status).toBe(200);
  expect(got.headers.get("content-type")).toBe(file.mimeType);
  expect(got.headers.get("cache-control")).toBe("no-store");
  expect(got.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);
  expect(got.headers.get("content-disposition")).toContain(
    `filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  );
  expect(got.body.equals(bytes)).toBe(true);
}

// ── the journeys ─────────────────────────────────────────────────────────────────────────────────
describe("a file output on Teams", () => {
  it("sends the links to the person's own chat, tells the thread only that, and serves the files until they expire", async () => {
    // Emma asks in the channel. She has never written to the bot in private.
    const asked = await say(emma, "export");
    const reply = onlyReply(asked);
    expect(cardTexts(cardOf(reply))).toEqual([shown(en("files.sentToPersonalChat"))]);
    expect(everything(asked.calls)).not.toContain("/files/");

    // The links wait in the outbox for Emma alone: the bot opens a 1:1 chat with her and sends them.
    const outbox = await bot.db.prisma.outboxMessage.findMany();
    expect(outbox.map((r) => [r.platform, r.target])).toEqual([["TEAMS", emma.id]]);
    const delivered = await deliverOutbox();
    expect(delivered.map((c) => c.operation)).toEqual(["createConversation", "send"]);
    const [opened, sent] = delivered as [ConnectorCall, ConnectorCall];
    expect(opened.body.members).toEqual([{ id: emma.id }]);
    expect(opened.body.isGroup).toBe(false);
    expect(sent.conversationId).toBe(opened.answeredId);
    expect(delivered.every((c) => !String(c.conversationId ?? "").startsWith(energy.channelId))).toBe(true);
    expect(cardTexts(cardOf(sent))).toEqual([shown(en("files.ready", { hours: 24 })), "Spring pulse 2027"]);
    const links = linksOf(sent);
    expect(links.map((l) => l.title)).toEqual(["Answers (CSV)", "Summary (DOCX)"]);
    expect(links[0]!.url).toMatch(
      /^https:\/\/ennakko\.example\.org\/files\/[A-Za-z0-9_-]{43}\/kev%C3%A4t-vastaukset\.csv$/,
    );
    expect(await bot.db.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "SENT" });

    // The links give back the very bytes, as attachments nobody caches.
    await expectFileServed(links[0]!.url, answersCsv, Buffer.from(csv));
    await expectFileServed(links[1]!.url, summaryFile, binary);

    // A made-up token and an expired one get the same answer.
    const unknown = await download(`${PUBLIC_URL}/files/${"x".repeat(43)}/summary.docx`);
    expect(unknown.status).toBe(404);
    await bot.db.prisma.downloadFile.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await download(links[0]!.url);
    expect(expired.status).toBe(404);
    expect(expired.body.toString()).toBe(unknown.body.toString());
    expect(expired.headers.get("content-type")).toBe(unknown.headers.get("content-type"));

    // The hourly purge removes them for good.
    expect(await bot.bot.jobs!.scheduler.tick("purge-downloads")).toBe("ran");
    expect(await bot.db.prisma.downloadFile.count()).toBe(0);
  });

  it("uses the personal chat the person already has, and speaks their language", async () => {
    const mikkosChat = personalChat();
    onlyReply(await say(mikko, "help", { personal: mikkosChat }));
    const asked = await say(mikko, "export");
    expect(cardTexts(cardOf(onlyReply(asked)))).toEqual([shown(fi("files.sentToPersonalChat"))]);

    const delivered = await deliverOutbox();
    expect(delivered.map((c) => [c.operation, c.conversationId])).toEqual([
      ["send", mikkosChat.conversationId],
    ]);
    expect(cardTexts(cardOf(delivered[0]!))[0]).toBe(shown(fi("files.ready", { hours: 24 })));
    const [csvLink] = linksOf(delivered[0]!);
    await expectFileServed(csvLink!.url, answersCsv, Buffer.from(csv));
  });

  it("answers a button with the note on the clicked card, and the links still go to the personal chat", async () => {
    const action = { verb: EXPORT_ACTION, title: "Export", data: { actionId: EXPORT_ACTION, value: "" } };
    const clicked = await pressAction(emma, inChannel(energy), action, "1763800000001");
    expect(cardTexts(invokeCard(clicked))).toEqual([shown(en("files.sentToPersonalChat"))]);
    expect(clicked.calls).toEqual([]);
    expect(JSON.stringify(clicked.body)).not.toContain("/files/");

    const delivered = await deliverOutbox();
    expect(delivered.map((c) => c.operation)).toEqual(["createConversation", "send"]);
    expect(linksOf(delivered[1]!)).toHaveLength(2);
  });

  it("tells the person the administrator must set PUBLIC_URL, and stores nothing, when the bot has none", async () => {
    const asked = await offline.say(emma, "export");
    expect(cardTexts(cardOf(onlyReply(asked)))).toEqual([shown(en("error.PUBLIC_URL_MISSING"))]);
    expect(await bot.db.prisma.downloadFile.count()).toBe(0);
    expect(await bot.db.prisma.outboxMessage.count()).toBe(0);
  });
});

describe("a chart drawn by the bot", () => {
  it("travels inside the card as a data URI, well under Teams' message limit", async () => {
    expect(chartPng.length).toBeGreaterThan(5000);
    const reply = onlyReply(await say(mikko, "chart"));
    const images: Json[] = [];
    walkCard(cardOf(reply), (element) => {
      if (element.type === "Image") images.push(element);
    });
    expect(images).toEqual([{ type: "Image", url: pngDataUri(chartPng), altText: "Chart" }]);
    // The whole activity as sent, not only the card: Teams refuses messages over ~28 KB.
    const size = Buffer.byteLength(JSON.stringify(reply.body));
    expect(size).toBeLessThan(28 * 1024);
    expect(Buffer.byteLength(JSON.stringify(cardOf(reply)))).toBeLessThanOrEqual(TEAMS_LIMITS.cardBytes);
  });
});
