// `/cluster meeting`: the open date poll, else the next scheduled meeting, of this channel's cluster.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";
import { loadPoll, type PollSnapshot } from "./load-poll.ts";

export const CurrentMeetingInput = z.object({ actor: PlatformUserSchema, conversation: ConversationSchema });

export const currentMeeting = clusterUseCase(
  { name: "currentMeeting", input: CurrentMeetingInput, capability: "cluster.view", readOnly: true },
  async ({ ctx, cluster }): Promise<Result<PollSnapshot | null>> => {
    const now = ctx.clock.now();
    const polling = await ctx.db.meeting.findFirst({
      where: { clusterId: cluster.id, status: "POLLING" },
      orderBy: { createdAt: "desc" },
    });
    const next =
      polling ??
      (await ctx.db.meeting.findFirst({
        where: {
          clusterId: cluster.id,
          status: "SCHEDULED",
          chosenSlot: { startsAt: { gte: now } },
        },
        orderBy: { chosenSlot: { startsAt: "asc" } },
      }));
    return ok(next ? await loadPoll(ctx, next.id) : null);
  },
);
