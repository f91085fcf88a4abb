// What Teams refuses in an Adaptive Card, checked with Microsoft's own `adaptivecards` SDK (the
// renderer Teams' clients are built on) plus the Teams rules the SDK does not know. The fake Bot
// Connector refuses a message whose card breaks any of them, and every invoke answer a test reads is
// checked the same way, so a card the bot sends can never be one Teams would not show.
import { createRequire } from "node:module";

/**
 * The Adaptive Card version every Teams client renders (desktop, web and mobile); 1.6 only some.
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference
 */
export const TEAMS_MAX_CARD_VERSION = "1.5";

/**
 * Bot messages are limited to ~28 KB for the whole activity, card included ("Format your bot
 * messages" — Microsoft has since raised it for some tenants, to 40 and 100 KB; we hold the bot to
 * the limit every tenant has had). Over it the connector answers 413 MessageSizeTooBig (one of the
 * Bot Framework's ErrorCodes: BadArgument, BadSyntax, MessageSizeTooBig, MissingProperty, ServiceError).
 */
export const TEAMS_MAX_ACTIVITY_BYTES = 28 * 1024;

export const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

export type CardRule =
  /** The card declares no version, one it cannot parse, or one newer than Teams renders. */
  | "version"
  /** An element, action or property newer than the version the card declares. */
  | "element-version"
  /** A Teams-only element (charts…) or any type the SDK does not know, without a fallback. */
  | "fallback"
  /** A chart element whose type or data Teams does not know (see chartViolations). */
  | "chart"
  /** The SDK could not read the card as written (a bad property value, a forbidden type…). */
  | "sdk-parse"
  /** The SDK's own validation: no choices, duplicate ids, required inputs without an error message… */
  | "sdk-validation"
  /** The activity is over the message size limit. */
  | "size";

export type CardViolation = { rule: CardRule; message: string };

// The package's `main` is ESM that plain Node cannot load; its UMD bundle works. Typed by hand with
// what we use, so its DOM-laden declarations stay out of the type check.
type SdkVersion = { compareTo(other: SdkVersion): number; isValid: boolean; toString(): string };
type SdkEvent = { event: number; message: string };
type SdkRegistry = { findByName(typeName: string): { schemaVersion: SdkVersion } | undefined };
type Sdk = {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: SdkEvent[] };
  };
  SerializationContext: new (
    targetVersion?: SdkVersion,
  ) => { eventCount: number; getEventAt(i: number): SdkEvent };
  Version: { parse(value: string, context: unknown): SdkVersion };
  GlobalRegistry: { elements: SdkRegistry; actions: SdkRegistry };
  ValidationEvent: Record<string, number> & Record<number, string>;
};
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as Sdk;
const EVENT = AC.ValidationEvent;

// biome-ignore lint/suspicious/noExplicitAny: card JSON as sent, walked by hand.
type Json = Record<string, any>;

/** Every rule `card` (an Adaptive Card's JSON) breaks; none means Teams would show it. */
export function cardViolations(card: unknown): CardViolation[] {
  if (!card || typeof card !== "object" || (card as Json).type !== "AdaptiveCard")
    return [{ rule: "sdk-parse", message: 'not an Adaptive Card (no "type": "AdaptiveCard")' }];
  const json = card as Json;
  const declared = declaredVersion(json.version);
  if (typeof declared === "string") return [{ rule: "version", message: declared }];

  const violations: CardViolation[] = [];
  walkCard(json, declared, violations);

  // The SDK reads the card as a client of the declared version would.
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(declared);
  parsed.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const { event, message } = context.getEventAt(i);
    // Unknown and too-new types are judged by walkCard, which knows which element it was.
    if (event === EVENT.UnknownElementType || event === EVENT.UnknownActionType) continue;
    violations.push({
      rule: event === EVENT.UnsupportedProperty ? "element-version" : "sdk-parse",
      message: `${EVENT[event]}: ${message}`,
    });
  }
  for (const { event, message } of parsed.validateProperties().validationEvents) {
    // Every validation event is a refusal: the SDK has no "warning" severity, and the ones that read
    // like advice (a required input without an error message) are what a person meets as a form
    // that will not submit and will not say why.
    violations.push({ rule: "sdk-validation", message: `${EVENT[event]}: ${message}` });
  }
  return violations;
}

/**
 * Every rule an activity the bot sends breaks: the size of the whole payload (`raw`, as it came over
 * the wire) and each Adaptive Card attached.
 */
