// The signals feature: weak signals members notice in their work, saved from a message or typed in,
// rated by the others, linked to measures and the agenda, and shown as a radar per cluster and as
// emerging themes across clusters in the chairs' forum. Other features and the wiring import this
// feature through this file only.
import type { FeatureModule } from "../../kernel/feature-module.ts";
import { type SignalsSince, signalsSinceLastMeeting } from "./app/signals-since.ts";
import { failures } from "./domain/failures.ts";
import { radarFailures } from "./domain/radar-failures.ts";
import { messages } from "./messages/index.ts";
import { SIGNAL_COMMANDS } from "./surface/commands.ts";
import { SIGNAL_RADAR_COMMANDS } from "./surface/radar-commands.ts";
import { SIGNAL_RADAR_FORM_ROUTES, SIGNAL_RADAR_ROUTES } from "./surface/radar-routes.ts";
import { agendaSignalsElements } from "./surface/radar-view.ts";
import { SIGNAL_FORM_ROUTES, SIGNAL_ROUTES } from "./surface/routes.ts";

export const signals: FeatureModule = {
  name: "signals",
  commands: [...SIGNAL_COMMANDS, ...SIGNAL_RADAR_COMMANDS],
  actions: [...SIGNAL_ROUTES, ...SIGNAL_RADAR_ROUTES],
  forms: [...SIGNAL_FORM_ROUTES, ...SIGNAL_RADAR_FORM_ROUTES],
  messages,
  failures: [...failures, ...radarFailures],
  // The agenda of an upcoming meeting shows the signals saved since the last one (the agenda feature
  // asks the registry for its sections: it cannot import this feature, which puts signals on agendas).
  sections: {
    agenda: {
      load: (tx, at) =>
        signalsSinceLastMeeting(
          tx,
          { id: at.clusterId, timeZone: at.timeZone },
          at.now,
          at.meetingId ?? undefined,
        ),
      render: (data, t, locale) => agendaSignalsElements(data as SignalsSince, t, locale),
    },
  },
};

// What other features use of this one: the agenda's signals section and the chairs' emerging themes.
export { type EmergingThemes, emergingThemes } from "./app/emerging-themes.ts";
// What other features (and the radar) use of this one.
export { loadSignalCard, type SignalCard } from "./app/load-signal.ts";
export {
  type CriterionTally,
  isWebLink,
  PESTEL_CATEGORIES,
  type PestelCategory,
  RATING_CRITERIA,
  RATING_VALUES,
  type RatingCriterion,
  type RatingRow,
  type SignalTally,
  tallyRatings,
} from "./domain/signal-rules.ts";
export { themesElements, themesLines } from "./surface/radar-view.ts";
export { signalSubject } from "./surface/signal-card.ts";
