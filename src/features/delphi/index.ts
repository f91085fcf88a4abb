// The delphi feature: Delphi rounds. Members rate statements about the future anonymously, see where
// the group stands, explain outlying views and rate again; the results go to the channel, the agenda,
// the minutes and the chairs' report. Other features and the wiring import this feature through this
// file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { delphiJobs } from "./app/delphi-jobs.ts";
import { failures } from "./domain/failures.ts";
import { resultsFailures } from "./domain/results-failures.ts";
import { messages } from "./messages/index.ts";
import { DELPHI_COMMANDS } from "./surface/commands.ts";
import { delphiNotifications } from "./surface/notifications.ts";
import { DELPHI_RESULT_COMMANDS } from "./surface/results-commands.ts";
import { delphiResultNotifications } from "./surface/results-notifications.ts";
import { DELPHI_RESULT_FORM_ROUTES, DELPHI_RESULT_ROUTES } from "./surface/results-routes.ts";
import { DELPHI_FORM_ROUTES, DELPHI_ROUTES } from "./surface/routes.ts";

export const delphi: FeatureModule = {
  name: "delphi",
  commands: [...DELPHI_COMMANDS, ...DELPHI_RESULT_COMMANDS],
  actions: [...DELPHI_ROUTES, ...DELPHI_RESULT_ROUTES],
  forms: [...DELPHI_FORM_ROUTES, ...DELPHI_RESULT_FORM_ROUTES],
  notifications: { ...delphiNotifications, ...delphiResultNotifications },
  jobs: delphiJobs,
  messages,
  failures: [...failures, ...resultsFailures],
};

export { delphiDataOf, eraseDelphiData, type MyDelphi } from "./app/delphi-personal-data.ts";
export type { Pool } from "./app/delphi-pool.ts";
export { countsOf, figuresOf, type ScaleCounts, type ScaleFigures } from "./app/delphi-sheet.ts";
// What the results part, the people feature and the lead read of Delphi rounds.
export { type LoadedDelphi, loadDelphi } from "./app/delphis.ts";
// What other features (and the round-closing job) use of the results.
export { queueDelphiResults } from "./app/results-announcements.ts";
export { type ChairsDelphi, delphiForChairs } from "./app/results-chairs.ts";
export { delphiForMinutes, delphiMinutesBlocks, type MinutesDelphiSection } from "./app/results-minutes.ts";
export {
  chairsDelphiBlocks,
  chairsDelphiElements,
  chairsDelphiMarkdown,
} from "./surface/results-chairs-view.ts";
