// Scheduler tick: turn the follow-up policy into outbox rows. Owners are pinged before the due
// date, on it, and weekly while overdue; the chair and coordinator hear of what slips.
//
// Due-driven: each measure carries `nextFollowUpAt`, the next moment the policy can say something
// new (follow-up-policy.ts); the tick reads only measures due by that index, in bounded batches, so a
// quiet tick costs one statement however many measures exist. What it queued is recorded on the
// measure itself (`followUpStage`, `escalatedAt`) in the same transaction as the queueing and the
// advance, so a crash never loses or repeats a ping and purged outbox rows are never sent again.

import type { ChannelBinding, Cluster, Measure, Person } from "../../../generated/prisma/client.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { eachJobItem } from "../../../kernel/app/each-job-item.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { personalRecipients, type RecipientLookup } from "../../../kernel/app/personal-recipients.ts";
import { clusterSettings } from "../../../kernel/domain/cluster-settings.ts";
import { zoneOr } from "../../../kernel/domain/time-zone.ts";
import { nextWorkingTime } from "../../../kernel/domain/working-hours.ts";
import {
  type MeasureNotification,
  measureNotifications,
  nextFollowUpAt,
} from "../domain/follow-up-policy.ts";
import { measureSubject, ownerStages } from "./withdraw-follow-ups.ts";

export const FOLLOW_UP_JOB = "measure-follow-ups";
/** A measure whose follow-up failed is tried again this much later, not at every tick. */
const RETRY_AFTER_MS = 60 * 60 * 1000;
const LEAD_ROLES = ["CHAIR", "COORDINATOR"] as const;

type DueMeasure = Measure & { cluster: Cluster & { bindings: ChannelBinding[] }; owner: Person | null };
type Plan = { measure: DueMeasure; due: MeasureNotification[]; next: Date | null; zone: string };

export async function scheduleMeasureFollowUps(
  ctx: AppContext,
  { batchSize = 200 } = {},
): Promise<{ enqueued: number; failed: number }> {
  const now = ctx.clock.now();
  let enqueued = 0;
  // Items that failed in this tick are deferred; these are left out even if the deferral failed too.
  const failed = new Set<string>();
  const fail = (measure: DueMeasure) => failed.add(measure.id);
  for (;;) {
    const rows = await ctx.db.measure.findMany({
      where: { nextFollowUpAt: { lte: now }, ...(failed.size > 0 ? { id: { notIn: [...failed] } } : {}) },
      orderBy: [{ nextFollowUpAt: "asc" }, { id: "asc" }],
      take: batchSize,
    });
    // Nothing due: this one statement is the whole tick (an `include` would send its relation
    // queries even for no rows).
    if (rows.length === 0) break;
    const measures = await withClustersAndOwners(ctx, rows);
    const failedBefore = failed.size;

    // 1. The policy, per measure (pure; a zone no engine knows throws here and fails that measure alone).
    const plans: Plan[] = [];
    await eachJobItem(ctx, FOLLOW_UP_JOB, measures, describe, async (measure) => {
      try {
        plans.push(plan(measure, now));
      } catch (error) {
        fail(measure);
        throw error;
      }
    });

    // 2. Who hears of it, for the whole batch at once: leads of escalating clusters, then every recipient.
    const escalating = [...new Set(plans.filter(isEscalating).map((p) => p.measure.clusterId))];
    const leads =
      escalating.length === 0
        ? []
        : await ctx.db.membership.findMany({
            where: { clusterId: { in: escalating }, role: { in: [...LEAD_ROLES] } },
            include: { person: true },
            orderBy: { personId: "asc" },
          });
    const pinged = plans.filter((p) => p.due.length > 0);
    const recipients = await personalRecipients(ctx.db, [
      ...pinged.map((p) => p.measure.ownerId!),
      ...leads.map((l) => l.personId),
    ]);

    // 3. Queue and advance, one transaction per measure.
    await eachJobItem(
      ctx,
      FOLLOW_UP_JOB,
      plans,
      (p) => describe(p.measure),
      async (p) => {
        try {
          const leadsOf = leads.filter((l) => l.clusterId === p.measure.clusterId);
          enqueued += await act(ctx, p, now, leadsOf, recipients);
        } catch (error) {
          fail(p.measure);
          throw error;
        }
      },
    );

    if (failed.size > failedBefore) {
      // Deferred, so a poison measure neither blocks a batch slot nor fails every minute.
      await ctx.db.measure
        .updateMany({
          where: { id: { in: [...failed] }, nextFollowUpAt: { lte: now } },
          data: { nextFollowUpAt: new Date(now.getTime() + RETRY_AFTER_MS) },
        })
        .catch(() => undefined); // left out of this tick's batches anyway (`failed`)
    }
    if (rows.length < batchSize) break;
  }
  return { enqueued, failed: failed.size };
}

