// The strict fake Slack refuses what Slack refuses: each Block Kit rule (block-kit-rules.ts) is proven
// here by posting a known-bad payload to the fake over HTTP, as the bot would, and reading Slack's
// answer (`invalid_blocks`, `invalid_arguments`, a response_url's 400). Its rate limits answer 429 with
// Retry-After on the fake's own clock, so these tests step time instead of waiting for it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeSlackApi } from "./slack-api.ts";

let slack: FakeSlackApi;
let now = 0;
beforeAll(async () => {
  slack = await new FakeSlackApi().start();
});
afterAll(async () => {
  await slack?.stop();
});
beforeEach(() => {
  slack.reset();
  now = 1_700_000_000_000;
  slack.now = () => now;
});

type Json = Record<string, unknown>;
async function call(
  method: string,
  body: Json,
): Promise<{ status: number; body: Json; retryAfter: string | null }> {
  const url = method.startsWith("response_url:")
    ? slack.responseUrl(method.slice(13))
    : `${slack.apiUrl}${method}`;
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json, retryAfter: res.headers.get("retry-after") };
}

const plain = (text: string) => ({ type: "plain_text", text });
const mrkdwn = (text: string) => ({ type: "mrkdwn", text });
const x = (n: number) => "x".repeat(n);
const section = (text = "Hello") => ({ type: "section", text: mrkdwn(text) });
const button = (action_id: string, extra: Json = {}) => ({
  type: "button",
  action_id,
  text: plain("Go"),
  value: "1",
  ...extra,
});
const actions = (...elements: Json[]) => ({ type: "actions", elements });
const option = (value: string, text = value) => ({ text: plain(text), value });
const select = (extra: Json = {}) => ({
  type: "static_select",
  action_id: "pick",
  options: [option("a"), option("b")],
  ...extra,
});
const bar = (categories: string[], labels: string[], series = 1) => ({
  type: "data_visualization",
  title: "Skills demand",
  chart: {
    type: "bar",
    axis_config: { categories },
    series: Array.from({ length: series }, (_, i) => ({
      name: `s${i}`,
      data: labels.map((label) => ({ label, value: 1 })),
    })),
  },
});
const series = (name: string, labels: string[]) => ({
  name,
  data: labels.map((label) => ({ label, value: 1 })),
});
const modal = (extra: Json = {}, blocks: Json[] = [section()]) => ({
  type: "modal",
  callback_id: "ennakko.form",
  title: plain("Title"),
  submit: plain("Save"),
  close: plain("Cancel"),
  blocks,
  ...extra,
});
const input = (element: Json, extra: Json = {}) => ({
  type: "input",
  block_id: "field",
  label: plain("Field"),
  element,
  ...extra,
});

describe("a valid payload on every surface", () => {
  it("is accepted", async () => {
    const blocks = [
      { type: "header", text: plain("Pulse") },
      section(),
      { type: "section", fields: [mrkdwn("*a*\n1"), mrkdwn("*b*\n2")] },
      { type: "context", elements: [mrkdwn("muted")] },
      actions(button("ennakko.pulse.answer:0"), button("ennakko.pulse.answer:1")),
      { type: "actions", block_id: "sel", elements: [select({ initial_option: option("a") })] },
      { type: "divider" },
      { type: "image", image_url: "https://example.invalid/a.png", alt_text: "chart" },
      bar(["Q1", "Q2"], ["Q2", "Q1"]),
    ];
    for (const method of ["chat.postMessage", "chat.postEphemeral", "chat.update", "response_url:ok"])
      expect((await call(method, { channel: "C1", ts: "1.0", text: "fallback", blocks })).body.ok).toBe(true);
    const form = modal({}, [
      input({ type: "plain_text_input", action_id: "name", max_length: 80, initial_value: "Energy" }),
      input({ type: "datepicker", action_id: "d", initial_date: "2026-04-10" }, { block_id: "d" }),
      input({ type: "timepicker", action_id: "t", initial_time: "09:30" }, { block_id: "t" }),
    ]);
    for (const method of ["views.open", "views.update", "views.push"])
      expect((await call(method, { trigger_id: "1", view_id: "V1", view: form })).body.ok).toBe(true);
    expect(
      (await call("views.publish", { user_id: "U1", view: { type: "home", blocks: [section()] } })).body.ok,
    ).toBe(true);
    expect(slack.takeViolations()).toEqual([]);
  });
});

