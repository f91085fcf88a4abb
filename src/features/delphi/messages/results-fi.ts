// The delphi feature's words (results, charts, agenda, export) in Finnish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./results-en.ts";

export const fi: Translation<typeof en> = {
  "cmd.delphi results": "Julkaise viimeisimmän Delfoi-kyselyn tulokset kanavalle kaavioineen",
  "cmd.delphi export": "Viimeisimmän Delfoi-kyselyn tunnusluvut, arviot ja perustelut CSV-tiedostoina",
  "error.DELPHI_RESULTS_NO_DELPHI": "Tällä klusterilla ei ole vielä Delfoi-kyselyä.",
  "error.DELPHI_RESULTS_NOT_YET":
    "Kyselyn *{title}* tulokset näytetään, kun sen ensimmäinen kierros on päättynyt.",
  "error.DELPHI_RESULTS_ROUND_NOT_CLOSED":
    "Kyselyn *{title}* kierros {round} ei ole päättynyt, joten siitä ei ole vielä tuloksia vietäväksi.",
  "error.DELPHI_RESULTS_STATEMENT_NOT_FOUND": "En löydä sitä Delfoi-väitettä tästä klusterista.",
  "error.DELPHI_RESULTS_NOT_DISPUTED":
    "Ryhmän näkemykset tästä väitteestä eivät jääneet pysyvästi erimielisiksi, joten sitä ei ehdoteta asialistalle täältä.",
  "delphi.results.posting": "Kyselyn *{title}* tuloksia julkaistaan kanavalle.",
  "delphi.results.heading": "📊 Delfoi-tulokset: *{title}*",
  "delphi.results.overview":
    "{statements, plural, one {# väite} other {# väitettä}}, {rounds, plural, one {# kierros} other {# kierrosta}}. Yksimielisyys viimeisellä kierroksella: {consensus, plural, one {# väite} other {# väitettä}}.",
  "delphi.results.disagreements": "Pysyvä erimielisyys, seuraavassa kokouksessa keskusteltavaksi:",
  "delphi.results.noDisagreements": "Yhdessäkään väitteessä ei ole pysyvää erimielisyyttä.",
  "delphi.results.privacy":
    "Nimetön: tunnuslukuja ei näytetä alle 3 vastauksesta. Yksimielisyys: kvartiiliväli (IQR) enintään 1 askel asteikolla 1–5, 20 prosenttiyksikköä asteikolla 0–100 % tai 5 vuotta.",
  "delphi.results.round": "Kierros {round}",
  "delphi.results.scale.probability": "Todennäköisyys",
  "delphi.results.scale.desirability": "Toivottavuus",
  "delphi.results.scale.impact": "Vaikuttavuus",
  "delphi.results.scale.year": "Vuosi",
  "delphi.results.figures": "kierros {round}: mediaani {median}, IQR {iqr} ({q1}–{q3}) {mark}",
  "delphi.results.hiddenRound":
    "kierros {round}: {n, plural, one {# vastaus} other {# vastausta}}, liian vähän näytettäväksi",
  "delphi.results.consensus": "✓",
  "delphi.results.noConsensus": "✗",
  "delphi.results.narrowed": "vaihteluväli kapeni {by}",
  "delphi.results.widened": "vaihteluväli leveni {by}",
  "delphi.results.unchanged": "vaihteluväli ennallaan",
  "delphi.results.disputed": "⚠️ Pysyvä erimielisyys",
  "delphi.results.onAgenda": "📌 Seuraavan kokouksen asialistalla.",
  "delphi.results.propose": "Ehdota seuraavan kokouksen asialistalle",
  "delphi.results.proposed": "”{text}” on nyt ehdotettu kokouksen *{meeting}* asialistalle tunnuslukuineen.",
  "delphi.results.alreadyProposed": "”{text}” on jo kokouksen *{meeting}* asialistalla.",
  "delphi.results.answers": "vastaukset",
  "delphi.results.export.comment": "*{title}*: tunnusluvut, nimettömät arviot ja perustelut ({rounds}).",
  "delphi.results.export.rounds": "{n, plural, one {kierros #} other {# kierrosta}}",
  "delphi.results.export.figures": "Tunnusluvut, kierros {round}",
  "delphi.results.export.ratings": "Arviot (nimettömät)",
  "delphi.results.export.reasons": "Perustelut (nimettömät)",
  "delphi.results.chairs.heading": "Delfoi",
  "delphi.results.chairs.none": "*{cluster}*: ei Delfoi-kyselyä, jonka kierros olisi päättynyt.",
  "delphi.results.chairs.row":
    "*{cluster}* – {title} (kierros {round}): yksimielisyys {consensus} / {statements, plural, one {# väitteestä} other {# väitteestä}}",
  "delphi.results.chairs.disputed": "pysyvä erimielisyys: {list}",
};
