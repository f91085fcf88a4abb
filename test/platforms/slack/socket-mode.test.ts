// Socket Mode: the same journey over a WebSocket that the bot opens itself (no public URL).
import { afterAll, beforeAll, expect, it } from "vitest";
import { FakeSlackApi } from "../../fakes/slack-api.ts";
import { FakeSlackSocket } from "../../fakes/slack-socket.ts";
import { viewSubmissionPayload } from "../../support/slack-requests.ts";
import { startTestBot, type TestBot } from "../../support/test-bot.ts";

let slack: FakeSlackApi;
let socket: FakeSlackSocket;
let bot: TestBot;
let triggers = 0;

beforeAll(async () => {
  slack = await new FakeSlackApi().start();
  socket = await new FakeSlackSocket().start();
  slack.socketUrl = socket.url;
  slack.users.set("U-AINO", { display_name: "Aino", locale: "en-GB" });
  bot = await startTestBot({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_APP_TOKEN: "xapp-test-token",
    SLACK_API_URL: slack.apiUrl,
  });
  await socket.waitForConnection();
});
afterAll(async () => {
  await bot.stop();
  await socket.stop();
  await slack.stop();
});

const slash = (text: string, responseUrl: string) => ({
  token: "t",
  team_id: "T-LAPLAND",
  team_domain: "lapland",
  channel_id: "C-SOCKET",
  channel_name: "tourism",
  user_id: "U-AINO",
  user_name: "aino",
  command: "/cluster",
  text,
  api_app_id: "A-ENNAKKO",
  response_url: responseUrl,
  // Slack gives every invocation its own trigger_id (a repeated one is a redelivery).
  trigger_id: `trigger-socket-${++triggers}`,
});

it("connects with the app token and serves no HTTP Slack endpoint", async () => {
  expect(slack.callsTo("apps.connections.open")).toHaveLength(1);
  expect(slack.callsTo("apps.connections.open")[0]!.headers.authorization).toBe("Bearer xapp-test-token");
  const res = await fetch(`${bot.baseUrl}/slack/events`, { method: "POST", body: "x" });
  expect(res.status).toBe(404);
});

it("sets up a cluster and answers commands over the socket", async () => {
  const ack = await socket.send("slash_commands", slash("setup Tourism", slack.responseUrl("s1")));
  expect(ack.envelope_id).toBeTruthy();
  const [open] = await slack.waitFor("views.open");
  const view = open!.body.view as { callback_id: string; private_metadata: string };
  const submitted = await socket.send(
    "interactive",
    viewSubmissionPayload({
      user: "U-AINO",
      callbackId: view.callback_id,
      metadata: view.private_metadata,
      values: {
        name: { name: { type: "plain_text_input", value: "Tourism" } },
        time_zone: { time_zone: { type: "static_select", selected_option: { value: "Europe/Helsinki" } } },
        locale: { locale: { type: "static_select", selected_option: { value: "en" } } },
      },
    }),
  );
  expect(submitted.payload ?? {}).not.toHaveProperty("response_action");
  const [announcement] = await slack.waitFor("chat.postMessage");
  expect(announcement!.body).toMatchObject({
    channel: "C-SOCKET",
    text: expect.stringContaining("*Tourism* is set up"),
  });

  await socket.send("slash_commands", slash("members", slack.responseUrl("s2")));
  const [members] = await slack.waitFor("response_url:s2");
  expect(members!.body.text).toBe("Members of *Tourism* (1):\n• Aino — chair");
  expect(await bot.db.prisma.channelBinding.findFirstOrThrow()).toMatchObject({
    platform: "SLACK",
    channelId: "C-SOCKET",
  });
});
