// Delphi results where the cluster keeps its record: the minutes draft's "Delphi" section (the rounds
// closed since the previous meeting, as of the last one before this meeting) and the chairs' report's
// Delphi part (per cluster: consensus count, persistent disagreements), through the use cases on a
// real database, the documents included.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { bindForum } from "../../../src/features/forum/app/bind-forum.ts";
import { chairsReport } from "../../../src/features/forum/app/chairs-report.ts";
import {
  chairsReportBlocks,
  chairsReportMarkdown,
  chairsReportView,
} from "../../../src/features/forum/surface/chairs-report-view.ts";
import { minutesDraft } from "../../../src/features/minutes/app/minutes-draft.ts";
import { minutesMarkdown } from "../../../src/features/minutes/app/minutes-markdown.ts";
import { parseMinutesContent } from "../../../src/features/minutes/domain/minutes-content.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { AGREED, SPLIT, seedDelphi } from "../../support/delphi-fixtures.ts";
import { seedHeldMeeting } from "../../support/minutes-meeting.ts";
import { slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
const energy = slackChannel("C-ENERGY");
const mining = slackChannel("C-MINING");
const chair = slackUser("U-CHAIR", "Aino");
const miningChair = slackUser("U-MC", "Bertta");
const emma = slackUser("U-EMMA", "Emma");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => new Date() }, compose: surfaceComposer };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  await setupCluster(ctx, { actor: chair, conversation: energy, name: "Energy", locale: "en" });
  await joinCluster(ctx, { actor: emma, conversation: energy });
});

const clusterOf = async (name: string) => (await db.prisma.cluster.findFirstOrThrow({ where: { name } })).id;

/** Disputed in rounds 1–2, agreed in round 3; the second statement agrees from round 2. */
const STATEMENTS = [
  {
    text: "Half of the mines run autonomous haulage by 2030",
    pools: { 1: { ratings: SPLIT }, 2: { ratings: SPLIT }, 3: { ratings: AGREED } },
  },
  {
    text: "Hydrogen steel is made in Tornio by 2032",
    pools: { 1: { ratings: SPLIT }, 2: { ratings: AGREED }, 3: { ratings: AGREED } },
  },
];

it("drafts the minutes with the Delphi rounds closed since the previous meeting, as of the meeting", async () => {
  // The meeting began 24 hours ago; the previous one 60 days ago.
  const { meetingId, clusterId } = await seedHeldMeeting(db, { present: ["Aino"], owner: "Emma" });
  const before = await db.prisma.meeting.create({
    data: { clusterId, title: "Winter 2027", status: "HELD" },
  });
  const slot = await db.prisma.meetingSlot.create({
    data: { meetingId: before.id, startsAt: new Date(Date.now() - 60 * DAY), durationMinutes: 60 },
  });
  await db.prisma.meeting.update({ where: { id: before.id }, data: { chosenSlotId: slot.id } });
  // Closed before the previous meeting: already in its minutes.
  await seedDelphi(db, {
    clusterId,
    title: "Old Delphi",
    statements: STATEMENTS,
    closedRounds: [1],
    closedAt: new Date(Date.now() - 90 * DAY),
    createdAt: new Date(Date.now() - 100 * DAY),
  });
  // Rounds 1 and 2 closed before the meeting began, round 3 an hour ago: the minutes stop at round 2.
  await seedDelphi(db, {
    clusterId,
    statements: STATEMENTS,
    closedRounds: [1, 2, 3],
    closedAt: new Date(Date.now() - HOUR),
  });

  const draft = await minutesDraft(ctx, { actor: chair, conversation: energy });
  if (!draft.ok) throw new Error(JSON.stringify(draft));
  expect(draft.value.meetingId).toBe(meetingId);
  const { delphi } = draft.value.content;
  expect(delphi.map((d) => [d.title, d.round])).toEqual([["Lapland 2035", 2]]);
  expect(delphi[0]!.statements.map((s) => s.disagreement)).toEqual([true, false]);
  expect(delphi[0]!.statements[0]!.figures).toEqual([
    { scale: "probability", n: 4, median: 3, q1: 1, q3: 5, iqr: 4, consensus: false },
    { scale: "year", n: 4, median: 2030.5, q1: 2030, q3: 2031.25, iqr: 1.25, consensus: true },
  ]);

  const markdown = minutesMarkdown(draft.value.content, "en", { version: 1, status: "DRAFT" });
  expect(markdown).toContain("# Delphi");
  expect(markdown).toContain("## Lapland 2035, round 2");
  expect(markdown).toContain(
    "- \\1. Half of the mines run autonomous haulage by 2030 — Probability: median 3, IQR 4 (1–5), consensus: no; Year: median 2030.5, IQR 1.25 (2030–2031.25), consensus: yes",
  );
  expect(markdown).toContain("Persistent disagreement: 1. Half of the mines run autonomous haulage by 2030");
  expect(markdown).not.toContain("Old Delphi");
  // In the cluster's language: Finnish minutes say it in Finnish.
  const finnish = minutesMarkdown(draft.value.content, "fi", { version: 1, status: "DRAFT" });
  expect(finnish).toContain("Todennäköisyys: mediaani 3, Kvartiiliväli 4 (1–5), yksimielisyys: ei");
  expect(finnish).toContain("Pysyvä erimielisyys: 1. Half");
});

