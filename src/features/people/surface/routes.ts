// The people feature's button: confirming a member's erasure.
import type { ActionRoute } from "../../../kernel/feature-module.ts";
import { ERASE_MEMBER_ACTION, eraseClicked } from "./handlers.ts";

export const PEOPLE_ROUTES: readonly ActionRoute[] = [
  { ids: [ERASE_MEMBER_ACTION], run: (hc, _id, value) => eraseClicked(hc, value) },
];
