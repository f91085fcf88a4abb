// Start-up time and idle memory of the bot, before (the old `npm start`: prisma generate, then tsx
// compiling src/ on the fly) and after (`node dist/main.js` on the build from `npm run build`).
//
//   npm run build && npx tsx bench/start.ts
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:55511/postgres npx tsx bench/start.ts
//
// cold = an empty DATA_DIR (PGlite initdb + every migration) or, on PostgreSQL, a fresh database;
// warm = the same again, nothing to create or migrate. "Ready" = GET /readyz (or /healthz where there
// is no /readyz) answers 200. Idle RSS = VmRSS of the node process 5 s after ready.
//
// Measured 2026-12-06 on the shared 2-core machine (load average 1.7-3.5, other jobs running),
// PostgreSQL 15 local; "before" is tsx on today's sources, so it includes this other changes:
//   start path                      engine    run    ready   idle RSS
//   before: prisma generate + tsx   embedded  cold    8.8 s    974 MB
//   before: prisma generate + tsx   embedded  warm    5.5 s    542 MB
//   after:  node dist/main.js       embedded  cold    7.3 s    878 MB   (PGlite initdb; RSS stays high)
//   after:  node dist/main.js       embedded  warm    3.0 s    419 MB
//   before: prisma generate + tsx   postgres  cold    6.8 s    359 MB
//   before: prisma generate + tsx   postgres  warm    5.8 s    350 MB
//   after:  node dist/main.js       postgres  cold    2.6 s    270 MB
//   after:  node dist/main.js       postgres  warm    2.1 s    265 MB
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";

const ROOT = resolve(import.meta.dirname, "..");

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

async function ready(port: number): Promise<boolean> {
  for (const path of ["/readyz", "/healthz"]) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      if (res.status === 200) return true;
      if (res.status !== 404) return false;
    } catch {
      return false;
    }
  }
  return false;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

type Run = { seconds: number; rssMb: number };

async function startOnce(command: string[], env: Record<string, string>): Promise<Run> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", PORT: String(port), LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  try {
    while (!(await ready(port))) {
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 5_000));
    return { seconds, rssMb: rssMb(child.pid!) };
  } finally {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
}

async function freshPostgres(url: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const TSX = ["node", "--import", "tsx", "src/main.ts"];
const NODE = ["node", "dist/main.js"];

async function measure(
  label: string,
  command: string[],
  before: () => void,
  engine: "embedded" | "postgres",
) {
  const rows: string[] = [];
  for (const temperature of ["cold", "warm"] as const) {
    let env: Record<string, string>;
    let dataDir: string | null = null;
    if (engine === "embedded") {
      dataDir = temperature === "cold" ? mkdtempSync(join(tmpdir(), "bench-start-")) : shared.dataDir!;
      shared.dataDir = dataDir;
      env = { DATA_DIR: dataDir };
    } else {
      const url = process.env.BENCH_DATABASE_URL!;
      if (temperature === "cold") shared.pgUrl = await freshPostgres(url, "bench_start");
      env = { DATABASE_URL: shared.pgUrl! };
    }
    const t0 = performance.now();
    before();
    const prep = (performance.now() - t0) / 1000;
    const run = await startOnce(command, env);
    rows.push(
      `${label.padEnd(34)} ${engine.padEnd(9)} ${temperature.padEnd(5)} ${(prep + run.seconds).toFixed(1).padStart(6)} s ${run.rssMb.toFixed(0).padStart(6)} MB`,
    );
  }
  if (shared.dataDir) rmSync(shared.dataDir, { recursive: true, force: true });
  shared.dataDir = null;
  return rows;
}

const shared: { dataDir: string | null; pgUrl: string | null } = { dataDir: null, pgUrl: null };
const generate = () =>
  execFileSync("node", ["node_modules/prisma/build/index.js", "generate"], { cwd: ROOT, stdio: "ignore" });

if (!existsSync(join(ROOT, "dist", "main.js"))) {
  process.stderr.write("No build: run `npm run build` first.\n");
  process.exit(1);
}
// BENCH_ENGINES=postgres (or embedded) measures one engine only.
const engines = (["embedded", "postgres"] as const).filter(
  (engine) =>
    (engine === "embedded" || process.env.BENCH_DATABASE_URL) &&
    (!process.env.BENCH_ENGINES || process.env.BENCH_ENGINES.split(",").includes(engine)),
);
const lines = [`${"start path".padEnd(34)} ${"engine".padEnd(9)} ${"run".padEnd(5)}  ready    idle RSS`];
for (const engine of engines) {
  lines.push(...(await measure("before: prisma generate + tsx", TSX, generate, engine)));
  lines.push(...(await measure("after: node dist/main.js", NODE, () => {}, engine)));
}
process.stdout.write(`${lines.join("\n")}\n`);
