// `/cluster agenda`: the upcoming meeting's agenda, and whether this person may add to it now.
import { z } from "zod";
import { authorize } from "../../../kernel/app/authorize.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { ensurePerson } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import type { Capability } from "../../../kernel/domain/roles.ts";
import { upcomingMeeting } from "../../meetings/index.ts";
import { type AgendaSnapshot, loadAgenda } from "./load-agenda.ts";

export const ShowAgendaInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  /** A button names its meeting; a command means the upcoming one. */
  meetingId: z.uuid().nullish(),
});

export async function showAgenda(
  ctx: AppContext,
  raw: z.input<typeof ShowAgendaInput>,
): Promise<Result<AgendaSnapshot>> {
  return agendaAs(ctx, raw, "cluster.view");
}

export const CheckCanProposeInput = ShowAgendaInput;

/** Before the form opens: may this person add an item to that (or the upcoming) meeting now? */
export async function checkCanPropose(
  ctx: AppContext,
  raw: z.input<typeof CheckCanProposeInput>,
): Promise<Result<{ meetingId: string; meetingTitle: string }>> {
  const agenda = await agendaAs(ctx, raw, "agenda.propose");
  if (!agenda.ok) return agenda;
  const { meeting, open } = agenda.value;
  if (!open) return fail("AGENDA_CLOSED", { title: meeting.title });
  return ok({ meetingId: meeting.id, meetingTitle: meeting.title });
}

/** The agenda of the named (or the upcoming) meeting of this channel's cluster, as this person sees it. */
async function agendaAs(
  ctx: AppContext,
  raw: z.input<typeof ShowAgendaInput>,
  capability: Capability,
): Promise<Result<AgendaSnapshot>> {
  const input = parseInput(ShowAgendaInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, meetingId } = input.value;
  const person = await ensurePerson(ctx, actor);
  const auth = await authorize(ctx.db, conversation, person.id, capability);
  if (!auth.ok) return auth;
  const { cluster, membership } = auth.value;
  const meeting = meetingId
    ? await ctx.db.meeting.findUnique({ where: { id: meetingId } })
    : await upcomingMeeting(ctx.db, cluster.id);
  if (!meeting || meeting.clusterId !== cluster.id)
    return meetingId ? fail("MEETING_NOT_FOUND") : fail("NO_UPCOMING_MEETING");
  const viewer = { personId: person.id, role: membership.role };
  const snapshot = await loadAgenda(ctx.db, meeting.id, viewer, ctx.clock.now());
  return snapshot ? ok(snapshot) : fail("MEETING_NOT_FOUND");
}
