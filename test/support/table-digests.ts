// What a replayed interaction must leave alone: every table's rows, as one digest per table. Equal
// digests before and after mean that nothing was inserted, deleted or changed, on PGlite and
// PostgreSQL alike.
import type { Database } from "../../src/db/open-database.ts";

/**
 * `count:md5` of each table's rows in a stable order. ConversationRef is left out by default: Teams
 * turns refresh the stored conversation reference on every activity, replayed or not.
 */
export async function tableDigests(
  db: Database,
  except: readonly string[] = ["ConversationRef"],
): Promise<Record<string, string>> {
  const tables = await db.prisma.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const digests: Record<string, string> = {};
  for (const { tablename } of tables) {
    if (except.includes(tablename)) continue;
    const [row] = await db.prisma.$queryRawUnsafe<{ n: number; digest: string | null }[]>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${tablename}" t`,
    );
    digests[tablename] = `${row!.n}:${row!.digest ?? "-"}`;
  }
  return digests;
}
