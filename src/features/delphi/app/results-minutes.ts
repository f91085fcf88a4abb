// The minutes' "Delphi" section: the Delphi rounds that closed since the previous meeting, each
// statement's last-round median, IQR and consensus, and the statements the group kept disagreeing on.
// The minutes feature stores the section in its content (its own schema, MinutesContent.delphi) and
// draws it with delphiMinutesBlocks, in the cluster's language.
import type { DocBlock } from "../../../exports/doc-blocks.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import type { Locale } from "../../../kernel/domain/locale.ts";
import { figuresLine, resultsLabels } from "./results-labels.ts";
import { loadDelphiResults } from "./results-load.ts";

export type MinutesDelphiFigures = {
  scale: string;
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  iqr: number | null;
  consensus: boolean | null;
};
export type MinutesDelphiSection = {
  title: string;
  /** The last round that closed before the meeting. */
  round: number;
  statements: {
    position: number;
    text: string;
    figures: MinutesDelphiFigures[];
    disagreement: boolean;
  }[];
};

/**
 * The Delphis with a round closed between the previous meeting's start (or ever, for a first meeting)
 * and this meeting's start (or its creation, before a date was chosen): their figures as of the last
 * such round.
 */
export async function delphiForMinutes(
  tx: Tx,
  clusterId: string,
  meetingId: string,
): Promise<MinutesDelphiSection[]> {
  const meeting = await tx.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: { chosenSlot: true },
  });
  const until = meeting.chosenSlot?.startsAt ?? meeting.createdAt;
  const previous = await tx.meeting.findFirst({
    where: {
      clusterId,
      id: { not: meetingId },
      status: { in: ["SCHEDULED", "HELD"] },
      chosenSlot: { startsAt: { lt: until } },
    },
    include: { chosenSlot: true },
    orderBy: { chosenSlot: { startsAt: "desc" } },
  });
  const since = previous?.chosenSlot?.startsAt ?? null;
  const rounds = await tx.delphiRound.findMany({
    where: {
      delphi: { clusterId },
      closedAt: { lte: until, ...(since ? { gt: since } : {}) },
    },
    select: { delphiId: true, number: true },
  });
  const lastRound = new Map<string, number>();
  for (const r of rounds) lastRound.set(r.delphiId, Math.max(r.number, lastRound.get(r.delphiId) ?? 0));
  if (lastRound.size === 0) return [];
  const delphis = await tx.delphi.findMany({
    where: { id: { in: [...lastRound.keys()] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const sections: MinutesDelphiSection[] = [];
  for (const delphi of delphis) {
    const round = lastRound.get(delphi.id) as number;
    // Every round closed up to it, so a disagreement "after two rounds" counts the earlier ones too.
    const closed = await tx.delphiRound.findMany({
      where: { delphiId: delphi.id, closedAt: { not: null }, number: { lte: round } },
      select: { number: true },
      orderBy: { number: "asc" },
    });
    const { summary } = await loadDelphiResults(
      tx,
      delphi,
      closed.map((r) => r.number),
    );
    sections.push({
      title: delphi.title,
      round,
      statements: summary.statements.map((s) => ({
        position: s.position,
        text: s.text,
        figures: s.scales.map((scale) => {
          const last = scale.rounds.at(-1);
          const f = last?.figures ?? null;
          return {
            scale: scale.scale.key,
            n: last?.answers ?? 0,
            median: f?.median ?? null,
            q1: f?.q1 ?? null,
            q3: f?.q3 ?? null,
            iqr: f?.iqr ?? null,
            consensus: f?.consensus ?? null,
          };
        }),
        disagreement: s.persistentDisagreement,
      })),
    });
  }
  return sections;
}

const SCALES = ["probability", "desirability", "impact", "year"] as const;
const scaleKey = (key: string) =>
  (SCALES as readonly string[]).includes(key) ? (key as (typeof SCALES)[number]) : null;

/** The section as document blocks (Markdown and DOCX draw these), nothing when no round closed. */
export function delphiMinutesBlocks(sections: readonly MinutesDelphiSection[], locale: Locale): DocBlock[] {
  if (sections.length === 0) return [];
  const l = resultsLabels(locale);
  const blocks: DocBlock[] = [{ kind: "heading", level: 1, text: l("delphi") }];
  for (const section of sections) {
    blocks.push({
      kind: "heading",
      level: 2,
      text: l("delphiRound", { title: section.title, round: section.round }),
    });
    blocks.push({
      kind: "bullets",
      items: section.statements.map((s) => {
        const figures = s.figures.map((f) => {
          const key = scaleKey(f.scale);
          const shown =
            f.median === null || f.q1 === null || f.q3 === null || f.iqr === null || f.consensus === null
              ? null
              : { n: f.n, median: f.median, q1: f.q1, q3: f.q3, iqr: f.iqr, consensus: f.consensus };
          return `${key ? l(key) : f.scale}: ${figuresLine(l, locale, shown)}`;
        });
        return `${s.position}. ${s.text} — ${figures.join("; ")}`;
      }),
    });
    const disputed = section.statements.filter((s) => s.disagreement);
    if (disputed.length)
      blocks.push({
        kind: "paragraph",
        text: `${l("disagreement")}: ${disputed.map((s) => `${s.position}. ${s.text}`).join(" · ")}`,
      });
  }
  return blocks;
}
