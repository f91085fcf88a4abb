import { can, type Role } from "../../../kernel/domain/roles.ts";
import type { MessageKey } from "../../../kernel/i18n/catalog.ts";
import { COMMANDS, type CommandSpec, localUsageOf } from "../../../kernel/surface/commands.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import { ephemeral, text, view } from "../../../kernel/surface/view.ts";
import { describeAccess } from "../app/describe-access.ts";

/**
 * Whether a command belongs in this person's help here. Open commands are not all useful
 * everywhere: `setup` only binds a channel that has no cluster yet, `join` needs a cluster to join,
 * and `link` in a cluster's channel bridges the cluster, which only its chair or coordinator may do
 * (a member links their own accounts in the personal chat).
 */
function usableHere(c: CommandSpec, clusterName: string | null, role: Role | null): boolean {
  if (c.name === "setup") return clusterName === null;
  if (c.name === "join") return clusterName !== null && role === null;
  if (c.name === "link") return clusterName === null || (role !== null && can(role, "cluster.configure"));
  return c.requires === "anyone" || (role !== null && can(role, c.requires));
}

/** Lists the commands this person may use here: by their role, or the ones open to anyone. */
export async function helpHandler(hc: HandlerContext) {
  const { t } = hc;
  const result = await describeAccess(hc.app, actorAndConversation(hc));
  return render(hc, result, ({ clusterName, role }) => {
    if (hc.envelope.conversation.scope === "PERSONAL")
      return [ephemeral(view(t("help.personal"), text(t("help.title")), text(t("help.personal"))))];
    const intro = !clusterName
      ? t("help.notBound")
      : role
        ? t("help.yourRole", { role: t(`role.${role}`), cluster: clusterName })
        : t("help.notMember", { cluster: clusterName });
    const visible = (COMMANDS as readonly CommandSpec[]).filter((c) => usableHere(c, clusterName, role));
    const lines = visible.map((c) => `• \`${localUsageOf(c, t)}\` ${t(`cmd.${c.name}` as MessageKey)}`);
    return [
      ephemeral(
        view(
          `${t("help.title")} ${intro}`,
          text(t("help.title"), "heading"),
          text(intro),
          text(lines.join("\n")),
        ),
      ),
    ];
  });
}
