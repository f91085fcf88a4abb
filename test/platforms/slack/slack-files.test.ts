// Files and drawn charts on Slack, at the platform level: no command emits them yet, so these tests call
// the Slack delivery (deliverToSlack with a real WebClient, the outbox's Slack gateway) directly and
// check what reached the fake Slack API: the exact bytes, the private upload of charts shown with
// `slack_file`, exports in the person's DM, and what happens when an upload fails.
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { renderChartPng } from "../../../src/exports/chart-image.ts";
import { type AppContext, systemClock } from "../../../src/kernel/app/context.ts";
import type { OutboundMessage } from "../../../src/kernel/app/ports/chat-gateway.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import {
  ephemeral,
  type FileAttachment,
  type ImageElement,
  type Output,
  pngDataUri,
  text,
  toChannel,
  type View,
  view,
} from "../../../src/kernel/surface/view.ts";
import { type Logger, silentLogger } from "../../../src/log/logger.ts";
import { boltLogger } from "../../../src/platforms/slack/bolt-logger.ts";
import { deliverToSlack, type SlackReplyTarget } from "../../../src/platforms/slack/deliver.ts";
import { renderMessage } from "../../../src/platforms/slack/render-block-kit.ts";
import { SlackUploadError } from "../../../src/platforms/slack/slack-files.ts";
import { createSlackGateway } from "../../../src/platforms/slack/slack-gateway.ts";
import { FakeSlackApi, type RecordedCall } from "../../fakes/slack-api.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";

const TOKEN = "xoxb-test-token";
let slack: FakeSlackApi;
let db: TestDatabase;
let app: AppContext;
let warnings: string[];

beforeAll(async () => {
  slack = await new FakeSlackApi().start();
  db = await createTestDatabase();
  app = { db: db.prisma, clock: systemClock, compose: surfaceComposer };
});
afterAll(async () => {
  await slack?.stop();
  await db?.close();
});
beforeEach(async () => {
  slack.reset();
  warnings = [];
  await truncateAll(db);
});

// ── what the tests send ──────────────────────────────────────────────────────────────────────────
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const barChart = (title: string, categories: string[], values: number[]) =>
  renderChartPng(
    { type: "chart", kind: "bar", title, categories, series: [{ name: "n", values }], summary: title },
    { locale: "en", width: 400 },
  );
const skillsPng = Buffer.from(await barChart("Skill needs 2026", ["Welders", "Nature guides"], [12, 7]));
const overduePng = Buffer.from(await barChart("Overdue measures", ["Energy"], [3]));

const chart = (png: Uint8Array, title: string): ImageElement => ({
  type: "image",
  url: pngDataUri(png),
  alt: `Bar chart: ${title}`,
  title,
});
const chartView = (png = skillsPng, title = "Skill needs 2026"): View =>
  view(title, text(`*${title}*`), chart(png, title));

const CSV = "measure;owner;due\r\nHydrogen welding course;Olli;2026-03-01\r\n";
const attachment = (filename: string, mimeType: string, bytes: Buffer, title: string): FileAttachment => ({
  filename,
  mimeType,
  title,
  content: bytes.toString("base64"),
});

/** Records warnings: a failed upload must be logged, not silent. */
const log: Logger = { ...silentLogger, warn: (msg) => warnings.push(msg) };

/** A WebClient like Bolt's listener client, pointed at the fake; no retries so failures show at once. */
const client = () =>
  new webApi.WebClient(TOKEN, {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 0 },
    logger: boltLogger(silentLogger),
  });

const target = (overrides: Partial<SlackReplyTarget> = {}): SlackReplyTarget => ({
  app,
  client: client(),
  channelId: "C-ENERGY",
  userId: "U-AINO",
  log,
  ...overrides,
});

// ── what the tests read ──────────────────────────────────────────────────────────────────────────
type SentBlock = { type: string; image_url?: string; slack_file?: { id: string }; alt_text?: string };
const blocksOf = (call: RecordedCall | undefined) => (call?.body.blocks ?? []) as SentBlock[];
const imagesOf = (call: RecordedCall | undefined) => blocksOf(call).filter((b) => b.type === "image");
const uploads = () => [...slack.uploadedFiles.values()];
const methods = () => slack.calls.map((c) => c.method);

