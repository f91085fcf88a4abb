// `/cluster delphi results`: posts the latest Delphi's results (its closed rounds) to the cluster's
// channels, in the cluster's language. Observers may ask too: the results are the cluster's.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { type QueuedResults, queueDelphiResults } from "./results-announcements.ts";
import { latestDelphi } from "./results-load.ts";

export const PostDelphiResultsInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
});

export const postDelphiResults = clusterUseCase(
  { name: "postDelphiResults", input: PostDelphiResultsInput, capability: "cluster.view" },
  async ({ ctx, tx, cluster }): Promise<Result<QueuedResults>> => {
    const delphi = await latestDelphi(tx, cluster.id);
    if (!delphi) return fail("DELPHI_RESULTS_NO_DELPHI");
    const queued = await queueDelphiResults(ctx, tx, delphi.id, { asked: true });
    if (!queued) return fail("DELPHI_RESULTS_NOT_YET", { title: delphi.title });
    return ok(queued);
  },
);
