// One entry for every interaction from every platform: validate → route → use case → outputs.

import {
  agendaActionHandler,
  agendaAddCommand,
  agendaCommand,
  agendaSubmit,
  isAgendaAction,
  isAgendaForm,
} from "../../features/agenda/surface/handlers.ts";
import { linkCommand, unlinkCommand } from "../../features/bridge/surface/handlers.ts";
import { mirrorOutputs } from "../../features/bridge/surface/mirror-outputs.ts";
import { ACTION_IDS, FORM_IDS } from "../../features/clusters/surface/action-ids.ts";
import { helpHandler } from "../../features/clusters/surface/help.ts";
import {
  joinHandler,
  leaveHandler,
  membersHandler,
  roleHandler,
} from "../../features/clusters/surface/membership-handlers.ts";
import { setupCommandHandler, setupSubmitHandler } from "../../features/clusters/surface/setup-handlers.ts";
import { statusHandler } from "../../features/clusters/surface/status-handler.ts";
import { isCycleAction } from "../../features/cycle/surface/cycle-view.ts";
import { cycleActionHandler, cycleCommand } from "../../features/cycle/surface/handlers.ts";
import { chairsReportCommand, forumGuard, forumSetupCommand } from "../../features/forum/surface/handlers.ts";
import { homeCommand, homeRefreshed } from "../../features/home/surface/handlers.ts";
import { HOME_ACTIONS } from "../../features/home/surface/home-view.ts";
import {
  MEASURE_FORMS,
  measureActionHandler,
  measureAddCommand,
  measureAddSubmit,
  measureCheckInSubmit,
  measurePageAction,
  measuresCommand,
} from "../../features/measures/surface/handlers.ts";
import { MEASURE_ACTIONS, MEASURE_LIST_ACTIONS } from "../../features/measures/surface/measure-views.ts";
import {
  CANCEL_MEETING_ACTION,
  cancelClicked,
  cancelCommand,
  RESCHEDULE_FORM_ID,
  rescheduleCommand,
  rescheduleSubmit,
} from "../../features/meetings/surface/change-handlers.ts";
import {
  finaliseHandler,
  MEETING_FORM_ID,
  meetingPlanCommand,
  meetingPlanSubmit,
  meetingShowHandler,
  POLL_ANSWER_BY_ACTION,
  pollAnswerHandler,
} from "../../features/meetings/surface/handlers.ts";
import { POLL_ACTIONS } from "../../features/meetings/surface/poll-view.ts";
import {
  isMinutesAction,
  MINUTES_FORM_ID,
  minutesActionHandler,
  minutesApproveCommand,
  minutesCommand,
  minutesDraftCommand,
  minutesSubmit,
} from "../../features/minutes/surface/handlers.ts";
import {
  ERASE_MEMBER_ACTION,
  eraseClicked,
  eraseCommand,
  languageCommand,
  myDataCommand,
} from "../../features/people/surface/handlers.ts";
import {
  pulseCloseCommand,
  pulseExportCommand,
  pulseResultsCommand,
  pulseStatusCommand,
  stakeholderCommand,
} from "../../features/pulses/surface/admin-handlers.ts";
import {
  isPulseAnswerAction,
  PULSE_ANSWER_FORM_ID,
  pulseAnswerAction,
  pulseAnswerSubmit,
} from "../../features/pulses/surface/answer-handlers.ts";
import {
  PULSE_FORMS,
  pulseCopyCommand,
  pulseCopySubmit,
  pulseNewCommand,
  pulseNewSubmit,
} from "../../features/pulses/surface/form-handlers.ts";
import {
  decideCommand,
  isRecordAction,
  isRecordForm,
  recordActionHandler,
  recordCommand,
  recordSubmit,
} from "../../features/record/surface/handlers.ts";
import type { Logger } from "../../log/logger.ts";
import type { AppContext } from "../app/context.ts";
import { claimInteraction, releaseInteraction } from "../app/interaction-receipts.ts";
import { forInteraction } from "../app/person-memo.ts";
import { preferredLocale } from "../app/preferred-locale.ts";
import { cleanStrings } from "../domain/clean-text.ts";
import type { Locale } from "../domain/locale.ts";
import { ROLES } from "../domain/roles.ts";
import { type MessageKey, type Params, type Translate, translator } from "../i18n/catalog.ts";
import { COMMANDS, type CommandSpec, localUsageOf, usageOf } from "./commands.ts";
import type { HandlerContext } from "./handler-context.ts";
import { type Envelope, EnvelopeSchema } from "./intent.ts";
import { type ParsedCommand, parseCommand } from "./parse-command.ts";
import { LINK_ACTION_ID, note, type Output } from "./view.ts";

