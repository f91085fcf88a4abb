import { DEFAULT_LOCALE, type Locale } from "../domain/locale.ts";
import { en, type MessageKey } from "./en.ts";
import { fi } from "./fi.ts";
import { nl } from "./nl.ts";
import { sv } from "./sv.ts";

export type { MessageKey };
// Copies: installing fragments must not change the imported reference objects.
export const CATALOGS: Record<Locale, Record<MessageKey, string>> = {
  en: { ...en },
  fi: { ...fi },
  sv: { ...sv },
  nl: { ...nl },
};

/** Adds the features' catalog fragments (src/kernel/registry.ts checks that no key is claimed twice). */
export function installMessages(
  fragments: readonly Record<Locale, Readonly<Record<string, string>>>[],
): void {
  for (const fragment of fragments)
    for (const locale of Object.keys(CATALOGS) as Locale[]) Object.assign(CATALOGS[locale], fragment[locale]);
}

export type Params = Record<string, string | number>;

/**
 * Counts are written as a small subset of ICU MessageFormat: `{n, plural, one {# answer} other {# answers}}`.
 * `#` is the number; each form holds plain text (no nested placeholders). The forms are picked with the
 * language's own plural rules (Intl.PluralRules), so "1 answer" and "2 answers" read right in every
 * language, whatever its rules; `other` is the form used when a language has no form for the category.
 */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other) \{[^{}]*\})+)\s*\}/g;
const PLURAL_FORM = /(=\d+|zero|one|two|few|many|other) \{([^{}]*)\}/g;

/** The names of a message's count parameters, read from the English template at the type level. */
type LastName<S extends string> = S extends `${string}{${infer Tail}` ? LastName<Tail> : S;
type PluralNames<S extends string> = S extends `${infer Head}, plural,${infer Rest}`
  ? LastName<Head> | PluralNames<Rest>
  : never;
/** A count must be a number: the plural form is chosen from it. Other parameters are free. */
export type ParamsOf<K extends MessageKey> = K extends MessageKey
  ? [PluralNames<(typeof en)[K]>] extends [never]
    ? Params
    : Params & { [N in PluralNames<(typeof en)[K]>]: number }
  : never;

export type Translate = <K extends MessageKey>(key: K, params?: ParamsOf<K>) => string;

const pluralRules = new Map<Locale, Intl.PluralRules>();
const rulesFor = (locale: Locale) => {
  const known = pluralRules.get(locale);
  if (known) return known;
  const rules = new Intl.PluralRules(locale);
  pluralRules.set(locale, rules);
  return rules;
};

/** Fills one template: count forms first (their `#` is the number), then `{name}` placeholders. */
export function fillTemplate(template: string, params: Params, locale: Locale): string {
  const counted = template.replace(PLURAL, (match, name: string, body: string) => {
    const value = params[name];
    if (typeof value !== "number") return match;
    const forms = new Map([...body.matchAll(PLURAL_FORM)].map((m) => [m[1], m[2]] as const));
    const form =
      forms.get(`=${value}`) ?? forms.get(rulesFor(locale).select(value)) ?? forms.get("other") ?? match;
    return form.replace(/#/g, new Intl.NumberFormat(locale).format(value));
  });
  return counted.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** A translator bound to one language; a key missing there falls back to English. */
export function translator(locale: Locale = DEFAULT_LOCALE): Translate {
  const catalog = CATALOGS[locale];
  return (key, params) =>
    fillTemplate(catalog[key] ?? en[key], (params ?? {}) as Params, catalog[key] ? locale : "en");
}
