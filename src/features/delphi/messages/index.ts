// The delphi feature's catalog fragments: the rounds' words and the results' words, installed together.
import type { MessageFragments } from "../../../kernel/feature-module.ts";
import { en } from "./en.ts";
import { fi } from "./fi.ts";
import { nl } from "./nl.ts";
import { en as resultsEn } from "./results-en.ts";
import { fi as resultsFi } from "./results-fi.ts";
import { nl as resultsNl } from "./results-nl.ts";
import { sv as resultsSv } from "./results-sv.ts";
import { sv } from "./sv.ts";

export const messages: MessageFragments = {
  en: { ...en, ...resultsEn },
  fi: { ...fi, ...resultsFi },
  sv: { ...sv, ...resultsSv },
  nl: { ...nl, ...resultsNl },
};
