// Stable ids of buttons and forms. They travel through Slack and Teams and back: never rename one
// that may still sit in a posted message.

export const FORM_IDS = {
  setupCluster: "ennakko.setup-cluster",
} as const;

export const ACTION_IDS = {
  joinCluster: "ennakko.join-cluster",
  showMembers: "ennakko.show-members",
} as const;

export const SETUP_FIELDS = {
  name: "name",
  sector: "sector",
  timeZone: "time_zone",
  locale: "locale",
} as const;

export const COMMON_TIME_ZONES = [
  "Europe/Helsinki",
  "Europe/Stockholm",
  "Europe/Tallinn",
  "Europe/Oslo",
  "Europe/Copenhagen",
  "Europe/Amsterdam",
  "Europe/Brussels",
  "Europe/Berlin",
  "Europe/London",
  "UTC",
] as const;
