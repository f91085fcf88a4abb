// The minutes feature's words in Finnish.
import type { Translation } from "../../../kernel/i18n/catalog.ts";
import type { en } from "./en.ts";

export const fi: Translation<typeof en> = {
  "cmd.minutes": "Hyväksytty pöytäkirja DOCX- ja Markdown-tiedostona sekä toimenpiteet CSV-tiedostona",
  "cmd.minutes draft": "Laadi kokouksen pöytäkirjaluonnos ja muokkaa sitä lomakkeella",
  "cmd.minutes approve": "Hyväksy pöytäkirja ja julkaise se kanavalle",
  "error.NO_HELD_MEETING":
    "Tämän klusterin kokouksia ei ole vielä pidetty, joten pöytäkirjaa ei ole. Nimeä kokous: `/cluster minutes <kokous>`.",
  "error.MINUTES_MEETING_NOT_FOUND":
    "En löydä tästä klusterista kokousta ”{meeting}”. Käytä kokouksen nimeä tai tunnisteen alkua.",
  "error.MINUTES_NOT_APPROVED":
    "Kokouksen *{meeting}* pöytäkirjaa ei ole vielä hyväksytty. Sihteeri tai puheenjohtaja hyväksyy sen komennolla `/cluster minutes approve`.",
  "error.MINUTES_ALREADY_APPROVED":
    "Tämän pöytäkirjan versio {version} on jo hyväksytty. Muokkaa sitä komennolla `/cluster minutes draft`, niin syntyy uusi versio.",
  "minutes.formTitle": "Pöytäkirja",
  "minutes.formIntro":
    "Kokouksen *{title}* pöytäkirja, versio {version}. Läsnäolo, asioiden käsittely, {decisions, plural, one {# päätös} other {# päätöstä}}, {measures, plural, one {# uusi toimenpide} other {# uutta toimenpidettä}}, seuranta ja viimeisin pulssikysely tulevat kirjauksista; kirjoita loput tähän.",
  "minutes.newVersion": "Versio {approved} on hyväksytty eikä muutu; tallentaminen luo version {version}.",
  "minutes.field.summary": "Avaussanat ja yhteenveto",
  "minutes.field.discussion": "Keskustelumuistiinpanot",
  "minutes.field.nextSteps": "Jatkotoimet",
  "minutes.save": "Tallenna luonnos",
  "minutes.saved":
    "Kokouksen *{title}* pöytäkirjaluonnos (versio {version}) on tallennettu. Hyväksy se, kun se on valmis.",
  "minutes.savedNew":
    "Tallennettu kokouksen *{title}* pöytäkirjan versioksi {version}, uudeksi luonnokseksi; hyväksytty versio ei muuttunut.",
  "minutes.approve": "Hyväksy",
  "minutes.edit": "Muokkaa",
  "minutes.approved":
    "Kokouksen *{title}* pöytäkirjan versio {version} on hyväksytty ja julkaistu kanavalla.",
  "minutes.announce": "📝 Kokouksen *{title}* pöytäkirja (versio {version}), hyväksynyt {name}",
  "minutes.files.comment":
    "Kokouksen *{title}* pöytäkirja (versio {version}) DOCX- ja Markdown-tiedostona sekä toimenpiteet CSV-tiedostona.",
  "minutes.files.draft":
    "LUONNOS kokouksen *{title}* pöytäkirjasta (versio {version}, ei vielä hyväksytty) DOCX- ja Markdown-tiedostona sekä toimenpiteet CSV-tiedostona.",
  "minutes.files.docx": "Pöytäkirja (Word)",
  "minutes.files.markdown": "Pöytäkirja (Markdown)",
  "minutes.files.csv": "Toimenpiteet (CSV)",
};
