// Slack in Socket Mode: the instance hears Slack only through its socket, so /readyz is ready only
// while it is connected; not ready when Slack's socket goes away, ready again once the bot has
// reconnected. A local fake of Slack's Socket Mode endpoint and Web API.
import { afterAll, beforeAll, expect, it } from "vitest";
import { FakeSlackApi } from "../fakes/slack-api.ts";
import { FakeSlackSocket } from "../fakes/slack-socket.ts";
import { eventually } from "../support/eventually.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

let slack: FakeSlackApi;
const sockets: FakeSlackSocket[] = [];
let bot: TestBot;

beforeAll(async () => {
  slack = await new FakeSlackApi().start();
  const socket = await new FakeSlackSocket().start();
  sockets.push(socket);
  slack.socketUrl = socket.url;
  bot = await startTestBot({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_APP_TOKEN: "xapp-test-token",
    SLACK_API_URL: slack.apiUrl,
  });
  await socket.waitForConnection();
});
afterAll(async () => {
  await bot?.stop();
  for (const socket of sockets) await socket.stop();
  await slack?.stop();
});

const readyzUntil = (status: number) =>
  eventually(async () => {
    const res = await fetch(`${bot.baseUrl}/readyz`);
    const body = await res.json();
    return res.status === status ? { status, body } : null;
  });

it("is ready while the socket is connected, not ready while it is gone, ready again after", async () => {
  expect((await readyzUntil(200)).body).toMatchObject({ checks: { slack: "socket connected" } });
  // Slack's end drops the connection; the next one the bot asks for is at a new address (and this
  // test's reconnect is not held up by the fake's Tier 1 limit on apps.connections.open).
  slack.setRateLimit("apps.connections.open", { perMinute: 600, burst: 10 });
  const next = await new FakeSlackSocket().start();
  sockets.push(next);
  slack.socketUrl = next.url;
  sockets[0]!.dropConnections();
  expect((await readyzUntil(503)).body).toMatchObject({
    status: "not ready",
    reason: "slack not connected",
  });
  await next.waitForConnection();
  expect((await readyzUntil(200)).body).toMatchObject({ checks: { slack: "socket connected" } });
});
