// `/cluster setup <name>` opens a form; its submission creates the cluster.
import { z } from "zod";
import { LOCALES, toLocale } from "../../../kernel/domain/locale.ts";
import type { Fail, FailureReason } from "../../../kernel/domain/result.ts";
import { type MessageKey, translator } from "../../../kernel/i18n/catalog.ts";
import { failureOutput } from "../../../kernel/surface/failure-message.ts";
import { safeJson, textOf } from "../../../kernel/surface/form-values.ts";
import type { HandlerContext } from "../../../kernel/surface/handler-context.ts";
import {
  ephemeral,
  type Form,
  note,
  type Output,
  text,
  toChannel,
  view,
} from "../../../kernel/surface/view.ts";
import { checkChannelFree, setupCluster } from "../app/setup-cluster.ts";
import { ACTION_IDS, COMMON_TIME_ZONES, FORM_IDS, SETUP_FIELDS } from "./action-ids.ts";

const SetupMetadata = z.object({ channelId: z.string().min(1) });

export async function setupCommandHandler(hc: HandlerContext, clusterName: string): Promise<Output[]> {
  const free = await checkChannelFree(hc.app, hc.envelope.conversation);
  if (!free.ok) return [failureOutput(hc.t, free)];
  return [{ kind: "form", form: setupForm(hc, clusterName) }];
}

function setupForm(hc: HandlerContext, clusterName: string, typed: Record<string, unknown> = {}): Form {
  const { t } = hc;
  const typedText = (id: string) => textOf(typed[id]);
  return {
    formId: FORM_IDS.setupCluster,
    title: t("setup.formTitle"),
    submitLabel: t("setup.submit"),
    cancelLabel: t("setup.cancel"),
    metadata: JSON.stringify({ channelId: hc.envelope.conversation.channelId }),
    elements: [
      text(t("setup.intro")),
      {
        type: "input",
        id: SETUP_FIELDS.name,
        label: t("setup.name"),
        initial: clusterName.slice(0, 80),
        maxLength: 80,
      },
      {
        type: "input",
        id: SETUP_FIELDS.sector,
        label: t("setup.sector"),
        placeholder: t("setup.sectorPlaceholder"),
        optional: true,
        maxLength: 80,
        initial: typedText(SETUP_FIELDS.sector),
      },
      {
        type: "select",
        id: SETUP_FIELDS.timeZone,
        label: t("setup.timeZone"),
        options: COMMON_TIME_ZONES.map((zone) => ({ label: zone, value: zone })),
        initial: typedText(SETUP_FIELDS.timeZone) ?? "Europe/Helsinki",
      },
      {
        type: "select",
        id: SETUP_FIELDS.locale,
        label: t("setup.language"),
        options: LOCALES.map((l) => ({ label: t(`lang.${l}`), value: l })),
        initial: typedText(SETUP_FIELDS.locale) ?? hc.locale,
      },
    ],
  };
}

export async function setupSubmitHandler(
  hc: HandlerContext,
  values: Record<string, unknown>,
  metadata: string,
): Promise<Output[]> {
  const { t } = hc;
  const meta = SetupMetadata.safeParse(safeJson(metadata));
  // The form must be submitted for the channel it was opened in; anything else is a forged payload.
  if (!meta.success || meta.data.channelId !== hc.envelope.conversation.channelId)
    return [note(t("parse.unknownAction"))];
  const result = await setupCluster(hc.app, {
    actor: hc.envelope.actor,
    conversation: hc.envelope.conversation,
    name: String(values[SETUP_FIELDS.name] ?? ""),
    sector: textOf(values[SETUP_FIELDS.sector]),
    timeZone: textOf(values[SETUP_FIELDS.timeZone]),
    locale: textOf(values[SETUP_FIELDS.locale]) as (typeof LOCALES)[number] | undefined,
  });
  if (!result.ok)
    return invalidFields(hc, result, setupForm(hc, String(values[SETUP_FIELDS.name] ?? ""), values));
  const cluster = result.value.name;
  // The chair hears "done" in their own language; the channel is told in the cluster's.
  const tc = translator(toLocale(result.value.locale) ?? hc.locale);
  return [
    ephemeral(view(t("setup.done", { cluster }), text(t("setup.done", { cluster })))),
    toChannel(
      view(tc("setup.announce", { cluster }), text(tc("setup.announce", { cluster })), {
        type: "actions",
        buttons: [
          {
            type: "button",
            actionId: ACTION_IDS.joinCluster,
            label: tc("join.button"),
            value: result.value.id,
            style: "primary",
          },
        ],
      }),
    ),
  ];
}

/** Field problems go back onto the form, next to the field; other refusals are a message. */
function invalidFields(hc: HandlerContext, failure: Fail<FailureReason>, form: Form): Output[] {
  const field = String(failure.details?.field ?? "");
  const known = Object.values(SETUP_FIELDS) as string[];
  const formField = field === "timeZone" ? SETUP_FIELDS.timeZone : field;
  if (failure.reason === "INVALID_INPUT" && known.includes(formField)) {
    return [
      {
        kind: "form-errors",
        formId: FORM_IDS.setupCluster,
        errors: { [formField]: hc.t(`setup.invalid.${formField}` as MessageKey) },
        form,
      },
    ];
  }
  return [failureOutput(hc.t, failure)];
}
