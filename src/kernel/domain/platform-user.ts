// How a person and a conversation look once a platform has parsed its payload. Neutral on purpose:
// the domain and use cases never see a Slack or Teams object.
import { z } from "zod";

export const PlatformSchema = z.enum(["SLACK", "TEAMS"]);
export type Platform = z.infer<typeof PlatformSchema>;

export const PlatformUserSchema = z.object({
  platform: PlatformSchema,
  /** Slack team id or Teams tenant id. */
  tenant: z.string().min(1),
  /** Slack user id (U…) or Teams user id (29:…). */
  userId: z.string().min(1),
  displayName: z.string().optional(),
  email: z.string().optional(),
  locale: z.string().optional(),
  timeZone: z.string().optional(),
});
export type PlatformUser = z.infer<typeof PlatformUserSchema>;

export const ConversationSchema = z.object({
  platform: PlatformSchema,
  tenant: z.string().min(1),
  /** Slack channel id, or Teams conversation id (channel conversations without the thread suffix). */
  channelId: z.string().min(1),
  scope: z.enum(["CHANNEL", "PERSONAL", "GROUP"]),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** A reference to another user inside a command, as the platform layer normalised it. */
export const UserRefSchema = z.object({
  platform: PlatformSchema,
  tenant: z.string(),
  userId: z.string(),
  displayName: z.string().optional(),
});
export type UserRef = z.infer<typeof UserRefSchema>;
