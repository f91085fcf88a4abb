// Many workspaces in one deployment: "Add to Slack" through the bot's real HTTP routes (Bolt's install
// flow) against the fake's oauth.v2.access, then each workspace's commands and notifications go out
// with that workspace's own bot token; state replay and expiry are refused; the token is stored sealed;
// uninstalling stops the workspace's notifications with a permanent failure and an audit entry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueNotification } from "../../../src/kernel/app/outbox/enqueue-notification.ts";
import { clusterChannels } from "../../../src/kernel/app/recipients.ts";
import { STATE_TTL_MS } from "../../../src/platforms/slack/oauth/state-store.ts";
import { FakeSlackApi, type FakeWorkspace } from "../../fakes/slack-api.ts";
import { eventually } from "../../support/eventually.ts";
import {
  eventBody,
  interactionBody,
  SIGNING_SECRET,
  signedHeaders,
  signedJsonHeaders,
  slashCommandBody,
  viewSubmissionPayload,
} from "../../support/slack-requests.ts";
import { slackHttpEnv, startTestBot, type TestBot } from "../../support/test-bot.ts";

const PUBLIC_URL = "https://ennakko.example.org";
const REDIRECT = `${PUBLIC_URL}/slack/oauth_redirect`;
const OAUTH_APP = {
  clientId: "1234.5678",
  clientSecret: "client-secret-0123456789",
  redirectUrls: [REDIRECT],
};
const KEY = Buffer.alloc(32, 7).toString("base64");
const oauthEnv = (apiUrl: string) => ({
  SLACK_CLIENT_ID: OAUTH_APP.clientId,
  SLACK_CLIENT_SECRET: OAUTH_APP.clientSecret,
  SLACK_STATE_SECRET: "state-secret-0123456789-0123456789-abcdef",
  SLACK_TOKEN_ENCRYPTION_KEY: KEY,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: apiUrl,
  PUBLIC_URL,
});

const NORTH: FakeWorkspace = {
  teamId: "T-NORTH",
  teamName: "North",
  installerId: "U-NADMIN",
  botUserId: "U-NBOT",
};
const SOUTH: FakeWorkspace = {
  teamId: "T-SOUTH",
  teamName: "South",
  installerId: "U-SADMIN",
  botUserId: "U-SBOT",
};

let slack: FakeSlackApi;
let bot: TestBot;
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

beforeAll(async () => {
  slack = await new FakeSlackApi().start();
  slack.oauthApp = OAUTH_APP;
  for (const id of ["U-NADMIN", "U-SADMIN"]) slack.users.set(id, { display_name: id, locale: "en-US" });
  bot = await startTestBot(oauthEnv(slack.apiUrl), undefined, { jobs: "manual", clock });
});
afterAll(async () => {
  await bot?.stop();
  await slack?.stop();
});

/** The installer's browser: "Add to Slack" on the bot, Allow on Slack's page, back to the bot. */
async function startInstall(workspace: FakeWorkspace) {
  const res = await fetch(`${bot.baseUrl}/slack/install`, { redirect: "manual" });
  expect(res.status).toBe(302);
  const authorizeUrl = res.headers.get("location")!;
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  const approved = slack.approveInstall(authorizeUrl, workspace);
  if ("error" in approved) throw new Error(`Slack's authorize page refused: ${approved.error}`);
  return { authorizeUrl, cookie, redirectTo: approved.redirectTo };
}

/** Follows Slack's redirect to the bot's /slack/oauth_redirect (same path and query, on the bot). */
async function comeBack(redirectTo: string, cookie: string) {
  const back = new URL(redirectTo);
  const res = await fetch(`${bot.baseUrl}${back.pathname}${back.search}`, {
    headers: { cookie, "accept-language": "fi-FI,fi;q=0.9" },
    redirect: "manual",
  });
  return { status: res.status, text: await res.text() };
}

async function install(workspace: FakeWorkspace) {
  const { cookie, redirectTo } = await startInstall(workspace);
  const done = await comeBack(redirectTo, cookie);
  expect(done.status).toBe(200);
  expect(done.text).toContain("Ennakko on asennettu");
}

