// The content of one version of a meeting's minutes, as stored in Minutes.content (JSON): the parts
// drafted from the meeting record, and the free-text parts the secretary writes. Checked with zod on
// every read and write, so an old or hand-edited row never reaches an export unchecked.
import { z } from "zod";

export const MINUTES_TEXT_MAX = 3000;

const Name = z.string().max(200);
const MeasureRow = z.object({
  title: z.string().max(200),
  /** Null when the owner's personal data was erased ("former member"). */
  owner: Name.nullable(),
  /** YYYY-MM-DD */
  due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  status: z.enum(["PLANNED", "STARTED", "BLOCKED", "DONE", "CANCELLED"]),
  progress: z.number().int().min(0).max(100),
});
export type MinutesMeasure = z.output<typeof MeasureRow>;

export const MinutesPulseSchema = z.object({
  title: z.string().max(200),
  closesAt: z.iso.datetime(),
  invited: z.number().int().min(0),
  completed: z.number().int().min(0),
  /** completed ÷ invited, null with nobody invited. */
  rate: z.number().min(0).max(1).nullable(),
  /** One line per question: its text in the cluster's language, answers counted, a headline figure. */
  questions: z.array(
    z.object({
      text: z.string().max(1000),
      n: z.number().int().min(0),
      /** Likert or number mean; skill grid: score of the top skill. */
      mean: z.number().nullable(),
      /** Most chosen option or the skill with the most growing demand. */
      top: z.string().max(300).nullable(),
      hidden: z.boolean(),
    }),
  ),
});
export type MinutesPulse = z.output<typeof MinutesPulseSchema>;

/** A Delphi whose round closed since the previous meeting: the last round's figures per statement. */
export const MinutesDelphiSchema = z.object({
  title: z.string().max(500),
  round: z.number().int().min(1),
  statements: z.array(
    z.object({
      position: z.number().int().min(1),
      text: z.string().max(1000),
      figures: z.array(
        z.object({
          scale: z.string().max(40),
          n: z.number().int().min(0),
          median: z.number().nullable(),
          q1: z.number().nullable(),
          q3: z.number().nullable(),
          iqr: z.number().nullable(),
          consensus: z.boolean().nullable(),
        }),
      ),
      disagreement: z.boolean(),
    }),
  ),
});

export const MinutesContentSchema = z.object({
  meeting: z.object({
    id: z.uuid(),
    title: z.string().max(200),
    startsAt: z.iso.datetime().nullable(),
    durationMinutes: z.number().int().min(0).nullable(),
    location: z.string().max(300).nullable(),
  }),
  cluster: z.object({ name: z.string().max(200), locale: z.string(), timeZone: z.string() }),
  attendance: z.object({ present: z.array(Name), absent: z.array(Name), unrecorded: z.array(Name) }),
  items: z.array(
    z.object({
      title: z.string().max(500),
      kind: z.string().max(40),
      outcome: z.enum(["PROPOSED", "ACCEPTED", "DEFERRED", "REJECTED", "DISCUSSED"]),
    }),
  ),
  decisions: z.array(z.object({ text: z.string().max(2000), item: z.string().max(500).nullable() })),
  newMeasures: z.array(MeasureRow),
  followUp: z.array(MeasureRow),
  pulse: MinutesPulseSchema.nullable(),
  // Absent from minutes saved before the section existed.
  delphi: z.array(MinutesDelphiSchema).default([]),
  // The secretary's own words.
  summary: z.string().max(MINUTES_TEXT_MAX),
  discussion: z.string().max(MINUTES_TEXT_MAX),
  nextSteps: z.string().max(MINUTES_TEXT_MAX),
  generatedAt: z.iso.datetime(),
});
export type MinutesContent = z.output<typeof MinutesContentSchema>;

export type MinutesFreeText = Pick<MinutesContent, "summary" | "discussion" | "nextSteps">;
export const EMPTY_FREE_TEXT: MinutesFreeText = { summary: "", discussion: "", nextSteps: "" };

export function parseMinutesContent(json: unknown): MinutesContent {
  return MinutesContentSchema.parse(json);
}

/** `[meeting]` as typed: an id prefix (4+ hex digits or dashes) or words of the title. */
export function matchesMeeting(selector: string, meeting: { id: string; title: string }): boolean {
  const s = selector.trim().toLowerCase();
  if (!s) return false;
  if (/^[0-9a-f-]{4,36}$/.test(s) && meeting.id.toLowerCase().startsWith(s)) return true;
  return meeting.title.trim().toLowerCase() === s;
}
