// Activities shaped the way Microsoft Teams really sends them to a bot's /api/messages, plus the
// small HTTP helper that posts them. The serviceUrl points at the local FakeBotConnector.

import { cardsInInvokeAnswer, cardViolations } from "../fakes/adaptive-card-rules.ts";
import { channelAuthorization } from "../fakes/bot-identity.ts";
import { countPayload } from "../fakes/payload-census.ts";

export const TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
export const BOT = { id: "28:bot-id", name: "Ennakko" } as const;

export type TeamsUser = { id: string; name: string; aadObjectId: string; locale: string; timeZone: string };
export type TeamsChannel = { teamId: string; channelId: string; name: string };
export type PersonalChat = { conversationId: string };
export type Where = { channel: TeamsChannel; threadId?: string } | { personal: PersonalChat };

// biome-ignore lint/suspicious/noExplicitAny: Teams activities and Adaptive Cards are loose JSON.
export type Json = Record<string, any>;

let sequence = 0;
const nextNumber = () => ++sequence;

/** A Teams user: ids like "29:1…", an Entra object id, a locale and time zone from their client. */
export function teamsUser(name: string, options: { locale?: string; timeZone?: string } = {}): TeamsUser {
  const n = nextNumber();
  const slug = name.toLowerCase().replace(/[^a-z]/g, "");
  return {
    id: `29:1${slug}-${n}AbC_dEf`,
    name,
    aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    locale: options.locale ?? "fi-FI",
    timeZone: options.timeZone ?? "Europe/Helsinki",
  };
}

/** A standard channel of a team; ids look like Teams' "19:…@thread.tacv2". */
export function teamsChannel(name: string): TeamsChannel {
  const n = nextNumber();
  return {
    teamId: `19:team${n}AbCdEf@thread.tacv2`,
    channelId: `19:${name.toLowerCase()}${n}XyZ@thread.tacv2`,
    name,
  };
}

/** The one-to-one chat between a user and the bot: Teams ids it "a:1…". */
export function personalChat(): PersonalChat {
  return { conversationId: `a:1personal-chat-${nextNumber()}_QrStUv` };
}

type Base = { serviceUrl: string; from: TeamsUser; where: Where; id?: string };

function activityId(): string {
  return String(1_763_800_000_000 + nextNumber());
}

function envelope({ serviceUrl, from, where }: Base, id: string): Json {
  const timestamp = new Date(Date.UTC(2026, 10, 22, 10, 0, 0) + nextNumber() * 1000);
  const common = {
    id,
    timestamp: timestamp.toISOString(),
    localTimestamp: timestamp.toISOString().replace("Z", "+02:00"),
    serviceUrl,
    channelId: "msteams",
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { id: BOT.id, name: BOT.name },
    locale: from.locale,
    localTimezone: from.timeZone,
  };
  if ("personal" in where) {
    return {
      ...common,
      conversation: { conversationType: "personal", tenantId: TENANT_ID, id: where.personal.conversationId },
      channelData: { tenant: { id: TENANT_ID } },
    };
  }
  const { channel } = where;
  // A new post starts its own thread: the conversation id carries the root message's id.
  const root = where.threadId ?? id;
  return {
    ...common,
    conversation: {
      isGroup: true,
      conversationType: "channel",
      tenantId: TENANT_ID,
      id: `${channel.channelId};messageid=${root}`,
    },
    channelData: {
      teamsChannelId: channel.channelId,
      teamsTeamId: channel.teamId,
      channel: { id: channel.channelId },
      team: { id: channel.teamId },
      tenant: { id: TENANT_ID },
    },
  };
}

const clientInfo = (user: TeamsUser) => ({
  type: "clientInfo",
  locale: user.locale,
  country: user.locale.slice(-2),
  platform: "Web",
  timezone: user.timeZone,
});
const mentionOf = (who: { id: string; name: string }) => ({
  type: "mention",
  text: `<at>${who.name}</at>`,
  mentioned: { id: who.id, name: who.name },
});

/**
 * A message to the bot. In a channel Teams only delivers it when the bot is @mentioned, so the
 * text starts with "<at>Ennakko</at>"; `{name}` placeholders become mentions of `mentions`.
 * Example: message({ …, text: "role {Mikko Member} secretary", mentions: [mikko] }).
 */
export function message(base: Base & { text: string; mentions?: TeamsUser[]; mentionBot?: boolean }): Json {
  const id = base.id ?? activityId();
  const inChannel = "channel" in base.where;
  const mentionBot = base.mentionBot ?? inChannel;
  let text = base.text;
  for (const user of base.mentions ?? []) text = text.replace(`{${user.name}}`, `<at>${user.name}</at>`);
  if (mentionBot) text = `<at>${BOT.name}</at> ${text}`;
  const entities: Json[] = [
    ...(mentionBot ? [mentionOf(BOT)] : []),
    ...(base.mentions ?? []).map((u) => mentionOf(u)),
    clientInfo(base.from),
  ];
  return {
    ...envelope(base, id),
    type: "message",
    text: `${text}\n`,
    textFormat: "plain",
    attachments: [
      {
        contentType: "text/html",
        content: `<p>${text.replace(/<at>(.*?)<\/at>/g, '<span itemtype="http://schema.skype.com/Mention">$1</span>')}</p>`,
      },
    ],
    entities,
  };
}

