// The signals feature's words (radar, agenda section, themes) in Finnish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./radar-en.ts";

export const fi: Translation<typeof en> = {};
