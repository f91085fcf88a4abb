// Bolt app: HTTP on POST /slack/events (signature-verified by Bolt), or Socket Mode when an app
// token is configured. Handlers are short: ack → parse → dispatch → deliver.
import type { IncomingMessage, ServerResponse } from "node:http";
import { App, HTTPReceiver, SocketModeReceiver } from "@slack/bolt";
import type { SlackConfig } from "../../config/env.ts";
import type { AppContext } from "../../kernel/app/context.ts";
import type { Locale } from "../../kernel/domain/locale.ts";
import { translator } from "../../kernel/i18n/catalog.ts";
import type { Dispatcher } from "../../kernel/surface/dispatch.ts";
import type { Envelope } from "../../kernel/surface/intent.ts";
import type { Output } from "../../kernel/surface/view.ts";
import type { Logger } from "../../log/logger.ts";
import { registerAppHome } from "./app-home.ts";
import { boltLogger } from "./bolt-logger.ts";
import { deliverToSlack, type SlackReplyTarget } from "./deliver.ts";
import { originOf, respondTo } from "./form-origin.ts";
import { SAVE_SIGNAL_SHORTCUT, SLACK_MESSAGE_SHORTCUTS } from "./manifest-requirements.ts";
import type { SlackInstallations } from "./oauth/installation-store.ts";
import { oauthReceiverOptions } from "./oauth/slack-oauth.ts";
import { registerUninstallEvents } from "./oauth/uninstall-events.ts";
import {
  actionEnvelope,
  BlockActionsSchema,
  commandEnvelope,
  SlashCommandSchema,
  submissionEnvelope,
  ViewSubmissionSchema,
} from "./parse-payload.ts";
import { MessageShortcutSchema, shortcutEnvelope } from "./parse-shortcut.ts";
import { renderMessage } from "./render-block-kit.ts";
import { guardSlackRequests } from "./request-guard.ts";
import { SlackProfiles } from "./slack-profiles.ts";

export const SLACK_EVENTS_PATH = "/slack/events";
const OUR_IDS = /^ennakko\./;

