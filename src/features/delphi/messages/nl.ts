// The delphi feature's words (rounds: create, answer, round 2) in Dutch.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const nl: Translation<typeof en> = {};
