// The files feature: download links to the files a person asked for (exports), kept for a day.
// Other features and the wiring import this feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { mintDownloadLinks } from "./app/download-links.ts";
import { fileJobs } from "./app/jobs.ts";
import { fileNotifications } from "./surface/notifications.ts";

export const files: FeatureModule = {
  name: "files",
  notifications: fileNotifications,
  jobs: fileJobs,
  downloadLinks: mintDownloadLinks,
};
