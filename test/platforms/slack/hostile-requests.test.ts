// Requests no real Slack sends, correctly signed: the bot answers each with a 4xx before Bolt reads it
// and goes on answering (a JSON `null` used to throw inside Bolt's receiver, outside any catch, and
// stop the process). Text with NUL or lone surrogates is stored cleaned, not failed on by the database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { choice, input, slackJourney, startSlackBot, stopSlackBot } from "../../support/slack-journey.ts";
import {
  blockActionPayload,
  eventBody,
  signedJsonHeaders,
  viewSubmissionPayload,
} from "../../support/slack-requests.ts";
import type { TestBot } from "../../support/test-bot.ts";

let slack: FakeSlackApi;
let bot: TestBot;

beforeAll(async () => {
  ({ slack, bot } = await startSlackBot({
    "U-AINO": { display_name: "Aino", locale: "en-GB", tz: "Europe/Helsinki" },
    // A profile name with a NUL and a lone surrogate, as a broken client could leave it.
    "U-NIKO": { display_name: "Ni\u0000ko\ud800", locale: "en-GB", tz: "Europe/Helsinki" },
  }));
});
afterAll(() => stopSlackBot(bot, slack));
beforeEach(async () => {
  await truncateAll(bot.db);
  slack.reset();
});

let n = 0;
const { post, command, reply, modal, submit } = slackJourney(() => ({ bot, slack }), {
  nextId: () => `h${++n}`,
});
const postJson = (body: string) => post(body, signedJsonHeaders(body));
/** A form-encoded interaction whose `payload` field is exactly `json`. */
const postPayload = (json: string) => post(new URLSearchParams({ payload: json }).toString());

/** The bot still works: a normal signed slash command gets its 200 and its private answer. */
async function expectStillAnswering() {
  const id = `alive${++n}`;
  const body = new URLSearchParams({
    team_id: "T-LAPLAND",
    channel_id: "C-ENERGY",
    channel_name: "energy",
    user_id: "U-AINO",
    command: "/cluster",
    text: "help",
    response_url: slack.responseUrl(id),
    trigger_id: "trigger-alive",
  }).toString();
  expect((await post(body)).status).toBe(200);
  expect((await reply(id)).text).not.toBe("");
}

const click = () =>
  blockActionPayload({
    user: "U-AINO",
    channel: "C-ENERGY",
    actionId: "ennakko.help",
    value: "",
    responseUrl: slack.responseUrl("never"),
  });
const deepArrays = (levels: number) => `${"[".repeat(levels)}${"]".repeat(levels)}`;
const deepObjects = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;

describe("Slack: malformed signed requests", () => {
  it("answers a signed JSON null with 400 and keeps answering", async () => {
    const res = await postJson("null");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ error: "body must be a JSON object" });
    await expectStillAnswering();
  });

  it("answers 400 to every body Bolt could not read, and keeps answering", async () => {
    const { user: _user, ...withoutUser } = click();
    const statuses = {
      "payload null": (await postPayload("null")).status,
      "JSON number": (await postJson("1")).status,
      "JSON string": (await postJson('"x"')).status,
      "JSON array": (await postJson("[]")).status,
      "empty object": (await postJson("{}")).status,
      "not JSON": (await postJson("{")).status,
      "block action without user": (await postPayload(JSON.stringify(withoutUser))).status,
      "block action with user null": (await postPayload(JSON.stringify({ ...click(), user: null }))).status,
      "actions not a list": (await postPayload(JSON.stringify({ ...click(), actions: { a: 1 } }))).status,
      "actions of nulls": (await postPayload(JSON.stringify({ ...click(), actions: [null] }))).status,
      "channel null": (await postPayload(JSON.stringify({ ...click(), channel: null }))).status,
      "view submission without view": (
        await postPayload(
          JSON.stringify({
            ...viewSubmissionPayload({ user: "U-AINO", callbackId: "x", metadata: "", values: {} }),
            view: null,
          }),
        )
      ).status,
      "event null": (await postJson(JSON.stringify({ ...JSON.parse(eventBody({})), event: null }))).status,
      "event channel null": (await postJson(eventBody({ type: "app_home_opened", channel: null }))).status,
      "authorizations of nulls": (
        await postJson(JSON.stringify({ ...JSON.parse(eventBody({ type: "x" })), authorizations: [null] }))
      ).status,
      "50,000 nested arrays": (await postPayload(deepArrays(50_000))).status,
      "50,000 nested objects": (await postJson(deepObjects(50_000))).status,
      "deep inside a click": (
        await postPayload(JSON.stringify({ ...click(), state: "@" }).replace('"@"', deepArrays(50_000)))
      ).status,
    };
    expect(statuses).toEqual(Object.fromEntries(Object.keys(statuses).map((k) => [k, 400])));
    expect(slack.calls).toHaveLength(0);
    await expectStillAnswering();
  });

  it("answers a body over 1 MB with 413", async () => {
    const res = await postJson(JSON.stringify({ type: "event_callback", padding: "x".repeat(1024 * 1024) }));
    expect(res.status).toBe(413);
    await expectStillAnswering();
  });

  it("still answers an unsigned null with 401: the signature is checked first", async () => {
    const res = await post("null", { "content-type": "application/json" });
    expect(res.status).toBe(401);
  });
});

describe("Slack: NUL and lone surrogates in member text", () => {
  it("stores a command, a form and a profile name cleaned, and keeps answering", async () => {
    // Form fields cannot carry a lone surrogate (they are UTF-8); JSON payloads and profiles can.
    await command("U-NIKO", "setup Ener\u0000gy");
    const view = await modal(1);
    expect(JSON.stringify(view)).not.toContain("\\u0000");
    const res = await submit("U-NIKO", view, {
      name: input("Ener\u0000gy\ud800 cluster"),
      sector: input("energy\u0007"),
      time_zone: choice("Europe/Helsinki"),
      locale: choice("en"),
    });
    expect(res.status).toBe(200);
    await slack.waitFor("chat.postMessage");
    const cluster = await bot.db.prisma.cluster.findFirstOrThrow();
    expect(cluster.name).toBe("Energy\ufffd cluster");
    const niko = await bot.db.prisma.person.findFirstOrThrow();
    expect(niko.displayName).toBe("Niko\ufffd");
    await expectStillAnswering();
  });
});