/** Visits every element of a card in reading order: body, containers, columns, action sets, actions. */
export function walkCard(card: Json, visit: (element: Json) => void): void {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!node || typeof node !== "object") return;
    const element = node as Json;
    visit(element);
    for (const key of ["body", "items", "columns", "actions", "card"]) walk(element[key]);
  };
  walk(card.body);
  walk(card.actions);
}

/** The values a card's inputs hold before anyone types: what Teams would send for an untouched form. */
export function cardInputValues(card: Json): Record<string, string> {
  const values: Record<string, string> = {};
  walkCard(card, (element) => {
    if (
      typeof element.type === "string" &&
      element.type.startsWith("Input.") &&
      typeof element.id === "string"
    ) {
      values[element.id] = element.value === undefined ? "" : String(element.value);
    }
  });
  return values;
}

/** Every element of `type` on a card, in reading order (actions top-level and inside ActionSets). */
function elementsOfType(card: Json, type: string): Json[] {
  const found: Json[] = [];
  walkCard(card, (element) => {
    if (element.type === type) found.push(element);
  });
  return found;
}

/** Every Action.Execute of a card, top-level and inside ActionSets. */
export function executeActions(card: Json): Json[] {
  return elementsOfType(card, "Action.Execute");
}

/**
 * Someone presses an Action.Execute button on `card`. Teams sends an `adaptiveCard/action` invoke
 * whose data is the action's own data merged with the current value of every input on the card
 * (the card's defaults, overridden by what the person typed in `inputs`).
 */
export function cardAction(
  base: Base & { card: Json; verb?: string; inputs?: Record<string, string>; replyToId: string },
): Json {
  const actions = executeActions(base.card);
  const action = base.verb ? actions.find((a) => a.verb === base.verb) : actions[0];
  if (!action) throw new Error(`card has no Action.Execute${base.verb ? ` with verb ${base.verb}` : ""}`);
  return invoke({
    ...base,
    verb: action.verb,
    title: action.title,
    data: { ...(action.data ?? {}), ...cardInputValues(base.card), ...base.inputs },
  });
}

/** A raw adaptiveCard/action invoke, for payloads no card of ours would produce. */
export function invoke(base: Base & { verb: string; data: Json; title?: string; replyToId: string }): Json {
  const id = base.id ?? `f:${activityId()}`;
  return {
    ...envelope(base, id),
    type: "invoke",
    name: "adaptiveCard/action",
    replyToId: base.replyToId,
    entities: [clientInfo(base.from)],
    value: {
      action: {
        type: "Action.Execute",
        id: `action-${nextNumber()}`,
        title: base.title ?? base.verb,
        verb: base.verb,
        data: base.data,
      },
      trigger: "manual",
    },
  };
}

export type PostResult = { status: number; body: unknown; headers: Headers };

/** POSTs to the bot's Teams endpoint; a string is sent as-is (for malformed bodies), anything else as JSON. */
export async function postActivity(
  baseUrl: string,
  activity: unknown,
  headers: Record<string, string> = {},
): Promise<PostResult> {
  // Signed as the Teams channel signs it when the activity's connector is authenticated; a test
  // that passes its own Authorization header (or `authorization: ""` for none) says so.
  const signed = typeof activity === "object" && activity ? channelAuthorization(activity) : undefined;
  const authorization = "authorization" in headers ? headers.authorization : signed;
  const { authorization: _given, ...rest } = headers;
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}), ...rest },
    body: typeof activity === "string" ? activity : JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text === "" ? null : text;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  expectShowableInvokeAnswer(body);
  return { status: response.status, body, headers: response.headers };
}

/**
 * The cards the bot answers an invoke with (Action.Execute, message extensions) never pass through
 * the connector, so the fake cannot refuse them: every answer is held to the connector's rules here,
 * where every test posts its activities. Teams shows an error instead of a card that breaks them.
 */
function expectShowableInvokeAnswer(body: unknown): void {
  const cards = cardsInInvokeAnswer(body);
  const problems = cards.flatMap((card) => cardViolations(card));
  for (const _card of cards) countPayload("teams", "invokeAnswer", problems.length > 0);
  if (problems.length > 0)
    throw new Error(
      `Teams would refuse the card the bot answered with: ${problems.map((p) => `${p.rule}: ${p.message}`).join("; ")}`,
    );
}

/** All text a person reads on a card, in reading order: TextBlocks, and FactSet lines as "title: value". */
export function cardTexts(card: Json): string[] {
  const out: string[] = [];
  walkCard(card, (element) => {
    if (element.type === "TextBlock") out.push(String(element.text));
    if (element.type === "FactSet")
      for (const fact of element.facts as Json[]) out.push(`${fact.title}: ${fact.value}`);
  });
  return out;
}

/** Only the TextBlocks of a card, in reading order: `cardTexts` without the FactSet lines. */
export function textBlockTexts(card: Json): string[] {
  return elementsOfType(card, "TextBlock").map((element) => String(element.text));
}

/** Every Action.OpenUrl of a card (link buttons), top-level and inside ActionSets. */
export function openUrlActions(card: Json): Json[] {
  return elementsOfType(card, "Action.OpenUrl");
}
