// The home feature's command and its Refresh button.
import { type ActionRoute, command } from "../../../kernel/feature-module.ts";
import { homeCommand, homeRefreshed } from "./handlers.ts";
import { HOME_ACTIONS } from "./home-view.ts";

export const HOME_COMMANDS = [
  command({
    name: "home",
    args: [],
    summary: "Your home: what waits for you in all your clusters",
    requires: "anyone",
    teamsMenu: false,
    inForum: true,
    personal: true,
    run: homeCommand,
  }),
];

export const HOME_ROUTES: readonly ActionRoute[] = [
  { ids: [HOME_ACTIONS.refresh], run: (hc) => homeRefreshed(hc) },
];
