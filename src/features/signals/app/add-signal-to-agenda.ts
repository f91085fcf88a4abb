// An organiser puts a signal on the next planned meeting's agenda as a topic, once: the signal keeps
// the item (Signal.agendaItemId), so a second click (or a concurrent one, queued on the signal's row
// lock) answers "already on the agenda" instead of adding another.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { AGENDA_DETAILS_MAX, AGENDA_TITLE_MAX, appendAgendaItem } from "../../agenda/index.ts";
import { upcomingMeeting } from "../../meetings/index.ts";
import { loadSignalCard, lockSignal, type SignalCard } from "./load-signal.ts";

export const AddSignalToAgendaInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  signalId: z.uuid("SIGNAL"),
});

export type SignalOnAgenda = { card: SignalCard; meetingTitle: string; already: boolean };

export const addSignalToAgenda = clusterUseCase(
  { name: "addSignalToAgenda", input: AddSignalToAgendaInput, capability: "signal.curate" },
  async ({ tx, input, person, cluster, audit }): Promise<Result<SignalOnAgenda>> => {
    const { signalId } = input;
    if (!(await lockSignal(tx, signalId, cluster.id))) return fail("SIGNAL_NOT_FOUND");
    const signal = await tx.signal.findUniqueOrThrow({
      where: { id: signalId },
      include: { agendaItem: { include: { meeting: true } } },
    });
    if (signal.agendaItem) {
      const card = await loadSignalCard(tx, signalId);
      if (!card) return fail("SIGNAL_NOT_FOUND");
      return ok({ card, meetingTitle: signal.agendaItem.meeting.title, already: true });
    }
    const meeting = await upcomingMeeting(tx, cluster.id);
    if (!meeting) return fail("SIGNAL_NO_PLANNED_MEETING");
    // The item reads on its own in the agenda: what was seen and where, the links included.
    const links = [signal.sourceUrl, signal.messageLink].filter((l): l is string => Boolean(l));
    const details = [signal.description, ...links].join("\n").slice(0, AGENDA_DETAILS_MAX);
    const item = await appendAgendaItem(tx, {
      clusterId: cluster.id,
      meetingId: meeting.id,
      title: signal.title.slice(0, AGENDA_TITLE_MAX),
      details,
      kind: "TOPIC",
      proposedById: person.id,
    });
    await tx.signal.update({ where: { id: signalId }, data: { agendaItemId: item.id } });
    await audit({
      action: "signal.to-agenda",
      subjectType: "signal",
      subjectId: signalId,
      details: { meetingId: meeting.id, agendaItemId: item.id },
    });
    const card = await loadSignalCard(tx, signalId);
    if (!card) return fail("SIGNAL_NOT_FOUND");
    return ok({ card, meetingTitle: meeting.title, already: false });
  },
);
