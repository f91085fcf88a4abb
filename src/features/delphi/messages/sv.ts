// The delphi feature's words (rounds: create, answer, round 2) in Swedish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const sv: Translation<typeof en> = {};
