import { existsSync } from "node:fs";

/** `.env` in the working directory, if present, fills variables not already set in the shell. */
export function loadDotEnv(path = ".env"): boolean {
  if (!existsSync(path)) return false;
  process.loadEnvFile(path);
  return true;
}
