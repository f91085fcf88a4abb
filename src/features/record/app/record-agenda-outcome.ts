// After the meeting the secretary marks what became of each agenda item: discussed or deferred.
// Setting the same outcome twice changes nothing; a wrong one may be corrected.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { AGENDA_OUTCOMES, takesOutcome } from "../../agenda/index.ts";
import { markHeld } from "../../meetings/index.ts";
import { loadMeetingRecord, type MeetingRecord } from "./load-meeting-record.ts";
import { recordableMeeting } from "./show-meeting-record.ts";

export const RecordAgendaOutcomeInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  itemId: z.uuid(),
  outcome: z.enum(AGENDA_OUTCOMES),
});

export type RecordedOutcome = { record: MeetingRecord; itemTitle: string; changed: boolean };

export const recordAgendaOutcome = clusterUseCase(
  { name: "recordAgendaOutcome", input: RecordAgendaOutcomeInput, capability: "meeting.record" },
  async ({ ctx, tx, input, person, cluster, audit }): Promise<Result<RecordedOutcome>> => {
    const { itemId, outcome } = input;
    const item = await tx.agendaItem.findUnique({ where: { id: itemId }, include: { meeting: true } });
    if (!item || item.clusterId !== cluster.id || !takesOutcome(item.status))
      return fail("AGENDA_ITEM_NOT_FOUND");
    const found = await recordableMeeting(tx, cluster, item.meetingId, ctx.clock.now());
    if (!found.ok) return found;
    const changed = item.status !== outcome;
    if (changed) {
      await tx.agendaItem.update({ where: { id: itemId }, data: { status: outcome } });
      await markHeld(tx, item.meeting, person.id);
      await audit({
        action: `agenda.${outcome.toLowerCase()}`,
        subjectType: "agenda-item",
        subjectId: itemId,
        details: { from: item.status },
      });
    }
    const record = await loadMeetingRecord(tx, item.meetingId);
    return record ? ok({ record, itemTitle: item.title, changed }) : fail("MEETING_NOT_FOUND");
  },
);
