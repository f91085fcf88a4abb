// Slack's App Home tab: on `app_home_opened` (tab "home") and on its "Refresh" button the person's home
// (the neutral view of `/cluster home`) is published with views.publish. Other buttons on the tab
// (measure check-ins, "Open the pulse") run as if clicked in the person's DM with the bot: the
// answer goes to that DM, and the tab is published again.
import type { App, webApi } from "@slack/bolt";
import { z } from "zod";
import type { AppContext } from "../../kernel/app/context.ts";
import type { Conversation } from "../../kernel/domain/platform-user.ts";
import type { Dispatcher } from "../../kernel/surface/dispatch.ts";
import type { Envelope } from "../../kernel/surface/intent.ts";
import { HOME_REFRESH_ACTION_ID, type Output, type View } from "../../kernel/surface/view.ts";
import type { Logger } from "../../log/logger.ts";
import { deliverToSlack } from "./deliver.ts";
import { actionKey, actorOf, keyed } from "./parse-payload.ts";
import { neutralActionId, renderHome } from "./render-block-kit.ts";
import type { SlackProfiles } from "./slack-profiles.ts";

const AppHomeOpenedSchema = z.object({
  type: z.literal("app_home_opened"),
  user: z.string().min(1),
  channel: z.string().optional(),
  tab: z.string().optional(),
});

const HomeActionSchema = z.object({
  type: z.literal("block_actions"),
  team: z.object({ id: z.string() }).nullable().optional(),
  user: z.object({ id: z.string(), team_id: z.string().optional(), name: z.string().optional() }),
  view: z.object({ type: z.literal("home") }),
  trigger_id: z.string().optional(),
  container: z.object({ view_id: z.string().optional() }).passthrough().optional(),
  actions: z
    .array(
      z.object({ action_id: z.string(), action_ts: z.string().optional(), value: z.string().optional() }),
    )
    .min(1),
});

type HomeDeps = {
  appContext: AppContext;
  dispatch: Dispatcher;
  profiles: SlackProfiles;
  log: Logger;
};

/** The rendered home tab: the neutral view's blocks in a `home` view (100 blocks, not a message's 50). */
export const homeTabView = (v: View) => renderHome(v);

export function registerAppHome(app: App, deps: HomeDeps): void {
  const { log } = deps;

  app.event("app_home_opened", async ({ event, body, client }) => {
    const parsed = AppHomeOpenedSchema.safeParse(event);
    const teamId = (body as { team_id?: string }).team_id;
    if (!parsed.success || !teamId) return log.warn("malformed app_home_opened");
    if (parsed.data.tab !== undefined && parsed.data.tab !== "home") return;
    await publishHome(deps, client, teamId, parsed.data.user, parsed.data.channel).catch((error: unknown) =>
      log.error("slack home publish failed", { error }),
    );
  });

  // Clicks on the home tab carry no channel: the general action listener ignores them, this one answers.
  // The general action listener acks every click (Bolt refuses a second ack); this one only answers.
  app.action(/^ennakko\./, async ({ body, client }) => {
    const parsed = HomeActionSchema.safeParse(body);
    if (!parsed.success) return; // not on the home tab: the general listener answers
    const { user, actions } = parsed.data;
    const teamId = parsed.data.team?.id ?? user.team_id;
    if (!teamId) return;
    const action = { ...actions[0]!, action_id: neutralActionId(actions[0]!.action_id) };
    try {
      if (action.action_id !== HOME_REFRESH_ACTION_ID) {
        const opened = await client.conversations.open({ users: user.id });
        const channelId = opened.channel?.id;
        if (channelId) {
          const envelope: Envelope = {
            actor: actorOf(teamId, user.id, await deps.profiles.get(client, user.id, teamId), user.name),
            conversation: dmOf(teamId, channelId),
            intent: { kind: "action", actionId: action.action_id, value: action.value ?? "" },
            ...keyed(actionKey(teamId, user.id, parsed.data.container, action)),
          };
          const { outputs } = await deps.dispatch(envelope);
          await deliverToSlack(outputs.map(toDm), {
            app: deps.appContext,
            client,
            ...(parsed.data.trigger_id ? { triggerId: parsed.data.trigger_id } : {}),
            channelId,
            userId: user.id,
            log,
          });
        }
      }
      await publishHome(deps, client, teamId, user.id);
    } catch (error) {
      log.error("slack home action failed", { error, action: action.action_id });
    }
  });
}

const dmOf = (teamId: string, channelId: string): Conversation => ({
  platform: "SLACK",
  tenant: teamId,
  channelId,
  scope: "PERSONAL",
});

/** A private answer to a click on the home tab becomes a message in the DM (there is nothing to redraw). */
const toDm = (output: Output): Output =>
  output.kind === "ephemeral" ? { kind: "channel", view: output.view } : output;

async function publishHome(
  deps: HomeDeps,
  client: webApi.WebClient,
  teamId: string,
  userId: string,
  channelId?: string,
): Promise<void> {
  const envelope: Envelope = {
    actor: actorOf(teamId, userId, await deps.profiles.get(client, userId, teamId)),
    conversation: dmOf(teamId, channelId ?? `D-home-${userId}`),
    intent: { kind: "command", text: "home" },
  };
  const { outputs } = await deps.dispatch(envelope);
  const first = outputs.find((o) => o.kind === "ephemeral" || o.kind === "channel");
  if (!first || (first.kind !== "ephemeral" && first.kind !== "channel")) return;
  // Block is our loose block type; Slack's typings want their exact union.
  const view = homeTabView(first.view) as Parameters<webApi.WebClient["views"]["publish"]>[0]["view"];
  await client.views.publish({ user_id: userId, view });
}
