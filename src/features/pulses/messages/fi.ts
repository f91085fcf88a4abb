// The pulses feature's words in Finnish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const fi: Translation<typeof en> = {
  "error.PULSE_NOT_FOUND": "En löydä sitä kyselyä tästä klusterista.",
  "error.PULSE_NOT_OPEN": "Kysely *{title}* ei ole vielä avoinna vastauksille.",
  "error.PULSE_CLOSED": "Kysely *{title}* on sulkeutunut: vastauksia ei enää oteta vastaan eikä muuteta.",
  "error.NOT_IN_AUDIENCE":
    "Kyselyä *{title}* ei ole osoitettu sinulle, joten sinun ei tarvitse vastata siihen.",
  "error.PULSE_ALREADY_SUBMITTED":
    "Olet jo lähettänyt vastauksesi kyselyyn *{title}*. Nimettömiä vastauksia ei voi muuttaa lähettämisen jälkeen.",
  "error.RESPONSE_NOT_FOUND":
    "En löydä keskeneräisiä vastauksiasi kyselyyn *{title}*. Avaa kysely uudelleen ja aloita alusta.",
  "error.INVALID_ANSWER":
    "Vastaus kysymykseen ”{question}” ei kelpaa ({code}). Tarkista se ja vastaa uudelleen.",
  "error.UNKNOWN_QUESTION": "Kysymys {question} ei kuulu tähän kyselyyn.",
  "error.PULSE_NEEDS_SKILLS":
    "Edellinen pulssikysely kysyy klusterin osaamisista ja ammateista, mutta klusterin lista on tyhjä, joten niihin kysymyksiin ei voisi vastata. Luo sen sijaan uusi kysely ja luettele osaamiset sen lomakkeessa.",
  "error.NO_PREVIOUS_PULSE":
    "Tässä klusterissa ei ole aiempaa kyselyä kopioitavaksi. Luo sen sijaan uusi kysely.",
  "error.RESULTS_NOT_AVAILABLE": "Kyselyn *{title}* tulokset näytetään, kun se sulkeutuu.",
  "cmd.pulse new": "Lähetä jäsenille osaamistarpeiden pulssikysely",
  "cmd.pulse copy": "Lähetä edellisen kierroksen pulssikysely uudelleen uusin päivin",
  "cmd.pulse status": "Viimeisimmän pulssikyselyn vastausprosentti",
  "cmd.pulse results": "Viimeisimmän pulssikyselyn tulokset kaavioineen",
  "cmd.pulse close": "Sulje viimeisin pulssikysely nyt ja julkaise sen tulokset",
  "cmd.pulse export": "Viimeisimmän pulssikyselyn vastaukset ja yhteenveto CSV-tiedostoina",
  "cmd.stakeholder": "Kerro, mitä klusterin sidosryhmää edustat",
  "stakeholder.BUSINESS": "Elinkeinoelämä",
  "stakeholder.EDUCATION": "Koulutuksen järjestäjä",
  "stakeholder.PUBLIC": "Viranomainen",
  "stakeholder.RESEARCH": "Tutkimus",
  "stakeholder.unspecified": "Ei määritelty",
  "pulse.stakeholder.set":
    "Merkitty: edustat tässä klusterissa sidosryhmää *{type}*. Pulssikyselyt kohdennetaan ja tulokset eritellään sen mukaan.",
  "pulse.stakeholder.usage":
    "Kerro, mitä sidosryhmää edustat: `/cluster stakeholder <tyyppi>`, jokin näistä: {types}.",
  "pulse.new.title": "Uusi pulssikysely",
  "pulse.new.submit": "Lähetä kysely",
  "pulse.new.intro":
    "Kohderyhmän jäsenet saavat kyselyn henkilökohtaisena viestinä, kun se avautuu. Ajat ovat aikavyöhykkeellä {zone}.",
  "pulse.new.name": "Nimi",
  "pulse.new.namePlaceholder": "esim. Osaamispulssi, kevät 2027",
  "pulse.new.questions": "Kysymykset",
  "pulse.new.audience": "Kohderyhmä (tyhjä = kaikki jäsenet)",
  "pulse.new.anonymity": "Vastaukset",
  "pulse.new.anonymous": "Nimettömät",
  "pulse.new.named": "Nimelliset",
  "pulse.new.opensDate": "Avautumispäivä (tyhjä = nyt)",
  "pulse.new.opensTime": "Avautumisaika",
  "pulse.new.closesDate": "Sulkeutumispäivä",
  "pulse.new.closesTime": "Sulkeutumisaika",
  "pulse.new.resultsLive": "Tulokset",
  "pulse.new.resultsAtClose": "Näytetään, kun kysely sulkeutuu",
  "pulse.new.resultsLiveYes": "Näkyvissä jo kyselyn ollessa auki (vain nimelliset kyselyt)",
  "pulse.new.skills": "Osaamiset ja ammatit osaamistarvetaulukkoon (yksi riviä kohden)",
  "pulse.new.skillsPlaceholder": "Hitsaus\nKaivosautomaatio\nEnglanninkielinen opastus",
  "pulse.copy.title": "Kopioi edellinen pulssi",
  "pulse.copy.intro":
    "Lähettää kyselyn *{title}* uudelleen ({n, plural, one {# kysymys} other {# kysymystä}}, sama kohderyhmä ja nimettömyys) uusin päivin.",
  "pulse.created":
    "*{title}* on valmis: {invited, plural, one {# jäsen saa} other {# jäsentä saa}} sen henkilökohtaisena viestinä {opens}. Kysely sulkeutuu {closes}.",
  "pulse.invalid.TITLE": "Anna kyselylle 3–200 merkin nimi.",
  "pulse.invalid.QUESTIONS": "Valitse 1–20 kysymystä.",
  "pulse.invalid.DUPLICATE_QUESTION": "Sama kysymys on valittu kahdesti.",
  "pulse.invalid.AUDIENCE":
    "Valitse vähintään yksi sidosryhmä, tai ei yhtään, jolloin kysely menee kaikille jäsenille.",
  "pulse.invalid.NO_SKILLS":
    "Osaamiskysymykset (osaamistarvetaulukko, vaikeasti täytettävät tehtävät) kysyvät klusterin osaamisista ja ammateista, ja lista on tyhjä: niihin ei voisi vastata. Luettele tähän vähintään yksi, yksi riviä kohden, tai jätä ne kysymykset pois.",
  "pulse.invalid.SKILLS": "Enintään 15 osaamista, kukin enintään 75 merkkiä.",
  "pulse.invalid.OPENS_IN_PAST": "Avautumisaika on mennyt.",
  "pulse.invalid.CLOSES_BEFORE_OPENS": "Kyselyn on sulkeuduttava vasta avautumisen jälkeen.",
  "pulse.invalid.BEFORE_PREVIOUS": "Kopion on avauduttava myöhemmin kuin edellinen kysely avautui.",
  "pulse.invalid.DATE": "Anna päivä muodossa 2027-03-15.",
  "pulse.invalid.TIME": "Anna kellonaika muodossa 16:00.",
  "pulse.invalid.OTHER": "Tarkista tämä kenttä.",
  "pulse.opened":
    "📋 *{title}* on avattu: {invited, plural, one {# jäsen} other {# jäsentä}} sai sen henkilökohtaisena viestinä. Vastaaminen vie minuutin; kysely sulkeutuu {when}.",
  "pulse.opened.anonymous":
    "Vastaukset ovat nimettömiä: kukaan ei näe, kuka vastasi mitäkin, ei edes tietokannan avulla.",
  "pulse.opened.named":
    "Vastaukset ovat nimellisiä: sihteeri ja ennakointikoordinaattori näkevät, kuka vastasi mitäkin.",
  "pulse.sheet.heading": "📋 {title} – {cluster}",
  "pulse.sheet.closes": "Avoinna {when} asti. Vastauksesi tallentuvat sitä mukaa kuin vastaat.",
  "pulse.sheet.anonymous":
    "Nimetön: vastauksesi tallennetaan ilman nimeäsi, eikä mikään botin tietokannassa yhdistä niitä sinuun. Botti kirjaa vain, että olet osallistunut, jotta se lakkaa muistuttamasta sinua. Alle 3 vastaajan ryhmiä ei koskaan näytetä.",
  "pulse.sheet.named":
    "Nimellinen: nimesi tallennetaan vastaustesi yhteyteen, ja sihteeri ja ennakointikoordinaattori näkevät ne. Voit muuttaa vastauksiasi, kunnes kysely sulkeutuu.",
  "pulse.sheet.optional": "(vapaaehtoinen)",
  "pulse.sheet.yourAnswer": "Vastauksesi: {answer}",
  "pulse.sheet.notAnswered": "ei vielä vastattu – käytä painiketta ”Vastaa lomakkeella”",
  "pulse.sheet.progress": "Vastattu {answered}/{total}.",
  "pulse.sheet.openForm": "Vastaa lomakkeella",
  "pulse.sheet.submit": "Lähetä vastaukset",
  "pulse.sheet.anonymousFinal": "Nimettömiä vastauksia ei voi muuttaa lähettämisen jälkeen.",
  "pulse.sheet.submittedNamed":
    "✅ Lähetetty – kiitos! Voit vielä muuttaa vastauksia, kunnes kysely sulkeutuu.",
  "pulse.sheet.submittedAnonymous": "✅ Lähetetty – kiitos! Nimettömät vastauksesi ovat lopullisia.",
  "pulse.sheet.submittedUnlinked":
    "Vastauksiasi ei enää yhdistetä sinuun, joten niitä ei voi näyttää tässä uudelleen.",
  "pulse.sheet.closed": "Tämä pulssikysely on sulkeutunut. Kiitos osallistumisesta.",
  "pulse.form.title": "Vastauksesi",
  "pulse.form.save": "Tallenna vastaukset",
  "pulse.form.anonymous":
    "Nimetön kysely: tallentaminen säilyttää vastauksesi; kun painat viestissä ”Lähetä vastaukset”, ne ovat lopullisia eikä niitä voi enää muokata.",
  "pulse.form.named": "Nimellinen kysely: voit palata muuttamaan vastauksia, kunnes kysely sulkeutuu.",
  "pulse.form.numberHint": "Luku väliltä {min}–{max}{unit}",
  "pulse.answerProblem": "Vastaustasi kysymykseen ”{question}” ei tallennettu: {problem}",
  "pulse.issue.WRONG_TYPE": "vastaus ei ole tälle kysymykselle sopivaa tyyppiä.",
  "pulse.issue.NOT_A_NUMBER": "anna luku.",
  "pulse.issue.NOT_AN_INTEGER": "anna kokonaisluku.",
  "pulse.issue.OUT_OF_RANGE": "luvun on oltava väliltä {min}–{max}.",
  "pulse.issue.UNKNOWN_OPTION": "vaihtoehto ei kuulu kysymyksen vaihtoehtoihin.",
  "pulse.issue.DUPLICATE_OPTION": "sama vaihtoehto on annettu kahdesti.",
  "pulse.issue.REQUIRED": "tähän kysymykseen on vastattava ennen lähettämistä.",
  "pulse.issue.TOO_FEW_SELECTED": "valitse vähintään {min}.",
  "pulse.issue.TOO_MANY_SELECTED": "valitse enintään {max}.",
  "pulse.issue.EXCLUSIVE_OPTION_COMBINED": "vaihtoehtoa ”ei mikään näistä” ei voi yhdistää muihin.",
  "pulse.issue.EMPTY": "vastaus on tyhjä.",
  "pulse.issue.TOO_LONG": "vastaus on liian pitkä (enintään {max} merkkiä).",
  "pulse.issue.UNKNOWN_SKILL": "tätä osaamista ei ole kyselyn listalla.",
  "pulse.issue.BAD_HORIZON": "tätä aikajännettä ei kysytä.",
  "pulse.issue.BAD_LEVEL": "tuntematon kysyntätaso.",
  "pulse.issue.DUPLICATE_CELL": "sama osaaminen on arvioitu kahdesti samalle aikajänteelle.",
  "pulse.reminder":
    "⏰ Et ole vielä vastannut loppuun kyselyyn *{title}* ({cluster}). Se vie minuutin; kysely sulkeutuu {when}.",
  "pulse.reminder.open": "Avaa kysely",
  "pulse.rateOverall": "Kaikki",
  "pulse.rateLine": "{label}: {completed}/{invited} vastannut ({rate}), {started} aloittanut",
  "pulse.rateHidden": "Ei näytetä, jotta pienet ryhmät pysyvät nimettöminä: {groups}",
  "pulse.state.SCHEDULED": "ei vielä avoinna",
  "pulse.state.OPEN": "avoinna",
  "pulse.state.CLOSED": "suljettu",
  "pulse.status.heading": "📋 *{title}* ({state})",
  "pulse.status.closes": "Sulkeutuu {when}.",
  "pulse.closed":
    "*{title}* on suljettu, {n, plural, one {# vastaus} other {# vastausta}}; tulokset julkaistaan kanavalla.",
  "pulse.results.heading": "📊 Tulokset: *{title}*",
  "pulse.results.liveHeading": "📊 Tulokset tähän mennessä (kysely yhä auki): *{title}*",
  "pulse.results.respondents": "{n, plural, one {# vastaus} other {# vastausta}}.",
  "pulse.results.privacy": "Alle 3 vastaajan ryhmiä ei näytetä.",
  "pulse.results.comparedWith": "Muutoksia verrataan kyselyyn *{previous}*.",
  "pulse.results.hidden": "Alle 3 vastausta ({n}): ei näytetä vastaajien suojaamiseksi.",
  "pulse.results.answers": "{n, plural, one {# vastaus} other {# vastausta}}.",
  "pulse.results.likert":
    "{n, plural, one {# vastaus} other {# vastausta}}, keskiarvo {mean} asteikolla 1–5.",
  "pulse.results.multiple":
    "{n, plural, one {# vastaus} other {# vastausta}}, {selections, plural, one {# valinta} other {# valintaa}} (laskettu vaihtoehdoittain; sama henkilö voi valita useita).",
  "pulse.results.number":
    "{n, plural, one {# vastaus} other {# vastausta}}: yhteensä {sum}{unit}, keskiarvo {mean}, mediaani {median}, vaihteluväli {min}–{max}.",
  "pulse.results.moreTexts": "… ja {n} muuta CSV-viennissä.",
  "pulse.results.skillsIntro":
    "{n, plural, one {# vastaus} other {# vastausta}}. Osaamiset odotetun kysynnän mukaan (pisteet −1 … +2, kasvua odottavien osuus):",
  "pulse.results.horizonShort": "{years} v",
  "pulse.results.total": "Yhteensä",
  "pulse.results.since": "Muutos kyselystä *{previous}*:",
  "pulse.results.meanChange": "keskiarvo {previous} → {current} ({change})",
  "pulse.results.pp": "%-yks.",
  "pulse.results.noRankChange": "järjestys ennallaan",
  "pulse.results.notComparable.TYPE_CHANGED": "Ei vertailukelpoinen: kysymyksen tyyppi on muuttunut.",
  "pulse.results.notComparable.HIDDEN":
    "Ei vertailukelpoinen: liian vähän vastauksia jommallakummalla kierroksella.",
  "pulse.results.notComparable.NO_ANSWERS":
    "Ei vertailukelpoinen: ei vastauksia jommallakummalla kierroksella.",
  "pulse.export.comment": "Kyselyn *{title}* vastaukset ja yhteenveto CSV-tiedostoina.",
  "pulse.export.answers": "Vastaukset (CSV)",
  "pulse.export.summary": "Yhteenveto (CSV)",
  "pulse.submitNeedsAnswer":
    "Vastauksiasi ei ole vielä lähetetty: kysymykseen ”{question}” tarvitaan ensin vastaus.",
  "pulse.new.questionList": "Kysymykset kokonaisuudessaan:",
};
