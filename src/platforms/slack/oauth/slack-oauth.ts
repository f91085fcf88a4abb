// "Add to Slack" for many workspaces in one deployment, with Bolt's own install flow (@slack/oauth's
// InstallProvider inside the HTTPReceiver): GET /slack/install redirects to Slack's authorize page
// with a single-use state (state-store.ts), GET /slack/oauth_redirect exchanges the code through
// oauth.v2.access and stores the installation, its bot token encrypted (installation-store.ts).
// Bolt then authorizes every request by its team through that store.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { HTTPReceiverOptions, Installation } from "@slack/bolt";
import type { SlackConfig } from "../../../config/env.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { DEFAULT_LOCALE, type Locale, toLocale } from "../../../kernel/domain/locale.ts";
import { translator } from "../../../kernel/i18n/catalog.ts";
import type { Logger } from "../../../log/logger.ts";
import { SLACK_BOT_SCOPES } from "../manifest-requirements.ts";
import { type SlackInstallations, slackInstallations } from "./installation-store.ts";
import { databaseStateStore } from "./state-store.ts";
import { tokenCipher } from "./token-cipher.ts";

export const SLACK_INSTALL_PATH = "/slack/install";
export const SLACK_OAUTH_REDIRECT_PATH = "/slack/oauth_redirect";

type OAuthConfig = Extract<SlackConfig, { mode: "oauth" }>;

/** The HTTPReceiver options that turn the install flow on, and the store the gateway reads tokens from. */
export function oauthReceiverOptions(
  config: OAuthConfig,
  appContext: AppContext,
  log: Logger,
  clientOptions: { slackApiUrl: string },
): { options: Partial<HTTPReceiverOptions>; installations: SlackInstallations } {
  const installations = slackInstallations(appContext.db, tokenCipher(config.tokenKey));
  const options: Partial<HTTPReceiverOptions> = {
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    stateSecret: config.stateSecret,
    scopes: [...SLACK_BOT_SCOPES],
    installationStore: installations,
    ...(config.redirectUri ? { redirectUri: config.redirectUri } : {}),
    installerOptions: {
      installPath: SLACK_INSTALL_PATH,
      redirectUriPath: SLACK_OAUTH_REDIRECT_PATH,
      // Straight to Slack's authorize page: our own page would only hold the same link.
      directInstall: true,
      stateStore: databaseStateStore(appContext.db, appContext.clock, config.stateSecret),
      // oauth.v2.access and auth.test go where every other Web API call goes (a local fake in tests).
      clientOptions,
      callbackOptions: {
        afterInstallation: async (installation: Installation, _options, req, res) => {
          if (!installation.isEnterpriseInstall) return true;
          // Every token lookup is by team id; an org-wide install has none.
          log.warn("refused an org-wide Slack install", { enterprise: installation.enterprise?.id });
          page(res, 400, localeOf(req), "slackInstall.orgWide");
          return false;
        },
        success: (installation, _options, req, res) => {
          log.info("slack workspace installed", { team: installation.team?.id });
          page(res, 200, localeOf(req), "slackInstall.done");
        },
        failure: (error, _options, req, res) => {
          log.warn("slack install failed", { error: error.message, code: error.code });
          page(res, 400, localeOf(req), "slackInstall.failed");
        },
      },
    },
  };
  return { options, installations };
}

function localeOf(req: IncomingMessage): Locale {
  const header = req.headers["accept-language"] ?? "";
  for (const tag of header.split(",")) {
    const locale = toLocale(tag.split(";")[0]);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

function page(
  res: ServerResponse,
  status: number,
  locale: Locale,
  key: "slackInstall.done" | "slackInstall.failed" | "slackInstall.orgWide",
): void {
  const text = translator(locale)(key).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  res
    .writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })
    .end(
      `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>Ennakko</title><p>${text}</p></html>`,
    );
}
