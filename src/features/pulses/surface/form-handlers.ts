// pulse new · pulse copy: the organisers' forms, read back into the create and copy use cases.
import { z } from "zod";
import type { Fail, FailureReason, Result } from "../../../kernel/domain/result.ts";
import {
  addDaysToDate,
  formatInZone,
  isLocalDate,
  isLocalTime,
  utcToZoned,
  zonedToUtc,
} from "../../../kernel/domain/zoned-time.ts";
import type { MessageKey } from "../../../kernel/i18n/catalog.ts";
import { failureOutput } from "../../../kernel/surface/failure-message.ts";
import { safeJson, textOf } from "../../../kernel/surface/form-values.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import {
  type Form,
  moment,
  note,
  type Output,
  type TextElement,
  text,
} from "../../../kernel/surface/view.ts";
import { copyPulse } from "../app/copy-pulse.ts";
import { createPulse } from "../app/create-pulse.ts";
import { type PulseFormOptions, pulseFormOptions } from "../app/pulse-form-options.ts";
import type { CreatedPulse } from "../app/pulses.ts";
import { STAKEHOLDER_TYPES, textIn } from "../domain/question-types.ts";
import { en } from "../messages/en.ts";

export const PULSE_FORMS = { create: "ennakko.pulse-new", copy: "ennakko.pulse-copy" } as const;
const Metadata = z.object({ channelId: z.string().min(1), timeZone: z.string() });
/** Pulses run for two weeks unless the organiser says otherwise; they close in the afternoon. */
const DEFAULT_DAYS_OPEN = 14;
const DEFAULT_CLOSING_TIME = "16:00";

// --- new and copy ----------------------------------------------------------------------------------

export async function pulseNewCommand(hc: HandlerContext): Promise<Output[]> {
  const options = await pulseFormOptions(hc.app, actorAndConversation(hc));
  return render(hc, options, (o) => [{ kind: "form", form: newPulseForm(hc, o, {}) }]);
}

export async function pulseCopyCommand(hc: HandlerContext): Promise<Output[]> {
  const options = await pulseFormOptions(hc.app, actorAndConversation(hc));
  return render(hc, options, (o) =>
    o.previous ? [{ kind: "form", form: copyPulseForm(hc, o, {}) }] : [note(hc.t("error.NO_PREVIOUS_PULSE"))],
  );
}

function datesFields(hc: HandlerContext, timeZone: string, typed: Record<string, unknown>): Form["elements"] {
  const { t } = hc;
  const today = utcToZoned(hc.app.clock.now(), timeZone).date;
  const value = (id: string) => textOf(typed[id]);
  return [
    {
      type: "input",
      kind: "date",
      id: "opens_date",
      label: t("pulse.new.opensDate"),
      optional: true,
      initial: value("opens_date"),
    },
    {
      type: "input",
      kind: "time",
      id: "opens_time",
      label: t("pulse.new.opensTime"),
      optional: true,
      initial: value("opens_time"),
    },
    {
      type: "input",
      kind: "date",
      id: "closes_date",
      label: t("pulse.new.closesDate"),
      initial: value("closes_date") ?? addDaysToDate(today, DEFAULT_DAYS_OPEN),
    },
    {
      type: "input",
      kind: "time",
      id: "closes_time",
      label: t("pulse.new.closesTime"),
      initial: value("closes_time") ?? DEFAULT_CLOSING_TIME,
    },
  ];
}

