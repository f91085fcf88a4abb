// `/cluster meeting`: the open date poll, else the next scheduled meeting, of this channel's cluster.
import { z } from "zod";
import { authorize } from "../../../kernel/app/authorize.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { ensurePerson } from "../../../kernel/app/identity.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";
import { loadPoll, type PollSnapshot } from "./load-poll.ts";

export const CurrentMeetingInput = z.object({ actor: PlatformUserSchema, conversation: ConversationSchema });

export async function currentMeeting(
  ctx: AppContext,
  raw: z.input<typeof CurrentMeetingInput>,
): Promise<Result<PollSnapshot | null>> {
  const input = parseInput(CurrentMeetingInput, raw);
  if (!input.ok) return input;
  const person = await ensurePerson(ctx, input.value.actor);
  const auth = await authorize(ctx.db, input.value.conversation, person.id, "cluster.view");
  if (!auth.ok) return auth;
  const now = ctx.clock.now();
  const polling = await ctx.db.meeting.findFirst({
    where: { clusterId: auth.value.cluster.id, status: "POLLING" },
    orderBy: { createdAt: "desc" },
  });
  const next =
    polling ??
    (await ctx.db.meeting.findFirst({
      where: {
        clusterId: auth.value.cluster.id,
        status: "SCHEDULED",
        chosenSlot: { startsAt: { gte: now } },
      },
      orderBy: { chosenSlot: { startsAt: "asc" } },
    }));
  return ok(next ? await loadPoll(ctx, next.id) : null);
}
