// What the new-Delphi form needs before it opens (the cluster's zone for its dates); checked first, so
// only organisers see the form.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { ok, type Result } from "../../../kernel/domain/result.ts";

export const delphiFormOptions = clusterUseCase(
  {
    name: "delphiFormOptions",
    input: z.object({ actor: PlatformUserSchema, conversation: ConversationSchema }),
    capability: "delphi.manage",
    readOnly: true,
  },
  async ({ cluster }): Promise<Result<{ timeZone: string }>> => ok({ timeZone: cluster.timeZone }),
);
