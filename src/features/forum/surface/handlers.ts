// forum setup · chairs report: the chairs' forum, a channel where the chairs, vice-chairs and
// coordinators of all clusters compare them; and the guard that keeps cluster commands out of it.

import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import type { ParsedCommand } from "../../../kernel/surface/parse-command.ts";
import { ephemeral, note, type Output, text, toChannel, view } from "../../../kernel/surface/view.ts";
import { bindForum, isForumConversation } from "../app/bind-forum.ts";
import { chairsReport } from "../app/chairs-report.ts";
import { chairsReportFiles, chairsReportView } from "./chairs-report-view.ts";

/**
 * Null when the command may run here. In the forum's channel only `chairs report` (and `forum setup`,
 * which explains the channel is bound) run; `help` describes the forum, anything else is refused.
 */
/** What the forum does itself: its report, and its own twice-yearly meeting. */
const FORUM_COMMANDS: ReadonlySet<ParsedCommand["name"]> = new Set([
  "chairs report",
  "forum setup",
  "meeting plan",
  "meeting",
  "meeting reschedule",
  "meeting cancel",
  "cycle",
  "language",
  "my-data",
  "home",
]);

export async function forumGuard(hc: HandlerContext, command: ParsedCommand): Promise<Output[] | null> {
  if (FORUM_COMMANDS.has(command.name)) return null;
  if (!(await isForumConversation(hc.app, hc.envelope.conversation))) return null;
  return [note(hc.t(command.name === "help" ? "forum.help" : "forum.onlyReports"))];
}

export async function forumSetupCommand(hc: HandlerContext, name: string): Promise<Output[]> {
  const result = await bindForum(hc.app, { ...actorAndConversation(hc), name });
  return render(hc, result, (forum) => {
    const announce = hc.t("forum.announce", { forum: forum.name });
    return [note(hc.t("forum.done", { forum: forum.name })), toChannel(view(announce, text(announce)))];
  });
}

/** The report privately, with its chart; the briefing pack as DOCX and Markdown files for the person. */
export async function chairsReportCommand(hc: HandlerContext): Promise<Output[]> {
  const result = await chairsReport(hc.app, actorAndConversation(hc));
  const files = result.ok ? await chairsReportFiles(result.value, hc.t, hc.locale) : [];
  return render(hc, result, (report) => [
    ephemeral(chairsReportView(report, hc.t, hc.locale)),
    { kind: "file", comment: hc.t("chairs.pack.comment", { forum: report.forumName }), files },
  ]);
}