export type SlackPlatform = {
  app: App;
  /** Set in HTTP mode: mount it on POST /slack/events. */
  requestListener?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** OAuth mode: serves GET /slack/install and GET /slack/oauth_redirect (Bolt's install flow). */
  installListener?: (req: IncomingMessage, res: ServerResponse) => void;
  /** OAuth mode: the workspaces' installations, where the outbox finds each team's bot token. */
  installations?: SlackInstallations;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Socket Mode only: the socket's state, for /readyz. */
  connection?(): SocketState;
};

export type SocketState = "connecting" | "connected" | "reconnecting" | "disconnected";

export function createSlackPlatform(
  config: Exclude<SlackConfig, { mode: "off" }>,
  appContext: AppContext,
  dispatch: Dispatcher,
  log: Logger,
): SlackPlatform {
  const logger = boltLogger(log);
  const clientOptions = { slackApiUrl: config.apiUrl };
  const oauth = config.mode === "oauth" ? oauthReceiverOptions(config, appContext, log, clientOptions) : null;
  const receiver =
    config.mode === "socket"
      ? new SocketModeReceiver({ appToken: config.appToken, logger, installerOptions: { clientOptions } })
      : new HTTPReceiver({
          signingSecret: config.signingSecret,
          endpoints: SLACK_EVENTS_PATH,
          logger,
          ...oauth?.options,
        });
  // OAuth mode has no token of its own: Bolt authorizes each request by its team through the store.
  const app = new App({
    ...(config.mode === "oauth" ? {} : { token: config.botToken }),
    receiver,
    logger,
    clientOptions,
  });
  const profiles = new SlackProfiles(log);
  registerListeners(app, appContext, dispatch, profiles, log);
  if (oauth) registerUninstallEvents(app, oauth.installations, log);
  registerAppHome(app, { appContext, dispatch, profiles, log });
  let socketState: SocketState = "connecting";
  if (receiver instanceof SocketModeReceiver) {
    for (const state of ["connecting", "connected", "reconnecting", "disconnected"] as const)
      receiver.client.on(state, () => {
        socketState = state;
      });
    // The client says "reconnecting" only once its back-off delay (5 s and more) is over: the socket
    // is gone from the moment it closes.
    receiver.client.on("close", () => {
      if (socketState === "connected") socketState = "reconnecting";
    });
  }
  return {
    app,
    requestListener:
      receiver instanceof HTTPReceiver && config.mode !== "socket"
        ? guardSlackRequests(receiver.requestListener, { signingSecret: config.signingSecret, log })
        : undefined,
    ...(oauth && receiver instanceof HTTPReceiver
      ? { installListener: receiver.requestListener, installations: oauth.installations }
      : {}),
    start: async () => {
      if (receiver instanceof SocketModeReceiver) await receiver.start();
    },
    stop: async () => {
      if (receiver instanceof SocketModeReceiver) await receiver.stop();
    },
    ...(receiver instanceof SocketModeReceiver ? { connection: () => socketState } : {}),
  };
}

function registerListeners(
  app: App,
  appContext: AppContext,
  dispatch: Dispatcher,
  profiles: SlackProfiles,
  log: Logger,
): void {
  app.command("/cluster", async ({ command, ack, respond, client }) => {
    await ack();
    const body = SlashCommandSchema.safeParse(command);
    if (!body.success) return log.warn("malformed slash command", { issues: body.error.issues.slice(0, 3) });
    const target = {
      app: appContext,
      client,
      respond,
      triggerId: body.data.trigger_id,
      channelId: body.data.channel_id,
      userId: body.data.user_id,
      log,
    };
    await run(log, target, async () =>
      dispatch(commandEnvelope(body.data, await profiles.get(client, body.data.user_id, body.data.team_id))),
    );
  });

  app.action(OUR_IDS, async ({ body, ack, respond, client }) => {
    await ack();
    const parsed = BlockActionsSchema.safeParse(body);
    if (!parsed.success)
      return log.warn("malformed block action", { issues: parsed.error.issues.slice(0, 3) });
    const envelope = actionEnvelope(
      parsed.data,
      await profiles.get(client, parsed.data.user.id, parsed.data.team?.id ?? parsed.data.user.team_id),
    );
    if (envelope)
      await dispatchInteraction(envelope, {
        client,
        respond,
        triggerId: parsed.data.trigger_id,
        responseUrl: parsed.data.response_url,
      });
  });

  // "Record as decision" and "Save as signal" on any message: open the feature's form, prefilled with
  // the message's text (and, for a signal, its author and permalink).
  for (const callbackId of SLACK_MESSAGE_SHORTCUTS)
    app.shortcut(callbackId, async ({ shortcut, ack, respond, client }) => {
      await ack();
      const parsed = MessageShortcutSchema.safeParse(shortcut);
      if (!parsed.success)
        return log.warn("malformed message shortcut", { issues: parsed.error.issues.slice(0, 3) });
      const teamId = parsed.data.team?.id ?? parsed.data.user.team_id;
      // Only a signal names the author (a decision is the cluster's own words).
      const author =
        parsed.data.callback_id === SAVE_SIGNAL_SHORTCUT && parsed.data.message.user
          ? (await profiles.get(client, parsed.data.message.user, teamId)).displayName
          : undefined;
      const envelope = shortcutEnvelope(
        parsed.data,
        await profiles.get(client, parsed.data.user.id, teamId),
        author,
      );
      if (envelope)
        await dispatchInteraction(envelope, { client, respond, triggerId: parsed.data.trigger_id });
    });

  /** Buttons and shortcuts answer the same way: in the conversation they came from. */
  async function dispatchInteraction(
    envelope: Envelope,
    via: Pick<SlackReplyTarget, "client" | "respond" | "triggerId" | "responseUrl">,
  ): Promise<void> {
    const target = {
      app: appContext,
      ...via,
      channelId: envelope.conversation.channelId,
      userId: envelope.actor.userId,
      log,
    };
    await run(log, target, async () => dispatch(envelope));
  }

  app.view(OUR_IDS, async ({ body, ack, client }) => {
    const parsed = ViewSubmissionSchema.safeParse(body);
    const envelope = parsed.success
      ? submissionEnvelope(
          parsed.data,
          await profiles.get(client, parsed.data.user.id, parsed.data.team?.id ?? parsed.data.user.team_id),
        )
      : null;
    if (!envelope) {
      await ack({ response_action: "errors", errors: {} });
      return log.warn("malformed view submission");
    }
    // The form stays open with per-field errors; everything else closes it and is delivered after.
    const { locale, outputs } = await dispatch(envelope);
    const errors = outputs.find((o) => o.kind === "form-errors");
    await ack(
      errors?.kind === "form-errors" ? { response_action: "errors", errors: errors.errors } : undefined,
    );
    const origin = originOf(envelope.intent.kind === "submit" ? envelope.intent.metadata : "");
    const target = {
      app: appContext,
      client,
      ...(origin ? { redraw: respondTo(origin) } : {}),
      channelId: envelope.conversation.channelId,
      userId: envelope.actor.userId,
      log,
    };
    await deliverSafely(log, outputs, target, locale);
  });
}

async function run(log: Logger, target: SlackReplyTarget, work: () => ReturnType<Dispatcher>): Promise<void> {
  try {
    const { locale, outputs } = await work();
    await deliverSafely(log, outputs, target, locale);
  } catch (error) {
    log.error("slack interaction failed", { error });
    await apologise(log, target, "en");
  }
}

async function deliverSafely(
  log: Logger,
  outputs: Output[],
  target: SlackReplyTarget,
  locale: Locale,
): Promise<void> {
  try {
    await deliverToSlack(outputs, target);
  } catch (error) {
    // The use case has already committed: say so, rather than claim that nothing changed.
    log.error("slack delivery failed", { error, channel: target.channelId });
    await apologise(log, target, locale, "error.notDelivered");
  }
}

/** The dispatcher never throws, so this covers Slack-side failures (profile lookup, delivery). */
async function apologise(
  log: Logger,
  target: SlackReplyTarget,
  locale: Locale,
  key: "error.unexpected" | "error.notDelivered" = "error.unexpected",
): Promise<void> {
  const message = translator(locale)(key);
  const rendered = renderMessage({ fallback: message, elements: [{ type: "text", text: message }] });
  try {
    // response_url works even where the bot cannot post (e.g. a private channel it is not in).
    if (target.respond)
      await target.respond({ response_type: "ephemeral", replace_original: false, ...rendered });
    else
      await target.client.chat.postEphemeral({ channel: target.channelId, user: target.userId, ...rendered });
  } catch (error) {
    log.warn("could not tell the user about a failure", { error });
  }
}
