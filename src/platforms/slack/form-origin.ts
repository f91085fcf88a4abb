// A modal opened from a button remembers that message's response_url in its private_metadata, so
// the answer to the submission can redraw the message the button was in (a pulse sheet in a DM)
// instead of adding a new one. The metadata comes back inside a signed Slack request.
import type { RespondArguments, RespondFn } from "@slack/bolt";

const ORIGIN_KEY = "slackResponseUrl";
/** Slack's limit for private_metadata. */
const METADATA_MAX = 3000;

/** Our form metadata is a JSON object; the origin joins it when it fits. */
export function withOrigin(metadata: string, responseUrl: string | undefined): string {
  if (!responseUrl) return metadata;
  try {
    const parsed: unknown = JSON.parse(metadata);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return metadata;
    const joined = JSON.stringify({ ...parsed, [ORIGIN_KEY]: responseUrl });
    return joined.length <= METADATA_MAX ? joined : metadata;
  } catch {
    return metadata;
  }
}

export function originOf(metadata: string): string | undefined {
  try {
    const value = (JSON.parse(metadata) as Record<string, unknown>)[ORIGIN_KEY];
    return typeof value === "string" && /^https?:\/\//.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** What Bolt's `respond` does, for a response_url that arrived in a later request. */
export function respondTo(responseUrl: string): RespondFn {
  return async (message: string | RespondArguments) => {
    const body = typeof message === "string" ? { text: message } : message;
    const res = await fetch(responseUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`response_url answered ${res.status}`);
    return res;
  };
}
