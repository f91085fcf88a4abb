import { toLocale } from "../../../kernel/domain/locale.ts";
import { ROLES } from "../../../kernel/domain/roles.ts";
import { summaryFallback } from "../../../kernel/surface/fallback-summary.ts";
import { formatDay } from "../../../kernel/surface/format-date.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import { type Element, ephemeral, text, view } from "../../../kernel/surface/view.ts";
import { clusterStatus } from "../app/cluster-status.ts";
import { cycleFields } from "./cycle-view.ts";

export async function statusHandler(hc: HandlerContext) {
  const { t } = hc;
  const result = await clusterStatus(hc.app, actorAndConversation(hc));
  return render(hc, result, (s) => {
    const title = t("status.title", { cluster: s.name });
    const roles = ROLES.filter((r) => s.roleCounts[r]).map((r) => `${t(`role.${r}`)} ${s.roleCounts[r]}`);
    const language = toLocale(s.locale);
    const fields = [
      { label: t("status.sector"), value: s.sector ?? t("status.none") },
      { label: t("status.timeZone"), value: s.timeZone },
      { label: t("status.language"), value: language ? t(`lang.${language}`) : s.locale },
      { label: t("status.members"), value: `${s.memberCount} (${roles.join(", ")})` },
      {
        label: t("status.platforms"),
        value: s.platforms.map((p) => (p === "SLACK" ? "Slack" : "Teams")).join(", "),
      },
      { label: t("status.yourRole"), value: t(`role.${s.yourRole}`) },
      { label: t("status.since"), value: formatDay(s.createdAt, hc.locale, s.timeZone) },
      ...cycleFields(s.cycle, s.timeZone, hc.t, hc.locale),
    ];
    const elements: Element[] = [text(title, "heading"), { type: "fields", fields }];
    // Notifications and screen readers read the card's fields too, not only its heading.
    const facts = fields.map((f) => `${f.label}: ${f.value}`);
    if (s.failedDeliveries && s.failedDeliveries.count > 0) {
      const lines = s.failedDeliveries.recent.map(
        (f) => `• ${f.platform === "SLACK" ? "Slack" : "Teams"} ${f.target}: ${f.error}`,
      );
      elements.push(
        text(
          `${t("status.failedDeliveries", { count: s.failedDeliveries.count })}\n${lines.join("\n")}`,
          "muted",
        ),
      );
    }
    const failed = s.failedDeliveries?.count
      ? [t("status.failedDeliveries", { count: s.failedDeliveries.count })]
      : [];
    return [ephemeral(view(summaryFallback(title, failed, facts), ...elements))];
  });
}
