// A participant upvotes an agenda item, or takes the vote back. The button carries the wanted state
// (on/off), so a double click or a retry lands on the same state: one vote per person at most.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
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

export const voteAgendaItem = clusterUseCase(
  { name: "voteAgendaItem", input: VoteAgendaItemInput, capability: "agenda.propose" },
  async ({ ctx, tx, input, person, cluster, membership, audit }): Promise<Result<AgendaSnapshot>> => {
    const { itemId, vote } = input;
    const now = ctx.clock.now();
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
        await audit({
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
  },
);
