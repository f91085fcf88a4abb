// join · leave · members · role

import type { Role } from "../../../kernel/domain/roles.ts";
import { summaryFallback } from "../../../kernel/surface/fallback-summary.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import type { MentionedUser } from "../../../kernel/surface/parse-command.ts";
import { ephemeral, note, type Output, text, toChannel, view } from "../../../kernel/surface/view.ts";
import { assignRole } from "../app/assign-role.ts";
import { joinCluster } from "../app/join-cluster.ts";
import { leaveCluster } from "../app/leave-cluster.ts";
import { listMembers } from "../app/list-members.ts";

export async function joinHandler(hc: HandlerContext): Promise<Output[]> {
  const result = await joinCluster(hc.app, actorAndConversation(hc));
  return render(hc, result, (cluster) => [note(hc.t("join.done", { cluster: cluster.name }))]);
}

export async function leaveHandler(hc: HandlerContext): Promise<Output[]> {
  const result = await leaveCluster(hc.app, actorAndConversation(hc));
  return render(hc, result, (cluster) => [note(hc.t("leave.done", { cluster: cluster.name }))]);
}

export async function membersHandler(hc: HandlerContext): Promise<Output[]> {
  const { t } = hc;
  const result = await listMembers(hc.app, actorAndConversation(hc));
  return render(hc, result, ({ clusterName, members }) => {
    const title = t("members.title", { cluster: clusterName, count: members.length });
    const lines = members.map(
      (m) => `• ${m.displayName} — ${t(`role.${m.role}`)}${m.organisation ? ` (${m.organisation})` : ""}`,
    );
    const fallback = summaryFallback(
      title,
      [],
      lines.map((l) => l.slice(2)),
    );
    return [ephemeral(view(fallback, text(title, "heading"), text(lines.join("\n"))))];
  });
}

export async function roleHandler(hc: HandlerContext, target: MentionedUser, role: Role): Promise<Output[]> {
  const { t } = hc;
  const { platform, tenant } = hc.envelope.conversation;
  const result = await assignRole(hc.app, {
    ...actorAndConversation(hc),
    target: { platform, tenant, ...target },
    role,
  });
  return render(hc, result, (change) => {
    const params = { user: change.displayName, role: t(`role.${change.to}`), cluster: change.clusterName };
    if (change.from === change.to) return [note(t("role.unchanged", params))];
    // Roles are public in the cluster: everyone should know who chairs and who keeps the minutes.
    return [toChannel(view(t("role.done", params), text(t("role.done", params))))];
  });
}
