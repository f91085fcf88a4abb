// A member's Delphi sheet in their personal chat: the statements with progress; an "Answer" button on
// each statement not yet answered in this round (a small form), the group so far on those answered,
// "Explain my view" where the member's answer lies outside the middle range; in later rounds the
// previous round's distribution, figures and reasons. Drawn again (replace) after every answer.
import type { Locale } from "../../../kernel/domain/locale.ts";
import { formatInZone } from "../../../kernel/domain/zoned-time.ts";
import type { Translate } from "../../../kernel/i18n/catalog.ts";
import { type ButtonElement, type Element, moment, text, type View } from "../../../kernel/surface/view.ts";
import type { DelphiSheet, ScaleFigures, SheetStatement } from "../app/delphi-sheet.ts";
import type { Rating, Scale, Scales } from "../domain/scales.ts";
import { iqrChange } from "../domain/stats.ts";

export const DELPHI_ACTIONS = {
  answer: "ennakko.delphi.answer",
  explain: "ennakko.delphi.explain",
  /** One click answers a Delphi rated on one 1–5 scale: "delphiId|statementId|round|value". */
  rate: "ennakko.delphi.rate",
} as const;

/**
 * A Delphi rated on one 1–5 scale is answered with a button per value in the sheet itself, like a
 * pulse's Likert questions: no form to open. A form per statement would cost a Slack views.open each,
 * which Slack allows about 100 times a minute per workspace, far fewer than a cluster answering at once.
 */
export const oneClickScale = (scales: Scales): Scale | null =>
  scales.length === 1 && scales[0]!.kind === "likert5" ? scales[0]! : null;

/** The statement and value of a one-click answer; null for anything else. */
export function parseRateClick(raw: string): (StatementClick & { value: number }) | null {
  const cut = raw.lastIndexOf("|");
  const click = cut > 0 ? parseStatementClick(raw.slice(0, cut)) : null;
  const value = raw.slice(cut + 1);
  return click && /^[1-5]$/.test(value) ? { ...click, value: Number(value) } : null;
}

/** 1–5 names its ends ("1 – very unlikely"); other values read as themselves. */
export function optionLabel(t: Translate, scale: Scale, v: number, locale?: Locale): string {
  if (scale.kind !== "likert5" || scale.key === "year") return valueText(scale, v, locale ?? "en");
  if (v === 1) return `1 – ${t(`delphi.low.${scale.key}`)}`;
  if (v === 5) return `5 – ${t(`delphi.high.${scale.key}`)}`;
  return String(v);
}

/** "delphiId|statementId|round": which statement of which round a button is about. */
export type StatementClick = { delphiId: string; statementId: string; round: number };

export const statementValue = (c: StatementClick) => [c.delphiId, c.statementId, c.round].join("|");

export function parseStatementClick(raw: string): StatementClick | null {
  const [delphiId, statementId, round, ...extra] = raw.split("|");
  if (!delphiId || !statementId || !round || extra.length > 0 || !/^\d{1,3}$/.test(round)) return null;
  return { delphiId, statementId, round: Number(round) };
}

const number = (n: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);

/** A value of a scale in words: "4", "40 %", "2031". */
export function valueText(scale: Scale, value: number, locale: Locale): string {
  return scale.kind === "percent" ? `${number(value, locale)} %` : String(value);
}

function ratingText(scales: Scales, rating: Rating, t: Translate, locale: Locale): string {
  return scales
    .filter((s) => rating[s.key] !== undefined)
    .map((s) => `${t(`delphi.scale.${s.key}`)} ${valueText(s, rating[s.key]!, locale)}`)
    .join(" · ");
}

function figuresText(scales: Scales, figures: ScaleFigures, t: Translate, locale: Locale): string {
  return scales
    .map((s) => {
      const f = figures[s.key];
      if (!f) return `${t(`delphi.scale.${s.key}`)}: ${t("delphi.sheet.fromThree")}`;
      return t("delphi.sheet.figure", {
        scale: t(`delphi.scale.${s.key}`),
        median: valueText(s, f.median, locale),
        low: valueText(s, f.q1, locale),
        high: valueText(s, f.q3, locale),
      });
    })
    .join("\n");
}

function previousLines(sheet: DelphiSheet, s: SheetStatement, t: Translate, locale: Locale): string[] {
  const p = s.previous;
  if (!p) return [];
  const lines = [t("delphi.sheet.previous", { round: p.round, n: p.answers })];
  for (const scale of sheet.scales) {
    const f = p.figures[scale.key];
    const counts = (p.counts[scale.key] ?? [])
      .map((c) => `${scale.kind === "percent" ? `${c.label} %` : c.label}: ${c.count}`)
      .join(", ");
    const figure = f
      ? t("delphi.sheet.figure", {
          scale: t(`delphi.scale.${scale.key}`),
          median: valueText(scale, f.median, locale),
          low: valueText(scale, f.q1, locale),
          high: valueText(scale, f.q3, locale),
        })
      : `${t(`delphi.scale.${scale.key}`)}: ${t("delphi.sheet.fromThree")}`;
    lines.push(f && counts ? `${figure} (${counts})` : figure);
  }
  for (const r of p.reasons)
    lines.push(
      `> “${r.text}”${r.side ? ` ${t(r.side === "below" ? "delphi.sheet.reasonBelow" : "delphi.sheet.reasonAbove")}` : ""}`,
    );
  return lines;
}

