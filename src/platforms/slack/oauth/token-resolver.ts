// OAuth mode: which workspace's bot token sends an outbox row. Rows carry their recipient's team
// (`tenant`, filled by enqueueNotification); rows written without one (before the column existed, or
// by code that built its recipient by hand) find it from what the bot knows of the target: the
// channel's binding, or the person's Slack identity — only when that names exactly one workspace.
import type { Db } from "../../../db/open-database.ts";
import type { Recipient } from "../../../kernel/app/ports/chat-gateway.ts";
import type { SlackTokenResolver } from "../slack-gateway.ts";
import type { SlackInstallations } from "./installation-store.ts";

export function slackTokenResolver(db: Db, installations: SlackInstallations): SlackTokenResolver {
  return async (recipient) => {
    const team = recipient.tenant ?? (await teamOfTarget(db, recipient));
    if (!team) return { team: "", token: null };
    return { team, token: await installations.botTokenOf(team) };
  };
}

async function teamOfTarget(db: Db, recipient: Recipient): Promise<string | null> {
  if (recipient.kind === "channel") {
    const binding = await db.channelBinding.findUnique({
      where: { platform_channelId: { platform: "SLACK", channelId: recipient.id } },
      select: { workspace: { select: { externalId: true } } },
    });
    if (binding) return binding.workspace.externalId;
  }
  const identities = await db.platformIdentity.findMany({
    where: { platform: "SLACK", externalId: recipient.id },
    select: { tenant: true },
    take: 2,
  });
  return identities.length === 1 ? identities[0]!.tenant : null;
}
