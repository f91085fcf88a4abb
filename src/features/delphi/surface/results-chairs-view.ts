// The Delphi part of the chairs' report (the forum feature draws the rest): a line per cluster with its
// latest Delphi's consensus count and its persistent disagreements — in the message, the Markdown
// pack and the DOCX pack alike.
import type { DocBlock } from "../../../exports/doc-blocks.ts";
import type { Translate } from "../../../kernel/i18n/catalog.ts";
import { type Element, text } from "../../../kernel/surface/view.ts";
import type { ChairsDelphi } from "../app/results-chairs.ts";
import { clip } from "./results-view.ts";

/** The chat message stays a summary: a few disagreements per cluster, cut (the packs list all, in full). */
const SHORT = { items: 5, text: 80 };

export type ClusterWithDelphi = { name: string; delphi: ChairsDelphi | null };

/** "*Energy* – Lapland 2035 (round 2): consensus on 1 of 3 statements\n  persistent disagreement: 1. …" */
export function chairsDelphiLines(
  clusters: readonly ClusterWithDelphi[],
  t: Translate,
  short = false,
): string[] {
  return clusters.map(({ name, delphi }) => {
    if (!delphi) return t("delphi.results.chairs.none", { cluster: name });
    const row = t("delphi.results.chairs.row", {
      cluster: name,
      title: delphi.title,
      round: delphi.round,
      consensus: delphi.consensusCount,
      statements: delphi.statements,
    });
    if (delphi.disagreements.length === 0) return row;
    const named = short ? delphi.disagreements.slice(0, SHORT.items) : delphi.disagreements;
    const more = delphi.disagreements.length - named.length;
    const list = [
      ...named.map((d) => `${d.position}. ${short ? clip(d.text, SHORT.text) : d.text}`),
      ...(more > 0 ? [`+${more}`] : []),
    ].join(" · ");
    return `${row}; ${t("delphi.results.chairs.disputed", { list })}`;
  });
}

export function chairsDelphiElements(clusters: readonly ClusterWithDelphi[], t: Translate): Element[] {
  if (clusters.length === 0) return [];
  return [
    { type: "divider" },
    text(t("delphi.results.chairs.heading"), "heading"),
    text(
      chairsDelphiLines(clusters, t, true)
        .map((l) => `• ${l}`)
        .join("\n"),
    ),
  ];
}

const markdownBold = (s: string) => s.replace(/\*([^*\n]+)\*/g, "**$1**");
const plain = (s: string) => s.replace(/\*([^*\n]+)\*/g, "$1");

export function chairsDelphiMarkdown(clusters: readonly ClusterWithDelphi[], t: Translate): string[] {
  if (clusters.length === 0) return [];
  return [
    `## ${t("delphi.results.chairs.heading")}`,
    chairsDelphiLines(clusters, t)
      .map((l) => `- ${markdownBold(l)}`)
      .join("\n"),
  ];
}

export function chairsDelphiBlocks(clusters: readonly ClusterWithDelphi[], t: Translate): DocBlock[] {
  if (clusters.length === 0) return [];
  return [
    { kind: "heading", level: 1, text: t("delphi.results.chairs.heading") },
    { kind: "bullets", items: chairsDelphiLines(clusters, t).map(plain) },
  ];
}
