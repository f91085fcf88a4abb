import type { Db } from "../../db/open-database.ts";
import type { Cluster, Person } from "../../generated/prisma/client.ts";
import type { Composer } from "./ports/composer.ts";

/** Injected so tests can travel in time; production uses the system clock. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export type AppContext = {
  db: Db;
  clock: Clock;
  compose: Composer;
  /**
   * The server secret (never in the database) from which each member's key to their own sealed
   * anonymous answers is derived (anonymity-key.ts). Absent: a random key for this process.
   */
  anonymityKey?: Buffer;
  /**
   * Present for the length of one interaction (the dispatcher adds it, see person-memo.ts): the
   * person behind each platform user is resolved once, however many steps ask who is asking.
   */
  people?: PersonMemo;
  /**
   * Present for the length of one interaction (cluster-memo.ts): the cluster bound to each
   * conversation is looked up once, until a write use case ends.
   */
  clusters?: ClusterMemo;
  /**
   * Present for the length of one interaction: what the use cases learnt about it that the
   * dispatcher's log line and metrics want (the cluster it acted in), never personal data.
   */
  interaction?: InteractionFacts;
  /**
   * Hears of one item of a background job that failed (eachJobItem): the bot logs it and counts it in
   * metrics; the job goes on with the other items. Absent: the failure is only returned in the counts.
   */
  onJobItemFailure?: JobItemObserver;
  /**
   * Asks the outbox to deliver now rather than on its next tick (a queued poll redraw): the bot sets it
   * when its jobs run by themselves; a tick already running picks the new rows up. Absent: the next tick.
   */
  wakeOutbox?: () => void;
};

export type JobItemFailure = { job: string; item: Readonly<Record<string, string>>; error: unknown };
export type JobItemObserver = (failure: JobItemFailure) => void;

export type InteractionFacts = { clusterId?: string };

/** Platform user key → the person resolved for it in this interaction. */
export type PersonMemo = Map<string, Promise<Person>>;

/** Platform + channel id → the cluster bound to it, as looked up in this interaction. */
export type ClusterMemo = Map<string, Promise<Cluster | null>>;
