// The logger masks what must never be in a log line, at every level: members' e-mail addresses,
// Slack and Bot Framework credentials, download links' tokens and link codes, wherever they are in a
// line (the message, a field, a nested object, an error's message, stack or cause).
import { describe, expect, it } from "vitest";
import { createLogger, type LogLevel } from "../../src/log/logger.ts";
import { redactText } from "../../src/log/redact.ts";

const LEVELS: LogLevel[] = ["debug", "info", "warn", "error"];

const EMAIL = "Heidi.Lapp@lapinamk.example";
const GUEST = "heidi_lapinamk.example#EXT#@energy.onmicrosoft.com";
const BOT_TOKEN = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx";
const APP_TOKEN = "xapp-1-A0123456789-1234567890123-abcdef0123456789";
const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJib3QiLCJpc3MiOiJodHRwcyJ9.c2lnbmF0dXJlLXBhcnQ";
const DOWNLOAD_TOKEN = "q3Vz7yJ0pXo2bWm4Nk8sT1uR5cE6fG9hA_dB-LwKxYi";
const DOWNLOAD_URL = `https://ennakko.example.org/files/${DOWNLOAD_TOKEN}/ennakko-my-data.json`;
const CODE = "K7QM-4XPD";

const SECRETS = [EMAIL, "lapinamk.example#EXT#@", BOT_TOKEN, APP_TOKEN, JWT, DOWNLOAD_TOKEN, CODE];
const everything = [
  `users.info result {"profile":{"email":"${EMAIL}"}}`,
  `getMember ${GUEST}`,
  `Authorization: Bearer ${JWT}`,
  `token ${BOT_TOKEN} and ${APP_TOKEN}`,
  `sent ${DOWNLOAD_URL}`,
  `issued ${CODE}`,
].join("\n");

function capture(level: LogLevel) {
  const lines: string[] = [];
  return { lines, log: createLogger(level, (line) => lines.push(line)) };
}

describe("the logger masks secrets and e-mail addresses", () => {
  it.each(LEVELS)("at %s level: in the message, in fields, nested, in arrays and in errors", (level) => {
    const { lines, log } = capture("debug");
    const error = new Error(`Invalid prisma.person.create() invocation: { email: "${EMAIL}" }`, {
      cause: new Error(`401 for Bearer ${JWT}`),
    });
    log[level](everything, {
      email: EMAIL,
      nested: { deeper: [{ url: DOWNLOAD_URL }, `link ${CODE.toLowerCase()}`] },
      error,
      headers: { authorization: "anything at all", Cookie: "session=abc" },
      token: "not shaped like one",
    });
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    for (const secret of SECRETS) expect(line).not.toContain(secret);
    expect(line.toLowerCase()).not.toContain(CODE.toLowerCase());
    expect(line).not.toContain("anything at all");
    expect(line).not.toContain("session=abc");
    expect(line).not.toContain("not shaped like one");
    const parsed = JSON.parse(line);
    // What stays is enough to read the line: which kind of thing was there, and the rest of it.
    expect(parsed).toMatchObject({ level, email: "[redacted e-mail]", token: "[redacted]" });
    expect(parsed.msg).toContain("Bearer [redacted]");
    expect(parsed.msg).toContain("xoxb-[redacted]");
    expect(parsed.msg).toContain("https://ennakko.example.org/files/[redacted]/ennakko-my-data.json");
    expect(parsed.nested.deeper[1]).toBe("link [redacted code]");
    expect(parsed.error.message).toBe(
      'Invalid prisma.person.create() invocation: { email: "[redacted e-mail]" }',
    );
    expect(parsed.error.stack).toContain("[redacted e-mail]");
    expect(parsed.error.cause.message).toBe("401 for Bearer [redacted]");
  });

  it("still leaves out what is below the level, and writes what it may unchanged", () => {
    const { lines, log } = capture("info");
    log.debug(`debug ${EMAIL}`);
    log.info("outbox batch", {
      workerId: "host:1",
      key: "download:3f2a4b9c-8d7e-4a5b-9c6d-2e3f4a5b6c7d",
      sent: 2,
    });
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      {
        time: expect.any(String),
        level: "info",
        msg: "outbox batch",
        workerId: "host:1",
        key: "download:3f2a4b9c-8d7e-4a5b-9c6d-2e3f4a5b6c7d",
        sent: 2,
      },
    ]);
  });

  it("writes a line even for what JSON.stringify would throw on: a cycle, a bigint", () => {
    const { lines, log } = capture("debug");
    const cyclic: Record<string, unknown> = { name: "a" };
    cyclic.self = cyclic;
    log.error("odd context", { cyclic, big: 12n });
    expect(JSON.parse(lines[0]!)).toMatchObject({ cyclic: { name: "a", self: "[circular]" }, big: "12" });
  });
});