/** "You moved from 2 to 3; the group's median moved from 3 to 3, the range narrowed 2 → 1." */
function movedLines(sheet: DelphiSheet, s: SheetStatement, t: Translate, locale: Locale): string[] {
  if (!s.own || !s.ownPrevious) return [];
  return sheet.scales.flatMap((scale) => {
    const before = s.ownPrevious?.[scale.key];
    const now = s.own?.[scale.key];
    if (before === undefined || now === undefined) return [];
    const params = {
      scale: t(`delphi.scale.${scale.key}`),
      from: valueText(scale, before, locale),
      to: valueText(scale, now, locale),
    };
    const was = s.previous?.figures[scale.key] ?? null;
    const is = s.group?.[scale.key] ?? null;
    const change = iqrChange(was, is);
    if (!was || !is || change === null) return [t("delphi.sheet.moved", params)];
    const range = t(
      change < 0 ? "delphi.sheet.narrowed" : change > 0 ? "delphi.sheet.widened" : "delphi.sheet.sameRange",
      {
        from: number(was.iqr, locale),
        to: number(is.iqr, locale),
      },
    );
    return [
      t("delphi.sheet.movedWithGroup", {
        ...params,
        medianFrom: valueText(scale, was.median, locale),
        medianTo: valueText(scale, is.median, locale),
        range,
      }),
    ];
  });
}

function statementElements(sheet: DelphiSheet, s: SheetStatement, t: Translate, locale: Locale): Element[] {
  const lines = [`*${s.position + 1}. ${s.text}*`, ...previousLines(sheet, s, t, locale)];
  if (s.answered) {
    lines.push(
      s.own
        ? t("delphi.sheet.yourAnswer", { answer: ratingText(sheet.scales, s.own, t, locale) })
        : t("delphi.sheet.answered"),
    );
    lines.push(...movedLines(sheet, s, t, locale));
    if (s.group)
      lines.push(`${t("delphi.sheet.groupSoFar")}\n${figuresText(sheet.scales, s.group, t, locale)}`);
  }
  // The ask joins the statement's text: a sheet of 20 statements must stay within Slack's 50 blocks.
  if (sheet.open && s.explainSide)
    lines.push(`_${t(s.explainSide === "below" ? "delphi.sheet.askBelow" : "delphi.sheet.askAbove")}_`);
  const out: Element[] = [text(lines.join("\n"))];
  const click = statementValue({ delphiId: sheet.delphiId, statementId: s.id, round: sheet.round });
  const buttons: ButtonElement[] = [];
  const oneClick = oneClickScale(sheet.scales);
  if (sheet.open && !s.answered && oneClick)
    for (const v of [1, 2, 3, 4, 5])
      buttons.push({
        type: "button",
        actionId: DELPHI_ACTIONS.rate,
        label: optionLabel(t, oneClick, v),
        value: `${click}|${v}`,
      });
  // With one 1–5 scale the form stays for an answer with a reason.
  if (sheet.open && !s.answered)
    buttons.push({
      type: "button",
      actionId: DELPHI_ACTIONS.answer,
      label: t(oneClick ? "delphi.sheet.answerWithReason" : "delphi.sheet.answer"),
      value: click,
      ...(oneClick ? {} : { style: "primary" as const }),
    });
  if (sheet.open && s.explainSide)
    buttons.push({
      type: "button",
      actionId: DELPHI_ACTIONS.explain,
      label: t("delphi.sheet.explain"),
      value: click,
    });
  if (buttons.length) out.push({ type: "actions", buttons });
  return out;
}

/** `notice`: why the last click changed nothing, drawn on top of the sheet. */
export function delphiSheetView(sheet: DelphiSheet, t: Translate, locale: Locale, notice?: string): View {
  const heading = t("delphi.sheet.heading", { title: sheet.title, cluster: sheet.clusterName });
  const answered = sheet.statements.filter((s) => s.answered).length;
  const closes = sheet.closesAt
    ? moment(sheet.closesAt, formatInZone(sheet.closesAt, locale, sheet.timeZone, "dateTime"))
    : null;
  const elements: Element[] = [
    text(heading, "heading"),
    ...(notice ? [text(`⚠️ ${notice}`)] : []),
    text(
      sheet.open && closes
        ? t("delphi.sheet.round", { round: sheet.round, when: closes })
        : t("delphi.sheet.roundClosed", { round: sheet.round }),
    ),
    text(t("delphi.sheet.anonymous"), "muted"),
    text(t("delphi.sheet.progress", { answered, total: sheet.statements.length })),
    { type: "divider" },
  ];
  for (const s of sheet.statements) elements.push(...statementElements(sheet, s, t, locale));
  return { fallback: heading, elements };
}