it("reads minutes saved before the section existed, and leaves the section out when no round closed", async () => {
  await seedHeldMeeting(db, { present: ["Aino"], owner: "Emma" });
  const draft = await minutesDraft(ctx, { actor: chair, conversation: energy });
  if (!draft.ok) throw new Error(JSON.stringify(draft));
  expect(draft.value.content.delphi).toEqual([]);
  expect(minutesMarkdown(draft.value.content, "en", { version: 1, status: "DRAFT" })).not.toContain("Delphi");
  const { delphi: _dropped, ...older } = draft.value.content;
  expect(parseMinutesContent(JSON.parse(JSON.stringify(older))).delphi).toEqual([]);
});

it("gives each cluster's latest Delphi in the chairs' report: consensus count and persistent disagreements", async () => {
  await setupCluster(ctx, { actor: miningChair, conversation: mining, name: "Mining", locale: "en" });
  const bound = await bindForum(ctx, {
    actor: chair,
    conversation: slackChannel("C-CHAIRS"),
    name: "Chairs",
  });
  if (!bound.ok) throw new Error(JSON.stringify(bound));
  const energyId = await clusterOf("Energy");
  // An older Delphi, then the latest with rounds 1–2 closed; a newer one still in its first round.
  await seedDelphi(db, {
    clusterId: energyId,
    title: "Older",
    statements: STATEMENTS,
    closedRounds: [1],
    createdAt: new Date(Date.now() - 9 * DAY),
  });
  await seedDelphi(db, {
    clusterId: energyId,
    statements: STATEMENTS,
    closedRounds: [1, 2],
    createdAt: new Date(Date.now() - 5 * DAY),
  });
  await seedDelphi(db, {
    clusterId: energyId,
    title: "Open",
    statements: STATEMENTS,
    closedRounds: [],
    openRound: 1,
  });

  const report = await chairsReport(ctx, { actor: chair, conversation: slackChannel("C-CHAIRS") });
  if (!report.ok) throw new Error(JSON.stringify(report));
  const byName = Object.fromEntries(report.value.clusters.map((c) => [c.name, c.delphi]));
  expect(byName.Energy).toEqual({
    title: "Lapland 2035",
    round: 2,
    statements: 2,
    consensusCount: 1,
    disagreements: [{ position: 1, text: "Half of the mines run autonomous haulage by 2030" }],
  });
  expect(byName.Mining).toBeNull();

  const t = translator("en");
  const line =
    "*Energy* – Lapland 2035 (round 2): consensus on 1 of 2 statements; persistent disagreement: 1. Half of the mines run autonomous haulage by 2030";
  const shown = JSON.stringify(chairsReportView(report.value, t, "en"));
  expect(shown).toContain(JSON.stringify(line).slice(1, -1));
  expect(shown).toContain("*Mining*: no Delphi with a closed round.");
  const markdown = chairsReportMarkdown(report.value, t, "en");
  expect(markdown).toContain("## Delphi");
  expect(markdown).toContain(`- ${line.replace("*Energy*", "**Energy**")}`);
  const blocks = chairsReportBlocks(report.value, t, "en");
  expect(blocks).toContainEqual({ kind: "heading", level: 1, text: "Delphi" });
});
