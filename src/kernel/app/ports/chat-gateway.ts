// The port every notification leaves through. The app knows recipients and neutral content; each
// platform folder implements a ChatGateway (Slack Web API, Teams via stored conversation references).
import { z } from "zod";
import { PlatformSchema } from "../../domain/platform-user.ts";

export type ChatPlatform = z.infer<typeof PlatformSchema>;

/**
 * Slack: a channel id (C…/G…) or a user id (U…/W…, delivered as a DM). Teams: the conversation id of a
 * stored ConversationRef, a channel's or a person's personal chat (`kind` does not matter there).
 */
export const RecipientSchema = z.object({
  platform: PlatformSchema,
  kind: z.enum(["channel", "user"]),
  id: z.string().min(1).max(255),
  /**
   * The Slack team id (workspace) or Teams tenant id the recipient belongs to, where known. Slack in
   * OAuth mode (many workspaces) sends with that team's bot token; ids can repeat across organisations.
   */
  tenant: z.string().min(1).max(255).optional(),
});
export type Recipient = z.infer<typeof RecipientSchema>;

/**
 * Neutral, JSON-able message content. The app may not import src/surface, so this is declared
 * structurally: the surface's `View` ({ fallback, elements: Element[] }) is assignable to it as it is,
 * and the platform gateways (which may import surface) render it as a View. The payload is stored in
 * the outbox row, so it must survive a JSON round trip.
 */
export const ViewPayloadSchema = z.object({
  fallback: z.string(),
  elements: z.array(z.unknown()),
});
export type ViewPayload = { fallback: string; elements: unknown[] };

export type OutboundMessage = {
  /** The outbox key: for logs, and for platforms that can carry it along (Slack message metadata). */
  key: string;
  recipient: Recipient;
  view: ViewPayload;
  /** Redraw this earlier message of the bot's (in the recipient's conversation) instead of posting. */
  update?: { messageId: string };
};

/**
 * What a throttle (Retry-After) holds back: the remote `method` (for logs and the shared pause row) and,
 * when the remote limits it per conversation, `conversation` = the recipient's id as the outbox knows
 * it (the row's target). Without `conversation` the whole platform waits (a per-workspace limit).
 */
export type ThrottleScope = { method: string; conversation?: string };

export type DeliveryResult =
  | { ok: true; messageId?: string }
  /**
   * Try again later; `retryAfterMs` is the remote's own Retry-After (a throttle), when it gave one, and
   * `throttle` what it applies to (absent: the whole platform).
   */
  | { ok: false; retryable: true; retryAfterMs?: number; throttle?: ThrottleScope; error: string }
  /** Retrying cannot help: recipient gone, bot removed, bad token, malformed message. */
  | { ok: false; retryable: false; error: string };

export interface ChatGateway {
  /** Never throws for remote failures: they come back classified. */
  deliver(message: OutboundMessage): Promise<DeliveryResult>;
}

export type Gateways = Partial<Record<ChatPlatform, ChatGateway>>;

/** Picks the gateway by the recipient's platform; the outbox worker only claims rows it can route. */
export class GatewayRouter implements ChatGateway {
  private readonly byPlatform: Gateways;

  constructor(gateways: Gateways) {
    this.byPlatform = { ...gateways };
  }

  /** The platforms this instance can deliver to. */
  get platforms(): ChatPlatform[] {
    return PlatformSchema.options.filter((p) => this.byPlatform[p] !== undefined);
  }

  async deliver(message: OutboundMessage): Promise<DeliveryResult> {
    const gateway = this.byPlatform[message.recipient.platform];
    if (!gateway)
      return { ok: false, retryable: true, error: `no gateway configured for ${message.recipient.platform}` };
    try {
      return await gateway.deliver(message);
    } catch (error) {
      // A gateway bug or an unclassified failure: retry (bounded by the worker's maxAttempts).
      return { ok: false, retryable: true, error: `gateway threw: ${describeError(error)}` };
    }
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === "string" ? error : JSON.stringify(error);
}
