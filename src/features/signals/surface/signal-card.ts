// The card a saved signal gets in the cluster's channel: what was seen, where (links, never a copy
// without its author), who saved it, the members' tally, and the rating and curation buttons. The same
// view serves Slack and Teams; it is redrawn for everyone after each rating (the `refresh` output).
import type { Locale } from "../../../kernel/domain/locale.ts";
import type { Translate } from "../../../kernel/i18n/catalog.ts";
import type { ButtonElement, Element, Subject, View } from "../../../kernel/surface/view.ts";
import { text } from "../../../kernel/surface/view.ts";
import type { SignalCard } from "../app/load-signal.ts";
import { RATING_CRITERIA, RATING_VALUES, type RatingCriterion } from "../domain/signal-rules.ts";

/** One action id per criterion and value: Slack wants the ids in one row of buttons to differ. */
export const rateActionId = (criterion: RatingCriterion, value: number) =>
  `ennakko.signal.rate.${criterion}.${value}`;
export const RATE_ACTIONS: readonly string[] = RATING_CRITERIA.flatMap((c) =>
  RATING_VALUES.map((v) => rateActionId(c, v)),
);
/** The click of a rating button, back from its action id. */
export function parseRateAction(actionId: string): { criterion: RatingCriterion; value: number } | null {
  const match = /^ennakko\.signal\.rate\.(plausibility|significance)\.([1-5])$/.exec(actionId);
  return match ? { criterion: match[1] as RatingCriterion, value: Number(match[2]) } : null;
}

export const SIGNAL_ACTIONS = {
  linkMeasure: "ennakko.signal.link-measure",
  toAgenda: "ennakko.signal.to-agenda",
} as const;

export const signalSubject = (signalId: string): Subject => ({ type: "signal", id: signalId });

export function signalCardView(card: SignalCard, t: Translate, locale: Locale): View {
  const mean = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const heading = t("signal.card.heading", { title: card.title });
  const meta = t("signal.card.meta", {
    category: t(`signal.category.${card.category}`),
    name: card.savedByName ?? t("signal.card.formerMember"),
    significance: card.significance,
    timeliness: t(`signal.timeliness.${card.timeliness}` as "signal.timeliness.1"),
  });
  const links = [
    ...(card.sourceUrl ? [t("signal.card.source", { link: card.sourceUrl })] : []),
    ...(card.messageLink ? [t("signal.card.message", { link: card.messageLink })] : []),
  ];
  const { plausibility, significance } = card.tally;
  const tally =
    plausibility.n === 0 && significance.n === 0
      ? t("signal.card.noRatings")
      : t("signal.card.tally", {
          plausibility: plausibility.mean === null ? "–" : mean.format(plausibility.mean),
          pn: plausibility.n,
          significance: significance.mean === null ? "–" : mean.format(significance.mean),
          sn: significance.n,
        });
  const curated = [
    ...(card.measure ? [t("signal.card.measure", { title: card.measure.title })] : []),
    ...(card.agendaItem
      ? [t("signal.card.agenda", { meeting: card.agendaItem.meetingTitle, title: card.agendaItem.title })]
      : []),
  ];
  const elements: Element[] = [
    text(heading, "heading"),
    text(meta, "muted"),
    text(card.description),
    ...(links.length ? [text(links.join("\n"))] : []),
    { type: "divider" },
    text(tally),
  ];
  for (const criterion of RATING_CRITERIA)
    elements.push(text(t(`signal.rate.${criterion}`)), {
      type: "actions",
      buttons: RATING_VALUES.map(
        (value): ButtonElement => ({
          type: "button",
          actionId: rateActionId(criterion, value),
          label: String(value),
          value: card.id,
        }),
      ),
    });
  if (curated.length) elements.push(text(curated.join("\n")));
  elements.push({
    type: "actions",
    buttons: [
      {
        type: "button",
        actionId: SIGNAL_ACTIONS.linkMeasure,
        label: t("signal.button.linkMeasure"),
        value: card.id,
      },
      ...(card.agendaItem
        ? []
        : [
            {
              type: "button" as const,
              actionId: SIGNAL_ACTIONS.toAgenda,
              label: t("signal.button.toAgenda"),
              value: card.id,
            },
          ]),
    ],
  });
  return { fallback: [heading, meta, tally, ...curated].join("\n"), elements };
}
