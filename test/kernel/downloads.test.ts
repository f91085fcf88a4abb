// Files for the person who asked, as download links in their personal chat (what Teams gets for a
// file output): stored for 24 hours, the message enqueued to that person alone in the same
// transaction, the links' random tokens minted by the real outbox worker as it sends (the row holds
// only the files' ids), served while valid, counted, purged when expired or used up. The platform's
// side of the outbox is a gateway that records what it was handed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setupCluster } from "../../src/features/clusters/app/setup-cluster.ts";
import { createOutboxWorker } from "../../src/jobs/outbox-worker.ts";
import type { AppContext } from "../../src/kernel/app/context.ts";
import { hashDownloadToken, MAX_DOWNLOADS } from "../../src/kernel/app/files/download-files.ts";
import { DOWNLOAD_VALID_HOURS, offerDownload } from "../../src/kernel/app/files/offer-download.ts";
import { openDownload } from "../../src/kernel/app/files/open-download.ts";
import { purgeDownloads } from "../../src/kernel/app/files/purge-downloads.ts";
import { outboxPayload } from "../../src/kernel/app/outbox/enqueue-notification.ts";
import type {
  ChatGateway,
  DeliveryResult,
  OutboundMessage,
} from "../../src/kernel/app/ports/chat-gateway.ts";
import type { Conversation, PlatformUser } from "../../src/kernel/domain/platform-user.ts";
import { translator } from "../../src/kernel/i18n/catalog.ts";
import { createComposer } from "../../src/kernel/surface/compose-notification.ts";
import type { FileAttachment } from "../../src/kernel/surface/view.ts";
import { silentLogger } from "../../src/log/logger.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../support/database.ts";

const PUBLIC_URL = "https://ennakko.example.org";
const TENANT = "tenant-lapland";

let db: TestDatabase;
let ctx: AppContext;
let now = new Date("2027-05-03T06:00:00Z");
const clock = { now: () => now };

const channel: Conversation = {
  platform: "TEAMS",
  tenant: TENANT,
  channelId: "19:energy@thread.tacv2",
  scope: "CHANNEL",
};
const aino: PlatformUser = {
  platform: "TEAMS",
  tenant: TENANT,
  userId: "29:aino",
  displayName: "Aino",
  locale: "fi-FI",
};
const emma: PlatformUser = {
  platform: "TEAMS",
  tenant: TENANT,
  userId: "29:emma",
  displayName: "Emma",
  locale: "nl-NL",
};

const csv = "\uFEFFkysymys;vastaus\r\nOsaajatarve;Kasvaa\r\n";
const csvFile: FileAttachment = {
  filename: "pulssi-kevät-vastaukset.csv",
  mimeType: "text/csv; charset=utf-8",
  title: "Vastaukset (CSV)",
  content: Buffer.from(csv, "utf8").toString("base64"),
};
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3, 255]);
const pngFile: FileAttachment = {
  filename: "chart.png",
  mimeType: "image/png",
  title: "Chart",
  content: png.toString("base64"),
};

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock, compose: createComposer({ publicUrl: PUBLIC_URL }) };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  now = new Date("2027-05-03T06:00:00Z");
  const created = await setupCluster(ctx, {
    actor: aino,
    conversation: channel,
    name: "Energy",
    locale: "en",
  });
  expect(created.ok).toBe(true);
});

/** What the Teams gateway was handed, and how it answers the next delivery. */
const handed: OutboundMessage[] = [];
let answer: DeliveryResult = { ok: true };
const teams: ChatGateway = {
  async deliver(message) {
    handed.push(message);
    return answer;
  },
};
beforeEach(() => {
  handed.length = 0;
  answer = { ok: true };
});

/** Runs the real outbox worker once, as its tick would; returns the messages it handed over. */
async function deliverOutbox(): Promise<OutboundMessage[]> {
  const before = handed.length;
  const worker = createOutboxWorker({
    db: db.prisma,
    gateways: { TEAMS: teams },
    clock,
    log: silentLogger,
    workerId: "test-worker",
    random: () => 0,
    downloadUrl: ctx.compose.downloadUrl,
  });
  await worker.runOnce();
  return handed.slice(before);
}

type LinkButton = { label: string; value: string; url: string };
const linkButtons = (message: OutboundMessage) =>
  (message.view.elements as { type: string; buttons?: LinkButton[] }[]).flatMap((e) =>
    e.type === "actions" ? (e.buttons ?? []) : [],
  );

