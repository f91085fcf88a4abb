// The files feature: download links to the files a person asked for (exports), kept for a day.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";

export const files: FeatureModule = {
  name: "files",
  messages,
  failures,
};
