// ChatGateway over the Slack Web API. No retries here: the outbox retries, honouring Retry-After, so
// a throttled call returns at once instead of holding a worker slot (and its lease) for minutes.
// Charts in a notification (data: URIs) are uploaded first, privately, and shown with `slack_file`.
import { webApi } from "@slack/bolt";
import {
  type ChatGateway,
  type DeliveryResult,
  describeError,
  type OutboundMessage,
  type Recipient,
} from "../../kernel/app/ports/chat-gateway.ts";
import type { View } from "../../kernel/surface/view.ts";
import type { Logger } from "../../log/logger.ts";
import { boltLogger } from "./bolt-logger.ts";
import { renderMessage } from "./render-block-kit.ts";
import { SlackUploadError, UploadedImageCache, uploadViewImages, withImageFallback } from "./slack-files.ts";

/** Slack errors that no retry can fix: the recipient, the channel or the installation is gone. */
export const PERMANENT_SLACK_ERRORS = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "user_not_found",
  "user_disabled",
  "account_inactive",
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "token_expired",
  "no_permission",
  "missing_scope",
  "cannot_dm_bot",
  "restricted_action",
  "ekm_access_denied",
  "team_access_not_granted",
  "invalid_blocks",
  "invalid_blocks_format",
  "msg_too_long",
  "no_text",
  "too_many_attachments",
  "invalid_arguments",
  "method_deprecated",
  // chat.update of a mirrored copy: the message was deleted, or is not the bot's to edit.
  "message_not_found",
  "cant_update_message",
  "edit_window_closed",
]);

const DM_CACHE_MAX = 10_000;

/** OAuth mode: the team a row goes to and its bot token; token null = not installed (or uninstalled). */
export type SlackTokenResolver = (recipient: Recipient) => Promise<{ team: string; token: string | null }>;

export type SlackGatewayOptions = {
  /** Single-workspace mode: the one bot token. */
  token?: string;
  /** OAuth mode (many workspaces): picks the bot token by the recipient's team. */
  tokenFor?: SlackTokenResolver;
  /** config.slack.apiUrl: https://slack.com/api/ in production, a local fake in tests. */
  apiUrl: string;
  log: Logger;
  /** Per HTTP call; keep it well under the outbox lease (60 s). */
  timeoutMs?: number;
  /**
   * Where DM channels are kept across restarts and instances (slackDmChannelStore, passed in by bot.ts):
   * read first, opened with conversations.open only when missing, and what was opened written back.
   * Absent: this process's memory only.
   */
  dmChannels?: {
    find(teamId: string, userId: string): Promise<string | null>;
    remember(teamId: string, userId: string, channelId: string): Promise<void>;
  };
  /** The workspace the token belongs to; "" in single-workspace mode. */
  teamId?: string;
};

