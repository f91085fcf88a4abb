// The chairs' forum through the use cases on a real database: binding it, who may use it (derived from
// the clusters' roles, scoped to the workspace), and the report with known skill-grid answers,
// measures and meetings → exact matrix, scorecard and meeting list.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { bindForum } from "../../../src/features/forum/app/bind-forum.ts";
import { type ChairsReport, chairsReport } from "../../../src/features/forum/app/chairs-report.ts";
import {
  chairsReportFiles,
  chairsReportMarkdown,
  chairsReportView,
} from "../../../src/features/forum/surface/chairs-report-view.ts";
import { answerPulse } from "../../../src/features/pulses/app/answer-pulse.ts";
import { createPulse } from "../../../src/features/pulses/app/create-pulse.ts";
import { seedQuestionBank } from "../../../src/features/pulses/app/seed-question-bank.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import type { Conversation, PlatformUser } from "../../../src/kernel/domain/platform-user.ts";
import type { Role } from "../../../src/kernel/domain/roles.ts";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { slackChannel, slackUser } from "../../support/people.ts";
import { docxText, unzip } from "../../support/unzip.ts";

let db: TestDatabase;
let ctx: AppContext;
let now: Date;
const at = (iso: string) => {
  now = new Date(iso);
};

const forumChannel = slackChannel("C-CHAIRS");
const energy = slackChannel("C-ENERGY");
const mining = slackChannel("C-MINING");
const tourism = slackChannel("C-TOURISM");
const energyChair = slackUser("U-EC", "Aino");
const miningChair = slackUser("U-MC", "Bertta");
const tourismChair = slackUser("U-TC", "Cecilia");
const energyVice = slackUser("U-EV", "Ville");
const energySecretary = slackUser("U-ES", "Sanna");
const plainMember = slackUser("U-E1", "Matti");
const energyMembers = [plainMember, slackUser("U-E2"), slackUser("U-E3"), slackUser("U-E4")];
const miningMembers = [slackUser("U-M1"), slackUser("U-M2"), slackUser("U-M3")];
// Another Slack workspace: its cluster and its chair must not see this forum, nor it theirs.
const otherTenant = { tenant: "T-ELSEWHERE" };
const elsewhereChannel: Conversation = { ...slackChannel("C-ELSEWHERE"), ...otherTenant };
const elsewhereChair = slackUser("U-XC", "Xena", otherTenant);

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => now }, compose: surfaceComposer };
});
afterAll(() => db.close());

async function personOf(user: PlatformUser) {
  const identity = await db.prisma.platformIdentity.findFirstOrThrow({
    where: { externalId: user.userId, tenant: user.tenant },
    include: { person: true },
  });
  return identity.person;
}
async function setRole(user: PlatformUser, channelId: string, role: Role) {
  const person = await personOf(user);
  const binding = await db.prisma.channelBinding.findFirstOrThrow({ where: { channelId } });
  await db.prisma.membership.update({
    where: { clusterId_personId: { clusterId: binding.clusterId, personId: person.id } },
    data: { role },
  });
}
async function clusterId(channelId: string) {
  return (await db.prisma.channelBinding.findFirstOrThrow({ where: { channelId } })).clusterId;
}
async function cluster(chair: PlatformUser, channel: Conversation, name: string, members: PlatformUser[]) {
  const created = await setupCluster(ctx, { actor: chair, conversation: channel, name, locale: "en" });
  if (!created.ok) throw new Error(JSON.stringify(created));
  for (const member of members) await joinCluster(ctx, { actor: member, conversation: channel });
}

