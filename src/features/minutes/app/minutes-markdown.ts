// The minutes as Markdown (CommonMark + GFM tables): readable as plain text, renders anywhere.
import type { Locale } from "../../../kernel/domain/locale.ts";
import type { MinutesContent } from "../domain/minutes-content.ts";
import { type DocBlock, type MinutesMeta, minutesDocument } from "./minutes-document.ts";

/**
 * Backslash-escapes what Markdown would read as markup (emphasis, code, links, HTML, table pipes, and
 * a block marker at the start); line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, " ")
    .replace(/([\\`*_[\]<>|~])/g, "\\$1")
    .replace(/^(\s*)([#+-]|\d+(?=[.)]))/, "$1\\$2");
}

const cell = (text: string) => escapeMarkdown(text);

export function renderMarkdown(blocks: readonly DocBlock[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "title":
        out.push(`# ${escapeMarkdown(block.text)}`);
        break;
      case "heading":
        out.push(`${"#".repeat(block.level + 1)} ${escapeMarkdown(block.text)}`);
        break;
      case "paragraph":
        out.push(escapeMarkdown(block.text));
        break;
      case "bullets":
        out.push(block.items.map((i) => `- ${escapeMarkdown(i)}`).join("\n"));
        break;
      case "image":
        // The Markdown file carries no pictures: the chart's text alternative stands in for it.
        out.push(`_${escapeMarkdown(block.title ? `${block.title}: ${block.alt}` : block.alt)}_`);
        break;
      case "table":
        out.push(
          [
            `| ${block.header.map(cell).join(" | ")} |`,
            `| ${block.header.map(() => "---").join(" | ")} |`,
            ...block.rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
          ].join("\n"),
        );
        break;
    }
  }
  return `${out.join("\n\n")}\n`;
}

export function minutesMarkdown(content: MinutesContent, locale: Locale, meta: MinutesMeta): string {
  return renderMarkdown(minutesDocument(content, locale, meta));
}
