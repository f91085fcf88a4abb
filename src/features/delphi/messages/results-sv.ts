// The delphi feature's words (results, charts, agenda, export) in Swedish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./results-en.ts";

export const sv: Translation<typeof en> = {
  "cmd.delphi results": "Publicera den senaste delfistudiens resultat i kanalen, med diagram",
  "cmd.delphi export": "Den senaste delfistudiens nyckeltal, bedömningar och motiveringar som CSV-filer",
  "error.DELPHI_RESULTS_NO_DELPHI": "Klustret har ingen delfistudie ännu.",
  "error.DELPHI_RESULTS_NOT_YET": "Resultaten av *{title}* visas när den första omgången har avslutats.",
  "error.DELPHI_RESULTS_ROUND_NOT_CLOSED":
    "Omgång {round} av *{title}* har inte avslutats, så den har inga resultat att exportera ännu.",
  "error.DELPHI_RESULTS_STATEMENT_NOT_FOUND": "Jag hittar inte det påståendet i klustrets delfistudier.",
  "error.DELPHI_RESULTS_NOT_DISPUTED":
    "Gruppen förblev inte oenig om det påståendet, så det föreslås inte till dagordningen härifrån.",
  "delphi.results.posting": "Resultaten av *{title}* publiceras i kanalen.",
  "delphi.results.heading": "📊 Delfiresultat: *{title}*",
  "delphi.results.overview":
    "{statements, plural, one {# påstående} other {# påståenden}}, {rounds, plural, one {# omgång} other {# omgångar}}. Konsensus i sista omgången: {consensus, plural, one {# påstående} other {# påståenden}}.",
  "delphi.results.disagreements": "Bestående oenighet, att diskutera på nästa möte:",
  "delphi.results.noDisagreements": "Inget påstående visar bestående oenighet.",
  "delphi.results.privacy":
    "Anonymt: inga nyckeltal visas för färre än 3 svar. Konsensus: ett kvartilavstånd (IQR) på högst 1 steg på 1–5, 20 procentenheter på 0–100 % eller 5 år.",
  "delphi.results.round": "Omgång {round}",
  "delphi.results.scale.probability": "Sannolikhet",
  "delphi.results.scale.desirability": "Önskvärdhet",
  "delphi.results.scale.impact": "Påverkan",
  "delphi.results.scale.year": "År",
  "delphi.results.figures": "omgång {round}: median {median}, IQR {iqr} ({q1}–{q3}) {mark}",
  "delphi.results.hiddenRound":
    "omgång {round}: {n, plural, one {# svar} other {# svar}}, för få för att visas",
  "delphi.results.consensus": "✓",
  "delphi.results.noConsensus": "✗",
  "delphi.results.narrowed": "spridningen minskade med {by}",
  "delphi.results.widened": "spridningen ökade med {by}",
  "delphi.results.unchanged": "spridningen oförändrad",
  "delphi.results.disputed": "⚠️ Bestående oenighet",
  "delphi.results.onAgenda": "📌 På nästa mötes dagordning.",
  "delphi.results.propose": "Föreslå till nästa mötes dagordning",
  "delphi.results.proposed":
    "”{text}” är nu föreslaget till dagordningen för *{meeting}*, med sina nyckeltal.",
  "delphi.results.alreadyProposed": "”{text}” finns redan på dagordningen för *{meeting}*.",
  "delphi.results.answers": "svar",
  "delphi.results.export.comment": "*{title}*: nyckeltal, anonyma bedömningar och motiveringar ({rounds}).",
  "delphi.results.export.rounds": "{n, plural, one {omgång #} other {# omgångar}}",
  "delphi.results.export.figures": "Nyckeltal, omgång {round}",
  "delphi.results.export.ratings": "Bedömningar (anonyma)",
  "delphi.results.export.reasons": "Motiveringar (anonyma)",
  "delphi.results.chairs.heading": "Delfi",
  "delphi.results.chairs.none": "*{cluster}*: ingen delfistudie med en avslutad omgång.",
  "delphi.results.chairs.row":
    "*{cluster}* – {title} (omgång {round}): konsensus om {consensus} av {statements, plural, one {# påstående} other {# påståenden}}",
  "delphi.results.chairs.disputed": "bestående oenighet: {list}",
};