/** The token a link carries: /files/<token>/<name>. */
const tokenOf = (url: string) => {
  const match = /^https:\/\/ennakko\.example\.org\/files\/([A-Za-z0-9_-]{43})\/[^/]+$/.exec(url);
  if (!match) throw new Error(`not a download link: ${url}`);
  return match[1]!;
};

const personalChatOf = async (user: PlatformUser, conversationId: string) => {
  const identity = await db.prisma.platformIdentity.findFirstOrThrow({ where: { externalId: user.userId } });
  await db.prisma.conversationRef.create({
    data: {
      platform: "TEAMS",
      conversationId,
      scope: "PERSONAL",
      personId: identity.personId,
      reference: { serviceUrl: "https://smba.example/", conversation: { id: conversationId } },
    },
  });
};

describe("offerDownload", () => {
  it("stores the files and enqueues the message to the person's personal chat, in their language; the worker mints the links as it sends", async () => {
    await personalChatOf(aino, "a:1aino-personal");
    const offered = await offerDownload(ctx, {
      actor: aino,
      conversation: channel,
      files: [csvFile, pngFile],
      comment: "Kevään pulssi",
    });
    if (!offered.ok) throw new Error(offered.reason);
    const { files, expiresAt, recipient } = offered.value;
    expect(recipient).toEqual({
      platform: "TEAMS",
      kind: "user",
      id: "a:1aino-personal",
      tenant: "tenant-lapland",
    });
    expect(expiresAt).toEqual(new Date(now.getTime() + DOWNLOAD_VALID_HOURS * 3_600_000));
    expect(files.map((f) => [f.title, f.filename])).toEqual([
      ["Vastaukset (CSV)", "pulssi-kevät-vastaukset.csv"],
      ["Chart", "chart.png"],
    ]);

    // The bytes as they were; no link exists yet.
    const rows = await db.prisma.downloadFile.findMany({ orderBy: { createdAt: "asc" } });
    expect(rows).toHaveLength(2);
    const cluster = await db.prisma.cluster.findFirstOrThrow();
    for (const row of rows) {
      expect(row.clusterId).toBe(cluster.id);
      expect(row.downloads).toBe(0);
      expect(row.expiresAt).toEqual(expiresAt);
    }
    const stored = await db.prisma.downloadFile.findUniqueOrThrow({ where: { id: files[0]!.id } });
    expect(Buffer.from(stored.content).toString("utf8")).toBe(csv);
    expect(stored.mimeType).toBe("text/csv; charset=utf-8");

    // One notification, to Aino alone, in Finnish (her language; the cluster speaks English). Where
    // the links go, the queued message holds slots naming the files: no token, no link.
    const outbox = await db.prisma.outboxMessage.findMany();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ platform: "TEAMS", target: "a:1aino-personal", status: "PENDING" });
    const fi = translator("fi");
    const payload = outbox[0]!.payload as {
      view: { fallback: string; elements: unknown[] };
      downloads: string[];
    };
    expect(payload.downloads).toEqual(files.map((f) => f.id));
    expect(payload.view.fallback).toBe(fi("files.ready", { hours: 24 }));
    const buttons = (urls: string[]) => ({
      type: "actions",
      buttons: files.map((f, i) => ({
        type: "button",
        actionId: "ennakko.link",
        label: f.title,
        value: f.filename,
        url: urls[i],
      })),
    });
    expect(payload.view.elements).toEqual([
      { type: "text", text: fi("files.ready", { hours: 24 }) },
      { type: "text", text: "Kevään pulssi", style: "muted" },
      buttons(files.map((f) => `ennakko-download:${f.id}`)),
    ]);
    expect(JSON.stringify(outbox[0])).not.toContain("/files/");

    // Sent: the message the platform gets carries the links, minted now; the files keep their hashes.
    const [sent, ...more] = await deliverOutbox();
    expect(more).toEqual([]);
    expect(sent!.recipient).toEqual(recipient);
    const urls = linkButtons(sent!).map((b) => b.url);
    expect(sent!.view.elements[2]).toEqual(buttons(urls));
    expect(urls[0]).toMatch(/\/files\/[A-Za-z0-9_-]{43}\/pulssi-kev%C3%A4t-vastaukset\.csv$/);
    const tokens = urls.map(tokenOf);
    expect(new Set(tokens).size).toBe(2);
    for (const [i, file] of files.entries()) {
      const row = await db.prisma.downloadFile.findUniqueOrThrow({ where: { id: file.id } });
      expect(row.tokenHash).toBe(hashDownloadToken(tokens[i]!));
    }
    // The row is SENT, and still holds no link.
    const after = await db.prisma.outboxMessage.findFirstOrThrow();
    expect(after.status).toBe("SENT");
    expect(after.payload).toEqual(outbox[0]!.payload);
    const audit = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "download.offer" } });
    expect(audit.details).toMatchObject({ files: ["pulssi-kevät-vastaukset.csv", "chart.png"] });
    expect(JSON.stringify(audit.details)).not.toContain(tokens[0]!);
  });

  it("mints new links when a delivery is retried; the earlier attempt's links stop working", async () => {
    await personalChatOf(aino, "a:1aino-personal");
    await offerDownload(ctx, { actor: aino, conversation: channel, files: [csvFile], comment: "" });
    // The connector did not answer in time: the message may or may not have arrived.
    answer = { ok: false, retryable: true, error: "no answer within 30000 ms (outcome unknown)" };
    const [first] = await deliverOutbox();
    const firstToken = tokenOf(linkButtons(first!)[0]!.url);
    expect(await db.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({
      status: "PENDING",
      attempts: 1,
    });

    answer = { ok: true };
    now = new Date(now.getTime() + 60_000);
    const [second] = await deliverOutbox();
    const secondToken = tokenOf(linkButtons(second!)[0]!.url);
    expect(secondToken).not.toBe(firstToken);
    expect(await openDownload(ctx, firstToken)).toBeNull();
    expect(await openDownload(ctx, secondToken)).not.toBeNull();
  });

  it("sends no links to files that expired while the message waited: the row fails, telling why", async () => {
    await personalChatOf(aino, "a:1aino-personal");
    await offerDownload(ctx, { actor: aino, conversation: channel, files: [csvFile], comment: "" });
    now = new Date(now.getTime() + DOWNLOAD_VALID_HOURS * 3_600_000);
    expect(await deliverOutbox()).toEqual([]);
    expect(await db.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({
      status: "FAILED",
      lastError: "the files expired before their links were sent",
    });
  });

  it("opens a personal chat by user id when the person has none yet, and needs no cluster", async () => {
    const offered = await offerDownload(ctx, { actor: emma, files: [pngFile], comment: "" });
    if (!offered.ok) throw new Error(offered.reason);
    expect(offered.value.recipient).toEqual({
      platform: "TEAMS",
      kind: "user",
      id: "29:emma",
      tenant: "tenant-lapland",
    });
    const row = await db.prisma.downloadFile.findFirstOrThrow();
    expect(row.clusterId).toBeNull();
    const outbox = await db.prisma.outboxMessage.findFirstOrThrow();
    expect(outbox.target).toBe("29:emma");
    // Dutch, and no comment line.
    const elements = (outbox.payload as { view: { elements: { type: string; text?: string }[] } }).view
      .elements;
    expect(elements.map((e) => e.type)).toEqual(["text", "actions"]);
    expect(elements[0]!.text).toBe(translator("nl")("files.ready", { hours: 24 }));
  });

  it("refuses without a public URL and stores nothing", async () => {
    const offline: AppContext = { ...ctx, compose: createComposer() };
    const offered = await offerDownload(offline, {
      actor: aino,
      conversation: channel,
      files: [csvFile],
      comment: "",
    });
    expect(offered).toEqual({ ok: false, reason: "PUBLIC_URL_MISSING" });
    expect(await db.prisma.downloadFile.count()).toBe(0);
    expect(await db.prisma.outboxMessage.count()).toBe(0);
    expect(translator("en")("error.PUBLIC_URL_MISSING")).toContain("PUBLIC_URL");
  });

  it.each([
    ["no files", { files: [] }, "files"],
    ["a path for a name", { files: [{ ...csvFile, filename: "../etc/passwd" }] }, "files.0.filename"],
    ["a quote in the name", { files: [{ ...csvFile, filename: 'a".csv' }] }, "files.0.filename"],
    ["content that is not base64", { files: [{ ...csvFile, content: "not base64!" }] }, "files.0.content"],
    ["a bad mime type", { files: [{ ...csvFile, mimeType: "text/csv\r\nx-evil: 1" }] }, "files.0.mimeType"],
    ["too many files", { files: Array(11).fill(pngFile) }, "files"],
  ])("refuses %s", async (_name, change, field) => {
    const offered = await offerDownload(ctx, {
      actor: aino,
      conversation: channel,
      comment: "",
      ...change,
    } as Parameters<typeof offerDownload>[1]);
    expect(offered).toMatchObject({ ok: false, reason: "INVALID_INPUT", details: { field } });
    expect(await db.prisma.downloadFile.count()).toBe(0);
  });
});

