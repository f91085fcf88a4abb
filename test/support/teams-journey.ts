// What the Teams journey tests share: the bot and a FakeBotConnector for a test file, posting activities
// as turns (what the bot did while answering one activity), reading the Adaptive Cards it sent back,
// and the setup form every journey starts with.
import { expect } from "vitest";
import type { Clock } from "../../src/kernel/app/context.ts";
import { translator } from "../../src/kernel/i18n/catalog.ts";
import { toCardMarkdown } from "../../src/platforms/teams/render-adaptive-card.ts";
import type { ConnectorCall, FakeBotConnector } from "../fakes/bot-connector.ts";
import type { FakeBotIdentity } from "../fakes/bot-identity.ts";
import {
  cardAction,
  cardTexts,
  executeActions,
  invoke,
  type Json,
  message,
  openUrlActions,
  postActivity,
  type TeamsChannel,
  type TeamsUser,
  textBlockTexts,
  type Where,
} from "./teams-activities.ts";
import { connectTeams } from "./teams-connection.ts";
import { startTestBot, type TestBot } from "./test-bot.ts";

export const CARD = "application/vnd.microsoft.card.adaptive";

/**
 * One activity posted to the bot: the HTTP answer, and the connector calls the bot made meanwhile —
 * without its member lookups (TeamsInfo.getMember, once per person per hour: a read, not an answer)
 * and without attempts the connector throttled (429: a test clicks faster than people do; the bot
 * waits out Retry-After and sends again, and that send is the answer). Both stay in `connector.calls`.
 */
export type Turn = { status: number; body: unknown; activity: Json; calls: ConnectorCall[] };

type Translate = ReturnType<typeof translator>;

/** A call the strict connector refused for the thread's rate limit (not a failure a test injected). */
const throttled = (call: ConnectorCall) => call.rateLimited === true;

// ── the bot for a test file ──────────────────────────────────────────────────────────────────────
/**
 * Starts the fake Bot Framework (identity and connector), then the bot (jobs off unless `options`
 * says otherwise). Teams is authenticated as in production — every activity signed, every call back
 * carrying the bot's token — unless `env` asks for TEAMS_ANONYMOUS=local.
 */
export async function startTeamsBot(
  env: Record<string, string | undefined> = {},
  options: { jobs?: boolean | "manual"; clock?: Clock } = {},
): Promise<{ connector: FakeBotConnector; bot: TestBot; identity: FakeBotIdentity | null }> {
  const teams = await connectTeams(env.TEAMS_ANONYMOUS !== undefined ? "anonymous-local" : "authenticated");
  try {
    const bot = await startTestBot({ ...teams.env, ...env }, undefined, {
      ...options,
      teamsIdentity: teams.teamsIdentity,
    });
    return { connector: teams.connector, bot, identity: teams.identity };
  } catch (error) {
    await teams.connector.stop();
    throw error;
  }
}

/** Stops whatever `startTeamsBot` got to start. */
export async function stopTeamsBot(bot: TestBot | undefined, connector: FakeBotConnector | undefined) {
  await bot?.stop();
  await connector?.stop(); // and the identity it authenticates with
}

// ── where a message is posted ────────────────────────────────────────────────────────────────────
export const inChannel = (channel: TeamsChannel, threadId?: string): Where => ({ channel, threadId });
export const inPrivate = (conversationId: string): Where => ({ personal: { conversationId } });

// ── reading what the bot sent ────────────────────────────────────────────────────────────────────
/** The one attachment of a connector call, checked to be an Adaptive Card: its content. */
export function attachedCard(call: ConnectorCall): Json {
  const attachments = (call.body.attachments ?? []) as Json[];
  expect(attachments.map((a) => a.contentType)).toEqual([CARD]);
  return attachments[0]!.content as Json;
}

/** The one Adaptive Card of a connector call, checked to be a version 1.5 card. */
export function cardOf(call: ConnectorCall): Json {
  const card = attachedCard(call);
  expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
  return card;
}

const cardsIn = (call: ConnectorCall) =>
  ((call.body.attachments ?? []) as Json[])
    .filter((a) => a.contentType === CARD)
    .map((a) => a.content as Json);

/** All text a person reads on the cards of a call: TextBlocks and FactSet lines, in order. */
export function allCardTexts(call: ConnectorCall): string[] {
  return cardsIn(call).flatMap((card) => cardTexts(card));
}

