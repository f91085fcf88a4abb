import { DEFAULT_LOCALE, type Locale } from "../../domain/locale.ts";
import { en, type MessageKey } from "./en.ts";
import { fi } from "./fi.ts";
import { nl } from "./nl.ts";
import { sv } from "./sv.ts";

export type { MessageKey };
export const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, fi, sv, nl };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** A translator bound to one language; a key missing there falls back to English. */
export function translator(locale: Locale = DEFAULT_LOCALE): Translate {
  const catalog = CATALOGS[locale];
  return (key, params = {}) => {
    const template = catalog[key] ?? en[key];
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
  };
}

export function formatDate(date: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(date);
}
