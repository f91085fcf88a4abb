import type { Db } from "../../db/open-database.ts";
import type { Composer } from "./ports/composer.ts";

/** Injected so tests can travel in time; production uses the system clock. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export type AppContext = { db: Db; clock: Clock; compose: Composer };
