// A cluster's tunable rhythm, stored as JSON in Cluster.settings and read through one schema so a
// missing or half-written settings object still yields every default.
import { z } from "zod";
import { FollowUpSettingsSchema } from "../domain/follow-up-policy.ts";

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
       * only their stored aggregates (see src/app/retention.ts).
       */
      keepPulseCycles: z.number().int().min(1).max(100).default(4),
    })
    .prefault({}),
});
export type ClusterSettings = z.output<typeof ClusterSettingsSchema>;

/** Bad stored settings fall back to the defaults rather than stopping every reminder. */
export function clusterSettings(raw: unknown): ClusterSettings {
  const parsed = ClusterSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : ClusterSettingsSchema.parse({});
}
