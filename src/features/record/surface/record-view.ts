// The record of a meeting as the chair or secretary keeps it: attendance, decisions, and the outcome
// of each agenda item with Discussed / Deferred buttons. The same view serves Slack and Teams.

import type { Locale } from "../../../kernel/domain/locale.ts";
import type { Translate } from "../../../kernel/i18n/catalog.ts";
import { summaryFallback } from "../../../kernel/surface/fallback-summary.ts";
import { MESSAGE_SHORTCUT_ACTION } from "../../../kernel/surface/message-shortcut.ts";
import { type Element, text, type View } from "../../../kernel/surface/view.ts";
import { whenText } from "../../meetings/index.ts";
import type { MeetingRecord } from "../app/load-meeting-record.ts";

export const RECORD_ACTIONS = {
  attendance: "ennakko.record.attendance",
  decide: "ennakko.record.decide",
  discussed: "ennakko.record.discussed",
  deferred: "ennakko.record.deferred",
  /** "Record as decision" on a message (Slack message shortcut, Teams message action). */
  fromMessage: MESSAGE_SHORTCUT_ACTION,
} as const;

const DECISION_SHOWN = 300;
const clip = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

export function recordView(record: MeetingRecord, t: Translate, locale: Locale, lead?: string): View {
  const { meeting, cluster } = record;
  const heading = t("record.heading", { title: meeting.title });
  const elements: Element[] = [text(heading, "heading")];
  if (lead) elements.push(text(lead));
  const when = meeting.startsAt ? whenText(meeting.startsAt, locale, cluster.timeZone) : "";
  const where = meeting.location ? `, ${meeting.location}` : "";
  const state = meeting.status === "HELD" ? t("record.held") : t("record.notHeld");
  elements.push(text(when ? `${t("record.when", { when, where })}\n${state}` : state, "muted"));

  elements.push({ type: "divider" }, text(t("record.attendance")));
  const present = record.members.filter((m) => m.present === true).map((m) => m.name);
  const absent = record.members.filter((m) => m.present === false).map((m) => m.name);
  if (present.length === 0 && absent.length === 0) elements.push(text(t("record.noAttendance"), "muted"));
  else {
    const lines = [t("record.present", { count: present.length, names: present.join(", ") || "—" })];
    if (absent.length) lines.push(t("record.absent", { count: absent.length, names: absent.join(", ") }));
    elements.push(text(lines.join("\n")));
  }
  elements.push({
    type: "actions",
    buttons: [
      {
        type: "button",
        actionId: RECORD_ACTIONS.attendance,
        label: t("record.button.attendance"),
        value: meeting.id,
      },
    ],
  });

  elements.push({ type: "divider" }, text(t("record.decisions")));
  if (record.decisions.length === 0) elements.push(text(t("record.noDecisions"), "muted"));
  else
    elements.push(
      text(
        record.decisions
          .map((d) => `• ${clip(d.text, DECISION_SHOWN)}${d.itemTitle ? ` _(${d.itemTitle})_` : ""}`)
          .join("\n"),
      ),
    );
  elements.push({
    type: "actions",
    buttons: [
      {
        type: "button",
        actionId: RECORD_ACTIONS.decide,
        label: t("record.button.decide"),
        value: meeting.id,
        style: "primary",
      },
    ],
  });

  elements.push({ type: "divider" }, text(t("record.agenda")));
  if (record.items.length === 0) elements.push(text(t("record.noItems"), "muted"));
  record.items.forEach((item, index) => {
    elements.push(text(`*${index + 1}. ${item.title}* — ${t(`agenda.status.${item.status}`)}`));
    elements.push({
      type: "actions",
      buttons: [
        {
          type: "button",
          actionId: RECORD_ACTIONS.discussed,
          label: t("record.button.discussed"),
          value: item.id,
          ...(item.status === "DISCUSSED" ? {} : { style: "primary" as const }),
        },
        {
          type: "button",
          actionId: RECORD_ACTIONS.deferred,
          label: t("record.button.deferred"),
          value: item.id,
        },
      ],
    });
  });
  // The summary a notification or screen reader gets: attendance and decision counts, the items' outcomes.
  const counts = [
    ...(present.length || absent.length
      ? [t("record.present", { count: present.length, names: present.join(", ") || "—" })]
      : []),
    `${t("record.decisions")}: ${record.decisions.length}`,
  ];
  const items = record.items.map(
    (item, index) => `${index + 1}. ${item.title} — ${t(`agenda.status.${item.status}`)}`,
  );
  return { fallback: summaryFallback(heading, counts, items), elements };
}
