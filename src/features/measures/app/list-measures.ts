// `/cluster measures [mine|open|overdue|all]`: the cluster's measures register.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";
import { utcToZoned } from "../../../kernel/domain/zoned-time.ts";
import type { MeasureStatus } from "../domain/follow-up-policy.ts";

export const MEASURE_FILTERS = ["open", "mine", "overdue", "all"] as const;
export type MeasureFilter = (typeof MEASURE_FILTERS)[number];

export const ListMeasuresInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  filter: z.enum(MEASURE_FILTERS).default("open"),
  /** Where the page starts: long registers are paged, never cut. */
  offset: z.number().int().min(0).default(0),
});

/** Rows per page: two blocks each keeps a page well within Slack's 50 blocks per message. */
export const MEASURES_PAGE_SIZE = 20;

export type MeasureRow = {
  id: string;
  title: string;
  ownerName: string | null;
  dueDate: string;
  status: MeasureStatus;
  progress: number;
  blockedReason: string | null;
  overdue: boolean;
};

export const listMeasures = clusterUseCase(
  { name: "listMeasures", input: ListMeasuresInput, capability: "cluster.view", readOnly: true },
  async ({
    ctx,
    input,
    person,
    cluster,
  }): Promise<
    Result<{ clusterName: string; filter: MeasureFilter; rows: MeasureRow[]; total: number; offset: number }>
  > => {
    const { filter } = input;
    const today = utcToZoned(ctx.clock.now(), cluster.timeZone).date;
    const open = { status: { notIn: ["DONE", "CANCELLED"] as MeasureStatus[] } };
    const where =
      filter === "all"
        ? {}
        : filter === "mine"
          ? { ownerId: person.id, ...open }
          : filter === "overdue"
            ? { ...open, dueDate: { lt: new Date(`${today}T00:00:00Z`) } }
            : open;
    const total = await ctx.db.measure.count({ where: { clusterId: cluster.id, ...where } });
    // A page past the end (the register shrank since the button was drawn) shows the last page.
    const offset = Math.min(
      input.offset,
      Math.max(0, Math.ceil(total / MEASURES_PAGE_SIZE) - 1) * MEASURES_PAGE_SIZE,
    );
    const measures = await ctx.db.measure.findMany({
      where: { clusterId: cluster.id, ...where },
      include: { owner: true },
      orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      skip: offset,
      take: MEASURES_PAGE_SIZE,
    });
    const rows = measures.map((m) => {
      const dueDate = m.dueDate.toISOString().slice(0, 10);
      return {
        id: m.id,
        title: m.title,
        ownerName: m.owner?.displayName ?? null,
        dueDate,
        status: m.status,
        progress: m.progress,
        blockedReason: m.blockedReason,
        overdue: dueDate < today && m.status !== "DONE" && m.status !== "CANCELLED",
      };
    });
    return ok({ clusterName: cluster.name, filter, rows, total, offset });
  },
);