describe("redactText", () => {
  it.each([
    ["an address", `write to ${EMAIL}.`, "write to [redacted e-mail]."],
    ["a URL-encoded address", "user=aino%40energy.example&x=1", "user=[redacted e-mail]&x=1"],
    ["a code the bot wrote", `Your code: \`${CODE}\``, "Your code: `[redacted code]`"],
    ["a code typed without its dash", "/cluster link k7qm4xpd", "/cluster link [redacted code]"],
    ["a Basic credential", "Basic dXNlcjpwYXNz", "Basic [redacted]"],
    ["a JSON token field", '{"token":"verification-abc","team":"T1"}', '{"token":"[redacted]","team":"T1"}'],
  ])("masks %s", (_what, input, output) => {
    expect(redactText(input)).toBe(output);
  });

  it.each([
    ["ids and keys", "pulse:3f2a4b9c-8d7e-4a5b-9c6d-2e3f4a5b6c7d:invitation:29:aino"],
    ["package paths in stacks", "at node_modules/@slack/bolt/dist/App.js:400:25 (pkg@7.10.0)"],
    ["dates and times", "2027-05-03T06:00:00.000Z in 2027-0503"],
    ["ordinary words", "link accounts; a read-only user-data export; CSV-FILE"],
  ])("leaves %s alone", (_what, input) => {
    expect(redactText(input)).toBe(input);
  });

  it("passes a long string that only looks like the start of an address (bounded, no backtracking blow-up)", () => {
    const base64 = "A".repeat(200_000);
    expect(redactText(base64)).toBe(base64);
  });
});

describe("the logger never throws and keeps an error's cause chain", () => {
  it("writes a line when reading the context throws (a getter, toJSON, a proxy)", () => {
    const { lines, log } = capture("debug");
    const getter = Object.defineProperty({ ok: 1 }, "broken", {
      enumerable: true,
      get() {
        throw new Error("getter exploded");
      },
    });
    const badJson = {
      toJSON() {
        throw new Error("toJSON exploded");
      },
    };
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("proxy exploded");
        },
      },
    );
    expect(() => log.error("odd objects", { getter, badJson, hostile })).not.toThrow();
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: "error",
      msg: "odd objects",
      getter: { ok: 1, broken: "[unreadable]" },
      badJson: "[unserialisable]",
      hostile: "[unserialisable]",
    });
  });

  it("logs every cause down to the root, with driver codes, and an AggregateError's errors", () => {
    const { lines, log } = capture("debug");
    const socket = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const driver = new Error("pool could not connect", { cause: socket });
    const prisma = new Error("Can't reach database server", { cause: driver });
    const many = new AggregateError([new Error("first"), new Error("second")], "both failed");
    log.error("start-up failed", { error: prisma, many });
    const line = JSON.parse(lines[0]!);
    expect(line.error.message).toBe("Can't reach database server");
    expect(line.error.cause.message).toBe("pool could not connect");
    expect(line.error.cause.cause).toMatchObject({
      message: "connect ECONNREFUSED 127.0.0.1:5432",
      code: "ECONNREFUSED",
    });
    expect(line.many.errors.map((e: { message: string }) => e.message)).toEqual(["first", "second"]);
  });

  it("writes nothing below its level and a JSON line per call at or above it", () => {
    const { lines, log } = capture("warn");
    log.info("not written");
    log.warn("written", { n: 1 });
    log.error("also written");
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(["written", "also written"]);
  });
});
