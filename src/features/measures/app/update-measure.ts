// The owner (or an organiser) checks in on a measure: started, progress, done, blocked. Every change
// is kept in the measure's history and posted to the cluster's channels as a short update.
import { z } from "zod";
import { membershipIn } from "../../../kernel/app/identity.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { clusterChannels } from "../../../kernel/app/recipients.ts";
import { personUseCase } from "../../../kernel/app/use-case.ts";
import { DEFAULT_LOCALE, toLocale } from "../../../kernel/domain/locale.ts";
import { PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { can } from "../../../kernel/domain/roles.ts";
import type { MeasureStatus } from "../domain/follow-up-policy.ts";
import { withdrawFollowUps } from "./withdraw-follow-ups.ts";

export const MeasureChangeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("started") }),
  z.object({
    kind: z.literal("progress"),
    progress: z.coerce.number().int().min(0).max(100),
    note: z.string().trim().max(1000).nullish(),
  }),
  z.object({ kind: z.literal("done"), note: z.string().trim().max(1000).nullish() }),
  z.object({ kind: z.literal("blocked"), reason: z.string().trim().min(3).max(1000) }),
]);
export type MeasureChange = z.infer<typeof MeasureChangeSchema>;

export const UpdateMeasureInput = z.object({
  actor: PlatformUserSchema,
  measureId: z.uuid(),
  change: MeasureChangeSchema,
});

export type MeasureUpdated = {
  measureId: string;
  title: string;
  status: MeasureStatus;
  progress: number;
  changed: boolean;
};

export const updateMeasure = personUseCase(
  {
    name: "updateMeasure",
    input: UpdateMeasureInput,
    access: "in-body: the measure's owner, or measure.assign in the measure's cluster",
  },
  async ({ ctx, tx, input, person, audit }): Promise<Result<MeasureUpdated>> => {
    const { measureId, change } = input;
    // Four "Done" clicks at once must record one change: each check-in holds the measure's row
    // until it commits, so the next one reads the status the previous one wrote.
    await tx.$queryRaw`SELECT id FROM "Measure" WHERE id = ${measureId} FOR UPDATE`;
    // Check-ins arrive in personal chats, so the measure's own cluster scopes the permission.
    const measure = await tx.measure.findUnique({
      where: { id: measureId },
      include: { cluster: true, owner: true },
    });
    if (!measure) return fail("MEASURE_NOT_FOUND");
    const membership = await membershipIn(tx, measure.clusterId, person.id);
    if (!membership) return fail("NOT_A_MEMBER", { cluster: measure.cluster.name });
    if (measure.ownerId !== person.id && !can(membership.role, "measure.assign"))
      return fail("FORBIDDEN", { role: membership.role });
    if (measure.status === "DONE" || measure.status === "CANCELLED")
      return fail("MEASURE_CLOSED", { title: measure.title });

    const next = apply(measure.progress, change);
    const unchanged =
      next.status === measure.status &&
      next.progress === measure.progress &&
      !("note" in change && change.note) &&
      change.kind !== "blocked";
    if (unchanged)
      return ok({
        measureId,
        title: measure.title,
        status: measure.status,
        progress: measure.progress,
        changed: false,
      });

    const now = ctx.clock.now();
    const note = change.kind === "blocked" ? change.reason : "note" in change ? (change.note ?? null) : null;
    await tx.measure.update({
      where: { id: measureId },
      data: {
        status: next.status,
        progress: next.progress,
        blockedReason: change.kind === "blocked" ? change.reason : null,
        completedAt: next.status === "DONE" ? now : null,
        // Done: nothing more to follow up. Otherwise the policy (blocked, started) may differ: recompute.
        nextFollowUpAt: next.status === "DONE" ? null : now,
      },
    });
    // Done stops every ping, including ones already queued for working hours (found by the measure's
    // subject and the stages it may have queued: an index lookup, no key prefix).
    if (next.status === "DONE") await withdrawFollowUps(tx, measure);
    const update = await tx.measureUpdate.create({
      data: {
        measureId,
        authorId: person.id,
        status: next.status,
        progress: next.progress,
        note,
        createdAt: now,
      },
    });
    await audit({
      clusterId: measure.clusterId,
      action: `measure.${change.kind}`,
      subjectType: "measure",
      subjectId: measureId,
      details: { progress: next.progress, note },
    });
    const locale = toLocale(measure.cluster.locale) ?? DEFAULT_LOCALE;
    const view = ctx.compose.compose(
      {
        type: "measure.changed",
        measureId,
        title: measure.title,
        clusterName: measure.cluster.name,
        ownerName: measure.owner?.displayName ?? "",
        status: next.status,
        progress: next.progress,
        note,
        changedBy: person.displayName,
      },
      locale,
    );
    for (const recipient of await clusterChannels(tx, measure.clusterId)) {
      await enqueueNotification(tx, {
        key: `measure:${measureId}:update:${update.id}:${recipient.platform}`,
        clusterId: measure.clusterId,
        recipient,
        view,
        notBefore: now,
      });
    }
    return ok({
      measureId,
      title: measure.title,
      status: next.status,
      progress: next.progress,
      changed: true,
    });
  },
);

/** The status and progress a check-in leads to; progress 100 % means done. */
function apply(progress: number, change: MeasureChange): { status: MeasureStatus; progress: number } {
  switch (change.kind) {
    case "started":
      return { status: "STARTED", progress };
    case "progress":
      return { status: change.progress === 100 ? "DONE" : "STARTED", progress: change.progress };
    case "done":
      return { status: "DONE", progress: 100 };
    case "blocked":
      return { status: "BLOCKED", progress };
  }
}