describe("Block Kit images", () => {
  const drawn = chart(skillsPng, "Skill needs");
  const v = view("x", { type: "image", url: "https://example.invalid/a.png", alt: "a" }, drawn);

  it("shows an uploaded chart as slack_file and never sends a data: URI", () => {
    expect(renderMessage(v, new Map([[drawn.url, "F123456789"]])).blocks).toEqual([
      { type: "image", image_url: "https://example.invalid/a.png", alt_text: "a" },
      {
        type: "image",
        slack_file: { id: "F123456789" },
        alt_text: drawn.alt,
        title: { type: "plain_text", text: "Skill needs", emoji: true },
      },
    ]);
    // Not uploaded: left out, so Slack does not refuse the whole message.
    expect(renderMessage(v).blocks).toEqual([
      { type: "image", image_url: "https://example.invalid/a.png", alt_text: "a" },
    ]);
  });
});

describe("deliverToSlack", () => {
  it("uploads a chart privately, then posts it to the channel as slack_file", async () => {
    await deliverToSlack([toChannel(chartView())], target());

    const [file, ...others] = uploads();
    expect(others).toHaveLength(0);
    expect(file!.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(file!.bytes.equals(skillsPng)).toBe(true);
    expect(file).toMatchObject({
      filename: "skill-needs-2026.png",
      length: skillsPng.length,
      altText: "Bar chart: Skill needs 2026",
      completed: true,
      title: "Skill needs 2026",
    });
    expect(file!.channelId).toBeUndefined(); // private to the bot: not shared anywhere
    expect(slack.callsTo("upload_url")[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(slack.callsTo("files.completeUploadExternal")[0]!.body.channel_id).toBeUndefined();

    const [posted] = slack.acceptedCalls("chat.postMessage");
    expect(posted!.body).toMatchObject({ channel: "C-ENERGY", text: "Skill needs 2026" });
    expect(imagesOf(posted)).toEqual([
      expect.objectContaining({ type: "image", slack_file: { id: file!.id } }),
    ]);
    expect(JSON.stringify(posted!.body)).not.toContain("data:image");
    expect(methods()).toEqual([
      "files.getUploadURLExternal",
      "upload_url",
      "files.completeUploadExternal",
      "chat.postMessage",
    ]);
  });

  it("uploads a chart shown twice in one answer once, privately and to response_url", async () => {
    const respond = async (message: unknown) =>
      fetch(slack.responseUrl("r1"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(message),
      });
    await deliverToSlack([ephemeral(chartView()), toChannel(chartView())], target({ respond }));

    const [file] = uploads();
    expect(slack.uploadedFiles.size).toBe(1);
    const [reply] = await slack.waitFor("response_url:r1");
    expect(reply!.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(imagesOf(reply)[0]!.slack_file).toEqual({ id: file!.id });
    expect(imagesOf(slack.acceptedCalls("chat.postMessage")[0])[0]!.slack_file).toEqual({ id: file!.id });
  });

  it("shows a chart in a private answer without a response_url (chat.postEphemeral)", async () => {
    await deliverToSlack([ephemeral(chartView())], target());
    const [answer] = slack.acceptedCalls("chat.postEphemeral");
    expect(answer!.body).toMatchObject({ channel: "C-ENERGY", user: "U-AINO" });
    expect(imagesOf(answer)[0]!.slack_file).toEqual({ id: uploads()[0]!.id });
  });

  it("leaves a redraw of tracked messages to the outbox (queued by the dispatcher, merged per message)", async () => {
    const poll = { type: "pulse", id: "pulse-1" };
    await deliverToSlack(
      [
        { kind: "channel", view: chartView(), track: poll },
        { kind: "channel", view: chartView(), track: poll },
      ],
      target(),
    );
    expect(slack.acceptedCalls("chat.postMessage")).toHaveLength(2);
    expect(slack.uploadedFiles.size).toBe(1);

    const calls = slack.calls.length;
    await deliverToSlack(
      [{ kind: "refresh", subject: poll, view: chartView(overduePng, "Overdue measures") }],
      target(),
    );
    // No chat.update and no upload here: the outbox's Slack gateway uploads and updates each copy.
    expect(slack.calls.slice(calls)).toEqual([]);
  });

  it("sends the text without the chart when the upload is refused, and says so in the log", async () => {
    slack.failNext("files.getUploadURLExternal", 200, { error: "missing_scope" });
    await deliverToSlack([toChannel(chartView())], target());

    const [posted] = slack.acceptedCalls("chat.postMessage");
    expect(posted!.body.text).toBe("Skill needs 2026");
    expect(blocksOf(posted).map((b) => b.type)).toEqual(["section"]);
    expect(slack.uploadedFiles.size).toBe(0);
    expect(warnings).toEqual([expect.stringContaining("image upload failed")]);
  });

  it("sends the text without the chart when the upload URL refuses the bytes", async () => {
    slack.failNext("upload_url", 403);
    await deliverToSlack([toChannel(chartView())], target());

    expect(slack.callsTo("files.completeUploadExternal")).toHaveLength(0);
    expect(imagesOf(slack.acceptedCalls("chat.postMessage")[0])).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it("posts again without the chart when Slack refuses the uploaded file in the blocks", async () => {
    // Slack processes uploads asynchronously: a fresh file can still be an "invalid slack file".
    slack.failNext("chat.postMessage", 200, { error: "invalid_blocks" });
    await deliverToSlack([toChannel(chartView())], target());

    const [refused, sent] = slack.callsTo("chat.postMessage");
    expect(imagesOf(refused)).toHaveLength(1);
    expect(sent!.ok).toBe(true);
    expect(sent!.body.text).toBe("Skill needs 2026");
    expect(imagesOf(sent)).toEqual([]);
  });

  it("uploads a file output into the person's DM with the comment, never the channel", async () => {
    const csv = attachment("measures.csv", "text/csv", Buffer.from(CSV, "utf8"), "Measures");
    const png = attachment("skills.png", "image/png", skillsPng, "Skill needs");
    await deliverToSlack(
      [{ kind: "file", files: [csv, png], comment: "Here is your export of *Energy*." }],
      target(),
    );

    expect(slack.callsTo("conversations.open")[0]!.body.users).toBe("U-AINO");
    const [csvFile, pngFile] = uploads();
    expect(csvFile!.bytes.toString("utf8")).toBe(CSV);
    expect(pngFile!.bytes.equals(skillsPng)).toBe(true);
    for (const file of [csvFile!, pngFile!])
      expect(file).toMatchObject({
        completed: true,
        channelId: "D-U-AINO",
        initialComment: "Here is your export of *Energy*.",
      });
    expect(csvFile).toMatchObject({ filename: "measures.csv", title: "Measures" });

    // One completion shares both files under one comment.
    const completions = slack.callsTo("files.completeUploadExternal");
    expect(completions).toHaveLength(1);
    expect(completions[0]!.body.files).toEqual([
      { id: csvFile!.id, title: "Measures" },
      { id: pngFile!.id, title: "Skill needs" },
    ]);
    expect(methods().filter((m) => m.startsWith("chat."))).toEqual([]);
  });

  it("fails the delivery when a file cannot be uploaded, so the person hears of it", async () => {
    slack.failNext("upload_url", 500);
    const csv = attachment("measures.csv", "text/csv", Buffer.from(CSV, "utf8"), "Measures");
    await expect(
      deliverToSlack([{ kind: "file", files: [csv], comment: "Your export" }], target()),
    ).rejects.toBeInstanceOf(SlackUploadError);
    expect(slack.callsTo("files.completeUploadExternal")).toHaveLength(0);
  });

  it("refuses an output kind it does not know instead of dropping it", async () => {
    const unknown = { kind: "carrier-pigeon" } as unknown as Output;
    await expect(deliverToSlack([unknown], target())).rejects.toThrow(/carrier-pigeon/);
  });
});

describe("Slack gateway (outbox)", () => {
  const gateway = () => createSlackGateway({ token: TOKEN, apiUrl: slack.apiUrl, log });
  /** As the outbox hands it over: the view went through the database as JSON. */
  const notification = (key: string, recipient: OutboundMessage["recipient"], v = chartView()) => ({
    key,
    recipient,
    view: JSON.parse(JSON.stringify(v)) as OutboundMessage["view"],
  });
  const energy = { platform: "SLACK" as const, kind: "channel" as const, id: "C-ENERGY" };

  it("posts a chart to a channel as a privately uploaded file", async () => {
    const result = await gateway().deliver(notification("pulse:1:results", energy));

    expect(result).toMatchObject({ ok: true });
    const [file] = uploads();
    expect(file!.bytes.equals(skillsPng)).toBe(true);
    expect(file!.channelId).toBeUndefined();
    const [posted] = slack.acceptedCalls("chat.postMessage");
    expect(posted!.body).toMatchObject({
      channel: "C-ENERGY",
      metadata: { event_payload: { key: "pulse:1:results" } },
    });
    expect(imagesOf(posted)[0]!.slack_file).toEqual({ id: file!.id });
  });

  it("uploads the same chart once for several channels and for a person's DM", async () => {
    const g = gateway();
    await g.deliver(notification("a", energy));
    await g.deliver(notification("b", { ...energy, id: "C-TOURISM" }));
    await g.deliver(notification("c", { platform: "SLACK", kind: "user", id: "U-OLLI" }));

    expect(slack.uploadedFiles.size).toBe(1);
    const posted = slack.acceptedCalls("chat.postMessage");
    expect(posted.map((c) => c.body.channel)).toEqual(["C-ENERGY", "C-TOURISM", "D-U-OLLI"]);
    for (const call of posted) expect(imagesOf(call)[0]!.slack_file).toEqual({ id: uploads()[0]!.id });
  });

  it("gives a throttled upload back as retryable with Slack's Retry-After, and posts nothing", async () => {
    const g = gateway();
    slack.failNext("upload_url", 429, { retryAfter: 7 });
    expect(await g.deliver(notification("pulse:1:results", energy))).toEqual({
      ok: false,
      retryable: true,
      retryAfterMs: 7000,
      // Uploads are limited per workspace: the outbox pauses the platform, not just this channel.
      throttle: { method: "files.upload" },
      error: "slack: upload HTTP 429",
    });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(0);

    // The outbox's next attempt delivers it whole.
    expect(await g.deliver(notification("pulse:1:results", energy))).toMatchObject({ ok: true });
    expect(imagesOf(slack.acceptedCalls("chat.postMessage")[0])).toHaveLength(1);
  });

  it("gives a throttled files.getUploadURLExternal and a failing upload URL back as retryable", async () => {
    slack.failNext("files.getUploadURLExternal", 429, { retryAfter: 3 });
    expect(await gateway().deliver(notification("k", energy))).toMatchObject({
      ok: false,
      retryable: true,
      retryAfterMs: 3000,
    });
    slack.failNext("upload_url", 503);
    expect(await gateway().deliver(notification("k", energy))).toMatchObject({
      ok: false,
      retryable: true,
      error: "slack: upload HTTP 503",
    });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("delivers the text without the chart when the upload is refused for good", async () => {
    slack.failNext("upload_url", 403);
    expect(await gateway().deliver(notification("k", energy))).toMatchObject({ ok: true });

    const [posted] = slack.acceptedCalls("chat.postMessage");
    expect(posted!.body.text).toBe("Skill needs 2026");
    expect(imagesOf(posted)).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining("image upload failed")]);
  });

  it("uploads anew after Slack refused a cached file", async () => {
    const g = gateway();
    await g.deliver(notification("a", energy));
    slack.failNext("chat.postMessage", 200, { error: "invalid_blocks" });
    expect(await g.deliver(notification("b", energy))).toMatchObject({ ok: true });
    expect(imagesOf(slack.callsTo("chat.postMessage").at(-1))).toEqual([]);

    await g.deliver(notification("c", energy));
    expect(slack.uploadedFiles.size).toBe(2);
    expect(imagesOf(slack.callsTo("chat.postMessage").at(-1))[0]!.slack_file).toEqual({
      id: uploads()[1]!.id,
    });
  });
});
