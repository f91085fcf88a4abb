// `/cluster measure add`: an organiser gives a member a measure with a due date; the owner is told
// in a personal message with check-in buttons (through the outbox, in the same transaction).
import { z } from "zod";
import { membershipIn } from "../../../kernel/app/identity.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { personalRecipient } from "../../../kernel/app/recipients.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { isLocalDate, utcToZoned } from "../../../kernel/domain/zoned-time.ts";

export const AddMeasureInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  title: z.string().trim().min(3, "TITLE").max(200, "TITLE"),
  ownerPersonId: z.uuid("OWNER"),
  dueDate: z.string().refine(isLocalDate, "DUE_DATE"),
  decisionId: z.uuid().nullish(),
  description: z.string().trim().max(2000, "DESCRIPTION").nullish(),
});

export type AddedMeasure = {
  measureId: string;
  title: string;
  ownerName: string;
  dueDate: string;
  clusterName: string;
};

export const addMeasure = clusterUseCase(
  { name: "addMeasure", input: AddMeasureInput, capability: "measure.assign" },
  async ({ ctx, tx, input, person, cluster, audit }): Promise<Result<AddedMeasure>> => {
    const { conversation, title, ownerPersonId, dueDate, decisionId, description } = input;
    const owner = await membershipIn(tx, cluster.id, ownerPersonId);
    if (!owner) return fail("UNKNOWN_USER", { user: "?" });
    // Due today is fine; a date already gone in the cluster's zone is a typo.
    if (dueDate < utcToZoned(ctx.clock.now(), cluster.timeZone).date)
      return fail("INVALID_INPUT", { field: "dueDate", problem: "DUE_IN_PAST" });
    if (decisionId) {
      const decision = await tx.decision.findUnique({ where: { id: decisionId } });
      if (!decision || decision.clusterId !== cluster.id)
        return fail("INVALID_INPUT", { field: "decisionId", problem: "DECISION" });
    }
    const measure = await tx.measure.create({
      data: {
        clusterId: cluster.id,
        title,
        description: description || null,
        ownerId: ownerPersonId,
        dueDate: new Date(`${dueDate}T00:00:00Z`),
        decisionId: decisionId ?? null,
        createdById: person.id,
        // Follow-up timing reads createdAt: it comes from the injected clock.
        createdAt: ctx.clock.now(),
        // Due for the follow-up tick at once: it works out the first ping's moment.
        nextFollowUpAt: ctx.clock.now(),
        updates: {
          create: {
            authorId: person.id,
            status: "PLANNED",
            progress: 0,
            note: null,
            createdAt: ctx.clock.now(),
          },
        },
      },
      include: { owner: true },
    });
    await audit({
      action: "measure.add",
      subjectType: "measure",
      subjectId: measure.id,
      details: { title, ownerId: ownerPersonId, dueDate },
    });
    const recipient = await personalRecipient(tx, ownerPersonId, conversation.platform);
    if (recipient) {
      const locale = localeOf(measure.owner, cluster);
      const view = ctx.compose.compose(
        {
          type: "measure.assigned",
          measureId: measure.id,
          title,
          description: measure.description,
          dueDate,
          clusterName: cluster.name,
          assignedBy: person.displayName,
        },
        locale,
      );
      await enqueueNotification(tx, {
        key: `measure:${measure.id}:assigned`,
        clusterId: cluster.id,
        recipient,
        view,
        notBefore: ctx.clock.now(),
      });
    }
    return ok({
      measureId: measure.id,
      title,
      ownerName: measure.owner?.displayName ?? "",
      dueDate,
      clusterName: cluster.name,
    });
  },
);
