// Teams activities carry no e-mail address; the connector's member record does (TeamsInfo.getMember:
// the address of the tenant's directory, which the tenant verifies). With it, a person who uses both
// Slack and Teams becomes one Person (src/kernel/app/link-by-email.ts). Looked up once per person per
// hour, like SlackProfiles; a failure only means this turn goes on without the address.
import { TeamsInfo, type TurnContext } from "botbuilder";
import type { Dispatcher } from "../../kernel/surface/dispatch.ts";
import type { Envelope } from "../../kernel/surface/intent.ts";
import type { Logger } from "../../log/logger.ts";

export type TeamsProfile = { email?: string };

const TTL_MS = 60 * 60 * 1000;
// The person is waiting for an answer (Teams gives an invoke a few seconds): a connector that is slow
// or retrying a 5xx costs at most this, and the turn goes on without the address.
const LOOKUP_TIMEOUT_MS = 2000;
const MAX_ENTRIES = 5000;

export class TeamsProfiles {
  // Promises, not values: a person's first few clicks arriving together share one lookup.
  private readonly cache = new Map<string, { profile: Promise<TeamsProfile>; at: number }>();

  constructor(private readonly log: Logger) {}

  async get(context: TurnContext): Promise<TeamsProfile> {
    const { from, conversation } = context.activity;
    if (!from?.id || from.role === "bot") return {};
    const key = `${conversation?.tenantId ?? ""}|${from.id}`;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.profile;
    const profile = this.lookUp(context, from.id);
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { profile, at: Date.now() });
    return profile;
  }

  private async lookUp(context: TurnContext, userId: string): Promise<TeamsProfile> {
    try {
      const member = await withinLookupTime(TeamsInfo.getMember(context, userId));
      const email = mailboxOf(member.email) ?? mailboxOf(member.userPrincipalName);
      return email ? { email } : {};
    } catch (error) {
      // Not in the roster yet, no permission, a hiccup: the person is served without the address.
      this.log.warn("teams getMember failed", { userId, error });
      return {};
    }
  }
}

/**
 * An address someone can receive mail at. A user principal name usually is one; a guest's
 * (`name_home.example#EXT#@tenant.onmicrosoft.com`) is not, and must not link anyone.
 */
function mailboxOf(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed && /^[^\s@#]+@[^\s@#]+\.[^\s@#]+$/.test(trimmed) ? trimmed : undefined;
}

/** The dispatcher, with the looked-up address added to every envelope's actor. */
export function withActorEmail(dispatch: Dispatcher, email: string | undefined): Dispatcher {
  if (!email) return dispatch;
  return (raw) => {
    const envelope = raw as Partial<Envelope>;
    return dispatch(envelope.actor ? { ...envelope, actor: { ...envelope.actor, email } } : raw);
  };
}

function withinLookupTime<T>(lookup: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no member record within ${LOOKUP_TIMEOUT_MS} ms`)),
      LOOKUP_TIMEOUT_MS,
    );
    timer.unref();
  });
  return Promise.race([lookup, timeout]).finally(() => clearTimeout(timer));
}
