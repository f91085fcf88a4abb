// The one shape of a use case: validate the input, resolve the person (once per interaction), authorize
// the declared capability, run the body in ONE transaction that commits only on `ok` (any `Fail` rolls
// back what the body wrote before deciding to refuse), and write its audit entries in that transaction.
// The result keeps the public signature `(ctx, raw) => Promise<Result<T>>` and carries its metadata
// (name, access), so a test can list every use case with what it requires.
import type { z } from "zod";
import type { Cluster, Membership, Person } from "../../generated/prisma/client.ts";
import type { Conversation, PlatformUser } from "../domain/platform-user.ts";
import type { Fail, Result } from "../domain/result.ts";
import type { Capability } from "../domain/roles.ts";
import { type AuditRecord, audit } from "./audit.ts";
import { authorize } from "./authorize.ts";
import { forgetClusters, memoisedCluster } from "./cluster-memo.ts";
import type { AppContext } from "./context.ts";
import { authorizeForum, type Forum } from "./forum-membership.ts";
import { ensurePerson } from "./identity.ts";
import { parseInput } from "./parse-input.ts";
import { isUniqueViolation, type Tx } from "./tx.ts";

/**
 * What a use case requires of the person:
 * - a Capability: the wrapper authorizes it in the cluster bound to the conversation;
 * - "forum": the wrapper checks the person belongs to the chairs' forum of the conversation;
 * - "anyone": no role (joining, setting up, one's own language or data, a link code that is its own proof);
 * - "in-body: …": the body decides against a cluster it finds itself (e.g. a measure's own cluster when
 *   the click comes from a personal chat); the text says what it checks.
 */
export type Access = Capability | "forum" | "anyone" | `in-body: ${string}`;

export type UseCaseMeta = {
  name: string;
  access: Access;
  /** "read": no transaction, the body reads through the client itself. */
  mode: "write" | "read";
};

export type UseCase<I, T> = ((ctx: AppContext, raw: I) => Promise<Result<T>>) & {
  readonly useCase: UseCaseMeta;
};

export function useCaseMeta(value: unknown): UseCaseMeta | undefined {
  return typeof value === "function" && "useCase" in value
    ? (value as UseCase<unknown, unknown>).useCase
    : undefined;
}

type ActorInput = { actor: PlatformUser };
type ChannelInput = ActorInput & { conversation: Conversation };

type Options<S extends z.ZodType, T> = {
  name: string;
  input: S;
  /** Reads only: no transaction (the body's `tx` is the client), so nothing to roll back. */
  readOnly?: true;
  /**
   * Cheap refusals that need no person, answered before the person is resolved and outside any
   * transaction (e.g. "this channel is already bound", "that needs a personal chat").
   */
  guard?: (ctx: AppContext, input: z.infer<S>) => Promise<Fail | null> | Fail | null;
  /**
   * A race lost to a unique key (two setups of one channel): the transaction rolled back; say why.
   * Without it, the violation is thrown like any unexpected error.
   */
  onUniqueViolation?: (ctx: AppContext, input: z.infer<S>) => Promise<Result<NoInfer<T>>>;
  /**
   * Run the transaction once more after a unique violation (a concurrent writer took the same new
   * version number: the second run sees it and updates it instead).
   */
  retryOnUniqueViolation?: true;
  /** The transaction's timeout in ms, for the few that read a whole workspace. */
  timeout?: number;
  /** Work that must not run inside the transaction (e.g. a VACUUM), after an `ok` has committed. */
  afterCommit?: (ctx: AppContext, value: NoInfer<T>) => Promise<void>;
};

/** An audit entry of this use case; the actor (and in a cluster, the cluster) is filled in. */
type AuditEntry = Omit<AuditRecord, "actorId" | "clusterId"> & Partial<Pick<AuditRecord, "actorId">>;

type PersonRun<I> = {
  ctx: AppContext;
  /** The transaction (or, read-only, the client). */
  tx: Tx;
  input: I;
  person: Person;
  /** No cluster is implied: the entry names its own (or null). */
  audit: (entry: AuditEntry & Pick<AuditRecord, "clusterId">) => Promise<void>;
};
type ClusterRun<I> = Omit<PersonRun<I>, "audit"> & {
  cluster: Cluster;
  membership: Membership;
  audit: (entry: AuditEntry & Partial<Pick<AuditRecord, "clusterId">>) => Promise<void>;
};
type ForumRun<I> = PersonRun<I> & { forum: Forum };

