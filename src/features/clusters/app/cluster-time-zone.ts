// `/cluster timezone`: the zone a cluster's dates, meeting slots and reminders are read in. Setup picks
// it; a chair or coordinator can correct it later (a wrong zone would otherwise stay for good). Stored
// instants never move: a meeting at 10:00 in Helsinki stays at that moment and reads 09:00 in Stockholm.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { isValidTimeZone } from "../../../kernel/domain/locale.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";

export type ClusterTimeZone = { clusterName: string; timeZone: string };
export type ChangedTimeZone = ClusterTimeZone & { previous: string; changed: boolean; by: string };

const ShowInput = z.object({ actor: PlatformUserSchema, conversation: ConversationSchema });

export const showTimeZone = clusterUseCase(
  { name: "showTimeZone", input: ShowInput, capability: "cluster.view", readOnly: true },
  async ({ cluster }): Promise<Result<ClusterTimeZone>> =>
    ok({ clusterName: cluster.name, timeZone: cluster.timeZone }),
);

/** The IANA name as Intl spells it ("europe/helsinki" → "Europe/Helsinki"), or the text as typed. */
function canonicalZone(typed: string): string {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: typed }).resolvedOptions().timeZone;
  } catch {
    return typed;
  }
}

const SetInput = ShowInput.extend({
  timeZone: z.string().trim().min(1).max(64).transform(canonicalZone).refine(isValidTimeZone, "TIME_ZONE"),
});

export const setTimeZone = clusterUseCase(
  { name: "setTimeZone", input: SetInput, capability: "cluster.configure" },
  async ({ ctx, tx, input, person, cluster, audit }): Promise<Result<ChangedTimeZone>> => {
    const previous = cluster.timeZone;
    const result = { clusterName: cluster.name, timeZone: input.timeZone, previous, by: person.displayName };
    // Setting the zone it already has is a no-op: no write, no audit entry, no announcement.
    if (previous === input.timeZone) return ok({ ...result, changed: false });
    // Every moment the ticks computed in the old zone is due for a recompute in the new one.
    const now = ctx.clock.now();
    await tx.cluster.update({
      where: { id: cluster.id },
      data: { timeZone: input.timeZone, nextDigestAt: now, nextKickoffAt: now },
    });
    await tx.measure.updateMany({
      where: { clusterId: cluster.id, nextFollowUpAt: { not: null } },
      data: { nextFollowUpAt: now },
    });
    await audit({ action: "cluster.time-zone-changed", details: { from: previous, to: input.timeZone } });
    return ok({ ...result, changed: true });
  },
);