export function createSlackGateway({
  token,
  tokenFor,
  apiUrl,
  log,
  timeoutMs = 20_000,
  dmChannels: store,
  teamId = "",
}: SlackGatewayOptions): ChatGateway {
  const newClient = (botToken: string) =>
    new webApi.WebClient(botToken, {
      slackApiUrl: apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: timeoutMs,
      logger: boltLogger(log),
    });
  const single = token ? { team: teamId, client: newClient(token) } : null;
  // OAuth mode: one client per workspace token (a re-install's new token gets a new client).
  const clients = new Map<string, webApi.WebClient>();
  async function clientFor(
    recipient: Recipient,
  ): Promise<{ team: string; client: webApi.WebClient } | { team: string; client: null }> {
    if (single) return single;
    if (!tokenFor) throw new Error("the Slack gateway needs a token or a token resolver");
    const found = await tokenFor(recipient);
    if (!found.token) return { team: found.team, client: null };
    let client = clients.get(found.token);
    if (!client) {
      if (clients.size >= DM_CACHE_MAX) clients.delete(clients.keys().next().value!);
      client = newClient(found.token);
      clients.set(found.token, client);
    }
    return { team: found.team, client };
  }
  // conversations.open is Tier 3 (~50/min): each person's DM is opened once per workspace (the store
  // shares it with other instances and restarts); this map only spares the database a read per message.
  const dmChannels = new Map<string, string>();
  // The same chart to many channels, or a retried row, is uploaded once per process.
  // Per workspace: a file uploaded in one workspace cannot be shown in another.
  const imageCaches = new Map<string, UploadedImageCache>();
  const imagesOf = (team: string) => {
    const known = imageCaches.get(team);
    if (known) return known;
    const cache = new UploadedImageCache();
    imageCaches.set(team, cache);
    return cache;
  };

  async function dmChannelOf(client: webApi.WebClient, team: string, userId: string): Promise<string> {
    // By team too: in OAuth mode one process talks to many workspaces.
    const cacheKey = `${team}:${userId}`;
    const known = dmChannels.get(cacheKey) ?? (await store?.find(team, userId)) ?? undefined;
    if (known) return keep(cacheKey, known);
    const opened = await client.conversations.open({ users: userId });
    const id = opened.channel?.id;
    if (!id) throw new Error("conversations.open returned no channel");
    try {
      await store?.remember(team, userId, id);
    } catch (error) {
      // The message can still go out; the next instance opens the DM again.
      log.warn("slack: could not store the DM channel it opened", { error });
    }
    return keep(cacheKey, id);
  }

  function keep(cacheKey: string, channelId: string): string {
    if (!dmChannels.has(cacheKey) && dmChannels.size >= DM_CACHE_MAX)
      dmChannels.delete(dmChannels.keys().next().value!);
    dmChannels.set(cacheKey, channelId);
    return channelId;
  }

  return {
    async deliver(message: OutboundMessage): Promise<DeliveryResult> {
      const { recipient, key } = message;
      // The Web API method under way when a 429 came: Slack limits chat.* per channel, the others per
      // workspace, and the outbox pauses only what the limit covers (on every instance).
      let method = "conversations.open";
      try {
        const { team, client } = await clientFor(recipient);
        // Uninstalled, or its token revoked: no retry can bring the token back.
        if (!client)
          return {
            ok: false,
            retryable: false,
            error: `slack: app not installed in workspace ${team || "(unknown)"}`,
          };
        const channel =
          recipient.kind === "user" ? await dmChannelOf(client, team, recipient.id) : recipient.id;
        const images = imagesOf(team);
        const view = message.view as View;
        method = "files.upload";
        // A throttled or failing upload stops here and comes back retryable (the outbox tries again);
        // a permanent failure leaves that image out, so the text still arrives.
        const uploaded = await uploadViewImages(client, [view], {
          log,
          cache: images,
          timeoutMs,
          stopOn: (error) => classifySlackError(error).retryable,
        });
        const { update } = message;
        const posted = await withImageFallback<{ ts?: string }>(
          uploaded,
          (shown) => {
            method = update ? "chat.update" : "chat.postMessage";
            return update
              ? client.chat.update({ channel, ts: update.messageId, ...renderMessage(view, shown) })
              : client.chat.postMessage({
                  channel,
                  ...renderMessage(view, shown),
                  // Travels with the message: lets an operator (and our tests) tell which outbox row it was.
                  metadata: { event_type: "ennakko_notification", event_payload: { key } },
                });
          },
          log,
          images,
        );
        return { ok: true, messageId: posted.ts ?? update?.messageId };
      } catch (error) {
        const result = classifySlackError(error);
        if (!result.retryable || result.retryAfterMs === undefined) return result;
        const perChannel = method === "chat.postMessage" || method === "chat.update";
        return { ...result, throttle: perChannel ? { method, conversation: recipient.id } : { method } };
      }
    },
  };
}

export function classifySlackError(error: unknown): Extract<DeliveryResult, { ok: false }> {
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return {
      ok: false,
      retryable: true,
      retryAfterMs: error.retryAfter * 1000,
      error: "slack: rate limited",
    };
  }
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    if (code === "ratelimited") return { ok: false, retryable: true, error: "slack: ratelimited" };
    return PERMANENT_SLACK_ERRORS.has(code)
      ? { ok: false, retryable: false, error: `slack: ${code}` }
      : // internal_error, fatal_error, service_unavailable, request_timeout and anything new: try again.
        { ok: false, retryable: true, error: `slack: ${code}` };
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    const status = error.statusCode;
    const retryable = status >= 500 || status === 408 || status === 429;
    return retryable
      ? { ok: false, retryable: true, error: `slack: HTTP ${status}` }
      : { ok: false, retryable: false, error: `slack: HTTP ${status}` };
  }
  if (error instanceof SlackUploadError) {
    // The upload URL answers like any HTTP server: throttled or failing now, or refusing for good.
    const status = error.status;
    if (status >= 500 || status === 408 || status === 429)
      return {
        ok: false,
        retryable: true,
        ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
        error: `slack: upload HTTP ${status}`,
      };
    return { ok: false, retryable: false, error: `slack: upload HTTP ${status}` };
  }
  if (error instanceof webApi.WebAPIRequestError) {
    return { ok: false, retryable: true, error: `slack: network: ${describeError(error.original)}` };
  }
  // e.g. a 429 without a usable Retry-After header, or a timeout: retry with backoff.
  return { ok: false, retryable: true, error: `slack: ${describeError(error)}` };
}
