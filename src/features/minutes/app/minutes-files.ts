// The files `/cluster minutes` delivers: the minutes as DOCX and Markdown, and the measures they
// list (new ones and the follow-up) as a CSV register, all in the cluster's language.

import { type CsvFormat, csvOptionsFor, toCsv } from "../../../exports/csv.ts";
import { DOCX_MIME, docx } from "../../../exports/docx.ts";
import type { Locale } from "../../../kernel/domain/locale.ts";
import type { MinutesContent } from "../domain/minutes-content.ts";
import { type MinutesMeta, minutesDocument, minutesFilename } from "./minutes-document.ts";
import { minutesLabels } from "./minutes-labels.ts";
import { renderMarkdown } from "./minutes-markdown.ts";

/** The BCP 47 tag a document in `locale` is marked with (Word's spelling checker, dc:language). */
export const DOCX_LANG: Record<Locale, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB", nl: "nl-NL" };

export type MinutesFile = { filename: string; mimeType: string; bytes: Buffer };

export function measuresCsv(
  content: MinutesContent,
  locale: Locale,
  options: CsvFormat = csvOptionsFor(locale, content.cluster.timeZone),
): string {
  const l = minutesLabels(locale);
  const rows = [
    ...content.newMeasures.map((m) => ({ ...m, section: l("newMeasures") })),
    ...content.followUp.map((m) => ({ ...m, section: l("followUp") })),
  ];
  return toCsv(
    [
      [l("measure"), l("owner"), l("due"), l("status"), l("progress"), l("minutes")],
      ...rows.map((m) => [
        m.title,
        m.owner ?? l("formerMember"),
        m.due,
        l(`status.${m.status}`),
        m.progress,
        m.section,
      ]),
    ],
    options,
  );
}

export async function minutesFiles(
  content: MinutesContent,
  locale: Locale,
  meta: MinutesMeta,
  csvOptions: CsvFormat = csvOptionsFor(locale, content.cluster.timeZone),
): Promise<MinutesFile[]> {
  const blocks = minutesDocument(content, locale, meta);
  const title = content.meeting.title;
  const l = minutesLabels(locale);
  return [
    {
      filename: minutesFilename(title, meta.version, "docx", l("minutes").toLowerCase()),
      mimeType: DOCX_MIME,
      bytes: await docx(blocks, {
        lang: DOCX_LANG[locale],
        ...(meta.approvedAt ? { date: meta.approvedAt } : {}),
      }),
    },
    {
      filename: minutesFilename(title, meta.version, "md", l("minutes").toLowerCase()),
      mimeType: "text/markdown",
      bytes: Buffer.from(renderMarkdown(blocks), "utf8"),
    },
    {
      filename: minutesFilename(title, meta.version, "csv", l("registerFile")),
      mimeType: "text/csv",
      bytes: Buffer.from(measuresCsv(content, locale, csvOptions), "utf8"),
    },
  ];
}
