// Measures: the owner's check-in buttons and the register list.
import type { MeasureRow } from "../../app/list-measures.ts";
import type { MeasureStatus } from "../../domain/follow-up-policy.ts";
import type { Locale } from "../../domain/locale.ts";
import { formatLocalDate } from "../format-date.ts";
import type { Translate } from "../i18n/catalog.ts";
import { type ActionsElement, type Element, text, type View } from "../view.ts";

export const MEASURE_ACTIONS = {
  started: "ennakko.measure.started",
  progress: "ennakko.measure.progress",
  done: "ennakko.measure.done",
  blocked: "ennakko.measure.blocked",
} as const;

export function statusLabel(status: MeasureStatus, t: Translate): string {
  return t(`measure.status.${status}`);
}

export function measureButtons(measureId: string, t: Translate): ActionsElement {
  return {
    type: "actions",
    buttons: [
      {
        type: "button",
        actionId: MEASURE_ACTIONS.started,
        label: t("measure.button.started"),
        value: measureId,
      },
      {
        type: "button",
        actionId: MEASURE_ACTIONS.progress,
        label: t("measure.button.progress"),
        value: measureId,
      },
      {
        type: "button",
        actionId: MEASURE_ACTIONS.done,
        label: t("measure.button.done"),
        value: measureId,
        style: "primary",
      },
      {
        type: "button",
        actionId: MEASURE_ACTIONS.blocked,
        label: t("measure.button.blocked"),
        value: measureId,
        style: "danger",
      },
    ],
  };
}

export function measureListView(
  clusterName: string,
  rows: MeasureRow[],
  filter: string,
  t: Translate,
  locale: Locale = "en",
): View {
  const title = t("measures.title", {
    cluster: clusterName,
    filter: t(`measures.filter.${filter}` as never),
  });
  if (rows.length === 0)
    return { fallback: title, elements: [text(title, "heading"), text(t("measures.none"))] };
  const elements: Element[] = [text(title, "heading")];
  for (const row of rows) {
    const owner = row.ownerName ?? t("measure.formerMember");
    const overdue = row.overdue ? ` ⚠️ ${t("measure.overdue")}` : "";
    elements.push(
      text(
        `*${row.title}* — ${owner} · ${t("measure.due", { due: formatLocalDate(row.dueDate, locale) })}${overdue}`,
      ),
    );
    elements.push(
      text(
        `${statusLabel(row.status, t)} · ${row.progress} %${row.blockedReason ? ` · ${row.blockedReason}` : ""}`,
        "muted",
      ),
    );
  }
  return { fallback: title, elements };
}