/** The batch's clusters (with their channels) and owners: three statements per batch. */
async function withClustersAndOwners(ctx: AppContext, rows: Measure[]): Promise<DueMeasure[]> {
  const clusterIds = [...new Set(rows.map((m) => m.clusterId))];
  const ownerIds = [...new Set(rows.flatMap((m) => (m.ownerId ? [m.ownerId] : [])))];
  const [clusters, owners] = await Promise.all([
    ctx.db.cluster.findMany({
      where: { id: { in: clusterIds } },
      include: { bindings: { orderBy: { platform: "asc" } } },
    }),
    ownerIds.length === 0 ? [] : ctx.db.person.findMany({ where: { id: { in: ownerIds } } }),
  ]);
  const clusterById = new Map(clusters.map((c) => [c.id, c]));
  const ownerById = new Map(owners.map((p) => [p.id, p]));
  return rows.map((m) => ({
    ...m,
    cluster: clusterById.get(m.clusterId)!,
    owner: m.ownerId ? (ownerById.get(m.ownerId) ?? null) : null,
  }));
}

const describe = (m: DueMeasure) => ({ measureId: m.id, clusterId: m.clusterId });
const isEscalating = (p: Plan) => p.due.some((n) => n.kind === "escalate");
const stageOf = (n: MeasureNotification) => n.key.split(":")[2]!;

function plan(measure: DueMeasure, now: Date): Plan {
  const { cluster, owner } = measure;
  const open = measure.ownerId !== null && ["PLANNED", "STARTED", "BLOCKED"].includes(measure.status);
  if (!open) return { measure, due: [], next: null, zone: cluster.timeZone };
  const settings = clusterSettings(cluster.settings).followUp;
  // A stored zone that is not a usable one (old data) counts as absent: the cluster's applies.
  const zone = zoneOr(owner?.timeZone, cluster.timeZone);
  const input = {
    measureId: measure.id,
    dueDate: measure.dueDate.toISOString().slice(0, 10),
    status: measure.status,
    now,
    timeZone: cluster.timeZone,
    settings,
    recipientTimeZone: zone,
    createdAt: measure.createdAt,
  };
  // What was queued before is not queued again: the measure records its last owner stage and escalation.
  const due = measureNotifications(input).filter((n) =>
    n.kind === "escalate" ? measure.escalatedAt === null : stageOf(n) !== measure.followUpStage,
  );
  return { measure, due, next: nextFollowUpAt(input), zone };
}

async function act(
  ctx: AppContext,
  { measure, due, next, zone }: Plan,
  now: Date,
  leads: { personId: string; person: Person }[],
  recipientOf: RecipientLookup,
): Promise<number> {
  // Advanced only if no use case marked the measure due again since we read it (its change would
  // otherwise be lost until `next`); then the next tick recomputes it.
  const unchanged = { id: measure.id, nextFollowUpAt: measure.nextFollowUpAt };
  if (due.length === 0) {
    await ctx.db.measure.updateMany({ where: unchanged, data: { nextFollowUpAt: next } });
    return 0;
  }
  const { cluster, owner } = measure;
  const settings = clusterSettings(cluster.settings).followUp;
  const dueDate = measure.dueDate.toISOString().slice(0, 10);
  const subject = measureSubject(measure.id);
  // The platform the cluster lives on is the one the owner is most likely to read.
  const prefer = cluster.bindings[0]?.platform ?? "SLACK";
  // A ping found late (the scheduler was down) still waits for the recipient's working hours.
  const sendAt = (notBefore: Date, personZone: string) =>
    nextWorkingTime(notBefore > now ? notBefore : now, personZone, settings.workingHours);
  return ctx.db.$transaction(async (tx) => {
    let enqueued = 0;
    let followUpStage = measure.followUpStage;
    let escalatedAt = measure.escalatedAt;
    for (const n of due) {
      const stage = stageOf(n);
      if (n.kind === "escalate") {
        escalatedAt = now;
        for (const lead of leads) {
          const recipient = recipientOf(lead.personId, prefer);
          if (!recipient) continue;
          const view = ctx.compose.compose(
            {
              type: "measure.escalation",
              measureId: measure.id,
              title: measure.title,
              dueDate,
              clusterName: cluster.name,
              ownerName: owner?.displayName ?? "",
            },
            localeOf(lead.person, cluster),
          );
          const { created } = await enqueueNotification(tx, {
            key: `${n.key}:${lead.personId}`,
            clusterId: cluster.id,
            recipient,
            view,
            notBefore: sendAt(n.notBefore, zoneOr(lead.person.timeZone, cluster.timeZone)),
            subject,
            stage,
            personId: lead.personId,
          });
          if (created) enqueued += 1;
        }
        continue;
      }
      // Owner pings form one chain: a newer stage replaces one still waiting for working hours.
      const superseded = ownerStages(followUpStage).filter((s) => s !== stage);
      await tx.outboxMessage.deleteMany({
        where: { status: "PENDING", subject, stage: { in: superseded } },
      });
      followUpStage = stage;
      const recipient = recipientOf(measure.ownerId!, prefer);
      if (!recipient) continue;
      const view = ctx.compose.compose(
        {
          type: "measure.reminder",
          kind: n.kind,
          measureId: measure.id,
          title: measure.title,
          dueDate,
          clusterName: cluster.name,
        },
        localeOf(owner, cluster),
      );
      const { created } = await enqueueNotification(tx, {
        key: n.key,
        clusterId: cluster.id,
        recipient,
        view,
        notBefore: sendAt(n.notBefore, zone),
        subject,
        stage,
        personId: measure.ownerId!,
      });
      if (created) enqueued += 1;
    }
    await tx.measure.updateMany({
      where: unchanged,
      data: { nextFollowUpAt: next, followUpStage, escalatedAt },
    });
    return enqueued;
  });
}