export type Dispatcher = (envelope: unknown) => Promise<{ locale: Locale; outputs: Output[] }>;

export function createDispatcher(shared: AppContext, log: Logger): Dispatcher {
  return async (raw) => {
    const app = forInteraction(shared); // the person is resolved once per interaction (person-memo.ts)
    // Member text enters here (commands, clicks, forms, names): cleaned before anything stores it.
    const parsed = EnvelopeSchema.safeParse(cleanStrings(raw));
    if (!parsed.success) {
      log.warn("rejected malformed interaction", { issues: parsed.error.issues.slice(0, 3) });
      return { locale: "en", outputs: [note(translator("en")("parse.unknownAction"))] };
    }
    const envelope = parsed.data;
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
          return { locale, outputs: [note(t("interaction.repeated"))] };
        }
      }
      const hc: HandlerContext = { app, envelope, t, locale, log };
      const outputs = await route(hc, envelope);
      // A refused form wrote nothing and stays open: correcting it resubmits the same Slack view.
      if (key && outputs.some((o) => o.kind === "form-errors")) await releaseInteraction(app, key);
      // Bridged clusters: the other platform's channel gets the posts and redraws too. A failure
      // there must not cost the person their answer here.
      await mirrorOutputs(app, envelope, outputs).catch((error: unknown) =>
        log.error("mirroring to bridged channels failed", { error, intent: envelope.intent.kind }),
      );
      return { locale, outputs };
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
      return { locale, outputs: [note(t("error.unexpected"))] };
    }
  };
}

async function route(hc: HandlerContext, envelope: Envelope): Promise<Output[]> {
  const intent = envelope.intent;
  switch (intent.kind) {
    case "command": {
      const parsed = parseCommand(intent.text);
      if (!parsed.ok) return [note(hc.t(parsed.key, localised(hc, parsed.key, parsed.params)))];
      // The chairs' forum runs only its own commands.
      return (await forumGuard(hc, parsed.command)) ?? runCommand(hc, parsed.command);
    }
    case "action":
      return runAction(hc, intent.actionId, intent.value);
    case "submit":
      return runSubmit(hc, intent.formId, intent.values, intent.metadata);
  }
}

/**
 * The roles a refusal lists are named as the reader knows them (the parser takes these names too), and
 * a usage line names its arguments in the reader's language.
 */
function localised(hc: HandlerContext, key: MessageKey, params: Params): Params {
  if (key === "parse.badRole") return { ...params, roles: ROLES.map((r) => hc.t(`role.${r}`)).join(", ") };
  const spec = (COMMANDS as readonly CommandSpec[]).find((c) => usageOf(c) === params.usage);
  return spec ? { ...params, usage: localUsageOf(spec, hc.t) } : params;
}

