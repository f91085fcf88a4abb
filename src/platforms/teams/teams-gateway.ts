// ChatGateway over botbuilder: a proactive message through the conversation reference stored on an
// earlier turn (channel or personal chat), or through a 1:1 chat it opens with a Teams user id; sent
// by the same CloudAdapter that serves /api/messages.
import {
  type Activity,
  CardFactory,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
  MessageFactory,
  TurnContext,
} from "botbuilder";
import {
  type ChatGateway,
  type DeliveryResult,
  describeError,
  type OutboundMessage,
} from "../../kernel/app/ports/chat-gateway.ts";
import type { View } from "../../kernel/surface/view.ts";
import type { Logger } from "../../log/logger.ts";
import { renderCard, toTeamsPlainText } from "./render-adaptive-card.ts";

export type TeamsUserRoute = { tenantId: string; serviceUrl: string; bot: { id: string; name?: string } };

export type TeamsGatewayOptions = {
  /** TeamsPlatform.adapter: the one CloudAdapter of the process, with its credentials. */
  adapter: CloudAdapter;
  /** config.teams.appId; empty = anonymous (local tools, tests). */
  appId?: string;
  /** The stored reference of a conversation id, or null (findConversationReference). */
  findReference(conversationId: string): Promise<Record<string, unknown> | null>;
  /**
   * For a `user` recipient given as a Teams user id (29:…) with no stored conversation: the tenant
   * and service URL to open a 1:1 chat in (findTeamsUserRoute). Without it such recipients fail.
   */
  findUserRoute?(userId: string): Promise<TeamsUserRoute | null>;
  /** Stores a personal chat the gateway opened (rememberPersonalConversation). */
  rememberPersonal?(input: {
    userId: string;
    tenantId: string;
    conversationId: string;
    reference: Record<string, unknown>;
  }): Promise<void>;
  log: Logger;
};

type Turn = { sent: boolean; messageId?: string; failure?: unknown };

