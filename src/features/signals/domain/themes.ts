// Emerging themes across clusters: signals of similar topic seen in several clusters, found by shared
// PESTEL category and shared words. Pure: the stop words and stemmers come in as `WordTools` (the app
// builds them from stopwords-iso and snowball-stemmers), so the rules can be tested with real phrases.
//
// Words: title + description, lowercased, split on anything that is not a letter or digit; the text's
// language is guessed from its stop words (the language whose stop words occur most; none or a tie →
// the cluster's language); that language's stop words are dropped, and each remaining word is stemmed
// with that language's stemmer only. Why one stemmer, not all four: stemming a Finnish word with the
// English or Dutch stemmer yields stems that mean nothing and collide by chance, while the one real
// gain (a Finnish cluster writing in English) is what the stop-word guess already gives. Numbers and
// stems shorter than 3 letters are not significant (every signal names a year).
//
// A theme: signals of one category from at least 2 clusters linked by sharing at least
// MIN_SHARED_STEMS significant stems (not a stop word, not a number, at least 3 letters, and not in
// most of the category's signals: COMMON_STEM_SHARE) (signals linked in a chain form one theme). Two, not one: with
// one, a shared common verb ("kasvavat", "ökar", "increase") or a place name joins unrelated signals,
// and chains merge whole categories (see the tests' phrases). What word matching can and cannot find:
// the same language in two clusters matches well ("Vetytalouden investoinnit" in both); different
// languages rarely share a stem — only loanwords and names do (sv "batterier" and en "battery" both
// stem to "batteri"); "vety", "vätgas", "hydrogen" and "waterstof" never meet; and Finnish and Swedish
// compounds ("Vetyinvestoinnit", "Vätgasinvesteringar") share nothing with their split forms.
import { LOCALES, type Locale } from "../../../kernel/domain/locale.ts";
import type { PestelCategory as Pestel } from "./signal-rules.ts";

export const MIN_SHARED_STEMS = 2;
/**
 * A stem in more than this share of a category's signals says nothing about a topic (every signal of
 * a Lapland workspace says "Lapland"): it is not significant, once the category holds
 * COMMON_STEM_MIN_SIGNALS signals (below that, shares mean little).
 */
export const COMMON_STEM_SHARE = 0.4;
export const COMMON_STEM_MIN_SIGNALS = 10;
export const MIN_STEM_LENGTH = 3;
/** Words shown per theme. */
export const THEME_WORDS_SHOWN = 4;

export type WordTools = {
  stopWords: (language: Locale) => ReadonlySet<string>;
  stem: (language: Locale, word: string) => string;
};

/** Lowercased words of letters and digits (hyphens and apostrophes split words). */
export function words(text: string): string[] {
  return text.toLocaleLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The language whose stop words occur most in `list`; none or a tie that includes `fallback` → fallback. */
export function guessLanguage(list: readonly string[], fallback: Locale, tools: WordTools): Locale {
  const hits = LOCALES.map((language) => {
    const stop = tools.stopWords(language);
    return { language, n: list.filter((w) => stop.has(w)).length };
  });
  const best = Math.max(...hits.map((h) => h.n));
  if (best === 0) return fallback;
  const top = hits.filter((h) => h.n === best).map((h) => h.language);
  return top.includes(fallback) ? fallback : top[0]!;
}

/** The significant stems of a text, each with the first word it came from (what a reader recognises). */
export function terms(text: string, fallback: Locale, tools: WordTools): Map<string, string> {
  const list = words(text);
  const language = guessLanguage(list, fallback, tools);
  const stop = tools.stopWords(language);
  const out = new Map<string, string>();
  for (const word of list) {
    if (stop.has(word) || /^\p{N}+$/u.test(word)) continue;
    const stem = tools.stem(language, word);
    if (stem.length < MIN_STEM_LENGTH || out.has(stem)) continue;
    out.set(stem, word);
  }
  return out;
}

export type ThemeSignal = {
  id: string;
  clusterId: string;
  category: Pestel;
  title: string;
  description: string;
  /** The cluster's language: the guess when the text's own stop words do not tell. */
  language: Locale;
};

export type Theme = {
  category: Pestel;
  /** Words shared by at least two clusters, as someone wrote them (never a stem), most shared first. */
  words: string[];
  /** Signals in the theme per cluster, most first; never who saved them. */
  counts: { clusterId: string; signals: number }[];
  signals: number;
};

/** Themes across clusters, most clusters first, then most signals. */
export function groupThemes(signals: readonly ThemeSignal[], tools: WordTools): Theme[] {
  const themes: Theme[] = [];
  const byCategory = new Map<Pestel, ThemeSignal[]>();
  for (const s of signals) byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s]);
  for (const [category, list] of byCategory) {
    const termsOf = withoutCommonStems(
      list.map((s) => terms(`${s.title} ${s.description}`, s.language, tools)),
    );
    for (const members of linkedGroups(list, termsOf)) themes.push(themeOf(category, members, list, termsOf));
  }
  return themes
    .filter((t) => t.counts.length >= 2)
    .sort(
      (a, b) =>
        b.counts.length - a.counts.length ||
        b.signals - a.signals ||
        (a.words.join() < b.words.join() ? -1 : 1),
    );
}

