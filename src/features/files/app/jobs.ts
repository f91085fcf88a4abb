// The files' tick: expired or used-up downloads are deleted.
import type { FeatureJob } from "../../../kernel/feature-module.ts";
import { purgeDownloads } from "./purge-downloads.ts";

export const fileJobs: readonly FeatureJob[] = [
  { name: "purge-downloads", cron: "30 7 * * * *", run: (app) => purgeDownloads(app) },
];
