// The delphi feature's words (results, charts, agenda, export) in Swedish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./results-en.ts";

export const sv: Translation<typeof en> = {};
