import type { Logger } from "../../log/logger.ts";
import type { AppContext } from "../app/context.ts";
import type { Locale } from "../domain/locale.ts";
import type { Fail, FailureReason, Result } from "../domain/result.ts";
import type { Translate } from "../i18n/catalog.ts";
import { failureOutput } from "./failure-message.ts";
import type { Envelope } from "./intent.ts";
import type { Output } from "./view.ts";

export type HandlerContext = {
  app: AppContext;
  envelope: Envelope;
  t: Translate;
  locale: Locale;
  log: Logger;
};

/** Handlers read top to bottom: call the use case, then either render success or explain refusal. */
export function render<T>(hc: HandlerContext, result: Result<T>, onOk: (value: T) => Output[]): Output[] {
  return result.ok ? onOk(result.value) : [failureOutput(hc.t, result as Fail<FailureReason>)];
}

export const actorAndConversation = (hc: HandlerContext) => ({
  actor: hc.envelope.actor,
  conversation: hc.envelope.conversation,
});
