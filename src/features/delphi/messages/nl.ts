// The delphi feature's words (rounds: create, answer, round 2) in Dutch.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const nl: Translation<typeof en> = {
  "error.DELPHI_MISSING": "Er loopt geen Delphi-onderzoek in dit cluster.",
  "error.DELPHI_ROUND_CLOSED":
    "Ronde {round} van *{title}* is gesloten: er worden geen antwoorden meer aangenomen.",
  "error.DELPHI_ALREADY_ANSWERED":
    "Je hebt deze stelling in deze ronde al beantwoord (ronde {round}). Je antwoord blijft zoals je het gaf.",
  "error.DELPHI_BAD_RATING": "Dat is geen waarde van de schaal ‘{scale}’. Kies er een uit de lijst.",
  "error.DELPHI_NOTHING_TO_EXPLAIN": "Hier staat geen antwoord van jou dat op een toelichting wacht.",
  "error.DELPHI_NO_OPEN_ROUND": "Er is op dit moment geen ronde van *{title}* open.",
  "error.DELPHI_ROUND_STILL_OPEN":
    "Ronde {round} van *{title}* is nog open. Sluit die eerst met `/cluster delphi close`.",
  "cmd.delphi new": "Start een Delphi-onderzoek: stellingen die de leden anoniem beoordelen, ronde na ronde",
  "cmd.delphi close": "Sluit de open Delphi-ronde nu",
  "cmd.delphi next": "Open de volgende Delphi-ronde (sluit op de opgegeven datum of over een week)",
  "cmd.delphi finish": "Beëindig het Delphi-onderzoek: geen rondes meer",
  "delphi.scale.probability": "Waarschijnlijkheid",
  "delphi.scale.desirability": "Wenselijkheid",
  "delphi.scale.impact": "Impact",
  "delphi.scale.year": "Jaar",
  "delphi.question.probability": "Hoe waarschijnlijk is het?",
  "delphi.question.desirability": "Hoe wenselijk is het?",
  "delphi.question.impact": "Hoe groot zou de impact zijn?",
  "delphi.question.year": "In welk jaar gebeurt het?",
  "delphi.low.probability": "zeer onwaarschijnlijk",
  "delphi.high.probability": "zeer waarschijnlijk",
  "delphi.low.desirability": "zeer onwenselijk",
  "delphi.high.desirability": "zeer wenselijk",
  "delphi.low.impact": "zeer klein",
  "delphi.high.impact": "zeer groot",
  "delphi.new.title": "Nieuw Delphi-onderzoek",
  "delphi.new.submit": "Start ronde 1",
  "delphi.new.intro":
    "Leden beoordelen elke stelling anoniem in een persoonlijk bericht, zien waar de groep staat en beoordelen opnieuw in de volgende ronde. Tijden zijn in {zone}.",
  "delphi.new.name": "Titel",
  "delphi.new.statements": "Stellingen over de toekomst (één per regel, 3–20)",
  "delphi.new.statementsPlaceholder":
    "De helft van het zware vervoer in de regio rijdt op waterstof.\nDe grootste werkgever van de regio automatiseert zijn fabriek.",
  "delphi.new.scales": "Beoordeeld op",
  "delphi.new.unit": "Schaal van waarschijnlijkheid, wenselijkheid en impact",
  "delphi.new.unitLikert": "1–5",
  "delphi.new.unitPercent": "0–100 %",
  "delphi.new.closesDate": "Ronde 1 sluit op",
  "delphi.new.closesTime": "Ronde 1 sluit om",
  "delphi.new.nextDate": "Ronde 2 opent automatisch op (optioneel)",
  "delphi.invalid.STATEMENTS":
    "Schrijf {min} tot {max} stellingen, één per regel (nu {n, plural, one {# stelling} other {# stellingen}}).",
  "delphi.invalid.STATEMENT_LENGTH": "Stelling {number} is langer dan {max} tekens.",
  "delphi.invalid.SCALES": "Kies ten minste één schaal.",
  "delphi.invalid.UNIT": "Kies 1–5 of 0–100 %.",
  "delphi.invalid.TITLE": "Geef het onderzoek een titel van 3 tot 200 tekens.",
  "delphi.invalid.DATE": "Kies een datum.",
  "delphi.invalid.TIME": "Geef een tijd als UU:MM.",
  "delphi.invalid.CLOSES_IN_PAST": "De sluitingstijd moet minstens een uur vanaf nu liggen.",
  "delphi.invalid.NEXT_BEFORE_CLOSE": "Ronde 2 moet openen nadat ronde 1 gesloten is.",
  "delphi.invalid.REASON": "Maximaal {max} tekens, graag.",
  "delphi.invalid.OTHER": "Controleer dit veld.",
  "delphi.created":
    "*{title}* is verstuurd: {n, plural, one {# lid krijgt} other {# leden krijgen}} de {statements} stellingen in een persoonlijk bericht. Ronde 1 sluit {when}.",
  "delphi.opened":
    "🔮 Delphi-onderzoek *{title}*: {statements} stellingen over onze toekomst. {n, plural, one {# lid kreeg} other {# leden kregen}} ze in een persoonlijk bericht om anoniem te beoordelen; ronde 1 sluit {when}.",
  "delphi.roundOpened":
    "🔮 Ronde {round} van *{title}* is open: {n, plural, one {# lid kreeg} other {# leden kregen}} een nieuw formulier met de resultaten van de vorige ronde in een persoonlijk bericht; de ronde sluit {when}.",
  "delphi.roundClosed":
    "Ronde {round} van *{title}* is gesloten: {n, plural, =0 {niemand deed mee} one {# lid deed mee} other {# leden deden mee}}.",
  "delphi.roundClosedNext":
    "De resultaten volgen hieronder. De organisator kan de volgende ronde openen met `/cluster delphi next` of de Delphi beëindigen met `/cluster delphi finish`.",
  "delphi.closedNow":
    "Ronde {round} van *{title}* is gesloten ({n, plural, one {# lid deed mee} other {# leden deden mee}}); het kanaal is op de hoogte gebracht.",
  "delphi.nextOpened":
    "Ronde {round} van *{title}* is open tot {when}: {n, plural, one {# lid krijgt} other {# leden krijgen}} een nieuw formulier.",
  "delphi.finished": "*{title}* is afgerond na {rounds, plural, one {# ronde} other {# rondes}}.",
  "delphi.reminder":
    "⏰ Ronde {round} van *{title}* sluit {when}: {n, plural, one {# stelling wacht} other {# stellingen wachten}} nog op je antwoord.",
  "delphi.sheet.heading": "🔮 {title} – {cluster}",
  "delphi.sheet.round": "Ronde {round}: antwoord uiterlijk {when}.",
  "delphi.sheet.roundClosed": "Ronde {round} is gesloten.",
  "delphi.sheet.anonymous":
    "Anoniem: je beoordelingen komen zonder je naam bij die van de groep. Alleen jij ziet hier je eigen antwoorden.",
  "delphi.sheet.progress": "{answered} van {total} beantwoord.",
  "delphi.sheet.answer": "Beantwoorden",
  "delphi.sheet.answerWithReason": "Met een toelichting…",
  "delphi.sheet.explain": "Mijn standpunt toelichten",
  "delphi.sheet.answered": "Beantwoord.",
  "delphi.sheet.yourAnswer": "Jouw antwoord: {answer}",
  "delphi.sheet.groupSoFar": "De groep tot nu toe:",
  "delphi.sheet.figure": "{scale}: mediaan {median}, middelste bereik {low}–{high}",
  "delphi.sheet.fromThree": "het groepscijfer verschijnt vanaf 3 antwoorden",
  "delphi.sheet.previous": "Ronde {round} ({n, plural, one {# antwoord} other {# antwoorden}}):",
  "delphi.sheet.reasonBelow": "(onder het middelste bereik)",
  "delphi.sheet.reasonAbove": "(boven het middelste bereik)",
  "delphi.sheet.askBelow":
    "Je antwoord ligt onder het middelste bereik van de groep. Wil je de anderen in een zin of twee vertellen waarom?",
  "delphi.sheet.askAbove":
    "Je antwoord ligt boven het middelste bereik van de groep. Wil je de anderen in een zin of twee vertellen waarom?",
  "delphi.sheet.moved": "{scale}: je ging van {from} naar {to}.",
  "delphi.sheet.movedWithGroup":
    "{scale}: je ging van {from} naar {to}; de mediaan van de groep ging van {medianFrom} naar {medianTo}, {range}.",
  "delphi.sheet.narrowed": "het bereik werd smaller {from} → {to}",
  "delphi.sheet.widened": "het bereik werd breder {from} → {to}",
  "delphi.sheet.sameRange": "het bereik bleef {to}",
  "delphi.answerForm.title": "Jouw beoordeling",
  "delphi.answerForm.submit": "Opslaan",
  "delphi.answerForm.round": "Ronde {round}",
  "delphi.answerForm.reason": "Waarom? (optioneel, zonder je naam aan de groep getoond)",
  "delphi.explainForm.title": "Licht je standpunt toe",
  "delphi.explainForm.submit": "Versturen",
  "delphi.explainForm.anonymous":
    "Je toelichting wordt in de volgende ronde zonder je naam aan de groep getoond.",
  "delphi.explainForm.reason": "Jouw toelichting",
};
