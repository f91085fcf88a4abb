// The starter question bank every cluster gets (Question rows with clusterId null). A key keeps its
// meaning for ever, so a question asked this spring compares with the same key next autumn and in
// the neighbouring cluster. Never reword a question so that its meaning changes: give it a new key.
// Texts are short enough to read on a phone; single-barrelled (trust and co-operation are two
// questions, not one) so that each answer means one thing.
import {
  CLUSTER_SKILLS,
  type LocalizedText,
  type QuestionDefinition,
  type QuestionDefinitionInput,
  QuestionDefinitionSchema,
} from "./question-types.ts";

type Scale = [LocalizedText, LocalizedText, LocalizedText, LocalizedText, LocalizedText];

export const AGREEMENT_SCALE: Scale = [
  { fi: "Täysin eri mieltä", sv: "Helt av annan åsikt", en: "Strongly disagree", nl: "Helemaal mee oneens" },
  { fi: "Jokseenkin eri mieltä", sv: "Delvis av annan åsikt", en: "Disagree", nl: "Mee oneens" },
  {
    fi: "Ei samaa eikä eri mieltä",
    sv: "Varken av samma eller annan åsikt",
    en: "Neither agree nor disagree",
    nl: "Niet eens, niet oneens",
  },
  { fi: "Jokseenkin samaa mieltä", sv: "Delvis av samma åsikt", en: "Agree", nl: "Mee eens" },
  { fi: "Täysin samaa mieltä", sv: "Helt av samma åsikt", en: "Strongly agree", nl: "Helemaal mee eens" },
];

export const OUTLOOK_SCALE: Scale = [
  { fi: "Selvästi heikommat", sv: "Klart sämre", en: "Much worse", nl: "Veel slechter" },
  { fi: "Hieman heikommat", sv: "Något sämre", en: "Somewhat worse", nl: "Iets slechter" },
  { fi: "Ennallaan", sv: "Oförändrade", en: "Unchanged", nl: "Onveranderd" },
  { fi: "Hieman paremmat", sv: "Något bättre", en: "Somewhat better", nl: "Iets beter" },
  { fi: "Selvästi paremmat", sv: "Klart bättre", en: "Much better", nl: "Veel beter" },
];

/**
 * Decisions:
 * - skills-demand asks about 1 and 5 years: one year feeds hiring and continuing education, five years
 *   feeds the planning of degree and vocational programmes (a programme started now graduates in
 *   3–5 years). Three horizons would double the taps for a one-minute survey; a cluster that wants
 *   3 years can add its own question with `horizons: [1, 3, 5]`.
 * - hard-to-fill-roles is a multiple choice over the cluster's own skill list, not free text: it
 *   counts per role, compares across cycles and sits next to the skill-need grid. Roles missing from
 *   the list surface in biggest-bottleneck and are added to the list for the next cycle. Not
 *   required: nothing ticked means "nothing is hard to fill".
 * - training-needs-by-level has an exclusive "no training needs", so that "none" is an answer and not
 *   a skipped question.
 */