export function createTeamsGateway(options: TeamsGatewayOptions): ChatGateway {
  const { adapter, appId, findReference, findUserRoute, log } = options;

  /**
   * Sends `activity` inside a proactive turn. Errors are caught inside the turn, not thrown: the
   * platform's onTurnError would swallow them (and post an apology into the conversation), and the
   * outbox would think the notification went out.
   */
  function sendIn(activity: Partial<Activity>, turn: Turn, after?: (context: TurnContext) => Promise<void>) {
    return async (context: TurnContext) => {
      withoutBuiltInRetries(context, log);
      // The proactive turn has a made-up activity id, and sendActivity would "reply" to it; a
      // notification is a new message in the conversation (a new post, in a channel).
      context.onSendActivities(async (_ctx, activities, next) => {
        for (const outgoing of activities) delete outgoing.replyToId;
        return next();
      });
      try {
        turn.messageId = (await context.sendActivity(activity))?.id;
        turn.sent = true;
        await after?.(context);
      } catch (error) {
        if (turn.sent) log.warn("teams: could not store the personal chat it opened", { error });
        else turn.failure = error ?? new Error("unknown failure");
      }
    };
  }

  async function toStored(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity>,
    turn: Turn,
  ) {
    await adapter.continueConversationAsync(appId ?? "", reference, sendIn(activity, turn));
  }

  /**
   * Redraws message `messageId` in conversation `conversationId` (a channel thread keeps its
   * ";messageid=…" suffix: updateActivity takes the conversation from the turn's reference).
   */
  async function updateStored(
    stored: Partial<ConversationReference>,
    conversationId: string,
    update: Partial<Activity> & { id: string },
    turn: Turn,
  ) {
    const reference = { ...stored, conversation: { ...stored.conversation!, id: conversationId } };
    await adapter.continueConversationAsync(appId ?? "", reference, async (context) => {
      withoutBuiltInRetries(context, log);
      try {
        await context.updateActivity({ ...update, conversation: reference.conversation });
        turn.sent = true;
        turn.messageId = update.id;
      } catch (error) {
        turn.failure = error ?? new Error("unknown failure");
      }
    });
  }

  /**
   * The stored reference of the conversation. A message to redraw may sit in a channel thread
   * ("<channel>;messageid=…"): that is reached through the reference stored for its channel.
   */
  async function referenceOf({ recipient, update }: OutboundMessage) {
    const channel = recipient.id.split(";")[0]!;
    const found =
      (await findReference(recipient.id)) ??
      (update && channel !== recipient.id ? await findReference(channel) : null);
    return found as Partial<ConversationReference> | null;
  }

  /** Teams lets a bot open a 1:1 chat with a member of a team it is installed in. */
  async function toNewPersonalChat(
    userId: string,
    route: TeamsUserRoute,
    activity: Partial<Activity>,
    turn: Turn,
  ) {
    const parameters = {
      isGroup: false,
      bot: route.bot,
      members: [{ id: userId }],
      tenantId: route.tenantId,
      channelData: { tenant: { id: route.tenantId } },
    } as ConversationParameters;
    const remember = async (context: TurnContext) => {
      const { activityId: _none, ...reference } = TurnContext.getConversationReference(context.activity);
      const conversationId = context.activity.conversation?.id;
      if (conversationId && options.rememberPersonal)
        await options.rememberPersonal({
          userId,
          tenantId: route.tenantId,
          conversationId,
          reference: { ...reference, user: { id: userId } } as Record<string, unknown>,
        });
    };
    // audience undefined = the connector factory's default (the Bot Framework channel scope).
    const audience = undefined as unknown as string;
    await adapter.createConversationAsync(
      appId ?? "",
      "msteams",
      route.serviceUrl,
      audience,
      parameters,
      sendIn(activity, turn, remember),
    );
  }

  /** Starts the proactive turn that delivers `message`; a refusal when none can be started. */
  async function startTurn(
    message: OutboundMessage,
    activity: Partial<Activity>,
    turn: Turn,
  ): Promise<DeliveryResult | null> {
    const { recipient, update } = message;
    const stored = await referenceOf(message);
    if (stored && (!stored.serviceUrl || !stored.conversation?.id))
      return refused("teams: stored conversation reference is incomplete");
    if (stored && update)
      await updateStored(stored, recipient.id, { ...activity, id: update.messageId }, turn);
    else if (stored) await toStored(stored, activity, turn);
    // Only a stored conversation holds messages of ours to redraw.
    else if (update) return refused(`teams: no stored conversation reference for ${recipient.id}`);
    else {
      const route = recipient.kind === "user" && findUserRoute ? await findUserRoute(recipient.id) : null;
      if (!route) return refused(`teams: no stored conversation reference for ${recipient.id}`);
      await toNewPersonalChat(recipient.id, route, activity, turn);
    }
    return null;
  }

  return {
    async deliver(message: OutboundMessage): Promise<DeliveryResult> {
      const view = message.view as View;
      // A person is written to in their personal chat, where commands need no @mention.
      const place = message.recipient.kind === "user" ? "PERSONAL" : "CHANNEL";
      const activity: Partial<Activity> = {
        ...MessageFactory.attachment(CardFactory.adaptiveCard(renderCard(view, undefined, place))),
        summary: toTeamsPlainText(view.fallback, place),
      };
      const turn: Turn = { sent: false };
      try {
        const refusal = await startTurn(message, activity, turn);
        if (refusal) return refusal;
      } catch (error) {
        turn.failure ??= error ?? new Error("unknown failure");
      }
      if (turn.failure !== undefined) {
        const result = classifyTeamsError(turn.failure);
        // Teams throttles a bot per conversation: only this one waits (on every instance).
        return !result.ok && result.retryable && result.retryAfterMs !== undefined
          ? { ...result, throttle: { method: "send", conversation: message.recipient.id } }
          : result;
      }
      if (!turn.sent) return { ok: false, retryable: true, error: "teams: the proactive turn did not run" };
      return { ok: true, messageId: turn.messageId };
    },
  };
}

const refused = (error: string): DeliveryResult => ({ ok: false, retryable: false, error });

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
