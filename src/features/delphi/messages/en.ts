// The delphi feature's words (rounds: create, answer, round 2) in English, the reference: fi, sv and nl have exactly these keys.
import type { MessagesOf } from "../../../kernel/i18n/catalog.ts";

export const en = {} as const;

// Adds these keys to MessageKey; another fragment claiming one of them does not compile.
declare module "../../../kernel/i18n/catalog.ts" {
  interface Messages extends MessagesOf<"delphi", typeof en> {}
}
