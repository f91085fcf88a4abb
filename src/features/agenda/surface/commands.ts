// The agenda feature's commands: the next meeting's agenda, and proposing an item for it.
import { command } from "../../../kernel/feature-module.ts";
import { agendaAddCommand, agendaCommand } from "./handlers.ts";

export const AGENDA_COMMANDS = [
  command({
    name: "agenda",
    args: [],
    summary: "The next meeting's agenda, with open measures to follow up",
    requires: "cluster.view",
    teamsMenu: false,
    run: agendaCommand,
  }),
  command({
    name: "agenda add",
    args: [],
    summary: "Propose an item for the next meeting's agenda",
    requires: "agenda.propose",
    teamsMenu: false,
    run: (hc) => agendaAddCommand(hc),
  }),
];
