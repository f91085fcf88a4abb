// The radar (`/cluster signals`), the agenda's signals section and the chairs' report's emerging
// themes, as neutral views: the same on Slack and Teams.
import type { Locale } from "../../../kernel/domain/locale.ts";
import type { Translate } from "../../../kernel/i18n/catalog.ts";
import { barChartSummary } from "../../../kernel/surface/chart-summary.ts";
import {
  type ChartElement,
  type Element,
  LINK_ACTION_ID,
  text,
  type View,
  view,
} from "../../../kernel/surface/view.ts";
import type { EmergingThemes } from "../app/emerging-themes.ts";
import type { SignalRadar } from "../app/signal-radar.ts";
import type { RadarSignal } from "../app/signal-reads.ts";
import type { SignalsSince } from "../app/signals-since.ts";
import { PESTEL_CATEGORIES, type PestelCategory as Pestel } from "../domain/signal-rules.ts";
import { AGE_BUCKETS, type AgeBucket } from "../domain/strength.ts";

export const categoryLabel = (c: Pestel, t: Translate) => t(`signal.category.${c}`);
const ageLabel = (a: AgeBucket, t: Translate) => t(`signal.radar.age.${a}`);
const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);
const decimal = (n: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
/** Links members gave are shown as link buttons only when they are plain https URLs a button can hold. */
const linkable = (url: string | null): url is string =>
  url !== null && url.length <= 3000 && /^https:\/\/[^\s]+$/.test(url);

export function radarView(radar: SignalRadar, t: Translate, locale: Locale): View {
  const category = radar.category ? categoryLabel(radar.category, t) : null;
  const heading = category
    ? t("signal.radar.headingCategory", { cluster: radar.cluster.name, category })
    : t("signal.radar.heading", { cluster: radar.cluster.name });
  const elements: Element[] = [text(heading, "heading")];
  if (radar.total === 0) {
    // Inside a sentence the category reads as an adjective: "No political signals saved yet."
    const empty = category
      ? t("signal.radar.emptyCategory", { category: category.toLocaleLowerCase(locale) })
      : t("signal.radar.empty");
    elements.push(text(empty));
    return view(`${heading}\n${empty}`, ...elements);
  }
  elements.push(text(t("signal.radar.total", { n: radar.total }), "muted"));
  const chart = radarChart(radar, t);
  elements.push(chart, { type: "divider" });
  // A cluster with more signals than the list reads says the list picks from the newest.
  elements.push(
    text(
      radar.total > radar.considered
        ? t("signal.radar.strongestOf", { shown: radar.signals.length, n: radar.considered })
        : t("signal.radar.strongest"),
    ),
  );
  for (const signal of radar.signals) elements.push(...signalElements(signal, t, locale));
  return view(`${heading}\n${chart.summary}`, ...elements);
}

/** The six categories (or the one asked for), one bar per age bucket: how many were saved when. */
function radarChart(radar: SignalRadar, t: Translate): ChartElement {
  const shown = radar.category ? [radar.category] : [...PESTEL_CATEGORIES];
  const categories = shown.map((c) => capitalised(categoryLabel(c, t)));
  const series = AGE_BUCKETS.map((age) => ({
    name: ageLabel(age, t),
    values: shown.map((c) => radar.counts[c][age]),
  }));
  const title = t("signal.radar.chartTitle");
  const summary = barChartSummary(title, categories, series, (s, c) => String(series[s]!.values[c]));
  return { type: "chart", kind: "bar", title, categories, series, summary };
}

function itemText(signal: RadarSignal, t: Translate, locale: Locale) {
  return t("signal.radar.item", {
    title: signal.title,
    category: categoryLabel(signal.category, t),
    age: ageLabel(signal.age, t),
    ratings: signal.ratings,
    strength: decimal(signal.strength, locale),
  });
}

/** A signal's line, and a link to the message it was saved from (or its source) when there is one. */
function signalElements(signal: RadarSignal, t: Translate, locale: Locale): Element[] {
  const out: Element[] = [text(itemText(signal, t, locale))];
  const [url, label] = linkable(signal.messageLink)
    ? [signal.messageLink, t("signal.radar.openMessage")]
    : linkable(signal.sourceUrl)
      ? [signal.sourceUrl, t("signal.radar.openSource")]
      : [null, ""];
  if (url)
    out.push({
      type: "actions",
      buttons: [{ type: "button", actionId: LINK_ACTION_ID, label, value: signal.id, url }],
    });
  return out;
}

/**
 * The agenda's section: the strongest signals since the last held meeting (or of the last 6 months
 * before the first), and how many more the radar holds.
 */
export function agendaSignalsElements(section: SignalsSince, t: Translate, locale: Locale): Element[] {
  const heading = section.sinceMeeting
    ? t("signal.radar.agenda.sinceMeeting")
    : t("signal.radar.agenda.firstMeeting");
  const out: Element[] = [{ type: "divider" }, text(heading)];
  if (section.signals.length === 0) return [...out, text(t("signal.radar.agenda.none"), "muted")];
  out.push(text(section.signals.map((s) => `• ${itemText(s, t, locale)}`).join("\n")));
  const more = section.total - section.signals.length;
  if (more > 0) out.push(text(t("signal.radar.agenda.more", { n: more }), "muted"));
  return out;
}

/** The chairs' report's section: each theme's shared words and its signals per cluster, never who. */
export function themesLines(themes: EmergingThemes, clusterName: (id: string) => string, t: Translate) {
  return themes.themes.map((theme) =>
    t("signal.radar.themes.row", {
      words: theme.words.join(", "),
      category: categoryLabel(theme.category, t),
      counts: theme.counts
        .map((c) => t("signal.radar.themes.count", { cluster: clusterName(c.clusterId), n: c.signals }))
        .join(", "),
    }),
  );
}

export function themesElements(
  themes: EmergingThemes,
  clusterName: (id: string) => string,
  t: Translate,
): Element[] {
  const lines = themesLines(themes, clusterName, t);
  return [
    { type: "divider" },
    text(t("signal.radar.themes.heading"), "heading"),
    text(t("signal.radar.themes.rule"), "muted"),
    text(lines.length ? lines.map((l) => `• ${l}`).join("\n") : t("signal.radar.themes.none")),
  ];
}
