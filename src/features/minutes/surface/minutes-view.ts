// Approved minutes as the channel reads them: the essentials in the cluster's language, with long
// lists cut short (the files carry everything).
import type { Locale } from "../../../kernel/domain/locale.ts";
import { summaryFallback } from "../../../kernel/surface/fallback-summary.ts";
import { type Element, text, type View, view } from "../../../kernel/surface/view.ts";
import { formatMinutesDate } from "../app/minutes-document.ts";
import { minutesLabels } from "../app/minutes-labels.ts";
import type { MinutesContent } from "../domain/minutes-content.ts";

const SHOWN = 10;
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function list(lines: string[], more: (n: number) => string): string {
  const shown = lines.slice(0, SHOWN).map((l) => `• ${clip(l, 280)}`);
  if (lines.length > SHOWN) shown.push(more(lines.length - SHOWN));
  return shown.join("\n");
}

export function minutesChannelView(content: MinutesContent, locale: Locale, lead: string): View {
  const l = minutesLabels(locale);
  const zone = content.cluster.timeZone;
  const more = (n: number) => `… +${n}`;
  const elements: Element[] = [text(lead, "heading")];
  elements.push({
    type: "fields",
    fields: [
      {
        label: l("date"),
        value: content.meeting.startsAt
          ? formatMinutesDate(content.meeting.startsAt, locale, zone)
          : l("notSet"),
      },
      { label: l("place"), value: content.meeting.location ?? l("notSet") },
      {
        label: l("attendance"),
        value: `${l("present")}: ${content.attendance.present.length} · ${l("absent")}: ${content.attendance.absent.length}`,
      },
    ],
  });
  if (content.summary.trim()) elements.push(text(clip(content.summary.trim(), 1500)));
  if (content.decisions.length)
    elements.push(
      text(l("decisions"), "heading"),
      text(
        list(
          content.decisions.map((d) => (d.item ? `${d.item}: ${d.text}` : d.text)),
          more,
        ),
      ),
    );
  if (content.newMeasures.length)
    elements.push(
      text(l("newMeasures"), "heading"),
      text(
        list(
          content.newMeasures.map(
            (m) => `${m.title} — ${m.owner ?? l("formerMember")}, ${l("due")} ${m.due}`,
          ),
          more,
        ),
      ),
    );
  if (content.nextSteps.trim())
    elements.push(text(l("nextSteps"), "heading"), text(clip(content.nextSteps.trim(), 1500)));
  const counts = [
    `${l("present")}: ${content.attendance.present.length}`,
    `${l("decisions")}: ${content.decisions.length}`,
    `${l("newMeasures")}: ${content.newMeasures.length}`,
  ];
  const decisions = content.decisions.map((d) => clip(d.item ? `${d.item}: ${d.text}` : d.text, 280));
  return view(summaryFallback(lead, counts, decisions), ...elements);
}
