// Links the bot hands out. They need the bot's public base URL (PUBLIC_URL); without one they are
// left out rather than pointing at localhost.
export const CALENDAR_PATH = "/calendar/";

export const calendarLink = (publicUrl: string | undefined, icsUid: string): string | undefined =>
  publicUrl ? `${publicUrl}${CALENDAR_PATH}${icsUid}.ics` : undefined;
