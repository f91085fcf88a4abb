// The Teams app package: the manifest template must pass Microsoft's schema (checked offline with the
// schema bundled in @microsoft/app-manifest), list the /cluster commands, and ship icons of the sizes
// Teams demands; the build script must produce a zip Teams accepts (files at the root).
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  buildTeamsPackage,
  PACKAGE_NAME,
  renderTeamsManifest,
  TEMPLATE_PATH,
  type TeamsManifestJson,
  validateTeamsManifest,
} from "../../scripts/build-teams-package.ts";
import { registry } from "../../src/kernel/registry.ts";
import { teamsMenu } from "../../src/kernel/surface/commands.ts";
import { MESSAGE_ACTION_COMMANDS } from "../../src/platforms/teams/message-extension.ts";
import { readPngHeader, readPngRgba } from "./read-png.ts";

const TEAMS_DIR = resolve(import.meta.dirname, "../../manifests/teams");
const APP_ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
const BOT_SCOPES = ["personal", "team", "groupChat"];

type CommandList = { scopes: string[]; commands: { title: string; description: string }[] };
type Bot = { botId: string; scopes: string[]; supportsFiles?: boolean; commandLists?: CommandList[] };

let template: string;
beforeAll(async () => {
  template = await readFile(TEMPLATE_PATH, "utf8");
});

function render(botDomain?: string): TeamsManifestJson {
  return renderTeamsManifest(template, { appId: APP_ID, botDomain });
}

function botOf(manifest: TeamsManifestJson): Bot {
  const bots = manifest.bots as Bot[];
  expect(bots).toHaveLength(1);
  return bots[0]!;
}

describe("Teams manifest template", () => {
  it("validates against Microsoft's schema with no errors, without touching the network", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    try {
      expect(await validateTeamsManifest(render())).toEqual([]);
      expect(await validateTeamsManifest(render("ennakko.example.fi"))).toEqual([]);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it("reports schema errors for a broken manifest, so the check above can fail", async () => {
    const noBotId = render();
    delete (botOf(noBotId) as Partial<Bot>).botId;
    expect((await validateTeamsManifest(noBotId)).join("\n")).toContain("botId");

    const badId = { ...render(), id: "not-a-guid" };
    expect((await validateTeamsManifest(badId)).join("\n")).toMatch(/^\/id /m);

    const badColour = { ...render(), accentColor: "blue" };
    expect(await validateTeamsManifest(badColour)).not.toEqual([]);
  });

  it("refuses a manifest version whose schema is not bundled instead of downloading one", async () => {
    await expect(validateTeamsManifest({ ...render(), manifestVersion: "9.99" })).rejects.toThrow(
      /no bundled schema/,
    );
  });

  it("uses the app id for both the app and the bot, and BOT_DOMAIN only when given", () => {
    const manifest = render();
    expect(manifest.id).toBe(APP_ID);
    expect(botOf(manifest).botId).toBe(APP_ID);
    expect(manifest.validDomains).toEqual([]);
    expect(render("ennakko.example.fi").validDomains).toEqual(["ennakko.example.fi"]);
    expect(JSON.stringify(render("ennakko.example.fi"))).not.toContain("{{");
  });

  it("names the missing or malformed setting", () => {
    expect(() => renderTeamsManifest(template, { appId: "" })).toThrow(/MICROSOFT_APP_ID/);
    expect(() => renderTeamsManifest(template, { appId: APP_ID, botDomain: "https://x.fi/api" })).toThrow(
      /BOT_DOMAIN/,
    );
  });

  it("offers the bot in personal, team and group chat scopes, with files", () => {
    const bot = botOf(render());
    expect([...bot.scopes].sort()).toEqual([...BOT_SCOPES].sort());
    expect(bot.supportsFiles).toBe(true);
  });

  it("lists exactly the Teams menu of the COMMANDS table for each scope", () => {
    const lists = botOf(render()).commandLists ?? [];
    expect(lists.flatMap((list) => list.scopes).sort()).toEqual([...BOT_SCOPES].sort());
    const expected = teamsMenu(registry().commands).map((c) => ({ title: c.name, description: c.summary }));
    for (const list of lists) {
      expect(list.commands).toEqual(expected);
      // Teams shows at most 10 commands per list; the schema enforces it too, this says why it broke.
      expect(list.commands.length).toBeLessThanOrEqual(10);
    }
  });

  it("declares every message action the code handles, on messages, with a dialog fetched from the bot", () => {
    type Command = { id: string; type: string; title: string; context: string[]; fetchTask: boolean };
    const extensions = render().composeExtensions as { commands: Command[] }[];
    const commands = extensions.flatMap((e) => e.commands);
    expect(commands.map((c) => c.id).sort()).toEqual([...MESSAGE_ACTION_COMMANDS].sort());
    for (const command of commands)
      expect(command).toMatchObject({ type: "action", context: ["message"], fetchTask: true });
    expect(commands.find((c) => c.id === "saveSignal")?.title).toBe("Save as signal");
  });
});

describe("Teams icons", () => {
  it("color.png is 192x192", async () => {
    const header = readPngHeader(await readFile(join(TEAMS_DIR, "color.png")));
    expect([header.width, header.height]).toEqual([192, 192]);
  });

  it("outline.png is 32x32, white on transparent", async () => {
    const { header, pixels } = readPngRgba(await readFile(join(TEAMS_DIR, "outline.png")));
    expect([header.width, header.height]).toEqual([32, 32]);
    let transparent = 0;
    for (let at = 0; at < pixels.length; at += 4) {
      if (pixels[at + 3] === 0) transparent++;
      else expect([pixels[at], pixels[at + 1], pixels[at + 2]]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(0);
    expect(transparent).toBeLessThan(32 * 32);
  });
});

describe("buildTeamsPackage", () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), "ennakko-teams-"));
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it("writes a zip with exactly manifest.json and the two icons at its root", async () => {
    const { zipPath } = await buildTeamsPackage({ appId: APP_ID, botDomain: "ennakko.example.fi", outDir });
    expect(zipPath).toBe(join(outDir, PACKAGE_NAME));
    const entries = unzipSync(new Uint8Array(await readFile(zipPath)));
    expect(Object.keys(entries).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(strFromU8(entries["manifest.json"]!)) as TeamsManifestJson;
    expect(manifest.id).toBe(APP_ID);
    expect(await validateTeamsManifest(manifest)).toEqual([]);
    expect(Buffer.from(entries["color.png"]!)).toEqual(await readFile(join(TEAMS_DIR, "color.png")));
  });

  it("builds the same bytes twice, so a rebuilt package shows no spurious change", async () => {
    const first = await readFile((await buildTeamsPackage({ appId: APP_ID, outDir })).zipPath);
    const second = await readFile((await buildTeamsPackage({ appId: APP_ID, outDir })).zipPath);
    expect(second.equals(first)).toBe(true);
  });

  it("refuses to build a package whose manifest fails the schema", async () => {
    await expect(
      buildTeamsPackage({ appId: APP_ID, websiteUrl: "ftp://example.com", outDir }),
    ).rejects.toThrow(/schema/);
  });
});
