// How a Delphi's results read in the channel. Each statement: its text, the figures of every scale
// round by round (median, IQR with the quartiles, consensus ✓/✗, how the range moved), one native
// chart of its first scale's distribution with a series per round (so the movement shows), and for a
// persistent disagreement the button that proposes it for the next meeting's agenda. The other scales
// are given as figures only: Slack draws at most two charts a message (two statements a message here),
// and twenty statements × four scales would be eighty charts.
import type { Locale } from "../../../kernel/domain/locale.ts";
import type { Translate } from "../../../kernel/i18n/catalog.ts";
import { barChartSummary } from "../../../kernel/surface/chart-summary.ts";
import { type ChartElement, type Element, text, type View } from "../../../kernel/surface/view.ts";
import type { DelphiResultsNotification } from "../app/results-notifications.ts";
import type { RoundFigures, ScaleSummary, StatementSummary } from "../domain/results-summary.ts";

export const DELPHI_RESULT_ACTIONS = {
  propose: "ennakko.delphi.results.propose",
} as const;

/** A statement in the overview's list, cut: each follows in full below with its figures. */
const LIST_TEXT = 80;
export const clip = (value: string, max: number) =>
  value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;

/** Series a chart holds (Slack's limit): the latest rounds when there were more. */
const MAX_SERIES = 6;

const number = (n: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(n);

export function delphiResultsView(message: DelphiResultsNotification, t: Translate, locale: Locale): View {
  const elements: Element[] = [];
  let fallback = "";
  if (message.overview) {
    const o = message.overview;
    const heading = t("delphi.results.heading", { title: o.title });
    fallback = heading;
    elements.push(
      text(heading, "heading"),
      text(
        t("delphi.results.overview", {
          statements: o.statements,
          rounds: o.rounds.length,
          consensus: o.consensusCount,
        }),
      ),
      text(
        o.disagreements.length
          ? `${t("delphi.results.disagreements")}\n${o.disagreements.map((d) => `• ${d.position}. ${clip(d.text, LIST_TEXT)}`).join("\n")}`
          : t("delphi.results.noDisagreements"),
      ),
      text(t("delphi.results.privacy"), "muted"),
    );
  }
  for (const statement of message.statements) {
    if (elements.length > 0) elements.push({ type: "divider" });
    elements.push(...statementElements(statement, t, locale));
  }
  const firstStatement = message.statements[0];
  if (!fallback && firstStatement) fallback = `${firstStatement.position}. ${firstStatement.text}`;
  return { fallback: fallback || t("delphi.results.noDisagreements"), elements };
}

function statementElements(statement: StatementSummary, t: Translate, locale: Locale): Element[] {
  const lines = statement.scales.map((s) => scaleLine(s, t, locale));
  const out: Element[] = [text(`*${statement.position}. ${statement.text}*\n${lines.join("\n")}`)];
  const first = statement.scales[0];
  const chart = first ? distributionChart(statement, first, t, locale) : null;
  if (chart) out.push(chart);
  if (statement.agendaItemId) out.push(text(t("delphi.results.onAgenda"), "muted"));
  else if (statement.persistentDisagreement)
    out.push(text(t("delphi.results.disputed")), {
      type: "actions",
      buttons: [
        {
          type: "button",
          actionId: DELPHI_RESULT_ACTIONS.propose,
          label: t("delphi.results.propose"),
          value: statement.statementId,
          style: "primary",
        },
      ],
    });
  return out;
}

/** "*Probability*: round 1: median 4, IQR 3 (2–5) ✗ · round 2: median 4, IQR 1 (3–4) ✓ (range narrowed by 2)" */
function scaleLine(scale: ScaleSummary, t: Translate, locale: Locale): string {
  const rounds = scale.rounds.map((r) => roundText(r, t, locale));
  return `*${t(`delphi.results.scale.${scale.scale.key}`)}*: ${rounds.join(" · ")}`;
}

function roundText(r: RoundFigures, t: Translate, locale: Locale): string {
  const f = r.figures;
  if (!f) return t("delphi.results.hiddenRound", { round: r.round, n: r.answers });
  const figures = t("delphi.results.figures", {
    round: r.round,
    median: number(f.median, locale),
    iqr: number(f.iqr, locale),
    q1: number(f.q1, locale),
    q3: number(f.q3, locale),
    mark: t(f.consensus ? "delphi.results.consensus" : "delphi.results.noConsensus"),
  });
  if (r.iqrChange === null) return figures;
  const by = number(Math.abs(r.iqrChange), locale);
  const change =
    r.iqrChange < 0
      ? t("delphi.results.narrowed", { by })
      : r.iqrChange > 0
        ? t("delphi.results.widened", { by })
        : t("delphi.results.unchanged");
  return `${figures} (${change})`;
}

function categoryLabel(scale: ScaleSummary, start: number): string {
  switch (scale.scale.kind) {
    case "likert5":
      return String(start);
    case "percent":
      return `${start} %`;
    case "year":
      return `${start}–${start + scale.categories.width - 1}`;
  }
}

/** The distribution of one scale, a series per round shown (a hidden round has no bars). */
function distributionChart(
  statement: StatementSummary,
  scale: ScaleSummary,
  t: Translate,
  locale: Locale,
): ChartElement | null {
  const shown = scale.rounds.filter((r) => r.counts !== null).slice(-MAX_SERIES);
  if (shown.length === 0 || scale.categories.values.length === 0) return null;
  const categories = scale.categories.values.map((v) => categoryLabel(scale, v));
  const series = shown.map((r) => ({
    name: t("delphi.results.round", { round: r.round }),
    values: r.counts as number[],
  }));
  const title = `${statement.position}. ${t(`delphi.results.scale.${scale.scale.key}`)}`;
  return {
    type: "chart",
    kind: "bar",
    title,
    categories,
    series,
    valueLabel: t("delphi.results.answers"),
    summary: barChartSummary(`${title}: ${statement.text}`, categories, series, (s, c) =>
      number(series[s]!.values[c]!, locale),
    ),
  };
}
