// The message catalogs: the kernel's own fragment (src/kernel/i18n/messages/) plus each installed
// feature's (src/features/<f>/messages/). The kernel names no feature: each feature's English
// fragment adds its keys to `Messages` by declaration merging, so `MessageKey` is every fragment's
// keys and the kernel compiles against them without importing them.
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../domain/locale.ts";
import type { MessagesOf } from "./fragment.ts";
import { en as kernelEn } from "./messages/en.ts";
import { fi as kernelFi } from "./messages/fi.ts";
import { nl as kernelNl } from "./messages/nl.ts";
import { sv as kernelSv } from "./messages/sv.ts";

export type { MessagesOf, Translation } from "./fragment.ts";

/** Every message key: the kernel's here, each feature's from its `messages/en.ts` (declaration merging). */
export interface Messages extends MessagesOf<"kernel", typeof kernelEn> {}

export type MessageKey = keyof Messages & string;

type Fragment = Readonly<Record<Locale, Readonly<Record<string, string>>>>;
const KERNEL_MESSAGES: Fragment = { en: kernelEn, fi: kernelFi, sv: kernelSv, nl: kernelNl };

/** The installed catalogs: the kernel's fragment and the installed features' (see installMessages). */
export const CATALOGS: Record<Locale, Record<MessageKey, string>> = {
  en: { ...kernelEn } as Record<MessageKey, string>,
  fi: { ...kernelFi } as Record<MessageKey, string>,
  sv: { ...kernelSv } as Record<MessageKey, string>,
  nl: { ...kernelNl } as Record<MessageKey, string>,
};

/** The kernel's own keys: no feature may claim one (src/kernel/registry.ts checks). */
export const KERNEL_MESSAGE_KEYS: readonly string[] = Object.keys(kernelEn);

/**
 * Installs the features' catalog fragments over the kernel's (src/kernel/registry.ts checks first that
 * no key is claimed twice). Replaces what an earlier install put there; the objects stay the same, so
 * whoever holds CATALOGS sees the installed words.
 */
export function installMessages(fragments: readonly Fragment[]): void {
  for (const locale of LOCALES) {
    const catalog = CATALOGS[locale] as Record<string, string>;
    for (const key of Object.keys(catalog)) delete catalog[key];
    for (const fragment of [KERNEL_MESSAGES, ...fragments]) Object.assign(catalog, fragment[locale]);
  }
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
  ? [PluralNames<Messages[K]["en"]>] extends [never]
    ? Params
    : Params & { [N in PluralNames<Messages[K]["en"]>]: number }
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

/**
 * A translator bound to one language, reading the installed catalogs; a key missing there falls back to
 * English (and a key no installed fragment has shows as itself: a feature was left out, not a crash).
 */
export function translator(locale: Locale = DEFAULT_LOCALE): Translate {
  const catalog = CATALOGS[locale];
  return (key, params) => {
    const own = catalog[key];
    return fillTemplate(own ?? CATALOGS.en[key] ?? key, (params ?? {}) as Params, own ? locale : "en");
  };
}
