// Bolt's InstallationStore over the SlackInstallation table (OAuth mode). One row per workspace;
// a re-install replaces it (new token, new scopes). The bot token is sealed (token-cipher.ts) before
// it is written and opened only when Bolt or the outbox needs it. Org-wide (Enterprise Grid) installs
// are refused before they reach here (slack-oauth.ts): every lookup is by team id.
import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { Db } from "../../../db/open-database.ts";
import type { TokenCipher } from "./token-cipher.ts";

export type SlackInstallations = InstallationStore & {
  /** The bot token of the workspace, or null when it never installed or has uninstalled. */
  botTokenOf(teamId: string): Promise<string | null>;
  /** app_uninstalled / tokens_revoked: the row and its token are deleted; true when there was one. */
  remove(teamId: string): Promise<boolean>;
};

export function slackInstallations(db: Db, cipher: TokenCipher): SlackInstallations {
  async function find(teamId: string | undefined) {
    if (!teamId) return null;
    return db.slackInstallation.findUnique({ where: { teamId } });
  }

  return {
    async storeInstallation(installation: Installation): Promise<void> {
      const teamId = installation.team?.id;
      const bot = installation.bot;
      if (installation.isEnterpriseInstall || !teamId || !bot)
        throw new Error("only workspace installs with a bot token are supported");
      const row = {
        enterpriseId: installation.enterprise?.id ?? null,
        appId: installation.appId ?? null,
        botId: bot.id || null,
        botUserId: bot.userId,
        botTokenEncrypted: cipher.encrypt(bot.token, teamId),
        scopes: bot.scopes.join(","),
        installerUserId: installation.user?.id ?? null,
      };
      await db.slackInstallation.upsert({
        where: { teamId },
        create: { teamId, ...row },
        update: { ...row, installedAt: new Date() },
      });
    },

    async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<"v2", false>> {
      const row = await find(query.teamId);
      // Bolt answers an event from a workspace without an installation by ignoring it (and logging).
      if (!row) throw new Error(`no Slack installation for team ${query.teamId ?? "(none)"}`);
      return {
        team: { id: row.teamId },
        enterprise: row.enterpriseId ? { id: row.enterpriseId } : undefined,
        ...(row.appId ? { appId: row.appId } : {}),
        user: { id: row.installerUserId ?? "", token: undefined, scopes: undefined },
        bot: {
          id: row.botId ?? "",
          userId: row.botUserId,
          token: cipher.decrypt(row.botTokenEncrypted, row.teamId),
          scopes: row.scopes.split(","),
        },
        tokenType: "bot",
        isEnterpriseInstall: false,
        authVersion: "v2",
      };
    },

    async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
      if (query.teamId) await db.slackInstallation.deleteMany({ where: { teamId: query.teamId } });
    },

    async botTokenOf(teamId) {
      const row = await find(teamId);
      return row ? cipher.decrypt(row.botTokenEncrypted, row.teamId) : null;
    },

    async remove(teamId) {
      const { count } = await db.slackInstallation.deleteMany({ where: { teamId } });
      return count > 0;
    },
  };
}
