// The chairs' report: a private message (skill demand across clusters with a native chart, the measures
// scorecard, upcoming meetings) and the same content as a Markdown briefing pack.

import { pngSize, renderChartPng } from "../../../exports/chart-image.ts";
import type { DocBlock } from "../../../exports/doc-blocks.ts";
import { DOCX_MIME, docx } from "../../../exports/docx.ts";
import type { Locale } from "../../../kernel/domain/locale.ts";
import { formatInZone } from "../../../kernel/domain/zoned-time.ts";
import type { Translate } from "../../../kernel/i18n/catalog.ts";
import { barChartSummary } from "../../../kernel/surface/chart-summary.ts";
import {
  type ChartElement,
  type Element,
  type FileAttachment,
  moment,
  text,
  type View,
  view,
  withoutMoments,
} from "../../../kernel/surface/view.ts";
import { chairsDelphiBlocks, chairsDelphiElements, chairsDelphiMarkdown } from "../../delphi/index.ts";
import { DOCX_LANG } from "../../minutes/index.ts";
import { MAX_CHART_CATEGORIES, type MatrixCell } from "../../pulses/index.ts";
import { themesElements, themesLines } from "../../signals/index.ts";
import type { ChairsReport, ClusterReport } from "../app/chairs-report.ts";

const percent = (share: number | null, locale: Locale) =>
  share === null ? "–" : new Intl.NumberFormat(locale, { style: "percent" }).format(share);

export function chairsReportView(report: ChairsReport, t: Translate, locale: Locale): View {
  const heading = t("chairs.heading", { forum: report.forumName, n: report.clusters.length });
  const elements: Element[] = [text(heading, "heading")];
  if (report.clusters.length === 0) {
    elements.push(text(t("chairs.noClusters")));
    return view(heading, ...elements);
  }
  elements.push(text(t("chairs.skills.heading"), "heading"));
  elements.push(text(sourceLines(report, t).join("\n"), "muted"));
  const horizons = report.matrix.filter((h) => h.rows.length > 0);
  if (horizons.length === 0) elements.push(text(t("chairs.skills.none")));
  for (const { horizon, rows } of horizons) {
    const lines = rows.map((row) => {
      const growing = report.clusters.filter((c) => row.cells[c.clusterId] === "GROWING").map((c) => c.name);
      const line = t("chairs.skills.row", { skill: row.skill, growing: row.growingIn, rated: row.ratedIn });
      return growing.length ? `• ${line} (${growing.join(", ")})` : `• ${line}`;
    });
    elements.push(text(`*${t("chairs.skills.horizon", { years: horizon })}*\n${lines.join("\n")}`));
  }
  if (horizons.length) elements.push(text(t("chairs.skills.rule"), "muted"));
  const chart = horizons.length ? skillChart(report, t) : scorecardChart(report, t);
  if (chart) elements.push(chart);
  elements.push({ type: "divider" });
  elements.push(text(t("chairs.scorecard.heading"), "heading"));
  elements.push(text(report.clusters.map((c) => `• ${scorecardLine(c, t, locale)}`).join("\n")));
  elements.push({ type: "divider" });
  elements.push(text(t("chairs.meetings.heading"), "heading"));
  elements.push(text(report.clusters.flatMap((c) => meetingLines(c, t, locale, true)).join("\n")));
  elements.push(...chairsDelphiElements(report.clusters, t));
  elements.push(...themesElements(report.themes, clusterNameIn(report), t));
  // Notifications and screen readers get the chart's figures too, not only the heading.
  return view(chart ? `${heading}\n${chart.summary}` : heading, ...elements);
}

const clusterNameIn = (report: ChairsReport) => (id: string) =>
  report.clusters.find((c) => c.clusterId === id)?.name ?? "";

function sourceLines(report: ChairsReport, t: Translate): string[] {
  return report.clusters.map((c) => {
    if (!c.pulse) return t("chairs.source.none", { cluster: c.name });
    const params = { cluster: c.name, title: c.pulse.title, n: c.pulse.respondents };
    return c.grid === "HIDDEN" ? t("chairs.source.hidden", params) : t("chairs.source.pulse", params);
  });
}