export function activityViolations(activity: Json, raw: string): CardViolation[] {
  const violations: CardViolation[] = [];
  const bytes = Buffer.byteLength(raw, "utf8");
  if (bytes > TEAMS_MAX_ACTIVITY_BYTES)
    violations.push({
      rule: "size",
      message: `the activity is ${bytes} bytes; Teams takes at most ${TEAMS_MAX_ACTIVITY_BYTES}`,
    });
  const attachments: unknown[] = Array.isArray(activity.attachments) ? activity.attachments : [];
  for (const attachment of attachments) {
    const a = attachment as Json;
    if (a?.contentType === ADAPTIVE_CARD) violations.push(...cardViolations(a.content));
  }
  return violations;
}

/**
 * Every Adaptive Card in the body of an answer to an invoke (Action.Execute's card, a message
 * extension's attachments, a task module's card), wherever it sits.
 */
export function cardsInInvokeAnswer(body: unknown): unknown[] {
  const found: unknown[] = [];
  const visit = (value: unknown) => {
    if (!value || typeof value !== "object") return;
    if (Array.isArray(value)) return value.forEach(visit);
    const o = value as Json;
    if (o.type === ADAPTIVE_CARD && "value" in o) return void found.push(o.value);
    if (o.contentType === ADAPTIVE_CARD && "content" in o) return void found.push(o.content);
    Object.values(o).forEach(visit);
  };
  visit(body);
  return found;
}

/** The version the card declares, or why it will not do. */
function declaredVersion(value: unknown): SdkVersion | string {
  if (typeof value !== "string") return "the card declares no version";
  const version = AC.Version.parse(value, new AC.SerializationContext());
  if (!version?.isValid || !/^\d+\.\d+$/.test(value)) return `the card's version "${value}" is not a version`;
  const max = AC.Version.parse(TEAMS_MAX_CARD_VERSION, new AC.SerializationContext());
  if (version.compareTo(max) > 0)
    return `the card declares version ${value}; Teams renders up to ${TEAMS_MAX_CARD_VERSION} on every client`;
  return version;
}

// ── the walk: every element and action, where the schema puts them ───────────────────────────────
function walkCard(card: Json, declared: SdkVersion, out: CardViolation[]): void {
  elements(card.body, declared, out);
  actions(card.actions, declared, out);
  if (card.selectAction) action(card.selectAction, declared, out);
}

function elements(list: unknown, declared: SdkVersion, out: CardViolation[]): void {
  if (Array.isArray(list)) for (const e of list) element(e, declared, out);
}

function actions(list: unknown, declared: SdkVersion, out: CardViolation[]): void {
  if (Array.isArray(list)) for (const a of list) action(a, declared, out);
}

function element(e: unknown, declared: SdkVersion, out: CardViolation[]): void {
  if (!e || typeof e !== "object") return;
  const el = e as Json;
  if (!cardObject(el, AC.GlobalRegistry.elements, "element", declared, out)) return;
  elements(el.items, declared, out);
  if (Array.isArray(el.columns))
    for (const column of el.columns) {
      elements((column as Json)?.items, declared, out);
      if ((column as Json)?.selectAction) action((column as Json).selectAction, declared, out);
    }
  if (Array.isArray(el.rows))
    for (const row of el.rows)
      for (const cell of Array.isArray((row as Json)?.cells) ? (row as Json).cells : [])
        elements((cell as Json)?.items, declared, out);
  if (el.type === "ActionSet") actions(el.actions, declared, out);
  if (el.selectAction) action(el.selectAction, declared, out);
}

function action(a: unknown, declared: SdkVersion, out: CardViolation[]): void {
  if (!a || typeof a !== "object") return;
  const act = a as Json;
  if (!cardObject(act, AC.GlobalRegistry.actions, "action", declared, out)) return;
  if (act.type === "Action.ShowCard" && act.card) walkCard(act.card, declared, out);
}

/**
 * Checks the object's type against the SDK's registry: unknown (a Teams-only element such as a chart,
 * or a typo) needs a fallback, which is then checked instead; newer than the card's version is
 * refused. False when the object's own children need no walk.
 */
