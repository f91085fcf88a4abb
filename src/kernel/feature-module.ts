// What a feature hands the kernel: its commands, buttons, forms, notifications, jobs and words. The
// dispatcher, the command parser, the composer and the job runner read these tables and know no
// feature by name, so adding a command, a button, a form, a notification or a job touches only the
// feature's folder (and, for a new feature, one line in src/modules.ts).
import type { AppContext } from "./app/context.ts";
import type { NotificationMessage, NotificationType } from "./app/ports/composer.ts";
import type { Tx } from "./app/tx.ts";
import type { Locale } from "./domain/locale.ts";
import type { FailureReason } from "./domain/result.ts";
import type { Role } from "./domain/roles.ts";
import type { MessageKey, Params, Translate } from "./i18n/catalog.ts";
import type { CommandSpec } from "./surface/commands.ts";
import type { HandlerContext } from "./surface/handler-context.ts";
import type { Element, Output, View } from "./surface/view.ts";

/** The arguments a command's `parse` read from the words after its name (name included). */
export type ParsedCommand = { name: string } & Record<string, unknown>;

export type ArgsOutcome<A> = { ok: true; args: A } | { ok: false; key: MessageKey; params: Params };

/** `usage`: the refusal that shows the usage line; `t`: the reader's words, to name choices. */
export type ParseContext = { usage: ArgsOutcome<never>; t: Translate };

/** Where help is being asked for: an unbound channel has no cluster, a non-member no role. */
export type HelpPlace = { clusterName: string | null; role: Role | null };

export type CommandEntry<A extends object = object> = CommandSpec & {
  /**
   * Reads the words after the name (pure: no I/O). Absent: the command takes no words (extra words are read as a typo of a longer command).
   */
  parse?: (rest: string[], context: ParseContext) => ArgsOutcome<A>;
  run: (hc: HandlerContext, args: A & { name: string }) => Promise<Output[]>;
  /** Also runs in the chairs' forum channel (which otherwise runs only its own commands). */
  inForum?: true;
  /** Whether help lists it here, beyond `requires` (e.g. `setup` only where no cluster is bound). */
  helpShows?: (place: HelpPlace) => boolean;
};

/** Typed inside the feature, erased in the registry. */
export const command = <A extends object = object>(entry: CommandEntry<A>): CommandEntry =>
  entry as unknown as CommandEntry;

export type ActionRoute = {
  /** Stable ids: they sit in posted messages, never rename one. */
  ids: readonly string[];
  run: (hc: HandlerContext, actionId: string, value: string) => Promise<Output[]>;
};

export type FormRoute = {
  ids: readonly string[];
  run: (
    hc: HandlerContext,
    formId: string,
    values: Record<string, unknown>,
    metadata: string,
  ) => Promise<Output[]>;
};

export type ComposerOptions = { publicUrl?: string };

/** Writes one kind of notification in the recipient's language. */
export type NotificationComposer<K extends NotificationType = NotificationType> = (
  message: Extract<NotificationMessage, { type: K }>,
  locale: Locale,
  options: ComposerOptions,
) => View;

export type NotificationComposers = { [K in NotificationType]?: NotificationComposer<K> };

export type FeatureJob = {
  name: string;
  /** node-cron syntax with seconds. */
  cron: string;
  run: (app: AppContext, signal: AbortSignal) => Promise<unknown>;
};

/** One catalog fragment per language; English is the reference, the others have exactly its keys. */
export type MessageFragments = {
  en: Readonly<Record<string, string>>;
  fi: Readonly<Record<string, string>>;
  sv: Readonly<Record<string, string>>;
  nl: Readonly<Record<string, string>>;
};

export type InteractionHooks = {
  /** Before a parsed command runs: an answer here replaces the command's (the forum's guard). */
  beforeCommand?: (hc: HandlerContext, command: ParsedCommand) => Promise<Output[] | null>;
  /** After an interaction's outputs are known: e.g. carry channel posts to bridged channels. */
  afterOutputs?: (hc: HandlerContext, outputs: Output[]) => Promise<void>;
};

/** Where a section is shown: the cluster, the meeting the view is about (if any), and now. */
export type SectionPlace = { clusterId: string; timeZone: string; meetingId: string | null; now: Date };

/**
 * Part of a view that another feature owns, at a named place (e.g. "agenda": the agenda of an upcoming
 * meeting shows the signals saved since the last one). The owner asks the registry for its place's
 * sections, so a feature adds to another's view without either importing the other: the owner often
 * needs the contributor the other way round (a signal is put on the agenda), and an import both ways
 * is a cycle.
 */
export type ViewSection = {
  /** Reads what the section shows, with bounded queries, in the owner's transaction. */
  load: (tx: Tx, place: SectionPlace) => Promise<unknown>;
  /** Draws what `load` read, in the reader's words. */
  render: (data: unknown, t: Translate, locale: Locale) => Element[];
};

/** A loaded section, ready to draw in the reader's words. */
export type DrawSection = (t: Translate, locale: Locale) => Element[];

export type FeatureModule = {
  name: string;
  commands?: readonly CommandEntry[];
  actions?: readonly ActionRoute[];
  forms?: readonly FormRoute[];
  notifications?: NotificationComposers;
  jobs?: readonly FeatureJob[];
  messages?: MessageFragments;
  /** The expected refusals its use cases give; each needs an `error.<REASON>` message. */
  failures?: readonly FailureReason[];
  hooks?: InteractionHooks;
  /** Sections this feature adds to other features' views, by place. */
  sections?: Readonly<Record<string, ViewSection>>;
  /** Idempotent work at start-up, before any request (e.g. seeding the shared question bank). */
  start?: (app: AppContext) => Promise<unknown>;
};
