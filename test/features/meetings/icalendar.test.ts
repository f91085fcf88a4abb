import { describe, expect, it } from "vitest";
import {
  buildCalendarFile,
  type CalendarEventInput,
  filenameFor,
} from "../../../src/features/meetings/app/icalendar.ts";
import { zonedToUtc } from "../../../src/kernel/domain/zoned-time.ts";

// --- a small RFC 5545 reader: unfold, split name;params:value, unescape TEXT -------------------

type Property = { name: string; params: Record<string, string>; value: string };

function unfold(text: string): string[] {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // no bare CR or LF anywhere
  const physical = text.slice(0, -2).split("\r\n");
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(" ") || line.startsWith("\t")) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  return logical;
}

function parseLine(line: string): Property {
  let i = 0;
  let quoted = false;
  const cuts: number[] = [];
  for (; i < line.length; i += 1) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ";") cuts.push(i);
    else if (!quoted && c === ":") break;
  }
  const head = line.slice(0, i);
  const value = line.slice(i + 1);
  const bounds = [-1, ...cuts, head.length];
  const segments = bounds.slice(1).map((end, k) => head.slice(bounds[k]! + 1, end));
  const params: Record<string, string> = {};
  for (const segment of segments.slice(1)) {
    const eq = segment.indexOf("=");
    params[segment.slice(0, eq)] = segment.slice(eq + 1).replace(/^"(.*)"$/, "$1");
  }
  return { name: segments[0]!, params, value };
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

type Component = { name: string; props: Property[]; children: Component[] };

function parse(text: string): Component {
  const stack: Component[] = [{ name: "ROOT", props: [], children: [] }];
  for (const line of unfold(text)) {
    const prop = parseLine(line);
    if (prop.name === "BEGIN") {
      const child = { name: prop.value, props: [], children: [] };
      stack.at(-1)!.children.push(child);
      stack.push(child);
    } else if (prop.name === "END") {
      expect(stack.pop()!.name).toBe(prop.value);
    } else {
      stack.at(-1)!.props.push(prop);
    }
  }
  expect(stack).toHaveLength(1);
  expect(stack[0]!.children).toHaveLength(1);
  return stack[0]!.children[0]!;
}

const prop = (c: Component, name: string) => c.props.find((p) => p.name === name);
const props = (c: Component, name: string) => c.props.filter((p) => p.name === name);
const child = (c: Component, name: string) => c.children.find((x) => x.name === name)!;

// --- fixtures -------------------------------------------------------------------------------------

const HKI = "Europe/Helsinki";
const base: CalendarEventInput = {
  uid: "5d0f6c1e-2a41-4c8e-9a57-3f1f4e7c9b10@ennakko",
  sequence: 0,
  cancelled: false,
  startsAt: zonedToUtc("2027-03-10", "10:00", HKI),
  durationMinutes: 120,
  timeZone: HKI,
  summary: "Kevät 2027: Lapin kaivos- ja materiaaliklusteri; ennakointi, osa 1",
  description:
    "Esityslista:\n1. Mitä päätimme syksyllä, ja mitä tapahtui?\n2. Hiilijalanjälki; C:\\raportit\nTervetuloa!",
  location: "Rovaniemi, Lapin yliopisto; sali 2",
  url: "https://ennakko.example/meetings/5d0f6c1e",
  organizer: { name: 'Päivi "Puheenjohtaja" Äijälä' },
  now: new Date("2027-02-01T09:30:15Z"),
};

