// The delphi feature's words (rounds: create, answer, round 2) in Swedish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const sv: Translation<typeof en> = {
  "error.DELPHI_MISSING": "Det pågår ingen Delfi-enkät i det här klustret.",
  "error.DELPHI_ROUND_CLOSED": "Omgång {round} av *{title}* är stängd: svar tas inte längre emot.",
  "error.DELPHI_ALREADY_ANSWERED":
    "Du har redan svarat på det här påståendet i den här omgången (omgång {round}). Ditt svar står kvar som du gav det.",
  "error.DELPHI_BAD_RATING": "Det är inget värde på skalan ”{scale}”. Välj ett i listan.",
  "error.DELPHI_NOTHING_TO_EXPLAIN": "Här finns inget svar av dig som väntar på en motivering.",
  "error.DELPHI_NO_OPEN_ROUND": "Ingen omgång av *{title}* är öppen just nu.",
  "error.DELPHI_ROUND_STILL_OPEN":
    "Omgång {round} av *{title}* är fortfarande öppen. Stäng den först med `/cluster delphi close`.",
  "cmd.delphi new": "Starta en Delfi-enkät: påståenden som medlemmarna bedömer anonymt, omgång efter omgång",
  "cmd.delphi close": "Stäng den öppna Delfi-omgången nu",
  "cmd.delphi next": "Öppna nästa Delfi-omgång (stänger på angivet datum eller om en vecka)",
  "cmd.delphi finish": "Avsluta Delfi-enkäten: inga fler omgångar",
  "delphi.scale.probability": "Sannolikhet",
  "delphi.scale.desirability": "Önskvärdhet",
  "delphi.scale.impact": "Påverkan",
  "delphi.scale.year": "År",
  "delphi.question.probability": "Hur sannolikt är det?",
  "delphi.question.desirability": "Hur önskvärt är det?",
  "delphi.question.impact": "Hur stor skulle påverkan vara?",
  "delphi.question.year": "Vilket år händer det?",
  "delphi.low.probability": "mycket osannolikt",
  "delphi.high.probability": "mycket sannolikt",
  "delphi.low.desirability": "mycket oönskat",
  "delphi.high.desirability": "mycket önskvärt",
  "delphi.low.impact": "mycket liten",
  "delphi.high.impact": "mycket stor",
  "delphi.new.title": "Ny Delfi-enkät",
  "delphi.new.submit": "Starta omgång 1",
  "delphi.new.intro":
    "Medlemmarna bedömer varje påstående anonymt i ett personligt meddelande, ser var gruppen står och bedömer igen i nästa omgång. Tiderna är i {zone}.",
  "delphi.new.name": "Rubrik",
  "delphi.new.statements": "Påståenden om framtiden (ett per rad, 3–20)",
  "delphi.new.statementsPlaceholder":
    "Hälften av regionens tunga transporter går på vätgas.\nRegionens största arbetsgivare automatiserar sin fabrik.",
  "delphi.new.scales": "Bedöms på",
  "delphi.new.unit": "Skala för sannolikhet, önskvärdhet och påverkan",
  "delphi.new.unitLikert": "1–5",
  "delphi.new.unitPercent": "0–100 %",
  "delphi.new.closesDate": "Omgång 1 stänger den",
  "delphi.new.closesTime": "Omgång 1 stänger kl.",
  "delphi.new.nextDate": "Omgång 2 öppnar automatiskt den (valfritt)",
  "delphi.invalid.STATEMENTS":
    "Skriv {min} till {max} påståenden, ett per rad (nu {n, plural, one {# påstående} other {# påståenden}}).",
  "delphi.invalid.STATEMENT_LENGTH": "Påstående {number} är längre än {max} tecken.",
  "delphi.invalid.SCALES": "Välj minst en skala.",
  "delphi.invalid.UNIT": "Välj 1–5 eller 0–100 %.",
  "delphi.invalid.TITLE": "Ge enkäten en rubrik på 3 till 200 tecken.",
  "delphi.invalid.DATE": "Välj ett datum.",
  "delphi.invalid.TIME": "Ange tiden som HH:MM.",
  "delphi.invalid.CLOSES_IN_PAST": "Stängningstiden måste vara minst en timme fram i tiden.",
  "delphi.invalid.NEXT_BEFORE_CLOSE": "Omgång 2 måste öppna efter att omgång 1 har stängt.",
  "delphi.invalid.REASON": "Högst {max} tecken, tack.",
  "delphi.invalid.OTHER": "Kontrollera det här fältet.",
  "delphi.created":
    "*{title}* är utskickad: {n, plural, one {# medlem får} other {# medlemmar får}} dess {statements} påståenden i ett personligt meddelande. Omgång 1 stänger {when}.",
  "delphi.opened":
    "🔮 Delfi-enkäten *{title}*: {statements} påståenden om vår framtid. {n, plural, one {# medlem fick} other {# medlemmar fick}} dem i ett personligt meddelande att bedöma anonymt; omgång 1 stänger {when}.",
  "delphi.roundOpened":
    "🔮 Omgång {round} av *{title}* är öppen: {n, plural, one {# medlem fick} other {# medlemmar fick}} sitt nya formulär med förra omgångens resultat i ett personligt meddelande; den stänger {when}.",
  "delphi.roundClosed":
    "Omgång {round} av *{title}* är stängd: {n, plural, =0 {ingen deltog} one {# medlem deltog} other {# medlemmar deltog}}.",
  "delphi.roundClosedNext":
    "Resultaten följer nedan. Arrangören kan öppna nästa omgång med `/cluster delphi next` eller avsluta Delphin med `/cluster delphi finish`.",
  "delphi.closedNow":
    "Omgång {round} av *{title}* är stängd ({n, plural, one {# medlem deltog} other {# medlemmar deltog}}); kanalen har fått veta.",
  "delphi.nextOpened":
    "Omgång {round} av *{title}* är öppen till {when}: {n, plural, one {# medlem får} other {# medlemmar får}} sitt nya formulär.",
  "delphi.finished": "*{title}* är avslutad efter {rounds, plural, one {# omgång} other {# omgångar}}.",
  "delphi.reminder":
    "⏰ Omgång {round} av *{title}* stänger {when}: {n, plural, one {# påstående väntar} other {# påståenden väntar}} fortfarande på ditt svar.",
  "delphi.sheet.heading": "🔮 {title} – {cluster}",
  "delphi.sheet.round": "Omgång {round}: svara senast {when}.",
  "delphi.sheet.roundClosed": "Omgång {round} är stängd.",
  "delphi.sheet.anonymous":
    "Anonymt: dina bedömningar läggs till gruppens utan ditt namn. Bara du ser dina egna svar här.",
  "delphi.sheet.progress": "{answered} av {total} besvarade.",
  "delphi.sheet.answer": "Svara",
  "delphi.sheet.answerWithReason": "Med en motivering…",
  "delphi.sheet.explain": "Motivera min syn",
  "delphi.sheet.answered": "Besvarat.",
  "delphi.sheet.yourAnswer": "Ditt svar: {answer}",
  "delphi.sheet.groupSoFar": "Gruppen hittills:",
  "delphi.sheet.figure": "{scale}: median {median}, mittersta intervallet {low}–{high}",
  "delphi.sheet.fromThree": "gruppens siffra visas från 3 svar",
  "delphi.sheet.previous": "Omgång {round} ({n, plural, one {# svar} other {# svar}}):",
  "delphi.sheet.reasonBelow": "(under det mittersta intervallet)",
  "delphi.sheet.reasonAbove": "(över det mittersta intervallet)",
  "delphi.sheet.askBelow":
    "Ditt svar ligger under gruppens mittersta intervall. Vill du berätta för de andra varför, med en mening eller två?",
  "delphi.sheet.askAbove":
    "Ditt svar ligger över gruppens mittersta intervall. Vill du berätta för de andra varför, med en mening eller två?",
  "delphi.sheet.moved": "{scale}: du flyttade från {from} till {to}.",
  "delphi.sheet.movedWithGroup":
    "{scale}: du flyttade från {from} till {to}; gruppens median flyttade från {medianFrom} till {medianTo}, {range}.",
  "delphi.sheet.narrowed": "intervallet smalnade av {from} → {to}",
  "delphi.sheet.widened": "intervallet vidgades {from} → {to}",
  "delphi.sheet.sameRange": "intervallet förblev {to}",
  "delphi.answerForm.title": "Din bedömning",
  "delphi.answerForm.submit": "Spara",
  "delphi.answerForm.round": "Omgång {round}",
  "delphi.answerForm.reason": "Varför? (valfritt, visas för gruppen utan ditt namn)",
  "delphi.explainForm.title": "Motivera din syn",
  "delphi.explainForm.submit": "Skicka",
  "delphi.explainForm.anonymous": "Din motivering visas för gruppen i nästa omgång, utan ditt namn.",
  "delphi.explainForm.reason": "Din motivering",
};
