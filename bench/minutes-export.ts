// Time to turn a large meeting's minutes into files: a meeting with 100 agenda items, 300 decisions
// and 300 measures (200 new, 100 followed up), 40 attendees and a pulse summary, in Finnish.
// Measured in the same run: JSON.stringify of the same content (the floor any export pays to walk
// it), the zod check every export does first, the measures CSV, the Markdown, and the DOCX (document
// XML + ZIP with deflate) — p50/p90/p99 over N runs after a warm-up.
//
//   npm run bench:minutes-export            # N=200
//   BENCH_RUNS=1000 npm run bench:minutes-export
import { performance } from "node:perf_hooks";
import { docx } from "../src/exports/docx.ts";
import { minutesDocument } from "../src/features/minutes/app/minutes-document.ts";
import { measuresCsv } from "../src/features/minutes/app/minutes-files.ts";
import { renderMarkdown } from "../src/features/minutes/app/minutes-markdown.ts";
import { type MinutesContent, MinutesContentSchema } from "../src/features/minutes/domain/minutes-content.ts";
import { distribution, fmt, table } from "./lib/stats.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = Math.max(10, Math.floor(RUNS / 10));
const ITEMS = 100;
const DECISIONS = 300;
const MEASURES = 300;

const STATUSES = ["PLANNED", "STARTED", "BLOCKED", "DONE"] as const;
const OUTCOMES = ["DISCUSSED", "DEFERRED", "ACCEPTED"] as const;
const names = Array.from({ length: 40 }, (_, i) => `Jäsen ${i + 1} Äijälä-Öhman`);
const due = (i: number) =>
  `2027-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;

function bigMeeting(): MinutesContent {
  const measure = (i: number) => ({
    title: `Toimenpide ${i + 1}: koulutuspolku hitsaajille & automaatioasentajille <Lappi>`,
    owner: i % 17 === 0 ? null : names[i % names.length]!,
    due: due(i),
    status: STATUSES[i % STATUSES.length]!,
    progress: (i * 7) % 101,
  });
  return MinutesContentSchema.parse({
    meeting: {
      id: "2f1c7a58-8f0e-4a53-9d2b-6a1f0c9e4b11",
      title: "Kevätkokous 2027",
      startsAt: "2027-03-26T08:00:00.000Z",
      durationMinutes: 180,
      location: "Rovaniemi, Lapin liitto",
    },
    cluster: { name: "Energia", locale: "fi", timeZone: "Europe/Helsinki" },
    attendance: { present: names.slice(0, 30), absent: names.slice(30), unrecorded: [] },
    items: Array.from({ length: ITEMS }, (_, i) => ({
      title: `Asia ${i + 1}: vetytalouden osaamistarpeet ja koulutuksen ennakointi`,
      kind: "TOPIC",
      outcome: OUTCOMES[i % OUTCOMES.length]!,
    })),
    decisions: Array.from({ length: DECISIONS }, (_, i) => ({
      text: `Päätös ${i + 1}: käynnistetään selvitys alueen osaamistarpeista vuoteen 2030; budjetti ${i * 1000} €.`,
      item: i % 3 === 0 ? null : `Asia ${(i % ITEMS) + 1}`,
    })),
    newMeasures: Array.from({ length: 200 }, (_, i) => measure(i)),
    followUp: Array.from({ length: MEASURES - 200 }, (_, i) => measure(200 + i)),
    pulse: {
      title: "Kevään osaamispulssi",
      closesAt: "2027-03-20T14:00:00.000Z",
      invited: 40,
      completed: 31,
      rate: 0.775,
      questions: Array.from({ length: 12 }, (_, i) => ({
        text: `Kysymys ${i + 1}`,
        n: 31,
        mean: i % 2 ? 3.4 : null,
        top: i % 2 ? null : "Hitsaus",
        hidden: false,
      })),
    },
    summary: "Puheenjohtaja avasi kokouksen.\n\n".repeat(20),
    discussion: "Keskusteltiin vetytalouden osaamistarpeista. ".repeat(60),
    nextSteps: "Seuraava kokous syksyllä.",
    generatedAt: "2027-03-26T12:00:00.000Z",
  });
}

function time(label: string, fn: () => { length: number }) {
  let size = 0;
  for (let i = 0; i < WARMUP; i++) size = fn().length;
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    size = fn().length;
    samples.push(performance.now() - start);
  }
  return { label, size, ...distribution(samples) };
}

async function timeAsync(label: string, fn: () => Promise<{ length: number }>) {
  let size = 0;
  for (let i = 0; i < WARMUP; i++) size = (await fn()).length;
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    size = (await fn()).length;
    samples.push(performance.now() - start);
  }
  return { label, size, ...distribution(samples) };
}

const content = bigMeeting();
const raw = JSON.parse(JSON.stringify(content)) as unknown;
const meta = { version: 1, status: "APPROVED" as const, approvedBy: "Sihteeri", approvedAt: new Date() };
const rows = [
  time("baseline: JSON.stringify(content)", () => JSON.stringify(content)),
  time("baseline: measures CSV (300 rows)", () => measuresCsv(content, "fi")),
  time("zod check of the stored content", () => JSON.stringify(MinutesContentSchema.parse(raw)).slice(0, 0)),
  time("Markdown (layout + render)", () => renderMarkdown(minutesDocument(content, "fi", meta))),
  await timeAsync("DOCX (layout + docx library + ZIP)", () => docx(minutesDocument(content, "fi", meta))),
];

console.log(
  `minutes export: ${ITEMS} agenda items, ${DECISIONS} decisions, ${MEASURES} measures, ${names.length} people; ` +
    `${RUNS} runs after ${WARMUP} warm-up, Node ${process.version}\n`,
);
console.log(
  table(
    ["step", "p50 ms", "p90 ms", "p99 ms", "max ms", "output bytes"],
    rows.map((r) => [r.label, fmt(r.p50), fmt(r.p90), fmt(r.p99), fmt(r.max), r.size ? String(r.size) : "–"]),
  ),
);
