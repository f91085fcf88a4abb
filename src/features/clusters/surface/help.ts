import { can } from "../../../kernel/domain/roles.ts";
import type { CommandEntry, HelpPlace } from "../../../kernel/feature-module.ts";
import type { MessageKey } from "../../../kernel/i18n/catalog.ts";
import { registry } from "../../../kernel/registry.ts";
import { localUsageOf } from "../../../kernel/surface/commands.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import { ephemeral, text, view } from "../../../kernel/surface/view.ts";
import { describeAccess } from "../app/describe-access.ts";

/**
 * Whether a command belongs in this person's help here: by the role it requires, unless its feature
 * knows better (`setup` only binds a channel that has no cluster yet, `join` needs a cluster to join).
 */
function usableHere(c: CommandEntry, place: HelpPlace): boolean {
  if (c.helpShows) return c.helpShows(place);
  return c.requires === "anyone" || (place.role !== null && can(place.role, c.requires));
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
    const visible = registry().commands.filter((c) => usableHere(c, { clusterName, role }));
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
