export const LOCALES = ["fi", "sv", "en", "nl"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** "fi-FI", "sv_SE", "nl-BE" → their language; anything else → undefined. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  const language = tag?.trim().slice(0, 2).toLowerCase();
  return (LOCALES as readonly string[]).includes(language ?? "") ? (language as Locale) : undefined;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}
