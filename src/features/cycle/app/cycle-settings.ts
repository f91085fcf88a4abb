// `/cluster cycle`: the cluster's terms (members see them) and editing one term's window (chair or
// coordinator). Overlapping or empty windows are refused and nothing is changed.
import { z } from "zod";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { audit } from "../../../kernel/app/audit.ts";
import { authorize } from "../../../kernel/app/authorize.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { ensurePerson } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
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

export async function showCycle(
  ctx: AppContext,
  raw: z.input<typeof ShowInput>,
): Promise<Result<CycleSettingsView>> {
  const input = parseInput(ShowInput, raw);
  if (!input.ok) return input;
  const person = await ensurePerson(ctx, input.value.actor);
  const auth = await authorize(ctx.db, input.value.conversation, person.id, "cluster.view");
  if (!auth.ok) return auth;
  const { cluster } = auth.value;
  const { cycle } = clusterSettings(cluster.settings);
  return ok({ clusterName: cluster.name, timeZone: cluster.timeZone, ...cycle });
}

const EditInput = ShowInput.extend({
  term: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[\p{L}\p{N}_-]{1,30}$/u),
  start: z.string().trim(),
  end: z.string().trim(),
});

export async function editCycleTerm(
  ctx: AppContext,
  raw: z.input<typeof EditInput>,
): Promise<Result<CycleSettingsView>> {
  const input = parseInput(EditInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, term, start, end } = input.value;
  const person = await ensurePerson(ctx, actor);
  return ctx.db.$transaction(async (tx) => {
    const auth = await authorize(tx, conversation, person.id, "cluster.manage-roles");
    if (!auth.ok) return auth;
    const { cluster } = auth.value;
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
    await tx.cluster.update({ where: { id: cluster.id }, data: { settings: next } });
    await audit(tx, {
      clusterId: cluster.id,
      actorId: person.id,
      action: "cycle.term-edited",
      details: { term, start, end },
    });
    return ok({
      clusterName: cluster.name,
      timeZone: cluster.timeZone,
      terms: edited.value,
      kickoffWeeksBefore: settings.cycle.kickoffWeeksBefore,
    });
  });
}
