// Start-up failures an operator can fix: each one exits non-zero at once with one message naming the
// variable or resource and the fix, without a stack trace, and before the database is touched.
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ignoredSettings } from "../../src/config/env.ts";
import { FakeSlackApi } from "../fakes/slack-api.ts";
import { killAll, STACK_LINE, spawnBot } from "./spawn-bot.ts";

let root: string;
const servers: Server[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "ennakko-failfast-"));
});
afterEach(async () => {
  await killAll();
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function listen(onConnection: (socket: Socket) => void = () => {}): Promise<number> {
  const server = createServer((socket) => {
    sockets.push(socket);
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return (server.address() as { port: number }).port;
}

async function failsWith(env: Record<string, string>, message: RegExp): Promise<string> {
  const bot = spawnBot(env);
  const code = await bot.exited;
  const stderr = bot.stderr();
  expect(code, stderr).toBe(1);
  expect(stderr).toMatch(message);
  expect(stderr).not.toMatch(STACK_LINE);
  expect(stderr).not.toContain("Ennakko is running");
  return stderr;
}

// Each test spawns a process: a loaded CI machine may need more than the 30-s default.
describe("start-up fails fast and says why", { timeout: 90_000 }, () => {
  it("port in use: found before the database is created or migrated", async () => {
    const port = await listen();
    const dataDir = join(root, "port", "data");
    await failsWith({ PORT: String(port), DATA_DIR: dataDir }, new RegExp(`PORT=${port} is already in use`));
    expect(existsSync(join(dataDir, "pglite"))).toBe(false);
  });

  it("DATA_DIR is a file", async () => {
    const file = join(root, "a-file");
    await writeFile(file, "not a directory");
    await failsWith({ PORT: "0", DATA_DIR: file }, /DATA_DIR=.*a-file is a file, not a directory/);
  });

  it("DATA_DIR cannot be created (its parent is a file)", async () => {
    const file = join(root, "parent-file");
    await writeFile(file, "x");
    await failsWith({ PORT: "0", DATA_DIR: join(file, "data") }, /DATA_DIR=.* cannot be created \(ENOTDIR\)/);
  });

  it("a database that accepts TCP but never answers: gives up after DATABASE_CONNECT_TIMEOUT", async () => {
    const port = await listen(); // accepts, never speaks
    await failsWith(
      {
        PORT: "0",
        DATABASE_URL: `postgresql://ennakko@127.0.0.1:${port}/ennakko`,
        DATABASE_CONNECT_TIMEOUT: "1",
      },
      new RegExp(`DATABASE_URL: 127.0.0.1:${port} accepted the connection but did not answer within 1 s`),
    );
  });

  it("a database nobody listens on", async () => {
    const port = await listen();
    await new Promise((done) => servers.pop()?.close(done));
    await failsWith(
      { PORT: "0", DATABASE_URL: `postgresql://ennakko@127.0.0.1:${port}/ennakko` },
      /DATABASE_URL: nothing accepts connections at 127\.0\.0\.1:\d+ \(connection refused\)/,
    );
  });

  it("a database that does not exist (the server answers 3D000, as PostgreSQL does)", async () => {
    const port = await listen((socket) => {
      socket.once("data", () => {
        // ErrorResponse: severity, SQLSTATE 3D000, message; then the server closes.
        const fields = ["SFATAL", "VFATAL", "C3D000", 'Mdatabase "nowhere" does not exist'];
        const body = Buffer.concat([...fields.map((f) => Buffer.from(`${f}\0`)), Buffer.from([0])]);
        const head = Buffer.alloc(5);
        head.write("E", 0);
        head.writeInt32BE(body.length + 4, 1);
        socket.end(Buffer.concat([head, body]));
      });
    });
    await failsWith(
      { PORT: "0", DATABASE_URL: `postgresql://ennakko@127.0.0.1:${port}/nowhere` },
      /DATABASE_URL: the database "nowhere" does not exist .*createdb nowhere/,
    );
  });

  it("a revoked Slack token: refused before the database is opened, nothing printed as running", async () => {
    const slackApi = await new FakeSlackApi().start();
    try {
      slackApi.failNext("auth.test", 200, { error: "token_revoked" });
      const dataDir = join(root, "slack", "data");
      await failsWith(
        {
          PORT: "0",
          DATA_DIR: dataDir,
          SLACK_BOT_TOKEN: "xoxb-revoked",
          SLACK_SIGNING_SECRET: "secret",
          SLACK_API_URL: `${slackApi.url}/api/`,
        },
        /SLACK_BOT_TOKEN was refused by Slack \(token_revoked\)/,
      );
      expect(existsSync(join(dataDir, "pglite"))).toBe(false);
    } finally {
      await slackApi.stop();
    }
  });

  it("an invalid setting names the variable", async () => {
    await failsWith({ PORT: "http" }, /PORT must be a whole number/);
  });
});

describe("ignored settings", () => {
  it("reports a signing secret without a bot token, and Teams settings without an app id", () => {
    expect(ignoredSettings({ SLACK_SIGNING_SECRET: "s", MICROSOFT_APP_TENANT_ID: "t" })).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET is set but ignored: Slack is off without SLACK_BOT_TOKEN/),
      expect.stringMatching(/^MICROSOFT_APP_TENANT_ID is set but ignored/),
    ]);
  });

  it("says nothing for a complete configuration or .env.example's defaults", () => {
    expect(
      ignoredSettings({
        SLACK_BOT_TOKEN: "xoxb-1",
        SLACK_SIGNING_SECRET: "s",
        MICROSOFT_APP_TYPE: "MultiTenant",
      }),
    ).toEqual([]);
  });
});
