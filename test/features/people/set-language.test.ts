// The `/cluster language`, `my-data` and `erase` grammar, and per-locale formatting: the same instant,
// response rate and average read the way each of the four languages writes them (dates, times,
// percentages, decimal separators).
import { describe, expect, it } from "vitest";
import { responseRate, summarizeQuestion } from "../../../src/features/pulses/domain/aggregate.ts";
import { starterQuestion } from "../../../src/features/pulses/domain/starter-bank.ts";
import { questionResultView, rateLines } from "../../../src/features/pulses/surface/pulse-results-view.ts";
import { LOCALES } from "../../../src/kernel/domain/locale.ts";
import { formatInZone } from "../../../src/kernel/domain/zoned-time.ts";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import { parseCommand } from "../../../src/kernel/surface/parse-command.ts";

describe("grammar", () => {
  it("parses language with and without a value, my-data, and erase with a mention", () => {
    expect(parseCommand("language fi")).toEqual({ ok: true, command: { name: "language", locale: "fi" } });
    expect(parseCommand("language")).toEqual({ ok: true, command: { name: "language" } });
    expect(parseCommand("language fi sv")).toMatchObject({ ok: false, key: "parse.usage" });
    expect(parseCommand("my-data")).toEqual({ ok: true, command: { name: "my-data" } });
    expect(parseCommand("erase <@U123|Maija Virtanen>")).toEqual({
      ok: true,
      command: { name: "erase", target: { userId: "U123", displayName: "Maija Virtanen" } },
    });
    expect(parseCommand("erase")).toMatchObject({ ok: false, key: "parse.usage" });
    expect(parseCommand("erase Maija")).toMatchObject({ ok: false, key: "parse.badUser" });
  });
});

describe("per-locale formatting", () => {
  const instant = new Date("2027-03-10T08:00:00Z"); // 10:00 in Helsinki
  const zone = "Europe/Helsinki";

  it("writes dates and times the way each language does", () => {
    const shown = Object.fromEntries(LOCALES.map((l) => [l, formatInZone(instant, l, zone, "dateTime")]));
    expect(shown).toEqual({
      fi: "ke 10.3.2027 klo 10.00",
      sv: "ons 10 mars 2027 10.00",
      en: "Wed, 10 Mar 2027, 10:00",
      nl: "wo 10 mrt 2027, 10:00",
    });
  });

  it("writes percentages and decimals the way each language does", () => {
    const rate = responseRate(
      [
        { status: "COMPLETED", stakeholderType: "BUSINESS" },
        { status: "INVITED", stakeholderType: "BUSINESS" },
        { status: "STARTED", stakeholderType: "PUBLIC" },
      ],
      { anonymous: false },
    );
    const overall = (l: (typeof LOCALES)[number]) => rateLines(rate, translator(l), l).split("\n")[0];
    expect(overall("fi")).toBe("Kaikki: 1/3 vastannut (33\u00a0%), 1 aloittanut");
    expect(overall("sv")).toBe("Alla: 1/3 har svarat (33\u00a0%), 1 har påbörjat");
    expect(overall("en")).toBe("All: 1/3 answered (33%), 1 started");
    expect(overall("nl")).toBe("Alle: 1/3 beantwoord (33%), 1 begonnen");

    const question = starterQuestion("cluster-trust")!;
    const summary = summarizeQuestion(
      question,
      [3, 4, 4, 3].map((value) => ({ value, stakeholderType: null })),
      { anonymous: true },
    );
    const message = {
      type: "pulse.question-result" as const,
      pulseTitle: "Spring",
      number: 1,
      question,
      summary,
      comparison: null,
      previousTitle: null,
    };
    const textOf = (l: (typeof LOCALES)[number]) =>
      JSON.stringify(questionResultView(message, translator(l), l).elements);
    for (const l of ["fi", "sv", "nl"] as const) {
      expect(textOf(l), l).toContain("3,5");
      expect(textOf(l), l).not.toContain("3.5");
    }
    expect(textOf("en")).toContain("average 3.5");
  });
});
