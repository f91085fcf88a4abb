// PostgreSQL goes away and comes back (and, worse, accepts connections but never answers): /readyz
// follows it, within its timeout, while /healthz stays 200. A TCP proxy between the bot and the test
// server plays the network; only with TEST_DATABASE=postgres (npm run test:postgres, CI).

import type { AddressInfo } from "node:net";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/open-database.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { eventually } from "../support/eventually.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

type Mode = "open" | "down" | "silent";

/** Forwards to `target` while open; down: cuts every connection and refuses new ones; silent: swallows. */
async function tcpProxy(target: { host: string; port: number }) {
  let mode: Mode = "open";
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => undefined);
    if (mode === "down") return client.destroy();
    if (mode === "silent") return; // accepted, never answered
    const upstream = createConnection(target);
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const cutAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    port: (server.address() as AddressInfo).port,
    set(next: Mode) {
      mode = next;
      if (next !== "open") cutAll();
    },
    async close() {
      cutAll();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe.skipIf(process.env.TEST_DATABASE !== "postgres")("/readyz on PostgreSQL", () => {
  let direct: TestDatabase;
  let proxy: Awaited<ReturnType<typeof tcpProxy>>;
  let bot: TestBot;

  beforeAll(async () => {
    direct = await createTestDatabase();
    const url = new URL(direct.url!);
    proxy = await tcpProxy({ host: url.hostname, port: Number(url.port) });
    url.hostname = "127.0.0.1";
    url.port = String(proxy.port);
    const viaProxy = await openDatabase({ kind: "postgres", url: url.toString() });
    bot = await startTestBot({}, { ...viaProxy });
  });
  afterAll(async () => {
    proxy?.set("open");
    await bot?.stop();
    await bot?.db.close();
    await proxy?.close();
    await direct?.close();
  });

  const get = async (path: string) => {
    const res = await fetch(`${bot.baseUrl}${path}`);
    return { status: res.status, body: await res.json() };
  };
  const readyzUntil = (status: number) =>
    eventually(async () => {
      const answer = await get("/readyz");
      return answer.status === status ? answer : null;
    });

  it("is not ready while PostgreSQL is gone, and ready again once it is back", async () => {
    expect((await get("/readyz")).status).toBe(200);
    proxy.set("down");
    expect((await readyzUntil(503)).body).toMatchObject({
      status: "not ready",
      reason: "database unreachable",
    });
    expect((await get("/healthz")).status).toBe(200);
    proxy.set("open");
    expect((await readyzUntil(200)).body).toMatchObject({ status: "ready" });
  });

  it("is not ready, within its timeout, when PostgreSQL accepts connections but never answers", async () => {
    proxy.set("silent");
    const { body } = await readyzUntil(503);
    expect(body).toMatchObject({ status: "not ready", reason: expect.stringMatching(/^database /) });
    expect((await get("/healthz")).status).toBe(200);
    proxy.set("open");
    await readyzUntil(200);
  });
});
