// `/cluster chairs report`, in the chairs' forum: the workspace's clusters side by side — where skill
// demand is growing (from each cluster's latest closed pulse that asked the same skill-grid question),
// a measures scorecard, and upcoming meetings. Rules in domain/cross-assessment.ts.
import { z } from "zod";
import type { Cluster } from "../../../generated/prisma/client.ts";
import { clustersOfWorkspace } from "../../../kernel/app/forum-membership.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { forumUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";
import { utcToZoned } from "../../../kernel/domain/zoned-time.ts";
import { type ChairsDelphi, delphiForChairs } from "../../delphi/index.ts";
import {
  type ClusterGrid,
  GROWING_SHARE_THRESHOLD,
  pulseWithQuestions,
  type Scorecard,
  type SkillMatrix,
  scorecard,
  skillMatrix,
  summarize,
} from "../../pulses/index.ts";
import { type EmergingThemes, emergingThemes } from "../../signals/index.ts";

export const DEFAULT_SKILL_QUESTION = "skills-demand";
/** Upcoming meetings shown per cluster. */
const MEETINGS_PER_CLUSTER = 3;

export const ChairsReportInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  questionKey: z.string().trim().min(1).max(100).default(DEFAULT_SKILL_QUESTION),
});

export type UpcomingMeeting = {
  meetingId: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  location: string | null;
};

export type ClusterReport = {
  clusterId: string;
  name: string;
  sector: string | null;
  timeZone: string;
  /** The pulse the skill figures come from. */
  pulse: { pulseId: string; title: string; closesAt: Date; respondents: number } | null;
  grid: ClusterGrid["kind"];
  scorecard: Scorecard;
  meetings: UpcomingMeeting[];
  /** The latest Delphi with a closed round: consensus and persistent disagreements. */
  delphi: ChairsDelphi | null;
};

export type ChairsReport = {
  forumName: string;
  /** The forum's time zone, for the date of the briefing pack. */
  timeZone: string;
  questionKey: string;
  growingShareThreshold: number;
  generatedAt: Date;
  clusters: ClusterReport[];
  matrix: SkillMatrix;
  /** Signals of similar topic seen in several clusters (the signals feature groups them). */
  themes: EmergingThemes;
};

export const chairsReport = forumUseCase(
  // Reads only, counted in SQL: no long transaction held open over the whole workspace.
  { name: "chairsReport", input: ChairsReportInput, readOnly: true },
  async ({ ctx, tx, input, forum }): Promise<Result<ChairsReport>> => {
    const { questionKey } = input;
    const now = ctx.clock.now();
    const clusters = await clustersOfWorkspace(tx, forum.workspaceId);
    const scorecards = await scorecardsOf(tx, clusters, now);
    const reports: ClusterReport[] = [];
    const grids: ClusterGrid[] = [];
    for (const cluster of clusters) {
      const { grid, pulse } = await skillGridOf(tx, cluster, questionKey, now);
      grids.push(grid);
      reports.push({
        clusterId: cluster.id,
        name: cluster.name,
        sector: cluster.sector,
        timeZone: cluster.timeZone,
        pulse,
        grid: grid.kind,
        scorecard: scorecards.get(cluster.id)!,
        meetings: await upcomingMeetings(tx, cluster.id, now),
        delphi: await delphiForChairs(tx, cluster.id),
      });
    }
    return ok({
      forumName: forum.forum.name,
      timeZone: forum.forum.timeZone,
      questionKey,
      growingShareThreshold: GROWING_SHARE_THRESHOLD,
      generatedAt: now,
      clusters: reports,
      matrix: skillMatrix(grids),
      themes: await emergingThemes(tx, clusters, now, forum.forum.timeZone),
    });
  },
);

/** The latest closed pulse (closed by hand or by time) that asked the skill-grid question `key`. */
async function skillGridOf(tx: Tx, cluster: Cluster, key: string, now: Date) {
  const pulse = await tx.pulse.findFirst({
    where: {
      clusterId: cluster.id,
      OR: [{ status: "CLOSED" }, { closesAt: { lte: now } }],
      questions: { some: { question: { key, type: "SKILL_GRID" } } },
    },
    orderBy: [{ opensAt: "desc" }, { createdAt: "desc" }],
    include: pulseWithQuestions,
  });
  if (!pulse) return { grid: { clusterId: cluster.id, kind: "NO_PULSE" } as ClusterGrid, pulse: null };
  const { summary } = await summarize(tx, pulse);
  const question = summary.questions.find((q) => q.key === key);
  const about = {
    pulseId: pulse.id,
    title: pulse.title,
    closesAt: pulse.closesAt,
    respondents: summary.respondents,
  };
  const grid: ClusterGrid =
    question && !question.overall.hidden && question.overall.stats.type === "SKILL_GRID"
      ? { clusterId: cluster.id, kind: "SHOWN", stats: question.overall.stats }
      : { clusterId: cluster.id, kind: "HIDDEN" };
  return { grid, pulse: about };
}

