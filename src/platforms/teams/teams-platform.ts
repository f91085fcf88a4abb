// botbuilder CloudAdapter on POST /api/messages. Every botbuilder import of the project lives in
// this folder (Microsoft archived botbuilder; moving to the M365 Agents SDK is a change of one folder).
import type { IncomingMessage, ServerResponse } from "node:http";
import { ActivityTypes, CardFactory, type CloudAdapter, MessageFactory, TurnContext } from "botbuilder";
import type { TeamsConfig } from "../../config/env.ts";
import { refuseBody } from "../../http/read-body.ts";
import type { AppContext } from "../../kernel/app/context.ts";
import { postToChannel } from "../../kernel/app/post-to-channel.ts";
import { isTrackedMessage, recordPostedMessage } from "../../kernel/app/posted-messages.ts";
import { rememberConversation } from "../../kernel/app/remember-conversation.ts";
import { type Locale, toLocale } from "../../kernel/domain/locale.ts";
import type { Conversation } from "../../kernel/domain/platform-user.ts";
import { type Translate, translator } from "../../kernel/i18n/catalog.ts";
import type { Dispatcher } from "../../kernel/surface/dispatch.ts";
import type { Envelope } from "../../kernel/surface/intent.ts";
import type { Output } from "../../kernel/surface/view.ts";
import type { Logger } from "../../log/logger.ts";
import { homeWelcomeEnvelope } from "./home-welcome.ts";
import { answerMessageAction, isMessageActionInvoke } from "./message-extension.ts";
import { readJsonBody } from "./node-http-bridge.ts";
import {
  actorOf,
  conversationOf,
  executeEnvelope,
  messageEnvelope,
  type TeamsActivity,
  TeamsActivitySchema,
} from "./parse-activity.ts";
import {
  type CardJson,
  type CardPlace,
  renderCard,
  renderFormCard,
  toTeamsPlainText,
} from "./render-adaptive-card.ts";
import {
  type BotIdentityEndpoints,
  createTeamsAuthentication,
  isLocalCaller,
  isLoopbackUrl,
  verifiedServiceUrl,
} from "./teams-auth.ts";
import { offerFilesOnTeams } from "./teams-files.ts";
import { TeamsProfiles, withActorEmail } from "./teams-profiles.ts";
import {
  AuthenticatedAdapter,
  type AuthenticateRequestResult,
  authorizationOf,
  withDates,
} from "./teams-request.ts";

export const TEAMS_MESSAGES_PATH = "/api/messages";

export type TeamsPlatform = {
  adapter: CloudAdapter;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
};

export function createTeamsPlatform(
  config: TeamsConfig,
  app: AppContext,
  dispatch: Dispatcher,
  log: Logger,
  identity?: BotIdentityEndpoints,
): TeamsPlatform {
  if (config.mode === "off") throw new Error("createTeamsPlatform: Teams is off in this configuration");
  const auth = createTeamsAuthentication(config, identity);
  const adapter = new AuthenticatedAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    log.error("teams turn failed", { error, activityType: context.activity.type });
    const t = translator(toLocale(context.activity.locale) ?? "en");
    await context.sendActivity(t("error.unexpected")).catch(() => undefined);
  };
  const profiles = new TeamsProfiles(log);
  const refuse = (res: ServerResponse, status: number, error: string): void =>
    void res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ error }));
  return {
    adapter,
    async handle(req, res) {
      const anonymous = config.mode === "anonymous-local";
      // The body is read (bounded) before any answer: a reply sent while the client is still
      // writing makes it see a reset connection instead of our status.
      const body = await readJsonBody(req);
      if (anonymous && !isLocalCaller(req))
        return refuse(res, 403, "anonymous Teams accepts local callers only");
      if (!body.ok) return refuseBody(res, body);
      if (typeof body.value.type !== "string") return refuse(res, 400, "body must be a JSON activity");
      if (anonymous && !isLoopbackUrl(body.value.serviceUrl))
        return refuse(res, 403, "anonymous Teams accepts a loopback serviceUrl only");
      const activity = withDates(body.value);
      let authenticated: AuthenticateRequestResult;
      try {
        authenticated = await auth.authenticateRequest(activity, authorizationOf(req));
      } catch (error) {
        // Whatever botbuilder or jsonwebtoken says stays in our log: the caller learns only "no".
        log.warn("teams request refused", { reason: error instanceof Error ? error.message : String(error) });
        return refuse(res, 401, "unauthorized");
      }
      // Only an address read from the connector this token was issued for may link identities.
      const serviceUrl = verifiedServiceUrl(authenticated.claimsIdentity?.claims, activity.serviceUrl);
      const logic = async (context: TurnContext) => {
        const { email } = serviceUrl ? await profiles.get(context) : { email: undefined };
        await onTurn(context, app, withActorEmail(dispatch, email), log, email);
      };
      const answer = await adapter.processAuthenticated(authenticated, activity, logic);
      res
        .writeHead(
          answer?.status ?? 200,
          answer?.body === undefined ? {} : { "content-type": "application/json" },
        )
        .end(answer?.body === undefined ? undefined : JSON.stringify(answer.body));
    },
  };
}

