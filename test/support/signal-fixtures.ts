// Signals and members' ratings written straight into the database, for the radar's, the agenda's and
// the chairs' report's tests (saving and rating through the platforms is the capture part's journey).
import { randomUUID } from "node:crypto";
import type { TestDatabase } from "./database.ts";

type Category = "POLITICAL" | "ECONOMIC" | "SOCIAL" | "TECHNOLOGICAL" | "ENVIRONMENTAL" | "LEGAL";

export type SignalSeed = {
  title: string;
  description?: string;
  category?: Category;
  /** The saver's own rating, 1–5 each (default 3 and 3). */
  significance?: number;
  timeliness?: number;
  createdAt?: Date;
  messageLink?: string | null;
  sourceUrl?: string | null;
  savedById?: string | null;
  /** Members' ratings; anonymous (no person) unless a personId is given. */
  ratings?: { plausibility?: number | null; significance?: number | null; personId?: string | null }[];
};

/** Writes the signals (and their ratings) of one cluster in two statements; returns their ids in order. */
export async function seedSignals(
  db: TestDatabase,
  clusterId: string,
  seeds: SignalSeed[],
): Promise<string[]> {
  const ids = seeds.map(() => randomUUID());
  await db.prisma.signal.createMany({
    data: seeds.map((s, i) => ({
      id: ids[i]!,
      clusterId,
      title: s.title,
      description: s.description ?? "",
      category: s.category ?? "ECONOMIC",
      significance: s.significance ?? 3,
      timeliness: s.timeliness ?? 3,
      createdAt: s.createdAt ?? new Date(),
      messageLink: s.messageLink ?? null,
      sourceUrl: s.sourceUrl ?? null,
      savedById: s.savedById ?? null,
    })),
  });
  const ratings = seeds.flatMap((s, i) =>
    (s.ratings ?? []).map((r) => ({
      signalId: ids[i]!,
      personId: r.personId ?? null,
      plausibility: r.plausibility ?? null,
      significance: r.significance ?? null,
    })),
  );
  if (ratings.length) await db.prisma.signalRating.createMany({ data: ratings });
  return ids;
}

/** `n` plain signals, spread over the six categories and back in time a day apart from `newest`. */
export function manySignals(n: number, newest: Date, prefix = "Signal"): SignalSeed[] {
  const categories: Category[] = [
    "POLITICAL",
    "ECONOMIC",
    "SOCIAL",
    "TECHNOLOGICAL",
    "ENVIRONMENTAL",
    "LEGAL",
  ];
  return Array.from({ length: n }, (_, i) => ({
    title: `${prefix} ${i + 1}`,
    description: `Observation number ${i + 1}`,
    category: categories[i % categories.length]!,
    significance: 1 + (i % 5),
    timeliness: 1 + ((i * 3) % 5),
    createdAt: new Date(newest.getTime() - i * 86_400_000),
    ratings: i % 3 === 0 ? [{ plausibility: 4, significance: 5 }, { plausibility: 2 }] : [],
  }));
}

/** A meeting of the cluster that was held, its chosen slot starting at `startsAt`. */
export async function heldMeeting(
  db: TestDatabase,
  clusterId: string,
  startsAt: Date,
  title = "Spring meeting",
) {
  const meeting = await db.prisma.meeting.create({ data: { clusterId, title, status: "HELD" } });
  const slot = await db.prisma.meetingSlot.create({
    data: { meetingId: meeting.id, startsAt, durationMinutes: 120 },
  });
  return db.prisma.meeting.update({ where: { id: meeting.id }, data: { chosenSlotId: slot.id } });
}
