// mergePeople deletes the merged Person row at the end, so a table pointing at Person that the merge
// forgets loses the merged person's rows silently (onDelete: Cascade) or unlinks them (SetNull). These
// tests hold MERGE_STEPS, the merge's own table of the columns it carries over, against the schema as
// Prisma's data model and the migrated database's foreign keys see it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MERGE_STEPS, type PersonColumn } from "../../src/kernel/app/merge-people.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/** The part of Prisma's runtime data model read here: names, kinds, types and relation names. */
type DataModel = {
  models: Record<
    string,
    { dbName: string | null; fields: { name: string; kind: string; type: string; relationName?: string }[] }
  >;
};

type ForeignKey = { table: string; column: string; target: string; onDelete: string };

/**
 * Columns whose name looks like an id but that never hold a person's id (and are no foreign key).
 * A new id-like column must be classified: handled by the merge, a foreign key elsewhere, or here.
 */
const NOT_PERSON_IDS = new Set([
  "Workspace.externalId", // the Slack team or Teams tenant
  "PlatformIdentity.externalId", // the platform's user id: it moves with its row
  "ChannelBinding.channelId",
  "ConversationRef.conversationId",
  "PostedMessage.conversationId",
  "PostedMessage.messageId",
  "Pulse.copiedFromId", // a pulse
  "LinkCode.clusterId", // a cluster
  // Slack OAuth installations: Slack's own ids (team, enterprise, app, bot, the installing admin's
  // Slack user id), never a Person's id.
  "SlackInstallation.teamId",
  "SlackInstallation.enterpriseId",
  "SlackInstallation.appId",
  "SlackInstallation.botId",
  "SlackInstallation.botUserId",
  "SlackInstallation.installerUserId",
  // A Slack DM channel kept per (team, Slack user): Slack's ids; the person's rows are erased by user id.
  "SlackDmChannel.teamId",
  "SlackDmChannel.userId",
  "SlackDmChannel.channelId",
]);

const ON_DELETE: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

const handled: PersonColumn[] = MERGE_STEPS.flatMap((step) => step.columns);
const key = (c: { model: string; column: string }) => `${c.model}.${c.column}`;

/**
 * Every relation field of type Person ("Model.field"), outside Person itself (its list fields are the
 * other side of these relations). Prisma pairs both sides by relation name, so each appears once.
 */
function relationsToPerson(dataModel: DataModel): string[] {
  return Object.entries(dataModel.models)
    .filter(([model]) => model !== "Person")
    .flatMap(([model, { fields }]) =>
      fields.filter((f) => f.kind === "object" && f.type === "Person").map((f) => `${model}.${f.name}`),
    )
    .sort();
}

/** What the schema has that the merge does not handle, and what the merge lists that is gone. */
function compare(inSchema: string[], inMerge: string[]): { unhandled: string[]; stale: string[] } {
  return {
    unhandled: inSchema.filter((r) => !inMerge.includes(r)).sort(),
    stale: inMerge.filter((r) => !inSchema.includes(r)).sort(),
  };
}

const handledRelations = () =>
  handled.flatMap((c) => (c.relation === undefined ? [] : [`${c.model}.${c.relation}`])).sort();

let db: TestDatabase;
let dataModel: DataModel;
let foreignKeys: ForeignKey[];
/** Columns that are part of a unique index or primary key. */
let uniqueColumns: { table: string; column: string }[];

beforeAll(async () => {
  db = await createTestDatabase();
  // The `prisma-client` generator of Prisma 7 exports no DMMF; the client keeps this runtime data model
  // to build its queries. If an upgrade renames it, fail here rather than compare against nothing.
  const runtime = (db.prisma as unknown as { _runtimeDataModel?: DataModel })._runtimeDataModel;
  if (!runtime?.models?.Person) throw new Error("the Prisma client has no _runtimeDataModel with a Person");
  dataModel = runtime;
  const rows = await db.prisma.$queryRawUnsafe<ForeignKey[]>(`
    SELECT t.relname::text AS "table", a.attname::text AS "column", r.relname::text AS target,
           c.confdeltype::text AS "onDelete"
      FROM pg_constraint c
      JOIN pg_class t ON t.oid = c.conrelid
      JOIN pg_class r ON r.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
     WHERE c.contype = 'f'`);
  foreignKeys = rows.map((fk) => ({ ...fk, onDelete: ON_DELETE[fk.onDelete] ?? fk.onDelete }));
  uniqueColumns = await db.prisma.$queryRawUnsafe<{ table: string; column: string }[]>(`
    SELECT DISTINCT t.relname::text AS "table", a.attname::text AS "column"
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
     WHERE i.indisunique`);
});
afterAll(() => db.close());

