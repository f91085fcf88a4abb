// The words of a Delphi's notifications, in the recipient's language: the member's sheet and the
// channel's notes when a round opens or closes.

import { formatInZone } from "../../../kernel/domain/zoned-time.ts";
import type { NotificationComposers } from "../../../kernel/feature-module.ts";
import { translator } from "../../../kernel/i18n/catalog.ts";
import { moment, text } from "../../../kernel/surface/view.ts";
import type {} from "../app/notifications.ts";
import { delphiSheetView } from "./delphi-sheet-view.ts";

export const delphiNotifications: NotificationComposers = {
  "delphi.sheet": (message, locale) => delphiSheetView(message.sheet, translator(locale), locale),
  "delphi.reminder": (message, locale) => {
    const t = translator(locale);
    const { sheet } = message;
    const when = sheet.closesAt
      ? moment(sheet.closesAt, formatInZone(sheet.closesAt, locale, sheet.timeZone, "dateTime"))
      : "";
    const line = t("delphi.reminder", { title: sheet.title, round: sheet.round, when, n: message.remaining });
    const view = delphiSheetView(sheet, t, locale);
    // The reminder's line first: it is what the notification shows.
    return { fallback: line, elements: [text(line), ...view.elements] };
  },
  "delphi.opened": (m, locale) => {
    const t = translator(locale);
    const when = moment(m.closesAt, formatInZone(m.closesAt, locale, m.timeZone, "dateTime"));
    const line =
      m.round === 1
        ? t("delphi.opened", { title: m.title, statements: m.statements, n: m.participants, when })
        : t("delphi.roundOpened", { title: m.title, round: m.round, n: m.participants, when });
    return { fallback: line, elements: [text(line)] };
  },
  "delphi.round-closed": (m, locale) => {
    const t = translator(locale);
    const line = t("delphi.roundClosed", { title: m.title, round: m.round, n: m.respondents });
    return { fallback: line, elements: [text(line), text(t("delphi.roundClosedNext"), "muted")] };
  },
};
