// The radar's pure rules: strength (the saver's view shrunk toward the members'), age buckets in the
// cluster's zone, the words of a signal in each of the four languages, and themes across clusters
// from realistic phrases (and what word matching cannot find).
import { describe, expect, it } from "vitest";
import { wordTools } from "../../../src/features/signals/app/word-tools.ts";
import { parsePestel } from "../../../src/features/signals/domain/pestel.ts";
import {
  ageBoundaries,
  ageBucket,
  byStrength,
  monthsBefore,
  strength,
} from "../../../src/features/signals/domain/strength.ts";
import {
  groupThemes,
  guessLanguage,
  type ThemeSignal,
  terms,
  words,
} from "../../../src/features/signals/domain/themes.ts";

const tools = wordTools();

describe("strength", () => {
  it("is the saver's own view with no ratings, and moves toward the members' mean as they rate", () => {
    expect(strength({ significance: 5, timeliness: 3 }, { n: 0, mean: null })).toBe(4);
    // One member's 2: (2·4 + 1·2) / 3.
    expect(strength({ significance: 5, timeliness: 3 }, { n: 1, mean: 2 })).toBeCloseTo(10 / 3, 10);
    // Eight members at 2 outweigh the saver: (2·4 + 8·2) / 10.
    expect(strength({ significance: 5, timeliness: 3 }, { n: 8, mean: 2 })).toBeCloseTo(2.4, 10);
  });

  it("lets one enthusiastic rating lift a signal less than many agreeing ones", () => {
    const saver = { significance: 3, timeliness: 3 };
    expect(strength(saver, { n: 1, mean: 5 })).toBeLessThan(strength(saver, { n: 6, mean: 4.5 }));
  });

  it("orders strongest first; equal strength: more ratings, then newer", () => {
    const at = (d: string) => new Date(d);
    const list = [
      { id: "a", strength: 3, ratings: 1, createdAt: at("2027-01-01T00:00:00Z") },
      { id: "b", strength: 4, ratings: 0, createdAt: at("2026-01-01T00:00:00Z") },
      { id: "c", strength: 3, ratings: 2, createdAt: at("2026-06-01T00:00:00Z") },
      { id: "d", strength: 3, ratings: 1, createdAt: at("2027-02-01T00:00:00Z") },
    ];
    expect([...list].sort(byStrength).map((s) => s.id)).toEqual(["b", "c", "d", "a"]);
  });
});

describe("age buckets, in the cluster's zone", () => {
  // 10 May 2027 09:00 in Helsinki (UTC+3).
  const now = new Date("2027-05-10T06:00:00Z");
  const helsinki = ageBoundaries(now, "Europe/Helsinki");

  it("start on the 1st of this month, 3 and 12 months before, at local midnight", () => {
    expect(helsinki.thisMonth.toISOString()).toBe("2027-04-30T21:00:00.000Z");
    expect(helsinki.threeMonths.toISOString()).toBe("2027-01-31T22:00:00.000Z");
    expect(helsinki.twelveMonths.toISOString()).toBe("2026-04-30T21:00:00.000Z");
  });

  it("put a signal saved just after local midnight on the 1st in this month, not in UTC's April", () => {
    expect(ageBucket(new Date("2027-04-30T21:30:00Z"), helsinki)).toBe("THIS_MONTH");
    // The same instant is still April in New York.
    const newYork = ageBoundaries(now, "America/New_York");
    expect(ageBucket(new Date("2027-04-30T21:30:00Z"), newYork)).toBe("MONTHS_1_3");
  });

  it("count 1–3 and 3–12 calendar months back, then older", () => {
    expect(ageBucket(new Date("2027-02-01T12:00:00Z"), helsinki)).toBe("MONTHS_1_3");
    expect(ageBucket(new Date("2027-01-31T12:00:00Z"), helsinki)).toBe("MONTHS_3_12");
    expect(ageBucket(new Date("2026-05-01T12:00:00Z"), helsinki)).toBe("MONTHS_3_12");
    expect(ageBucket(new Date("2026-04-29T12:00:00Z"), helsinki)).toBe("OLDER");
  });

  it("reach 6 months back to the same local day, clamped at a short month's end", () => {
    expect(monthsBefore(now, 6, "Europe/Helsinki").toISOString()).toBe("2026-11-09T22:00:00.000Z");
    const endOfAugust = new Date("2027-08-31T09:00:00Z");
    expect(monthsBefore(endOfAugust, 6, "Europe/Helsinki").toISOString()).toBe("2027-02-27T22:00:00.000Z");
  });
});

