// What the minutes use cases share: which meeting `[meeting]` means, the current versions, and the
// draft content built from the meeting record, the measures and the latest closed pulse.

import type { Cluster, Minutes } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { type Locale, toLocale } from "../../../kernel/domain/locale.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { delphiForMinutes } from "../../delphi/index.ts";
import {
  computeResults,
  pulseWithQuestions,
  type QuestionDefinition,
  type QuestionSummary,
  textIn,
} from "../../pulses/index.ts";
import { loadMeetingRecord } from "../../record/index.ts";
import {
  EMPTY_FREE_TEXT,
  type MinutesContent,
  type MinutesFreeText,
  type MinutesMeasure,
  type MinutesPulse,
  matchesMeeting,
  parseMinutesContent,
} from "../domain/minutes-content.ts";

export type MinutesMeeting = { id: string; title: string };

/**
 * `[meeting]`: an id prefix or the title (exact, else the one title containing it), in this cluster
 * only; without one, the latest meeting that was held (or has started).
 */
export async function findMinutesMeeting(
  tx: Tx,
  clusterId: string,
  selector: string | null | undefined,
  now: Date,
): Promise<Result<MinutesMeeting>> {
  const s = selector?.trim();
  if (!s) {
    const latest = await tx.meeting.findFirst({
      where: {
        clusterId,
        OR: [{ status: "HELD" }, { status: "SCHEDULED", chosenSlot: { startsAt: { lte: now } } }],
      },
      orderBy: [{ chosenSlot: { startsAt: "desc" } }, { createdAt: "desc" }],
      select: { id: true, title: true },
    });
    return latest ? ok(latest) : fail("NO_HELD_MEETING");
  }
  const meetings = await tx.meeting.findMany({
    where: { clusterId, status: { not: "CANCELLED" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, title: true },
  });
  const exact = meetings.find((m) => matchesMeeting(s, m));
  if (exact) return ok(exact);
  const partial = meetings.filter((m) => m.title.toLowerCase().includes(s.toLowerCase()));
  if (partial.length === 1) return ok(partial[0]!);
  return fail("MINUTES_MEETING_NOT_FOUND", { meeting: s.slice(0, 80) });
}

/** The newest version, and the newest approved one (the same row once approved). */
export async function minutesVersions(tx: Tx, meetingId: string) {
  const rows = await tx.minutes.findMany({ where: { meetingId }, orderBy: { version: "desc" } });
  return { latest: rows[0] ?? null, approved: rows.find((r) => r.status === "APPROVED") ?? null };
}

/** The secretary's words of a version: where a new draft starts from. */
export function freeTextOf(row: Minutes | null): MinutesFreeText {
  if (!row) return EMPTY_FREE_TEXT;
  const { summary, discussion, nextSteps } = parseMinutesContent(row.content);
  return { summary, discussion, nextSteps };
}

const dateOnly = (d: Date) => d.toISOString().slice(0, 10);
const DAY_MS = 24 * 60 * 60 * 1000;

/** The draft as the record stands now, with `free` as the secretary's words. */
export async function draftContent(
  tx: Tx,
  cluster: Cluster,
  meetingId: string,
  free: MinutesFreeText,
  now: Date,
): Promise<MinutesContent> {
  const record = await loadMeetingRecord(tx, meetingId);
  if (!record) throw new Error(`meeting ${meetingId} vanished`);
  const meeting = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: { chosenSlot: true },
  });
  const startsAt = meeting.chosenSlot?.startsAt ?? null;
  const decisionIds = record.decisions.map((d) => d.id);
  // New: decided at this meeting (linked to its decisions), or assigned on the meeting's day.
  const windowStart = startsAt ?? meeting.createdAt;
  const windowEnd = new Date(windowStart.getTime() + DAY_MS);
  const measures = await tx.measure.findMany({
    where: { clusterId: cluster.id },
    include: { owner: { select: { displayName: true } } },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  const row = (m: (typeof measures)[number]): MinutesMeasure => ({
    title: m.title,
    owner: m.owner?.displayName ?? null,
    due: dateOnly(m.dueDate),
    status: m.status,
    progress: m.progress,
  });
  const isNew = (m: (typeof measures)[number]) =>
    (m.decisionId !== null && decisionIds.includes(m.decisionId)) ||
    (m.createdAt >= windowStart && m.createdAt < windowEnd);
  const newMeasures = measures.filter(isNew).map(row);
  // Follow-up: measures from before the meeting that were still open when it began.
  const followUp = measures
    .filter(
      (m) =>
        !isNew(m) &&
        m.createdAt < windowStart &&
        m.status !== "CANCELLED" &&
        (m.completedAt === null || m.completedAt >= windowStart),
    )
    .map(row);
  const byPresence = (p: boolean | null) => record.members.filter((m) => m.present === p).map((m) => m.name);
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      startsAt: startsAt ? startsAt.toISOString() : null,
      durationMinutes: meeting.chosenSlot?.durationMinutes ?? null,
      location: meeting.chosenSlot?.location ?? null,
    },
    cluster: { name: cluster.name, locale: cluster.locale, timeZone: cluster.timeZone },
    attendance: { present: byPresence(true), absent: byPresence(false), unrecorded: byPresence(null) },
    items: record.items.map((i) => ({ title: i.title, kind: i.kind, outcome: i.status })),
    decisions: record.decisions.map((d) => ({ text: d.text, item: d.itemTitle })),
    newMeasures,
    followUp,
    pulse: await latestPulseSummary(tx, cluster, now),
    delphi: await delphiForMinutes(tx, cluster.id, meeting.id),
    ...free,
    generatedAt: now.toISOString(),
  };
}

