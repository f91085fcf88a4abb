// `/cluster decide` or "Record as decision" on a message: the chair or secretary records a decision,
// linked to the meeting being held and optionally one of its agenda items. Between meetings a
// decision belongs to the cluster alone.
import { z } from "zod";
import type { Meeting } from "../../../generated/prisma/client.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { claimInteraction, markHeld } from "../../meetings/index.ts";
import { recordableMeeting } from "./show-meeting-record.ts";

export const DECISION_TEXT_MIN = 3;
export const DECISION_TEXT_MAX = 2000;

export const RecordDecisionInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  meetingId: z.uuid("MEETING").nullish(),
  agendaItemId: z.uuid("AGENDA_ITEM").nullish(),
  text: z.string().trim().min(DECISION_TEXT_MIN, "TEXT").max(DECISION_TEXT_MAX, "TEXT"),
  /** Where a "Record as decision" came from, e.g. "slack:C123:1700000000.000100". */
  sourceRef: z.string().max(500).nullish(),
  /** The form's nonce: submitting the same form twice records one decision. */
  requestKey: z.string().min(8).max(100).nullish(),
});

export type RecordedDecision = {
  decisionId: string | null;
  text: string;
  meetingTitle: string | null;
  itemTitle: string | null;
  cluster: { name: string; locale: string };
  /** The same form was submitted before: nothing was recorded this time. */
  duplicate: boolean;
};

export const recordDecision = clusterUseCase(
  { name: "recordDecision", input: RecordDecisionInput, capability: "meeting.record" },
  async ({ ctx, tx, input, person, cluster, audit }): Promise<Result<RecordedDecision>> => {
    const { meetingId, agendaItemId, text, sourceRef, requestKey } = input;
    let meeting: Meeting | null = null;
    if (meetingId) {
      const found = await recordableMeeting(tx, cluster, meetingId, ctx.clock.now());
      if (!found.ok) return found;
      meeting = await tx.meeting.findUniqueOrThrow({ where: { id: found.value } });
    }
    let itemTitle: string | null = null;
    if (agendaItemId) {
      const item = await tx.agendaItem.findUnique({ where: { id: agendaItemId } });
      // Only an item of the meeting being recorded, in this cluster.
      if (!item || item.clusterId !== cluster.id || !meeting || item.meetingId !== meeting.id)
        return fail("AGENDA_ITEM_NOT_FOUND");
      itemTitle = item.title;
    }
    const result = {
      text,
      meetingTitle: meeting?.title ?? null,
      itemTitle,
      cluster: { name: cluster.name, locale: cluster.locale },
    };
    if (requestKey && !(await claimInteraction(tx, `decision:${requestKey}`)))
      return ok({ ...result, decisionId: null, duplicate: true });
    const decision = await tx.decision.create({
      data: {
        clusterId: cluster.id,
        meetingId: meeting?.id ?? null,
        agendaItemId: agendaItemId ?? null,
        text,
        recordedById: person.id,
        sourceRef: sourceRef || null,
      },
    });
    if (meeting) await markHeld(tx, meeting, person.id);
    await audit({
      action: "decision.record",
      subjectType: "decision",
      subjectId: decision.id,
      details: {
        meetingId: meeting?.id ?? null,
        agendaItemId: agendaItemId ?? null,
        sourceRef: sourceRef || null,
      },
    });
    return ok({ ...result, decisionId: decision.id, duplicate: false });
  },
);