/** The TextBlocks of the cards of a call, in order (no FactSet lines). */
export function allTextBlockTexts(call: ConnectorCall): string[] {
  return cardsIn(call).flatMap((card) => textBlockTexts(card));
}

/**
 * Whatever a test checks, the bot must never have fallen into its "something went wrong" path: no text
 * of `calls` (card texts, read with `texts`, and plain text) holds the apology in one of the languages
 * of `apologies` (by default Finnish and English).
 */
export function expectNoApology(
  calls: ConnectorCall[],
  {
    apologies = [translator("fi"), translator("en")],
    texts = allCardTexts,
  }: { apologies?: Translate[]; texts?: (call: ConnectorCall) => string[] } = {},
) {
  const sorry = apologies.map((t) => t("error.unexpected"));
  const written = calls.flatMap((c) => [...texts(c), String(c.body.text ?? "")]);
  expect(written.filter((t) => sorry.some((a) => t.includes(a)))).toEqual([]);
}

/** The one call a turn made, checked to be a reply (the thread is not checked). */
export function singleReply(turn: Turn): ConnectorCall {
  expect(turn.status).toBe(200);
  expect(turn.calls.map((c) => c.operation)).toEqual(["reply"]);
  return turn.calls[0]!;
}

/** The one reply a turn produced, checked to be a reply in the sender's thread. */
export function onlyReply(turn: Turn): ConnectorCall {
  const reply = singleReply(turn);
  expect(reply.conversationId).toBe(turn.activity.conversation.id);
  expect(reply.activityId).toBe(turn.activity.id);
  return reply;
}

/** The invoke answer Teams expects for Action.Execute, as it is: the card that replaces the clicked one. */
export function invokeAnswer(turn: Turn): Json {
  expect(turn.status).toBe(200);
  expect(turn.body).toMatchObject({ statusCode: 200, type: CARD });
  return (turn.body as Json).value as Json;
}

/** The card of the invoke answer, checked to match `shape` (by default: an Adaptive Card 1.5). */
export function invokeCard(turn: Turn, shape: Json = { type: "AdaptiveCard", version: "1.5" }): Json {
  const card = invokeAnswer(turn);
  expect(card).toMatchObject(shape);
  return card;
}

/** The inputs at the top level of a card's body. */
export const inputsOf = (card: Json) =>
  (card.body as Json[]).filter((e) => String(e.type).startsWith("Input."));
/** The element right below input `id`: where a form card shows that field's error. */
export const below = (card: Json, id: string) => {
  const body = card.body as Json[];
  return body[body.findIndex((e) => e.id === id) + 1];
};
/** The error texts of a form card (its Attention-coloured elements). */
export const errorsOn = (card: Json) =>
  (card.body as Json[]).filter((e) => e.color === "Attention").map((e) => String(e.text));

// ── files sent to a personal chat ────────────────────────────────────────────────────────────────
/** The download links on the cards the bot sent in `calls` (a file output on Teams). */
export function downloadLinks(calls: ConnectorCall[]): string[] {
  return calls
    .filter((c) => c.operation === "send")
    .flatMap((c) => openUrlActions(cardOf(c)).map((a) => String(a.url)));
}

