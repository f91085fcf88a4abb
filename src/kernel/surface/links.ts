// Links the bot hands out. They need the bot's public base URL (PUBLIC_URL); without one they are
// left out rather than pointing at localhost.
export const CALENDAR_PATH = "/calendar/";

export const calendarLink = (publicUrl: string | undefined, icsUid: string): string | undefined =>
  publicUrl ? `${publicUrl}${CALENDAR_PATH}${icsUid}.ics` : undefined;

/** Files for one person (exports), behind a random token: `/files/<token>/<filename>`. */
export const DOWNLOAD_PATH = "/files/";

export const downloadLink = (
  publicUrl: string | undefined,
  token: string,
  filename: string,
): string | undefined =>
  publicUrl ? `${publicUrl}${DOWNLOAD_PATH}${token}/${encodeURIComponent(filename)}` : undefined;
