// The signals feature's words (capture and rating) in Finnish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const fi: Translation<typeof en> = {};
