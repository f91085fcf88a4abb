import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../log/logger.ts";

/** Bolt logs through ours, so every line is JSON and LOG_LEVEL applies. */
export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const join = (msg: unknown[]) =>
    msg
      .map((m) => (typeof m === "string" ? m : m instanceof Error ? m.message : JSON.stringify(m)))
      .join(" ");
  return {
    debug: (...msg) => log.debug(join(msg), { source: "bolt" }),
    info: (...msg) => log.info(join(msg), { source: "bolt" }),
    warn: (...msg) => log.warn(join(msg), { source: "bolt" }),
    error: (...msg) => log.error(join(msg), { source: "bolt" }),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