/** The cluster's latest closed pulse: response rate and one line per question. */
async function latestPulseSummary(tx: Tx, cluster: Cluster, now: Date): Promise<MinutesPulse | null> {
  const pulse = await tx.pulse.findFirst({
    where: { clusterId: cluster.id, OR: [{ status: "CLOSED" }, { closesAt: { lte: now } }] },
    orderBy: [{ closesAt: "desc" }, { createdAt: "desc" }],
    include: pulseWithQuestions,
  });
  if (!pulse) return null;
  const locale = toLocale(cluster.locale) ?? "en";
  const results = await computeResults(tx, pulse, now);
  const { overall } = results.rate;
  return {
    title: pulse.title,
    closesAt: pulse.closesAt.toISOString(),
    invited: overall.invited,
    completed: overall.completed,
    rate: overall.rate,
    questions: results.summary.questions.map((q, i) => questionLine(q, results.questions[i]!, locale)),
  };
}

type PulseLine = MinutesPulse["questions"][number];

function questionLine(q: QuestionSummary, definition: QuestionDefinition, locale: Locale): PulseLine {
  const text = textIn(definition.text, locale);
  if (q.overall.hidden) return { text, n: q.n, mean: null, top: null, hidden: true };
  const stats = q.overall.stats;
  switch (stats.type) {
    case "LIKERT":
    case "NUMBER":
      return { text, n: q.n, mean: stats.mean, top: null, hidden: false };
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE": {
      const best = [...stats.options].sort((a, b) => b.count - a.count)[0];
      const options = definition.type === stats.type ? definition.config.options : [];
      const label =
        best && Array.isArray(options)
          ? (options as { id: string; label: Parameters<typeof textIn>[0] }[]).find((o) => o.id === best.id)
          : undefined;
      return {
        text,
        n: q.n,
        mean: null,
        top: best && best.count > 0 ? (label ? textIn(label.label, locale) : best.id) : null,
        hidden: false,
      };
    }
    case "SKILL_GRID": {
      const first = stats.rankings[0]?.skills[0];
      return { text, n: q.n, mean: first?.score ?? null, top: first?.skill ?? null, hidden: false };
    }
    case "FREE_TEXT":
      return { text, n: q.n, mean: null, top: null, hidden: false };
  }
}
