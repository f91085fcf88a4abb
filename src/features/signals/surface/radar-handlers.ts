// `/cluster signals [category]`: the radar, privately, for the person who asked. The category may be
// typed in any of the four languages (or by its English name); an unknown one is answered with the
// valid ones in the person's language.
import { LOCALES } from "../../../kernel/domain/locale.ts";
import { translator } from "../../../kernel/i18n/catalog.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import { ephemeral, note, type Output } from "../../../kernel/surface/view.ts";
import { signalRadar } from "../app/signal-radar.ts";
import { parsePestel } from "../domain/pestel.ts";
import { PESTEL_CATEGORIES, type PestelCategory as Pestel } from "../domain/signal-rules.ts";
import { categoryLabel, radarView } from "./radar-view.ts";

/** Each category's name in the four catalogs: what a person may type after `signals`. */
function categoryNames(): Record<Pestel, string[]> {
  const translators = LOCALES.map((l) => translator(l));
  return Object.fromEntries(
    PESTEL_CATEGORIES.map((c) => [c, translators.map((t) => categoryLabel(c, t))]),
  ) as Record<Pestel, string[]>;
}

export async function signalsRadarCommand(hc: HandlerContext, typed?: string): Promise<Output[]> {
  let category: Pestel | null = null;
  if (typed) {
    category = parsePestel(typed, categoryNames());
    if (!category)
      return [
        note(
          hc.t("signal.radar.badCategory", {
            value: typed.slice(0, 40),
            valid: PESTEL_CATEGORIES.map((c) => categoryLabel(c, hc.t)).join(", "),
          }),
        ),
      ];
  }
  const result = await signalRadar(hc.app, { ...actorAndConversation(hc), category });
  return render(hc, result, (radar) => [ephemeral(radarView(radar, hc.t, hc.locale))]);
}
