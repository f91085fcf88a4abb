// `/cluster my-data`: everything Ennakko stores about the person who asks, as a JSON document and a
// CSV (one row per item: kind, cluster, date, description). Works in a cluster's channel and in a
// personal chat; no role needed, since it is their own data. Left out on purpose: anonymous pulse
// responses (nothing links them to anyone, so they cannot be found), the raw Teams conversation
// reference (service URL and ids the bot needs to reach them: only its conversation id and scope),
// and file contents of pending downloads (only their names).
import { z } from "zod";
import { ConversationSchema, PlatformUserSchema } from "../domain/platform-user.ts";
import { ok, type Result } from "../domain/result.ts";
import { type CsvCell, toCsv } from "../exports/csv.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { audit } from "./shared/audit.ts";
import type { AppContext } from "./shared/context.ts";
import { clusterOfConversation, ensurePerson } from "./shared/identity.ts";
import { parseInput } from "./shared/parse-input.ts";

export const MyDataInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  delimiter: z.enum([",", ";"]).default(","),
});

export type MyDataExport = {
  json: { filename: string; content: string };
  csv: { filename: string; content: string };
};

export async function myData(
  ctx: AppContext,
  raw: z.input<typeof MyDataInput>,
): Promise<Result<MyDataExport>> {
  const input = parseInput(MyDataInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, delimiter } = input.value;
  const person = await ensurePerson(ctx, actor);
  return ctx.db.$transaction(async (tx) => {
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
      },
    });
    const proposals = await tx.agendaItem.findMany({
      where: { proposedById: id },
      include: { meeting: true },
    });
    const decisions = await tx.decision.findMany({ where: { recordedById: id } });
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

    type Row = [kind: string, cluster: string, date: string, description: string];
    const rows: Row[] = [
      ["person", "", document.person.createdAt, `${full.displayName}${full.email ? ` <${full.email}>` : ""}`],
      ...document.identities.map(
        (i): Row => ["identity", "", i.createdAt, `${i.platform} ${i.tenant} ${i.userId}`],
      ),
      ...document.memberships.map((m): Row => ["membership", m.cluster, m.joinedAt, m.role]),
      ...document.conversations.map(
        (c): Row => ["conversation", "", c.updatedAt, `${c.platform} ${c.scope} ${c.conversationId}`],
      ),
      ...document.slotVotes.map(
        (v): Row => ["slot-vote", v.cluster, v.updatedAt, `${v.meeting} ${v.slotStartsAt}: ${v.answer}`],
      ),
      ...document.agendaVotes.map((v): Row => ["agenda-vote", v.cluster, "", `${v.meeting}: ${v.item}`]),
      ...document.agendaProposals.map(
        (p): Row => ["agenda-proposal", p.cluster, p.createdAt, `${p.meeting}: ${p.title}`],
      ),
      ...document.attendance.map(
        (a): Row => ["attendance", a.cluster, "", `${a.meeting}: ${a.present ? "present" : "absent"}`],
      ),
      ...document.decisionsRecorded.map((d): Row => ["decision", d.cluster, d.createdAt, d.text]),
      ...document.measuresOwned.map(
        (m): Row => [
          "measure",
          m.cluster,
          m.createdAt,
          `${m.title} (${m.status}, ${m.progress}%, due ${m.dueDate})`,
        ],
      ),
      ...document.measureUpdatesWritten.map(
        (u): Row => [
          "measure-update",
          u.cluster,
          u.createdAt,
          `${u.measure}: ${[u.status, u.progress === null ? null : `${u.progress}%`, u.note].filter(Boolean).join(", ")}`,
        ],
      ),
      ...document.pulseParticipations.map(
        (p): Row => ["pulse-participation", p.cluster, p.updatedAt, `${p.pulse}: ${p.status}`],
      ),
      ...document.namedPulseResponses.flatMap((r) =>
        Object.entries(r.answers).map(
          ([key, value]): Row => [
            "pulse-answer",
            r.cluster,
            r.submittedAt ?? "",
            `${r.pulse} / ${key}: ${JSON.stringify(value)}`,
          ],
        ),
      ),
      ...document.pendingDownloads.map((d): Row => ["download", "", d.createdAt, d.filename]),
      ...document.auditEntries.map(
        (a): Row => [
          "audit",
          a.cluster,
          a.createdAt,
          `${a.action}${a.subjectType ? ` ${a.subjectType}` : ""}`,
        ],
      ),
    ];
    const csv = toCsv([["kind", "cluster", "date", "description"], ...(rows as CsvCell[][])], {
      bom: true,
      delimiter,
    });
    const cluster = await clusterOfConversation(tx, conversation);
    await audit(tx, {
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
  });
}

function updateOf(u: {
  status: string | null;
  progress: number | null;
  note: string | null;
  createdAt: Date;
}) {
  return { status: u.status, progress: u.progress, note: u.note, createdAt: u.createdAt.toISOString() };
}
