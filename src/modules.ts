// The feature modules of Ennakko, in the order help lists their commands. A new feature is one line here.

import { agenda } from "./features/agenda/index.ts";
import { bridge } from "./features/bridge/index.ts";
import { clusters } from "./features/clusters/index.ts";
import { cycle } from "./features/cycle/index.ts";
import { delphi } from "./features/delphi/index.ts";
import { files } from "./features/files/index.ts";
import { forum } from "./features/forum/index.ts";
import { home } from "./features/home/index.ts";
import { measures } from "./features/measures/index.ts";
import { meetings } from "./features/meetings/index.ts";
import { minutes } from "./features/minutes/index.ts";
import { people } from "./features/people/index.ts";
import { pulses } from "./features/pulses/index.ts";
import { record } from "./features/record/index.ts";
import { signals } from "./features/signals/index.ts";
import type { FeatureModule } from "./kernel/feature-module.ts";

export const FEATURES: readonly FeatureModule[] = [
  clusters,
  cycle,
  meetings,
  measures,
  agenda,
  record,
  pulses,
  delphi,
  signals,
  forum,
  people,
  home,
  minutes,
  bridge,
  files,
];
