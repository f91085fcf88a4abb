// The delphi feature's words (results, charts, agenda, export) in Finnish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./results-en.ts";

export const fi: Translation<typeof en> = {};
