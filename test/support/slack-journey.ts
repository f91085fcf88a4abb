// What the Slack journey tests share: the bot and a FakeSlackApi for a test file, signed requests to the
// Bolt HTTP receiver (slash commands, button clicks, modal submissions), reading the private answers
// and modals the bot sent back, the builders of a modal's values, and the setup every journey starts with.
import { expect } from "vitest";
import type { Clock } from "../../src/kernel/app/context.ts";
import { FakeSlackApi, type SlackUserFixture } from "../fakes/slack-api.ts";
import { dayAhead } from "./helsinki-dates.ts";
import {
  blockActionPayload,
  interactionBody,
  signedHeaders,
  slashCommandBody,
  viewSubmissionPayload,
} from "./slack-requests.ts";
import type { TeamsConnection } from "./teams-connection.ts";
import { slackHttpEnv, startTestBot, type TestBot } from "./test-bot.ts";

// ── what the bot sends, as the tests read it ─────────────────────────────────────────────────────
export type BlockElement = {
  type: string;
  action_id: string;
  value: string;
  text: { text: string };
  options?: { value: string; text: { text: string } }[];
  initial_value?: string;
  style?: string;
};
export type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: BlockElement[];
  element?: BlockElement;
};
export type Modal = { callback_id: string; private_metadata: string; blocks: Block[] };
/** A message posted to a response_url. */
export type SlackReply = {
  text: string;
  blocks: Block[];
  response_type?: string;
  replace_original?: boolean;
};

// ── the bot for a test file ──────────────────────────────────────────────────────────────────────
/** Starts the fake Slack Web API with `users`, then the bot over HTTP (jobs off unless `options` says). */
export async function startSlackBot(
  users: Record<string, SlackUserFixture>,
  options: { jobs?: boolean | "manual"; teams?: TeamsConnection; clock?: Clock } = {},
): Promise<{ slack: FakeSlackApi; bot: TestBot }> {
  const slack = await new FakeSlackApi().start();
  for (const [id, user] of Object.entries(users)) slack.users.set(id, user);
  const { teams, ...rest } = options;
  try {
    const env = { ...slackHttpEnv(slack.apiUrl), ...teams?.env };
    return {
      slack,
      bot: await startTestBot(env, undefined, { ...rest, teamsIdentity: teams?.teamsIdentity }),
    };
  } catch (error) {
    await slack.stop();
    throw error;
  }
}

export async function stopSlackBot(bot: TestBot, slack: FakeSlackApi) {
  await bot.stop();
  await slack.stop();
}

// ── a modal's values, as Slack submits them ──────────────────────────────────────────────────────
export const input = (value: string) => ({ type: "plain_text_input", value });
export const choice = (value: string) => ({ type: "static_select", selected_option: { value } });
export const date = (value: string) => ({ type: "datepicker", selected_date: value });
export const time = (value: string) => ({ type: "timepicker", selected_time: value });

/** Slack keys values by block id then action id; our blocks use the field id for both. */
export function values(fields: Record<string, unknown>): Record<string, Record<string, unknown>> {
  return Object.fromEntries(Object.entries(fields).map(([id, v]) => [id, { [id]: v }]));
}

/** The meeting form with two candidate times, 30 and 33 days ahead (Helsinki dates); `extra` fields too. */
export function twoSlotPlan(title: string, extra: Record<string, unknown> = {}) {
  return values({
    title: input(title),
    slot_1_date: date(dayAhead(30)),
    slot_1_time: time("10:00"),
    slot_2_date: date(dayAhead(33)),
    slot_2_time: time("13:00"),
    ...extra,
  });
}

// ── acting as Slack users ────────────────────────────────────────────────────────────────────────
export type SlackJourneyOptions = {
  /** The response_url id for the next command or click (each file keeps its own numbering). */
  nextId: (kind: "command" | "click") => string;
  /** Whether `command` checks that the slash command was acknowledged with a 200. */
  expectAck?: boolean;
};

/** The requests of one test file; `scene` hands over the bot and fake Slack its hooks started. */
export function slackJourney(
  scene: () => { bot: TestBot; slack: FakeSlackApi },
  options: SlackJourneyOptions,
) {
  /** POSTs a body to the bot's Slack endpoint, signed unless `headers` says otherwise. */
  async function post(body: string, headers = signedHeaders(body)) {
    const res = await fetch(`${scene().bot.baseUrl}/slack/events`, { method: "POST", headers, body });
    return { status: res.status, text: await res.text() };
  }

  /** Runs `/cluster <text>`; returns the id of the response_url its private reply goes to. */
  async function command(user: string, text: string, channel = "C-ENERGY") {
    const id = options.nextId("command");
    const res = await post(
      slashCommandBody({ user, channel, text, responseUrl: scene().slack.responseUrl(id) }),
    );
    if (options.expectAck) expect(res.status).toBe(200);
    return id;
  }

  /** The private reply posted to response_url `id`. */
  async function reply(id: string): Promise<SlackReply> {
    const [call] = await scene().slack.waitFor(`response_url:${id}`);
    return call!.body as SlackReply;
  }

  /** Clicks a button in C-ENERGY; returns the id of the response_url the answer goes to. */
  async function click(user: string, actionId: string, value: string) {
    const id = options.nextId("click");
    await post(
      interactionBody(
        blockActionPayload({
          user,
          channel: "C-ENERGY",
          actionId,
          value,
          responseUrl: scene().slack.responseUrl(id),
        }),
      ),
    );
    return id;
  }

  /** Submits `view` with `state` as Slack keys it (block id, then action id). */
  function submitView(
    user: string,
    view: { callback_id: string; private_metadata: string },
    state: Record<string, Record<string, unknown>>,
  ) {
    return post(
      interactionBody(
        viewSubmissionPayload({
          user,
          callbackId: view.callback_id,
          metadata: view.private_metadata,
          values: state,
        }),
      ),
    );
  }

  /** Submits `view` with the value of each field (see `values`). */
  function submit(
    user: string,
    view: { callback_id: string; private_metadata: string },
    fields: Record<string, unknown>,
  ) {
    return submitView(user, view, values(fields));
  }

  /** The modal opened by the n-th views.open call so far. */
  async function modal(n: number): Promise<Modal> {
    const calls = await scene().slack.waitFor("views.open", n);
    return calls[n - 1]!.body.view as Modal;
  }

  /**
   * `/cluster setup <name>` in C-ENERGY and the form (by default the first modal) submitted with the
   * name in English; waits for the cluster's announcement in the channel.
   */
  async function createCluster(chair: string, name: string, form: () => Promise<Modal> = () => modal(1)) {
    await command(chair, `setup ${name}`);
    await submit(chair, await form(), { name: input(name), locale: choice("en") });
    await scene().slack.waitFor("chat.postMessage");
  }

  return { post, command, reply, click, submitView, submit, modal, createCluster };
}