const tokenOf = (team: string) =>
  [...slack.issuedTokens].find(([, issued]) => issued.teamId === team)?.[0] ?? "(none)";

/** `/cluster setup <name>` and its form, from `user` in `team`'s channel. */
async function setUpCluster(team: string, user: string, channel: string, name: string) {
  const before = slack.callsTo("views.open").length;
  const command = slashCommandBody({
    user,
    channel,
    team,
    text: `setup ${name}`,
    responseUrl: slack.responseUrl(`${team}-setup`),
  });
  expect(
    (
      await fetch(`${bot.baseUrl}/slack/events`, {
        method: "POST",
        headers: signedHeaders(command),
        body: command,
      })
    ).status,
  ).toBe(200);
  const opened = (await slack.waitFor("views.open", before + 1))[before]!;
  const view = opened.body.view as { callback_id: string; private_metadata: string };
  const body = interactionBody(
    viewSubmissionPayload({
      user,
      team,
      callbackId: view.callback_id,
      metadata: view.private_metadata,
      values: {
        name: { name: { type: "plain_text_input", value: name } },
        locale: { locale: { type: "static_select", selected_option: { value: "en" } } },
      },
    }),
  );
  await fetch(`${bot.baseUrl}/slack/events`, { method: "POST", headers: signedHeaders(body), body });
  const announced = await eventually(() =>
    slack.acceptedCalls("chat.postMessage").find((c) => c.body.channel === channel),
  );
  return { opened, announced };
}

async function notifyCluster(channel: string, key: string) {
  const binding = await bot.db.prisma.channelBinding.findFirstOrThrow({ where: { channelId: channel } });
  const [recipient] = await clusterChannels(bot.db.prisma, binding.clusterId);
  await enqueueNotification(bot.db.prisma, {
    key,
    clusterId: binding.clusterId,
    recipient: recipient!,
    view: { fallback: `Reminder ${key}`, elements: [{ type: "text", text: `Reminder ${key}` }] },
    notBefore: clock.now(),
  });
  expect(await bot.bot.jobs!.scheduler.tick("outbox")).toBe("ran");
  return bot.db.prisma.outboxMessage.findUniqueOrThrow({ where: { key } });
}

