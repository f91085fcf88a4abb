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

/** Every expected refusal a use case can give; each has a message in every language. */
export const FAILURE_REASONS = [
  "INVALID_INPUT",
  "NEEDS_CHANNEL",
  "CHANNEL_NOT_BOUND",
  "CHANNEL_ALREADY_BOUND",
  "NOT_A_MEMBER",
  "ALREADY_MEMBER",
  "FORBIDDEN",
  "UNKNOWN_USER",
  "LAST_CHAIR",
  "INVALID_PLAN",
  "MEETING_NOT_FOUND",
  "POLL_CLOSED",
  "MEASURE_NOT_FOUND",
  "MEASURE_CLOSED",
  // Agenda and meeting record
  "NO_UPCOMING_MEETING",
  "AGENDA_CLOSED",
  "AGENDA_ITEM_NOT_FOUND",
  "NO_MEETING_TO_RECORD",
  "MEETING_NOT_RECORDABLE",
  // Pulses
  "PULSE_NOT_FOUND",
  "PULSE_NOT_OPEN",
  "PULSE_CLOSED",
  "NOT_IN_AUDIENCE",
  "PULSE_ALREADY_SUBMITTED",
  "RESPONSE_NOT_FOUND",
  "INVALID_ANSWER",
  "UNKNOWN_QUESTION",
  "NO_PREVIOUS_PULSE",
  "PULSE_NEEDS_SKILLS",
  "RESULTS_NOT_AVAILABLE",
  // Files for one person (download links need the bot's public URL)
  "PUBLIC_URL_MISSING",
  // Minutes
  "NO_HELD_MEETING",
  "MINUTES_MEETING_NOT_FOUND",
  "MINUTES_NOT_APPROVED",
  "MINUTES_ALREADY_APPROVED",
  // The chairs' forum
  "NOT_IN_FORUM",
  "NOT_A_FORUM_MEMBER",
  "FORUM_EXISTS",
  // Data rights: erasure is done by another chair or coordinator
  "ERASE_SELF",
  // Cycle rhythm: term windows
  "CYCLE_WINDOW_EMPTY",
  "CYCLE_WINDOWS_OVERLAP",
  // One cluster across Slack and Teams: link codes for channels and for a person's accounts
  "NEEDS_PERSONAL_CHAT",
  "LINK_CODE_INVALID",
  "LINK_CODE_EXPIRED",
  "LINK_CODE_USED",
  "CLUSTER_ALREADY_BRIDGED",
  "CLUSTER_PLATFORM_TAKEN",
  "LINK_SAME_PLATFORM",
  "ALREADY_LINKED",
  "NOT_BRIDGED",
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

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
