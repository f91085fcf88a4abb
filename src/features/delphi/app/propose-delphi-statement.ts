// "Propose for the next meeting's agenda" on a statement the group kept disagreeing on: one click
// makes a TOPIC item on the cluster's upcoming meeting (the agenda feature's rules), titled with the
// statement, the last round's figures as its details. The statement remembers its item, so a second
// click (or a concurrent one) answers "already on the agenda" instead of adding another.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { toLocale } from "../../../kernel/domain/locale.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { proposeAgendaItem } from "../../agenda/index.ts";
import type { StatementSummary } from "../domain/results-summary.ts";
import { figuresLine, resultsLabels } from "./results-labels.ts";
import { loadDelphiResults } from "./results-load.ts";

export const ProposeDelphiStatementInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  statementId: z.uuid("STATEMENT"),
});

export type ProposedStatement = {
  /** The statement, as the agenda item's title says it. */
  text: string;
  meetingTitle: string;
  /** It was on the agenda already: nothing was added this time. */
  already: boolean;
};

export const proposeDelphiStatement = clusterUseCase(
  { name: "proposeDelphiStatement", input: ProposeDelphiStatementInput, capability: "agenda.propose" },
  async ({ ctx, tx, input, person, cluster, audit }): Promise<Result<ProposedStatement>> => {
    // Locks the statement's row: two clicks at once run one after the other, the second sees the item.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT s."id" FROM "DelphiStatement" s JOIN "Delphi" d ON d."id" = s."delphiId"
       WHERE s."id" = ${input.statementId} AND d."clusterId" = ${cluster.id}
         FOR UPDATE OF s`;
    if (locked.length === 0) return fail("DELPHI_RESULTS_STATEMENT_NOT_FOUND");
    const statement = await tx.delphiStatement.findUniqueOrThrow({
      where: { id: input.statementId },
      include: { delphi: true, agendaItem: { include: { meeting: true } } },
    });
    if (statement.agendaItem)
      return ok({ text: statement.text, meetingTitle: statement.agendaItem.meeting.title, already: true });
    const results = await loadDelphiResults(tx, statement.delphi);
    const summary = results.summary.statements.find((s) => s.statementId === statement.id);
    if (!summary?.persistentDisagreement) return fail("DELPHI_RESULTS_NOT_DISPUTED");
    const locale = toLocale(cluster.locale) ?? "en";
    const proposed = await proposeAgendaItem(tx, {
      clusterId: cluster.id,
      proposedById: person.id,
      title: statement.text,
      details: detailsOf(summary, statement.delphi.title, locale),
      kind: "TOPIC",
      now: ctx.clock.now(),
    });
    if (!proposed.ok) return proposed;
    await tx.delphiStatement.update({
      where: { id: statement.id },
      data: { agendaItemId: proposed.value.itemId },
    });
    await audit({
      action: "delphi.propose",
      subjectType: "delphi-statement",
      subjectId: statement.id,
      details: { agendaItemId: proposed.value.itemId, meetingId: proposed.value.meetingId },
    });
    return ok({ text: statement.text, meetingTitle: proposed.value.meetingTitle, already: false });
  },
);

/** The last round's figures per scale, in the cluster's language: what the meeting argues from. */
function detailsOf(summary: StatementSummary, title: string, locale: ReturnType<typeof toLocale> & string) {
  const l = resultsLabels(locale);
  const round = summary.scales[0]?.rounds.at(-1)?.round ?? 0;
  return [
    l("details", { title, round }),
    ...summary.scales.map(
      (s) => `${l(s.scale.key)}: ${figuresLine(l, locale, s.rounds.at(-1)?.figures ?? null)}`,
    ),
  ].join("\n");
}
