// The delphi feature's words (rounds: create, answer, round 2) in Finnish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const fi: Translation<typeof en> = {
  "error.DELPHI_MISSING": "Tässä klusterissa ei ole käynnissä Delfoi-kyselyä.",
  "error.DELPHI_ROUND_CLOSED": "*{title}*: kierros {round} on päättynyt, eikä vastauksia enää oteta vastaan.",
  "error.DELPHI_ALREADY_ANSWERED":
    "Olet jo vastannut tähän väitteeseen tällä kierroksella (kierros {round}). Vastauksesi pysyy sellaisena kuin annoit sen.",
  "error.DELPHI_BAD_RATING": "Arvo ei kuulu asteikkoon ”{scale}”. Valitse arvo luettelosta.",
  "error.DELPHI_NOTHING_TO_EXPLAIN": "Tässä ei ole vastaustasi, jolle odotetaan perustelua.",
  "error.DELPHI_NO_OPEN_ROUND": "Kyselyn *{title}* yksikään kierros ei ole nyt auki.",
  "error.DELPHI_ROUND_STILL_OPEN":
    "Kyselyn *{title}* kierros {round} on vielä auki. Sulje se ensin komennolla `/cluster delphi close`.",
  "cmd.delphi new": "Aloita Delfoi-kysely: jäsenet arvioivat väitteitä nimettömästi kierros kierrokselta",
  "cmd.delphi close": "Sulje avoin Delfoi-kierros nyt",
  "cmd.delphi next": "Avaa seuraava Delfoi-kierros (päättyy annettuna päivänä tai viikon päästä)",
  "cmd.delphi finish": "Päätä Delfoi-kysely: ei enää kierroksia",
  "delphi.scale.probability": "Todennäköisyys",
  "delphi.scale.desirability": "Toivottavuus",
  "delphi.scale.impact": "Vaikutus",
  "delphi.scale.year": "Vuosi",
  "delphi.question.probability": "Kuinka todennäköistä se on?",
  "delphi.question.desirability": "Kuinka toivottavaa se on?",
  "delphi.question.impact": "Kuinka suuri vaikutus sillä olisi?",
  "delphi.question.year": "Minä vuonna se tapahtuu?",
  "delphi.low.probability": "hyvin epätodennäköistä",
  "delphi.high.probability": "hyvin todennäköistä",
  "delphi.low.desirability": "hyvin epätoivottavaa",
  "delphi.high.desirability": "hyvin toivottavaa",
  "delphi.low.impact": "hyvin pieni",
  "delphi.high.impact": "hyvin suuri",
  "delphi.new.title": "Uusi Delfoi-kysely",
  "delphi.new.submit": "Aloita kierros 1",
  "delphi.new.intro":
    "Jäsenet arvioivat jokaisen väitteen nimettömästi yksityisviestissä, näkevät ryhmän kannan ja arvioivat uudelleen seuraavalla kierroksella. Ajat ovat aikavyöhykkeellä {zone}.",
  "delphi.new.name": "Otsikko",
  "delphi.new.statements": "Väitteet tulevaisuudesta (yksi riviä kohden, 3–20)",
  "delphi.new.statementsPlaceholder":
    "Puolet alueen raskaasta liikenteestä kulkee vedyllä.\nAlueen suurin työnantaja automatisoi tehtaansa.",
  "delphi.new.scales": "Arvioidaan asteikoilla",
  "delphi.new.unit": "Todennäköisyyden, toivottavuuden ja vaikutuksen asteikko",
  "delphi.new.unitLikert": "1–5",
  "delphi.new.unitPercent": "0–100 %",
  "delphi.new.closesDate": "Kierros 1 päättyy päivänä",
  "delphi.new.closesTime": "Kierros 1 päättyy kello",
  "delphi.new.nextDate": "Kierros 2 avautuu automaattisesti päivänä (valinnainen)",
  "delphi.invalid.STATEMENTS":
    "Kirjoita {min}–{max} väitettä, yksi riviä kohden (nyt {n, plural, one {# väite} other {# väitettä}}).",
  "delphi.invalid.STATEMENT_LENGTH": "Väite {number} on yli {max} merkkiä pitkä.",
  "delphi.invalid.SCALES": "Valitse vähintään yksi asteikko.",
  "delphi.invalid.UNIT": "Valitse 1–5 tai 0–100 %.",
  "delphi.invalid.TITLE": "Anna kyselylle 3–200 merkin otsikko.",
  "delphi.invalid.DATE": "Valitse päivämäärä.",
  "delphi.invalid.TIME": "Anna kellonaika muodossa HH:MM.",
  "delphi.invalid.CLOSES_IN_PAST": "Päättymisajan on oltava vähintään tunnin päästä.",
  "delphi.invalid.NEXT_BEFORE_CLOSE": "Kierroksen 2 on avauduttava vasta kierroksen 1 päätyttyä.",
  "delphi.invalid.REASON": "Enintään {max} merkkiä, kiitos.",
  "delphi.invalid.OTHER": "Tarkista tämä kenttä.",
  "delphi.created":
    "*{title}* on lähetetty: {n, plural, one {# jäsen saa} other {# jäsentä saa}} sen {statements} väitettä yksityisviestinä. Kierros 1 päättyy {when}.",
  "delphi.opened":
    "🔮 Delfoi-kysely *{title}*: {statements} väitettä tulevaisuudestamme. {n, plural, one {# jäsen sai} other {# jäsentä sai}} ne yksityisviestinä nimettömästi arvioitaviksi; kierros 1 päättyy {when}.",
  "delphi.roundOpened":
    "🔮 Kyselyn *{title}* kierros {round} on auki: {n, plural, one {# jäsen sai} other {# jäsentä sai}} yksityisviestinä uuden lomakkeen edellisen kierroksen tuloksineen; kierros päättyy {when}.",
  "delphi.roundClosed":
    "Kyselyn *{title}* kierros {round} on päättynyt: {n, plural, =0 {kukaan ei osallistunut} one {# jäsen osallistui} other {# jäsentä osallistui}}.",
  "delphi.roundClosedNext":
    "Tulokset tulevat alla. Järjestäjä voi avata seuraavan kierroksen komennolla `/cluster delphi next` tai päättää Delphin komennolla `/cluster delphi finish`.",
  "delphi.closedNow":
    "Kyselyn *{title}* kierros {round} on suljettu ({n, plural, one {# jäsen osallistui} other {# jäsentä osallistui}}); kanavalle on kerrottu.",
  "delphi.nextOpened":
    "Kyselyn *{title}* kierros {round} on auki {when} asti: {n, plural, one {# jäsen saa} other {# jäsentä saa}} uuden lomakkeen.",
  "delphi.finished":
    "*{title}* on päättynyt {rounds, plural, one {# kierroksen} other {# kierroksen}} jälkeen.",
  "delphi.reminder":
    "⏰ Kyselyn *{title}* kierros {round} päättyy {when}: {n, plural, one {# väite odottaa} other {# väitettä odottaa}} vielä vastaustasi.",
  "delphi.sheet.heading": "🔮 {title} – {cluster}",
  "delphi.sheet.round": "Kierros {round}: vastaa viimeistään {when}.",
  "delphi.sheet.roundClosed": "Kierros {round} on päättynyt.",
  "delphi.sheet.anonymous":
    "Nimetön: arviosi liitetään ryhmän arvioihin ilman nimeäsi. Vain sinä näet omat vastauksesi täällä.",
  "delphi.sheet.progress": "Vastattu {answered}/{total}.",
  "delphi.sheet.answer": "Vastaa",
  "delphi.sheet.answerWithReason": "Perustelun kanssa…",
  "delphi.sheet.explain": "Perustele näkemykseni",
  "delphi.sheet.answered": "Vastattu.",
  "delphi.sheet.yourAnswer": "Vastauksesi: {answer}",
  "delphi.sheet.groupSoFar": "Ryhmä tähän mennessä:",
  "delphi.sheet.figure": "{scale}: mediaani {median}, keskimmäinen vaihteluväli {low}–{high}",
  "delphi.sheet.fromThree": "ryhmän luku näkyy, kun vastauksia on vähintään 3",
  "delphi.sheet.previous": "Kierros {round} ({n, plural, one {# vastaus} other {# vastausta}}):",
  "delphi.sheet.reasonBelow": "(keskimmäisen vaihteluvälin alapuolella)",
  "delphi.sheet.reasonAbove": "(keskimmäisen vaihteluvälin yläpuolella)",
  "delphi.sheet.askBelow":
    "Vastauksesi on ryhmän keskimmäisen vaihteluvälin alapuolella. Kertoisitko muille lauseella tai parilla, miksi?",
  "delphi.sheet.askAbove":
    "Vastauksesi on ryhmän keskimmäisen vaihteluvälin yläpuolella. Kertoisitko muille lauseella tai parilla, miksi?",
  "delphi.sheet.moved": "{scale}: siirryit arvosta {from} arvoon {to}.",
  "delphi.sheet.movedWithGroup":
    "{scale}: siirryit arvosta {from} arvoon {to}; ryhmän mediaani siirtyi arvosta {medianFrom} arvoon {medianTo}, {range}.",
  "delphi.sheet.narrowed": "vaihteluväli kapeni {from} → {to}",
  "delphi.sheet.widened": "vaihteluväli leveni {from} → {to}",
  "delphi.sheet.sameRange": "vaihteluväli pysyi {to}",
  "delphi.answerForm.title": "Arviosi",
  "delphi.answerForm.submit": "Tallenna",
  "delphi.answerForm.round": "Kierros {round}",
  "delphi.answerForm.reason": "Miksi? (valinnainen, näytetään ryhmälle ilman nimeäsi)",
  "delphi.explainForm.title": "Perustele näkemyksesi",
  "delphi.explainForm.submit": "Lähetä",
  "delphi.explainForm.anonymous": "Perustelusi näytetään ryhmälle seuraavalla kierroksella ilman nimeäsi.",
  "delphi.explainForm.reason": "Perustelusi",
};
