// `npm run teams:package`: turns manifests/teams/manifest.template.json into the zip that is uploaded to
// Teams (Developer Portal, Teams admin center, or "Upload a custom app"), validated first against
// Microsoft's manifest schema so a broken manifest fails here rather than in the upload dialog.
//
//   MICROSOFT_APP_ID  required  the bot's Microsoft App ID (Azure bot registration), a GUID
//   BOT_DOMAIN        optional  host name of the bot's messaging endpoint, e.g. bot.example.fi
//   WEBSITE_URL       optional  https page for the developer, privacy and terms links
//
// Validation is offline: the schema comes from the copy bundled in @microsoft/app-manifest, never
// from developer.microsoft.com (our machines and CI cannot reach it).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { AppManifestUtils } from "@microsoft/app-manifest";
import { strToU8, zipSync } from "fflate";

const TEAMS_DIR = resolve(import.meta.dirname, "../manifests/teams");
export const TEMPLATE_PATH = join(TEAMS_DIR, "manifest.template.json");
export const ICON_FILES = ["color.png", "outline.png"] as const;
export const DEFAULT_OUT_DIR = join(TEAMS_DIR, "build");
export const PACKAGE_NAME = "ennakko-teams.zip";
/** Microsoft's own samples use this host when there is no real site yet. */
const FALLBACK_WEBSITE_URL = "https://www.example.com";
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** A host name, optionally with a port or a leading wildcard label: what validDomains accepts. */
const DOMAIN = /^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d+)?$/;

export type TeamsPackageOptions = {
  /** Microsoft App ID of the bot: the app id and the bot id in the manifest. */
  appId: string;
  /** Host of the bot's endpoint, listed in validDomains; omitted when empty. */
  botDomain?: string | undefined;
  /** Developer website, privacy and terms link; defaults to https://<botDomain>. */
  websiteUrl?: string | undefined;
  outDir?: string;
};

export type TeamsManifestJson = Record<string, unknown> & { manifestVersion: string };

/** Fills the template's {{PLACEHOLDERS}}; an empty BOT_DOMAIN drops its validDomains entry. */
export function renderTeamsManifest(template: string, options: TeamsPackageOptions): TeamsManifestJson {
  const appId = options.appId.trim();
  if (!GUID.test(appId)) {
    throw new Error(`MICROSOFT_APP_ID must be a GUID (the bot's Microsoft App ID), got "${appId}"`);
  }
  const botDomain = options.botDomain?.trim() ?? "";
  if (botDomain !== "" && !DOMAIN.test(botDomain)) {
    throw new Error(
      `BOT_DOMAIN must be a bare host name such as bot.example.fi (no https://, no path), got "${botDomain}"`,
    );
  }
  const websiteUrl =
    options.websiteUrl?.trim() || (botDomain ? `https://${botDomain}` : FALLBACK_WEBSITE_URL);
  const values: Record<string, string> = {
    MICROSOFT_APP_ID: appId,
    BOT_DOMAIN: botDomain,
    WEBSITE_URL: websiteUrl,
  };
  const manifest = fillPlaceholders(JSON.parse(template), values) as TeamsManifestJson;
  if (Array.isArray(manifest.validDomains)) {
    manifest.validDomains = manifest.validDomains.filter((domain) => domain !== "");
  }
  return manifest;
}

/** Replaces {{NAME}} inside string values only, so no value can break the JSON around it. */
function fillPlaceholders(node: unknown, values: Record<string, string>): unknown {
  if (typeof node === "string") {
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      const value = values[name];
      // A placeholder added to the template but not here would otherwise ship as literal text.
      if (value === undefined) {
        throw new Error(`The Teams manifest template uses an unknown placeholder {{${name}}}`);
      }
      return value;
    });
  }
  if (Array.isArray(node)) return node.map((item) => fillPlaceholders(item, values));
  if (node !== null && typeof node === "object") {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, fillPlaceholders(value, values)]),
    );
  }
  return node;
}

/** Microsoft's JSON schema for a manifest version, read from the copy shipped in @microsoft/app-manifest. */
export async function loadBundledTeamsSchema(manifestVersion: string): Promise<object> {
  const packageRoot = dirname(createRequire(import.meta.url).resolve("@microsoft/app-manifest/package.json"));
  const file = join(
    packageRoot,
    "build/json-schemas/teams",
    `v${manifestVersion}`,
    "MicrosoftTeams.schema.json",
  );
  const text = await readFile(file, "utf8").catch(() => {
    throw new Error(
      `@microsoft/app-manifest has no bundled schema for Teams manifest version ${manifestVersion} (${file}); ` +
        "pick a manifestVersion it ships, we do not fetch schemas over the network",
    );
  });
  // Same clean-up as AppManifestUtils.fetchSchema: some schema versions use \a and \v in regexes,
  // which JSON Schema's (ECMAScript) regex dialect rejects.
  return JSON.parse(text.replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"));
}

/**
 * Schema errors of a Teams manifest, empty when valid. The schema is passed in explicitly so that
 * AppManifestUtils never falls back to downloading it from the manifest's $schema URL.
 */
export async function validateTeamsManifest(manifest: TeamsManifestJson): Promise<string[]> {
  const schema = await loadBundledTeamsSchema(manifest.manifestVersion);
  type Manifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
  type Schema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as Manifest, schema as Schema);
}

/** Builds and validates the manifest, then writes manifest.json and the icons, flat, into the zip. */
export async function buildTeamsPackage(
  options: TeamsPackageOptions,
): Promise<{ zipPath: string; manifest: TeamsManifestJson }> {
  const manifest = renderTeamsManifest(await readFile(TEMPLATE_PATH, "utf8"), options);
  const errors = await validateTeamsManifest(manifest);
  if (errors.length > 0) {
    throw new Error(`The Teams manifest does not match Microsoft's schema:\n  ${errors.join("\n  ")}`);
  }
  // A fixed timestamp makes the zip depend on its contents only, so rebuilding yields the same bytes.
  const mtime = new Date(1980, 0, 1);
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {
    "manifest.json": [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), { mtime }],
  };
  for (const icon of ICON_FILES) files[icon] = [await readFile(join(TEAMS_DIR, icon)), { mtime }];
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  await mkdir(outDir, { recursive: true });
  const zipPath = join(outDir, PACKAGE_NAME);
  await writeFile(zipPath, zipSync(files, { level: 9 }));
  return { zipPath, manifest };
}

async function main(): Promise<void> {
  const appId = process.env.MICROSOFT_APP_ID;
  if (!appId) {
    console.error("MICROSOFT_APP_ID is not set: export the bot's Microsoft App ID (a GUID) and run again.");
    process.exit(2);
  }
  if (!process.env.WEBSITE_URL && !process.env.BOT_DOMAIN) {
    console.warn(
      `WEBSITE_URL and BOT_DOMAIN are not set: the developer links point at ${FALLBACK_WEBSITE_URL}.`,
    );
  }
  const { zipPath } = await buildTeamsPackage({
    appId,
    botDomain: process.env.BOT_DOMAIN,
    websiteUrl: process.env.WEBSITE_URL,
  });
  console.log(`Wrote ${zipPath}`);
}

// Only when run as a script: the tests import buildTeamsPackage from this file.
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
