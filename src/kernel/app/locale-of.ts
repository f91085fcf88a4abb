import { DEFAULT_LOCALE, type Locale, toLocale } from "../domain/locale.ts";

/** A notification speaks the recipient's language (chosen, else last seen), else the cluster's. */
export function localeOf(
  person: { locale: string | null; seenLocale?: string | null } | null | undefined,
  cluster: { locale: string },
): Locale {
  return (
    toLocale(person?.locale) ?? toLocale(person?.seenLocale) ?? toLocale(cluster.locale) ?? DEFAULT_LOCALE
  );
}
