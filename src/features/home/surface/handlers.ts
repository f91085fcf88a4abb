// `/cluster home` (Slack, privately) and `home` in the Teams personal chat; "Refresh" redraws it.

import { type HandlerContext, render } from "../../../kernel/surface/handler-context.ts";
import type { Output } from "../../../kernel/surface/view.ts";
import { loadHome } from "../app/load-home.ts";
import { homeView } from "./home-view.ts";

export async function homeCommand(hc: HandlerContext): Promise<Output[]> {
  const result = await loadHome(hc.app, { actor: hc.envelope.actor });
  return render(hc, result, (home) => [{ kind: "ephemeral", view: homeView(home, hc.t, hc.locale) }]);
}

/** The clicked home card (or private message) is redrawn, not answered with a new one. */
export async function homeRefreshed(hc: HandlerContext): Promise<Output[]> {
  const result = await loadHome(hc.app, { actor: hc.envelope.actor });
  return render(hc, result, (home) => [
    { kind: "ephemeral", view: homeView(home, hc.t, hc.locale), replace: true },
  ]);
}
