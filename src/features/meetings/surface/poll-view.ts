// The date poll card: one row per candidate slot with answer buttons and the tally; after
// scheduling, the chosen time. The same view serves Slack and Teams.

import type { Locale } from "../../../kernel/domain/locale.ts";
import { formatInZone, zoneAbbreviation } from "../../../kernel/domain/zoned-time.ts";
import type { Translate } from "../../../kernel/i18n/catalog.ts";
import { summaryFallback } from "../../../kernel/surface/fallback-summary.ts";
import { type Element, moment, text, type View } from "../../../kernel/surface/view.ts";
import type { PollSnapshot } from "../app/load-poll.ts";

export const POLL_ACTIONS = {
  YES: "ennakko.poll.yes",
  IF_NEED_BE: "ennakko.poll.if-need-be",
  NO: "ennakko.poll.no",
  finalise: "ennakko.poll.finalise",
} as const;

export const pollSubject = (meetingId: string) => ({ type: "meeting", id: meetingId });
export const slotValue = (meetingId: string, slotId: string) => `${meetingId}|${slotId}`;

export function whenText(instant: Date, locale: Locale, timeZone: string): string {
  return moment(instant, formatInZone(instant, locale, timeZone, "dateTime"));
}

export function pollView(poll: PollSnapshot, t: Translate, locale: Locale): View {
  const { meeting, cluster, tally } = poll;
  const heading = t("poll.heading", { title: meeting.title });
  const elements: Element[] = [text(heading, "heading")];
  if (meeting.status === "CANCELLED") {
    const chosen = poll.slots.find((s) => s.id === meeting.chosenSlotId);
    const when = chosen ? whenText(chosen.startsAt, locale, cluster.timeZone) : "";
    elements.push(text(t("poll.cancelled", { when })));
    return { fallback: heading, elements };
  }
  if (meeting.status === "SCHEDULED" && meeting.chosenSlotId) {
    const chosen = poll.slots.find((s) => s.id === meeting.chosenSlotId)!;
    const where = chosen.location ? `, ${chosen.location}` : "";
    elements.push(
      text(t("poll.scheduled", { when: whenText(chosen.startsAt, locale, cluster.timeZone), where })),
    );
    return { fallback: heading, elements };
  }
  elements.push(text(t("poll.intro"), "muted"));
  for (const slot of poll.slots) {
    const row = tally.slots.find((s) => s.slotId === slot.id)!;
    const names = (ids: string[]) =>
      ids.length ? ` (${ids.map((id) => poll.names[id] ?? "?").join(", ")})` : "";
    const where = slot.location ? ` · ${slot.location}` : "";
    elements.push(
      text(
        `*${whenText(slot.startsAt, locale, cluster.timeZone)}* · ${t("meeting.minutes", { n: slot.durationMinutes })}${where}`,
      ),
    );
    elements.push(
      text(
        `✅ ${row.counts.yes}${names(row.voters.yes)}   🤔 ${row.counts.ifNeedBe}${names(row.voters.ifNeedBe)}   ❌ ${row.counts.no}${names(row.voters.no)}`,
        "muted",
      ),
    );
    if (meeting.status === "POLLING") {
      const value = slotValue(meeting.id, slot.id);
      elements.push({
        type: "actions",
        buttons: [
          { type: "button", actionId: POLL_ACTIONS.YES, label: t("poll.yes"), value, style: "primary" },
          { type: "button", actionId: POLL_ACTIONS.IF_NEED_BE, label: t("poll.ifNeedBe"), value },
          { type: "button", actionId: POLL_ACTIONS.NO, label: t("poll.no"), value },
        ],
      });
    }
  }
  elements.push({ type: "divider" });
  const pending = tally.pendingIds.map((id) => poll.names[id] ?? "?");
  elements.push(
    text(pending.length ? t("poll.pending", { names: pending.join(", ") }) : t("poll.everyone"), "muted"),
  );
  if (meeting.agendaDeadline)
    elements.push(
      text(t("poll.deadline", { when: whenText(meeting.agendaDeadline, locale, cluster.timeZone) }), "muted"),
    );
  if (meeting.status === "POLLING" && tally.best) {
    // Button labels cannot carry per-viewer times (the slots above show each viewer's own): the
    // label says whose time it is, the cluster's zone, so nobody reads 10:00 as their own 10:00.
    const best = tally.best.startsAt;
    const when = `${formatInZone(best, locale, cluster.timeZone, "dateTime")} ${zoneAbbreviation(best, cluster.timeZone)}`;
    elements.push({
      type: "actions",
      buttons: [
        {
          type: "button",
          actionId: POLL_ACTIONS.finalise,
          label: t("poll.finalise", { when }),
          value: slotValue(meeting.id, tally.best.slotId),
        },
      ],
    });
  }
  // Notifications and screen readers: who is still missing, then each slot with its tally.
  const slotLines = poll.slots.map((slot) => {
    const row = tally.slots.find((s) => s.slotId === slot.id)!;
    return `${whenText(slot.startsAt, locale, cluster.timeZone)}: ✅ ${row.counts.yes} 🤔 ${row.counts.ifNeedBe} ❌ ${row.counts.no}`;
  });
  const waiting = pending.length ? t("poll.pending", { names: pending.join(", ") }) : t("poll.everyone");
  return { fallback: summaryFallback(heading, [waiting], slotLines), elements };
}
