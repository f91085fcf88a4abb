// `/cluster agenda`: the upcoming meeting's agenda, and whether this person may add to it now.
import { z } from "zod";
import type { Cluster, Membership, Person } from "../../../generated/prisma/client.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { upcomingMeeting } from "../../meetings/index.ts";
import { type AgendaSnapshot, loadAgenda } from "./load-agenda.ts";

export const ShowAgendaInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  /** A button names its meeting; a command means the upcoming one. */
  meetingId: z.uuid().nullish(),
});

export const showAgenda = clusterUseCase(
  { name: "showAgenda", input: ShowAgendaInput, capability: "cluster.view", readOnly: true },
  (run): Promise<Result<AgendaSnapshot>> => agendaAs(run),
);

export const CheckCanProposeInput = ShowAgendaInput;

/** Before the form opens: may this person add an item to that (or the upcoming) meeting now? */
export const checkCanPropose = clusterUseCase(
  { name: "checkCanPropose", input: CheckCanProposeInput, capability: "agenda.propose", readOnly: true },
  async (run): Promise<Result<{ meetingId: string; meetingTitle: string }>> => {
    const agenda = await agendaAs(run);
    if (!agenda.ok) return agenda;
    const { meeting, open } = agenda.value;
    if (!open) return fail("AGENDA_CLOSED", { title: meeting.title });
    return ok({ meetingId: meeting.id, meetingTitle: meeting.title });
  },
);

/** The agenda of the named (or the upcoming) meeting of this channel's cluster, as this person sees it. */
async function agendaAs(run: {
  ctx: AppContext;
  input: z.infer<typeof ShowAgendaInput>;
  person: Person;
  cluster: Cluster;
  membership: Membership;
}): Promise<Result<AgendaSnapshot>> {
  const { ctx, input, person, cluster, membership } = run;
  const { meetingId } = input;
  const meeting = meetingId
    ? await ctx.db.meeting.findUnique({ where: { id: meetingId } })
    : await upcomingMeeting(ctx.db, cluster.id);
  if (!meeting || meeting.clusterId !== cluster.id)
    return meetingId ? fail("MEETING_NOT_FOUND") : fail("NO_UPCOMING_MEETING");
  const viewer = { personId: person.id, role: membership.role };
  const snapshot = await loadAgenda(ctx.db, meeting.id, viewer, ctx.clock.now());
  return snapshot ? ok(snapshot) : fail("MEETING_NOT_FOUND");
}
