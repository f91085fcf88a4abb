// Requests shaped and signed exactly as Slack sends them (v0 HMAC-SHA256 over "v0:ts:body").
import { createHmac } from "node:crypto";

export const SIGNING_SECRET = "test-signing-secret-0123456789";

export function signedHeaders(
  body: string,
  secret = SIGNING_SECRET,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return {
    "content-type": "application/x-www-form-urlencoded",
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": signature,
  };
}

export type SlashCommandFields = {
  user: string;
  channel: string;
  text: string;
  responseUrl: string;
  team?: string;
  channelName?: string;
  userName?: string;
};

export function slashCommandBody(f: SlashCommandFields): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: f.team ?? "T-LAPLAND",
    team_domain: "lapland",
    channel_id: f.channel,
    channel_name: f.channelName ?? "energy-cluster",
    user_id: f.user,
    user_name: f.userName ?? f.user.toLowerCase(),
    command: "/cluster",
    text: f.text,
    api_app_id: "A-ENNAKKO",
    is_enterprise_install: "false",
    response_url: f.responseUrl,
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
  }).toString();
}

export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The fields every interaction payload starts with: its type, the workspace, who acted, the app. */
function interactionStart(type: string, user: string, team = "T-LAPLAND") {
  return {
    type,
    team: { id: team, domain: "lapland" },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: team },
    api_app_id: "A-ENNAKKO",
    token: "deprecated-verification-token",
  };
}

let sequence = 0;
/**
 * Slack stamps every click with its own action_ts (microseconds) and every opened modal with its own
 * view id; a retry or replay repeats them. The helpers mint new ones for each request they build.
 */
export const nextActionTs = () => `${Math.floor(Date.now() / 1000)}.${String(++sequence).padStart(6, "0")}`;
const nextViewId = () => `V-${String(++sequence).padStart(6, "0")}`;

export function blockActionPayload(f: {
  user: string;
  channel: string;
  actionId: string;
  value: string;
  responseUrl: string;
  team?: string;
  /** Repeat a click's action_ts to replay that click. */
  actionTs?: string;
}) {
  return {
    ...interactionStart("block_actions", f.user, f.team),
    container: {
      type: "message",
      message_ts: "1700000000.000100",
      channel_id: f.channel,
      is_ephemeral: false,
    },
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    channel: { id: f.channel, name: "energy-cluster" },
    response_url: f.responseUrl,
    actions: [
      {
        action_id: f.actionId,
        block_id: "b1",
        text: { type: "plain_text", text: "x" },
        value: f.value,
        type: "button",
        action_ts: f.actionTs ?? nextActionTs(),
      },
    ],
  };
}

export function viewSubmissionPayload(f: {
  user: string;
  callbackId: string;
  metadata: string;
  values: Record<string, Record<string, unknown>>;
  team?: string;
  /** The modal's id and hash; a new modal's by default (one submission of one opened form). */
  viewId?: string;
  hash?: string;
}) {
  const team = f.team ?? "T-LAPLAND";
  return {
    ...interactionStart("view_submission", f.user, team),
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    view: {
      id: f.viewId ?? nextViewId(),
      team_id: team,
      type: "modal",
      callback_id: f.callbackId,
      private_metadata: f.metadata,
      hash: f.hash ?? "1700000000.abcdEFGH",
      state: { values: f.values },
    },
  };
}

/** An Events API callback (JSON, not form-encoded): e.g. `app_home_opened`. Sign it with `signedJsonHeaders`. */
export function eventBody(event: Record<string, unknown>, team = "T-LAPLAND"): string {
  return JSON.stringify({
    token: "deprecated-verification-token",
    team_id: team,
    api_app_id: "A-ENNAKKO",
    event: { event_ts: String(Date.now() / 1000), ...event },
    type: "event_callback",
    event_id: `Ev${Math.random().toString(36).slice(2)}`,
    event_time: Math.floor(Date.now() / 1000),
  });
}

export function signedJsonHeaders(body: string): Record<string, string> {
  return { ...signedHeaders(body), "content-type": "application/json" };
}
