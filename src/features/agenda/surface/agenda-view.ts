// The agenda as one person sees it: the chair gets curation buttons, participants get upvotes and
// "Add agenda item" while the agenda is open. Accepted items in the chair's order with their time
// boxes, then proposals by votes, then the follow-up of open measures. The same view serves Slack
// and Teams.

import type { Locale } from "../../../kernel/domain/locale.ts";
import type { Translate } from "../../../kernel/i18n/catalog.ts";
import { summaryFallback } from "../../../kernel/surface/fallback-summary.ts";
import { formatLocalDate } from "../../../kernel/surface/format-date.ts";
import { type ButtonElement, type Element, text, type View } from "../../../kernel/surface/view.ts";
import { statusLabel } from "../../measures/index.ts";
import { whenText } from "../../meetings/index.ts";
import type { AgendaItemView, AgendaSnapshot } from "../app/load-agenda.ts";
import { type AgendaItemKind, isCuratable, orderAgenda } from "../domain/agenda-rules.ts";

export const AGENDA_ACTIONS = {
  add: "ennakko.agenda.add",
  vote: "ennakko.agenda.vote",
  accept: "ennakko.agenda.accept",
  defer: "ennakko.agenda.defer",
  reject: "ennakko.agenda.reject",
  up: "ennakko.agenda.up",
  down: "ennakko.agenda.down",
  timebox: "ennakko.agenda.timebox",
} as const;

/** A move button says where the item was shown, so a double click moves it once. */
export const moveValue = (itemId: string, place: number) => `${itemId}|${place}`;

/** An upvote button says what it wants (on/off), so a double click cannot undo itself. */
export const voteValue = (itemId: string, vote: boolean) => `${itemId}|${vote ? "on" : "off"}`;

const DETAILS_SHOWN = 280;
const clip = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);

export function kindLabel(kind: AgendaItemKind, t: Translate): string {
  return t(`agenda.kind.${kind}`);
}

