// `/cluster my-data`: everything Ennakko stores about the person who asks, as a JSON document and a
// CSV (one row per item: kind, cluster, date, description). Works in a cluster's channel and in a
// personal chat; no role needed, since it is their own data. Left out on purpose: anonymous pulse
// responses (nothing links them to anyone, so they cannot be found), the raw Teams conversation
// reference (service URL and ids the bot needs to reach them: only its conversation id and scope),
// and file contents of pending downloads (only their names).
import { z } from "zod";
import { type CsvCell, csvDateTime, csvNumber, csvOptionsFor, toCsv } from "../../../exports/csv.ts";
import { type CsvLabel, csvLabels } from "../../../exports/csv-labels.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { clusterOfConversation } from "../../../kernel/app/identity.ts";
import { personUseCase } from "../../../kernel/app/use-case.ts";
import { DEFAULT_LOCALE, toLocale } from "../../../kernel/domain/locale.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";
import { delphiDataOf } from "../../delphi/index.ts";

export const MyDataInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
});

export type MyDataExport = {
  json: { filename: string; content: string };
  csv: { filename: string; content: string };
};

export const myData = personUseCase(
  { name: "myData", input: MyDataInput, access: "anyone" },
  async ({ ctx, tx, input, person, audit }): Promise<Result<MyDataExport>> => {
    const { actor, conversation } = input;
    const id = person.id;
    const full = await tx.person.findUniqueOrThrow({
      where: { id },
      include: {
        identities: true,
        memberships: { include: { cluster: true } },
        conversations: true,
        slotVotes: { include: { slot: { include: { meeting: true } } } },
        agendaVotes: { include: { item: { include: { meeting: true } } } },
        attendances: { include: { meeting: true } },
        ownedMeasures: { include: { updates: { orderBy: { createdAt: "asc" } } } },
        measureUpdates: { include: { measure: true } },
        participations: { include: { pulse: true } },
        namedResponses: {
          include: {
            pulse: true,
            answers: { include: { pulseQuestion: { include: { question: true } } } },
          },
        },
        auditAsActor: { orderBy: { createdAt: "asc" } },
        downloads: true,
        signalsSaved: true,
        signalRatings: { include: { signal: true } },
      },
    });
    const proposals = await tx.agendaItem.findMany({
      where: { proposedById: id },
      include: { meeting: true },
    });
    const decisions = await tx.decision.findMany({ where: { recordedById: id } });
    const delphis = await delphiDataOf(ctx, tx, id);
    const clusterIds = new Set<string>([
      ...full.memberships.map((m) => m.clusterId),
      ...full.slotVotes.map((v) => v.slot.meeting.clusterId),
      ...full.agendaVotes.map((v) => v.item.clusterId),
      ...full.attendances.map((a) => a.meeting.clusterId),
      ...full.ownedMeasures.map((m) => m.clusterId),
      ...full.measureUpdates.map((u) => u.measure.clusterId),
      ...full.participations.map((p) => p.pulse.clusterId),
      ...full.namedResponses.map((r) => r.pulse.clusterId),
      ...full.auditAsActor.flatMap((a) => (a.clusterId ? [a.clusterId] : [])),
      ...proposals.map((p) => p.clusterId),
      ...decisions.map((d) => d.clusterId),
      ...full.signalsSaved.map((s) => s.clusterId),
      ...full.signalRatings.map((r) => r.signal.clusterId),
      ...delphis.map((d) => d.clusterId),
    ]);
    const clusters = await tx.cluster.findMany({ where: { id: { in: [...clusterIds] } } });
    const clusterName = new Map(clusters.map((c) => [c.id, c.name]));
    const nameOf = (clusterId: string | null) => (clusterId ? (clusterName.get(clusterId) ?? clusterId) : "");

    const document = {
      exportedAt: ctx.clock.now().toISOString(),
      person: {
        id: full.id,
        displayName: full.displayName,
        email: full.email,
        locale: full.locale,
        seenLocale: full.seenLocale,
        timeZone: full.timeZone,
        organisation: full.organisation,
        stakeholderType: full.stakeholderType,
        createdAt: full.createdAt.toISOString(),
      },
      identities: full.identities.map((i) => ({
        platform: i.platform,
        tenant: i.tenant,
        userId: i.externalId,
        createdAt: i.createdAt.toISOString(),
      })),
      memberships: full.memberships.map((m) => ({
        cluster: m.cluster.name,
        role: m.role,
        joinedAt: m.joinedAt.toISOString(),
      })),
      conversations: full.conversations.map((c) => ({
        platform: c.platform,
        conversationId: c.conversationId,
        scope: c.scope,
        updatedAt: c.updatedAt.toISOString(),
      })),
      slotVotes: full.slotVotes.map((v) => ({
        cluster: nameOf(v.slot.meeting.clusterId),
        meeting: v.slot.meeting.title,
        slotStartsAt: v.slot.startsAt.toISOString(),
        answer: v.answer,
        updatedAt: v.updatedAt.toISOString(),
      })),
      agendaVotes: full.agendaVotes.map((v) => ({
        cluster: nameOf(v.item.clusterId),
        meeting: v.item.meeting.title,
        item: v.item.title,
      })),
      agendaProposals: proposals.map((p) => ({
        cluster: nameOf(p.clusterId),
        meeting: p.meeting.title,
        title: p.title,
        details: p.details,
        kind: p.kind,
        status: p.status,
        createdAt: p.createdAt.toISOString(),
      })),
      attendance: full.attendances.map((a) => ({
        cluster: nameOf(a.meeting.clusterId),
        meeting: a.meeting.title,
        present: a.present,
      })),
      decisionsRecorded: decisions.map((d) => ({
        cluster: nameOf(d.clusterId),
        text: d.text,
        createdAt: d.createdAt.toISOString(),
      })),
      signalsSaved: full.signalsSaved.map((s) => ({
        cluster: nameOf(s.clusterId),
        title: s.title,
        description: s.description,
        sourceUrl: s.sourceUrl,
        messageLink: s.messageLink,
        category: s.category,
        significance: s.significance,
        timeliness: s.timeliness,
        createdAt: s.createdAt.toISOString(),
      })),
      signalRatings: full.signalRatings.map((r) => ({
        cluster: nameOf(r.signal.clusterId),
        signal: r.signal.title,
        plausibility: r.plausibility,
        significance: r.significance,
        updatedAt: r.updatedAt.toISOString(),
      })),
      measuresOwned: full.ownedMeasures.map((m) => ({
        cluster: nameOf(m.clusterId),
        title: m.title,
        description: m.description,
        dueDate: m.dueDate.toISOString().slice(0, 10),
        status: m.status,
        progress: m.progress,
        blockedReason: m.blockedReason,
        createdAt: m.createdAt.toISOString(),
        completedAt: m.completedAt?.toISOString() ?? null,
        updates: m.updates.map(updateOf),
      })),
      measureUpdatesWritten: full.measureUpdates.map((u) => ({
        cluster: nameOf(u.measure.clusterId),
        measure: u.measure.title,
        ...updateOf(u),
      })),
      pulseParticipations: full.participations.map((p) => ({
        cluster: nameOf(p.pulse.clusterId),
        pulse: p.pulse.title,
        anonymous: p.pulse.anonymous,
        status: p.status,
        remindersSent: p.remindersSent,
        stakeholderType: p.stakeholderType,
        updatedAt: p.updatedAt.toISOString(),
      })),
      namedPulseResponses: full.namedResponses.map((r) => ({
        cluster: nameOf(r.pulse.clusterId),
        pulse: r.pulse.title,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        stakeholderType: r.stakeholderType,
        answers: Object.fromEntries(
          r.answers.map((a) => [a.pulseQuestion.question.key, a.value as Prisma.JsonValue]),
        ),
      })),
      // Their own Delphi ratings, opened with the bot's anonymity key (the pools hold no names).
      delphiAnswers: delphis.map((d) => ({
        cluster: nameOf(d.clusterId),
        delphi: d.title,
        rounds: d.rounds,
      })),
      pendingDownloads: full.downloads.map((d) => ({
        filename: d.filename,
        createdAt: d.createdAt.toISOString(),
        expiresAt: d.expiresAt.toISOString(),
      })),
      auditEntries: full.auditAsActor.map((a) => ({
        cluster: nameOf(a.clusterId),
        action: a.action,
        subjectType: a.subjectType,
        subjectId: a.subjectId,
        details: a.details,
        createdAt: a.createdAt.toISOString(),
      })),
    };

    // The CSV is for reading in a spreadsheet: the member's language and its format, local times.
    const cluster = await clusterOfConversation(tx, conversation);
    const locale =
      toLocale(full.locale) ?? toLocale(actor.locale) ?? toLocale(cluster?.locale) ?? DEFAULT_LOCALE;
    // Times as the cluster keeps them (the one asked from, else the first they joined).
    const timeZone = cluster?.timeZone ?? full.memberships[0]?.cluster.timeZone ?? full.timeZone ?? "UTC";
    const format = csvOptionsFor(locale, timeZone);
    const l = csvLabels(locale);
    const at = (iso: string | null) => (iso ? new Date(iso) : null);
    const number = (n: number) => csvNumber(n, format);
    type Row = [kind: CsvLabel, cluster: string, date: Date | null, description: string];
    const rows: Row[] = [
      [
        "kind.person",
        "",
        at(document.person.createdAt),
        `${full.displayName}${full.email ? ` <${full.email}>` : ""}`,
      ],
      ...document.identities.map(
        (i): Row => ["kind.identity", "", at(i.createdAt), `${i.platform} ${i.tenant} ${i.userId}`],
      ),
      ...document.memberships.map((m): Row => ["kind.membership", m.cluster, at(m.joinedAt), m.role]),
      ...document.conversations.map(
        (c): Row => [
          "kind.conversation",
          "",
          at(c.updatedAt),
          `${c.platform} ${c.scope} ${c.conversationId}`,
        ],
      ),
      ...document.slotVotes.map(
        (v): Row => [
          "kind.slot-vote",
          v.cluster,
          at(v.updatedAt),
          `${v.meeting} ${csvDateTime(new Date(v.slotStartsAt), timeZone)}: ${v.answer}`,
        ],
      ),
      ...document.agendaVotes.map(
        (v): Row => ["kind.agenda-vote", v.cluster, null, `${v.meeting}: ${v.item}`],
      ),
      ...document.agendaProposals.map(
        (p): Row => ["kind.agenda-proposal", p.cluster, at(p.createdAt), `${p.meeting}: ${p.title}`],
      ),
      ...document.attendance.map(
        (a): Row => [
          "kind.attendance",
          a.cluster,
          null,
          `${a.meeting}: ${l(a.present ? "present" : "absent")}`,
        ],
      ),
      ...document.decisionsRecorded.map((d): Row => ["kind.decision", d.cluster, at(d.createdAt), d.text]),
      ...document.signalsSaved.map(
        (s): Row => [
          "kind.signal",
          s.cluster,
          at(s.createdAt),
          `${s.title} (${s.category}): ${s.description}`,
        ],
      ),
      ...document.signalRatings.map(
        (r): Row => [
          "kind.signal-rating",
          r.cluster,
          at(r.updatedAt),
          `${r.signal}: ${[r.plausibility, r.significance].map((v) => (v === null ? "–" : number(v))).join(" / ")}`,
        ],
      ),
      ...document.measuresOwned.map(
        (m): Row => [
          "kind.measure",
          m.cluster,
          at(m.createdAt),
          `${m.title} (${m.status}, ${number(m.progress)} %, ${l("due")} ${m.dueDate})`,
        ],
      ),
      ...document.measureUpdatesWritten.map(
        (u): Row => [
          "kind.measure-update",
          u.cluster,
          at(u.createdAt),
          `${u.measure}: ${[u.status, u.progress === null ? null : `${number(u.progress)} %`, u.note].filter(Boolean).join(", ")}`,
        ],
      ),
      ...document.pulseParticipations.map(
        (p): Row => ["kind.pulse-participation", p.cluster, at(p.updatedAt), `${p.pulse}: ${p.status}`],
      ),
      ...document.namedPulseResponses.flatMap((r) =>
        Object.entries(r.answers).map(
          ([key, value]): Row => [
            "kind.pulse-answer",
            r.cluster,
            at(r.submittedAt),
            `${r.pulse} / ${key}: ${answerText(value, number)}`,
          ],
        ),
      ),
      ...document.delphiAnswers.flatMap((d) =>
        d.rounds.flatMap((r) =>
          r.answered.map(
            (a): Row => [
              "kind.delphi-answer",
              d.cluster,
              null,
              `${d.delphi} / ${r.round} / ${a.statement}: ${
                a.own
                  ? Object.entries(a.own)
                      .map(([scale, v]) => `${scale} ${number(v ?? 0)}`)
                      .join(", ")
                  : "–"
              }`,
            ],
          ),
        ),
      ),
      ...document.pendingDownloads.map((d): Row => ["kind.download", "", at(d.createdAt), d.filename]),
      ...document.auditEntries.map(
        (a): Row => [
          "kind.audit",
          a.cluster,
          at(a.createdAt),
          `${a.action}${a.subjectType ? ` ${a.subjectType}` : ""}`,
        ],
      ),
    ];
    const csv = toCsv(
      [
        [l("kind"), l("cluster"), l("date"), l("description")],
        ...rows.map(([kind, ...rest]): CsvCell[] => [l(kind), ...rest]),
      ],
      format,
    );
    await audit({
      clusterId: cluster?.id ?? null,
      actorId: id,
      action: "member.my-data",
      subjectType: "person",
      subjectId: id,
      details: { items: rows.length },
    });
    return ok({
      json: { filename: "ennakko-my-data.json", content: `${JSON.stringify(document, null, 2)}\n` },
      csv: { filename: "ennakko-my-data.csv", content: csv },
    });
  },
);

function updateOf(u: {
  status: string | null;
  progress: number | null;
  note: string | null;
  createdAt: Date;
}) {
  return { status: u.status, progress: u.progress, note: u.note, createdAt: u.createdAt.toISOString() };
}

/**
 * A stored answer as a person reads it: text as written (not JSON with escaped quotes and "\n"),
 * numbers in the file's format, lists joined, a skill-grid cell as "skill (horizon): level".
 */
function answerText(value: Prisma.JsonValue, number: (n: number) => string): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return number(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map((v) => answerText(v, number)).join("; ");
  const { skill, horizon, level } = value as Record<string, Prisma.JsonValue>;
  if (typeof skill === "string" && level !== undefined)
    return `${skill}${horizon !== undefined ? ` (${answerText(horizon ?? null, number)})` : ""}: ${answerText(level ?? null, number)}`;
  return Object.entries(value)
    .map(([k, v]) => `${k}: ${answerText(v ?? null, number)}`)
    .join(", ");
}
