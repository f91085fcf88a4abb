// Expected outcomes are data; unexpected ones are thrown. Platform error sinks turn both into a
// message the user understands, in their language.

export type Ok<T> = { ok: true; value: T };
export type Fail<R extends string = FailureReason> = {
  ok: false;
  reason: R;
  details?: Record<string, string | number>;
};
export type Result<T, R extends string = FailureReason> = Ok<T> | Fail<R>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const fail = <R extends string>(reason: R, details?: Record<string, string | number>): Fail<R> =>
  details ? { ok: false, reason, details } : { ok: false, reason };

/**
 * Failure reasons with their owner: the kernel or one feature. The owner makes a reason declared by two
 * features a compile error ("cannot simultaneously extend").
 */
export type ReasonsOf<Owner extends string, Reasons extends readonly string[]> = {
  readonly [R in Reasons[number]]: Owner;
};

/** The kernel's expected refusals (identity, channel and membership checks every feature shares). */
export const KERNEL_FAILURES = [
  "INVALID_INPUT",
  "NEEDS_CHANNEL",
  "CHANNEL_NOT_BOUND",
  "NOT_A_MEMBER",
  "FORBIDDEN",
  "UNKNOWN_USER",
  "NOT_A_FORUM_MEMBER",
] as const;

/**
 * Every expected refusal a use case can give; each has an `error.<REASON>` message in every language.
 * The kernel's are here; each feature adds its own from `src/features/<f>/domain/failures.ts` by
 * declaration merging, and hands the same list to the registry as its module's `failures`.
 */
export interface FailureReasons extends ReasonsOf<"kernel", typeof KERNEL_FAILURES> {}

export type FailureReason = keyof FailureReasons & string;

/** Something that should not happen; logged with context and shown as a generic apology. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly context: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}
