import { describeAccess } from "../../app/describe-access.ts";
import { can } from "../../domain/roles.ts";
import { COMMANDS, type CommandSpec, usageOf } from "../commands.ts";
import type { MessageKey } from "../i18n/catalog.ts";
import { ephemeral, text, view } from "../view.ts";
import { actorAndConversation, type HandlerContext, render } from "./handler-context.ts";

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
    const visible = (COMMANDS as readonly CommandSpec[]).filter((c) =>
      c.requires === "anyone" ? c.name !== "join" || !role : role !== null && can(role, c.requires),
    );
    const lines = visible.map((c) => `\`${usageOf(c)}\` ${t(`cmd.${c.name}` as MessageKey)}`);
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
