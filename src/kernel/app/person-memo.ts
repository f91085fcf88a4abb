// One interaction asks "who is this?" several times: the dispatcher for the answer's language, then
// each use case the handler calls. Resolving a person is several queries (and sometimes writes: a
// refreshed name, a merge by e-mail), so within one interaction it happens once and is remembered.
// The memo lives on a per-interaction copy of the context and dies with it: the next click resolves
// afresh. Tests and jobs that call use cases with a plain context get no memo and resolve each time.
import type { Person } from "../../generated/prisma/client.ts";
import type { PlatformUser } from "../domain/platform-user.ts";
import type { AppContext } from "./context.ts";

/**
 * A copy of the context for one interaction, with empty memos of the people and clusters it resolves
 * (cluster-memo.ts), and an
 * empty record of the facts its use cases learn, for the interaction's log line).
 */
export function forInteraction(ctx: AppContext): AppContext {
  return { ...ctx, people: new Map(), clusters: new Map(), interaction: {} };
}

const keyOf = (user: PlatformUser) => `${user.platform}\u0000${user.tenant}\u0000${user.userId}`;

/** The remembered resolution of `user`, or `resolve()`'s (remembered unless it fails). */
export function memoisedPerson(
  ctx: AppContext,
  user: PlatformUser,
  resolve: () => Promise<Person>,
): Promise<Person> {
  const memo = ctx.people;
  if (!memo) return resolve();
  const key = keyOf(user);
  const known = memo.get(key);
  if (known) return known;
  const pending = resolve();
  memo.set(key, pending);
  pending.catch(() => memo.delete(key));
  return pending;
}

/**
 * A use case that changes the person's own row (language, stakeholder type, a merge of two accounts)
 * drops the remembered copy, so a later step of the same interaction reads the row as it is now.
 */
export function forgetPerson(ctx: AppContext, user: PlatformUser): void {
  ctx.people?.delete(keyOf(user));
}
