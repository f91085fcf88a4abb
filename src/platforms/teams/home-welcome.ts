// The personal chat's welcome card: when the bot is added to a person's personal chat (installed),
// Teams sends conversationUpdate with the bot among membersAdded; the answer is the person's home.
import { ActivityTypes } from "botbuilder";
import type { Envelope } from "../../kernel/surface/intent.ts";
import { actorOf, conversationOf, type TeamsActivity } from "./parse-activity.ts";

type MembersAdded = { membersAdded?: { id?: string }[] };

export function homeWelcomeEnvelope(raw: MembersAdded, activity: TeamsActivity): Envelope | null {
  if (activity.type !== ActivityTypes.ConversationUpdate) return null;
  const conversation = conversationOf(activity);
  if (conversation.scope !== "PERSONAL") return null;
  const botId = activity.recipient?.id;
  const botAdded = (raw.membersAdded ?? []).some((m) => m.id !== undefined && m.id === botId);
  if (!botAdded) return null;
  return { actor: actorOf(activity), conversation, intent: { kind: "command", text: "home" } };
}
