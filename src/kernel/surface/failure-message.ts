import type { Fail, FailureReason } from "../domain/result.ts";
import type { Translate } from "../i18n/catalog.ts";
import { isRole } from "./role-label.ts";
import { note, type Output } from "./view.ts";

/** An expected refusal, told privately in the person's language. */
export function failureOutput(t: Translate, failure: Fail<FailureReason>): Output {
  const params: Record<string, string | number> = { ...failure.details };
  if (typeof params.role === "string" && isRole(params.role)) params.role = t(`role.${params.role}`);
  return note(t(`error.${failure.reason}`, params));
}
