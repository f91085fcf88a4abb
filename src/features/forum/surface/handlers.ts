// forum setup · chairs report: the chairs' forum, a channel where the chairs, vice-chairs and
// coordinators of all clusters compare them; and the guard that keeps cluster commands out of it.

import type { ParsedCommand } from "../../../kernel/feature-module.ts";
import { registry } from "../../../kernel/registry.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import { ephemeral, note, type Output, text, toChannel, view } from "../../../kernel/surface/view.ts";
import { bindForum, isForumConversation } from "../app/bind-forum.ts";
import { chairsReport } from "../app/chairs-report.ts";
import { chairsReportFiles, chairsReportView } from "./chairs-report-view.ts";

/**
 * Null when the command may run here. In the forum's channel only the commands that declare
 * `inForum` run (its report, its own twice-yearly meeting, a person's own settings); `help`
 * describes the forum, anything else is refused.
 */
export async function forumGuard(hc: HandlerContext, command: ParsedCommand): Promise<Output[] | null> {
  if (registry().commands.find((c) => c.name === command.name)?.inForum) return null;
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
