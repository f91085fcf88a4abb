// The fake's oauth.v2.access is as strict as Slack's: the install tests rely on it refusing what Slack
// refuses (docs.slack.dev/reference/methods/oauth.v2.access, "Errors").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlackApi, type FakeWorkspace } from "./slack-api.ts";

const APP = {
  clientId: "1.2",
  clientSecret: "sekret",
  redirectUrls: ["https://bot.example/slack/oauth_redirect"],
};
const WORKSPACE: FakeWorkspace = { teamId: "T-1", teamName: "One", installerId: "U-1", botUserId: "U-B" };
let slack: FakeSlackApi;

beforeAll(async () => {
  slack = await new FakeSlackApi().start();
  slack.oauthApp = APP;
});
afterAll(() => slack.stop());

function authorize(query: Record<string, string>) {
  const url = new URL("https://slack.com/oauth/v2/authorize");
  for (const [k, v] of Object.entries({ client_id: APP.clientId, scope: "commands", state: "s1", ...query }))
    url.searchParams.set(k, v);
  return slack.approveInstall(url.toString(), WORKSPACE);
}

function codeOf(answer: ReturnType<typeof authorize>): string {
  if ("error" in answer) throw new Error(answer.error);
  return new URL(answer.redirectTo).searchParams.get("code")!;
}

async function exchange(fields: Record<string, string>) {
  const res = await fetch(`${slack.apiUrl}oauth.v2.access`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_id: APP.clientId,
      client_secret: APP.clientSecret,
      ...fields,
    }).toString(),
  });
  return (await res.json()) as { ok: boolean; error?: string; access_token?: string; team?: { id: string } };
}

describe("fake Slack OAuth", () => {
  it("refuses an unknown client or an unregistered redirect URL on the authorize page", () => {
    expect(authorize({ client_id: "9.9" })).toEqual({ error: "invalid_client_id" });
    expect(authorize({ redirect_uri: "https://evil.example/cb" })).toEqual({ error: "bad_redirect_uri" });
  });

  it("exchanges a code once, with the redirect_uri it was issued for, for a bot token of that team", async () => {
    const code = codeOf(authorize({ redirect_uri: APP.redirectUrls[0]! }));
    expect(await exchange({ code })).toMatchObject({ ok: false, error: "bad_redirect_uri" });
    expect(await exchange({ code, redirect_uri: "https://other.example/cb" })).toMatchObject({
      error: "bad_redirect_uri",
    });
    expect(await exchange({ code, redirect_uri: APP.redirectUrls[0]!, client_id: "9.9" })).toMatchObject({
      error: "invalid_client_id",
    });
    expect(
      await exchange({ code, redirect_uri: APP.redirectUrls[0]!, client_secret: "wrong" }),
    ).toMatchObject({
      error: "bad_client_secret",
    });
    const granted = await exchange({ code, redirect_uri: APP.redirectUrls[0]! });
    expect(granted).toMatchObject({ ok: true, team: { id: "T-1" } });
    expect(await exchange({ code, redirect_uri: APP.redirectUrls[0]! })).toMatchObject({
      error: "invalid_code",
    });
    expect(await exchange({ code: "made-up" })).toMatchObject({ error: "invalid_code" });
  });

  it("honours an issued token until the workspace uninstalls", async () => {
    const { access_token: token } = await exchange({ code: codeOf(authorize({})) });
    const test = async () =>
      (
        await fetch(`${slack.apiUrl}auth.test`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}` },
        })
      ).json();
    expect(await test()).toMatchObject({ ok: true, team_id: "T-1", user_id: "U-B" });
    slack.uninstall("T-1");
    expect(await test()).toMatchObject({ ok: false, error: "token_revoked" });
  });
});