/** Drops the stems found in more than COMMON_STEM_SHARE of the signals (see there). */
function withoutCommonStems(termsOf: Map<string, string>[]): Map<string, string>[] {
  if (termsOf.length < COMMON_STEM_MIN_SIGNALS) return termsOf;
  const holders = new Map<string, number>();
  for (const t of termsOf) for (const stem of t.keys()) holders.set(stem, (holders.get(stem) ?? 0) + 1);
  const common = new Set(
    [...holders].filter(([, n]) => n / termsOf.length > COMMON_STEM_SHARE).map(([s]) => s),
  );
  if (common.size === 0) return termsOf;
  return termsOf.map((t) => new Map([...t].filter(([stem]) => !common.has(stem))));
}

/** Groups of signal indexes joined by ≥ MIN_SHARED_STEMS shared stems across two clusters (union-find). */
function linkedGroups(list: readonly ThemeSignal[], termsOf: Map<string, string>[]): number[][] {
  const parent = list.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // Pairs that share a stem, counted through an index by stem: only pairs with something in common.
  const byStem = new Map<string, number[]>();
  termsOf.forEach((t, i) => {
    for (const stem of t.keys()) byStem.set(stem, [...(byStem.get(stem) ?? []), i]);
  });
  const shared = new Map<number, number>();
  for (const holders of byStem.values())
    for (let a = 0; a < holders.length; a++)
      for (let b = a + 1; b < holders.length; b++) {
        const i = holders[a]!;
        const j = holders[b]!;
        if (list[i]!.clusterId === list[j]!.clusterId) continue;
        const key = i * list.length + j;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
  for (const [key, n] of shared) {
    if (n < MIN_SHARED_STEMS) continue;
    parent[root(Math.floor(key / list.length))] = root(key % list.length);
  }
  const groups = new Map<number, number[]>();
  list.forEach((_, i) => {
    groups.set(root(i), [...(groups.get(root(i)) ?? []), i]);
  });
  return [...groups.values()].filter((g) => g.length >= 2);
}

function themeOf(
  category: Pestel,
  members: number[],
  list: readonly ThemeSignal[],
  termsOf: Map<string, string>[],
): Theme {
  const perCluster = new Map<string, number>();
  const stemClusters = new Map<string, Set<string>>();
  const stemSignals = new Map<string, number>();
  const shown = new Map<string, string>();
  for (const i of members) {
    const { clusterId } = list[i]!;
    perCluster.set(clusterId, (perCluster.get(clusterId) ?? 0) + 1);
    for (const [stem, word] of termsOf[i]!) {
      stemClusters.set(stem, (stemClusters.get(stem) ?? new Set()).add(clusterId));
      stemSignals.set(stem, (stemSignals.get(stem) ?? 0) + 1);
      if (!shown.has(stem)) shown.set(stem, word);
    }
  }
  const words = [...stemClusters.entries()]
    .filter(([, clusters]) => clusters.size >= 2)
    .sort(
      ([a, ca], [b, cb]) =>
        cb.size - ca.size || stemSignals.get(b)! - stemSignals.get(a)! || (a < b ? -1 : 1),
    )
    .slice(0, THEME_WORDS_SHOWN)
    .map(([stem]) => shown.get(stem)!);
  const counts = [...perCluster.entries()]
    .map(([clusterId, signals]) => ({ clusterId, signals }))
    .sort((a, b) => b.signals - a.signals || (a.clusterId < b.clusterId ? -1 : 1));
  return { category, words, counts, signals: members.length };
}
