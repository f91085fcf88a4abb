// The people feature's words in English, the reference: fi, sv and nl have exactly these keys
// (the compiler checks), and no other fragment may claim one.
import type { MessagesOf } from "../../../kernel/i18n/catalog.ts";

export const en = {
  "cmd.language": "The language Ennakko uses with you: fi, sv, en or nl",
  "cmd.my-data": "Everything Ennakko stores about you, as JSON and CSV files",
  "cmd.erase": "Erase a member's personal data",
  "language.current":
    "I speak {language} with you. Choices: {choices}. Change it with `/cluster language <fi|sv|en|nl>`.",
  "language.set": "Done: from now on I speak {language} with you.",
  "language.usage": "`{value}` is not a language I speak. Choose one of: {choices}.",
  "mydata.comment":
    "Everything Ennakko stores about you: a JSON file with all the details and a CSV with one row per item. Anonymous pulse answers are not included: nothing links them to you.",
  "mydata.json": "Your data (JSON)",
  "mydata.csv": "Your data (CSV)",
  "erase.confirm":
    "Erase the personal data of *{user}*? Their name, e-mail and chat accounts are removed and they leave every cluster, *{cluster}* included. Their decisions and measures stay, with a former member as owner; anonymous pulse answers are not affected. This cannot be undone.",
  "erase.button": "Erase personal data",
  "erase.done":
    "Done: the member's personal data have been erased. Their decisions and measures now show a former member; the audit log records that you did it.",
  "error.ERASE_SELF":
    "You cannot erase yourself here: ask another chair or the foresight coordinator. `/cluster my-data` shows what is stored about you.",
} as const;

// Adds these keys to MessageKey; another fragment claiming one of them does not compile.
declare module "../../../kernel/i18n/catalog.ts" {
  interface Messages extends MessagesOf<"people", typeof en> {}
}
