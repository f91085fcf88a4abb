import type { Prisma } from "../../generated/prisma/client.ts";

/** What a use case writes through: the client inside `$transaction`. */
export type Tx = Prisma.TransactionClient;

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
