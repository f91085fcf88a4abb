// Slash commands carry no locale or time zone; users.info does. Looked up once per person per hour.
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../log/logger.ts";
import type { SlackProfile } from "./parse-payload.ts";

const TTL_MS = 60 * 60 * 1000;
const MAX_ENTRIES = 5000;

export class SlackProfiles {
  // Promises, not values: a person's first few clicks arriving together share one users.info call.
  private readonly cache = new Map<string, { profile: Promise<SlackProfile>; at: number }>();

  constructor(private readonly log: Logger) {}

  /** `teamId` keys the cache too: one process may serve many workspaces (OAuth mode). */
  async get(client: webApi.WebClient, userId: string, teamId = ""): Promise<SlackProfile> {
    const key = `${teamId}:${userId}`;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.profile;
    const profile = this.lookUp(client, userId);
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { profile, at: Date.now() });
    return profile;
  }

  private async lookUp(client: webApi.WebClient, userId: string): Promise<SlackProfile> {
    try {
      const { user } = await client.users.info({ user: userId, include_locale: true });
      return {
        displayName: user?.profile?.display_name || user?.real_name || user?.name || undefined,
        email: user?.profile?.email || undefined,
        locale: user?.locale || undefined,
        timeZone: user?.tz || undefined,
      };
    } catch (error) {
      // A missing scope or a hiccup must not block the person: answer without the profile.
      this.log.warn("slack users.info failed", { userId, error });
      return {};
    }
  }
}
