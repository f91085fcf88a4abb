// `/cluster cycle`: the cluster's terms (members see them) and editing one term's window (chair or
// coordinator). Overlapping or empty windows are refused and nothing is changed.
import { z } from "zod";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { clusterSettings } from "../../../kernel/domain/cluster-settings.ts";
import { type CycleTerm, editTerms } from "../../../kernel/domain/cycle-terms.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";

export type CycleSettingsView = {
  clusterName: string;
  timeZone: string;
  terms: CycleTerm[];
  kickoffWeeksBefore: number;
};

const ShowInput = z.object({ actor: PlatformUserSchema, conversation: ConversationSchema });

export const showCycle = clusterUseCase(
  { name: "showCycle", input: ShowInput, capability: "cluster.view", readOnly: true },
  async ({ cluster }): Promise<Result<CycleSettingsView>> => {
    const { cycle } = clusterSettings(cluster.settings);
    return ok({ clusterName: cluster.name, timeZone: cluster.timeZone, ...cycle });
  },
);

const EditInput = ShowInput.extend({
  term: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[\p{L}\p{N}_-]{1,30}$/u),
  start: z.string().trim(),
  end: z.string().trim(),
});

export const editCycleTerm = clusterUseCase(
  { name: "editCycleTerm", input: EditInput, capability: "cluster.manage-roles" },
  async ({ ctx, tx, input, cluster, audit }): Promise<Result<CycleSettingsView>> => {
    const { term, start, end } = input;
    const settings = clusterSettings(cluster.settings);
    const edited = editTerms(settings.cycle.terms, { name: term, start, end });
    if (!edited.ok) return edited;
    if (edited.value.length > 4)
      return { ok: false as const, reason: "INVALID_INPUT" as const, details: { field: "term" } };
    const stored = (
      cluster.settings && typeof cluster.settings === "object" ? cluster.settings : {}
    ) as Record<string, unknown>;
    const storedCycle = (stored.cycle && typeof stored.cycle === "object" ? stored.cycle : {}) as Record<
      string,
      unknown
    >;
    const next = { ...stored, cycle: { ...storedCycle, terms: edited.value } } as Prisma.InputJsonObject;
    // New terms, new kickoff moments: due for the kickoff tick to recompute.
    await tx.cluster.update({
      where: { id: cluster.id },
      data: { settings: next, nextKickoffAt: ctx.clock.now() },
    });
    await audit({
      action: "cycle.term-edited",
      details: { term, start, end },
    });
    return ok({
      clusterName: cluster.name,
      timeZone: cluster.timeZone,
      terms: edited.value,
      kickoffWeeksBefore: settings.cycle.kickoffWeeksBefore,
    });
  },
);
