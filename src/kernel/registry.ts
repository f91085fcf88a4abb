// The installed feature modules, as the generic dispatcher, parser, composer and job runner read
// them. Installed once by src/bot.ts (and by the test setup) from the list in src/modules.ts.
// Installing checks what a compiler cannot: no two features claim one command, button, form,
// notification kind, job, message key or failure reason.

import type { Tx } from "./app/tx.ts";
import { KERNEL_FAILURES } from "./domain/result.ts";
import type {
  ActionRoute,
  CommandEntry,
  DrawSection,
  FeatureJob,
  FeatureModule,
  FormRoute,
  InteractionHooks,
  NotificationComposer,
  SectionPlace,
  ViewSection,
} from "./feature-module.ts";
import { installMessages, KERNEL_MESSAGE_KEYS } from "./i18n/catalog.ts";

export type Registry = {
  modules: readonly FeatureModule[];
  /** In module order, then in each module's order: help lists them this way. */
  commands: readonly CommandEntry[];
  actions: ReadonlyMap<string, ActionRoute["run"]>;
  forms: ReadonlyMap<string, FormRoute["run"]>;
  notifications: ReadonlyMap<string, NotificationComposer>;
  jobs: readonly FeatureJob[];
  /** Every failure reason the installed system can give: the kernel's and the installed features'. */
  failures: ReadonlySet<string>;
  /** Feature name → its hooks, in module order. */
  hookOwners: ReadonlyMap<string, InteractionHooks>;
  /** Place → the sections features add there, in module order. */
  sections: ReadonlyMap<string, readonly ViewSection[]>;
};

let installed: Registry | null = null;
let installedFrom: readonly FeatureModule[] | null = null;

export function installFeatures(modules: readonly FeatureModule[]): Registry {
  if (installed && installedFrom === modules) return installed;
  const claimed = new Map<string, string>();
  const claim = (kind: string, id: string, feature: string) => {
    const key = `${kind} ${id}`;
    const owner = claimed.get(key);
    if (owner) throw new Error(`features "${owner}" and "${feature}" both declare the ${kind} "${id}"`);
    claimed.set(key, feature);
  };
  const commands: CommandEntry[] = [];
  const actions = new Map<string, ActionRoute["run"]>();
  const forms = new Map<string, FormRoute["run"]>();
  const notifications = new Map<string, NotificationComposer>();
  const jobs: FeatureJob[] = [];
  const failures = new Set<string>();
  const hookOwners = new Map<string, InteractionHooks>();
  const sections = new Map<string, ViewSection[]>();
  // The kernel's own words and reasons are claimed first: a feature cannot take one over.
  for (const key of KERNEL_MESSAGE_KEYS) claim("message", key, "kernel");
  for (const reason of KERNEL_FAILURES) {
    claim("failure reason", reason, "kernel");
    failures.add(reason);
  }
  for (const module of modules) {
    claim("feature", module.name, module.name);
    for (const entry of module.commands ?? []) {
      claim("command", entry.name, module.name);
      commands.push(entry);
    }
    for (const route of module.actions ?? [])
      for (const id of route.ids) {
        claim("action", id, module.name);
        actions.set(id, route.run);
      }
    for (const route of module.forms ?? [])
      for (const id of route.ids) {
        claim("form", id, module.name);
        forms.set(id, route.run);
      }
    for (const [type, compose] of Object.entries(module.notifications ?? {})) {
      claim("notification", type, module.name);
      notifications.set(type, compose as NotificationComposer);
    }
    for (const job of module.jobs ?? []) {
      claim("job", job.name, module.name);
      jobs.push(job);
    }
    for (const reason of module.failures ?? []) {
      claim("failure reason", reason, module.name);
      failures.add(reason);
    }
    if (module.messages)
      for (const key of Object.keys(module.messages.en)) claim("message", key, module.name);
    if (module.hooks) hookOwners.set(module.name, module.hooks);
    for (const [place, section] of Object.entries(module.sections ?? {}))
      sections.set(place, [...(sections.get(place) ?? []), section]);
  }
  installMessages(modules.flatMap((m) => (m.messages ? [m.messages] : [])));
  installed = { modules, commands, actions, forms, notifications, jobs, failures, hookOwners, sections };
  installedFrom = modules;
  return installed;
}

/**
 * The sections installed features add at `place`, each loaded (in the caller's transaction) and ready
 * to draw in the reader's words.
 */
export async function loadSections(tx: Tx, place: string, at: SectionPlace): Promise<DrawSection[]> {
  const loaded: DrawSection[] = [];
  for (const section of registry().sections.get(place) ?? []) {
    const data = await section.load(tx, at);
    loaded.push((t, locale) => section.render(data, t, locale));
  }
  return loaded;
}

/** The installed features; a programming error (not a user's) when nothing was installed yet. */
export function registry(): Registry {
  if (!installed) throw new Error("no feature modules installed: call installFeatures(FEATURES) first");
  return installed;
}