export const STARTER_BANK: readonly QuestionDefinitionInput[] = [
  {
    key: "skills-demand",
    type: "SKILL_GRID",
    text: {
      fi: "Miten organisaationne tarve näille osaamisille ja ammateille kehittyy?",
      sv: "Hur utvecklas er organisations behov av dessa kompetenser och yrken?",
      en: "How will your organisation's need for these skills and occupations develop?",
      nl: "Hoe ontwikkelt de behoefte van uw organisatie aan deze vaardigheden en beroepen zich?",
    },
    config: { required: true, horizons: [1, 5] },
  },
  {
    key: "hard-to-fill-roles",
    type: "MULTIPLE_CHOICE",
    text: {
      fi: "Mihin näistä tehtävistä tai osaamisista organisaationne on nyt vaikea löytää tekijöitä?",
      sv: "Till vilka av dessa uppgifter eller kompetenser är det svårt för er organisation att hitta folk just nu?",
      en: "Which of these roles or skills is your organisation finding hard to fill right now?",
      nl: "Voor welke van deze functies of vaardigheden vindt uw organisatie nu moeilijk mensen?",
    },
    config: { required: false, options: CLUSTER_SKILLS },
  },
  {
    key: "recruitment-obstacle",
    type: "SINGLE_CHOICE",
    text: {
      fi: "Mikä vaikeuttaa organisaationne rekrytointeja eniten?",
      sv: "Vad försvårar er organisations rekryteringar mest?",
      en: "What makes recruiting hardest for your organisation?",
      nl: "Wat maakt werving voor uw organisatie het moeilijkst?",
    },
    config: {
      required: true,
      options: [
        {
          id: "few-applicants",
          label: {
            fi: "Liian vähän hakijoita",
            sv: "För få sökande",
            en: "Too few applicants",
            nl: "Te weinig sollicitanten",
          },
        },
        {
          id: "missing-skills",
          label: {
            fi: "Hakijoilta puuttuu tarvittava osaaminen",
            sv: "De sökande saknar den kompetens som behövs",
            en: "Applicants lack the skills needed",
            nl: "Sollicitanten missen de benodigde vaardigheden",
          },
        },
        {
          id: "location",
          label: {
            fi: "Sijainti, asuminen tai työmatkat",
            sv: "Läge, boende eller pendling",
            en: "Location, housing or commuting",
            nl: "Ligging, huisvesting of woon-werkverkeer",
          },
        },
        {
          id: "pay-and-terms",
          label: {
            fi: "Palkkaus tai työehdot",
            sv: "Lön eller anställningsvillkor",
            en: "Pay or terms of employment",
            nl: "Salaris of arbeidsvoorwaarden",
          },
        },
        {
          id: "uncertain-work",
          label: {
            fi: "Työn lyhytkestoisuus tai epävarmuus",
            sv: "Kortvariga eller osäkra anställningar",
            en: "Short-term or uncertain work",
            nl: "Kortdurend of onzeker werk",
          },
        },
        {
          id: "no-difficulties",
          label: {
            fi: "Ei rekrytointivaikeuksia",
            sv: "Inga rekryteringssvårigheter",
            en: "No recruitment difficulties",
            nl: "Geen wervingsproblemen",
          },
        },
        {
          id: "not-recruiting",
          label: {
            fi: "Emme rekrytoi tällä hetkellä",
            sv: "Vi rekryterar inte just nu",
            en: "We are not recruiting at the moment",
            nl: "We werven op dit moment niet",
          },
        },
      ],
    },
  },
  {
    key: "hiring-next-12m",
    type: "NUMBER",
    text: {
      fi: "Montako henkilöä organisaationne arvioi rekrytoivansa seuraavan 12 kuukauden aikana?",
      sv: "Hur många personer räknar er organisation med att anställa under de kommande 12 månaderna?",
      en: "How many people does your organisation expect to hire in the next 12 months?",
      nl: "Hoeveel mensen verwacht uw organisatie de komende 12 maanden aan te nemen?",
    },
    config: {
      required: true,
      unit: { fi: "henkilöä", sv: "personer", en: "people", nl: "personen" },
      min: 0,
      max: 10000,
      integer: true,
    },
  },
  {
    key: "training-needs-by-level",
    type: "MULTIPLE_CHOICE",
    text: {
      fi: "Millä koulutusasteilla organisaatiollanne on koulutustarpeita seuraavan 12 kuukauden aikana?",
      sv: "På vilka utbildningsnivåer har er organisation utbildningsbehov under de kommande 12 månaderna?",
      en: "At which levels of education does your organisation need training in the next 12 months?",
      nl: "Op welke onderwijsniveaus heeft uw organisatie de komende 12 maanden opleidingsbehoeften?",
    },
    config: {
      required: true,
      options: [
        {
          id: "vocational",
          label: {
            fi: "Ammatillinen koulutus",
            sv: "Yrkesutbildning",
            en: "Vocational education and training",
            nl: "Middelbaar beroepsonderwijs (mbo)",
          },
        },
        {
          id: "uas",
          label: {
            fi: "Ammattikorkeakoulu",
            sv: "Yrkeshögskola",
            en: "University of applied sciences",
            nl: "Hoger beroepsonderwijs (hbo)",
          },
        },
        {
          id: "university",
          label: {
            fi: "Yliopisto",
            sv: "Universitet",
            en: "University",
            nl: "Wetenschappelijk onderwijs (universiteit)",
          },
        },
        {
          id: "continuing",
          label: {
            fi: "Jatkuva oppiminen ja täydennyskoulutus",
            sv: "Kontinuerligt lärande och fortbildning",
            en: "Continuing education and upskilling",
            nl: "Bij- en nascholing",
          },
        },
        {
          id: "apprenticeship",
          label: {
            fi: "Oppisopimuskoulutus",
            sv: "Läroavtalsutbildning",
            en: "Apprenticeship training",
            nl: "Leren en werken (bbl, duaal leren)",
          },
        },
        {
          id: "tailored",
          label: {
            fi: "Täsmä- tai rekrytointikoulutus",
            sv: "Skräddarsydd utbildning eller rekryteringsutbildning",
            en: "Tailored or recruitment training",
            nl: "Maatwerk- of instroomopleiding",
          },
        },
        {
          id: "none",
          exclusive: true,
          label: {
            fi: "Ei koulutustarpeita",
            sv: "Inga utbildningsbehov",
            en: "No training needs",
            nl: "Geen opleidingsbehoeften",
          },
        },
      ],
    },
  },
  {
    key: "education-cooperation",
    type: "LIKERT",
    text: {
      fi: "Työelämän ja oppilaitosten välinen yhteistyö toimii alueellamme hyvin.",
      sv: "Samarbetet mellan arbetslivet och läroanstalterna fungerar väl i vår region.",
      en: "Co-operation between employers and education providers works well in our region.",
      nl: "De samenwerking tussen werkgevers en onderwijsinstellingen verloopt goed in onze regio.",
    },
    config: { required: true, labels: AGREEMENT_SCALE },
  },
  {
    key: "cluster-trust",
    type: "LIKERT",
    text: {
      fi: "Luotan klusterin muihin jäseniin.",
      sv: "Jag litar på klustrets övriga medlemmar.",
      en: "I trust the other members of the cluster.",
      nl: "Ik vertrouw de andere leden van het cluster.",
    },
    config: { required: true, labels: AGREEMENT_SCALE },
  },
  {
    key: "cluster-cooperation",
    type: "LIKERT",
    text: {
      fi: "Klusterin sisäinen yhteistyö tuo organisaatiolleni konkreettista hyötyä.",
      sv: "Samarbetet inom klustret ger min organisation konkret nytta.",
      en: "Co-operation within the cluster brings concrete benefits to my organisation.",
      nl: "De samenwerking binnen het cluster levert mijn organisatie concreet voordeel op.",
    },
    config: { required: true, labels: AGREEMENT_SCALE },
  },
  {
    key: "sector-outlook-12m",
    type: "LIKERT",
    text: {
      fi: "Millaiset ovat toimialanne näkymät seuraavan 12 kuukauden aikana nykyiseen verrattuna?",
      sv: "Hur ser utsikterna för er bransch ut för de kommande 12 månaderna jämfört med i dag?",
      en: "Compared with today, what is the outlook for your sector over the next 12 months?",
      nl: "Hoe zijn de vooruitzichten voor uw sector voor de komende 12 maanden, vergeleken met nu?",
    },
    config: { required: true, labels: OUTLOOK_SCALE },
  },
  {
    key: "biggest-bottleneck",
    type: "FREE_TEXT",
    text: {
      fi: "Mikä on suurin pullonkaula, johon klusterin pitäisi seuraavaksi tarttua?",
      sv: "Vilken är den största flaskhalsen som klustret borde ta itu med härnäst?",
      en: "What is the biggest bottleneck the cluster should tackle next?",
      nl: "Wat is het grootste knelpunt dat het cluster als volgende moet aanpakken?",
    },
    config: { required: false, maxLength: 1000 },
  },
];

export const STARTER_KEYS: readonly string[] = STARTER_BANK.map((q) => q.key);

let parsed: readonly QuestionDefinition[] | undefined;

/** The bank parsed with its defaults applied; throws (at first use) if an entry were invalid. */
export function starterQuestions(): readonly QuestionDefinition[] {
  parsed ??= STARTER_BANK.map((q) => QuestionDefinitionSchema.parse(q));
  return parsed;
}

export function starterQuestion(key: string): QuestionDefinition | undefined {
  return starterQuestions().find((q) => q.key === key);
}