function scorecardLine(c: ClusterReport, t: Translate, locale: Locale): string {
  const s = c.scorecard;
  return t("chairs.scorecard.row", {
    cluster: c.name,
    open: s.open,
    onTrack: s.onTrack,
    overdue: s.overdue,
    done: s.done,
    onTime: percent(s.onTimeShare, locale),
  });
}

function meetingLines(c: ClusterReport, t: Translate, locale: Locale, moments: boolean): string[] {
  if (c.meetings.length === 0) return [`• ${t("chairs.meetings.none", { cluster: c.name })}`];
  return c.meetings.map((m) => {
    const when = formatInZone(m.startsAt, locale, c.timeZone, "dateTime");
    const line = t("chairs.meetings.row", {
      cluster: c.name,
      title: m.title,
      when: moments ? moment(m.startsAt, when) : when,
    });
    return `• ${line}${m.location ? ` – ${m.location}` : ""}`;
  });
}

/**
 * In how many clusters demand is growing, per skill, one series per horizon (so each skill is one
 * group of bars with its horizons in the legend); the skills first in any horizon's rows, up to the
 * chart's limit; the text above lists every row.
 */
function skillChart(report: ChairsReport, t: Translate): ChartElement | null {
  const withRows = report.matrix.filter((h) => h.rows.length > 0);
  const skills: string[] = [];
  for (const { rows } of withRows)
    for (const row of rows) if (!skills.includes(row.skill)) skills.push(row.skill);
  const categories = skills.slice(0, MAX_CHART_CATEGORIES);
  if (categories.length === 0) return null;
  const rowOf = (horizon: number, skill: string) =>
    withRows.find((h) => h.horizon === horizon)?.rows.find((r) => r.skill === skill);
  const series = withRows.map(({ horizon }) => ({
    name: t("chairs.skills.horizon", { years: horizon }),
    values: categories.map((skill) => rowOf(horizon, skill)?.growingIn ?? 0),
  }));
  const title = t("chairs.chart.skills");
  const summary = barChartSummary(title, categories, series, (s, c) => {
    const row = rowOf(withRows[s]!.horizon, categories[c]!);
    return row ? `${row.growingIn}/${row.ratedIn}` : "–";
  });
  return { type: "chart", kind: "bar", title, categories, series, summary };
}

/** Without skill figures: the measures per cluster, on track / overdue / done. */
function scorecardChart(report: ChairsReport, t: Translate): ChartElement | null {
  const clusters = report.clusters
    .filter((c) => c.scorecard.open + c.scorecard.done > 0)
    .slice(0, MAX_CHART_CATEGORIES);
  if (clusters.length === 0) return null;
  const categories = clusters.map((c) => c.name);
  const series = [
    { name: t("chairs.md.onTrack"), values: clusters.map((c) => c.scorecard.onTrack) },
    { name: t("chairs.md.overdue"), values: clusters.map((c) => c.scorecard.overdue) },
    { name: t("chairs.md.done"), values: clusters.map((c) => c.scorecard.done) },
  ];
  const title = t("chairs.chart.measures");
  const summary = barChartSummary(title, categories, series, (s, c) => String(series[s]!.values[c]));
  return { type: "chart", kind: "bar", title, categories, series, summary };
}

// --- the briefing pack -----------------------------------------------------------------------------

