import type { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "./tx.ts";

export type AuditRecord = {
  clusterId: string | null;
  actorId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  details?: Prisma.InputJsonObject;
};

/** Every change is written to the audit log in the same transaction as the change itself. */
export async function audit(tx: Tx, record: AuditRecord): Promise<void> {
  await tx.auditEntry.create({ data: { ...record, details: record.details ?? {} } });
}
