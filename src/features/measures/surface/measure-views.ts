// Measures: the owner's check-in buttons and the register list.

import type { Locale } from "../../../kernel/domain/locale.ts";
import type { Translate } from "../../../kernel/i18n/catalog.ts";
import { summaryFallback } from "../../../kernel/surface/fallback-summary.ts";
import { formatLocalDate } from "../../../kernel/surface/format-date.ts";
import {
  type ActionsElement,
  type ButtonElement,
  type Element,
  text,
  type View,
} from "../../../kernel/surface/view.ts";
import type { MeasureRow } from "../app/list-measures.ts";
import type { MeasureStatus } from "../domain/follow-up-policy.ts";

export const MEASURE_ACTIONS = {
  started: "ennakko.measure.started",
  progress: "ennakko.measure.progress",
  done: "ennakko.measure.done",
  blocked: "ennakko.measure.blocked",
} as const;

/** Paging the register: the value says which filter and page, so a repeated click shows the same page. */
export const MEASURE_LIST_ACTIONS = { page: "ennakko.measures.page" } as const;
export const pageValue = (filter: string, offset: number) => `${filter}|${offset}`;

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

export type MeasurePage = { rows: MeasureRow[]; total: number; offset: number; pageSize: number };

export function measureListView(
  clusterName: string,
  page: MeasurePage,
  filter: string,
  t: Translate,
  locale: Locale = "en",
): View {
  const { rows, total, offset, pageSize } = page;
  const title = t("measures.title", {
    cluster: clusterName,
    filter: t(`measures.filter.${filter}` as never),
  });
  if (rows.length === 0)
    return { fallback: title, elements: [text(title, "heading"), text(t("measures.none"))] };
  const elements: Element[] = [text(title, "heading")];
  const shown = { from: offset + 1, to: offset + rows.length, total };
  if (total > rows.length) elements.push(text(t("measures.shown", shown), "muted"));
  const lines: string[] = [];
  for (const row of rows) {
    const owner = row.ownerName ?? t("measure.formerMember");
    const overdue = row.overdue ? ` ⚠️ ${t("measure.overdue")}` : "";
    const line = `*${row.title}* — ${owner} · ${t("measure.due", { due: formatLocalDate(row.dueDate, locale) })}${overdue}`;
    const status = `${statusLabel(row.status, t)} · ${row.progress} %`;
    lines.push(`${line} · ${status}`);
    elements.push(text(line));
    elements.push(text(`${status}${row.blockedReason ? ` · ${row.blockedReason}` : ""}`, "muted"));
  }
  const buttons: ButtonElement[] = [];
  if (offset > 0)
    buttons.push({
      type: "button",
      actionId: MEASURE_LIST_ACTIONS.page,
      label: t("measures.previous"),
      value: pageValue(filter, Math.max(0, offset - pageSize)),
    });
  if (offset + rows.length < total)
    buttons.push({
      type: "button",
      actionId: MEASURE_LIST_ACTIONS.page,
      label: t("measures.more", { count: total - offset - rows.length }),
      value: pageValue(filter, offset + pageSize),
      style: "primary",
    });
  if (buttons.length) elements.push({ type: "actions", buttons });
  const overdue = rows.filter((r) => r.overdue).length;
  const counts = [t("measures.shown", shown), ...(overdue ? [`${overdue} ⚠️ ${t("measure.overdue")}`] : [])];
  return { fallback: summaryFallback(title, counts, lines), elements };
}
