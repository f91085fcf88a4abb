// A cluster's tunable rhythm, stored as JSON in Cluster.settings and read through one schema so a
// missing or half-written settings object still yields every default.
import { z } from "zod";
import { type CycleTerm, isMonthDay } from "./cycle-terms.ts";
import { WorkingHoursSchema } from "./working-hours.ts";

/** The follow-up part of Cluster.settings. Every field has a default, so `{}` is valid. */
export const FollowUpSettingsSchema = z.object({
  remindDaysBefore: z.number().int().min(1).max(60).default(7),
  escalateAfterOverdueDays: z.number().int().min(1).max(365).default(14),
  // prefault: a missing object is parsed from {}, so the inner defaults (and the refine) apply.
  workingHours: WorkingHoursSchema.prefault({}),
  digestEveryDays: z.number().int().min(1).max(90).default(7),
});
export type FollowUpSettings = z.output<typeof FollowUpSettingsSchema>;
export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = FollowUpSettingsSchema.parse({});

const DEFAULT_CYCLE_TERMS: CycleTerm[] = [
  { name: "spring", start: "02-01", end: "05-31" },
  { name: "autumn", start: "09-01", end: "11-30" },
];

export const ClusterSettingsSchema = z.object({
  followUp: FollowUpSettingsSchema.prefault({}),
  poll: z
    .object({
      /** Days after the poll opens when members who have not answered are nudged; at most two. */
      nudgeAfterDays: z.array(z.number().int().min(1).max(60)).max(2).default([2, 5]),
    })
    .prefault({}),
  pulse: z
    .object({
      /**
       * Days after a pulse opens when members who have not finished are reminded: one reminder per
       * entry, so its length is the most reminders anyone gets (0 to 3).
       */
      remindAfterDays: z
        .array(z.number().int().min(1).max(60))
        .max(3)
        .default([3, 7])
        .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    })
    .prefault({}),
  retention: z
    .object({
      /**
       * Raw pulse answers are kept for this many of the cluster's latest closed pulses; older ones keep
       * only their stored aggregates (see src/features/pulses/app/retention.ts).
       */
      keepPulseCycles: z.number().int().min(1).max(100).default(4),
    })
    .prefault({}),
  cycle: z
    .object({
      /** The cluster's terms, as month-day windows of the calendar year (see src/kernel/domain/cycle-terms.ts). */
      terms: z
        .array(
          z.object({
            name: z.string().min(1).max(30),
            start: z.string().refine(isMonthDay),
            end: z.string().refine(isMonthDay),
          }),
        )
        .max(4)
        .default(DEFAULT_CYCLE_TERMS),
      /** The chair, secretary and coordinator get the kickoff this many weeks before a term opens. */
      kickoffWeeksBefore: z.number().int().min(1).max(12).default(3),
    })
    .prefault({}),
});
export type ClusterSettings = z.output<typeof ClusterSettingsSchema>;

/** Bad stored settings fall back to the defaults rather than stopping every reminder. */
export function clusterSettings(raw: unknown): ClusterSettings {
  const parsed = ClusterSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : ClusterSettingsSchema.parse({});
}