describe("Slack OAuth: many workspaces in one deployment", () => {
  it("installs two workspaces through /slack/install and /slack/oauth_redirect", async () => {
    const { authorizeUrl } = await startInstall(NORTH);
    const url = new URL(authorizeUrl);
    expect(url.origin + url.pathname).toBe("https://slack.com/oauth/v2/authorize");
    expect(url.searchParams.get("client_id")).toBe(OAUTH_APP.clientId);
    expect(url.searchParams.get("redirect_uri")).toBe(REDIRECT);
    expect(url.searchParams.get("scope")?.split(",")).toContain("chat:write");

    await install(NORTH);
    await install(SOUTH);
    const rows = await bot.db.prisma.slackInstallation.findMany({ orderBy: { teamId: "asc" } });
    expect(rows.map((r) => [r.teamId, r.botUserId, r.installerUserId])).toEqual([
      ["T-NORTH", "U-NBOT", "U-NADMIN"],
      ["T-SOUTH", "U-SBOT", "U-SADMIN"],
    ]);
    // The exchange happened once per install, with the app's credentials and the same redirect_uri.
    const exchanges = slack.acceptedCalls("oauth.v2.access");
    expect(exchanges.length).toBeGreaterThanOrEqual(2);
    for (const call of exchanges) expect(call.body.redirect_uri).toBe(REDIRECT);
  });

  it("stores each bot token encrypted: the raw token appears nowhere in the database", async () => {
    const tokens = [tokenOf("T-NORTH"), tokenOf("T-SOUTH")];
    expect(tokens.every((t) => t.startsWith("xoxb-issued-"))).toBe(true);
    const tables = await bot.db.prisma.$queryRawUnsafe<{ tablename: string }[]>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
    );
    let dump = "";
    for (const { tablename } of tables) {
      const rows = await bot.db.prisma.$queryRawUnsafe<{ row: string }[]>(
        `SELECT row_to_json(t)::text AS row FROM "${tablename}" t`,
      );
      dump += rows.map((r) => r.row).join("\n");
    }
    expect(dump).toContain("T-NORTH");
    for (const token of tokens) {
      expect(dump).not.toContain(token);
      // Nor any recognisable part of it.
      expect(dump).not.toContain(token.slice(-8));
    }
    const sealed = await bot.db.prisma.slackInstallation.findUniqueOrThrow({ where: { teamId: "T-NORTH" } });
    expect(sealed.botTokenEncrypted).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it("answers each workspace's commands and sends its notifications with that workspace's token", async () => {
    slack.users.set("U-NAINO", { display_name: "Aino", locale: "en-US" });
    slack.users.set("U-SSVEN", { display_name: "Sven", locale: "en-US" });
    const north = await setUpCluster("T-NORTH", "U-NAINO", "C-NORTH", "Energy North");
    const south = await setUpCluster("T-SOUTH", "U-SSVEN", "C-SOUTH", "Energy South");
    expect(FakeSlackApi.tokenOf(north.opened)).toBe(tokenOf("T-NORTH"));
    expect(FakeSlackApi.tokenOf(north.announced)).toBe(tokenOf("T-NORTH"));
    expect(FakeSlackApi.tokenOf(south.opened)).toBe(tokenOf("T-SOUTH"));
    expect(FakeSlackApi.tokenOf(south.announced)).toBe(tokenOf("T-SOUTH"));

    const sentNorth = await notifyCluster("C-NORTH", "oauth-test:north:1");
    const sentSouth = await notifyCluster("C-SOUTH", "oauth-test:south:1");
    expect([sentNorth.status, sentNorth.tenant, sentSouth.status, sentSouth.tenant]).toEqual([
      "SENT",
      "T-NORTH",
      "SENT",
      "T-SOUTH",
    ]);
    const posted = (key: string) =>
      slack
        .acceptedCalls("chat.postMessage")
        .find((c) => (c.body.metadata as { event_payload?: { key?: string } })?.event_payload?.key === key)!;
    expect(FakeSlackApi.tokenOf(posted("oauth-test:north:1"))).toBe(tokenOf("T-NORTH"));
    expect(FakeSlackApi.tokenOf(posted("oauth-test:south:1"))).toBe(tokenOf("T-SOUTH"));
  });

  it("refuses a replayed state: the second redirect with it installs nothing", async () => {
    const { cookie, redirectTo } = await startInstall(NORTH);
    const state = new URL(redirectTo).searchParams.get("state")!;
    expect((await comeBack(redirectTo, cookie)).status).toBe(200);
    const exchanges = slack.callsTo("oauth.v2.access").length;
    // Slack hands out a new code, but the state was used once already.
    const again = slack.approveInstall(
      `https://slack.com/oauth/v2/authorize?client_id=${OAUTH_APP.clientId}&scope=commands&redirect_uri=${encodeURIComponent(REDIRECT)}&state=${state}`,
      NORTH,
    );
    if ("error" in again) throw new Error(again.error);
    const replay = await comeBack(again.redirectTo, cookie);
    expect(replay.status).toBe(400);
    expect(replay.text).toContain("Asennus ei valmistunut");
    expect(slack.callsTo("oauth.v2.access").length).toBe(exchanges);
  });

  it("answers a code Slack refuses (invalid_code: used already) with the failure page, installing nothing", async () => {
    const used = String(slack.acceptedCalls("oauth.v2.access")[0]!.body.code);
    const { cookie, redirectTo } = await startInstall(NORTH);
    const withUsedCode = new URL(redirectTo);
    withUsedCode.searchParams.set("code", used);
    const before = await bot.db.prisma.slackInstallation.findUniqueOrThrow({ where: { teamId: "T-NORTH" } });
    const res = await comeBack(withUsedCode.toString(), cookie);
    expect(res.status).toBe(400);
    expect(slack.callsTo("oauth.v2.access").at(-1)).toMatchObject({ ok: false });
    const after = await bot.db.prisma.slackInstallation.findUniqueOrThrow({ where: { teamId: "T-NORTH" } });
    expect(after.botTokenEncrypted).toBe(before.botTokenEncrypted);
  });

  it("refuses an expired state, and a forged one", async () => {
    const { cookie, redirectTo } = await startInstall(SOUTH);
    offsetMs = STATE_TTL_MS + 1_000;
    try {
      expect((await comeBack(redirectTo, cookie)).status).toBe(400);
    } finally {
      offsetMs = 0;
    }
    const forged = new URL(redirectTo);
    forged.searchParams.set("state", "forged.not-signed");
    expect((await comeBack(forged.toString(), "slack-app-oauth-state=forged.not-signed")).status).toBe(400);
    expect(
      slack
        .callsTo("oauth.v2.access")
        .filter((c) => c.body.code === new URL(redirectTo).searchParams.get("code")),
    ).toEqual([]);
  });

  it("app_uninstalled deletes the installation; the workspace's notifications then fail permanently, audited", async () => {
    const event = eventBody({ type: "app_uninstalled" }, "T-SOUTH");
    const res = await fetch(`${bot.baseUrl}/slack/events`, {
      method: "POST",
      headers: signedJsonHeaders(event),
      body: event,
    });
    expect(res.status).toBe(200);
    await eventually(async () =>
      (await bot.db.prisma.slackInstallation.count({ where: { teamId: "T-SOUTH" } })) === 0 ? true : null,
    );
    slack.uninstall("T-SOUTH");
    const postsBefore = slack.callsTo("chat.postMessage").length;

    const failed = await notifyCluster("C-SOUTH", "oauth-test:south:2");
    expect(failed.status).toBe("FAILED");
    expect(failed.lastError).toContain("not installed in workspace T-SOUTH");
    const audit = await bot.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: "notification.failed", subjectId: failed.id },
    });
    expect(JSON.stringify(audit.details)).toContain("not installed in workspace T-SOUTH");
    expect(slack.callsTo("chat.postMessage").length).toBe(postsBefore);

    // The other workspace is untouched.
    expect((await notifyCluster("C-NORTH", "oauth-test:north:2")).status).toBe("SENT");
  });

  it("tokens_revoked for the bot deletes the installation too", async () => {
    await install(SOUTH);
    const event = eventBody({ type: "tokens_revoked", tokens: { bot: ["U-SBOT"] } }, "T-SOUTH");
    await fetch(`${bot.baseUrl}/slack/events`, {
      method: "POST",
      headers: signedJsonHeaders(event),
      body: event,
    });
    await eventually(async () =>
      (await bot.db.prisma.slackInstallation.count({ where: { teamId: "T-SOUTH" } })) === 0 ? true : null,
    );
  });
});

describe("Slack single-token mode (SLACK_BOT_TOKEN)", () => {
  it("serves no install routes and sends with its one token, as before", async () => {
    const single = await startTestBot(slackHttpEnv(slack.apiUrl), undefined, { jobs: "manual" });
    try {
      for (const path of ["/slack/install", "/slack/oauth_redirect?code=x&state=y"])
        expect((await fetch(`${single.baseUrl}${path}`, { redirect: "manual" })).status).toBe(404);
      const body = slashCommandBody({
        user: "U-NAINO",
        channel: "C-ONE",
        text: "setup One",
        responseUrl: slack.responseUrl("single"),
      });
      const before = slack.callsTo("views.open").length;
      await fetch(`${single.baseUrl}/slack/events`, { method: "POST", headers: signedHeaders(body), body });
      const opened = (await slack.waitFor("views.open", before + 1))[before]!;
      expect(FakeSlackApi.tokenOf(opened)).toBe("xoxb-test-token");
      expect(await single.db.prisma.slackInstallation.count()).toBe(0);
    } finally {
      await single.stop();
    }
  });
});
