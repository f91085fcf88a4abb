// The organiser's round commands: `delphi close` (the open round, now), `delphi next [date]` (the
// next round) and `delphi finish`. Each acts on the cluster's running Delphi.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import {
  type ClosedRound,
  closeRound,
  finishDelphiIn,
  type OpenedRound,
  openNextRound,
} from "./delphi-rounds.ts";
import { runningDelphi } from "./delphis.ts";

const ChannelInput = z.object({ actor: PlatformUserSchema, conversation: ConversationSchema });

export const closeDelphiRound = clusterUseCase(
  { name: "closeDelphiRound", input: ChannelInput, capability: "delphi.manage" },
  async ({ ctx, tx, cluster, audit }): Promise<Result<ClosedRound>> => {
    const delphi = await runningDelphi(tx, cluster.id, ["OPEN"]);
    if (!delphi.ok) {
      const between = await runningDelphi(tx, cluster.id);
      return between.ok ? fail("DELPHI_NO_OPEN_ROUND", { title: between.value.title }) : between;
    }
    const closed = await closeRound(ctx, tx, delphi.value.id);
    if (!closed) return fail("DELPHI_NO_OPEN_ROUND", { title: delphi.value.title });
    await audit({
      action: "delphi.close-round",
      subjectType: "delphi",
      subjectId: closed.delphiId,
      details: { round: closed.round },
    });
    return ok(closed);
  },
);

export const OpenNextRoundInput = ChannelInput.extend({ closesAt: z.date().nullish() });

export const openNextDelphiRound = clusterUseCase(
  {
    name: "openNextDelphiRound",
    input: OpenNextRoundInput,
    capability: "delphi.manage",
    guard: (ctx, input) =>
      input.closesAt && input.closesAt <= ctx.clock.now()
        ? fail("INVALID_INPUT", { field: "closesAt", problem: "CLOSES_IN_PAST" })
        : null,
  },
  async ({ ctx, tx, input, cluster, audit }): Promise<Result<OpenedRound>> => {
    // One between rounds first; else the open one is named in the refusal.
    const between = await runningDelphi(tx, cluster.id, ["BETWEEN"]);
    const delphi = between.ok ? between : await runningDelphi(tx, cluster.id);
    if (!delphi.ok) return delphi;
    if (delphi.value.status === "OPEN")
      return fail("DELPHI_ROUND_STILL_OPEN", { title: delphi.value.title, round: delphi.value.round });
    const opened = await openNextRound(ctx, tx, delphi.value.id, input.closesAt ?? null);
    if (!opened) return fail("DELPHI_MISSING");
    await audit({
      action: "delphi.next-round",
      subjectType: "delphi",
      subjectId: opened.delphiId,
      details: { round: opened.round },
    });
    return ok(opened);
  },
);

export const finishDelphi = clusterUseCase(
  { name: "finishDelphi", input: ChannelInput, capability: "delphi.manage" },
  async ({ ctx, tx, cluster, audit }): Promise<Result<{ title: string; rounds: number }>> => {
    const delphi = await runningDelphi(tx, cluster.id);
    if (!delphi.ok) return delphi;
    const done = await finishDelphiIn(tx, ctx, delphi.value.id);
    if (!done) return fail("DELPHI_MISSING");
    await audit({
      action: "delphi.finish",
      subjectType: "delphi",
      subjectId: delphi.value.id,
      details: { rounds: done.round },
    });
    return ok({ title: delphi.value.title, rounds: done.round });
  },
);
