// Structured logs through pino: one JSON object per line on stdout, and nothing else there (the
// human start-up guide and start-up failures go to stderr), so a log shipper can parse every stdout
// line. Every string is masked on its way out (src/log/redact.ts): e-mail addresses, tokens, download
// links and link codes never reach a log line, at any level, whoever logged them (our code, Bolt, an
// error's message). Errors keep their cause chain.
//
// Logging must never be the thing that fails: a context that cannot be serialised (a getter that
// throws, a hostile proxy) still gives a line, with what could be written.
import pino from "pino";
import { redactText, redactValue } from "./redact.ts";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type Logger = {
  debug(msg: string, context?: Record<string, unknown>): void;
  info(msg: string, context?: Record<string, unknown>): void;
  warn(msg: string, context?: Record<string, unknown>): void;
  error(msg: string, context?: Record<string, unknown>): void;
};

/**
 * `write` receives each line without its newline (tests collect lines); by default lines go to
 * stdout synchronously, so that nothing is lost when the process exits right after logging.
 */
export function createLogger(level: LogLevel, write?: (line: string) => void): Logger {
  const destination = write
    ? { write: (chunk: string) => write(chunk.endsWith("\n") ? chunk.slice(0, -1) : chunk) }
    : pino.destination({ dest: 1, sync: true });
  const base = pino(
    {
      level,
      // No pid/hostname on every line: the instance is named where it matters (job and outbox logs).
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  const log =
    (at: LogLevel) =>
    (msg: string, context?: Record<string, unknown>): void => {
      if (!base.isLevelEnabled(at)) return;
      try {
        // Fields arrive at pino already plain and masked (redactValue): errors reduced to name,
        // message, code, stack and cause, never their other properties (an HTTP client's error
        // carries the request, headers included).
        base[at](serialise(context), redactText(String(msg)));
      } catch (failure) {
        // Last resort: the message alone, and why the context was left out.
        try {
          base[at]({ logFailure: redactText(String(failure)) }, redactText(String(msg)));
        } catch {
          // Nothing more can be done without risking the caller.
        }
      }
    };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

function serialise(context: Record<string, unknown> | undefined): Record<string, unknown> {
  if (context === undefined) return {};
  const safe = redactValue(context);
  return safe && typeof safe === "object" && !Array.isArray(safe) ? (safe as Record<string, unknown>) : {};
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
