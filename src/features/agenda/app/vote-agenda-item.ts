// A participant upvotes an agenda item, or takes the vote back. The button carries the wanted state
// (on/off), so a double click or a retry lands on the same state: one vote per person at most.
import { z } from "zod";
import { audit } from "../../../kernel/app/audit.ts";
import { authorize } from "../../../kernel/app/authorize.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { ensurePerson } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { acceptsAgendaItems, isVotable } from "../domain/agenda-rules.ts";
import { type AgendaSnapshot, loadAgenda } from "./load-agenda.ts";

export const VoteAgendaItemInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  itemId: z.uuid(),
  vote: z.boolean(),
});

export async function voteAgendaItem(
  ctx: AppContext,
  raw: z.input<typeof VoteAgendaItemInput>,
): Promise<Result<AgendaSnapshot>> {
  const input = parseInput(VoteAgendaItemInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, itemId, vote } = input.value;
  const person = await ensurePerson(ctx, actor);
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const auth = await authorize(tx, conversation, person.id, "agenda.propose");
    if (!auth.ok) return auth;
    const { cluster, membership } = auth.value;
    const item = await tx.agendaItem.findUnique({ where: { id: itemId }, include: { meeting: true } });
    // An item of another cluster is as good as unknown here.
    if (!item || item.clusterId !== cluster.id) return fail("AGENDA_ITEM_NOT_FOUND");
    if (!acceptsAgendaItems(item.meeting.status, item.meeting.agendaDeadline, now))
      return fail("AGENDA_CLOSED", { title: item.meeting.title });
    // A settled item (deferred, rejected) keeps its votes as they are; the redrawn agenda shows why.
    if (isVotable(item.status)) {
      const key = { itemId_personId: { itemId, personId: person.id } };
      const { count } = vote
        ? await tx.agendaVote.createMany({ data: [{ itemId, personId: person.id }], skipDuplicates: true })
        : await tx.agendaVote.deleteMany({ where: key.itemId_personId });
      if (count > 0)
        await audit(tx, {
          clusterId: cluster.id,
          actorId: person.id,
          action: vote ? "agenda.vote" : "agenda.unvote",
          subjectType: "agenda-item",
          subjectId: itemId,
        });
    }
    const snapshot = await loadAgenda(
      tx,
      item.meetingId,
      { personId: person.id, role: membership.role },
      now,
    );
    return snapshot ? ok(snapshot) : fail("MEETING_NOT_FOUND");
  });
}