const ScorecardRow = z.object({
  clusterId: z.string(),
  open: z.number().int(),
  overdue: z.number().int(),
  done: z.number().int(),
  doneOnTime: z.number().int(),
  cancelled: z.number().int(),
});

/**
 * Every cluster's measures scorecard in one statement, counted in SQL: no measure row leaves the
 * database, so the report's cost does not grow with the measures ever recorded. The rules are those of
 * `scorecard` (pulses' cross-assessment.ts): open = neither done nor cancelled; overdue = open and due
 * before today in the cluster's zone; done on time = done on or before the due date, in the cluster's
 * zone, by completedAt or (measures done before it was recorded) the latest update that marked it done.
 */
async function scorecardsOf(tx: Tx, clusters: Cluster[], now: Date): Promise<Map<string, Scorecard>> {
  const empty: Scorecard = scorecard([], "1970-01-01");
  if (clusters.length === 0) return new Map();
  const ids = clusters.map((c) => c.id);
  const todays = clusters.map((c) => utcToZoned(now, c.timeZone).date);
  const zones = clusters.map((c) => c.timeZone);
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT m."clusterId",
           count(*) FILTER (WHERE m."status" NOT IN ('DONE', 'CANCELLED'))::int AS "open",
           count(*) FILTER (WHERE m."status" NOT IN ('DONE', 'CANCELLED') AND m."dueDate" < c."today")::int
             AS "overdue",
           count(*) FILTER (WHERE m."status" = 'DONE')::int AS "done",
           count(*) FILTER (WHERE m."status" = 'DONE' AND ((d."doneAt" AT TIME ZONE 'UTC') AT TIME ZONE c."zone")::date
                                  <= m."dueDate")::int AS "doneOnTime",
           count(*) FILTER (WHERE m."status" = 'CANCELLED')::int AS "cancelled"
      FROM unnest(${ids}::text[], ${todays}::date[], ${zones}::text[]) AS c("id", "today", "zone")
      JOIN "Measure" m ON m."clusterId" = c."id"
      LEFT JOIN LATERAL (
        SELECT COALESCE(m."completedAt",
                        (SELECT max(u."createdAt") FROM "MeasureUpdate" u
                          WHERE u."measureId" = m."id" AND u."status" = 'DONE')) AS "doneAt"
         WHERE m."status" = 'DONE') d ON true
     GROUP BY m."clusterId"`;
  const cards = new Map<string, Scorecard>();
  for (const raw of rows) {
    const { clusterId, ...counts } = ScorecardRow.parse(raw);
    cards.set(clusterId, {
      open: counts.open,
      onTrack: counts.open - counts.overdue,
      overdue: counts.overdue,
      done: counts.done,
      doneOnTime: counts.doneOnTime,
      onTimeShare: counts.done === 0 ? null : counts.doneOnTime / counts.done,
      cancelled: counts.cancelled,
    });
  }
  for (const id of ids) if (!cards.has(id)) cards.set(id, empty);
  return cards;
}

async function upcomingMeetings(tx: Tx, clusterId: string, now: Date): Promise<UpcomingMeeting[]> {
  const meetings = await tx.meeting.findMany({
    where: { clusterId, status: "SCHEDULED", chosenSlot: { startsAt: { gt: now } } },
    include: { chosenSlot: true },
    orderBy: { chosenSlot: { startsAt: "asc" } },
    take: MEETINGS_PER_CLUSTER,
  });
  return meetings.flatMap((m) =>
    m.chosenSlot
      ? [
          {
            meetingId: m.id,
            title: m.title,
            startsAt: m.chosenSlot.startsAt,
            durationMinutes: m.chosenSlot.durationMinutes,
            location: m.chosenSlot.location,
          },
        ]
      : [],
  );
}
