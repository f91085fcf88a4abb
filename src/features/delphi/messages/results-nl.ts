// The delphi feature's words (results, charts, agenda, export) in Dutch.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./results-en.ts";

export const nl: Translation<typeof en> = {};
