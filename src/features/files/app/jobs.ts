// The files' tick: expired or used-up downloads are deleted.

import { purgeDownloads } from "../../../kernel/app/files/purge-downloads.ts";
import type { FeatureJob } from "../../../kernel/feature-module.ts";

export const fileJobs: readonly FeatureJob[] = [
  { name: "purge-downloads", cron: "30 7 * * * *", run: (app) => purgeDownloads(app) },
];
