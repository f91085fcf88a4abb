// pulse status · pulse results · pulse close · pulse export · stakeholder: following a pulse and
// its results from the cluster's channel. The forms that create pulses are in pulse-forms.ts.

import { formatInZone } from "../../../kernel/domain/zoned-time.ts";
import { composeNotification } from "../../../kernel/surface/compose-notification.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import { ephemeral, moment, note, type Output, text, view } from "../../../kernel/surface/view.ts";
import { closePulse } from "../app/close-pulse.ts";
import { exportPulseCsv } from "../app/export-pulse-csv.ts";
import { resultsNotifications } from "../app/pulse-announcements.ts";
import { type PulseResults, pulseResults } from "../app/pulse-results.ts";
import { pulseStatus } from "../app/pulse-status.ts";
import { setStakeholderType } from "../app/set-stakeholder-type.ts";
import { STAKEHOLDER_TYPES } from "../domain/question-types.ts";
import { rateLines } from "./pulse-results-view.ts";

export async function pulseStatusCommand(hc: HandlerContext): Promise<Output[]> {
  const result = await pulseStatus(hc.app, actorAndConversation(hc));
  return render(hc, result, (s) => {
    const heading = hc.t("pulse.status.heading", { title: s.title, state: hc.t(`pulse.state.${s.state}`) });
    const closes = hc.t("pulse.status.closes", {
      when: moment(s.closesAt, formatInZone(s.closesAt, hc.locale, s.timeZone, "dateTime")),
    });
    return [
      ephemeral(
        view(heading, text(heading, "heading"), text(closes), text(rateLines(s.rate, hc.t, hc.locale))),
      ),
    ];
  });
}

/** Results for the person who asked (live or closed), in their language, charts included. */
export async function pulseResultsCommand(hc: HandlerContext): Promise<Output[]> {
  const result = await pulseResults(hc.app, actorAndConversation(hc));
  return render(hc, result, (r) => resultsOutputs(hc, r));
}

export async function pulseCloseCommand(hc: HandlerContext): Promise<Output[]> {
  const result = await closePulse(hc.app, actorAndConversation(hc));
  return render(hc, result, (r) => [
    note(hc.t("pulse.closed", { title: r.title, n: r.summary.respondents })),
  ]);
}

function resultsOutputs(hc: HandlerContext, results: PulseResults): Output[] {
  return resultsNotifications(results, "", results.state !== "CLOSED").map((message) =>
    ephemeral(composeNotification(message, hc.locale)),
  );
}

/** CSV in the person's spreadsheet convention: `;` where the comma is the decimal separator. */
export async function pulseExportCommand(hc: HandlerContext): Promise<Output[]> {
  const result = await exportPulseCsv(hc.app, actorAndConversation(hc));
  return render(hc, result, (e) => [
    {
      kind: "file",
      comment: hc.t("pulse.export.comment", { title: e.title }),
      files: [e.answers, e.summary].map((f, i) => ({
        filename: f.filename,
        mimeType: "text/csv",
        title: hc.t(i === 0 ? "pulse.export.answers" : "pulse.export.summary"),
        content: Buffer.from(f.content, "utf8").toString("base64"),
      })),
    },
  ]);
}

export async function stakeholderCommand(hc: HandlerContext, type: string): Promise<Output[]> {
  const result = await setStakeholderType(hc.app, { ...actorAndConversation(hc), type });
  if (!result.ok && result.reason === "INVALID_INPUT")
    return [
      note(
        hc.t("pulse.stakeholder.usage", { types: STAKEHOLDER_TYPES.map((s) => s.toLowerCase()).join(", ") }),
      ),
    ];
  return render(hc, result, ({ type: set }) => [
    note(hc.t("pulse.stakeholder.set", { type: hc.t(`stakeholder.${set}`) })),
  ]);
}
