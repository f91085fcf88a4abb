// The signals feature's words (radar, agenda section, themes) in Swedish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./radar-en.ts";

export const sv: Translation<typeof en> = {};