describe("PESTEL categories as typed", () => {
  const names = {
    POLITICAL: ["political", "poliittinen", "politisk", "politiek"],
    ECONOMIC: ["economic", "taloudellinen", "ekonomisk", "economisch"],
    SOCIAL: ["social", "sosiaalinen", "social", "sociaal"],
    TECHNOLOGICAL: ["technological", "teknologinen", "teknologisk", "technologisch"],
    ENVIRONMENTAL: ["environmental", "ympäristö", "miljö", "milieu"],
    LEGAL: ["legal", "oikeudellinen", "juridisk", "juridisch"],
  };
  it("reads any language's name, any case, accents optional, and a prefix naming one category", () => {
    expect(parsePestel("Teknologinen", names)).toBe("TECHNOLOGICAL");
    expect(parsePestel("ymparisto", names)).toBe("ENVIRONMENTAL");
    expect(parsePestel("MILJÖ", names)).toBe("ENVIRONMENTAL");
    expect(parsePestel("ECONOMIC", names)).toBe("ECONOMIC");
    expect(parsePestel("jurid", names)).toBe("LEGAL");
    expect(parsePestel("weather", names)).toBeNull();
    // "pol" could be only political; "so" is too short to guess.
    expect(parsePestel("pol", names)).toBe("POLITICAL");
    expect(parsePestel("so", names)).toBeNull();
  });
});

describe("the words of a signal", () => {
  it("lowercases and splits on anything that is not a letter or a digit", () => {
    expect(words("Vetytalouden investoinnit, Kemi–Tornio 2030!")).toEqual([
      "vetytalouden",
      "investoinnit",
      "kemi",
      "tornio",
      "2030",
    ]);
  });

  it("guesses the language from its stop words; without any, the cluster's language", () => {
    expect(guessLanguage(words("Hydrogen investments are growing in Lapland"), "fi", tools)).toBe("en");
    expect(guessLanguage(words("Investeringar i vätgas ökar i Norrbotten"), "fi", tools)).toBe("sv");
    expect(guessLanguage(words("De investeringen in waterstof groeien in het hele land"), "en", tools)).toBe(
      "nl",
    );
    expect(guessLanguage(words("Vetyinvestoinnit Kemissä"), "fi", tools)).toBe("fi");
    expect(guessLanguage(words("Vetyinvestoinnit Kemissä"), "sv", tools)).toBe("sv");
  });

  it("stems each language with its own stemmer and drops its stop words and numbers", () => {
    expect([...terms("Vetytalouden investoinnit kasvavat myös 2030", "fi", tools).keys()]).toEqual([
      "vetytaloud",
      "investoin",
      "kasvav",
    ]);
    expect([...terms("Investeringar i vätgas ökar i Norrbotten", "sv", tools).keys()]).toEqual([
      "investering",
      "vätg",
      "ökar",
      "norrbot",
    ]);
    expect([...terms("Hydrogen investments in Lapland", "en", tools).keys()]).toEqual([
      "hydrogen",
      "invest",
      "lapland",
    ]);
    // "haven" is also an English stop word (haven't): a tie, settled by the cluster's language.
    expect([...terms("Waterstofinvesteringen in de haven van Rotterdam", "nl", tools).keys()]).toEqual([
      "waterstofinvester",
      "hav",
      "rotterdam",
    ]);
  });

  it("keeps the first word a stem came from: what the report shows", () => {
    expect(terms("Hydrogen investments and more investment", "en", tools).get("invest")).toBe("investments");
  });
});

