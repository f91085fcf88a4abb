// The Slack app manifest must grant what the code relies on: Slack silently drops events and
// refuses API calls that the installed app's manifest did not ask for.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { registry } from "../../src/kernel/registry.ts";
import { SLASH_COMMAND, usageOf } from "../../src/kernel/surface/commands.ts";
import {
  RECORD_DECISION_SHORTCUT,
  SAVE_SIGNAL_SHORTCUT,
  SLACK_BOT_EVENTS,
  SLACK_BOT_SCOPES,
  SLACK_MESSAGE_SHORTCUTS,
} from "../../src/platforms/slack/manifest-requirements.ts";

type SlackManifest = webApi.AppsManifestCreateArguments["manifest"];

const MANIFEST_PATH = resolve(import.meta.dirname, "../../manifests/slack/manifest.json");
const manifest = JSON.parse(readFileSync(MANIFEST_PATH, "utf8")) as SlackManifest;
const HTTP_ENDPOINT = /^https:\/\/YOUR-PUBLIC-HOST\/slack\/events$/;

function slashCommand() {
  const command = manifest.features?.slash_commands?.find((c) => c.command === SLASH_COMMAND);
  if (!command) throw new Error(`manifest has no ${SLASH_COMMAND} slash command`);
  return command;
}

describe("Slack app manifest", () => {
  it("is a version 1 manifest for Ennakko", () => {
    expect(manifest._metadata?.major_version).toBe(1);
    expect(manifest.display_information.name).toBe("Ennakko");
    expect(manifest.display_information.description?.length).toBeLessThanOrEqual(140);
    // Slack rejects a long description shorter than 174 characters.
    expect(manifest.display_information.long_description?.length ?? 174).toBeGreaterThanOrEqual(174);
  });

  it(`declares ${SLASH_COMMAND} with a usage hint covering every subcommand`, () => {
    const hint = slashCommand().usage_hint ?? "";
    for (const spec of registry().commands) {
      expect(hint).toContain(spec.name);
      // The full form, arguments included, e.g. "role <user> <role>".
      expect(hint).toContain(usageOf(spec).slice(SLASH_COMMAND.length + 1));
    }
    expect(hint.length).toBeLessThanOrEqual(1000);
  });

  it("escapes the slash command text so <user> arguments arrive as user ids", () => {
    expect(slashCommand().should_escape).toBe(true);
  });

  it("requests exactly the bot scopes the code relies on, nothing more", () => {
    expect([...(manifest.oauth_config?.scopes?.bot ?? [])].sort()).toEqual([...SLACK_BOT_SCOPES].sort());
  });

  it("subscribes to exactly the bot events the code handles", () => {
    const events = manifest.settings?.event_subscriptions?.bot_events ?? [];
    expect([...events].sort()).toEqual([...SLACK_BOT_EVENTS].sort());
  });

  it("registers a listener for every event it subscribes to", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const dir = "src/platforms/slack";
    // Subfolders too: the OAuth mode's listeners live in src/platforms/slack/oauth/.
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".ts"));
    const sources = await Promise.all(files.map((f) => readFile(`${dir}/${f}`, "utf8")));
    for (const event of SLACK_BOT_EVENTS) expect(sources.join("\n")).toContain(`app.event("${event}"`);
  });

  it("declares every message shortcut the code handles", () => {
    const shortcuts = manifest.features?.shortcuts ?? [];
    for (const callbackId of SLACK_MESSAGE_SHORTCUTS) {
      expect(shortcuts).toContainEqual(expect.objectContaining({ type: "message", callback_id: callbackId }));
    }
    expect(shortcuts.find((s) => s.callback_id === RECORD_DECISION_SHORTCUT)?.name).toBe(
      "Record as decision",
    );
    expect(shortcuts.find((s) => s.callback_id === SAVE_SIGNAL_SHORTCUT)?.name).toBe("Save as signal");
  });

  it("enables interactivity and both App Home tabs", () => {
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
    expect(manifest.features?.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });

  it("runs in Socket Mode, with HTTP-mode URLs ready for when a public host exists", () => {
    expect(manifest.settings?.socket_mode_enabled).toBe(true);
    expect(slashCommand().url).toMatch(HTTP_ENDPOINT);
    expect(manifest.settings?.interactivity?.request_url).toMatch(HTTP_ENDPOINT);
    expect(manifest.settings?.event_subscriptions?.request_url).toMatch(HTTP_ENDPOINT);
  });
});
