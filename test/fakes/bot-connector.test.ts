// The strict Bot Connector fake answers what the real connector answers to a known-bad payload: 400
// BadArgument for a card Teams cannot show, 413 MessageSizeTooBig over the size limit, 429 with
// Retry-After over a thread's rate limit. Its clock is fixed here, so the limit test is not a race.
import { afterEach, describe, expect, it } from "vitest";
import { ADAPTIVE_CARD, TEAMS_MAX_ACTIVITY_BYTES } from "./adaptive-card-rules.ts";
import { FakeBotConnector, TEAMS_THREAD_LIMITS } from "./bot-connector.ts";

let connector: FakeBotConnector | undefined;
afterEach(() => connector?.stop());

const thread = "19:energy@thread.tacv2;messageid=1";
const card = (body: unknown[]) => ({ type: "AdaptiveCard", version: "1.5", body });
const activity = (content: unknown) => ({
  type: "message",
  attachments: [{ contentType: ADAPTIVE_CARD, content }],
});
const ok = activity(card([{ type: "TextBlock", text: "Hello" }]));

async function send(fake: FakeBotConnector, body: unknown, conversation = thread) {
  const res = await fetch(`${fake.url}/v3/conversations/${encodeURIComponent(conversation)}/activities`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { id?: string; error?: { code: string; message: string } };
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: json };
}

describe("the strict Bot Connector fake", () => {
  it("takes a valid card", async () => {
    connector = await new FakeBotConnector().start();
    expect(await send(connector, ok)).toMatchObject({ status: 200, body: { id: expect.any(String) } });
    expect(connector.refusals).toEqual([]);
  });

  it("answers 400 BadArgument to a card the SDK refuses, saying why", async () => {
    connector = await new FakeBotConnector().start();
    const noChoices = activity(
      card([{ type: "Input.ChoiceSet", id: "c", label: "C", choices: [], isRequired: false }]),
    );
    const answer = await send(connector, noChoices);
    expect(answer).toMatchObject({ status: 400, body: { error: { code: "BadArgument" } } });
    expect(answer.body.error?.message).toContain("at least one choice");
    expect(connector.refusals.map((c) => c.violations?.map((v) => v.rule))).toEqual([["sdk-validation"]]);
    // A chart without a fallback, and a card newer than Teams renders everywhere.
    const chart = activity(card([{ type: "Chart.Pie", title: "Votes", data: [] }]));
    expect((await send(connector, chart)).status).toBe(400);
    expect((await send(connector, activity({ ...card([]), version: "1.6" }))).status).toBe(400);
  });

  it("answers 413 MessageSizeTooBig over the message size limit", async () => {
    connector = await new FakeBotConnector().start();
    const big = activity(card([{ type: "TextBlock", text: "x".repeat(TEAMS_MAX_ACTIVITY_BYTES) }]));
    expect(await send(connector, big)).toMatchObject({
      status: 413,
      body: { error: { code: "MessageSizeTooBig" } },
    });
  });

  it("answers 429 with Retry-After past a thread's rate limit, per thread, until the window passes", async () => {
    let now = 1_000_000;
    connector = await new FakeBotConnector({ now: () => now }).start();
    const perSecond = TEAMS_THREAD_LIMITS[0]!.operations;
    for (let i = 0; i < perSecond; i++) expect((await send(connector, ok)).status).toBe(200);
    expect(await send(connector, ok)).toMatchObject({
      status: 429,
      retryAfter: "1",
      body: { error: { code: "TooManyRequests" } },
    });
    // Another thread has its own budget.
    expect((await send(connector, ok, "19:energy@thread.tacv2;messageid=2")).status).toBe(200);
    // One second on, the 1 s window has room, but 8 in 2 s is the next limit.
    now += 1000;
    expect((await send(connector, ok)).status).toBe(200);
    expect(await send(connector, ok)).toMatchObject({ status: 429, retryAfter: "1" });
    now += 1000;
    expect((await send(connector, ok)).status).toBe(200);
  });
});
