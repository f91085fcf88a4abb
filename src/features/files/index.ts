// The files feature: the message with download links to the files a person asked for (exports), and
// the tick that purges them after a day. Storing and minting the links is the kernel's (src/kernel/app/files/).
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { fileJobs } from "./app/jobs.ts";
import { failures } from "./domain/failures.ts";
import { messages } from "./messages/index.ts";
import { fileNotifications } from "./surface/notifications.ts";

export const files: FeatureModule = {
  name: "files",
  notifications: fileNotifications,
  jobs: fileJobs,
  messages,
  failures,
};