/** A use case in a cluster's channel: the person must hold `capability` in the channel's cluster. */
export function clusterUseCase<S extends z.ZodType<ChannelInput>, T>(
  options: Options<S, T> & { capability: Capability },
  body: (run: ClusterRun<z.infer<S>>) => Promise<Result<T>>,
): UseCase<z.input<S>, T> {
  return define(options, options.capability, async (ctx, tx, input, person) => {
    const auth = await authorize(tx, input.conversation, person.id, options.capability, (db, conversation) =>
      memoisedCluster(ctx, db, conversation),
    );
    if (!auth.ok) return auth;
    const { cluster, membership } = auth.value;
    // The interaction's log line and metrics name the cluster it acted in (the first, if several).
    if (ctx.interaction) ctx.interaction.clusterId ??= cluster.id;
    const write = (entry: AuditEntry & Partial<Pick<AuditRecord, "clusterId">>) =>
      audit(tx, { clusterId: cluster.id, actorId: person.id, ...entry });
    return body({ ctx, tx, input, person, cluster, membership, audit: write });
  });
}

/** A use case in the chairs' forum channel: the person must be one of the forum's members. */
export function forumUseCase<S extends z.ZodType<ChannelInput>, T>(
  options: Options<S, T>,
  body: (run: ForumRun<z.infer<S>>) => Promise<Result<T>>,
): UseCase<z.input<S>, T> {
  return define(options, "forum", async (ctx, tx, input, person) => {
    const auth = await authorizeForum(tx, input.conversation, person.id);
    if (!auth.ok) return auth;
    return body({ ctx, tx, input, person, forum: auth.value, audit: auditAs(tx, person) });
  });
}

/**
 * A use case with no cluster to authorize against up front: anyone may (`access: "anyone"`), or the
 * body checks against a cluster it finds itself (`access: "in-body: …"`).
 */
export function personUseCase<S extends z.ZodType<ActorInput>, T>(
  options: Options<S, T> & { access: "anyone" | `in-body: ${string}` },
  body: (run: PersonRun<z.infer<S>>) => Promise<Result<T>>,
): UseCase<z.input<S>, T> {
  return define(options, options.access, (ctx, tx, input, person) =>
    body({ ctx, tx, input, person, audit: auditAs(tx, person) }),
  );
}

const auditAs = (tx: Tx, person: Person) => (entry: AuditEntry & Pick<AuditRecord, "clusterId">) =>
  audit(tx, { actorId: person.id, ...entry });

/** Carries a `Fail` out of `$transaction`: throwing is what makes Prisma roll back. */
class RolledBack extends Error {
  constructor(readonly failure: Fail) {
    super(`use case refused: ${failure.reason}`);
  }
}

/**
 * For a helper deep inside a use case's body that must refuse and undo what was written so far:
 * the wrapper rolls the transaction back and answers `failure`. (Returning a Fail does the same.)
 */
export function rollBack(failure: Fail): never {
  throw new RolledBack(failure);
}

function define<S extends z.ZodType<ActorInput>, T>(
  options: Options<S, T>,
  access: Access,
  run: (ctx: AppContext, tx: Tx, input: z.infer<S>, person: Person) => Promise<Result<T>>,
): UseCase<z.input<S>, T> {
  const execute = async (ctx: AppContext, raw: z.input<S>): Promise<Result<T>> => {
    const parsed = parseInput(options.input, raw);
    if (!parsed.ok) return parsed;
    const input = parsed.value;
    const refused = options.guard ? await options.guard(ctx, input) : null;
    if (refused) return refused;
    const person = await ensurePerson(ctx, input.actor);
    if (options.readOnly)
      try {
        return await run(ctx, ctx.db, input, person);
      } catch (error) {
        if (error instanceof RolledBack) return error.failure;
        throw error;
      }
    const transaction = () =>
      ctx.db.$transaction(
        async (tx) => {
          const result = await run(ctx, tx, input, person);
          if (!result.ok) throw new RolledBack(result);
          return result;
        },
        options.timeout ? { timeout: options.timeout } : undefined,
      );
    let committed: Result<T>;
    try {
      try {
        committed = await transaction();
      } catch (error) {
        if (!(options.retryOnUniqueViolation && isUniqueViolation(error))) throw error;
        committed = await transaction();
      }
    } catch (error) {
      forgetClusters(ctx);
      if (error instanceof RolledBack) return error.failure;
      if (options.onUniqueViolation && isUniqueViolation(error)) return options.onUniqueViolation(ctx, input);
      throw error;
    }
    // The body may have changed the cluster or the channel's binding: later steps look it up afresh.
    forgetClusters(ctx);
    if (committed.ok && options.afterCommit) await options.afterCommit(ctx, committed.value);
    return committed;
  };
  Object.defineProperty(execute, "name", { value: options.name });
  const meta: UseCaseMeta = { name: options.name, access, mode: options.readOnly ? "read" : "write" };
  return Object.assign(execute, { useCase: meta });
}