function newPulseForm(hc: HandlerContext, options: PulseFormOptions, typed: Record<string, unknown>): Form {
  const { t, locale } = hc;
  const value = (id: string) => textOf(typed[id]);
  const list = (id: string) => {
    const v = typed[id];
    return Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? v.split(",") : undefined;
  };
  const questionTexts = options.bank.map((q) => textIn(q.text, locale));
  const numbered = questionList(t, questionTexts).length > 0;
  return {
    formId: PULSE_FORMS.create,
    title: t("pulse.new.title"),
    submitLabel: t("pulse.new.submit"),
    cancelLabel: t("setup.cancel"),
    metadata: JSON.stringify({ channelId: hc.envelope.conversation.channelId, timeZone: options.timeZone }),
    elements: [
      text(t("pulse.new.intro", { zone: options.timeZone })),
      {
        type: "input",
        id: "title",
        label: t("pulse.new.name"),
        maxLength: 200,
        placeholder: t("pulse.new.namePlaceholder"),
        initial: value("title"),
      },
      // A menu option holds 75 characters: a longer question is listed whole above, numbered as
      // in the menu, so nobody has to guess the end of a question from a "…".
      ...questionList(t, questionTexts),
      {
        type: "multiselect",
        id: "questions",
        label: t("pulse.new.questions"),
        options: options.bank.map((q, i) => ({
          label: clip(numbered ? `${i + 1}. ${questionTexts[i]}` : questionTexts[i]!, 75),
          value: q.key,
        })),
        initial: list("questions") ?? options.previous?.questionKeys ?? options.bank.map((q) => q.key),
      },
      {
        type: "multiselect",
        id: "audience",
        label: t("pulse.new.audience"),
        optional: true,
        options: STAKEHOLDER_TYPES.map((type) => ({ label: t(`stakeholder.${type}`), value: type })),
        ...(list("audience") ? { initial: list("audience") } : {}),
      },
      {
        type: "select",
        id: "anonymity",
        label: t("pulse.new.anonymity"),
        options: [
          { label: t("pulse.new.anonymous"), value: "anonymous" },
          { label: t("pulse.new.named"), value: "named" },
        ],
        initial: value("anonymity") ?? "anonymous",
      },
      ...datesFields(hc, options.timeZone, typed),
      {
        type: "select",
        id: "results_live",
        label: t("pulse.new.resultsLive"),
        options: [
          { label: t("pulse.new.resultsAtClose"), value: "no" },
          { label: t("pulse.new.resultsLiveYes"), value: "yes" },
        ],
        initial: value("results_live") ?? "no",
      },
      {
        type: "input",
        id: "skills",
        label: t("pulse.new.skills"),
        multiline: true,
        optional: true,
        maxLength: 1500,
        placeholder: t("pulse.new.skillsPlaceholder"),
        initial: value("skills") ?? options.skills.join("\n"),
      },
    ],
  };
}

function copyPulseForm(hc: HandlerContext, options: PulseFormOptions, typed: Record<string, unknown>): Form {
  const { t } = hc;
  return {
    formId: PULSE_FORMS.copy,
    title: t("pulse.copy.title"),
    submitLabel: t("pulse.new.submit"),
    cancelLabel: t("setup.cancel"),
    metadata: JSON.stringify({ channelId: hc.envelope.conversation.channelId, timeZone: options.timeZone }),
    elements: [
      text(
        t("pulse.copy.intro", {
          title: options.previous?.title ?? "",
          n: options.previous?.questionKeys.length ?? 0,
        }),
      ),
      {
        type: "input",
        id: "title",
        label: t("pulse.new.name"),
        maxLength: 200,
        initial: textOf(typed.title) ?? options.previous?.title,
      },
      ...datesFields(hc, options.timeZone, typed),
    ],
  };
}

type Dates = { opensAt: Date; closesAt: Date };

/** Date and time fields in the cluster's zone → instants; an empty opening means "now". */
function readDates(
  hc: HandlerContext,
  values: Record<string, unknown>,
  timeZone: string,
): { ok: true; dates: Dates } | { ok: false; errors: Record<string, string> } {
  const opensDate = textOf(values.opens_date);
  const opensTime = textOf(values.opens_time) ?? "08:00";
  const closesDate = textOf(values.closes_date) ?? "";
  const closesTime = textOf(values.closes_time) ?? DEFAULT_CLOSING_TIME;
  const errors: Record<string, string> = {};
  if (opensDate && !isLocalDate(opensDate)) errors.opens_date = hc.t("pulse.invalid.DATE");
  if (!isLocalTime(opensTime)) errors.opens_time = hc.t("pulse.invalid.TIME");
  if (!isLocalDate(closesDate)) errors.closes_date = hc.t("pulse.invalid.DATE");
  if (!isLocalTime(closesTime)) errors.closes_time = hc.t("pulse.invalid.TIME");
  if (Object.keys(errors).length) return { ok: false, errors };
  const dates = {
    opensAt: opensDate ? zonedToUtc(opensDate, opensTime, timeZone) : hc.app.clock.now(),
    closesAt: zonedToUtc(closesDate, closesTime, timeZone),
  };
  return { ok: true, dates };
}

/** What differs between the new-pulse and copy forms; reading and answering them is shared. */
type PulseFormKind = {
  formId: string;
  form(hc: HandlerContext, options: PulseFormOptions, typed: Record<string, unknown>): Form;
  run(hc: HandlerContext, values: Record<string, unknown>, dates: Dates): Promise<Result<CreatedPulse>>;
};

