// What operators and load balancers call: /healthz (liveness: the process serves), /readyz
// (readiness, see readiness.ts) and /metrics (Prometheus text format).
//
// Nothing here is reachable unauthenticated unless an operator opted in: /metrics is not served at
// all without METRICS_TOKEN, and then only to `Authorization: Bearer <METRICS_TOKEN>`. /healthz and
// /readyz are open (probes carry no credentials) and so say no more than which check failed, in fixed
// words: never an error text, a host name or a version. The details go to the log.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Config } from "../config/env.ts";
import { json, type Route } from "./http-server.ts";
import type { Readiness } from "./readiness.ts";

export type OpsRouteOptions = {
  config: Pick<Config, "slack" | "teams" | "metrics">;
  databaseKind: string;
  readiness: () => Promise<Readiness>;
  /** The registry's exposition text and its content type. */
  metrics: { render(): Promise<string>; contentType: string };
};

export function opsRoutes({ config, databaseKind, readiness, metrics }: OpsRouteOptions): Route[] {
  const routes: Route[] = [
    {
      method: "GET",
      path: "/healthz",
      handle: (_req, res) =>
        json(res, 200, {
          status: "ok",
          database: databaseKind,
          slack: config.slack.mode,
          teams: config.teams.mode,
        }),
    },
    {
      method: "GET",
      path: "/readyz",
      async handle(_req, res) {
        const state = await readiness();
        res.setHeader("cache-control", "no-store");
        if (state.ready) json(res, 200, { status: "ready", checks: state.checks });
        else json(res, 503, { status: "not ready", reason: state.reason, checks: state.checks });
      },
    },
  ];
  const token = config.metrics.token;
  if (token)
    routes.push({
      method: "GET",
      path: "/metrics",
      async handle(req, res) {
        if (!bearerMatches(req, token)) {
          res.writeHead(401, { "content-type": "application/json", "www-authenticate": "Bearer" });
          res.end(JSON.stringify({ error: "unauthorized" }));
          return;
        }
        const body = await metrics.render();
        res.writeHead(200, { "content-type": metrics.contentType, "cache-control": "no-store" }).end(body);
      },
    });
  return routes;
}

/** Constant-time comparison (of digests, so the lengths match too). */
function bearerMatches(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(match[1]!), digest(token));
}
