// One reminder per round, 24 hours before it closes, to each participant with statements still
// unanswered in it (outbox stage `reminder-r<N>`, once per participant by its key). Due-driven: the
// rounds closing within a day are found through the [status, roundClosesAt] index; a round whose
// reminders are already queued is left out by the outbox's [subject, stage] index. Rounds shorter
// than a day get no reminder (the invitation is still fresh).
import type { AppContext } from "../../../kernel/app/context.ts";
import { eachJobItem } from "../../../kernel/app/each-job-item.ts";
import { localeOf } from "../../../kernel/app/locale-of.ts";
import { enqueueNotification } from "../../../kernel/app/outbox/enqueue-notification.ts";
import { clusterChannels, personalRecipient } from "../../../kernel/app/recipients.ts";
import { buildSheet, withStatements } from "./delphi-sheet.ts";
import { delphiSubject, participantsOf } from "./delphis.ts";

export const DELPHI_REMINDERS_JOB = "delphi-reminders";
const DAY_MS = 24 * 60 * 60_000;
/** A bound on one tick's work; what is left is due on the next tick. */
const BATCH = 100;

export async function remindDelphiParticipants(ctx: AppContext): Promise<{ reminded: number }> {
  const now = ctx.clock.now();
  const until = new Date(now.getTime() + DAY_MS);
  const due = await ctx.db.$queryRaw<{ id: string }[]>`
    SELECT d.id FROM "Delphi" d
      JOIN "DelphiRound" r ON r."delphiId" = d.id AND r.number = d.round
     WHERE d.status = 'OPEN' AND d."roundClosesAt" > ${now} AND d."roundClosesAt" <= ${until}
       AND r."closesAt" - r."opensAt" > interval '24 hours'
       AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" o
                        WHERE o.subject = 'delphi:' || d.id AND o.stage = 'reminder-r' || d.round)
     ORDER BY d."roundClosesAt", d.id
     LIMIT ${BATCH}`;
  let reminded = 0;
  await eachJobItem(
    ctx,
    DELPHI_REMINDERS_JOB,
    due,
    (d) => ({ delphiId: d.id }),
    async ({ id }) => {
      reminded += await ctx.db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "Delphi" WHERE "id" = ${id} FOR SHARE`;
        const delphi = await tx.delphi.findUniqueOrThrow({ where: { id }, include: withStatements });
        if (delphi.status !== "OPEN") return 0;
        const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: delphi.clusterId } });
        const sheet = await buildSheet(ctx, tx, delphi, cluster, null);
        const answered = await tx.delphiAnswered.groupBy({
          by: ["personId"],
          where: { delphiId: id, round: delphi.round },
          _count: { _all: true },
        });
        const countOf = new Map(answered.map((a) => [a.personId, a._count._all]));
        const prefer = (await clusterChannels(tx, cluster.id))[0]?.platform ?? "SLACK";
        const stage = `reminder-r${delphi.round}`;
        let sent = 0;
        for (const person of await participantsOf(tx, cluster.id)) {
          const remaining = delphi.statements.length - (countOf.get(person.id) ?? 0);
          if (remaining <= 0) continue;
          const recipient = await personalRecipient(tx, person.id, prefer);
          if (!recipient) continue;
          const { created } = await enqueueNotification(tx, {
            key: `${delphiSubject(id)}:${stage}:${person.id}`,
            clusterId: cluster.id,
            recipient,
            view: ctx.compose.compose(
              { type: "delphi.reminder", sheet, remaining },
              localeOf(person, cluster),
            ),
            notBefore: now,
            subject: delphiSubject(id),
            stage,
            personId: person.id,
          });
          if (created) sent += 1;
        }
        return sent;
      });
    },
  );
  return { reminded };
}
