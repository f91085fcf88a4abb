// One entry for every interaction from every platform: validate → route → use case → outputs. The
// routes are the installed features' tables (src/kernel/registry.ts); this file knows no feature.

import type { Logger } from "../../log/logger.ts";
import type { AppContext } from "../app/context.ts";
import { claimInteraction, releaseInteraction } from "../app/interaction-receipts.ts";
import { forInteraction } from "../app/person-memo.ts";
import { preferredLocale } from "../app/preferred-locale.ts";
import { queueRedraw } from "../app/queue-redraw.ts";
import { cleanStrings } from "../domain/clean-text.ts";
import type { Locale } from "../domain/locale.ts";
import { type Translate, translator } from "../i18n/catalog.ts";
import { registry } from "../registry.ts";
import type { HandlerContext } from "./handler-context.ts";
import { type Envelope, EnvelopeSchema } from "./intent.ts";
import type { InteractionObserver, InteractionOutcome, InteractionReport } from "./interaction-observer.ts";
import { parseCommand } from "./parse-command.ts";
import { LINK_ACTION_ID, note, type Output } from "./view.ts";

export type Dispatcher = (envelope: unknown) => Promise<{ locale: Locale; outputs: Output[] }>;

/**
 * `observe` hears of every interaction once it is answered (metrics); the dispatcher itself writes
 * one `info` line per interaction: platform, kind, cluster id, outcome and duration, never names,
 * e-mail addresses or message text.
 */
export function createDispatcher(
  shared: AppContext,
  log: Logger,
  observe: InteractionObserver = () => undefined,
): Dispatcher {
  const dispatch = handle(shared, log);
  return async (raw) => {
    const started = performance.now();
    const { answer, outcome, envelope, clusterId } = await dispatch(raw);
    const report: InteractionReport = {
      platform: envelope?.actor.platform ?? "unknown",
      kind: envelope?.intent.kind ?? "unknown",
      outcome,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(clusterId ? { clusterId } : {}),
    };
    log.info("interaction", report);
    try {
      observe(report);
    } catch (error) {
      log.error("the interaction observer failed", { error });
    }
    return answer;
  };
}

type Handled = {
  answer: { locale: Locale; outputs: Output[] };
  outcome: InteractionOutcome;
  envelope?: Envelope;
  clusterId?: string;
};

function handle(shared: AppContext, log: Logger): (raw: unknown) => Promise<Handled> {
  return async (raw) => {
    const app = forInteraction(shared); // the person is resolved once per interaction (person-memo.ts)
    // Member text enters here (commands, clicks, forms, names): cleaned before anything stores it.
    const parsed = EnvelopeSchema.safeParse(cleanStrings(raw));
    if (!parsed.success) {
      log.warn("rejected malformed interaction", { issues: parsed.error.issues.slice(0, 3) });
      const answer = { locale: "en" as const, outputs: [note(translator("en")("parse.unknownAction"))] };
      return { answer, outcome: "malformed" };
    }
    const envelope = parsed.data;
    const done = (answer: Handled["answer"], outcome: InteractionOutcome): Handled => ({
      answer,
      outcome,
      envelope,
      clusterId: app.interaction?.clusterId,
    });
    const key = envelope.idempotencyKey;
    let t: Translate = translator("en");
    let locale: Locale = "en";
    let claimed = false;
    try {
      locale = await preferredLocale(app, envelope.actor, envelope.conversation);
      t = translator(locale);
      // A replay, retry or concurrent duplicate of a delivery already claimed runs no handler: no
      // second write, no second notification, just a word that it was received.
      if (key) {
        claimed = await claimInteraction(app, key);
        if (!claimed) {
          log.info("ignored a repeated interaction", { intent: envelope.intent.kind });
          return done({ locale, outputs: [note(t("interaction.repeated"))] }, "repeated");
        }
      }
      const hc: HandlerContext = { app, envelope, t, locale, log };
      const outputs = await route(hc, envelope);
      await queueRedraws(app, outputs, log);
      // A refused form wrote nothing and stays open: correcting it resubmits the same Slack view.
      const refused = outputs.some((o) => o.kind === "form-errors");
      if (key && refused) await releaseInteraction(app, key);
      // After-interaction hooks (bridged clusters: the other platform's channel gets the posts and
      // redraws too). A failure there must not cost the person their answer here.
      for (const [feature, hooks] of registry().hookOwners)
        if (hooks.afterOutputs)
          await hooks
            .afterOutputs(hc, outputs)
            .catch((error: unknown) =>
              log.error("an after-interaction hook failed", { error, feature, intent: envelope.intent.kind }),
            );
      return done({ locale, outputs }, refused ? "refused" : "ok");
    } catch (error) {
      // The handler's transaction rolled back: a genuine retry of this delivery must be able to run.
      if (key && claimed)
        await releaseInteraction(app, key).catch((cause: unknown) =>
          log.error("could not release an interaction's claim", { error: cause }),
        );
      // Unexpected: log with context, apologise in the person's language, never leak a stack.
      log.error("interaction failed", {
        error,
        intent: envelope.intent.kind,
        platform: envelope.actor.platform,
      });
      return done({ locale, outputs: [note(t("error.unexpected"))] }, "error");
    }
  };
}

/**
 * The redraws of tracked messages (all platforms' copies, the local one included) are queued in the
 * outbox, merged per message (queue-redraw.ts), and the outbox is woken to send them now. The use case
 * has committed: a failure here costs the redraw, not the person's answer (the next one redraws).
 */
async function queueRedraws(app: AppContext, outputs: Output[], log: Logger): Promise<void> {
  let queued = false;
  for (const output of outputs) {
    if (output.kind !== "refresh") continue;
    const { subject, view, version } = output;
    await queueRedraw(app, { subject, view, version, clusterId: app.interaction?.clusterId ?? null })
      .then(() => {
        queued = true;
      })
      .catch((error: unknown) => log.error("could not queue a redraw", { error, subject: subject.type }));
  }
  if (queued) app.wakeOutbox?.();
}

async function route(hc: HandlerContext, envelope: Envelope): Promise<Output[]> {
  const intent = envelope.intent;
  const features = registry();
  switch (intent.kind) {
    case "command": {
      const parsed = parseCommand(intent.text, hc.t, features.commands);
      if (!parsed.ok) return [note(hc.t(parsed.key, parsed.params))];
      // A feature may answer instead (the chairs' forum runs only the commands meant for it).
      for (const [, hooks] of features.hookOwners) {
        const answer = await hooks.beforeCommand?.(hc, parsed.command);
        if (answer) return answer;
      }
      const entry = features.commands.find((c) => c.name === parsed.command.name);
      return entry ? entry.run(hc, parsed.command) : [note(hc.t("parse.unknownAction"))];
    }
    case "action": {
      // A plain link button: the platform opened the link, nothing to do here.
      if (intent.actionId === LINK_ACTION_ID) return [];
      const run = features.actions.get(intent.actionId);
      return run ? run(hc, intent.actionId, intent.value) : [note(hc.t("parse.unknownAction"))];
    }
    case "submit": {
      const run = features.forms.get(intent.formId);
      return run
        ? run(hc, intent.formId, intent.values, intent.metadata)
        : [note(hc.t("parse.unknownAction"))];
    }
  }
}
