// The chairs' report's "emerging themes across clusters": the signals of the last THEME_MONTHS months
// of the forum's clusters, grouped by domain/themes.ts. One bounded read for the whole workspace
// (newest first through the (clusterId, createdAt) index, at most THEME_SIGNALS rows).
import type { Tx } from "../../../kernel/app/tx.ts";
import { type Locale, toLocale } from "../../../kernel/domain/locale.ts";
import { monthsBefore } from "../domain/strength.ts";
import { groupThemes, type Theme } from "../domain/themes.ts";
import { wordTools } from "./word-tools.ts";

export const THEME_MONTHS = 6;
/** Themes shown; and the signals read (the newest), so the report's cost has a ceiling. */
export const THEMES_SHOWN = 10;
export const THEME_SIGNALS = 2000;

export type EmergingThemes = { since: Date; themes: Theme[] };

export async function emergingThemes(
  tx: Tx,
  clusters: readonly { id: string; locale: string }[],
  now: Date,
  timeZone: string,
): Promise<EmergingThemes> {
  const since = monthsBefore(now, THEME_MONTHS, timeZone);
  if (clusters.length < 2) return { since, themes: [] };
  const languageOf = new Map(clusters.map((c) => [c.id, toLocale(c.locale) ?? ("en" as Locale)]));
  const signals = await tx.signal.findMany({
    where: { clusterId: { in: clusters.map((c) => c.id) }, createdAt: { gte: since } },
    select: { id: true, clusterId: true, category: true, title: true, description: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: THEME_SIGNALS,
  });
  const themes = groupThemes(
    signals.map((s) => ({ ...s, language: languageOf.get(s.clusterId) ?? "en" })),
    wordTools(),
  );
  return { since, themes: themes.slice(0, THEMES_SHOWN) };
}
