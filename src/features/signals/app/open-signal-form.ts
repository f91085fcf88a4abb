// Before the signal form opens: only someone who may save signals here gets it (an observer is told
// why at once, not after typing).
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";

export const OpenSignalFormInput = z.object({ actor: PlatformUserSchema, conversation: ConversationSchema });

export const openSignalForm = clusterUseCase(
  { name: "openSignalForm", input: OpenSignalFormInput, capability: "signal.save", readOnly: true },
  async ({ cluster }): Promise<Result<{ clusterName: string }>> => ok({ clusterName: cluster.name }),
);
