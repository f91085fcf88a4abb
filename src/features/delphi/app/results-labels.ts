// The words of Delphi results that leave the chat as data — the agenda item's details, the CSV
// headers, the minutes' lines — in the cluster's (or the reader's) language. The chat's own words are
// in messages/results-*.ts; these are here because app/ writes them into rows and files.
import type { Locale } from "../../../kernel/domain/locale.ts";
import type { ScaleKey } from "../domain/scales.ts";
import type { GroupFigures } from "../domain/stats.ts";

const en = {
  delphi: "Delphi",
  disagreement: "Persistent disagreement",
  delphiRound: "{title}, round {round}",
  probability: "Probability",
  desirability: "Desirability",
  impact: "Impact",
  year: "Year",
  round: "Round",
  statement: "Statement",
  position: "No.",
  scale: "Scale",
  n: "Answers",
  median: "Median",
  q1: "Q1",
  q3: "Q3",
  iqr: "IQR",
  consensus: "Consensus",
  yes: "yes",
  no: "no",
  hidden: "fewer than 3 answers",
  side: "Side",
  below: "below the middle range",
  above: "above the middle range",
  free: "given with the answer",
  reason: "Reason",
  details: "Delphi “{title}”, round {round}:",
};
type Label = keyof typeof en;

const fi: Record<Label, string> = {
  delphi: "Delfoi",
  disagreement: "Pysyvä erimielisyys",
  delphiRound: "{title}, kierros {round}",
  probability: "Todennäköisyys",
  desirability: "Toivottavuus",
  impact: "Vaikuttavuus",
  year: "Vuosi",
  round: "Kierros",
  statement: "Väite",
  position: "Nro",
  scale: "Asteikko",
  n: "Vastauksia",
  median: "Mediaani",
  q1: "Q1",
  q3: "Q3",
  iqr: "Kvartiiliväli",
  consensus: "Yksimielisyys",
  yes: "kyllä",
  no: "ei",
  hidden: "alle 3 vastausta",
  side: "Puoli",
  below: "keskialueen alapuolella",
  above: "keskialueen yläpuolella",
  free: "annettu vastauksen yhteydessä",
  reason: "Perustelu",
  details: "Delfoi-kysely ”{title}”, kierros {round}:",
};

const sv: Record<Label, string> = {
  delphi: "Delfi",
  disagreement: "Bestående oenighet",
  delphiRound: "{title}, omgång {round}",
  probability: "Sannolikhet",
  desirability: "Önskvärdhet",
  impact: "Påverkan",
  year: "År",
  round: "Omgång",
  statement: "Påstående",
  position: "Nr",
  scale: "Skala",
  n: "Svar",
  median: "Median",
  q1: "Q1",
  q3: "Q3",
  iqr: "Kvartilavstånd",
  consensus: "Konsensus",
  yes: "ja",
  no: "nej",
  hidden: "färre än 3 svar",
  side: "Sida",
  below: "under mittintervallet",
  above: "över mittintervallet",
  free: "givet med svaret",
  reason: "Motivering",
  details: "Delfistudien ”{title}”, omgång {round}:",
};

const nl: Record<Label, string> = {
  delphi: "Delphi",
  disagreement: "Blijvende onenigheid",
  delphiRound: "{title}, ronde {round}",
  probability: "Waarschijnlijkheid",
  desirability: "Wenselijkheid",
  impact: "Impact",
  year: "Jaar",
  round: "Ronde",
  statement: "Stelling",
  position: "Nr.",
  scale: "Schaal",
  n: "Antwoorden",
  median: "Mediaan",
  q1: "Q1",
  q3: "Q3",
  iqr: "Interkwartielafstand",
  consensus: "Consensus",
  yes: "ja",
  no: "nee",
  hidden: "minder dan 3 antwoorden",
  side: "Kant",
  below: "onder het middengebied",
  above: "boven het middengebied",
  free: "bij het antwoord gegeven",
  reason: "Toelichting",
  details: "Delphi-studie “{title}”, ronde {round}:",
};

const LABELS: Record<Locale, Record<Label, string>> = { en, fi, sv, nl };

export type ResultsLabeler = (label: Label, params?: Record<string, string | number>) => string;

export function resultsLabels(locale: Locale): ResultsLabeler {
  const table = LABELS[locale];
  return (label, params = {}) =>
    table[label].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

export const scaleLabel = (l: ResultsLabeler, key: ScaleKey) => l(key);

/** "median 3, IQR 1 (3–4), consensus: yes" in the labeler's language; decimals as the locale writes them. */
export function figuresLine(l: ResultsLabeler, locale: Locale, figures: GroupFigures | null): string {
  if (!figures) return l("hidden");
  const num = (x: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(x);
  return `${l("median").toLowerCase()} ${num(figures.median)}, ${l("iqr")} ${num(figures.iqr)} (${num(figures.q1)}–${num(figures.q3)}), ${l("consensus").toLowerCase()}: ${l(figures.consensus ? "yes" : "no")}`;
}