// [rule, blocks (or top-level fields) of a chat.postMessage]
const messageCases: [string, Json][] = [
  ["blocks.count", { blocks: Array.from({ length: 51 }, () => ({ type: "divider" })) }],
  [
    "block_id.unique",
    {
      blocks: [
        { ...section(), block_id: "a" },
        { ...section(), block_id: "a" },
      ],
    },
  ],
  ["block_id.length", { blocks: [{ ...section(), block_id: x(256) }] }],
  ["action_id.unique", { blocks: [actions(button("ennakko.pulse.answer"), button("ennakko.pulse.answer"))] }],
  ["action_id.length", { blocks: [actions(button(x(256)))] }],
  ["message.text", { text: x(40_001), blocks: [section()] }],
  ["block.type", { blocks: [{ type: "carousel" }] }],
  ["section.text", { blocks: [section(x(3001))] }],
  ["section.empty", { blocks: [{ type: "section" }] }],
  [
    "section.fields.count",
    { blocks: [{ type: "section", fields: Array.from({ length: 11 }, () => mrkdwn("f")) }] },
  ],
  ["section.field", { blocks: [{ type: "section", fields: [mrkdwn(x(2001))] }] }],
  ["text.empty", { blocks: [section("")] }],
  ["text.type", { blocks: [{ type: "section", text: { type: "markdown", text: "hi" } }] }],
  ["header.text", { blocks: [{ type: "header", text: plain(x(151)) }] }],
  ["text.plain_only", { blocks: [{ type: "header", text: mrkdwn("*Pulse*") }] }],
  ["context.elements", { blocks: [{ type: "context", elements: [] }] }],
  [
    "context.elements.count",
    { blocks: [{ type: "context", elements: Array.from({ length: 11 }, () => mrkdwn("c")) }] },
  ],
  ["actions.elements", { blocks: [actions()] }],
  ["actions.elements.count", { blocks: [actions(...Array.from({ length: 26 }, (_, i) => button(`b${i}`)))] }],
  ["element.type", { blocks: [actions({ type: "rocket", action_id: "r" })] }],
  ["button.text", { blocks: [actions(button("b", { text: plain(x(76)) }))] }],
  ["text.plain_only", { blocks: [actions(button("b", { text: mrkdwn("*Go*") }))] }],
  ["button.value", { blocks: [actions(button("b", { value: x(2001) }))] }],
  ["button.url", { blocks: [actions(button("b", { url: `https://a.invalid/${x(3000)}` }))] }],
  ["button.style", { blocks: [actions(button("b", { style: "secondary" }))] }],
  ["select.options", { blocks: [actions(select({ options: [] }))] }],
  [
    "select.options.count",
    { blocks: [actions(select({ options: Array.from({ length: 101 }, (_, i) => option(`o${i}`)) }))] },
  ],
  ["option.text", { blocks: [actions(select({ options: [option("a", x(76))] }))] }],
  ["option.value", { blocks: [actions(select({ options: [option(x(151), "a")] }))] }],
  [
    "option.description",
    { blocks: [actions(select({ options: [{ ...option("a"), description: plain(x(76)) }] }))] },
  ],
  ["text.plain_only", { blocks: [actions(select({ options: [{ text: mrkdwn("*a*"), value: "a" }] }))] }],
  ["select.initial", { blocks: [actions(select({ initial_option: option("z") }))] }],
  ["element.placeholder", { blocks: [actions(select({ placeholder: plain(x(151)) }))] }],
  [
    "image.alt_text",
    { blocks: [{ type: "image", image_url: "https://a.invalid/i.png", alt_text: x(2001) }] },
  ],
  ["image.url", { blocks: [{ type: "image", image_url: `https://a.invalid/${x(3000)}`, alt_text: "i" }] }],
  [
    "image.title",
    {
      blocks: [{ type: "image", image_url: "https://a.invalid/i.png", alt_text: "i", title: plain(x(2001)) }],
    },
  ],
  ["chart.title", { blocks: [{ ...bar(["a"], ["a"]), title: x(51) }] }],
  ["chart.series", { blocks: [bar(["a"], ["a"], 7)] }],
  ["chart.labels", { blocks: [bar(["Q1", "Q2"], ["Q1", "Q3"])] }],
  ["chart.categories", { blocks: [{ ...bar(["a"], ["a"]), chart: { type: "line", series: [] } }] }],
  ["chart.type", { blocks: [{ ...bar(["a"], ["a"]), chart: { type: "radar" } }] }],
  [
    "chart.segments",
    {
      blocks: [
        {
          type: "data_visualization",
          title: "Roles",
          chart: {
            type: "pie",
            segments: Array.from({ length: 7 }, (_, i) => ({ label: `r${i}`, value: 1 })),
          },
        },
      ],
    },
  ],
  ["chart.per_message", { blocks: [bar(["a"], ["a"]), bar(["a"], ["a"]), bar(["a"], ["a"])] }],
  // A skill name as long as people write them: Slack takes 20 characters in a category and a label.
  ["chart.label.length", { blocks: [bar(["Mine automation systems"], ["Mine automation systems"])] }],
  ["chart.label.empty", { blocks: [bar([""], [""])] }],
  [
    "chart.series.name",
    {
      blocks: [
        { ...bar(["a"], ["a"]), chart: { ...bar(["a"], ["a"]).chart, series: [series(x(21), ["a"])] } },
      ],
    },
  ],
  [
    "chart.series.unique",
    {
      blocks: [
        {
          ...bar(["a"], ["a"]),
          chart: { ...bar(["a"], ["a"]).chart, series: [series("1 y", ["a"]), series("1 y", ["a"])] },
        },
      ],
    },
  ],
  [
    "chart.points",
    {
      blocks: [
        bar(
          Array.from({ length: 21 }, (_, i) => `c${i}`),
          Array.from({ length: 21 }, (_, i) => `c${i}`),
        ),
      ],
    },
  ],
  [
    "chart.value",
    {
      blocks: [
        {
          ...bar(["a"], ["a"]),
          chart: { ...bar(["a"], ["a"]).chart, series: [{ name: "s", data: [{ label: "a", value: "3" }] }] },
        },
      ],
    },
  ],
  [
    "chart.axis_label",
    {
      blocks: [
        {
          ...bar(["a"], ["a"]),
          chart: { ...bar(["a"], ["a"]).chart, axis_config: { categories: ["a"], y_label: x(51) } },
        },
      ],
    },
  ],
  [
    "chart.segment.value",
    {
      blocks: [
        {
          type: "data_visualization",
          title: "Roles",
          chart: { type: "pie", segments: [{ label: "Welding", value: 0 }] },
        },
      ],
    },
  ],
  [
    "chart.label.length",
    {
      blocks: [
        {
          type: "data_visualization",
          title: "Roles",
          chart: { type: "pie", segments: [{ label: x(21), value: 1 }] },
        },
      ],
    },
  ],
];

