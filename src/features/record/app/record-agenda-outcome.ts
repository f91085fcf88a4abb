// After the meeting the secretary marks what became of each agenda item: discussed or deferred.
// Setting the same outcome twice changes nothing; a wrong one may be corrected.
import { z } from "zod";
import { audit } from "../../../kernel/app/audit.ts";
import { authorize } from "../../../kernel/app/authorize.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { ensurePerson } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
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

export async function recordAgendaOutcome(
  ctx: AppContext,
  raw: z.input<typeof RecordAgendaOutcomeInput>,
): Promise<Result<RecordedOutcome>> {
  const input = parseInput(RecordAgendaOutcomeInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, itemId, outcome } = input.value;
  const person = await ensurePerson(ctx, actor);
  return ctx.db.$transaction(async (tx) => {
    const auth = await authorize(tx, conversation, person.id, "meeting.record");
    if (!auth.ok) return auth;
    const { cluster } = auth.value;
    const item = await tx.agendaItem.findUnique({ where: { id: itemId }, include: { meeting: true } });
    if (!item || item.clusterId !== cluster.id || !takesOutcome(item.status))
      return fail("AGENDA_ITEM_NOT_FOUND");
    const found = await recordableMeeting(tx, cluster, item.meetingId, ctx.clock.now());
    if (!found.ok) return found;
    const changed = item.status !== outcome;
    if (changed) {
      await tx.agendaItem.update({ where: { id: itemId }, data: { status: outcome } });
      await markHeld(tx, item.meeting, person.id);
      await audit(tx, {
        clusterId: cluster.id,
        actorId: person.id,
        action: `agenda.${outcome.toLowerCase()}`,
        subjectType: "agenda-item",
        subjectId: itemId,
        details: { from: item.status },
      });
    }
    const record = await loadMeetingRecord(tx, item.meetingId);
    return record ? ok({ record, itemTitle: item.title, changed }) : fail("MEETING_NOT_FOUND");
  });
}