type Cell = [skill: string, horizon: 1 | 5, level: string];
/** A named skill-grid pulse in `channel`, answered by each member with their cells. */
async function skillPulse(
  chair: PlatformUser,
  channel: Conversation,
  title: string,
  skills: string[],
  answers: [PlatformUser, Cell[]][],
  dates: { opensAt: string; closesAt: string },
) {
  const created = await createPulse(ctx, {
    actor: chair,
    conversation: channel,
    title,
    questionKeys: ["skills-demand"],
    anonymous: false,
    skills,
    opensAt: new Date(dates.opensAt),
    closesAt: new Date(dates.closesAt),
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  for (const [user, cells] of answers) {
    const value = cells.map(([skill, horizon, level]) => ({ skill, horizon, level }));
    const answered = await answerPulse(ctx, {
      actor: user,
      pulseId: created.value.pulseId,
      answers: [{ questionKey: "skills-demand", value }],
    });
    if (!answered.ok) throw new Error(JSON.stringify(answered));
  }
  return created.value.pulseId;
}

const day = (date: string) => new Date(`${date}T00:00:00Z`);

beforeEach(async () => {
  await truncateAll(db);
  at("2027-05-03T06:00:00Z");
  await seedQuestionBank(ctx);
  await cluster(energyChair, energy, "Energy", [energyVice, energySecretary, ...energyMembers]);
  await setRole(energyVice, "C-ENERGY", "VICE_CHAIR");
  await setRole(energySecretary, "C-ENERGY", "SECRETARY");
  await cluster(miningChair, mining, "Mining", miningMembers);
  await cluster(tourismChair, tourism, "Tourism", []);
  await cluster(elsewhereChair, elsewhereChannel, "Elsewhere", []);
  const [e1, e2, e3, e4] = energyMembers as [PlatformUser, PlatformUser, PlatformUser, PlatformUser];
  const [m1, m2, m3] = miningMembers as [PlatformUser, PlatformUser, PlatformUser];

  // Energy, 4 respondents. 1 year: Welding 2 of 4 growing (= half: growing), Automation 3 of 4,
  // Hydrogen rated by 2 only (hidden). 5 years: Welding stable, Automation growing.
  await skillPulse(
    energyChair,
    energy,
    "Energy spring",
    ["Welding", "Automation", "Hydrogen"],
    [
      [
        e1,
        [
          ["Welding", 1, "GROWING"],
          ["Automation", 1, "STRONGLY_GROWING"],
          ["Hydrogen", 1, "GROWING"],
          ["Welding", 5, "STABLE"],
          ["Automation", 5, "GROWING"],
        ],
      ],
      [
        e2,
        [
          ["Welding", 1, "GROWING"],
          ["Automation", 1, "STRONGLY_GROWING"],
          ["Hydrogen", 1, "GROWING"],
          ["Welding", 5, "STABLE"],
          ["Automation", 5, "GROWING"],
        ],
      ],
      [
        e3,
        [
          ["Welding", 1, "STABLE"],
          ["Automation", 1, "STRONGLY_GROWING"],
          ["Welding", 5, "STABLE"],
          ["Automation", 5, "GROWING"],
        ],
      ],
      [
        e4,
        [
          ["Welding", 1, "DECREASING"],
          ["Automation", 1, "STABLE"],
          ["Welding", 5, "STABLE"],
          ["Automation", 5, "GROWING"],
        ],
      ],
    ],
    { opensAt: "2027-05-03T06:00:00Z", closesAt: "2027-05-17T13:00:00Z" },
  );
  // Mining, 3 respondents, written "welding" in lower case: the same row. 1 year: welding 1 of 3
  // (not growing), Automation 2 of 3, Geology 3 of 3. 5 years: welding 3 of 3.
  await skillPulse(
    miningChair,
    mining,
    "Mining spring",
    ["welding", "Automation", "Geology"],
    [
      [
        m1,
        [
          ["welding", 1, "GROWING"],
          ["Automation", 1, "GROWING"],
          ["Geology", 1, "STRONGLY_GROWING"],
          ["welding", 5, "GROWING"],
        ],
      ],
      [
        m2,
        [
          ["welding", 1, "STABLE"],
          ["Automation", 1, "GROWING"],
          ["Geology", 1, "STRONGLY_GROWING"],
          ["welding", 5, "GROWING"],
        ],
      ],
      [
        m3,
        [
          ["welding", 1, "STABLE"],
          ["Automation", 1, "STABLE"],
          ["Geology", 1, "STRONGLY_GROWING"],
          ["welding", 5, "GROWING"],
        ],
      ],
    ],
    { opensAt: "2027-05-03T06:00:00Z", closesAt: "2027-05-20T13:00:00Z" },
  );
  // A later Mining pulse, still open on the report's day: it must not count.
  at("2027-05-25T06:00:00Z");
  await skillPulse(
    miningChair,
    mining,
    "Mining autumn",
    ["welding", "Automation", "Geology"],
    [m1, m2, m3].map((m): [PlatformUser, Cell[]] => [
      m,
      [
        ["Geology", 1, "DECREASING"],
        ["Automation", 1, "DECREASING"],
      ],
    ]),
    { opensAt: "2027-05-25T06:00:00Z", closesAt: "2027-06-20T13:00:00Z" },
  );

  // Measures of Energy (Europe/Helsinki). The report's day is 2027-06-01.
  const energyId = await clusterId("C-ENERGY");
  const measure = (
    clusterIdValue: string,
    title: string,
    status: string,
    due: string,
    completedAt?: string,
  ) =>
    db.prisma.measure.create({
      data: {
        clusterId: clusterIdValue,
        title,
        status: status as never,
        dueDate: day(due),
        ...(completedAt ? { completedAt: new Date(completedAt) } : {}),
      },
    });
  await measure(energyId, "Planned, due later", "PLANNED", "2027-06-10");
  await measure(energyId, "Started, overdue", "STARTED", "2027-05-20");
  await measure(energyId, "Blocked, due today", "BLOCKED", "2027-06-01");
  await measure(energyId, "Done early", "DONE", "2027-05-15", "2027-05-14T10:00:00Z");
  // 21:30 UTC on the due date is already the next day in Helsinki: late.
  await measure(energyId, "Done just late", "DONE", "2027-05-15", "2027-05-15T21:30:00Z");
  const legacy = await measure(energyId, "Done before completedAt existed", "DONE", "2027-05-01");
  await db.prisma.measureUpdate.create({
    data: { measureId: legacy.id, status: "DONE", createdAt: new Date("2027-04-30T08:00:00Z") },
  });
  await measure(energyId, "Cancelled", "CANCELLED", "2027-05-01");
  await measure(await clusterId("C-TOURISM"), "Done late", "DONE", "2027-05-01", "2027-05-03T09:00:00Z");

  // Meetings of Energy: one upcoming, one that began in the past, one still polling.
  const meeting = async (title: string, startsAt: string, status: "SCHEDULED" | "POLLING") => {
    const created = await db.prisma.meeting.create({
      data: {
        clusterId: energyId,
        title,
        status,
        slots: { create: { startsAt: new Date(startsAt), durationMinutes: 120, location: "Rovaniemi" } },
      },
      include: { slots: true },
    });
    if (status === "SCHEDULED")
      await db.prisma.meeting.update({
        where: { id: created.id },
        data: { chosenSlotId: created.slots[0]!.id },
      });
  };
  await meeting("Autumn meeting", "2027-09-15T09:00:00Z", "SCHEDULED");
  await meeting("Spring meeting", "2027-05-10T09:00:00Z", "SCHEDULED");
  await meeting("Winter meeting", "2027-12-01T09:00:00Z", "POLLING");

  at("2027-06-01T06:00:00Z");
});

async function report(actor: PlatformUser, conversation = forumChannel): Promise<ChairsReport> {
  const result = await chairsReport(ctx, { actor, conversation });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

describe("binding the chairs' forum", () => {
  it("binds an unbound channel for a chair, once per workspace, with no membership rows", async () => {
    const bound = await bindForum(ctx, { actor: miningChair, conversation: forumChannel, name: "Chairs" });
    expect(bound).toMatchObject({ ok: true, value: { kind: "CHAIRS_FORUM", name: "Chairs" } });
    if (!bound.ok) return;
    expect(await db.prisma.membership.count({ where: { clusterId: bound.value.id } })).toBe(0);
    expect(await db.prisma.auditEntry.count({ where: { action: "forum.setup" } })).toBe(1);
    expect(
      await bindForum(ctx, { actor: energyChair, conversation: slackChannel("C-OTHER"), name: "Again" }),
    ).toMatchObject({ ok: false, reason: "FORUM_EXISTS", details: { forum: "Chairs" } });
    expect(await bindForum(ctx, { actor: energyChair, conversation: energy, name: "Chairs" })).toMatchObject({
      ok: false,
      reason: "CHANNEL_ALREADY_BOUND",
    });
    // Another workspace may have its own forum.
    expect(
      (
        await bindForum(ctx, {
          actor: elsewhereChair,
          conversation: { ...slackChannel("C-ELSE-CHAIRS"), ...otherTenant },
          name: "Elsewhere chairs",
        })
      ).ok,
    ).toBe(true);
  });

  it("refuses members, secretaries and people with no forum role anywhere in the workspace", async () => {
    for (const actor of [plainMember, energySecretary, slackUser("U-NOBODY"), elsewhereChair])
      expect(await bindForum(ctx, { actor, conversation: forumChannel, name: "Chairs" })).toMatchObject({
        ok: false,
        reason: "NOT_A_FORUM_MEMBER",
      });
    expect(await db.prisma.cluster.count({ where: { kind: "CHAIRS_FORUM" } })).toBe(0);
  });
});

describe("the chairs' report", () => {
  beforeEach(async () => {
    const bound = await bindForum(ctx, { actor: energyChair, conversation: forumChannel, name: "Chairs" });
    if (!bound.ok) throw new Error(JSON.stringify(bound));
  });

  it("is refused outside the forum and to anyone without a forum role", async () => {
    for (const conversation of [energy, slackChannel("C-UNBOUND")])
      expect(await chairsReport(ctx, { actor: energyChair, conversation })).toMatchObject({
        ok: false,
        reason: "NOT_IN_FORUM",
      });
    for (const actor of [plainMember, energySecretary, slackUser("U-NOBODY")])
      expect(await chairsReport(ctx, { actor, conversation: forumChannel })).toMatchObject({
        ok: false,
        reason: "NOT_A_FORUM_MEMBER",
      });
    // A vice-chair is a forum member; so is a chair who is only a plain member elsewhere.
    expect((await chairsReport(ctx, { actor: energyVice, conversation: forumChannel })).ok).toBe(true);
  });

  it("gives the skill matrix per horizon from each cluster's latest closed pulse", async () => {
    const r = await report(tourismChair);
    expect(r.forumName).toBe("Chairs");
    expect(
      r.clusters.map((c) => [c.name, c.grid, c.pulse?.title ?? null, c.pulse?.respondents ?? null]),
    ).toEqual([
      ["Energy", "SHOWN", "Energy spring", 4],
      ["Mining", "SHOWN", "Mining spring", 3],
      ["Tourism", "NO_PULSE", null, null],
    ]);
    const [e, m, t] = r.clusters.map((c) => c.clusterId) as [string, string, string];
    const rows = (horizon: number) =>
      r.matrix
        .find((h) => h.horizon === horizon)!
        .rows.map((row) => [row.skill, row.growingIn, row.ratedIn, row.cells[e], row.cells[m], row.cells[t]]);
    expect(r.matrix.map((h) => h.horizon)).toEqual([1, 5]);
    expect(rows(1)).toEqual([
      ["Automation", 2, 2, "GROWING", "GROWING", "NO_DATA"],
      ["Welding", 1, 2, "GROWING", "NOT_GROWING", "NO_DATA"],
      ["Geology", 1, 1, "NO_DATA", "GROWING", "NO_DATA"],
      ["Hydrogen", 0, 0, "HIDDEN", "NO_DATA", "NO_DATA"],
    ]);
    expect(rows(5)).toEqual([
      ["Welding", 1, 2, "NOT_GROWING", "GROWING", "NO_DATA"],
      ["Automation", 1, 1, "GROWING", "NO_DATA", "NO_DATA"],
      ["Geology", 0, 0, "NO_DATA", "NO_DATA", "NO_DATA"],
      ["Hydrogen", 0, 0, "NO_DATA", "NO_DATA", "NO_DATA"],
    ]);
    // The other workspace's cluster is not in this forum's report.
    expect(r.clusters.map((c) => c.name)).not.toContain("Elsewhere");
  });

  it("gives the measures scorecard and the upcoming meetings per cluster", async () => {
    const r = await report(miningChair);
    const byName = Object.fromEntries(r.clusters.map((c) => [c.name, c]));
    expect(byName.Energy!.scorecard).toEqual({
      open: 3,
      onTrack: 2,
      overdue: 1,
      done: 3,
      doneOnTime: 2,
      onTimeShare: 2 / 3,
      cancelled: 1,
    });
    expect(byName.Mining!.scorecard).toEqual({
      open: 0,
      onTrack: 0,
      overdue: 0,
      done: 0,
      doneOnTime: 0,
      onTimeShare: null,
      cancelled: 0,
    });
    expect(byName.Tourism!.scorecard).toMatchObject({ done: 1, doneOnTime: 0, onTimeShare: 0 });
    expect(byName.Energy!.meetings).toEqual([
      expect.objectContaining({
        title: "Autumn meeting",
        startsAt: new Date("2027-09-15T09:00:00Z"),
        durationMinutes: 120,
        location: "Rovaniemi",
      }),
    ]);
    expect(byName.Mining!.meetings).toEqual([]);
  });

  it("renders a private view with a native chart and a DOCX and Markdown briefing pack", async () => {
    const r = await report(energyChair);
    const t = translator("en");
    const view = chairsReportView(r, t, "en");
    const texts = view.elements.flatMap((el) => (el.type === "text" ? [el.text] : []));
    expect(texts.join("\n")).toContain("• Automation: growing in 2 of 2 clusters (Energy, Mining)");
    expect(texts.join("\n")).toContain("*Energy*: 3 open (2 on track, 1 overdue) · 3 done, 67% on time");
    // One native chart: each skill once, one series per horizon, the figures in words as well.
    const charts = view.elements.filter((el) => el.type === "chart");
    expect(charts).toHaveLength(1);
    const chart = charts[0]!;
    if (chart.kind !== "bar") throw new Error("not a bar chart");
    expect(chart.categories).toContain("Automation");
    expect(new Set(chart.categories).size).toBe(chart.categories.length);
    for (const s of chart.series) expect(s.name).toMatch(/^\d-year horizon$/);
    expect(chart.summary).toMatch(/• Automation: .*2\/2/);
    expect(view.elements.some((el) => el.type === "image")).toBe(false);
    const markdown = chairsReportMarkdown(r, t, "en");
    expect(markdown).toContain("| Skill | Energy | Mining | Tourism | Growing in |");
    expect(markdown).toContain("| Automation | ▲ | ▲ |  | 2/2 |");
    expect(markdown).toContain("| Hydrogen | · |  |  | 0/0 |");
    expect(markdown).toContain("| Energy | 3 | 2 | 1 | 3 | 67% |");
    expect(markdown).toContain("- **Energy**: Autumn meeting,");
    // The DOCX opens: parsed back, its text has the same figures.
    const [word, md] = await chairsReportFiles(r, t, "en");
    expect(word!.filename).toBe("chairs-report-2027-06-01.docx");
    expect(md!.filename).toBe("chairs-report-2027-06-01.md");
    const lines = docxText(
      unzip(Buffer.from(word!.content, "base64")).get("word/document.xml")!.toString("utf8"),
    ).split("\n");
    expect(lines[0]).toBe("🧭 Chairs: the clusters side by side (3)");
    const at = lines.indexOf("Automation");
    // (empty cells leave no line)
    expect(lines.slice(at, at + 4)).toEqual(["Automation", "▲", "▲", "2/2"]);
    const energyRow = lines.lastIndexOf("Energy");
    expect(lines.slice(energyRow, energyRow + 6)).toEqual(["Energy", "3", "2", "1", "3", "67%"]);
    expect(lines.some((l) => /Energy: Autumn meeting, .* – Rovaniemi$/.test(l))).toBe(true);
    // Documents cannot hold native charts: the pack carries both charts as pictures, described in words.
    const pack = unzip(Buffer.from(word!.content, "base64"));
    const pictures = [...pack.keys()].filter((name) => /^word\/media\/.+\.png$/.test(name));
    expect(pictures).toHaveLength(2);
    for (const name of pictures) expect(pack.get(name)!.subarray(1, 4).toString()).toBe("PNG");
    const documentXml = pack.get("word/document.xml")!.toString("utf8");
    expect(documentXml).toContain('title="Clusters where demand is growing');
    expect(documentXml).toMatch(/descr="[^"]*Automation: [^"]*2\/2/);
    // Finnish numbers and words.
    const fi = chairsReportMarkdown(r, translator("fi"), "fi");
    expect(fi).toMatch(/\| Energy \| 3 \| 2 \| 1 \| 3 \| 67\s%/);
    expect(fi).toContain("### 1 vuoden aikajänne");
    // The Finnish pack is tagged Finnish (it used to say en-GB whatever the reader's language).
    const [finnishWord] = await chairsReportFiles(r, translator("fi"), "fi");
    const finnish = unzip(Buffer.from(finnishWord!.content, "base64"));
    expect(finnish.get("word/styles.xml")!.toString()).toContain('<w:lang w:val="fi-FI"/>');
    expect(finnish.get("docProps/core.xml")!.toString()).toContain("<dc:language>fi-FI</dc:language>");
    expect(finnish.get("docProps/core.xml")!.toString()).toContain("<dc:creator>Ennakko</dc:creator>");
  });
});