const NEW_PULSE: PulseFormKind = {
  formId: PULSE_FORMS.create,
  form: newPulseForm,
  run(hc, values, dates) {
    const many = (v: unknown) =>
      Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? v.split(",") : [];
    const audienceTypes = many(values.audience);
    // A platform that leaves an untouched field out must not empty the cluster's skill list.
    const skills =
      "skills" in values
        ? (textOf(values.skills)
            ?.split(/\r?\n/)
            .map((s) => s.trim())
            .filter(Boolean) ?? [])
        : undefined;
    return createPulse(hc.app, {
      ...actorAndConversation(hc),
      title: textOf(values.title) ?? "",
      questionKeys: many(values.questions),
      audience: audienceTypes.length
        ? { kind: "stakeholders", types: audienceTypes as never }
        : { kind: "all" },
      anonymous: textOf(values.anonymity) !== "named",
      resultsLive: textOf(values.results_live) === "yes",
      ...dates,
      ...(skills ? { skills } : {}),
    });
  },
};

const COPY_PULSE: PulseFormKind = {
  formId: PULSE_FORMS.copy,
  form: copyPulseForm,
  run: (hc, values, dates) =>
    copyPulse(hc.app, { ...actorAndConversation(hc), title: textOf(values.title), ...dates }),
};

export const pulseNewSubmit = (hc: HandlerContext, values: Record<string, unknown>, metadata: string) =>
  submitPulseForm(hc, values, metadata, NEW_PULSE);
export const pulseCopySubmit = (hc: HandlerContext, values: Record<string, unknown>, metadata: string) =>
  submitPulseForm(hc, values, metadata, COPY_PULSE);

async function submitPulseForm(
  hc: HandlerContext,
  values: Record<string, unknown>,
  metadata: string,
  kind: PulseFormKind,
): Promise<Output[]> {
  const meta = Metadata.safeParse(safeJson(metadata));
  if (!meta.success || meta.data.channelId !== hc.envelope.conversation.channelId)
    return [note(hc.t("parse.unknownAction"))];
  // The same form again, with what was typed, for the platforms that redraw it with the problems.
  const again = async () => {
    const options = await pulseFormOptions(hc.app, actorAndConversation(hc));
    return options.ok ? kind.form(hc, options.value, values) : null;
  };
  const read = readDates(hc, values, meta.data.timeZone);
  if (!read.ok) return formErrors(kind.formId, read.errors, await again());
  const result = await kind.run(hc, values, read.dates);
  if (!result.ok) return pulseFormProblem(hc, result, kind.formId, await again());
  return [note(createdLine(hc, result.value, meta.data.timeZone))];
}

function createdLine(
  hc: HandlerContext,
  created: { title: string; invited: number; opensAt: Date; closesAt: Date },
  timeZone: string,
): string {
  const at = (d: Date) => moment(d, formatInZone(d, hc.locale, timeZone, "dateTime"));
  return hc.t("pulse.created", {
    title: created.title,
    invited: created.invited,
    opens: at(created.opensAt),
    closes: at(created.closesAt),
  });
}

const FIELD_OF: Record<string, string> = {
  title: "title",
  questionKeys: "questions",
  audience: "audience",
  "audience.types": "audience",
  opensAt: "opens_date",
  closesAt: "closes_date",
  skills: "skills",
};

/** Input problems go next to their field; any other refusal (rights, unknown question) is a note. */
function pulseFormProblem(
  hc: HandlerContext,
  failure: Fail<FailureReason>,
  formId: string,
  form: Form | null,
): Output[] {
  if (failure.reason !== "INVALID_INPUT" || !form) return [failureOutput(hc.t, failure)];
  const path = String(failure.details?.field ?? "");
  const field = FIELD_OF[path] ?? FIELD_OF[path.split(".")[0] ?? ""] ?? "title";
  const problem = String(failure.details?.problem ?? "");
  const key = `pulse.invalid.${problem}`;
  const message = key in en ? hc.t(key as MessageKey) : hc.t("pulse.invalid.OTHER");
  return formErrors(formId, { [field]: message }, form);
}

function formErrors(formId: string, errors: Record<string, string>, form: Form | null): Output[] {
  if (!form) return [note(Object.values(errors).join("\n"))];
  return [{ kind: "form-errors", formId, errors, form }];
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The bank's questions in full, numbered, when any is too long for a menu option. */
function questionList(t: HandlerContext["t"], questions: string[]): TextElement[] {
  if (questions.every((q, i) => `${i + 1}. ${q}`.length <= 75)) return [];
  return [text(`${t("pulse.new.questionList")}\n${questions.map((q, i) => `${i + 1}. ${q}`).join("\n")}`)];
}
