// The forum feature's words in Finnish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const fi: Translation<typeof en> = {
  "cmd.forum setup": "Sido tämä kanava kaikkien klustereiden puheenjohtajien foorumiksi",
  "cmd.chairs report":
    "Klusterit rinnakkain: osaamistarpeet, toimenpiteet, kokoukset (puheenjohtajien foorumi)",
  "error.NOT_IN_FORUM":
    "Raportit annetaan puheenjohtajien foorumissa: aja `/cluster chairs report` foorumin kanavalla (puheenjohtaja sitoo sellaisen komennolla `/cluster forum setup <nimi>`).",
  "error.FORUM_EXISTS": "Tällä työtilalla on jo puheenjohtajien foorumi: *{forum}*.",
  "forum.done":
    "Tämä kanava on nyt *{forum}*, puheenjohtajien foorumi. Ristiinarvio saadaan täällä komennolla `/cluster chairs report`.",
  "forum.announce":
    "🧭 *{forum}* on puheenjohtajien foorumi. Klustereiden puheenjohtajat, varapuheenjohtajat ja ennakointikoordinaattorit vertailevat niitä täällä komennolla `/cluster chairs report`.",
  "forum.help":
    "Tämä kanava on puheenjohtajien foorumi. Sen jäseniä ovat klustereiden puheenjohtajat, varapuheenjohtajat ja ennakointikoordinaattorit. `/cluster chairs report` vertailee klustereita: missä osaamistarve kasvaa, toimenpiteet, tulevat kokoukset. Foorumi suunnittelee oman kokouksensa komennolla `/cluster meeting plan`; `/cluster cycle` näyttää sen kaudet.",
  "forum.onlyReports":
    "Tämä kanava on puheenjohtajien foorumi: klusterin komennot toimivat kunkin klusterin omalla kanavalla. Täällä käytä komentoa `/cluster chairs report` tai foorumin omaan kokoukseen `/cluster meeting plan`.",
  "chairs.heading": "🧭 {forum}: klusterit rinnakkain ({n})",
  "chairs.noClusters": "Tässä työtilassa ei ole vielä klustereita.",
  "chairs.skills.heading": "Missä osaamistarve kasvaa",
  "chairs.skills.none":
    "Yhdelläkään klusterilla ei ole vielä suljettua kyselyä, jossa on osaamistarveruudukko.",
  "chairs.skills.horizon": "{years} vuoden aikajänne",
  "chairs.skills.row": "{skill}: kasvaa {growing}/{rated, plural, one {# klusterissa} other {# klusterissa}}",
  "chairs.skills.rule":
    "Kasvaa: vähintään puolet klusterin vastaajista odottaa tarpeen kasvavan sen viimeisimmässä suljetussa kyselyssä. Alle 3 vastaajan lukuja ei näytetä.",
  "chairs.source.none": "{cluster}: ei suljettua kyselyä, jossa on osaamistarveruudukko",
  "chairs.source.pulse": "{cluster}: *{title}*, {n, plural, one {# vastaus} other {# vastausta}}",
  "chairs.source.hidden":
    "{cluster}: *{title}*, {n, plural, one {# vastaus} other {# vastausta}} – liian vähän näytettäväksi",
  "chairs.chart.skills": "Klusterit, joissa tarve kasvaa",
  "chairs.chart.measures": "Toimenpiteet klustereittain",
  "chairs.scorecard.heading": "Toimenpiteet",
  "chairs.scorecard.row":
    "*{cluster}*: {open} avoinna ({onTrack} aikataulussa, {overdue} myöhässä) · {done} valmiina, {onTime} ajallaan",
  "chairs.meetings.heading": "Tulevat kokoukset",
  "chairs.meetings.none": "*{cluster}*: ei sovittua kokousta",
  "chairs.meetings.row": "*{cluster}*: {title}, {when}",
  "chairs.pack.comment": "Foorumin *{forum}* taustamateriaali Wordille (DOCX) ja Markdownina.",
  "chairs.pack.title": "Taustamateriaali",
  "chairs.generated": "Koottu {when}.",
  "chairs.md.skill": "Osaaminen",
  "chairs.md.growingIn": "Kasvaa",
  "chairs.md.legend": "▲ kasvaa · ○ ei kasva · · alle 3 vastaajaa · tyhjä: ei lukuja",
  "chairs.md.cluster": "Klusteri",
  "chairs.md.open": "Avoinna",
  "chairs.md.onTrack": "Aikataulussa",
  "chairs.md.overdue": "Myöhässä",
  "chairs.md.done": "Valmiina",
  "chairs.md.onTime": "Ajallaan valmiina",
};
