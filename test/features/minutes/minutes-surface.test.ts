// The minutes commands' grammar and the channel summary of approved minutes.
import { describe, expect, it } from "vitest";
import { MinutesContentSchema } from "../../../src/features/minutes/domain/minutes-content.ts";
import { minutesChannelView } from "../../../src/features/minutes/surface/minutes-view.ts";
import { parseCommand } from "../../../src/kernel/surface/parse-command.ts";

describe("minutes commands", () => {
  it("take an optional meeting: a title with spaces or an id prefix", () => {
    expect(parseCommand("minutes")).toEqual({ ok: true, command: { name: "minutes" } });
    expect(parseCommand("minutes Spring 2027")).toEqual({
      ok: true,
      command: { name: "minutes", meeting: "Spring 2027" },
    });
    expect(parseCommand("Minutes DRAFT  Spring   2027")).toEqual({
      ok: true,
      command: { name: "minutes draft", meeting: "Spring 2027" },
    });
    expect(parseCommand("minutes approve 2f1c7a58")).toEqual({
      ok: true,
      command: { name: "minutes approve", meeting: "2f1c7a58" },
    });
    expect(parseCommand("minutes approve")).toEqual({ ok: true, command: { name: "minutes approve" } });
  });
});

describe("the channel summary", () => {
  it("shows the essentials in the cluster's language and cuts long lists short", () => {
    const content = MinutesContentSchema.parse({
      meeting: {
        id: "2f1c7a58-8f0e-4a53-9d2b-6a1f0c9e4b11",
        title: "Kevät",
        startsAt: null,
        durationMinutes: null,
        location: null,
      },
      cluster: { name: "Energia", locale: "fi", timeZone: "Europe/Helsinki" },
      attendance: { present: ["Aino"], absent: ["Olli", "Pekka"], unrecorded: [] },
      items: [],
      decisions: Array.from({ length: 14 }, (_, i) => ({ text: `Päätös ${i + 1}`, item: null })),
      newMeasures: [],
      followUp: [],
      pulse: null,
      summary: "",
      discussion: "",
      nextSteps: "Syksyllä uudestaan.",
      generatedAt: "2027-03-26T12:00:00.000Z",
    });
    const view = minutesChannelView(content, "fi", "📝 Pöytäkirja");
    const text = JSON.stringify(view.elements);
    expect(text).toContain("Läsnä: 1 · Poissa: 2");
    expect(text).toContain("ei määritelty");
    expect(text).toContain("• Päätös 10");
    expect(text).not.toContain("Päätös 11");
    expect(text).toContain("… +4");
    expect(text).toContain("Jatkotoimet");
    expect(text).not.toContain("Uudet toimenpiteet");
    // Notifications and screen readers get the counts and the decisions, not only the heading.
    expect(view.fallback).toMatch(
      /^📝 Pöytäkirja — Läsnä: 1, Päätökset: 14, Uudet toimenpiteet: 0:\n• Päätös 1\n/,
    );
  });
});
