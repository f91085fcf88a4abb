// Files on Slack, with the external upload flow (files.upload is retired): files.getUploadURLExternal
// reserves a file id and a URL → the bytes are POSTed to that URL → files.completeUploadExternal
// finishes the upload and, with a channel_id, shares the files there.
//
// Two uses: charts the bot draws (data: URIs, which Block Kit image blocks cannot show) are uploaded
// without a channel, so the file stays private to the bot and only the message's image block shows
// it (`slack_file`); exports (`file` outputs) are uploaded into the person's DM with the bot.
import { createHash } from "node:crypto";
import { webApi } from "@slack/bolt";
import { DATA_URI_PATTERN, type FileAttachment, type View } from "../../kernel/surface/view.ts";
import type { Logger } from "../../log/logger.ts";
import { clip, NO_UPLOADED_IMAGES, type UploadedImages } from "./render-block-kit.ts";

/** Bytes to upload under a name; `title` is what Slack shows above the file. */
export type FileToUpload = { filename: string; title: string; bytes: Uint8Array; altText?: string };

/** The upload URL refused the bytes. Classified like an API error (429/5xx retryable, others not). */
export class SlackUploadError extends Error {
  constructor(
    readonly status: number,
    readonly filename: string,
    /** The URL's own Retry-After, when it sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(`slack file upload of ${filename} failed: HTTP ${status}`);
    this.name = "SlackUploadError";
  }
}

/** Only what the upload flow calls; Bolt's listener client and the gateway's WebClient both fit. */
export type UploadClient = Pick<webApi.WebClient, "files" | "token">;

export const DEFAULT_UPLOAD_TIMEOUT_MS = 20_000;
/** Image block formats Slack shows; anything else in a data: URI is left out of the message. */
const IMAGE_EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
};
const IMAGE_CACHE_MAX = 500;

/**
 * Uploads `files`, then completes them in one files.completeUploadExternal call: with `share`, Slack
 * posts them together in that channel under the comment; without, they stay private to the bot.
 * Returns the file ids in the order of `files`. Throws the first failure (WebAPI* or SlackUploadError).
 */
export async function uploadFiles(
  client: UploadClient,
  files: FileToUpload[],
  share?: { channelId: string; comment?: string },
  timeoutMs = DEFAULT_UPLOAD_TIMEOUT_MS,
): Promise<string[]> {
  const ids: string[] = [];
  // One at a time: a handful of files, and files.getUploadURLExternal is rate limited (Tier 4).
  for (const file of files) ids.push(await uploadBytes(client, file, timeoutMs));
  const completed = ids.map((id, i) => ({ id, title: files[i]!.title }));
  const [first, ...rest] = completed;
  if (!first) return ids;
  await client.files.completeUploadExternal({
    files: [first, ...rest],
    ...(share ? { channel_id: share.channelId } : {}),
    ...(share?.comment ? { initial_comment: share.comment } : {}),
  });
  return ids;
}

/** Steps 1 and 2: reserve a file id and its upload URL, then POST the raw bytes there. */
async function uploadBytes(client: UploadClient, file: FileToUpload, timeoutMs: number): Promise<string> {
  const reserved = await client.files.getUploadURLExternal({
    filename: file.filename,
    length: file.bytes.byteLength,
    ...(file.altText ? { alt_text: clip(file.altText, 1000) } : {}),
  });
  if (!reserved.upload_url || !reserved.file_id)
    throw new Error("files.getUploadURLExternal returned no upload_url or file_id");
  // Plain fetch: the WebClient only calls API methods. The URL is pre-signed; the token goes along
  // as the Slack SDKs send it.
  const response = await fetch(reserved.upload_url, {
    method: "POST",
    headers: {
      "content-type": "application/octet-stream",
      ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
    },
    body: file.bytes,
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.arrayBuffer(); // read to the end so the connection can be reused
  if (response.status !== 200)
    throw new SlackUploadError(
      response.status,
      file.filename,
      retryAfterMs(response.headers.get("retry-after")),
    );
  return reserved.file_id;
}

function retryAfterMs(header: string | null): number | undefined {
  const seconds = header === null ? Number.NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** A `file` output's attachment as bytes (its content is base64). */
export const fileFromAttachment = (file: FileAttachment): FileToUpload => ({
  filename: file.filename,
  title: file.title,
  bytes: Buffer.from(file.content, "base64"),
});

/**
 * Ids of images already uploaded, keyed by a digest of their data: URI: the same chart sent to several
 * channels, redrawn by a refresh, or retried by the outbox is uploaded once. Bounded; oldest first out.
 */
export class UploadedImageCache {
  private readonly ids = new Map<string, string>();
  constructor(private readonly max = IMAGE_CACHE_MAX) {}

  get(dataUri: string): string | undefined {
    return this.ids.get(digest(dataUri));
  }
  set(dataUri: string, fileId: string): void {
    if (this.ids.size >= this.max) this.ids.delete(this.ids.keys().next().value!);
    this.ids.set(digest(dataUri), fileId);
  }
  /** After Slack refused a message with these files (deleted, or not processed yet): upload anew. */
  forget(images: UploadedImages): void {
    for (const uri of images.keys()) this.ids.delete(digest(uri));
  }
}

const digest = (value: string) => createHash("sha256").update(value).digest("hex");

export type ImageUploadOptions = {
  log: Logger;
  cache?: UploadedImageCache;
  timeoutMs?: number;
  /**
   * Failures for which delivery should stop (this function rethrows them): the gateway stops on
   * retryable ones so the outbox tries again later. Every other failure is logged and that image is
   * left out of the message: the text still arrives.
   */
  stopOn?: (error: unknown) => boolean;
};

/**
 * Uploads every distinct data: URI image of `views` privately (no channel) and returns the map the
 * renderer needs. Images that could not be uploaded are missing from the map; the renderer leaves them out.
 */
export async function uploadViewImages(
  client: UploadClient,
  views: View[],
  { log, cache, timeoutMs, stopOn = () => false }: ImageUploadOptions,
): Promise<UploadedImages> {
  const uploaded = new Map<string, string>();
  for (const element of views.flatMap((v) => v.elements)) {
    if (element.type !== "image" || uploaded.has(element.url)) continue;
    const match = DATA_URI_PATTERN.exec(element.url);
    if (!match) continue; // a public URL: Slack fetches it itself
    const known = cache?.get(element.url);
    if (known) {
      uploaded.set(element.url, known);
      continue;
    }
    const extension = IMAGE_EXTENSIONS[match[1]!];
    if (!extension) {
      log.warn("slack cannot show this image type; sending the message without it", { mimeType: match[1] });
      continue;
    }
    const file: FileToUpload = {
      filename: `${slug(element.title ?? element.alt)}.${extension}`,
      title: element.title ?? element.alt,
      bytes: Buffer.from(match[2]!, "base64"),
      altText: element.alt,
    };
    try {
      const [id] = await uploadFiles(client, [file], undefined, timeoutMs);
      uploaded.set(element.url, id!);
      cache?.set(element.url, id!);
    } catch (error) {
      if (stopOn(error)) throw error;
      log.warn("slack image upload failed; sending the message without it", {
        error,
        filename: file.filename,
      });
    }
  }
  return uploaded;
}

/**
 * Posts with the uploaded images; if Slack refuses the blocks, once more without them. Slack processes
 * uploads asynchronously, so a file used right after its upload can still be an "invalid slack file";
 * the message matters more than its picture.
 */
export async function withImageFallback<T>(
  images: UploadedImages,
  send: (images: UploadedImages) => Promise<T>,
  log: Logger,
  cache?: UploadedImageCache,
): Promise<T> {
  try {
    return await send(images);
  } catch (error) {
    if (images.size === 0 || !isInvalidBlocks(error)) throw error;
    log.warn("slack refused the uploaded images; sending the message without them", { error });
    cache?.forget(images);
    return send(NO_UPLOADED_IMAGES);
  }
}

const isInvalidBlocks = (error: unknown) =>
  error instanceof webApi.WebAPIPlatformError && error.data.error === "invalid_blocks";

/** A readable file name from an image's title: "Skill needs 2025" → "skill-needs-2025". */
function slug(value: string): string {
  const s = value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return s || "image";
}
