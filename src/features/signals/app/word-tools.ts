// The stop words (stopwords-iso) and the Snowball stemmers of the four languages, for the themes
// across clusters (domain/themes.ts). Built once: the lists are read and the stemmers made on first use.
import { createRequire } from "node:module";
import type { Stemmer } from "snowball-stemmers";
import { z } from "zod";
import type { Locale } from "../../../kernel/domain/locale.ts";
import type { WordTools } from "../domain/themes.ts";

const STEMMERS: Record<Locale, string> = { fi: "finnish", sv: "swedish", en: "english", nl: "dutch" };

/** The package is one JSON object of ISO 639-1 code → words; we need four of them. */
const StopWordLists = z.object({
  fi: z.array(z.string()),
  sv: z.array(z.string()),
  en: z.array(z.string()),
  nl: z.array(z.string()),
});

let tools: WordTools | null = null;

export function wordTools(): WordTools {
  if (tools) return tools;
  // Both are CommonJS; require reads them the same way under ESM and the test runner.
  const require = createRequire(import.meta.url);
  const snowball = require("snowball-stemmers") as typeof import("snowball-stemmers");
  const lists = StopWordLists.parse(require("stopwords-iso"));
  const set = (list: string[]): ReadonlySet<string> => new Set(list.map((w) => w.toLocaleLowerCase()));
  const stop: Record<Locale, ReadonlySet<string>> = {
    fi: set(lists.fi),
    sv: set(lists.sv),
    en: set(lists.en),
    nl: set(lists.nl),
  };
  const stemmers = Object.fromEntries(
    Object.entries(STEMMERS).map(([language, algorithm]) => [language, snowball.newStemmer(algorithm)]),
  ) as Record<Locale, Stemmer>;
  const made: WordTools = {
    stopWords: (language) => stop[language],
    stem: (language, word) => stemmers[language].stem(word),
  };
  tools = made;
  return made;
}
