// The minutes as a neutral list of blocks (title, headings, paragraphs, lists, tables), in the
// cluster's language: one layout (src/exports/doc-blocks.ts) that the Markdown and the DOCX renderers
// both draw.
export type { DocBlock };

import type { DocBlock } from "../../../exports/doc-blocks.ts";
import type { Locale } from "../../../kernel/domain/locale.ts";
import { delphiMinutesBlocks } from "../../delphi/index.ts";
import type { MinutesContent, MinutesMeasure } from "../domain/minutes-content.ts";
import { type MinutesLabeler, minutesLabels } from "./minutes-labels.ts";

export type MinutesMeta = {
  version: number;
  status: "DRAFT" | "APPROVED";
  approvedBy?: string | null;
  approvedAt?: Date | null;
};

// Intl formatters are costly to build (a DOCX of 300 measures would build 300): keep them.
const formatters = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

export function formatMinutesDate(iso: string | Date, locale: Locale, timeZone: string, withTime = true) {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  const key = `${locale}|${timeZone}|${withTime}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
      timeZone,
      dateStyle: "long",
      ...(withTime ? { timeStyle: "short" } : {}),
    });
    formatters.set(key, format);
  }
  return format.format(date);
}

function formatNumber(value: number, locale: Locale) {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/** Splits the secretary's text into paragraphs (blank lines) and keeps single line breaks as spaces. */
function paragraphs(text: string): DocBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean)
    .map((p) => ({ kind: "paragraph", text: p }));
}

function measureTable(rows: MinutesMeasure[], l: MinutesLabeler, locale: Locale, withProgress: boolean) {
  return {
    kind: "table" as const,
    header: [l("measure"), l("owner"), l("due"), l("status"), ...(withProgress ? [l("progress")] : [])],
    rows: rows.map((m) => [
      m.title,
      m.owner ?? l("formerMember"),
      formatMinutesDate(`${m.due}T12:00:00Z`, locale, "UTC", false),
      l(`status.${m.status}`),
      ...(withProgress ? [`${m.progress} %`] : []),
    ]),
  };
}

export function minutesDocument(content: MinutesContent, locale: Locale, meta: MinutesMeta): DocBlock[] {
  const l = minutesLabels(locale);
  const zone = content.cluster.timeZone;
  const blocks: DocBlock[] = [];
  const draft = meta.status === "DRAFT" ? ` (${l("draft")})` : "";
  blocks.push({ kind: "title", text: `${l("minutes")}: ${content.meeting.title}${draft}` });
  blocks.push({
    kind: "paragraph",
    text: [
      l("version", { version: meta.version }),
      meta.status === "APPROVED" && meta.approvedAt
        ? l("approved", {
            name: meta.approvedBy ?? "?",
            date: formatMinutesDate(meta.approvedAt, locale, zone, false),
          })
        : l("notApproved"),
    ].join(" · "),
  });
  blocks.push({
    kind: "table",
    header: [l("cluster"), content.cluster.name],
    rows: [
      [
        l("date"),
        content.meeting.startsAt ? formatMinutesDate(content.meeting.startsAt, locale, zone) : l("notSet"),
      ],
      [l("place"), content.meeting.location ?? l("notSet")],
    ],
  });

  blocks.push({ kind: "heading", level: 1, text: l("attendance") });
  const names = (list: string[]) => (list.length ? list.join(", ") : l("none"));
  blocks.push({
    kind: "bullets",
    items: [
      `${l("present")}: ${names(content.attendance.present)}`,
      `${l("absent")}: ${names(content.attendance.absent)}`,
      ...(content.attendance.unrecorded.length
        ? [`${l("unrecorded")}: ${names(content.attendance.unrecorded)}`]
        : []),
    ],
  });

  if (content.summary.trim()) {
    blocks.push({ kind: "heading", level: 1, text: l("opening") });
    blocks.push(...paragraphs(content.summary));
  }

  blocks.push({ kind: "heading", level: 1, text: l("agenda") });
  if (content.items.length)
    blocks.push({
      kind: "table",
      header: ["#", l("item"), l("outcome")],
      rows: content.items.map((i, n) => [String(n + 1), i.title, l(`outcome.${i.outcome}`)]),
    });
  else blocks.push({ kind: "paragraph", text: l("none") });

  if (content.discussion.trim()) {
    blocks.push({ kind: "heading", level: 1, text: l("discussion") });
    blocks.push(...paragraphs(content.discussion));
  }

  blocks.push({ kind: "heading", level: 1, text: l("decisions") });
  if (content.decisions.length)
    blocks.push({
      kind: "bullets",
      items: content.decisions.map((d) => (d.item ? `${d.item}: ${d.text}` : d.text)),
    });
  else blocks.push({ kind: "paragraph", text: l("none") });

  blocks.push({ kind: "heading", level: 1, text: l("newMeasures") });
  if (content.newMeasures.length) blocks.push(measureTable(content.newMeasures, l, locale, false));
  else blocks.push({ kind: "paragraph", text: l("none") });

  blocks.push({ kind: "heading", level: 1, text: l("followUp") });
  if (content.followUp.length) blocks.push(measureTable(content.followUp, l, locale, true));
  else blocks.push({ kind: "paragraph", text: l("none") });

  const pulse = content.pulse;
  if (pulse) {
    blocks.push({ kind: "heading", level: 2, text: l("pulse", { title: pulse.title }) });
    const rate = pulse.rate === null ? "–" : `${Math.round(pulse.rate * 100)} %`;
    blocks.push({
      kind: "paragraph",
      text: l("responseRate", { completed: pulse.completed, invited: pulse.invited, rate }),
    });
    blocks.push({
      kind: "bullets",
      items: pulse.questions.map((q) => {
        const parts = [l("answers", { n: q.n })];
        if (q.hidden) parts.push(l("hidden"));
        else {
          if (q.top) parts.push(l("top", { top: q.top }));
          if (q.mean !== null) parts.push(l("mean", { mean: formatNumber(q.mean, locale) }));
        }
        return `${q.text} — ${parts.join(", ")}`;
      }),
    });
  }

  blocks.push(...delphiMinutesBlocks(content.delphi, locale));

  if (content.nextSteps.trim()) {
    blocks.push({ kind: "heading", level: 1, text: l("nextSteps") });
    blocks.push(...paragraphs(content.nextSteps));
  }
  return blocks;
}

/** "minutes-spring-2027-v2.docx": ASCII, no spaces. */
export function minutesFilename(
  title: string,
  version: number,
  extension: string,
  prefix = "minutes",
): string {
  const slug =
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "meeting";
  return `${prefix}-${slug}-v${version}.${extension}`;
}
