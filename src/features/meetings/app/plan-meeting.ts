// `/cluster meeting plan`: an organiser proposes 2–10 candidate slots; the channel gets a date poll.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { validateMeetingPlan } from "../domain/meeting-rules.ts";

const LocalMoment = z.object({ date: z.string().max(20), time: z.string().max(10) });

export const PlanMeetingInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  title: z.string().max(500),
  slots: z
    .array(
      z.object({
        date: z.string().max(20),
        time: z.string().max(10),
        durationMinutes: z.union([z.number(), z.string().max(10)]),
        place: z.string().max(1000).optional(),
        onlineUrl: z.string().max(2000).optional(),
      }),
    )
    .max(20),
  agendaDeadline: LocalMoment.nullish(),
});

export type PlannedMeeting = { meetingId: string; clusterName: string };

/** May this person plan a meeting here? Answers the cluster's time zone for the form. */
export const checkCanPlan = clusterUseCase(
  {
    name: "checkCanPlan",
    input: z.object({ actor: PlatformUserSchema, conversation: ConversationSchema }),
    capability: "meeting.plan",
    readOnly: true,
  },
  async ({ cluster }): Promise<Result<{ timeZone: string }>> => ok({ timeZone: cluster.timeZone }),
);

/** Refusal details name each wrong field with its problem code, e.g. { "slots.1.date": "BAD_DATE" }. */
export const planMeeting = clusterUseCase(
  { name: "planMeeting", input: PlanMeetingInput, capability: "meeting.plan" },
  async ({ ctx, tx, input, person, cluster, audit }): Promise<Result<PlannedMeeting>> => {
    const { title, slots, agendaDeadline } = input;
    const plan = validateMeetingPlan({
      title,
      slots,
      agendaDeadline,
      timeZone: cluster.timeZone,
      now: ctx.clock.now(),
    });
    if (!plan.ok)
      return fail("INVALID_PLAN", Object.fromEntries(plan.problems.map((p) => [p.field, p.code])));
    const meeting = await tx.meeting.create({
      data: {
        clusterId: cluster.id,
        title: plan.value.title,
        agendaDeadline: plan.value.agendaDeadline,
        organiserId: person.id,
        // The injected clock, not the database's: nudges are counted from it.
        createdAt: ctx.clock.now(),
        // The nudge tick looks at it on its next run and works out when the first round comes.
        nextNudgeAt: ctx.clock.now(),
        slots: {
          create: plan.value.slots.map((s) => ({
            startsAt: s.startsAt,
            durationMinutes: s.durationMinutes,
            location: s.location,
          })),
        },
      },
    });
    await audit({
      action: "meeting.plan",
      subjectType: "meeting",
      subjectId: meeting.id,
      details: { title: meeting.title, slots: plan.value.slots.map((s) => s.startsAt.toISOString()) },
    });
    return ok({ meetingId: meeting.id, clusterName: cluster.name });
  },
);