describe("buildCalendarFile", () => {
  it("writes CRLF lines of at most 75 octets that never split a character", () => {
    const text = buildCalendarFile({ ...base, description: "ÄÖÅ äöå 😀 ".repeat(30) });
    const physical = text.slice(0, -2).split("\r\n");
    expect(physical.length).toBeGreaterThan(20);
    for (const line of physical) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(line).not.toContain("\uFFFD");
    }
    expect(physical.some((line) => line.startsWith(" "))).toBe(true);
  });

  it("round-trips escaped text, Finnish letters and line breaks", () => {
    const event = child(parse(buildCalendarFile(base)), "VEVENT");
    expect(unescapeText(prop(event, "SUMMARY")!.value)).toBe(base.summary);
    expect(unescapeText(prop(event, "DESCRIPTION")!.value)).toBe(base.description);
    expect(unescapeText(prop(event, "LOCATION")!.value)).toBe(base.location);
    expect(prop(event, "LOCATION")!.value).toBe("Rovaniemi\\, Lapin yliopisto\\; sali 2");
    expect(prop(event, "URL")!.value).toBe(base.url);
    expect(unescapeText(prop(event, "UID")!.value)).toBe(base.uid);
  });

  it("describes the calendar and the organiser", () => {
    const calendar = parse(buildCalendarFile(base));
    expect(calendar.name).toBe("VCALENDAR");
    expect(prop(calendar, "PRODID")!.value).toBe("-//Ennakko//Ennakko//EN");
    expect(prop(calendar, "VERSION")!.value).toBe("2.0");
    // A published event: RFC 5546 §3.2.1 wants an ORGANIZER and no ATTENDEE, and nobody replies.
    expect(prop(calendar, "METHOD")!.value).toBe("PUBLISH");
    expect(props(child(calendar, "VEVENT"), "ATTENDEE")).toEqual([]);
    const event = child(calendar, "VEVENT");
    expect(prop(event, "DTSTAMP")!.value).toBe("20270201T093015Z");
    expect(prop(event, "STATUS")!.value).toBe("CONFIRMED");
    expect(prop(event, "SEQUENCE")!.value).toBe("0");
    const organizer = prop(event, "ORGANIZER")!;
    expect(organizer.params.CN).toBe("Päivi 'Puheenjohtaja' Äijälä");
    expect(organizer.value).toBe("mailto:noreply@ennakko.invalid");
    const withEmail = parse(
      buildCalendarFile({ ...base, organizer: { name: "Päivi", email: "paivi@example.fi" } }),
    );
    expect(prop(child(withEmail, "VEVENT"), "ORGANIZER")!.value).toBe("mailto:paivi@example.fi");
  });

  it("writes start and end in the cluster zone, also across the DST change", () => {
    const event = child(parse(buildCalendarFile(base)), "VEVENT");
    expect(prop(event, "DTSTART")).toEqual({
      name: "DTSTART",
      params: { TZID: HKI },
      value: "20270310T100000",
    });
    expect(prop(event, "DTEND")).toEqual({ name: "DTEND", params: { TZID: HKI }, value: "20270310T120000" });
    // 02:00 EET + 3 hours is 06:00 EEST on the spring-forward night.
    const night = child(
      parse(
        buildCalendarFile({
          ...base,
          startsAt: zonedToUtc("2027-03-28", "02:00", HKI),
          durationMinutes: 180,
        }),
      ),
      "VEVENT",
    );
    expect(prop(night, "DTSTART")!.value).toBe("20270328T020000");
    expect(prop(night, "DTEND")!.value).toBe("20270328T060000");
  });

  it("embeds a VTIMEZONE with Helsinki's real 2027 transitions", () => {
    const tz = child(parse(buildCalendarFile(base)), "VTIMEZONE");
    expect(prop(tz, "TZID")!.value).toBe(HKI);
    const observances = tz.children.map((o) => ({
      kind: o.name,
      start: prop(o, "DTSTART")!.value,
      from: prop(o, "TZOFFSETFROM")!.value,
      to: prop(o, "TZOFFSETTO")!.value,
    }));
    expect(observances).toEqual([
      // The autumn 2026 change, so that January and February 2027 resolve too.
      { kind: "STANDARD", start: "20261025T040000", from: "+0300", to: "+0200" },
      { kind: "DAYLIGHT", start: "20270328T030000", from: "+0200", to: "+0300" },
      { kind: "STANDARD", start: "20271031T040000", from: "+0300", to: "+0200" },
    ]);
    expect(tz.children.map((o) => prop(o, "TZNAME")?.value)).toEqual(["EET", "EEST", "EET"]);
  });

  it("builds other zones from their own rules", () => {
    const ny = "America/New_York";
    const inNy = parse(
      buildCalendarFile({ ...base, timeZone: ny, startsAt: zonedToUtc("2027-06-01", "09:00", ny) }),
    );
    const nyRules = child(inNy, "VTIMEZONE").children.map((o) => `${o.name} ${prop(o, "DTSTART")!.value}`);
    expect(nyRules).toEqual([
      "STANDARD 20261101T020000",
      "DAYLIGHT 20270314T020000",
      "STANDARD 20271107T020000",
    ]);
    expect(prop(child(inNy, "VEVENT"), "DTSTART")!.value).toBe("20270601T090000");

    const tokyo = parse(buildCalendarFile({ ...base, timeZone: "Asia/Tokyo" }));
    const [only, ...rest] = child(tokyo, "VTIMEZONE").children;
    expect(rest).toEqual([]);
    expect(only!.name).toBe("STANDARD");
    expect(prop(only!, "TZOFFSETFROM")!.value).toBe("+0900");
    expect(prop(only!, "TZOFFSETTO")!.value).toBe("+0900");
    expect(prop(child(tokyo, "VEVENT"), "DTSTART")!.value).toBe("20270310T170000");
  });

  it("reschedules under the same UID with a higher SEQUENCE", () => {
    const first = child(parse(buildCalendarFile(base)), "VEVENT");
    const moved = child(
      parse(buildCalendarFile({ ...base, sequence: 1, startsAt: zonedToUtc("2027-03-11", "13:00", HKI) })),
      "VEVENT",
    );
    expect(prop(moved, "UID")!.value).toBe(prop(first, "UID")!.value);
    expect(Number(prop(moved, "SEQUENCE")!.value)).toBeGreaterThan(Number(prop(first, "SEQUENCE")!.value));
    expect(prop(moved, "DTSTART")!.value).toBe("20270311T130000");
  });

  it("publishes a cancellation as STATUS:CANCELLED under the same UID, never METHOD:CANCEL without attendees", () => {
    const calendar = parse(buildCalendarFile({ ...base, cancelled: true, sequence: 2 }));
    expect(prop(calendar, "METHOD")!.value).toBe("PUBLISH");
    const event = child(calendar, "VEVENT");
    expect(prop(event, "STATUS")!.value).toBe("CANCELLED");
    expect(prop(event, "TRANSP")!.value).toBe("TRANSPARENT");
    expect(prop(event, "SEQUENCE")!.value).toBe("2");
    expect(prop(event, "UID")!.value).toBe(base.uid);
    expect(props(event, "ATTENDEE")).toEqual([]);
  });

  it("writes the same wall clock whatever the process time zone (ical-generator alone would use it)", () => {
    const event = child(parse(buildCalendarFile({ ...base, timeZone: "Asia/Kolkata" })), "VEVENT");
    // 10:00 in Helsinki (08:00 UTC) is 13:30 in Kolkata, wherever the server runs.
    expect(prop(event, "DTSTART")!.value).toBe("20270310T133000");
    expect(prop(event, "DTSTART")!.params.TZID).toBe("Asia/Kolkata");
  });

  it("keeps control characters and line breaks out of names and text", () => {
    const text = buildCalendarFile({
      ...base,
      summary: "Kevät\u0007 2027",
      organizer: { name: "Päivi\nÄijälä" },
    });
    const event = child(parse(text), "VEVENT");
    expect(prop(event, "SUMMARY")!.value).toBe("Kevät 2027");
    expect(prop(event, "ORGANIZER")!.params.CN).toBe("Päivi Äijälä");
  });

  it("leaves out optional fields that are missing or unsafe", () => {
    const { description: _d, location: _l, ...rest } = base;
    const event = child(parse(buildCalendarFile({ ...rest, url: "javascript:alert(1)" })), "VEVENT");
    expect(prop(event, "DESCRIPTION")).toBeUndefined();
    expect(prop(event, "LOCATION")).toBeUndefined();
    expect(prop(event, "URL")).toBeUndefined();
  });
});

describe("filenameFor", () => {
  it("makes a safe ASCII .ics name", () => {
    expect(filenameFor("Kevät 2027 / Rovaniemi")).toBe("kevat-2027-rovaniemi.ics");
    expect(filenameFor("../../etc/passwd")).toBe("etc-passwd.ics");
    expect(filenameFor("!!!")).toBe("meeting.ics");
    expect(filenameFor("x".repeat(200))).toBe(`${"x".repeat(60)}.ics`);
  });
});
