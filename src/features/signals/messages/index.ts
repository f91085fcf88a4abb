// The signals feature's catalog fragments: the capture words and the radar words, installed together.
import type { MessageFragments } from "../../../kernel/feature-module.ts";
import { en } from "./en.ts";
import { fi } from "./fi.ts";
import { nl } from "./nl.ts";
import { en as radarEn } from "./radar-en.ts";
import { fi as radarFi } from "./radar-fi.ts";
import { nl as radarNl } from "./radar-nl.ts";
import { sv as radarSv } from "./radar-sv.ts";
import { sv } from "./sv.ts";

export const messages: MessageFragments = {
  en: { ...en, ...radarEn },
  fi: { ...fi, ...radarFi },
  sv: { ...sv, ...radarSv },
  nl: { ...nl, ...radarNl },
};
