// Time zones as people's platforms report them. Teams gives Windows zone names ("Eastern Standard
// Time"), which no IANA engine knows, and any stored zone may be old data written before zones were
// checked. A zone is checked where it enters (`toTimeZone`) and again where it is read (`zoneOr`): a
// zone that fails counts as absent, so the cluster's zone applies and nobody's tick stops on it.
import { isValidTimeZone } from "./locale.ts";

/**
 * The common Windows zone names (CLDR's windowsZones, "001" territory) of the places Ennakko's
 * clusters and their partners are in: the Nordics and Benelux, the rest of Europe, North America and
 * the large Asian and Pacific hubs. Anything else stays unmapped and is stored as absent.
 */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  "FLE Standard Time": "Europe/Helsinki",
  "W. Europe Standard Time": "Europe/Berlin",
  "Romance Standard Time": "Europe/Paris",
  "Central Europe Standard Time": "Europe/Budapest",
  "Central European Standard Time": "Europe/Warsaw",
  "GMT Standard Time": "Europe/London",
  "Greenwich Standard Time": "Atlantic/Reykjavik",
  "E. Europe Standard Time": "Europe/Chisinau",
  "GTB Standard Time": "Europe/Bucharest",
  "Russian Standard Time": "Europe/Moscow",
  "Turkey Standard Time": "Europe/Istanbul",
  "Eastern Standard Time": "America/New_York",
  "Central Standard Time": "America/Chicago",
  "Mountain Standard Time": "America/Denver",
  "Pacific Standard Time": "America/Los_Angeles",
  "Atlantic Standard Time": "America/Halifax",
  "India Standard Time": "Asia/Kolkata",
  "China Standard Time": "Asia/Shanghai",
  "Tokyo Standard Time": "Asia/Tokyo",
  "Singapore Standard Time": "Asia/Singapore",
  "AUS Eastern Standard Time": "Australia/Sydney",
  UTC: "UTC",
};

const checked = new Map<string, boolean>();
/** Whether the engine knows `zone` as an IANA name; cached, since every tick asks for each person. */
export function isKnownTimeZone(zone: string): boolean {
  let known = checked.get(zone);
  if (known === undefined) {
    known = isValidTimeZone(zone);
    if (checked.size < 1000) checked.set(zone, known);
  }
  return known;
}

/** An IANA name to store for what a platform reported: as Intl spells it, mapped from Windows, or undefined. */
export function toTimeZone(raw: string | null | undefined): string | undefined {
  const zone = raw?.trim();
  if (!zone) return undefined;
  const mapped = WINDOWS_ZONES[zone] ?? zone;
  if (!isKnownTimeZone(mapped)) return undefined;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: mapped }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The person's zone when it is a usable one, else `fallback` (the cluster's zone). */
export function zoneOr(zone: string | null | undefined, fallback: string): string {
  return zone && isKnownTimeZone(zone) ? zone : fallback;
}
