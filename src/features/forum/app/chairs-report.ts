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
import { type LocalDate, utcToZoned } from "../../../kernel/domain/zoned-time.ts";
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
};

export const chairsReport = forumUseCase(
  { name: "chairsReport", input: ChairsReportInput, timeout: 30_000 },
  async ({ ctx, tx, input, forum }): Promise<Result<ChairsReport>> => {
    const { questionKey } = input;
    const now = ctx.clock.now();
    const clusters = await clustersOfWorkspace(tx, forum.workspaceId);
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
        scorecard: await scorecardOf(tx, cluster, now),
        meetings: await upcomingMeetings(tx, cluster.id, now),
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

const localDate = (d: Date): LocalDate => d.toISOString().slice(0, 10);

async function scorecardOf(tx: Tx, cluster: Cluster, now: Date): Promise<Scorecard> {
  const measures = await tx.measure.findMany({
    where: { clusterId: cluster.id },
    select: {
      status: true,
      dueDate: true,
      completedAt: true,
      // Measures done before completedAt was recorded: the update that marked them done.
      updates: {
        where: { status: "DONE" },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { createdAt: true },
      },
    },
  });
  const today = utcToZoned(now, cluster.timeZone).date;
  return scorecard(
    measures.map((m) => {
      const doneAt = m.status === "DONE" ? (m.completedAt ?? m.updates[0]?.createdAt ?? null) : null;
      return {
        status: m.status,
        dueDate: localDate(m.dueDate),
        doneOn: doneAt ? utcToZoned(doneAt, cluster.timeZone).date : null,
      };
    }),
    today,
  );
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