export function agendaView(agenda: AgendaSnapshot, t: Translate, locale: Locale): View {
  const { meeting, cluster, viewer } = agenda;
  const heading = t("agenda.heading", { title: meeting.title });
  const curating = viewer.canCurate && isCuratable(meeting.status);
  const voting = viewer.canPropose && agenda.open;
  const elements: Element[] = [text(heading, "heading")];

  const when = meeting.startsAt
    ? t("agenda.when", { when: whenText(meeting.startsAt, locale, cluster.timeZone) })
    : t("agenda.whenPolling");
  const window = !agenda.open
    ? t("agenda.closed")
    : meeting.agendaDeadline
      ? t("agenda.openUntil", { when: whenText(meeting.agendaDeadline, locale, cluster.timeZone) })
      : t("agenda.openNoDeadline");
  elements.push(text(`${when}\n${window}`, "muted"));
  if (voting)
    elements.push({
      type: "actions",
      buttons: [
        {
          type: "button",
          actionId: AGENDA_ACTIONS.add,
          label: t("agenda.add"),
          value: meeting.id,
          style: "primary",
        },
      ],
    });

  const ordered = orderAgenda(agenda.items);
  const onAgenda = [...ordered.accepted, ...ordered.discussed].sort(
    (a, b) => (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER),
  );
  if (onAgenda.length === 0 && ordered.proposed.length === 0) elements.push(text(t("agenda.empty")));

  if (onAgenda.length > 0) {
    const minutes = onAgenda.reduce((sum, i) => sum + (i.timeboxMinutes ?? 0), 0);
    elements.push({ type: "divider" }, text(t("agenda.accepted")));
    onAgenda.forEach((item, index) => {
      elements.push(text(itemText(item, `${index + 1}. `, t)));
      if (curating && item.status === "ACCEPTED")
        elements.push({
          type: "actions",
          buttons: [
            button(AGENDA_ACTIONS.up, t("agenda.button.up"), moveValue(item.id, index + 1)),
            button(AGENDA_ACTIONS.down, t("agenda.button.down"), moveValue(item.id, index + 1)),
            button(AGENDA_ACTIONS.timebox, t("agenda.button.timebox"), item.id),
            button(AGENDA_ACTIONS.defer, t("agenda.button.defer"), item.id),
            button(AGENDA_ACTIONS.reject, t("agenda.button.reject"), item.id, "danger"),
          ],
        });
    });
    if (minutes > 0) elements.push(text(t("agenda.totalTime", { minutes }), "muted"));
  }

  if (ordered.proposed.length > 0) {
    elements.push({ type: "divider" }, text(t("agenda.proposed")));
    for (const item of ordered.proposed) {
      elements.push(text(itemText(item, "", t)));
      const buttons: ButtonElement[] = [];
      if (voting)
        buttons.push(
          item.votedByViewer
            ? button(AGENDA_ACTIONS.vote, t("agenda.button.unvote"), voteValue(item.id, false))
            : button(AGENDA_ACTIONS.vote, t("agenda.button.upvote"), voteValue(item.id, true)),
        );
      if (curating)
        buttons.push(
          button(AGENDA_ACTIONS.accept, t("agenda.button.accept"), item.id, "primary"),
          button(AGENDA_ACTIONS.defer, t("agenda.button.defer"), item.id),
          button(AGENDA_ACTIONS.reject, t("agenda.button.reject"), item.id, "danger"),
        );
      if (buttons.length) elements.push({ type: "actions", buttons });
    }
  }

  if (ordered.deferred.length > 0) {
    elements.push(text(t("agenda.deferred")));
    if (curating)
      for (const item of ordered.deferred) {
        elements.push(text(`• ${item.title}`, "muted"), {
          type: "actions",
          buttons: [button(AGENDA_ACTIONS.accept, t("agenda.button.accept"), item.id)],
        });
      }
    else elements.push(text(ordered.deferred.map((i) => `• ${i.title}`).join("\n"), "muted"));
  }
  if (ordered.rejected.length > 0)
    elements.push(
      text(t("agenda.rejected", { titles: ordered.rejected.map((i) => i.title).join(", ") }), "muted"),
    );

  for (const draw of agenda.sections) elements.push(...draw(t, locale));
  elements.push({ type: "divider" }, text(t("agenda.followUp")));
  if (agenda.followUp.length === 0) elements.push(text(t("agenda.noFollowUp"), "muted"));
  else
    elements.push(
      text(
        agenda.followUp
          .map((m) => {
            const owner = m.ownerName ?? t("measure.formerMember");
            const overdue = m.overdue ? ` ⚠️ ${t("measure.overdue")}` : "";
            return `• *${m.title}* — ${owner} · ${t("measure.due", { due: formatLocalDate(m.dueDate, locale) })} · ${statusLabel(m.status, t)} ${m.progress} %${overdue}`;
          })
          .join("\n"),
      ),
      ...(agenda.followUpTotal > agenda.followUp.length
        ? [text(t("home.more", { count: agenda.followUpTotal - agenda.followUp.length }), "muted")]
        : []),
    );
  return {
    fallback: agendaSummary(heading, onAgenda, ordered.proposed, agenda.followUpTotal, t),
    elements,
  };
}

/** Counts per section, then the items on the agenda and proposed, for notifications and screen readers. */
function agendaSummary(
  heading: string,
  onAgenda: AgendaItemView[],
  proposed: AgendaItemView[],
  followUp: number,
  t: Translate,
): string {
  const label = (key: "agenda.accepted" | "agenda.proposed" | "agenda.followUp", n: number) =>
    `${t(key).replace(/\*/g, "")}: ${n}`;
  const counts = [
    ...(onAgenda.length ? [label("agenda.accepted", onAgenda.length)] : []),
    ...(proposed.length ? [label("agenda.proposed", proposed.length)] : []),
    ...(followUp ? [label("agenda.followUp", followUp)] : []),
  ];
  const items = [
    ...onAgenda.map((item, i) => `${i + 1}. ${item.title}`),
    ...proposed.map((item) => item.title),
  ];
  return summaryFallback(heading, counts, items);
}

/** Title (numbered when accepted) and time box, then kind, proposer and votes, then the details. */
function itemText(item: AgendaItemView, prefix: string, t: Translate): string {
  const timebox = item.timeboxMinutes ? ` · ${t("meeting.minutes", { n: item.timeboxMinutes })}` : "";
  const done = item.status === "DISCUSSED" ? ` ✓ ${t("agenda.status.DISCUSSED")}` : "";
  const meta = t("agenda.item.meta", {
    kind: kindLabel(item.kind, t),
    name: item.proposedBy ?? t("measure.formerMember"),
    votes: item.votes,
  });
  const details = item.details ? `\n${clip(item.details, DETAILS_SHOWN)}` : "";
  return `*${prefix}${item.title}*${timebox}${done}\n${meta}${details}`;
}

function button(
  actionId: string,
  label: string,
  value: string,
  style?: ButtonElement["style"],
): ButtonElement {
  return style
    ? { type: "button", actionId, label, value, style }
    : { type: "button", actionId, label, value };
}
