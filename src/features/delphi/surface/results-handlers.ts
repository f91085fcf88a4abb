// delphi results · delphi export · the "Propose for the next meeting's agenda" button.
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import { note, type Output } from "../../../kernel/surface/view.ts";
import { exportDelphiCsv } from "../app/export-delphi-csv.ts";
import { postDelphiResults } from "../app/post-delphi-results.ts";
import { proposeDelphiStatement } from "../app/propose-delphi-statement.ts";

/** Queues the results for the cluster's channels; the person hears that they are on their way. */
export async function delphiResultsCommand(hc: HandlerContext): Promise<Output[]> {
  const result = await postDelphiResults(hc.app, actorAndConversation(hc));
  return render(hc, result, (r) => [note(hc.t("delphi.results.posting", { title: r.title }))]);
}

/** The CSV files go to the person who asked (their DM on Slack, download links on Teams). */
export async function delphiExportCommand(hc: HandlerContext, round: number | undefined): Promise<Output[]> {
  const result = await exportDelphiCsv(hc.app, { ...actorAndConversation(hc), round: round ?? null });
  return render(hc, result, (e) => [
    {
      kind: "file",
      comment: hc.t("delphi.results.export.comment", {
        title: e.title,
        rounds:
          e.rounds.length === 1
            ? hc.t("delphi.results.round", { round: e.rounds[0]! })
            : hc.t("delphi.results.export.rounds", { n: e.rounds.length }),
      }),
      files: e.files.map((f) => ({
        filename: f.filename,
        mimeType: "text/csv",
        title:
          f.kind === "figures"
            ? hc.t("delphi.results.export.figures", { round: f.round ?? 0 })
            : hc.t(f.kind === "ratings" ? "delphi.results.export.ratings" : "delphi.results.export.reasons"),
        content: Buffer.from(f.content, "utf8").toString("base64"),
      })),
    },
  ]);
}

export async function delphiProposeHandler(
  hc: HandlerContext,
  _actionId: string,
  value: string,
): Promise<Output[]> {
  const result = await proposeDelphiStatement(hc.app, { ...actorAndConversation(hc), statementId: value });
  return render(hc, result, (p) => [
    note(
      hc.t(p.already ? "delphi.results.alreadyProposed" : "delphi.results.proposed", {
        text: p.text,
        meeting: p.meetingTitle,
      }),
    ),
  ]);
}
