// `/cluster agenda`: the upcoming meeting's agenda, and whether this person may add to it now.
import { z } from "zod";
import { ConversationSchema, PlatformUserSchema } from "../domain/platform-user.ts";
import { fail, ok, type Result } from "../domain/result.ts";
import { type AgendaSnapshot, loadAgenda } from "./load-agenda.ts";
import { authorize } from "./shared/authorize.ts";
import type { AppContext } from "./shared/context.ts";
import { ensurePerson } from "./shared/identity.ts";
import { upcomingMeeting } from "./shared/meetings.ts";
import { parseInput } from "./shared/parse-input.ts";

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
  const input = parseInput(ShowAgendaInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, meetingId } = input.value;
  const person = await ensurePerson(ctx, actor);
  const auth = await authorize(ctx.db, conversation, person.id, "cluster.view");
  if (!auth.ok) return auth;
  const { cluster, membership } = auth.value;
  const meeting = meetingId
    ? await ctx.db.meeting.findUnique({ where: { id: meetingId } })
    : await upcomingMeeting(ctx.db, cluster.id);
  if (!meeting || meeting.clusterId !== cluster.id)
    return meetingId ? fail("MEETING_NOT_FOUND") : fail("NO_UPCOMING_MEETING");
  const snapshot = await loadAgenda(
    ctx.db,
    meeting.id,
    { personId: person.id, role: membership.role },
    ctx.clock.now(),
  );
  return snapshot ? ok(snapshot) : fail("MEETING_NOT_FOUND");
}

export const CheckCanProposeInput = ShowAgendaInput;

/** Before the form opens: may this person add an item to that (or the upcoming) meeting now? */
export async function checkCanPropose(
  ctx: AppContext,
  raw: z.input<typeof CheckCanProposeInput>,
): Promise<Result<{ meetingId: string; meetingTitle: string }>> {
  const input = parseInput(CheckCanProposeInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, meetingId } = input.value;
  const person = await ensurePerson(ctx, actor);
  const auth = await authorize(ctx.db, conversation, person.id, "agenda.propose");
  if (!auth.ok) return auth;
  const { cluster, membership } = auth.value;
  const meeting = meetingId
    ? await ctx.db.meeting.findUnique({ where: { id: meetingId } })
    : await upcomingMeeting(ctx.db, cluster.id);
  if (!meeting || meeting.clusterId !== cluster.id)
    return meetingId ? fail("MEETING_NOT_FOUND") : fail("NO_UPCOMING_MEETING");
  const snapshot = await loadAgenda(
    ctx.db,
    meeting.id,
    { personId: person.id, role: membership.role },
    ctx.clock.now(),
  );
  if (!snapshot?.open) return fail("AGENDA_CLOSED", { title: meeting.title });
  return ok({ meetingId: meeting.id, meetingTitle: meeting.title });
}