describe("openDownload and purgeDownloads", () => {
  /** Offers `file` and delivers the message: the token of its one link. */
  async function offeredToken(file: FileAttachment = csvFile) {
    const offered = await offerDownload(ctx, {
      actor: aino,
      conversation: channel,
      files: [file],
      comment: "",
    });
    if (!offered.ok) throw new Error(offered.reason);
    const [sent] = await deliverOutbox();
    return tokenOf(linkButtons(sent!)[0]!.url);
  }

  it("serves the bytes while the link is valid, counting each download", async () => {
    const token = await offeredToken(pngFile);
    const file = await openDownload(ctx, token);
    expect(file?.filename).toBe("chart.png");
    expect(file?.mimeType).toBe("image/png");
    expect(Buffer.from(file!.content).equals(png)).toBe(true);
    await openDownload(ctx, token);
    expect((await db.prisma.downloadFile.findFirstOrThrow()).downloads).toBe(2);
  });

  it("gives nothing for unknown, malformed, expired and used-up links", async () => {
    const token = await offeredToken();
    expect(await openDownload(ctx, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await openDownload(ctx, "short")).toBeNull();
    expect(await openDownload(ctx, hashDownloadToken(token))).toBeNull();

    // Used up: MAX_DOWNLOADS fetches, then no more.
    for (let i = 0; i < MAX_DOWNLOADS; i += 1) expect(await openDownload(ctx, token)).not.toBeNull();
    expect(await openDownload(ctx, token)).toBeNull();

    // Expired: valid one millisecond before 24 hours, gone at 24 hours.
    const fresh = await offeredToken();
    now = new Date(now.getTime() + DOWNLOAD_VALID_HOURS * 3_600_000 - 1);
    expect(await openDownload(ctx, fresh)).not.toBeNull();
    now = new Date(now.getTime() + 1);
    expect(await openDownload(ctx, fresh)).toBeNull();
  });

  it("purges expired and used-up files, keeping the rest", async () => {
    const usedUp = await offeredToken();
    for (let i = 0; i < MAX_DOWNLOADS; i += 1) await openDownload(ctx, usedUp);
    now = new Date(now.getTime() + 3_600_000);
    const later = await offeredToken(pngFile);
    expect(await purgeDownloads(ctx)).toEqual({ deleted: 1 });
    expect(await db.prisma.downloadFile.count()).toBe(1);

    now = new Date(now.getTime() + (DOWNLOAD_VALID_HOURS - 1) * 3_600_000);
    const newest = await offeredToken();
    expect(await purgeDownloads(ctx)).toEqual({ deleted: 0 });
    now = new Date(now.getTime() + 3_600_000);
    expect(await purgeDownloads(ctx)).toEqual({ deleted: 1 });
    expect(await openDownload(ctx, later)).toBeNull();
    expect(await openDownload(ctx, newest)).not.toBeNull();
  });

  it("empties the delivered message's payload when its files are purged: a message an earlier version queued, with its link in it, too", async () => {
    const offered = await offerDownload(ctx, {
      actor: aino,
      conversation: channel,
      files: [csvFile],
      comment: "",
    });
    if (!offered.ok) throw new Error(offered.reason);
    const token = await offeredToken(pngFile);
    // As versions before send-time minting wrote it: the link, token and all, in the queued view.
    const legacy = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { key: `download:${offered.value.files[0]!.id}` },
    });
    const link = `${PUBLIC_URL}/files/${token}/chart.png`;
    const view = {
      fallback: "Files",
      elements: [
        {
          type: "actions",
          buttons: [
            { type: "button", actionId: "ennakko.link", label: "Chart", value: "chart.png", url: link },
          ],
        },
      ],
    };
    await db.prisma.outboxMessage.update({
      where: { id: legacy.id },
      data: { payload: outboxPayload("user", view), status: "SENT" },
    });

    now = new Date(now.getTime() + DOWNLOAD_VALID_HOURS * 3_600_000);
    expect(await purgeDownloads(ctx)).toEqual({ deleted: 2 });
    const rows = await db.prisma.outboxMessage.findMany();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.status).toBe("SENT");
      expect(row.payload).toEqual({ v: 1, kind: "user", view: { fallback: "", elements: [] } });
    }
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("deletes a person's files with the person", async () => {
    await offeredToken();
    await db.prisma.person.deleteMany({ where: { displayName: "Aino" } });
    expect(await db.prisma.downloadFile.count()).toBe(0);
  });
});