describe("mergePeople covers every reference to a person in the schema", () => {
  it("handles every Prisma relation to Person, and lists none that is gone", () => {
    const inSchema = relationsToPerson(dataModel);
    expect(inSchema.length).toBeGreaterThanOrEqual(12); // the comparison must have something to compare
    expect(compare(inSchema, handledRelations())).toEqual({ unhandled: [], stale: [] });
  });

  it("handles every foreign key to Person in the migrated database, whatever its onDelete", () => {
    const toPerson = foreignKeys.filter((fk) => fk.target === "Person");
    const inDatabase = toPerson.map((fk) => `${fk.table}.${fk.column} (ON DELETE ${fk.onDelete})`).sort();
    const byColumn = new Map(toPerson.map((fk) => [key({ model: fk.table, column: fk.column }), fk]));
    const inMerge = handled
      .filter((c) => c.relation !== undefined)
      .map((c) => {
        const fk = byColumn.get(key(c));
        return `${key(c)} (ON DELETE ${fk?.onDelete ?? "no foreign key"})`;
      })
      .sort();
    expect(compare(inDatabase, inMerge)).toEqual({ unhandled: [], stale: [] });
  });

  it("every id-like column is a foreign key, handled by the merge, or known not to hold a person", () => {
    const fkColumns = new Set(foreignKeys.map((fk) => key({ model: fk.table, column: fk.column })));
    const handledColumns = new Set(handled.map(key));
    const idLike = Object.entries(dataModel.models)
      .filter(([model]) => model !== "Person")
      .flatMap(([model, { fields }]) =>
        fields
          .filter((f) => f.kind === "scalar" && (/Ids?$/.test(f.name) || /person/i.test(f.name)))
          .map((f) => `${model}.${f.name}`),
      );
    // A foreign key to Person is held to the merge by the test above; one to another table is no person.
    const unclassified = idLike.filter(
      (c) => !fkColumns.has(c) && !handledColumns.has(c) && !NOT_PERSON_IDS.has(c),
    );
    expect(unclassified).toEqual([]);
    expect([...NOT_PERSON_IDS].filter((c) => !idLike.includes(c) || fkColumns.has(c))).toEqual([]);
    // A column the merge moves must exist: a handled column that is not in the schema is stale.
    const scalars = new Set(
      Object.entries(dataModel.models).flatMap(([model, { fields }]) =>
        fields.filter((f) => f.kind !== "object").map((f) => `${model}.${f.name}`),
      ),
    );
    expect([...handledColumns].filter((c) => !scalars.has(c))).toEqual([]);
  });

  it("moves plainly only columns no unique index holds, and resolves collisions where one does", () => {
    // A plain UPDATE of a column inside a unique key would fail the merge where both people have a row.
    const unique = new Set(uniqueColumns.map((u) => key({ model: u.table, column: u.column })));
    const wrong = MERGE_STEPS.flatMap((step) =>
      step.rule === "rewrite-text"
        ? []
        : step.columns
            .filter((c) => unique.has(key(c)) !== (step.rule === "one-per-person"))
            .map((c) => `${key(c)} (${step.rule})`),
    );
    expect(wrong).toEqual([]);
  });

  it("would report a relation to Person the merge does not handle (the check can fail)", () => {
    const withDummy: DataModel = {
      models: {
        ...dataModel.models,
        NotInTheSchema: {
          dbName: null,
          fields: [
            { name: "holderId", kind: "scalar", type: "String" },
            { name: "holder", kind: "object", type: "Person", relationName: "NotInTheSchemaToPerson" },
          ],
        },
      },
    };
    expect(compare(relationsToPerson(withDummy), handledRelations()).unhandled).toContain(
      "NotInTheSchema.holder",
    );
  });
});
