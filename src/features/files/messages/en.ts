// The files feature's words in English, the reference: fi, sv and nl have exactly these keys
// (the compiler checks), and no other fragment may claim one.
import type { MessagesOf } from "../../../kernel/i18n/catalog.ts";

export const en = {
  "files.ready":
    "Here are the files you asked for. The links work for {hours, plural, one {# hour} other {# hours}}, and anyone who has a link can download the file, so please don't forward them.",
  "error.PUBLIC_URL_MISSING":
    "I can't hand out download links: the bot has no public address. Ask your administrator to set PUBLIC_URL.",
} as const;

// Adds these keys to MessageKey; another fragment claiming one of them does not compile.
declare module "../../../kernel/i18n/catalog.ts" {
  interface Messages extends MessagesOf<"files", typeof en> {}
}
