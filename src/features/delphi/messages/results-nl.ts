// The delphi feature's words (results, charts, agenda, export) in Dutch.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./results-en.ts";

export const nl: Translation<typeof en> = {
  "cmd.delphi results": "De resultaten van de laatste Delphi-studie met grafieken in het kanaal plaatsen",
  "cmd.delphi export":
    "Kengetallen, beoordelingen en toelichtingen van de laatste Delphi-studie als CSV-bestanden",
  "error.DELPHI_RESULTS_NO_DELPHI": "Dit cluster heeft nog geen Delphi-studie.",
  "error.DELPHI_RESULTS_NOT_YET":
    "De resultaten van *{title}* worden getoond zodra de eerste ronde is afgesloten.",
  "error.DELPHI_RESULTS_ROUND_NOT_CLOSED":
    "Ronde {round} van *{title}* is nog niet afgesloten, dus er zijn nog geen resultaten om te exporteren.",
  "error.DELPHI_RESULTS_STATEMENT_NOT_FOUND": "Ik kan die Delphi-stelling niet vinden in dit cluster.",
  "error.DELPHI_RESULTS_NOT_DISPUTED":
    "De groep bleef het over die stelling niet oneens, dus die wordt hier niet voor de agenda voorgesteld.",
  "delphi.results.posting": "De resultaten van *{title}* worden in het kanaal geplaatst.",
  "delphi.results.heading": "📊 Delphi-resultaten: *{title}*",
  "delphi.results.overview":
    "{statements, plural, one {# stelling} other {# stellingen}}, {rounds, plural, one {# ronde} other {# rondes}}. Consensus in de laatste ronde: {consensus, plural, one {# stelling} other {# stellingen}}.",
  "delphi.results.disagreements": "Blijvende onenigheid, om op de volgende vergadering te bespreken:",
  "delphi.results.noDisagreements": "Geen enkele stelling laat blijvende onenigheid zien.",
  "delphi.results.privacy":
    "Anoniem: bij minder dan 3 antwoorden wordt geen kengetal getoond. Consensus: een interkwartielafstand (IQR) van hooguit 1 stap op 1–5, 20 punten op 0–100 % of 5 jaar.",
  "delphi.results.round": "Ronde {round}",
  "delphi.results.scale.probability": "Waarschijnlijkheid",
  "delphi.results.scale.desirability": "Wenselijkheid",
  "delphi.results.scale.impact": "Impact",
  "delphi.results.scale.year": "Jaar",
  "delphi.results.figures": "ronde {round}: mediaan {median}, IQR {iqr} ({q1}–{q3}) {mark}",
  "delphi.results.hiddenRound":
    "ronde {round}: {n, plural, one {# antwoord} other {# antwoorden}}, te weinig om te tonen",
  "delphi.results.consensus": "✓",
  "delphi.results.noConsensus": "✗",
  "delphi.results.narrowed": "spreiding {by} kleiner",
  "delphi.results.widened": "spreiding {by} groter",
  "delphi.results.unchanged": "spreiding onveranderd",
  "delphi.results.disputed": "⚠️ Blijvende onenigheid",
  "delphi.results.onAgenda": "📌 Op de agenda van de volgende vergadering.",
  "delphi.results.propose": "Voorstellen voor de agenda van de volgende vergadering",
  "delphi.results.proposed": "“{text}” is nu voorgesteld voor de agenda van *{meeting}*, met de kengetallen.",
  "delphi.results.alreadyProposed": "“{text}” staat al op de agenda van *{meeting}*.",
  "delphi.results.answers": "antwoorden",
  "delphi.results.export.comment":
    "*{title}*: kengetallen, anonieme beoordelingen en toelichtingen ({rounds}).",
  "delphi.results.export.rounds": "{n, plural, one {ronde #} other {# rondes}}",
  "delphi.results.export.figures": "Kengetallen, ronde {round}",
  "delphi.results.export.ratings": "Beoordelingen (anoniem)",
  "delphi.results.export.reasons": "Toelichtingen (anoniem)",
  "delphi.results.chairs.heading": "Delphi",
  "delphi.results.chairs.none": "*{cluster}*: geen Delphi-studie met een afgesloten ronde.",
  "delphi.results.chairs.row":
    "*{cluster}* – {title} (ronde {round}): consensus over {consensus} van {statements, plural, one {# stelling} other {# stellingen}}",
  "delphi.results.chairs.disputed": "blijvende onenigheid: {list}",
};
