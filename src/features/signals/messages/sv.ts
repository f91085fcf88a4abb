// The signals feature's words (capture and rating) in Swedish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const sv: Translation<typeof en> = {};
