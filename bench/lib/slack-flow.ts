// What a benchmark does as Slack people do, through the bot's own endpoint with signed requests: the
// payload builders, reading the blocks the bot sent, and setting up a cluster (`/cluster setup`, the
// form submitted as is, everyone else clicking Join). Shared by the burst benchmarks.
import { ACTION_IDS } from "../../src/features/clusters/surface/action-ids.ts";
import {
  blockActionPayload,
  interactionBody,
  signedHeaders,
  slashCommandBody,
  viewSubmissionPayload,
} from "../../test/support/slack-requests.ts";
import { postOnce } from "./post.ts";
import { SLACK_EVENTS_PATH } from "./protocol.ts";
import type { SlackSide } from "./slack-side.ts";

export type SlackBlock = {
  type: string;
  block_id?: string;
  text?: { text?: string };
  element?: Record<string, unknown>;
  elements?: Array<Record<string, unknown>>;
};
export type SlackView = { callback_id: string; private_metadata: string; blocks: SlackBlock[] };
export type SlackReply = { text?: string; blocks?: SlackBlock[]; replace_original?: boolean };

/** Where the benchmark's people are: one workspace, one cluster channel. */
export type Place = { team: string; channel: string };

export const dmOf = (user: string) => `D-${user}`;

export function slashCommand(place: Place, user: string, text: string, responseUrl: string): string {
  return slashCommandBody({ user, channel: place.channel, text, responseUrl, team: place.team });
}

export function click(
  place: Place,
  user: string,
  channel: string,
  actionId: string,
  value: string,
  responseUrl: string,
): string {
  return interactionBody(
    blockActionPayload({ user, channel, actionId, value, responseUrl, team: place.team }),
  );
}

export function submission(place: Place, user: string, view: SlackView, values: SubmittedValues): string {
  return interactionBody(
    viewSubmissionPayload({
      user,
      team: place.team,
      callbackId: view.callback_id,
      metadata: view.private_metadata,
      values,
    }),
  );
}

export const buttonsOf = (blocks: SlackBlock[] | undefined) =>
  (blocks ?? []).flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));

/**
 * A button's value by its action id. Buttons of one id repeated in a message carry a `:n` suffix
 * (Slack wants action ids unique per block): the bot routes by the id before it.
 */
export function buttonValue(
  blocks: SlackBlock[] | undefined,
  actionId: string,
  test: (value: string) => boolean,
): string | undefined {
  const button = buttonsOf(blocks).find(
    (b) =>
      typeof b.action_id === "string" &&
      (b.action_id === actionId || b.action_id.startsWith(`${actionId}:`)) &&
      typeof b.value === "string" &&
      test(b.value),
  );
  return button ? String(button.value) : undefined;
}

export type SubmittedValues = Record<string, Record<string, unknown>>;

/** The state Slack sends for a form submitted without touching it, pre-filled values included. */
export function submittedAsIs(blocks: SlackBlock[]): SubmittedValues {
  const values: SubmittedValues = {};
  for (const block of blocks) {
    const e = block.element;
    if (block.type !== "input" || !e || !block.block_id) continue;
    const id = String(e.action_id);
    const type = String(e.type);
    const state: Record<string, unknown> =
      type === "plain_text_input"
        ? { value: e.initial_value ?? null }
        : type === "static_select"
          ? { selected_option: e.initial_option ?? null }
          : type === "multi_static_select"
            ? { selected_options: e.initial_options ?? [] }
            : type === "datepicker"
              ? { selected_date: e.initial_date ?? null }
              : type === "timepicker"
                ? { selected_time: e.initial_time ?? null }
                : {};
    values[block.block_id] = { [id]: { type, ...state } };
  }
  return values;
}

/** The text a reply shows, for reporting refusals and apologies. */
export function replyText(reply: SlackReply | undefined): string {
  if (!reply) return "(nothing)";
  const fromBlocks = (reply.blocks ?? [])
    .map((b) => b.text?.text)
    .filter(Boolean)
    .join(" ");
  return (reply.text || fromBlocks || JSON.stringify(reply)).replace(/\s+/g, " ").slice(0, 160);
}

export class SetupError extends Error {}

export async function post(port: number, what: string, body: string): Promise<string> {
  const res = await postOnce(port, SLACK_EVENTS_PATH, body, signedHeaders(body));
  if (res.status !== 200) throw new SetupError(`set-up: ${what} answered HTTP ${res.status}: ${res.body}`);
  return res.body;
}

/** `/cluster setup` → the form submitted as is → the announcement's Join button → everyone joins. */
export async function setUpCluster(
  slack: SlackSide,
  port: number,
  place: Place,
  clusterName: string,
  users: readonly string[],
): Promise<void> {
  const chair = users[0]!;
  const opened = slack.expect("views.open", 20_000);
  await post(
    port,
    "/cluster setup",
    slashCommand(place, chair, `setup ${clusterName}`, slack.responseUrl("setup")),
  );
  const view = (await opened).body?.view as SlackView | undefined;
  if (!view?.callback_id) throw new SetupError("set-up: /cluster setup opened no form");

  const announced = slack.expect("chat.postMessage", 20_000);
  const ack = await post(port, "setup form", submission(place, chair, view, submittedAsIs(view.blocks)));
  if (ack.includes("errors")) throw new SetupError(`set-up: the setup form was refused: ${ack}`);
  const clusterId = buttonValue(
    (await announced).body?.blocks as SlackBlock[] | undefined,
    ACTION_IDS.joinCluster,
    () => true,
  );
  if (!clusterId) throw new SetupError("set-up: no Join button in the cluster's announcement");

  // Everyone else clicks Join, a few at a time; each gets a private reply.
  const joiners = users.slice(1);
  let next = 0;
  const worker = async () => {
    while (next < joiners.length) {
      const index = next++;
      const user = joiners[index]!;
      // Each join looks the person up (users.info, about 100 a minute on Slack: the bot waits out
      // the 429s), so with hundreds of members a join can wait minutes for its turn.
      const replied = slack.expectReply(`join-${index}`, 300_000);
      await post(
        port,
        "Join click",
        click(
          place,
          user,
          place.channel,
          ACTION_IDS.joinCluster,
          clusterId,
          slack.responseUrl(`join-${index}`),
        ),
      );
      await replied;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}