const CELL_MARK: Record<MatrixCell, string> = { GROWING: "▲", NOT_GROWING: "○", HIDDEN: "·", NO_DATA: "" };
const cellText = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
const row = (cells: string[]) => `| ${cells.map(cellText).join(" | ")} |`;
const table = (head: string[], rows: string[][]) =>
  [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");
/** Our markup is Slack-like `*bold*`; Markdown wants `**bold**`. */
const markdownBold = (s: string) => s.replace(/\*([^*\n]+)\*/g, "**$1**");

export function chairsReportMarkdown(report: ChairsReport, t: Translate, locale: Locale): string {
  const out: string[] = [];
  out.push(`# ${t("chairs.heading", { forum: report.forumName, n: report.clusters.length })}`);
  out.push(
    t("chairs.generated", { when: formatInZone(report.generatedAt, locale, report.timeZone, "dateTime") }),
  );
  if (report.clusters.length === 0) {
    out.push(t("chairs.noClusters"));
    return `${out.join("\n\n")}\n`;
  }
  out.push(`## ${t("chairs.skills.heading")}`);
  out.push(
    sourceLines(report, t)
      .map((l) => `- ${markdownBold(l)}`)
      .join("\n"),
  );
  const horizons = report.matrix.filter((h) => h.rows.length > 0);
  if (horizons.length === 0) out.push(t("chairs.skills.none"));
  for (const { horizon, rows } of horizons) {
    out.push(`### ${t("chairs.skills.horizon", { years: horizon })}`);
    out.push(
      table(
        [t("chairs.md.skill"), ...report.clusters.map((c) => c.name), t("chairs.md.growingIn")],
        rows.map((r) => [
          r.skill,
          ...report.clusters.map((c) => CELL_MARK[r.cells[c.clusterId] ?? "NO_DATA"]),
          `${r.growingIn}/${r.ratedIn}`,
        ]),
      ),
    );
  }
  if (horizons.length) out.push(`${t("chairs.md.legend")}\n\n${t("chairs.skills.rule")}`);
  out.push(`## ${t("chairs.scorecard.heading")}`);
  out.push(
    table(
      [
        t("chairs.md.cluster"),
        t("chairs.md.open"),
        t("chairs.md.onTrack"),
        t("chairs.md.overdue"),
        t("chairs.md.done"),
        t("chairs.md.onTime"),
      ],
      report.clusters.map((c) => [
        c.name,
        String(c.scorecard.open),
        String(c.scorecard.onTrack),
        String(c.scorecard.overdue),
        String(c.scorecard.done),
        percent(c.scorecard.onTimeShare, locale),
      ]),
    ),
  );
  out.push(`## ${t("chairs.meetings.heading")}`);
  out.push(
    report.clusters
      .flatMap((c) => meetingLines(c, t, locale, false))
      .map((l) => markdownBold(withoutMoments(l)).replace(/^• /, "- "))
      .join("\n"),
  );
  out.push(...chairsDelphiMarkdown(report.clusters, t));
  out.push(`## ${t("signal.radar.themes.heading")}`, t("signal.radar.themes.rule"));
  const themes = themesLines(report.themes, clusterNameIn(report), t);
  out.push(
    themes.length ? themes.map((l) => `- ${markdownBold(l)}`).join("\n") : t("signal.radar.themes.none"),
  );
  return `${out.join("\n\n")}\n`;
}

const plain = (s: string) => withoutMoments(s).replace(/\*([^*\n]+)\*/g, "$1");

/** The briefing pack as document blocks: the same content as the Markdown, for Word. */
/** Chart pictures for the pack (documents cannot hold the platforms' native charts). */
export type PackPictures = { skills?: DocBlock; measures?: DocBlock };

export function chairsReportBlocks(
  report: ChairsReport,
  t: Translate,
  locale: Locale,
  pictures: PackPictures = {},
): DocBlock[] {
  const blocks: DocBlock[] = [
    { kind: "title", text: t("chairs.heading", { forum: report.forumName, n: report.clusters.length }) },
    {
      kind: "paragraph",
      text: t("chairs.generated", {
        when: formatInZone(report.generatedAt, locale, report.timeZone, "dateTime"),
      }),
    },
  ];
  if (report.clusters.length === 0) return [...blocks, { kind: "paragraph", text: t("chairs.noClusters") }];
  blocks.push({ kind: "heading", level: 1, text: t("chairs.skills.heading") });
  blocks.push({ kind: "bullets", items: sourceLines(report, t).map(plain) });
  const horizons = report.matrix.filter((h) => h.rows.length > 0);
  if (horizons.length === 0) blocks.push({ kind: "paragraph", text: t("chairs.skills.none") });
  for (const { horizon, rows } of horizons) {
    blocks.push({ kind: "heading", level: 2, text: t("chairs.skills.horizon", { years: horizon }) });
    blocks.push({
      kind: "table",
      header: [t("chairs.md.skill"), ...report.clusters.map((c) => c.name), t("chairs.md.growingIn")],
      rows: rows.map((r) => [
        r.skill,
        ...report.clusters.map((c) => CELL_MARK[r.cells[c.clusterId] ?? "NO_DATA"]),
        `${r.growingIn}/${r.ratedIn}`,
      ]),
    });
  }
  if (horizons.length) {
    blocks.push({ kind: "paragraph", text: t("chairs.md.legend") });
    blocks.push({ kind: "paragraph", text: t("chairs.skills.rule") });
    if (pictures.skills) blocks.push(pictures.skills);
  }
  blocks.push({ kind: "heading", level: 1, text: t("chairs.scorecard.heading") });
  blocks.push({
    kind: "table",
    header: [
      t("chairs.md.cluster"),
      t("chairs.md.open"),
      t("chairs.md.onTrack"),
      t("chairs.md.overdue"),
      t("chairs.md.done"),
      t("chairs.md.onTime"),
    ],
    rows: report.clusters.map((c) => [
      c.name,
      String(c.scorecard.open),
      String(c.scorecard.onTrack),
      String(c.scorecard.overdue),
      String(c.scorecard.done),
      percent(c.scorecard.onTimeShare, locale),
    ]),
  });
  if (pictures.measures) blocks.push(pictures.measures);
  blocks.push({ kind: "heading", level: 1, text: t("chairs.meetings.heading") });
  blocks.push({
    kind: "bullets",
    items: report.clusters
      .flatMap((c) => meetingLines(c, t, locale, false))
      .map((l) => plain(l).replace(/^• /, "")),
  });
  blocks.push(...chairsDelphiBlocks(report.clusters, t));
  blocks.push({ kind: "heading", level: 1, text: t("signal.radar.themes.heading") });
  blocks.push({ kind: "paragraph", text: t("signal.radar.themes.rule") });
  const themes = themesLines(report.themes, clusterNameIn(report), t).map(plain);
  blocks.push(
    themes.length
      ? { kind: "bullets", items: themes }
      : { kind: "paragraph", text: t("signal.radar.themes.none") },
  );
  return blocks;
}

/**
 * The briefing pack for the person who asked: DOCX for Word, and the same as Markdown. The DOCX is
 * tagged with the reader's language (the text is theirs), so Word checks the right spelling.
 */
export async function chairsReportFiles(
  report: ChairsReport,
  t: Translate,
  locale: Locale,
): Promise<FileAttachment[]> {
  const base = `chairs-report-${report.generatedAt.toISOString().slice(0, 10)}`;
  const pictures: PackPictures = {};
  const skills = skillChart(report, t);
  if (skills) pictures.skills = await picture(skills, locale);
  const measures = scorecardChart(report, t);
  if (measures) pictures.measures = await picture(measures, locale);
  const document = await docx(chairsReportBlocks(report, t, locale, pictures), {
    date: report.generatedAt,
    lang: DOCX_LANG[locale],
  });
  return [
    {
      filename: `${base}.docx`,
      mimeType: DOCX_MIME,
      title: t("chairs.pack.title"),
      content: document.toString("base64"),
    },
    {
      filename: `${base}.md`,
      mimeType: "text/markdown",
      title: `${t("chairs.pack.title")} (Markdown)`,
      content: Buffer.from(chairsReportMarkdown(report, t, locale), "utf8").toString("base64"),
    },
  ];
}

/** A chart drawn as a PNG for the pack, with its summary as the picture's alternative text. */
async function picture(chart: ChartElement, locale: Locale): Promise<DocBlock> {
  const png = await renderChartPng(chart, { locale });
  const { width, height } = pngSize(png);
  return { kind: "image", png, width, height, alt: chart.summary, title: chart.title };
}
