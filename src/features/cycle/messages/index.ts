// The cycle feature's catalog fragments, installed with the feature module.
import type { MessageFragments } from "../../../kernel/feature-module.ts";
import { en } from "./en.ts";
import { fi } from "./fi.ts";
import { nl } from "./nl.ts";
import { sv } from "./sv.ts";

export const messages: MessageFragments = { en, fi, sv, nl };
