import { DEFAULT_LOCALE, type Locale, toLocale } from "../../domain/locale.ts";

/** A notification speaks the recipient's language, else the cluster's. */
export function localeOf(
  person: { locale: string | null } | null | undefined,
  cluster: { locale: string },
): Locale {
  return toLocale(person?.locale) ?? toLocale(cluster.locale) ?? DEFAULT_LOCALE;
}
