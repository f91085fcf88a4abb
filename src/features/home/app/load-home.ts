// A person's home (Slack App Home tab, Teams personal chat card): across all their clusters, what
// waits for their answer, their open measures, the next meetings, and for organisers what needs action.
// Reads only; every query is bounded. Anonymous pulses reveal nothing but the person's own
// participation status (never a response).
import { z } from "zod";
import type { AppContext } from "../../../kernel/app/context.ts";
import { personUseCase } from "../../../kernel/app/use-case.ts";
import { PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";
import { can, type Role } from "../../../kernel/domain/roles.ts";
import { utcToZoned } from "../../../kernel/domain/zoned-time.ts";
import type { MeasureStatus } from "../../measures/index.ts";

export const LoadHomeInput = z.object({ actor: PlatformUserSchema });

/** Bounds: the home is a glance, not a register. */
export const HOME_LIMITS = { clusters: 20, polls: 10, pulses: 10, measures: 10, meetings: 5, organiser: 10 };

export type HomeCluster = { id: string; name: string; role: Role };
export type HomePoll = { meetingId: string; title: string; clusterName: string };
export type HomePulse = {
  pulseId: string;
  title: string;
  clusterName: string;
  closesAt: Date;
  timeZone: string;
};
export type HomeMeasure = {
  id: string;
  title: string;
  clusterName: string;
  dueDate: string;
  status: MeasureStatus;
  progress: number;
  overdue: boolean;
};
export type HomeMeeting = {
  id: string;
  title: string;
  clusterName: string;
  startsAt: Date;
  timeZone: string;
};
export type HomeOrganiserItems = {
  clusterName: string;
  /** Date polls everyone has answered, waiting to be finalised. */
  pollsReady: { meetingId: string; title: string }[];
  /** Meetings held whose minutes are not approved yet. */
  minutesPending: { meetingId: string; title: string }[];
  overdueMeasures: number;
  blockedMeasures: number;
  failedDeliveries: number;
};

export type Home = {
  personName: string;
  timeZone: string | null;
  clusters: HomeCluster[];
  polls: HomePoll[];
  pulses: HomePulse[];
  measures: HomeMeasure[];
  meetings: HomeMeeting[];
  organiser: HomeOrganiserItems[];
};

const OPEN_MEASURE = ["PLANNED", "STARTED", "BLOCKED"] as const;

export const loadHome = personUseCase(
  { name: "loadHome", input: LoadHomeInput, access: "anyone", readOnly: true },
  async ({ ctx, person }): Promise<Result<Home>> => {
    const now = ctx.clock.now();
    const memberships = await ctx.db.membership.findMany({
      where: { personId: person.id, cluster: { kind: "CLUSTER", archivedAt: null } },
      include: { cluster: true },
      orderBy: { joinedAt: "asc" },
      take: HOME_LIMITS.clusters,
    });
    const clusterIds = memberships.map((m) => m.clusterId);
    const voterIn = memberships.filter((m) => can(m.role, "meeting.vote")).map((m) => m.clusterId);

    const [polls, pulses, measures, meetings] = await Promise.all([
      ctx.db.meeting.findMany({
        where: {
          clusterId: { in: voterIn },
          status: "POLLING",
          NOT: { slots: { some: { votes: { some: { personId: person.id } } } } },
        },
        include: { cluster: true },
        orderBy: { createdAt: "asc" },
        take: HOME_LIMITS.polls,
      }),
      // Only the person's participation row: invited to an open pulse, not finished.
      ctx.db.pulseParticipation.findMany({
        where: {
          personId: person.id,
          status: { not: "COMPLETED" },
          pulse: { status: "OPEN", clusterId: { in: clusterIds } },
        },
        include: { pulse: { include: { cluster: true } } },
        orderBy: { pulse: { closesAt: "asc" } },
        take: HOME_LIMITS.pulses,
      }),
      ctx.db.measure.findMany({
        where: { ownerId: person.id, clusterId: { in: clusterIds }, status: { in: [...OPEN_MEASURE] } },
        include: { cluster: true },
        orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
        take: HOME_LIMITS.measures,
      }),
      ctx.db.meeting.findMany({
        where: { clusterId: { in: clusterIds }, status: "SCHEDULED", chosenSlot: { startsAt: { gt: now } } },
        include: { cluster: true, chosenSlot: true },
        orderBy: { chosenSlot: { startsAt: "asc" } },
        take: HOME_LIMITS.meetings,
      }),
    ]);

    const organiserOf = memberships.filter((m) => can(m.role, "meeting.plan"));
    const organiser: HomeOrganiserItems[] = [];
    for (const m of organiserOf) {
      const items = await organiserItems(ctx, m.cluster, now);
      const empty =
        items.pollsReady.length === 0 &&
        items.minutesPending.length === 0 &&
        items.overdueMeasures === 0 &&
        items.blockedMeasures === 0 &&
        items.failedDeliveries === 0;
      if (!empty) organiser.push(items);
    }

    return ok({
      personName: person.displayName,
      timeZone: person.timeZone,
      clusters: memberships.map((m) => ({ id: m.clusterId, name: m.cluster.name, role: m.role })),
      polls: polls.map((p) => ({ meetingId: p.id, title: p.title, clusterName: p.cluster.name })),
      pulses: pulses.map(({ pulse }) => ({
        pulseId: pulse.id,
        title: pulse.title,
        clusterName: pulse.cluster.name,
        closesAt: pulse.closesAt,
        timeZone: pulse.cluster.timeZone,
      })),
      measures: measures.map((m) => {
        const dueDate = m.dueDate.toISOString().slice(0, 10);
        return {
          id: m.id,
          title: m.title,
          clusterName: m.cluster.name,
          dueDate,
          status: m.status,
          progress: m.progress,
          overdue: dueDate < utcToZoned(now, m.cluster.timeZone).date,
        };
      }),
      meetings: meetings.map((m) => ({
        id: m.id,
        title: m.title,
        clusterName: m.cluster.name,
        startsAt: m.chosenSlot!.startsAt,
        timeZone: m.cluster.timeZone,
      })),
      organiser,
    });
  },
);

async function organiserItems(
  ctx: AppContext,
  cluster: { id: string; name: string; timeZone: string },
  now: Date,
): Promise<HomeOrganiserItems> {
  const today = new Date(`${utcToZoned(now, cluster.timeZone).date}T00:00:00Z`);
  const [polling, held, overdueMeasures, blockedMeasures, failedDeliveries, voters] = await Promise.all([
    ctx.db.meeting.findMany({
      where: { clusterId: cluster.id, status: "POLLING" },
      include: { slots: { select: { votes: { select: { personId: true } } } } },
      orderBy: { createdAt: "asc" },
      take: HOME_LIMITS.organiser,
    }),
    ctx.db.meeting.findMany({
      where: { clusterId: cluster.id, status: "HELD", minutes: { none: { status: "APPROVED" } } },
      select: { id: true, title: true },
      orderBy: { createdAt: "desc" },
      take: HOME_LIMITS.organiser,
    }),
    ctx.db.measure.count({
      where: { clusterId: cluster.id, status: { in: [...OPEN_MEASURE] }, dueDate: { lt: today } },
    }),
    ctx.db.measure.count({ where: { clusterId: cluster.id, status: "BLOCKED" } }),
    ctx.db.outboxMessage.count({ where: { clusterId: cluster.id, status: "FAILED" } }),
    ctx.db.membership.findMany({
      where: { clusterId: cluster.id, role: { not: "OBSERVER" } },
      select: { personId: true },
    }),
  ]);
  const voterIds = new Set(voters.map((v) => v.personId));
  const pollsReady = polling
    .filter((meeting) => {
      const answered = new Set(meeting.slots.flatMap((s) => s.votes.map((v) => v.personId)));
      return voterIds.size > 0 && [...voterIds].every((id) => answered.has(id));
    })
    .map((meeting) => ({ meetingId: meeting.id, title: meeting.title }));
  return {
    clusterName: cluster.name,
    pollsReady,
    minutesPending: held.map((meeting) => ({ meetingId: meeting.id, title: meeting.title })),
    overdueMeasures,
    blockedMeasures,
    failedDeliveries,
  };
}
