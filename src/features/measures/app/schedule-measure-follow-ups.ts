// Scheduler tick: turn the follow-up policy into outbox rows. Owners are pinged before the due
// date, on it, and weekly while overdue; the chair and coordinator hear of what slips. Each row's
// key is stable, so however often this runs (and on however many instances), each ping exists once.

import type { AppContext } from "../../../kernel/app/context.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { personalRecipient } from "../../../kernel/app/recipients.ts";
import { clusterSettings } from "../../../kernel/domain/cluster-settings.ts";
import { nextWorkingTime } from "../../../kernel/domain/working-hours.ts";
import { measureNotifications } from "../domain/follow-up-policy.ts";

export async function scheduleMeasureFollowUps(
  ctx: AppContext,
  { batchSize = 500 } = {},
): Promise<{ enqueued: number }> {
  const now = ctx.clock.now();
  let enqueued = 0;
  let cursor: string | undefined;
  for (;;) {
    const measures = await ctx.db.measure.findMany({
      where: { status: { in: ["PLANNED", "STARTED", "BLOCKED"] }, ownerId: { not: null } },
      include: { cluster: { include: { bindings: true } }, owner: true },
      orderBy: { id: "asc" },
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (measures.length === 0) return { enqueued };
    cursor = measures.at(-1)!.id;
    for (const measure of measures) {
      const { cluster, owner } = measure;
      const settings = clusterSettings(cluster.settings).followUp;
      const dueDate = measure.dueDate.toISOString().slice(0, 10);
      const due = measureNotifications({
        measureId: measure.id,
        dueDate,
        status: measure.status,
        now,
        timeZone: cluster.timeZone,
        settings,
        recipientTimeZone: owner?.timeZone ?? undefined,
        createdAt: measure.createdAt,
      });
      // The platform the cluster lives on is the one the owner is most likely to read.
      const prefer = cluster.bindings[0]?.platform ?? "SLACK";
      // A ping found late (the scheduler was down) still waits for the recipient's working hours.
      const sendAt = (notBefore: Date, zone: string | null) =>
        nextWorkingTime(notBefore > now ? notBefore : now, zone ?? cluster.timeZone, settings.workingHours);
      for (const n of due) {
        if (n.kind === "escalate") {
          const leads = await ctx.db.membership.findMany({
            where: { clusterId: cluster.id, role: { in: ["CHAIR", "COORDINATOR"] } },
            include: { person: true },
          });
          for (const lead of leads) {
            const recipient = await personalRecipient(ctx.db, lead.personId, prefer);
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
            const { created } = await enqueueNotification(ctx.db, {
              key: `${n.key}:${lead.personId}`,
              clusterId: cluster.id,
              recipient,
              view,
              notBefore: sendAt(n.notBefore, lead.person.timeZone),
            });
            if (created) enqueued += 1;
          }
          continue;
        }
        const recipient = await personalRecipient(ctx.db, measure.ownerId!, prefer);
        if (!recipient) continue;
        // Owner pings form one chain: a newer stage replaces one still waiting for working hours.
        await ctx.db.outboxMessage.deleteMany({
          where: {
            status: "PENDING",
            key: { not: n.key },
            OR: ["due-", "overdue-"].map((stage) => ({
              key: { startsWith: `measure:${measure.id}:${stage}` },
            })),
          },
        });
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
        const { created } = await enqueueNotification(ctx.db, {
          key: n.key,
          clusterId: cluster.id,
          recipient,
          view,
          notBefore: sendAt(n.notBefore, owner?.timeZone ?? null),
        });
        if (created) enqueued += 1;
      }
    }
  }
}
