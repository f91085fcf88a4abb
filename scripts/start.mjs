// `npm start` / `npm run migrate`: build when the sources are newer than dist/ (or there is no build),
// then run the compiled entry IN THIS PROCESS. Why in-process rather than a child: npm runs this
// script as its one child (sh execs it), so a SIGTERM/SIGINT sent to npm (which forwards it), to this
// process, or to the whole group reaches the bot's own handlers directly; there is no middle process
// to orphan the bot or to exit before the database is closed. Production runs `node dist/main.js`.

import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, ROOT, staleReason } from "./build.mjs";

const entries = { start: "main.js", migrate: "migrate-main.js" };
const entry = entries[process.argv[2] ?? "start"];
if (!entry) {
  process.stderr.write(`usage: node scripts/start.mjs [${Object.keys(entries).join("|")}]\n`);
  process.exit(2);
}
const reason = staleReason();
if (reason) {
  process.stderr.write(`Building (${reason})…\n`);
  build();
}
await import(pathToFileURL(join(ROOT, "dist", entry)).href);
