// An organiser links a signal to one of the cluster's open measures: the form lists them, the submit
// links (picking another measure later moves the link; the same one again changes nothing).
import { z } from "zod";
import type { Tx } from "../../../kernel/app/tx.ts";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { loadSignalCard, lockSignal, type SignalCard } from "./load-signal.ts";

/** Measures still being worked on: the ones a new signal can inform. */
const OPEN_STATUSES = ["PLANNED", "STARTED", "BLOCKED"] as const;

const openMeasures = (tx: Tx, clusterId: string) =>
  tx.measure.findMany({
    where: { clusterId, status: { in: [...OPEN_STATUSES] } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    select: { id: true, title: true },
    take: 100,
  });

export const SignalMeasureOptionsInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  signalId: z.uuid("SIGNAL"),
});

export type SignalMeasureOptions = {
  signal: { id: string; title: string; measureId: string | null };
  measures: { id: string; title: string }[];
};

export const signalMeasureOptions = clusterUseCase(
  {
    name: "signalMeasureOptions",
    input: SignalMeasureOptionsInput,
    capability: "signal.curate",
    readOnly: true,
  },
  async ({ tx, input, cluster }): Promise<Result<SignalMeasureOptions>> => {
    const signal = await tx.signal.findUnique({ where: { id: input.signalId } });
    if (!signal || signal.clusterId !== cluster.id) return fail("SIGNAL_NOT_FOUND");
    const measures = await openMeasures(tx, cluster.id);
    if (measures.length === 0) return fail("SIGNAL_NO_OPEN_MEASURES");
    return ok({ signal: { id: signal.id, title: signal.title, measureId: signal.measureId }, measures });
  },
);

export const LinkSignalToMeasureInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  signalId: z.uuid("SIGNAL"),
  measureId: z.uuid("MEASURE"),
});

export type LinkedSignal = { card: SignalCard; measureTitle: string; unchanged: boolean };

export const linkSignalToMeasure = clusterUseCase(
  { name: "linkSignalToMeasure", input: LinkSignalToMeasureInput, capability: "signal.curate" },
  async ({ tx, input, cluster, audit }): Promise<Result<LinkedSignal>> => {
    const { signalId, measureId } = input;
    const measure = await tx.measure.findUnique({ where: { id: measureId } });
    if (
      !measure ||
      measure.clusterId !== cluster.id ||
      !(OPEN_STATUSES as readonly string[]).includes(measure.status)
    )
      return fail("SIGNAL_MEASURE_NOT_FOUND");
    if (!(await lockSignal(tx, signalId, cluster.id))) return fail("SIGNAL_NOT_FOUND");
    const before = await tx.signal.findUniqueOrThrow({ where: { id: signalId } });
    const unchanged = before.measureId === measureId;
    if (!unchanged) {
      await tx.signal.update({ where: { id: signalId }, data: { measureId } });
      await audit({
        action: "signal.link-measure",
        subjectType: "signal",
        subjectId: signalId,
        details: { measureId },
      });
    }
    const card = await loadSignalCard(tx, signalId);
    if (!card) return fail("SIGNAL_NOT_FOUND");
    return ok({ card, measureTitle: measure.title, unchanged });
  },
);
