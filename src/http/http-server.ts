// One HTTP server for everything: health, Slack (HTTP mode) and Teams.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../log/logger.ts";

export type Route = {
  method: "GET" | "POST";
  /** An exact path, or with `prefix` every path under it. */
  path?: string;
  prefix?: string;
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
};

/**
 * Slow clients are cut off well under a minute (Node answers 408 and closes), while an idle keep-alive
 * socket outlives a load balancer's own idle timeout (60 s on AWS ALB and nginx), so the balancer
 * never reuses a socket the bot has just closed (a 502 for someone's click). Node requires
 * headersMs <= requestMs; since Node 18 a request's clock starts at its first byte, so keepAliveMs
 * may be longer than both.
 */
export type HttpTimeouts = {
  /** The whole header block of a request. */
  headersMs: number;
  /** The whole request, headers and body. */
  requestMs: number;
  /** An idle socket between two requests. */
  keepAliveMs: number;
  /** How often Node checks the first two (its default, 30 s, would let a request live 60 s). */
  checkIntervalMs: number;
};

export const HTTP_TIMEOUTS: HttpTimeouts = {
  headersMs: 20_000,
  requestMs: 30_000,
  keepAliveMs: 75_000,
  checkIntervalMs: 1_000,
};

export function createHttpServer(
  routes: Route[],
  log: Logger,
  options: { timeouts?: Partial<HttpTimeouts> } = {},
): Server {
  const timeouts = { ...HTTP_TIMEOUTS, ...options.timeouts };
  const serverOptions = {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionsCheckingInterval: timeouts.checkIntervalMs,
  };
  return createServer(serverOptions, (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const matches = (r: Route) => r.path === path || (r.prefix !== undefined && path.startsWith(r.prefix));
    const route = routes.find((r) => matches(r) && r.method === req.method);
    if (!route) {
      const known = routes.some(matches);
      res
        .writeHead(known ? 405 : 404, { "content-type": "application/json" })
        .end(JSON.stringify({ error: known ? "method not allowed" : "not found" }));
      return;
    }
    Promise.resolve(route.handle(req, res)).catch((error: unknown) => {
      log.error("http handler failed", { error, path });
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      if (!res.writableEnded) res.end(JSON.stringify({ error: "internal error" }));
    });
  });
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
