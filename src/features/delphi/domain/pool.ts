// What a statement's rating pool (DelphiPool) holds, as stored JSON. Each rating and each reason is
// an anonymous entry at a random place: nothing in it says whose it is or when it came.
import { z } from "zod";
import { ratingSchema } from "./scales.ts";

export const poolRatingsSchema = z.array(ratingSchema);
/** `side`: where the answer lay when the reason was asked (null: given freely with the answer). */
export const poolReasonSchema = z.object({
  text: z.string(),
  side: z.enum(["below", "above"]).nullable(),
});
export const poolReasonsSchema = z.array(poolReasonSchema);
export type PoolReason = z.infer<typeof poolReasonSchema>;
