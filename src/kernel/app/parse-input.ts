import type { z } from "zod";
import { type Fail, fail } from "../domain/result.ts";

/** Use cases validate their own edges; a bad payload becomes an expected refusal, not a crash. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.infer<S> } | Fail<"INVALID_INPUT"> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return fail("INVALID_INPUT", { field: issue?.path.join(".") ?? "", problem: issue?.message ?? "" });
}