describe("themes across clusters", () => {
  let id = 0;
  const signal = (
    clusterId: string,
    language: ThemeSignal["language"],
    title: string,
    category: ThemeSignal["category"] = "ECONOMIC",
    description = "",
  ): ThemeSignal => ({ id: String(++id), clusterId, category, title, description, language });

  it("finds a theme in two clusters writing the same language, with its words and counts per cluster", () => {
    const themes = groupThemes(
      [
        signal("lapland", "fi", "Vetytalouden investoinnit kasvavat Lapissa"),
        signal("kemi", "fi", "Vetytalouden investoinnit Kemissä"),
        signal("kemi", "fi", "Vetytalouden investoinnit ja uudet työpaikat", "ECONOMIC"),
        signal("oulu", "fi", "Kaivosten automaatio etenee"),
      ],
      tools,
    );
    expect(themes).toEqual([
      {
        category: "ECONOMIC",
        words: ["investoinnit", "vetytalouden"],
        counts: [
          { clusterId: "kemi", signals: 2 },
          { clusterId: "lapland", signals: 1 },
        ],
        signals: 3,
      },
    ]);
  });

  it("finds English signals of a Finnish cluster and an English one (the text's language, not the cluster's)", () => {
    const themes = groupThemes(
      [
        signal("lapland", "fi", "Hydrogen investments are growing in Lapland"),
        signal("north-sweden", "sv", "New hydrogen investment plans for Lapland"),
      ],
      tools,
    );
    expect(themes.map((t) => t.words)).toEqual([["hydrogen", "investments", "lapland"]]);
  });

  it("needs two shared words: a common verb alone is no theme", () => {
    // Both Swedish; they share only "ökar" (increase): vätgas is written as part of a compound in one.
    const themes = groupThemes(
      [
        signal("a", "sv", "Vätgasinvesteringar ökar"),
        signal("b", "sv", "Investeringar i vätgas ökar i Norrbotten"),
      ],
      tools,
    );
    expect(themes).toEqual([]);
  });

  it("keeps categories apart and ignores words shared within one cluster only", () => {
    const themes = groupThemes(
      [
        signal("a", "en", "Hydrogen investments in Lapland", "ECONOMIC"),
        signal("b", "en", "Hydrogen investments in Lapland", "ENVIRONMENTAL"),
        signal("c", "en", "Battery recycling plant", "TECHNOLOGICAL"),
        signal("c", "en", "Battery recycling plant opens", "TECHNOLOGICAL"),
      ],
      tools,
    );
    expect(themes).toEqual([]);
  });

  it("cannot match different languages: Finnish, Swedish, English and Dutch hydrogen never meet", () => {
    const themes = groupThemes(
      [
        signal("fi", "fi", "Vetytalouden investoinnit kasvavat"),
        signal("fi2", "fi", "Vetyinvestoinnit Kemissä"),
        signal("sv", "sv", "Vätgasinvesteringar ökar"),
        signal("en", "en", "Hydrogen investments in Lapland"),
        signal("nl", "nl", "Waterstofinvesteringen"),
      ],
      tools,
    );
    // Not even the two Finnish ones: a compound ("Vetyinvestoinnit") shares no stem with its parts.
    expect(themes).toEqual([]);
  });

  it("reads a short title with no stop words in the cluster's language, right or wrong", () => {
    // In a Finnish cluster both are stemmed as Finnish and meet; in an English-language cluster the
    // stop-word-less one is stemmed as English and misses the Finnish one (an honest limit).
    const finnish = [
      signal("a", "fi", "Vetytalouden investoinnit ja uudet työpaikat"),
      signal("b", "fi", "Vetytalouden investoinnit Kemissä"),
    ];
    expect(groupThemes(finnish, tools)).toHaveLength(1);
    const mixed = [finnish[0]!, { ...finnish[1]!, language: "en" as const }];
    expect(groupThemes(mixed, tools)).toEqual([]);
  });

  it("matches a loanword across languages only when the stems agree (sv batterier, en battery)", () => {
    expect(terms("Batterier från Skellefteå", "sv", tools).has("batteri")).toBe(true);
    expect(terms("Battery recycling in Finland", "en", tools).has("batteri")).toBe(true);
    const themes = groupThemes(
      [
        signal("sv", "sv", "Batterier återvinns i Skellefteå", "TECHNOLOGICAL"),
        signal("en", "en", "Battery recycling in Skellefteå", "TECHNOLOGICAL"),
      ],
      tools,
    );
    expect(themes.map((t) => t.words)).toEqual([["batterier", "skellefteå"]]);
  });

  it("does not count words most of a category's signals share (every signal here says Lapland project)", () => {
    const topics = ["mine water", "reindeer herding", "tourism season", "road maintenance", "school network"];
    const list = [
      ...topics.map((topic, i) => signal(`c${i % 3}`, "en", `Lapland project: ${topic}`)),
      ...topics.map((topic, i) => signal(`c${(i + 1) % 3}`, "en", `Lapland project on ${topic} costs`)),
      signal("a", "en", "Lapland project: hydrogen investments"),
      signal("b", "en", "Lapland project brings hydrogen investments"),
    ];
    // Without the rule every signal would be one theme through "lapland" and "project". "Mine water"
    // is no theme: "mine" is an English stop word, and "water" alone is one shared word.
    expect(groupThemes(list, tools).map((t) => [t.words, t.signals])).toEqual([
      [["herding", "reindeer"], 2],
      [["hydrogen", "investments"], 2],
      [["maintenance", "road"], 2],
      [["network", "school"], 2],
      [["season", "tourism"], 2],
    ]);
  });

  it("puts themes seen in more clusters first", () => {
    const themes = groupThemes(
      [
        signal("a", "en", "Battery recycling grows"),
        signal("b", "en", "Battery recycling expands"),
        signal("a", "en", "Hydrogen investments in Lapland"),
        signal("b", "en", "Hydrogen investments announced"),
        signal("c", "en", "More hydrogen investments"),
      ],
      tools,
    );
    expect(themes.map((t) => [t.words, t.counts.length])).toEqual([
      [["hydrogen", "investments"], 3],
      [["battery", "recycling"], 2],
    ]);
  });
});
