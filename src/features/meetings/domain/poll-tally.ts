// Counting a date poll. Only current members count: someone who left the cluster keeps their vote
// rows in the database (until erased) but no longer decides when the others meet.

export const SLOT_ANSWERS = ["YES", "IF_NEED_BE", "NO"] as const;
export type SlotAnswer = (typeof SLOT_ANSWERS)[number];

export type PollSlot = { id: string; startsAt: Date };
export type PollVote = { slotId: string; personId: string; answer: SlotAnswer };

export type AnswerCounts = { yes: number; ifNeedBe: number; no: number };
export type AnswerVoters = { yes: string[]; ifNeedBe: string[]; no: string[] };

export type SlotTally = {
  slotId: string;
  startsAt: Date;
  counts: AnswerCounts;
  /** Member ids per answer, in the order of `memberIds`. */
  voters: AnswerVoters;
  /** Members who have not answered this slot yet. */
  unansweredIds: string[];
};

export type PollTally = {
  /** In the order the slots were given. */
  slots: SlotTally[];
  /** Members who answered at least one slot. */
  respondentIds: string[];
  /** Members who answered no slot at all: the only ones the bot nudges. */
  pendingIds: string[];
  /** Every member answered every slot (false when there are no members or no slots). */
  everyoneAnswered: boolean;
  /** The slot the bot suggests; null when there are no slots. */
  best: SlotTally | null;
};

const KEY: Record<SlotAnswer, keyof AnswerCounts> = { YES: "yes", IF_NEED_BE: "ifNeedBe", NO: "no" };

export function tallyPoll(input: {
  slots: readonly PollSlot[];
  votes: readonly PollVote[];
  memberIds: readonly string[];
}): PollTally {
  const members = [...new Set(input.memberIds)];
  const isMember = new Set(members);
  // slot id → person id → answer; a later vote for the same pair replaces an earlier one.
  const answers = new Map<string, Map<string, SlotAnswer>>(input.slots.map((s) => [s.id, new Map()]));
  for (const vote of input.votes) {
    if (isMember.has(vote.personId)) answers.get(vote.slotId)?.set(vote.personId, vote.answer);
  }

  const slots = input.slots.map((slot): SlotTally => {
    const bySlot = answers.get(slot.id)!;
    const voters: AnswerVoters = { yes: [], ifNeedBe: [], no: [] };
    const unansweredIds: string[] = [];
    for (const id of members) {
      const answer = bySlot.get(id);
      if (answer) voters[KEY[answer]].push(id);
      else unansweredIds.push(id);
    }
    const counts = { yes: voters.yes.length, ifNeedBe: voters.ifNeedBe.length, no: voters.no.length };
    return { slotId: slot.id, startsAt: slot.startsAt, counts, voters, unansweredIds };
  });

  const answered = (id: string) => input.slots.some((s) => answers.get(s.id)!.has(id));
  const respondentIds = members.filter(answered);
  const pendingIds = members.filter((id) => !answered(id));
  const everyoneAnswered =
    members.length > 0 && slots.length > 0 && slots.every((s) => s.unansweredIds.length === 0);

  return { slots, respondentIds, pendingIds, everyoneAnswered, best: bestSlot(slots) };
}

/** Most yes, then most if-need-be, then fewest no, then the earliest (sooner is better for follow-up). */
export function compareSlots(a: SlotTally, b: SlotTally): number {
  return (
    b.counts.yes - a.counts.yes ||
    b.counts.ifNeedBe - a.counts.ifNeedBe ||
    a.counts.no - b.counts.no ||
    a.startsAt.getTime() - b.startsAt.getTime()
  );
}

function bestSlot(slots: readonly SlotTally[]): SlotTally | null {
  let best: SlotTally | null = null;
  for (const slot of slots) if (!best || compareSlots(slot, best) < 0) best = slot;
  return best;
}