describe("messages Slack refuses with invalid_blocks", () => {
  it.each(messageCases)("%s", async (rule, payload) => {
    const answer = await call("chat.postMessage", { channel: "C1", text: "fallback", ...payload });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: false, error: "invalid_blocks" });
    expect((answer.body.errors as string[])[0]).toMatch(/\[json-pointer:\/[^\]]*\]$/);
    expect(slack.takeViolations().map((v) => v.rule)).toContain(rule);
    expect(slack.acceptedCalls("chat.postMessage")).toHaveLength(0);
  });

  it("in an ephemeral, an update and a response_url post too (the last with HTTP 400)", async () => {
    const bad = { channel: "C1", ts: "1.0", text: "t", blocks: [actions(button("a"), button("a"))] };
    for (const method of ["chat.postEphemeral", "chat.update"])
      expect((await call(method, bad)).body).toMatchObject({ ok: false, error: "invalid_blocks" });
    const viaUrl = await call("response_url:r1", bad);
    expect(viaUrl.status).toBe(400);
    expect(viaUrl.body).toMatchObject({ ok: false, error: "invalid_blocks" });
    expect(slack.takeViolations().map((v) => v.method)).toEqual([
      "chat.postEphemeral",
      "chat.update",
      "response_url:r1",
    ]);
  });
});

// [rule, the view of a views.open]
const modalCases: [string, unknown][] = [
  ["view.type", modal({ type: "home" })],
  ["modal.title", modal({ title: plain(x(25)) })],
  ["modal.title.missing", modal({ title: undefined })],
  ["text.plain_only", modal({ title: mrkdwn("*Title*") })],
  ["modal.submit", modal({ submit: plain(x(25)) })],
  ["modal.close", modal({ close: plain(x(25)) })],
  [
    "modal.submit.missing",
    modal({ submit: undefined }, [input({ type: "plain_text_input", action_id: "a" })]),
  ],
  ["view.private_metadata", modal({ private_metadata: x(3001) })],
  ["view.callback_id", modal({ callback_id: x(256) })],
  [
    "blocks.count",
    modal(
      {},
      Array.from({ length: 101 }, () => ({ type: "divider" })),
    ),
  ],
  [
    "input.label",
    modal({}, [input({ type: "plain_text_input", action_id: "a" }, { label: plain(x(2001)) })]),
  ],
  ["input.hint", modal({}, [input({ type: "plain_text_input", action_id: "a" }, { hint: plain(x(2001)) })])],
  ["input.element", modal({}, [input(undefined as unknown as Json)])],
  [
    "text_input.max_length",
    modal({}, [input({ type: "plain_text_input", action_id: "a", max_length: 3001 })]),
  ],
  [
    "text_input.initial_value",
    modal({}, [input({ type: "plain_text_input", action_id: "a", max_length: 5, initial_value: "toolong" })]),
  ],
  [
    "datepicker.initial_date",
    modal({}, [input({ type: "datepicker", action_id: "d", initial_date: "10.4.2026" })]),
  ],
  [
    "timepicker.initial_time",
    modal({}, [input({ type: "timepicker", action_id: "t", initial_time: "25:00" })]),
  ],
  ["block.surface", modal({}, [bar(["a"], ["a"])])],
  [
    "block_id.unique",
    modal({}, [
      input({ type: "plain_text_input", action_id: "a" }),
      input({ type: "plain_text_input", action_id: "b" }),
    ]),
  ],
];

