// Slow clients are cut off: headers or a body trickled byte by byte get a 408 and a closed connection.
// The server's timeouts are injected short here; the defaults are checked against the README.
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  createHttpServer,
  HTTP_TIMEOUTS,
  type HttpTimeouts,
  type Route,
} from "../../src/http/http-server.ts";
import { BODY_LIMITS, type BodyLimits, readBody, refuseBody } from "../../src/http/read-body.ts";
import { silentLogger } from "../../src/log/logger.ts";

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** POST /echo reads its body the way the Slack and Teams routes do, and answers its length. */
const echo = (limits?: BodyLimits): Route => ({
  method: "POST",
  path: "/echo",
  async handle(req, res) {
    const body = await readBody(req, limits);
    if (!body.ok) return refuseBody(res, body);
    res.end(String(body.raw.length));
  },
});

async function listen(routes: Route[], timeouts?: Partial<HttpTimeouts>): Promise<number> {
  server = createHttpServer(routes, silentLogger, { timeouts });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/**
 * Sends `head`, then `drip` every 50 ms for as long as the connection is open, and returns everything
 * the server sent once it closed the connection. Only the server can end this.
 */
async function trickle(port: number, head: string, drip: string): Promise<string> {
  const socket = connect(port, "127.0.0.1");
  let received = "";
  socket.on("data", (chunk) => {
    received += chunk;
  });
  socket.on("error", () => undefined); // a write after the server closed: EPIPE
  socket.write(head);
  const timer = setInterval(() => socket.writable && socket.write(drip), 50);
  await once(socket, "close");
  clearInterval(timer);
  return received;
}

const short: Partial<HttpTimeouts> = { headersMs: 400, requestMs: 800, checkIntervalMs: 50 };

describe("HTTP server: slow clients", () => {
  it("cuts off a body trickled one byte at a time with 408", async () => {
    // The body reader's own deadline is left long: the server's request timeout answers first.
    const port = await listen([echo({ maxBytes: 1024 * 1024, timeoutMs: 120_000 })], short);
    const head =
      "POST /echo HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n";
    expect(await trickle(port, head, "a")).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("cuts off headers trickled one byte at a time (slowloris) with 408", async () => {
    const port = await listen([echo()], short);
    expect(await trickle(port, "POST /echo HTTP/1.1\r\nHost: bot\r\nX-Slow: ", "a")).toMatch(
      /^HTTP\/1\.1 408 /,
    );
  });

  it("answers 408 where a body is read, when it is not complete in time", async () => {
    // Node's own request timeout is left long: the body reader's own deadline answers first.
    const port = await listen([echo({ maxBytes: 1024, timeoutMs: 300 })], { checkIntervalMs: 50 });
    const head = "POST /echo HTTP/1.1\r\nHost: bot\r\nContent-Length: 500\r\n\r\n";
    const answer = await trickle(port, head, "a");
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('{"error":"body not received within 300 ms"}');
  });

  it("still serves a request that is not slow", async () => {
    const port = await listen([echo()], short);
    const res = await fetch(`http://127.0.0.1:${port}/echo`, { method: "POST", body: "hello" });
    expect(await res.text()).toBe("5");
  });
});

describe("HTTP server: default timeouts", () => {
  it("are well under a minute for requests, longer than a load balancer's 60 s idle for keep-alive, as the README says", async () => {
    const defaults = createHttpServer([], silentLogger);
    expect({
      headers: defaults.headersTimeout,
      request: defaults.requestTimeout,
      keepAlive: defaults.keepAliveTimeout,
      body: BODY_LIMITS.timeoutMs,
    }).toEqual({ headers: 20_000, request: 30_000, keepAlive: 75_000, body: 20_000 });
    expect(HTTP_TIMEOUTS.keepAliveMs).toBeGreaterThan(60_000);

    const readme = await readFile("README.md", "utf8");
    const section = readme.slice(
      readme.indexOf("## HTTP limits"),
      readme.indexOf("## Running on PostgreSQL"),
    );
    expect(section).toContain(`headers within ${HTTP_TIMEOUTS.headersMs / 1000} s`);
    expect(section).toContain(`whole request within ${HTTP_TIMEOUTS.requestMs / 1000} s`);
    expect(section).toContain(`body within ${BODY_LIMITS.timeoutMs / 1000} s`);
    expect(section).toContain(`open for ${HTTP_TIMEOUTS.keepAliveMs / 1000} s`);
    expect(section).toContain(`${BODY_LIMITS.maxBytes / 1024 / 1024} MB`);
  });
});
