// No container engine or systemd on CI: what can be checked without them is checked here. The deploy
// files start the bot the way the tests do, name only documented settings, and keep their safety
// properties (non-root, read-only, health check, graceful stop).
import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PRODUCTION_START } from "./start-command.ts";

let envExample: string;
const documented = (name: string) => new RegExp(`^#?\\s?${name}=`, "m").test(envExample);

beforeAll(async () => {
  envExample = await readFile(".env.example", "utf8");
});

/** Dockerfile instructions of the last stage, continuation lines joined, comments dropped. */
async function dockerfile(): Promise<{ stages: number; final: { op: string; args: string }[] }> {
  const text = (await readFile("Dockerfile", "utf8"))
    .split("\n")
    .filter((l) => !/^\s*#/.test(l))
    .join("\n")
    .replace(/\\\n/g, " ");
  const all = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [op = "", ...rest] = l.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(" ") };
    });
  const lastFrom = all.map((i) => i.op).lastIndexOf("FROM");
  return { stages: all.filter((i) => i.op === "FROM").length, final: all.slice(lastFrom) };
}

describe("Dockerfile", () => {
  it("is multi-stage and runs the production start path as a non-root user", async () => {
    const { stages, final } = await dockerfile();
    expect(stages).toBeGreaterThanOrEqual(2);
    const cmd = final.filter((i) => i.op === "CMD").at(-1);
    expect(cmd && JSON.parse(cmd.args)).toEqual([...PRODUCTION_START]);
    expect(final.some((i) => i.op === "ENTRYPOINT")).toBe(false);
    const user = final.filter((i) => i.op === "USER").at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it("checks liveness on /healthz and keeps DATA_DIR on a volume", async () => {
    const { final } = await dockerfile();
    const health = final.find((i) => i.op === "HEALTHCHECK");
    expect(health?.args).toContain("/healthz");
    const dataDir = final
      .filter((i) => i.op === "ENV")
      .map((i) => /DATA_DIR=(\S+)/.exec(i.args)?.[1])
      .find(Boolean);
    expect(dataDir).toBe("/data");
    expect(final.find((i) => i.op === "VOLUME")?.args).toContain(dataDir);
  });

  it("sets only documented settings", async () => {
    const { final } = await dockerfile();
    const names = final
      .filter((i) => i.op === "ENV")
      .flatMap((i) => [...i.args.matchAll(/([A-Z_][A-Z0-9_]*)=/g)].map((m) => m[1]!))
      .filter((n) => n !== "NODE_ENV");
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(documented(name), `${name} in .env.example`).toBe(true);
  });
});

describe("compose.yaml", () => {
  type Service = {
    image?: string;
    build?: unknown;
    environment?: Record<string, string>;
    depends_on?: Record<string, { condition: string }>;
    healthcheck?: { test: unknown };
    read_only?: boolean;
    volumes?: string[];
  };
  let compose: { services: Record<string, Service>; volumes: Record<string, unknown> };
  let text: string;
  beforeAll(async () => {
    text = await readFile("compose.yaml", "utf8");
    compose = parse(text);
  });

  it("names only variables that .env.example documents", () => {
    const withoutComments = text.replace(/(^|\s)#.*$/gm, "$1");
    const names = [
      ...new Set([...withoutComments.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!)),
    ];
    expect(names).toEqual(expect.arrayContaining(["POSTGRES_PASSWORD", "SLACK_BOT_TOKEN"]));
    for (const name of names) expect(documented(name), `${name} in .env.example`).toBe(true);
    const bot = compose.services.ennakko!;
    for (const name of Object.keys(bot.environment ?? {}))
      expect(documented(name), `${name} in .env.example`).toBe(true);
  });

  it("starts the bot after PostgreSQL is healthy, on PostgreSQL, read-only with DATA_DIR on a volume", () => {
    const { postgres, ennakko } = compose.services;
    expect(postgres?.healthcheck?.test).toBeDefined();
    expect(postgres?.volumes?.some((v) => v.endsWith(":/var/lib/postgresql/data"))).toBe(true);
    expect(ennakko?.build).toBeDefined();
    expect(ennakko?.depends_on?.postgres?.condition).toBe("service_healthy");
    expect(ennakko?.environment?.DATABASE_URL).toMatch(/^postgresql:\/\/.*@postgres:5432\//);
    expect(ennakko?.read_only).toBe(true);
    expect(ennakko?.volumes?.some((v) => v.endsWith(":/data"))).toBe(true);
    for (const v of [...(postgres?.volumes ?? []), ...(ennakko?.volumes ?? [])])
      expect(Object.keys(compose.volumes)).toContain(v.split(":")[0]);
  });
});

describe("systemd unit", () => {
  it("runs the production start path unprivileged, restarts on failure and stops gracefully", async () => {
    const unit = await readFile("deploy/ennakko.service", "utf8");
    const directive = (name: string) => new RegExp(`^${name}=(.*)$`, "m").exec(unit)?.[1]?.trim();
    const exec = directive("ExecStart")?.split(/\s+/) ?? [];
    expect(exec[0]).toMatch(/(^|\/)node$/);
    expect(["node", ...exec.slice(1)]).toEqual([...PRODUCTION_START]);
    expect(directive("EnvironmentFile")).toBeDefined();
    expect(directive("Restart")).toBe("on-failure");
    expect(Number(directive("TimeoutStopSec"))).toBeGreaterThan(0);
    expect(directive("User")).toMatch(/^(?!root$)\w+/);
    expect(directive("NoNewPrivileges")).toBe("true");
    expect(directive("ProtectSystem")).toBe("strict");
    expect(directive("ReadWritePaths")).toBe(/DATA_DIR=(\S+)/.exec(unit)?.[1]);
  });
});