function cardObject(
  o: Json,
  registry: SdkRegistry,
  kind: "element" | "action",
  declared: SdkVersion,
  out: CardViolation[],
): boolean {
  const type = String(o.type);
  const known = registry.findByName(type);
  if (known && known.schemaVersion.compareTo(declared) > 0)
    out.push({
      rule: "element-version",
      message: `${type} needs version ${known.schemaVersion.toString()}; the card declares ${declared.toString()}`,
    });
  if (o.fallback && typeof o.fallback === "object") {
    if (kind === "element") element(o.fallback, declared, out);
    else action(o.fallback, declared, out);
  }
  if (known) return true;
  if (o.fallback === undefined)
    out.push({
      rule: "fallback",
      message: `${type} is not an ${kind} every client knows (Teams-only or unknown) and has no fallback`,
    });
  if (kind === "element" && type.startsWith("Chart.")) out.push(...chartViolations(o, declared));
  return false;
}

// ── charts: Teams-only, so the SDK (3.0.6) knows none of them ─────────────────────────────────────
// The SDK parses a Chart.* element as an unknown type and would render its fallback; it cannot tell a
// good chart from a broken one. So the chart's own shape is checked here, by Microsoft's reference
// ("Charts in Adaptive Cards", learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/
// charts-in-adaptive-cards; adaptivecards.microsoft.com ?topic=Chart.*), and its fallback is checked by
// the SDK like any element (cardObject above walks it):
// - the eight chart types Teams lists; `data` required (Chart.Gauge: `value`);
// - Chart.Pie / Chart.Donut: data [{ legend, value: number }];
// - Chart.VerticalBar / Chart.HorizontalBar: data [{ x, y: number }];
// - Chart.VerticalBar.Grouped / Chart.HorizontalBar.Stacked / Chart.Line: data [{ legend, values:
//   [{ x, y: number }] }];
// - Microsoft's chart samples declare version 1.5: a card declaring less is refused;
// - a chart's fallback must be an element, not "drop": a client without charts would lose the figures
//   (our rule, stricter than Teams: the data must reach every reader).
const CHART_TYPES = new Set([
  "Chart.Donut",
  "Chart.Pie",
  "Chart.VerticalBar",
  "Chart.HorizontalBar",
  "Chart.VerticalBar.Grouped",
  "Chart.HorizontalBar.Stacked",
  "Chart.Line",
  "Chart.Gauge",
]);
export const CHART_MIN_CARD_VERSION = "1.5";

function chartViolations(chart: Json, declared: SdkVersion): CardViolation[] {
  const out: CardViolation[] = [];
  const type = String(chart.type);
  const bad = (message: string) => out.push({ rule: "chart", message: `${type}: ${message}` });
  if (!CHART_TYPES.has(type)) {
    bad("not a chart type Teams knows");
    return out;
  }
  const min = AC.Version.parse(CHART_MIN_CARD_VERSION, new AC.SerializationContext());
  if (declared.compareTo(min) < 0)
    out.push({
      rule: "element-version",
      message: `${type} needs version ${CHART_MIN_CARD_VERSION}; the card declares ${declared.toString()}`,
    });
  if (chart.fallback === "drop") bad('a chart\'s fallback must show its figures, not "drop"');
  if (type === "Chart.Gauge") {
    if (typeof chart.value !== "number") bad("value must be a number");
    return out;
  }
  const data: unknown[] | undefined = Array.isArray(chart.data) ? chart.data : undefined;
  if (!data || data.length === 0) {
    bad("data must be a non-empty array");
    return out;
  }
  const isNumber = (v: unknown) => typeof v === "number" && Number.isFinite(v);
  const isLabel = (v: unknown) => (typeof v === "string" && v !== "") || isNumber(v);
  const point = (p: unknown, at: string) => {
    const o = p as Json;
    if (!o || typeof o !== "object" || !isLabel(o.x) || !isNumber(o.y)) bad(`${at} must be { x, y: number }`);
  };
  data.forEach((d, i) => {
    const o = d as Json;
    if (!o || typeof o !== "object") {
      bad(`data[${i}] must be an object`);
      return;
    }
    if (type === "Chart.Pie" || type === "Chart.Donut") {
      if (!isLabel(o.legend) || !isNumber(o.value)) bad(`data[${i}] must be { legend, value: number }`);
    } else if (type === "Chart.VerticalBar" || type === "Chart.HorizontalBar") {
      point(o, `data[${i}]`);
    } else {
      if (!isLabel(o.legend)) bad(`data[${i}].legend must be a label`);
      if (!Array.isArray(o.values) || o.values.length === 0)
        bad(`data[${i}].values must be a non-empty array`);
      else
        o.values.forEach((v: unknown, j: number) => {
          point(v, `data[${i}].values[${j}]`);
        });
    }
  });
  return out;
}
