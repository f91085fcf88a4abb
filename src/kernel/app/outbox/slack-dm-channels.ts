// A Slack person's DM channel, opened once and kept in the database: conversations.open is Tier 3
// (~50 a minute per workspace), so a restart or a new instance must not open every DM again. The Slack
// gateway reads and writes them through this store (a port passed in by bot.ts), so platform code never
// touches the database. `teamId` is "" in single-workspace mode (one bot token).
import type { Tx } from "../tx.ts";

export type SlackDmChannelStore = {
  find(teamId: string, userId: string): Promise<string | null>;
  /** Keeps the first answer when two instances opened the same DM at once: Slack gave both the same id. */
  remember(teamId: string, userId: string, channelId: string): Promise<void>;
};

export function slackDmChannelStore(db: Tx): SlackDmChannelStore {
  return {
    async find(teamId, userId) {
      const row = await db.slackDmChannel.findUnique({
        where: { userId_teamId: { userId, teamId } },
        select: { channelId: true },
      });
      return row?.channelId ?? null;
    },
    async remember(teamId, userId, channelId) {
      await db.slackDmChannel.createMany({ data: [{ teamId, userId, channelId }], skipDuplicates: true });
    },
  };
}
