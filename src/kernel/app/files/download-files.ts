// What the download use cases (offer, open, purge) and the outbox's link minting share about the
// files behind download links: the tokens' shape and hash, the download limit, the message's key.
import { createHash, randomBytes } from "node:crypto";

/** A link is not strictly one-time: link scanners and a failed first try may fetch it again. */
export const MAX_DOWNLOADS = 10;

/** 32 random bytes, base64url: 43 characters. */
export const DOWNLOAD_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const newDownloadToken = (): string => randomBytes(32).toString("base64url");
export const hashDownloadToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/** The outbox key of the message that offered files `firstFileId`, … to their person (offerDownload). */
export const downloadMessageKey = (firstFileId: string): string => `download:${firstFileId}`;
