// SQL statements one interaction costs against the national-size database: a poll vote and a pulse
// answer, through the real use cases (BEGIN/COMMIT included), with the per-interaction memo the
// dispatcher gives every interaction.
import type pg from "pg";
import type { AppContext } from "../../src/kernel/app/context.ts";
import { TENANT, u } from "./seed.ts";
import type { Counter } from "./ticks.ts";

export type InteractionFigures = { what: string; statements: number; outcome: string }[];

const outcome = (r: { ok: boolean; reason?: string; details?: unknown }) =>
  r.ok ? "ok" : `refused: ${r.reason} ${JSON.stringify(r.details ?? {})}`;

const actor = (n: number) => ({
  platform: "SLACK" as const,
  tenant: TENANT,
  userId: `U${String(n).padStart(8, "0")}`,
  displayName: `Member ${n}`,
});
const channel = {
  platform: "SLACK" as const,
  tenant: TENANT,
  channelId: "C0000000",
  scope: "CHANNEL" as const,
};

export async function measureInteractions(
  app: AppContext,
  sql: pg.Client,
  counter: Counter,
): Promise<InteractionFigures> {
  const { voteOnSlot } = await import("../../src/features/meetings/app/vote-on-slot.ts");
  const { answerPulse } = await import("../../src/features/pulses/app/answer-pulse.ts");
  const fresh = (): AppContext => ({ ...app, people: new Map(), interaction: {} });
  const figures: InteractionFigures = [];

  for (const [n, slot, answer] of [
    [6, 0, "YES"],
    [6, 1, "NO"],
    [7, 0, "IF_NEED_BE"],
  ] as const) {
    const { result, statements } = await counter.during(() =>
      voteOnSlot(fresh(), {
        actor: actor(n),
        conversation: channel,
        meetingId: u("mt-0"),
        slotId: u(`sl-0-${slot}`),
        answer: answer as never,
      }),
    );
    figures.push({
      what: `vote (member ${n}, slot ${slot})`,
      statements: statements.length,
      outcome: outcome(result as never),
    });
  }

  // One Likert question of the shared bank on open pulse 0 (anonymous) and on a named copy of it.
  const { rows } = await sql.query<{ id: string; key: string }>(
    `SELECT "id", "key" FROM "Question" WHERE "type" = 'LIKERT' AND "clusterId" IS NULL ORDER BY "key" LIMIT 1`,
  );
  const question = rows[0];
  if (!question) throw new Error("no Likert question in the shared bank");
  await sql.query(
    `INSERT INTO "Pulse" ("id","clusterId","title","anonymous","opensAt","closesAt","status")
     VALUES ($1, $2, 'Named pulse', false, now() - interval '1 day', now() + interval '6 days', 'OPEN')`,
    [u("pu-named"), u("c-0")],
  );
  await sql.query(
    `INSERT INTO "PulseParticipation" ("pulseId","personId","status","updatedAt")
     SELECT $1, pg_temp_u, 'INVITED', now() FROM unnest($2::text[]) AS pg_temp_u`,
    [u("pu-named"), [u("p-8"), u("p-9")]],
  );
  for (const pulse of [u("pu-0"), u("pu-named")])
    await sql.query(
      `INSERT INTO "PulseQuestion" ("id","pulseId","questionId","position") VALUES ($1, $2, $3, 0)`,
      [u(`pq-${pulse}`), pulse, question.id],
    );
  for (const [what, pulseId, n, submit] of [
    ["pulse answer, anonymous (first answer)", u("pu-0"), 8, false],
    ["pulse answer, anonymous (answer + submit)", u("pu-0"), 9, true],
    ["pulse answer, named (first answer)", u("pu-named"), 8, false],
    ["pulse answer, named (answer + submit)", u("pu-named"), 9, true],
  ] as const) {
    const { result, statements } = await counter.during(() =>
      answerPulse(fresh(), {
        actor: actor(n),
        pulseId,
        answers: [{ questionKey: question.key, value: 4 }],
        submit,
      }),
    );
    figures.push({ what, statements: statements.length, outcome: outcome(result as never) });
  }
  return figures;
}
