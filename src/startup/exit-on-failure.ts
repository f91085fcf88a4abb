// The one place a start-up failure turns into an exit: a known failure (bad setting, database not
// reachable, port taken, …) is one message naming what to fix, no stack trace; exit code 1.
import { ConfigError } from "../config/env.ts";
import { StartupError } from "./startup-error.ts";

export function exitOnFailure(error: unknown): never {
  if (error instanceof StartupError || error instanceof ConfigError) {
    process.stderr.write(`Ennakko cannot start: ${error.message}\n`);
  } else {
    // Not foreseen: the stack is what a developer needs to find it.
    process.stderr.write(
      `Ennakko failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
}