async function onTurn(
  context: TurnContext,
  app: AppContext,
  dispatch: Dispatcher,
  log: Logger,
  email?: string,
): Promise<void> {
  const parsed = TeamsActivitySchema.safeParse(context.activity);
  if (!parsed.success)
    return log.warn("ignored malformed teams activity", { issues: parsed.error.issues.slice(0, 3) });
  const activity = parsed.data;
  await remember(context, activity, app, email);
  if (activity.type === ActivityTypes.Message && activity.text) {
    const { locale, outputs } = await dispatch(messageEnvelope(activity));
    await sendAll(answering(context, app, activity, locale), outputs);
    return;
  }
  if (activity.type === ActivityTypes.Invoke && activity.name === "adaptiveCard/action") {
    await answerExecute(context, activity, app, dispatch, log);
    return;
  }
  // "Record as decision" or "Save as signal" on a message (message-extension action commands).
  if (activity.type === ActivityTypes.Invoke && isMessageActionInvoke(activity.name)) {
    await answerMessageAction(context, activity, dispatch, app);
  }
  // Installed in a personal chat: the welcome card is the person's home.
  const welcome = homeWelcomeEnvelope(context.activity, activity);
  if (welcome) {
    const { locale, outputs } = await dispatch(welcome);
    await sendAll(answering(context, app, activity, locale), outputs);
  }
}

/** Stored on every turn so that reminders can reach this conversation later, from any instance. */
async function remember(
  context: TurnContext,
  activity: TeamsActivity,
  app: AppContext,
  email: string | undefined,
): Promise<void> {
  const conversation = conversationOf(activity);
  const { activityId: _thread, ...reference } = TurnContext.getConversationReference(context.activity);
  // A channel reference must start new posts, not reply in whichever thread was used last.
  if (conversation.scope === "CHANNEL" && reference.conversation) {
    reference.conversation = { ...reference.conversation, id: conversation.channelId };
  }
  await rememberConversation(app, {
    actor: { ...actorOf(activity), ...(email ? { email } : {}) },
    conversationId: conversation.channelId,
    scope: conversation.scope,
    reference: reference as unknown as Record<string, unknown>,
  });
}

/**
 * Action.Execute: the first private answer replaces the clicked card for the person who clicked;
 * anything meant for the channel is posted as a new message.
 */
async function answerExecute(
  context: TurnContext,
  activity: TeamsActivity,
  app: AppContext,
  dispatch: Dispatcher,
  log: Logger,
): Promise<void> {
  const envelope: Envelope | null = executeEnvelope(activity);
  const { locale, outputs } = envelope
    ? await dispatch(envelope)
    : { locale: toLocale(activity.locale) ?? "en", outputs: [] };
  // A form submitted in the personal chat for a cluster's channel: channel posts go there instead.
  const elsewhere =
    envelope && envelope.conversation.channelId !== conversationOf(activity).channelId
      ? envelope.conversation
      : undefined;
  const turn = { ...answering(context, app, activity, locale), elsewhere };
  const [first, ...rest] = outputs;
  // A short private answer to a button on a card everyone shares (a refusal: an observer voting, a
  // member pressing Schedule on the poll) is shown as Teams' message answer: the card stays as it
  // was, buttons and all, as a Slack ephemeral leaves the clicked message alone.
  const clickedId = context.activity.replyToId;
  const shared =
    envelope?.intent.kind === "action" &&
    typeof clickedId === "string" &&
    (await isTrackedMessage(app, "TEAMS", clickedId));
  const notice =
    shared && first && isNotice(first) ? toTeamsPlainText(first.view.fallback, turn.place) : null;
  const card = first && notice === null ? await privateCard(turn, first) : null;
  // Answer the click before posting to the channel: the use case has already committed, so a failed
  // post must neither turn the click into an HTTP 501 nor have onTurnError say nothing was changed.
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: card
      ? {
          status: 200,
          body: { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card },
        }
      : {
          status: 200,
          body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: notice ?? "" },
        },
  });
  // A refresh answers the clicker and still redraws every tracked copy for everyone else.
  const remaining = notice !== null ? rest : !card || first?.kind === "refresh" ? outputs : rest;
  await sendAll(turn, remaining).catch((error: unknown) =>
    log.error("teams post after a card action failed", { error, intent: envelope?.intent.kind }),
  );
}

