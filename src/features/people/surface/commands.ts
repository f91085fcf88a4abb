// The people feature's commands: a person's language, their data, and erasing a member's data.
// The first two are a person's own settings: they run anywhere, the chairs' forum included.
import { command } from "../../../kernel/feature-module.ts";
import { badUser, type MentionedUser, readMention } from "../../../kernel/surface/mentions.ts";
import { eraseCommand, languageCommand, myDataCommand } from "./handlers.ts";

export const PEOPLE_COMMANDS = [
  command<{ locale?: string }>({
    name: "language",
    args: [{ name: "fi|sv|en|nl", kind: "text", optional: true }],
    summary: "The language Ennakko uses with you",
    requires: "anyone",
    teamsMenu: false,
    inForum: true,
    personal: true,
    parse: (rest, { usage }) => {
      if (rest.length > 1) return usage;
      return { ok: true, args: rest[0] ? { locale: rest[0] } : {} };
    },
    run: (hc, { locale }) => languageCommand(hc, locale),
  }),
  command({
    name: "my-data",
    args: [],
    summary: "Everything Ennakko stores about you, as JSON and CSV files",
    requires: "anyone",
    teamsMenu: false,
    inForum: true,
    personal: true,
    run: myDataCommand,
  }),
  command<{ target: MentionedUser }>({
    name: "erase",
    args: [{ name: "user", kind: "user" }],
    summary: "Erase a member's personal data (chair or coordinator only)",
    requires: "member.erase",
    teamsMenu: false,
    parse: (rest, { usage }) => {
      if (rest.length === 0) return usage;
      const token = rest.join(" ");
      const target = readMention(token);
      return target ? { ok: true, args: { target } } : badUser(token);
    },
    run: (hc, { target }) => eraseCommand(hc, target),
  }),
];
