// JSON-lines logs on stderr: one object per line, easy to grep and to ship. Every string is masked
// on its way out (src/log/redact.ts): e-mail addresses, tokens, download links and link codes never
// reach a log line, at any level, whoever logged them (our code, Bolt, an error's message).
import { redactText, redactValue } from "./redact.ts";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type Logger = {
  debug(msg: string, context?: Record<string, unknown>): void;
  info(msg: string, context?: Record<string, unknown>): void;
  warn(msg: string, context?: Record<string, unknown>): void;
  error(msg: string, context?: Record<string, unknown>): void;
};

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const log =
    (at: LogLevel) =>
    (msg: string, context: Record<string, unknown> = {}) => {
      if (ORDER[at] < ORDER[level]) return;
      write(
        JSON.stringify({
          time: new Date().toISOString(),
          level: at,
          msg: redactText(msg),
          ...serialise(context),
        }),
      );
    };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

function serialise(context: Record<string, unknown>): Record<string, unknown> {
  const safe = redactValue(context);
  return safe && typeof safe === "object" && !Array.isArray(safe) ? (safe as Record<string, unknown>) : {};
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