/** A private answer of text only, with no `replace`: told as a message, never drawn over the card. */
function isNotice(output: Output): output is Extract<Output, { kind: "ephemeral" }> {
  return (
    output.kind === "ephemeral" &&
    output.replace !== true &&
    output.view.elements.length > 0 &&
    output.view.elements.every((e) => e.type === "text")
  );
}

/** What answering one activity needs besides its outputs. */
type Answering = {
  context: TurnContext;
  app: AppContext;
  activity: TeamsActivity;
  t: Translate;
  /** Where the answer is read: commands are written in that place's syntax. */
  place: CardPlace;
  /** The channel a form from a personal chat was for: its `channel` outputs are posted there. */
  elsewhere?: Conversation;
};

const answering = (
  context: TurnContext,
  app: AppContext,
  activity: TeamsActivity,
  locale: Locale,
): Answering => ({
  context,
  app,
  activity,
  t: translator(locale),
  place: conversationOf(activity).scope === "PERSONAL" ? "PERSONAL" : "CHANNEL",
});

/** The card that answers the click for the person who clicked, or null when nothing private is due. */
async function privateCard(turn: Answering, output: Output): Promise<CardJson | null> {
  switch (output.kind) {
    case "ephemeral":
    case "refresh":
      return renderCard(output.view, turn.t, turn.place);
    case "form":
      return renderFormCard(output.form, turn.t);
    case "form-errors":
      return renderFormCard(output.form, turn.t, output.errors);
    case "channel":
      return null;
    case "file":
      // The links go to the personal chat; the clicker's card says so.
      return privateCard(turn, await offerFilesOnTeams(turn.app, turn.activity, output, turn.t));
    default:
      return unhandled(output);
  }
}

async function sendAll(turn: Answering, outputs: Output[]): Promise<void> {
  const { context, app } = turn;
  for (const output of outputs) {
    let card: CardJson;
    let fallback: string;
    switch (output.kind) {
      case "refresh":
        // Queued by the dispatcher in the outbox, merged per card (src/kernel/app/queue-redraw.ts); the
        // person who clicked already has the new card as the invoke's answer.
        continue;
      case "file":
        await sendAll(turn, [await offerFilesOnTeams(app, turn.activity, output, turn.t)]);
        continue;
      case "form":
      case "form-errors":
        card =
          output.kind === "form"
            ? renderFormCard(output.form, turn.t)
            : renderFormCard(output.form, turn.t, output.errors);
        fallback = output.form.title;
        break;
      case "channel":
        if (turn.elsewhere) {
          await postElsewhere(turn, turn.elsewhere, output);
          continue;
        }
        card = renderCard(output.view, turn.t, turn.place);
        fallback = toTeamsPlainText(output.view.fallback, turn.place);
        break;
      case "ephemeral":
        card = renderCard(output.view, turn.t, turn.place);
        fallback = toTeamsPlainText(output.view.fallback, turn.place);
        break;
      default:
        return unhandled(output);
    }
    // Teams has no ephemeral messages in channels: private answers are replies in the thread.
    const sent = await context.sendActivity({
      ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
      summary: fallback,
    });
    if (output.kind === "channel" && output.track && sent?.id) {
      const ref = {
        platform: "TEAMS" as const,
        conversationId: context.activity.conversation.id,
        messageId: sent.id,
      };
      await recordPostedMessage(app, output.track, ref);
    }
  }
}

/** Through the outbox (a turn answers only in its own conversation); the worker tracks the post. */
async function postElsewhere(
  turn: Answering,
  conversation: Conversation,
  output: Extract<Output, { kind: "channel" }>,
): Promise<void> {
  const posted = await postToChannel(turn.app, { conversation, view: output.view, track: output.track });
  if (!posted.ok) throw new Error(`could not post to ${conversation.channelId}: ${posted.reason}`);
}

/** Every output kind is handled above; a new one fails to compile here first. */
function unhandled(output: never): never {
  throw new Error(`teams: unhandled output kind ${(output as { kind?: string }).kind}`);
}