/** GETs a download link from the bot's own server (PUBLIC_URL points at it in production). */
export async function download(bot: TestBot, url: string): Promise<Buffer> {
  const res = await fetch(`${bot.baseUrl}${new URL(url).pathname}`);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

// ── acting as Teams users ────────────────────────────────────────────────────────────────────────
/**
 * The turns of one test file. `scene` hands over the bot and connector its hooks started; `channel` is
 * where `say` posts unless told otherwise.
 */
export function teamsJourney(
  scene: () => { bot: TestBot; connector: FakeBotConnector },
  channel: TeamsChannel,
) {
  const serviceUrl = () => scene().connector.serviceUrl;

  /** Posts one activity and returns what the bot did during that turn (sends finish before the answer). */
  async function send(activity: Json): Promise<Turn> {
    const { bot, connector } = scene();
    const before = connector.calls.length;
    const { status, body } = await postActivity(bot.baseUrl, activity);
    const calls = connector.calls.slice(before).filter((c) => c.operation !== "member" && !throttled(c));
    return { status, body, activity, calls };
  }

  /** A message to the bot, by default a new post in the journey's channel; `{name}`s mention `mentions`. */
  function say(
    from: TeamsUser,
    text: string,
    where: Where = inChannel(channel),
    mentions: TeamsUser[] = [],
  ): Promise<Turn> {
    return send(message({ serviceUrl: serviceUrl(), from, where, text, mentions }));
  }

  /** Presses an Action.Execute on `card`, shown as message `messageId`, with what the person typed. */
  function act(
    from: TeamsUser,
    card: Json,
    messageId: string,
    options: { where: Where; verb?: string; inputs?: Record<string, string> },
  ): Promise<Turn> {
    return send(cardAction({ serviceUrl: serviceUrl(), from, card, replyToId: messageId, ...options }));
  }

  /** Submits `card` (its first Action.Execute) as shown in message `messageId`, with what was typed. */
  function submitCard(
    from: TeamsUser,
    card: Json,
    messageId: string,
    where: Where,
    inputs: Record<string, string>,
  ): Promise<Turn> {
    return act(from, card, messageId, { where, inputs });
  }

  /** Presses an Action.Execute on the card the bot posted in `posted` (by default its first one). */
  function click(
    from: TeamsUser,
    posted: ConnectorCall,
    options: { where: Where; verb?: string; inputs?: Record<string, string> },
  ): Promise<Turn> {
    return act(from, cardOf(posted), posted.answeredId!, options);
  }

  /** Submits the form card of reply `posted` (its first Action.Execute) with what the person typed. */
  function submit(from: TeamsUser, posted: ConnectorCall, where: Where, inputs: Record<string, string>) {
    return click(from, posted, { where, inputs });
  }

  /** Presses the button `action` of a card shown as message `messageId`: Teams sends the button's data. */
  function pressAction(from: TeamsUser, where: Where, action: Json, messageId: string): Promise<Turn> {
    return send(
      invoke({
        serviceUrl: serviceUrl(),
        from,
        where,
        verb: action.verb,
        title: action.title,
        data: action.data,
        replyToId: messageId,
      }),
    );
  }

  /**
   * Presses the button with `verb` (and, for per-slot buttons, `slotId`) on `card`, which is shown
   * as message `messageId`. Teams sends the button's own data.
   */
  function press(
    from: TeamsUser,
    card: Json,
    messageId: string,
    where: Where,
    verb: string,
    slotId?: string,
  ): Promise<Turn> {
    const action = executeActions(card).find(
      (a) => a.verb === verb && (slotId === undefined || String(a.data?.value).endsWith(`|${slotId}`)),
    );
    if (!action) throw new Error(`no ${verb} button${slotId ? ` for slot ${slotId}` : ""} on the card`);
    return pressAction(from, where, action, messageId);
  }

  /**
   * Runs the outbox job once, the way its cron tick would, and returns the connector calls it made
   * (throttled attempts left out: the job waits out a short Retry-After and sends them again).
   */
  async function deliverOutbox(): Promise<ConnectorCall[]> {
    const { bot, connector } = scene();
    const before = connector.calls.length;
    expect(await bot.bot.jobs!.scheduler.tick("outbox")).toBe("ran");
    return connector.calls.slice(before).filter((c) => !throttled(c));
  }

  /** The person id behind a Teams user. */
  const personIdOf = async (user: TeamsUser) =>
    (
      await scene().bot.db.prisma.platformIdentity.findFirstOrThrow({
        where: { platform: "TEAMS", externalId: user.id },
      })
    ).personId;

  /** "@Ennakko setup <name>" in `channel`: the form; `thread` is the thread the message started. */
  async function openSetupForm(chair: TeamsUser, channel: TeamsChannel, name: string) {
    const turn = await say(chair, `setup ${name}`, inChannel(channel));
    const form = onlyReply(turn);
    return { form, thread: turn.activity.id as string };
  }

  /** "@Ennakko setup <name>" and "Create" on the form as it is; the answer (in `t`) says it is done. */
  async function createCluster(chair: TeamsUser, channel: TeamsChannel, name: string, t = translator("en")) {
    const { form, thread } = await openSetupForm(chair, channel, name);
    const created = await submit(chair, form, inChannel(channel, thread), {});
    expect(cardTexts(invokeCard(created))).toEqual([toCardMarkdown(t("setup.done", { cluster: name }))]);
    return { form, thread, created };
  }

  return {
    send,
    say,
    act,
    submitCard,
    click,
    submit,
    pressAction,
    press,
    deliverOutbox,
    personIdOf,
    openSetupForm,
    createCluster,
  };
}
