// A participant proposes an item for the upcoming meeting's agenda, until the agenda deadline.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { claimInteraction } from "../../meetings/index.ts";
import {
  AGENDA_DETAILS_MAX,
  AGENDA_KINDS,
  AGENDA_TITLE_MAX,
  AGENDA_TITLE_MIN,
  acceptsAgendaItems,
} from "../domain/agenda-rules.ts";
import { appendAgendaItem } from "./append-agenda-item.ts";

export const AddAgendaItemInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  meetingId: z.uuid("MEETING"),
  title: z.string().trim().min(AGENDA_TITLE_MIN, "TITLE").max(AGENDA_TITLE_MAX, "TITLE"),
  details: z.string().trim().max(AGENDA_DETAILS_MAX, "DETAILS").nullish(),
  kind: z.enum(AGENDA_KINDS, "KIND"),
  /** The form's nonce: submitting the same form twice adds the item once. */
  requestKey: z.string().min(8).max(100).nullish(),
});

export type AddedAgendaItem = {
  itemId: string | null;
  title: string;
  meetingId: string;
  meetingTitle: string;
  /** The same form was submitted before: nothing was added this time. */
  duplicate: boolean;
};

export const addAgendaItem = clusterUseCase(
  { name: "addAgendaItem", input: AddAgendaItemInput, capability: "agenda.propose" },
  async ({ ctx, tx, input, person, cluster, audit }): Promise<Result<AddedAgendaItem>> => {
    const { meetingId, title, details, kind, requestKey } = input;
    const meeting = await tx.meeting.findUnique({ where: { id: meetingId } });
    if (!meeting || meeting.clusterId !== cluster.id) return fail("MEETING_NOT_FOUND");
    if (!acceptsAgendaItems(meeting.status, meeting.agendaDeadline, ctx.clock.now()))
      return fail("AGENDA_CLOSED", { title: meeting.title });
    const result = { title, meetingId, meetingTitle: meeting.title };
    if (requestKey && !(await claimInteraction(tx, `agenda-item:${requestKey}`)))
      return ok({ ...result, itemId: null, duplicate: true });
    const item = await appendAgendaItem(tx, {
      clusterId: cluster.id,
      meetingId,
      title,
      details: details || null,
      kind,
      proposedById: person.id,
    });
    await audit({
      action: "agenda.add",
      subjectType: "agenda-item",
      subjectId: item.id,
      details: { meetingId, title, kind },
    });
    return ok({ ...result, itemId: item.id, duplicate: false });
  },
);
