// The chair curates the agenda: accepts, defers or rejects items, orders the accepted ones and sets
// their time boxes. A change that does not apply (a stale button, a double click) changes nothing.
import { z } from "zod";
import type { Tx } from "../../../kernel/app/tx.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import {
  type Curation,
  curatedStatus,
  isCuratable,
  moveInOrder,
  TIMEBOX_MAX,
} from "../domain/agenda-rules.ts";
import { type AgendaSnapshot, loadAgenda } from "./load-agenda.ts";

export const CurationSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("accept") }),
  z.object({ kind: z.literal("defer") }),
  z.object({ kind: z.literal("reject") }),
  z.object({ kind: z.literal("up"), from: z.number().int().min(1).optional() }),
  z.object({ kind: z.literal("down"), from: z.number().int().min(1).optional() }),
  z.object({
    kind: z.literal("timebox"),
    minutes: z.coerce.number().int().min(1, "TIMEBOX").max(TIMEBOX_MAX, "TIMEBOX").nullable(),
  }),
]);

export const CurateAgendaItemInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  itemId: z.uuid(),
  curation: CurationSchema,
});

export type CuratedAgenda = { agenda: AgendaSnapshot; changed: boolean; itemTitle: string };

export const curateAgendaItem = clusterUseCase(
  { name: "curateAgendaItem", input: CurateAgendaItemInput, capability: "agenda.curate" },
  async ({ ctx, tx, input, person, cluster, membership, audit }): Promise<Result<CuratedAgenda>> => {
    const { itemId, curation } = input;
    const now = ctx.clock.now();
    const item = await tx.agendaItem.findUnique({ where: { id: itemId }, include: { meeting: true } });
    if (!item || item.clusterId !== cluster.id) return fail("AGENDA_ITEM_NOT_FOUND");
    if (!isCuratable(item.meeting.status)) return fail("AGENDA_CLOSED", { title: item.meeting.title });
    const changed = await apply(tx, item, curation);
    if (changed)
      await audit({
        action: `agenda.${curation.kind}`,
        subjectType: "agenda-item",
        subjectId: itemId,
        details: curation.kind === "timebox" ? { minutes: curation.minutes } : { from: item.status },
      });
    const agenda = await loadAgenda(tx, item.meetingId, { personId: person.id, role: membership.role }, now);
    return agenda ? ok({ agenda, changed, itemTitle: item.title }) : fail("MEETING_NOT_FOUND");
  },
);

/** Sorts a newly accepted item after every other until renumber() gives it its place. */
const LAST_POSITION = 2 ** 31 - 1;

type Item = {
  id: string;
  meetingId: string;
  status: Parameters<typeof curatedStatus>[0];
  timeboxMinutes: number | null;
};

async function apply(tx: Tx, item: Item, curation: Curation): Promise<boolean> {
  const next = curatedStatus(item.status, curation);
  if (next === null) return false;
  switch (curation.kind) {
    case "accept":
    case "defer":
    case "reject": {
      // Guarded on the status read above: of two concurrent clicks, one changes the item.
      const { count } = await tx.agendaItem.updateMany({
        where: { id: item.id, status: item.status },
        data: { status: next, position: next === "ACCEPTED" ? LAST_POSITION : null },
      });
      if (count > 0) await renumber(tx, item.meetingId);
      return count > 0;
    }
    case "up":
    case "down": {
      const order = await acceptedOrder(tx, item.meetingId);
      const moved = moveInOrder(order, item.id, curation.kind, curation.from);
      if (moved.every((id, i) => id === order[i])) return false;
      await writePositions(tx, moved);
      return true;
    }
    case "timebox": {
      if (item.timeboxMinutes === curation.minutes) return false;
      await tx.agendaItem.update({ where: { id: item.id }, data: { timeboxMinutes: curation.minutes } });
      return true;
    }
  }
}

/** The accepted items in the chair's order (a newly accepted item sorts last). */
async function acceptedOrder(tx: Tx, meetingId: string): Promise<string[]> {
  const accepted = await tx.agendaItem.findMany({
    where: { meetingId, status: "ACCEPTED" },
    orderBy: [{ position: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return accepted.map((a) => a.id);
}

/** Positions 1…n with no gaps or ties, whatever concurrent clicks left behind. */
async function renumber(tx: Tx, meetingId: string): Promise<void> {
  await writePositions(tx, await acceptedOrder(tx, meetingId));
}

async function writePositions(tx: Tx, ids: string[]): Promise<void> {
  for (const [index, id] of ids.entries())
    await tx.agendaItem.update({ where: { id }, data: { position: index + 1 } });
}

export const CheckCanCurateInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  itemId: z.uuid(),
});

/** Before the time-box form opens: is this the chair, and the item still curatable? */
export const checkCanCurate = clusterUseCase(
  { name: "checkCanCurate", input: CheckCanCurateInput, capability: "agenda.curate", readOnly: true },
  async ({ ctx, input, cluster }): Promise<Result<{ title: string; timeboxMinutes: number | null }>> => {
    const { itemId } = input;
    const item = await ctx.db.agendaItem.findUnique({ where: { id: itemId }, include: { meeting: true } });
    if (!item || item.clusterId !== cluster.id) return fail("AGENDA_ITEM_NOT_FOUND");
    if (!isCuratable(item.meeting.status)) return fail("AGENDA_CLOSED", { title: item.meeting.title });
    return ok({ title: item.title, timeboxMinutes: item.timeboxMinutes });
  },
);
