import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/kernel/surface/parse-command.ts";

describe("/cluster grammar", () => {
  it.each([
    ["help", { name: "help" }],
    ["  HELP  ", { name: "help" }],
    ["setup Lapland Energy Cluster", { name: "setup", clusterName: "Lapland Energy Cluster" }],
    [
      "role <@U123|maija> secretary",
      { name: "role", target: { userId: "U123", displayName: "maija" }, role: "SECRETARY" },
    ],
    [
      "role <@29:abc-def|Maija Meikäläinen> vice-chair",
      {
        name: "role",
        target: { userId: "29:abc-def", displayName: "Maija Meikäläinen" },
        role: "VICE_CHAIR",
      },
    ],
    ["role <@U123> Chair", { name: "role", target: { userId: "U123" }, role: "CHAIR" }],
    ["link", { name: "link" }],
    ["link ME", { name: "link", me: true }],
    ["link k7qm-4xpd", { name: "link", code: "k7qm-4xpd" }],
    ["link K7QM 4XPD", { name: "link", code: "K7QM4XPD" }],
  ])("parses %j", (text, command) => {
    expect(parseCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ["", "parse.empty"],
    ["dance", "parse.unknownCommand"],
    ["setup", "parse.usage"],
    ["role <@U1>", "parse.usage"],
    ["role maija chair", "parse.badUser"],
    ["role <@U1> emperor", "parse.badRole"],
    // A mention whose display name has spaces, and no role: usage, not a raw id quoted back.
    ["role <@29:mikko-1|Mikko Mallikas>", "parse.usage"],
    ["link K7 QM 4XPD", "parse.usage"],
  ])("explains %j", (text, key) => {
    expect(parseCommand(text)).toMatchObject({ ok: false, key });
  });

  it.each([
    ["meeting plann", "/cluster meeting plan"],
    ["memebrs", "/cluster members"],
    ["pulse stauts", "/cluster pulse status"],
  ])("suggests the nearest command for the typo %j", (text, usage) => {
    expect(parseCommand(text)).toEqual({ ok: false, key: "parse.didYouMean", params: { usage } });
  });

  it.each([
    ["role <@29:mikko-1|Mikko Mallikas> <@29:x|Aino> chair", "@Mikko Mallikas @Aino"],
    ["erase <@U123|maija> now", "@maija now"],
    ["role <@29:mikko-1 chair", "@…"],
  ])("quotes %j without raw ids", (text, value) => {
    expect(parseCommand(text)).toMatchObject({ ok: false, key: "parse.badUser", params: { value } });
  });
});
