// Files (exports) for the person who asked, as download links in their personal chat with the bot:
// for platforms that cannot put a bot's file in front of one person in a channel (Teams). The files
// are stored for 24 hours behind random tokens that only the links carry (the row keeps a SHA-256),
// and the message goes out through the outbox, in the same transaction, to the person alone. The
// tokens are minted by the outbox worker as it sends (src/kernel/app/files/download-links.ts): the queued
// message holds only the files' ids, so no token is ever written anywhere.
// No role is checked here: the files come from a use case that already decided the person may have
// them, and they are offered to nobody but that person.
import { z } from "zod";
import { DEFAULT_LOCALE } from "../../domain/locale.ts";
import { ConversationSchema, PlatformUserSchema } from "../../domain/platform-user.ts";
import { AppError, fail, ok, type Result } from "../../domain/result.ts";
import { clusterOfConversation } from "../identity.ts";
import { localeOf } from "../locale-of.ts";
import { enqueueNotification } from "../outbox/enqueue-notification.ts";
import type { Recipient } from "../ports/chat-gateway.ts";
import { personalRecipient } from "../recipients.ts";
import { personUseCase } from "../use-case.ts";
import { downloadMessageKey, hashDownloadToken, newDownloadToken } from "./download-files.ts";
import { downloadLinkSlot } from "./download-links.ts";

/** How long a download link works. */
export const DOWNLOAD_VALID_HOURS = 24;
export const MAX_DOWNLOAD_FILES = 10;
/** Per file, decoded. */
export const MAX_DOWNLOAD_BYTES = 10 * 1024 * 1024;

const DownloadFileInput = z.object({
  filename: z
    .string()
    .trim()
    .min(1, "FILENAME")
    .max(200, "FILENAME")
    // A name, never a path, and nothing that could break a header.
    .regex(/^[^/\\"\p{Cc}]+$/u, "FILENAME")
    .refine((name) => name !== "." && name !== "..", "FILENAME"),
  mimeType: z
    .string()
    .max(255, "MIME_TYPE")
    .regex(/^[a-z]+\/[a-z0-9.+-]+(; ?charset=[a-z0-9-]+)?$/i, "MIME_TYPE"),
  title: z.string().trim().min(1, "TITLE").max(200, "TITLE"),
  /** base64 */
  content: z.base64("CONTENT").max(Math.ceil(MAX_DOWNLOAD_BYTES / 3) * 4, "CONTENT"),
});

export const OfferDownloadInput = z.object({
  actor: PlatformUserSchema,
  /** Where the person asked: the cluster of that channel, if any, owns the files. */
  conversation: ConversationSchema.optional(),
  files: z.array(DownloadFileInput).min(1, "FILES").max(MAX_DOWNLOAD_FILES, "FILES"),
  comment: z.string().trim().max(2000, "COMMENT").default(""),
});

export type OfferedFile = { id: string; title: string; filename: string };
export type OfferedDownload = {
  files: OfferedFile[];
  expiresAt: Date;
  /** The person's personal chat the links went to (through the outbox). */
  recipient: Recipient;
};

export const offerDownload = personUseCase(
  {
    name: "offerDownload",
    input: OfferDownloadInput,
    access: "anyone",
    // Links to the bot need its public address; without one, say so instead of storing dead files.
    guard: (ctx, input) =>
      input.files.some((f) => !ctx.compose.downloadUrl?.(newDownloadToken(), f.filename))
        ? fail("PUBLIC_URL_MISSING")
        : null,
  },
  async ({ ctx, tx, input, person, audit }): Promise<Result<OfferedDownload>> => {
    const { actor, conversation, files, comment } = input;
    const now = ctx.clock.now();
    const expiresAt = new Date(now.getTime() + DOWNLOAD_VALID_HOURS * 3_600_000);
    const cluster = conversation ? await clusterOfConversation(tx, conversation) : null;
    const recipient = await personalRecipient(tx, person.id, actor.platform);
    if (!recipient)
      throw new AppError("NO_PERSONAL_CHAT", "the person has no platform identity", { personId: person.id });
    const stored: OfferedFile[] = [];
    for (const file of files) {
      const row = await tx.downloadFile.create({
        data: {
          // Until the worker mints the link: the hash of a token nobody keeps, so no link opens it.
          tokenHash: hashDownloadToken(newDownloadToken()),
          personId: person.id,
          clusterId: cluster?.id ?? null,
          filename: file.filename,
          mimeType: file.mimeType,
          title: file.title,
          content: Buffer.from(file.content, "base64"),
          expiresAt,
        },
        select: { id: true },
      });
      stored.push({ id: row.id, title: file.title, filename: file.filename });
    }
    const view = ctx.compose.compose(
      {
        type: "files.ready",
        files: stored.map(({ id, title, filename }) => ({ title, filename, url: downloadLinkSlot(id) })),
        comment,
        validHours: DOWNLOAD_VALID_HOURS,
      },
      localeOf(person, cluster ?? { locale: actor.locale ?? DEFAULT_LOCALE }),
    );
    await enqueueNotification(tx, {
      key: downloadMessageKey(stored[0]!.id),
      clusterId: cluster?.id ?? null,
      recipient,
      view,
      notBefore: now,
      downloads: stored.map((f) => f.id),
    });
    // The audit log names the files, never the tokens.
    await audit({
      clusterId: cluster?.id ?? null,
      action: "download.offer",
      subjectType: "download",
      subjectId: stored[0]!.id,
      details: { files: stored.map((f) => f.filename), expiresAt: expiresAt.toISOString() },
    });
    return ok({ files: stored, expiresAt, recipient });
  },
);
