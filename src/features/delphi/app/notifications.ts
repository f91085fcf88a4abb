// A Delphi's notifications (merged into the kernel's table): the member's sheet, the channel's notes.
import type { DelphiSheet } from "./delphi-sheet.ts";

declare module "../../../kernel/app/ports/composer.ts" {
  interface Notifications {
    "delphi.sheet": { sheet: DelphiSheet };
    /** The sheet again, a day before the round closes; `remaining`: statements still unanswered. */
    "delphi.reminder": { sheet: DelphiSheet; remaining: number };
    "delphi.opened": {
      delphiId: string;
      title: string;
      round: number;
      statements: number;
      participants: number;
      closesAt: Date;
      timeZone: string;
    };
    "delphi.round-closed": { delphiId: string; title: string; round: number; respondents: number };
  }
}
