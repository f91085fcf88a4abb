// Reading a PESTEL category a person typed after `/cluster signals` (the six categories and their order
// are signal-rules.ts's: the radar's chart shows them in that order).

import { PESTEL_CATEGORIES, type PestelCategory as Pestel } from "./signal-rules.ts";

/** Lowercase, without accents: "Ekonominen" and "ekonominen", "Teknológico" and "teknologico" match. */
export const foldWord = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();

/**
 * The category a person named: its English name (`technological`) or its name in any of the four
 * languages (`names` maps each category to the words the catalogs use), whole word, any case. A
 * prefix of at least three letters that names one category only also counts (`tech`, `ympä`).
 */
export function parsePestel(typed: string, names: Record<Pestel, readonly string[]>): Pestel | null {
  const word = foldWord(typed);
  if (!word) return null;
  const namesOf = (c: Pestel) => [c.toLowerCase(), ...names[c].map(foldWord)];
  const exact = PESTEL_CATEGORIES.find((c) => namesOf(c).includes(word));
  if (exact) return exact;
  if (word.length < 3) return null;
  const prefixed = PESTEL_CATEGORIES.filter((c) => namesOf(c).some((n) => n.startsWith(word)));
  return prefixed.length === 1 ? prefixed[0]! : null;
}
