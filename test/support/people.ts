import type { Conversation, PlatformUser } from "../../src/domain/platform-user.ts";

export const slackUser = (
  userId: string,
  displayName = userId,
  extra: Partial<PlatformUser> = {},
): PlatformUser => ({
  platform: "SLACK",
  tenant: "T-LAPLAND",
  userId,
  displayName,
  ...extra,
});

export const slackChannel = (channelId: string): Conversation => ({
  platform: "SLACK",
  tenant: "T-LAPLAND",
  channelId,
  scope: "CHANNEL",
});
