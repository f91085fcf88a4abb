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

export function createHttpServer(routes: Route[], log: Logger): Server {
  return createServer((req, res) => {
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
