// CSV files people open in a spreadsheet. One format per language (csvOptionsFor): fi/sv/nl get ";"
// and a decimal comma, en gets "," and a decimal point, so numbers are read as numbers; timestamps are
// local date-times of the cluster's zone; header labels are in the reader's language. Quoting is
// RFC 4180 (csv-stringify); text cells a spreadsheet would run as a formula (= + - @, tab, CR, also
// their full-width forms) get a leading apostrophe (OWASP "CSV injection"); numbers stay numbers.
//
// Two pulse exports:
// - answersCsv: long format, one row per answered item. An answer is one row, except that a multiple
//   choice answer gives a row per ticked option (or one empty row when nothing was ticked) and a
//   skill-grid answer gives a row per rated skill and horizon; the rows of one answer share the
//   response number and the question key, so a pivot table rebuilds any view.
//   Anonymous pulses: no name, organisation or time; responses are numbered in an order derived
//   from their content, not from submission; a stakeholder type is written only when its group has
//   at least 3 responses (with complementary hiding, as in the summaries), otherwise left blank like
//   an unspecified one.
// - summaryCsv: long format, one row per figure (question, group, item, horizon, statistic, value).
import { stringify } from "csv-stringify/sync";
import type { Locale } from "../kernel/domain/locale.ts";
import { utcToZoned } from "../kernel/domain/zoned-time.ts";

export type CsvCell = string | number | boolean | Date | null | undefined;

/** How one CSV file is written: everything that depends on the spreadsheet's language settings. */
export type CsvFormat = {
  locale: Locale;
  /** "," where the decimal mark is a point (en); ";" where it is a comma (fi, sv, nl), as Excel expects. */
  delimiter: "," | ";";
  decimalMark: "." | ",";
  /** Byte order mark first, so Excel opens the file as UTF-8. */
  bom: boolean;
  recordDelimiter: "\r\n";
  /** Time zone of the timestamps (the cluster's): written as local "YYYY-MM-DD HH:MM:SS". */
  timeZone: string;
  /** Prefix formula-like text with an apostrophe (default true). */
  guardFormulas?: boolean;
};

const DECIMAL_COMMA: Readonly<Record<Locale, boolean>> = { fi: true, sv: true, nl: true, en: false };

/** The one place that decides separator, decimal mark, BOM and line ending for a language. */
export function csvOptionsFor(locale: Locale, timeZone = "UTC"): CsvFormat {
  const comma = DECIMAL_COMMA[locale];
  return {
    locale,
    delimiter: comma ? ";" : ",",
    decimalMark: comma ? "," : ".",
    bom: true,
    recordDelimiter: "\r\n",
    timeZone,
  };
}

export const UTF8_BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const MINUTE = 60_000;

/**
 * A number as the file's spreadsheet reads a number: plain digits, no grouping, the file's decimal
 * mark ("0,452" in a ";" file; "0.452" there would be text or a date such as 1 May for "1.5").
 */
export function csvNumber(value: number, format: Pick<CsvFormat, "decimalMark">): string {
  if (!Number.isFinite(value)) return "";
  // Up to 15 significant digits, never exponent notation (which spreadsheets may read as text).
  const text = Math.abs(value) < 1e21 ? value.toFixed(20).replace(/\.?0+$/, "") : String(value);
  const exact = String(value).includes("e") ? text : String(value);
  return format.decimalMark === "," ? exact.replace(".", ",") : exact;
}

/** "2027-03-10 10:00:00": the wall clock of `timeZone`, in the form every spreadsheet reads as a date-time. */
export function csvDateTime(instant: Date, timeZone: string): string {
  if (Number.isNaN(instant.getTime())) return "";
  const wall = new Date(instant.getTime() + utcToZoned(instant, timeZone).offsetMinutes * MINUTE);
  return wall.toISOString().slice(0, 19).replace("T", " ");
}

/**
 * RFC 4180 text by csv-stringify: fields with the delimiter, a quote, CR or LF are quoted and quotes
 * doubled; every record ends in CRLF. Text a spreadsheet would run as a formula gets an apostrophe.
 */
export function toCsv(
  rows: readonly (readonly CsvCell[])[],
  format: CsvFormat = csvOptionsFor("en"),
): string {
  const guard = format.guardFormulas ?? true;
  return stringify(
    rows.map((row) => [...row]),
    {
      delimiter: format.delimiter,
      record_delimiter: "windows",
      bom: format.bom,
      // csv-stringify quotes only the record delimiter itself; a bare LF or CR must be quoted too.
      quoted_match: /[\r\n]/,
      cast: {
        number: (value) => csvNumber(value, format),
        bigint: (value) => String(value),
        boolean: (value) => (value ? "true" : "false"),
        date: (value) => csvDateTime(value, format.timeZone),
        string: (value) => (guard && FORMULA_START.test(value) ? `'${value}` : value),
      },
    },
  );
}

/** "Kevät 2027 pulssi" → "kevat-2027-pulssi-answers.csv": ASCII only, safe as a chat upload name. */
export function csvFilename(title: string, suffix: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${base || "pulse"}-${suffix}.csv`;
}