describe("modals Slack refuses with invalid_arguments", () => {
  it.each(modalCases)("%s", async (rule, view) => {
    for (const method of ["views.open", "views.update", "views.push"]) {
      const answer = await call(method, { trigger_id: "1", view_id: "V1", view });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ ok: false, error: "invalid_arguments" });
      expect((answer.body.response_metadata as { messages: string[] }).messages[0]).toMatch(/^\[ERROR\] /);
    }
    const found = slack.takeViolations();
    expect(found.filter((v) => v.rule === rule).map((v) => v.method)).toEqual(
      expect.arrayContaining(["views.open", "views.update", "views.push"]),
    );
  });
});

describe("App Home views Slack refuses with invalid_arguments", () => {
  it.each([
    ["blocks.count", { type: "home", blocks: Array.from({ length: 101 }, () => ({ type: "divider" })) }],
    ["view.type", { type: "modal", blocks: [section()] }],
    ["view.private_metadata", { type: "home", private_metadata: x(3001), blocks: [section()] }],
    ["action_id.unique", { type: "home", blocks: [actions(button("a"), button("a"))] }],
  ] as [string, Json][])("%s", async (rule, view) => {
    const answer = await call("views.publish", { user_id: "U1", view });
    expect(answer.body).toMatchObject({ ok: false, error: "invalid_arguments" });
    expect(slack.takeViolations().map((v) => v.rule)).toContain(rule);
  });

  it("a Home holds 100 blocks where a message holds 50", async () => {
    const blocks = Array.from({ length: 100 }, () => ({ type: "divider" }));
    expect((await call("views.publish", { user_id: "U1", view: { type: "home", blocks } })).body.ok).toBe(
      true,
    );
    expect((await call("chat.postMessage", { channel: "C1", blocks })).body.ok).toBe(false);
    expect(slack.takeViolations().map((v) => v.rule)).toEqual(["blocks.count"]);
  });
});

describe("rate limits by Slack's tiers, with 429 and Retry-After", () => {
  it("chat.postMessage: about one a second per channel after a short burst; other channels unaffected", async () => {
    const post = (channel: string) => call("chat.postMessage", { channel, text: "hi" });
    for (let i = 0; i < 10; i++) expect((await post("C1")).status).toBe(200);
    const throttled = await post("C1");
    expect(throttled).toMatchObject({
      status: 429,
      body: { ok: false, error: "ratelimited" },
      retryAfter: "1",
    });
    expect((await post("C2")).status).toBe(200);
    now += 1000;
    expect((await post("C1")).status).toBe(200);
    expect((await post("C1")).status).toBe(429);
    expect(slack.rateLimitedCount).toBe(2);
  });

  it("conversations.open (Tier 3): 50 in a burst, then one every 1.2 seconds", async () => {
    const open = (i: number) => call("conversations.open", { users: `U${i}` });
    for (let i = 0; i < 50; i++) expect((await open(i)).status).toBe(200);
    expect(await open(50)).toMatchObject({ status: 429, retryAfter: "2" });
    now += 1200;
    expect((await open(51)).status).toBe(200);
  });

  it("a test can lower a method's limit to provoke a 429 (chat.update)", async () => {
    slack.setRateLimit("chat.update", { perMinute: 2, burst: 2 });
    const update = () => call("chat.update", { channel: "C1", ts: "1.0", text: "t" });
    expect((await update()).status).toBe(200);
    expect((await update()).status).toBe(200);
    expect(await update()).toMatchObject({ status: 429, retryAfter: "30" });
    now += 30_000;
    expect((await update()).status).toBe(200);
  });
});
