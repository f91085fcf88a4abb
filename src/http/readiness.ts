// Readiness: may a load balancer send this instance traffic? The database answers within a timeout,
// every migration this build knows is applied, and the platforms are configured. Liveness (/healthz)
// asks none of this: a database outage must not get every instance restarted.
import type { Config } from "../config/env.ts";
import type { Db } from "../db/open-database.ts";
import type { Logger } from "../log/logger.ts";

export type ReadinessReason =
  | "database unreachable"
  | "database timed out"
  | "migrations pending"
  | "slack not connected"
  | "stopping";

export type Readiness =
  | { ready: true; checks: Record<string, string> }
  | { ready: false; reason: ReadinessReason; checks: Record<string, string> };

export type ReadinessOptions = {
  db: Db;
  /** The migrations this build ships (prisma/migrations folder names). */
  migrations: readonly string[];
  config: Pick<Config, "slack" | "teams">;
  log: Logger;
  /** Slack in Socket Mode: the socket's state (only "connected" is ready). */
  slackConnection?: () => string;
  /** How long the database may take to answer a probe. */
  timeoutMs?: number;
  /** True once the bot has begun to stop: a load balancer should send nothing new here. */
  stopping?: () => boolean;
};

export function createReadiness({
  db,
  migrations,
  config,
  log,
  slackConnection,
  timeoutMs = 2_000,
  stopping = () => false,
}: ReadinessOptions): () => Promise<Readiness> {
  const platformChecks = () => ({
    slack: slackConnection ? `${config.slack.mode} ${slackConnection()}` : config.slack.mode,
    teams: config.teams.mode,
  });
  // Probes of a silent database must not pile up (each would hold a pool connection): while one is
  // waiting, later probes share its answer.
  let inFlight: Promise<Readiness> | null = null;
  let wasReady: boolean | null = null;

  async function probe(): Promise<Readiness> {
    const platforms = platformChecks();
    if (stopping()) return notReady("stopping", { stopping: "yes", ...platforms });
    let applied: Set<string>;
    try {
      const rows = await withTimeout(
        db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT migration_name AS "name" FROM "_prisma_migrations"
            WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        ),
        timeoutMs,
      );
      applied = new Set(rows.map((r) => r.name));
    } catch (error) {
      const reason = error instanceof ProbeTimeout ? "database timed out" : "database unreachable";
      return notReady(reason, { database: reason, ...platforms }, error);
    }
    const missing = migrations.filter((name) => !applied.has(name));
    if (missing.length > 0)
      return notReady(
        "migrations pending",
        { database: "ok", migrations: "pending", ...platforms },
        undefined,
        {
          missing,
        },
      );
    // Socket Mode: without its socket the instance hears nothing from Slack.
    if (slackConnection && slackConnection() !== "connected")
      return notReady("slack not connected", { database: "ok", migrations: "ok", ...platforms });
    if (wasReady === false) log.info("ready again");
    wasReady = true;
    return { ready: true, checks: { database: "ok", migrations: "ok", ...platforms } };
  }

  /** Logged once per change, not per probe: a load balancer probes every few seconds. */
  function notReady(
    reason: ReadinessReason,
    checks: Record<string, string>,
    error?: unknown,
    details: Record<string, unknown> = {},
  ): Readiness {
    if (wasReady !== false) log.warn("not ready", { reason, error, ...details });
    wasReady = false;
    return { ready: false, reason, checks };
  }

  return () => {
    inFlight ??= probe().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}

class ProbeTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  // The losing query may still fail later: nobody waits for it, so it must not be "unhandled".
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
