// ChatGateway over botbuilder: a proactive message through the conversation reference stored on an
// earlier turn (channel or personal chat), sent by the same CloudAdapter that serves /api/messages.
import {
  CardFactory,
  type CloudAdapter,
  type ConversationReference,
  MessageFactory,
  type TurnContext,
} from "botbuilder";
import {
  type ChatGateway,
  type DeliveryResult,
  describeError,
  type OutboundMessage,
} from "../../app/ports/chat-gateway.ts";
import type { Logger } from "../../log/logger.ts";
import type { View } from "../../surface/view.ts";
import { renderCard } from "./render-adaptive-card.ts";

export type TeamsGatewayOptions = {
  /** TeamsPlatform.adapter: the one CloudAdapter of the process, with its credentials. */
  adapter: CloudAdapter;
  /** config.teams.appId; empty = anonymous (local tools, tests). */
  appId?: string;
  /** The stored reference of a conversation id, or null (e.g. findConversationReference). */
  findReference(conversationId: string): Promise<Record<string, unknown> | null>;
  log: Logger;
};

export function createTeamsGateway({ adapter, appId, findReference, log }: TeamsGatewayOptions): ChatGateway {
  return {
    async deliver(message: OutboundMessage): Promise<DeliveryResult> {
      const stored = await findReference(message.recipient.id);
      if (!stored)
        return {
          ok: false,
          retryable: false,
          error: `teams: no stored conversation reference for ${message.recipient.id}`,
        };
      const reference = stored as Partial<ConversationReference>;
      if (!reference.serviceUrl || !reference.conversation?.id)
        return { ok: false, retryable: false, error: "teams: stored conversation reference is incomplete" };

      const view = message.view as View;
      const activity = {
        ...MessageFactory.attachment(CardFactory.adaptiveCard(renderCard(view))),
        summary: view.fallback,
      };
      const turn: { sent: boolean; messageId?: string; failure?: unknown } = { sent: false };
      try {
        await adapter.continueConversationAsync(appId ?? "", reference, async (context) => {
          withoutBuiltInRetries(context, log);
          // The continuation turn has a made-up activity id, and sendActivity would "reply" to it; a
          // notification is a new message in the conversation (a new post, in a channel).
          context.onSendActivities(async (_ctx, activities, next) => {
            for (const outgoing of activities) delete outgoing.replyToId;
            return next();
          });
          // Caught here, not thrown: the platform's onTurnError would swallow the error (and post an
          // apology into the conversation), and the outbox would think the notification went out.
          try {
            turn.messageId = (await context.sendActivity(activity))?.id;
            turn.sent = true;
          } catch (error) {
            turn.failure = error ?? new Error("unknown failure");
          }
        });
      } catch (error) {
        turn.failure ??= error ?? new Error("unknown failure");
      }
      if (turn.failure !== undefined) return classifyTeamsError(turn.failure);
      if (!turn.sent) return { ok: false, retryable: true, error: "teams: the proactive turn did not run" };
      return { ok: true, messageId: turn.messageId };
    },
  };
}

/**
 * The connector client retries 429 (sleeping for Retry-After) and 5xx itself. For outbox sends that
 * would hold a worker slot, and the row's lease, for as long as Teams likes, and hide the throttle
 * from the worker; the outbox retries instead. The client is created for this one proactive turn,
 * so interactive replies keep their retries.
 */
function withoutBuiltInRetries(context: TurnContext, log: Logger): void {
  const connector = context.turnState.get(context.adapter.ConnectorClientKey) as
    | { client?: { pipeline?: { removePolicy(options: { phase: "Retry" }): unknown } } }
    | undefined;
  const pipeline = connector?.client?.pipeline;
  if (pipeline) pipeline.removePolicy({ phase: "Retry" });
  else log.warn("teams connector client has an unexpected shape; its built-in retries stay on");
}

type RestErrorLike = {
  statusCode?: number;
  code?: string;
  response?: { headers?: { get(name: string): string | undefined } };
};

export function classifyTeamsError(error: unknown): DeliveryResult {
  const e = (error ?? {}) as RestErrorLike;
  const status = typeof e.statusCode === "number" ? e.statusCode : undefined;
  const text = `teams: ${status ? `HTTP ${status} ` : ""}${e.code ? `${e.code}: ` : ""}${describeError(error)}`;
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(e.response?.headers?.get("retry-after"));
    return retryAfterMs === undefined
      ? { ok: false, retryable: true, error: text }
      : { ok: false, retryable: true, retryAfterMs, error: text };
  }
  if (status !== undefined && (status >= 500 || status === 408 || status === 401))
    // 401: the token could not be had or was refused: a credentials hiccup or misconfiguration; retry
    // (bounded by maxAttempts) rather than drop.
    return { ok: false, retryable: true, error: text };
  // 403: the bot was removed or blocked; 404: the conversation is gone; other 4xx: we sent garbage.
  if (status !== undefined) return { ok: false, retryable: false, error: text };
  // No status: a network failure (ECONNREFUSED, timeouts) or a token endpoint hiccup.
  return { ok: false, retryable: true, error: text };
}

/** Retry-After is seconds or an HTTP date. */
function parseRetryAfter(value: string | undefined | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