function runCommand(hc: HandlerContext, command: ParsedCommand): Promise<Output[]> {
  switch (command.name) {
    case "help":
      return helpHandler(hc);
    case "setup":
      return setupCommandHandler(hc, command.clusterName);
    case "members":
      return membersHandler(hc);
    case "join":
      return joinHandler(hc);
    case "leave":
      return leaveHandler(hc);
    case "role":
      return roleHandler(hc, command.target, command.role);
    case "status":
      return statusHandler(hc);
    case "cycle":
      return cycleCommand(hc, command.edit);
    case "meeting plan":
      return meetingPlanCommand(hc);
    case "meeting":
      return meetingShowHandler(hc);
    case "meeting reschedule":
      return rescheduleCommand(hc);
    case "meeting cancel":
      return cancelCommand(hc);
    case "measure add":
      return measureAddCommand(hc);
    case "measures":
      return measuresCommand(hc, command.filter);
    case "agenda":
      return agendaCommand(hc);
    case "agenda add":
      return agendaAddCommand(hc);
    case "record":
      return recordCommand(hc);
    case "decide":
      return decideCommand(hc);
    case "pulse new":
      return pulseNewCommand(hc);
    case "pulse copy":
      return pulseCopyCommand(hc);
    case "pulse status":
      return pulseStatusCommand(hc);
    case "pulse results":
      return pulseResultsCommand(hc);
    case "pulse close":
      return pulseCloseCommand(hc);
    case "pulse export":
      return pulseExportCommand(hc);
    case "stakeholder":
      return stakeholderCommand(hc, command.type);
    case "minutes":
      return minutesCommand(hc, command.meeting);
    case "minutes draft":
      return minutesDraftCommand(hc, command.meeting);
    case "minutes approve":
      return minutesApproveCommand(hc, { meeting: command.meeting });
    case "language":
      return languageCommand(hc, command.locale);
    case "my-data":
      return myDataCommand(hc);
    case "home":
      return homeCommand(hc);
    case "erase":
      return eraseCommand(hc, command.target);
    case "forum setup":
      return forumSetupCommand(hc, command.forumName);
    case "chairs report":
      return chairsReportCommand(hc);
    case "link":
      return linkCommand(hc, command);
    case "unlink":
      return unlinkCommand(hc);
  }
}

async function runAction(hc: HandlerContext, actionId: string, value: string): Promise<Output[]> {
  const answer = POLL_ANSWER_BY_ACTION[actionId];
  if (answer) return pollAnswerHandler(hc, answer, value);
  if ((Object.values(MEASURE_ACTIONS) as string[]).includes(actionId))
    return measureActionHandler(hc, actionId, value);
  if (isAgendaAction(actionId)) return agendaActionHandler(hc, actionId, value);
  if (isRecordAction(actionId)) return recordActionHandler(hc, actionId, value);
  if (isMinutesAction(actionId)) return minutesActionHandler(hc, actionId, value);
  if (isPulseAnswerAction(actionId)) return pulseAnswerAction(hc, actionId, value);
  if (isCycleAction(actionId)) return cycleActionHandler(hc, actionId, value);
  switch (actionId) {
    case LINK_ACTION_ID:
      return [];
    case CANCEL_MEETING_ACTION:
      return cancelClicked(hc, value);
    case ERASE_MEMBER_ACTION:
      return eraseClicked(hc, value);
    case HOME_ACTIONS.refresh:
      return homeRefreshed(hc);
    case MEASURE_LIST_ACTIONS.page:
      return measurePageAction(hc, value);
    case POLL_ACTIONS.finalise:
      return finaliseHandler(hc, value);
    case ACTION_IDS.joinCluster:
      return joinHandler(hc);
    case ACTION_IDS.showMembers:
      return membersHandler(hc);
    default:
      return [note(hc.t("parse.unknownAction"))];
  }
}

async function runSubmit(
  hc: HandlerContext,
  formId: string,
  values: Record<string, unknown>,
  metadata: string,
): Promise<Output[]> {
  if (isAgendaForm(formId)) return agendaSubmit(hc, formId, values, metadata);
  if (isRecordForm(formId)) return recordSubmit(hc, formId, values, metadata);
  if (formId === MINUTES_FORM_ID) return minutesSubmit(hc, values, metadata);
  switch (formId) {
    case FORM_IDS.setupCluster:
      return setupSubmitHandler(hc, values, metadata);
    case MEETING_FORM_ID:
      return meetingPlanSubmit(hc, values, metadata);
    case RESCHEDULE_FORM_ID:
      return rescheduleSubmit(hc, values, metadata);
    case MEASURE_FORMS.add:
      return measureAddSubmit(hc, values, metadata);
    case PULSE_FORMS.create:
      return pulseNewSubmit(hc, values, metadata);
    case PULSE_FORMS.copy:
      return pulseCopySubmit(hc, values, metadata);
    case PULSE_ANSWER_FORM_ID:
      return pulseAnswerSubmit(hc, values, metadata);
    case MEASURE_FORMS.progress:
    case MEASURE_FORMS.blocked:
      return measureCheckInSubmit(hc, formId, values, metadata);
    default:
      return [note(hc.t("parse.unknownAction"))];
  }
}
