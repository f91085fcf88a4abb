// The person's home: Slack's App Home tab and the Teams personal chat card render this same view.

import type { Locale } from "../../../kernel/domain/locale.ts";
import { formatInZone } from "../../../kernel/domain/zoned-time.ts";
import type { Translate } from "../../../kernel/i18n/catalog.ts";
import { summaryFallback } from "../../../kernel/surface/fallback-summary.ts";
import { formatLocalDate } from "../../../kernel/surface/format-date.ts";
import {
  type ActionsElement,
  type Element,
  HOME_REFRESH_ACTION_ID,
  moment,
  text,
  type View,
} from "../../../kernel/surface/view.ts";
import { measureButtons, statusLabel } from "../../measures/index.ts";
import { PULSE_ACTIONS, sheetValue } from "../../pulses/index.ts";
import type { Home } from "../app/load-home.ts";

export const HOME_ACTIONS = { refresh: HOME_REFRESH_ACTION_ID } as const;

const when = (instant: Date, locale: Locale, timeZone: string) =>
  moment(instant, formatInZone(instant, locale, timeZone, "dateTime"));

export function refreshButton(t: Translate): ActionsElement {
  return {
    type: "actions",
    buttons: [{ type: "button", actionId: HOME_ACTIONS.refresh, label: t("home.refresh"), value: "home" }],
  };
}

export function homeView(home: Home, t: Translate, locale: Locale): View {
  const title = t("home.title", { name: home.personName });
  const elements: Element[] = [text(title, "heading")];
  const zoneOf = (clusterZone: string) => home.timeZone ?? clusterZone;

  if (home.clusters.length === 0) {
    elements.push(text(t("home.noClusters")), refreshButton(t));
    return { fallback: title, elements };
  }
  const nothing =
    home.polls.length === 0 &&
    home.pulses.length === 0 &&
    home.measures.length === 0 &&
    home.meetings.length === 0 &&
    home.organiser.length === 0;
  elements.push(text(home.clusters.map((c) => `${c.name} (${t(`role.${c.role}`)})`).join(" · "), "muted"));
  if (nothing) {
    elements.push(text(t("home.empty")), refreshButton(t));
    return { fallback: title, elements };
  }

  if (home.polls.length > 0) {
    elements.push({ type: "divider" }, text(t("home.polls"), "heading"));
    for (const p of home.polls)
      elements.push(text(t("home.poll.item", { title: p.title, cluster: p.clusterName })));
  }
  if (home.pulses.length > 0) {
    elements.push({ type: "divider" }, text(t("home.pulses"), "heading"));
    for (const p of home.pulses) {
      const closes = when(p.closesAt, locale, zoneOf(p.timeZone));
      elements.push(text(t("home.pulse.item", { title: p.title, cluster: p.clusterName, closes })), {
        type: "actions",
        buttons: [
          {
            type: "button",
            actionId: PULSE_ACTIONS.open,
            label: t("home.pulse.open"),
            value: sheetValue(p.pulseId, null),
            style: "primary",
          },
        ],
      });
    }
  }
  if (home.measures.length > 0) {
    elements.push({ type: "divider" }, text(t("home.measures"), "heading"));
    for (const m of home.measures) {
      const overdue = m.overdue ? ` ⚠️ ${t("measure.overdue")}` : "";
      elements.push(
        text(
          `*${m.title}* — ${m.clusterName} · ${t("measure.due", { due: formatLocalDate(m.dueDate, locale) })}${overdue}`,
        ),
        text(`${statusLabel(m.status, t)} · ${m.progress} %`, "muted"),
        measureButtons(m.id, t),
      );
    }
  }
  if (home.meetings.length > 0) {
    elements.push({ type: "divider" }, text(t("home.meetings"), "heading"));
    for (const m of home.meetings) {
      const at = when(m.startsAt, locale, zoneOf(m.timeZone));
      elements.push(text(t("home.meeting.item", { title: m.title, cluster: m.clusterName, when: at })));
    }
  }
  if (home.organiser.length > 0) {
    elements.push({ type: "divider" }, text(t("home.organiser"), "heading"));
    for (const o of home.organiser) {
      const cluster = o.clusterName;
      const lines = [
        ...o.pollsReady.map((p) => t("home.org.pollReady", { cluster, title: p.title })),
        ...o.minutesPending.map((m) => t("home.org.minutes", { cluster, title: m.title })),
        ...(o.overdueMeasures > 0 ? [t("home.org.overdue", { cluster, count: o.overdueMeasures })] : []),
        ...(o.blockedMeasures > 0 ? [t("home.org.blocked", { cluster, count: o.blockedMeasures })] : []),
        ...(o.failedDeliveries > 0 ? [t("home.org.failed", { cluster, count: o.failedDeliveries })] : []),
      ];
      elements.push(text(lines.map((l) => `• ${l}`).join("\n")));
    }
  }
  elements.push({ type: "divider" }, refreshButton(t));
  return { fallback: homeSummary(home, title, t), elements };
}

/** What a notification or screen reader says for the home: each section's count, then its items. */
function homeSummary(home: Home, title: string, t: Translate): string {
  const sections: [string, string[]][] = [
    [
      t("home.organiser"),
      home.organiser.flatMap((o) => [
        ...o.pollsReady.map((p) => t("home.org.pollReady", { cluster: o.clusterName, title: p.title })),
        ...o.minutesPending.map((m) => t("home.org.minutes", { cluster: o.clusterName, title: m.title })),
      ]),
    ],
    [t("home.polls"), home.polls.map((p) => `${p.title} (${p.clusterName})`)],
    [t("home.pulses"), home.pulses.map((p) => `${p.title} (${p.clusterName})`)],
    [t("home.measures"), home.measures.map((m) => `${m.title} (${m.clusterName})`)],
    [t("home.meetings"), home.meetings.map((m) => `${m.title} (${m.clusterName})`)],
  ];
  const shown = sections.filter(([, items]) => items.length > 0);
  return summaryFallback(
    title,
    shown.map(([label, items]) => `${label}: ${items.length}`),
    shown.flatMap(([, items]) => items),
  ).replace(/\*/g, "");
}
