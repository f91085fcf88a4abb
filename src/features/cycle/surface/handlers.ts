// `/cluster cycle [<term> <MM-DD> <MM-DD>]` and the kickoff message's one-click actions.

import type { Result } from "../../../kernel/domain/result.ts";
import { CATALOGS } from "../../../kernel/i18n/catalog.ts";
import { formatMonthDay } from "../../../kernel/surface/format-date.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import { ephemeral, type Output } from "../../../kernel/surface/view.ts";
import { measuresCommand } from "../../measures/index.ts";
import { meetingPlanCommand } from "../../meetings/index.ts";
import { pulseCopyCommand } from "../../pulses/index.ts";
import { clusterConversation } from "../app/cycle-conversation.ts";
import { editCycleTerm, showCycle } from "../app/cycle-settings.ts";
import { CYCLE_ACTIONS, type CycleAction, cycleTermsView, termLabel } from "./cycle-view.ts";

export async function cycleCommand(
  hc: HandlerContext,
  typed: { term: string; start: string; end: string } | undefined,
): Promise<Output[]> {
  const edit = typed && { ...typed, term: termOf(typed.term) };
  if (!edit) {
    const result = await showCycle(hc.app, actorAndConversation(hc));
    return render(hc, result, (s) => [ephemeral(cycleTermsView(s, hc.t, undefined, hc.locale))]);
  }
  const result = readable(hc, await editCycleTerm(hc.app, { ...actorAndConversation(hc), ...edit }));
  return render(hc, result, (s) => {
    const saved = s.terms.find((term) => term.name === edit.term.trim().toLowerCase());
    return [ephemeral(cycleTermsView(s, hc.t, saved, hc.locale))];
  });
}

/** A refused window names its days and terms as the reader reads them ("1 Feb", "kevät"), not "02-01". */
function readable<T>(hc: HandlerContext, result: Result<T>): Result<T> {
  if (result.ok || !result.details) return result;
  const details = { ...result.details };
  for (const key of ["start", "end"])
    if (typeof details[key] === "string") details[key] = formatMonthDay(details[key], hc.locale);
  for (const key of ["term", "other"])
    if (typeof details[key] === "string") details[key] = termLabel(details[key], hc.t);
  return { ...result, details };
}

/** Help shows a term by its name in the reader's language ("kevät"); any language's name is the term. */
function termOf(word: string): string {
  const typed = word.trim().toLowerCase();
  for (const term of ["spring", "autumn"] as const)
    if (Object.values(CATALOGS).some((c) => c[`cycle.term.${term}`].toLowerCase() === typed)) return term;
  return typed;
}

/**
 * A kickoff button, clicked in a personal chat: the same command as in the cluster's channel, run
 * for the cluster the button names, with the cluster's channel as the conversation. The use case
 * behind it checks the clicker's membership and role in that cluster as always.
 */
export async function cycleActionHandler(
  hc: HandlerContext,
  actionId: CycleAction,
  value: string,
): Promise<Output[]> {
  const conversation = await clusterConversation(hc.app, { actor: hc.envelope.actor, clusterId: value });
  if (!conversation.ok) return render(hc, conversation, () => []);
  const inCluster: HandlerContext = { ...hc, envelope: { ...hc.envelope, conversation: conversation.value } };
  switch (actionId) {
    case CYCLE_ACTIONS.planMeeting:
      return meetingPlanCommand(inCluster);
    case CYCLE_ACTIONS.copyPulse:
      return pulseCopyCommand(inCluster);
    case CYCLE_ACTIONS.reviewMeasures:
      return measuresCommand(inCluster, "open");
  }
}
