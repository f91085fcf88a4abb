// Checks made before the database is opened or migrated: each failure names the variable and the fix.
import { constants } from "node:fs";
import { access, mkdir, stat } from "node:fs/promises";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { StartupError } from "./startup-error.ts";

/** DATA_DIR must be a directory this process can write (created if missing). */
export async function checkDataDir(dataDir: string): Promise<void> {
  const dir = resolve(dataDir);
  const found = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return null; // mkdir below says why
    throw new StartupError(
      `DATA_DIR=${dataDir} cannot be read (${error.code}): ${dir}. Fix its permissions.`,
    );
  });
  if (found && !found.isDirectory())
    throw new StartupError(
      `DATA_DIR=${dataDir} is a file, not a directory: ${dir}. Point DATA_DIR at a directory (default ./data).`,
    );
  if (!found) {
    await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new StartupError(
        `DATA_DIR=${dataDir} does not exist and cannot be created (${error.code}): ${dir}. ` +
          "Create it, writable by the user running Ennakko, or point DATA_DIR elsewhere.",
      );
    });
  }
  await access(dir, constants.W_OK | constants.X_OK).catch((error: NodeJS.ErrnoException) => {
    throw new StartupError(
      `DATA_DIR=${dataDir} is not writable by this user (${error.code}): ${dir}. ` +
        "Give the user running Ennakko write access (e.g. chown), or point DATA_DIR elsewhere.",
    );
  });
}

/**
 * Binds the port for a moment and lets it go, before migrations run: "in use" is found in a second,
 * not after a schema change. The real listen maps the same error (someone may take it in between).
 */
export async function checkPortFree(port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((done, fail) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => fail(portError(port, error)));
    probe.listen(port, () => probe.close(() => done()));
  });
}

export function portError(port: number, error: NodeJS.ErrnoException): Error {
  if (error.code === "EADDRINUSE")
    return new StartupError(
      `PORT=${port} is already in use by another program (another Ennakko?). Stop it, or set PORT to a free port.`,
    );
  if (error.code === "EACCES")
    return new StartupError(
      `PORT=${port} needs privileges this user lacks. Use a port above 1023 (default 3978) behind a proxy.`,
    );
  return error;
}
