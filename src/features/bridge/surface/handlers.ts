// `/cluster link` (channel code), `/cluster link me` (account code), `/cluster link <code>` (accept).

import { formatInZone } from "../../../kernel/domain/zoned-time.ts";
import type { MessageKey } from "../../../kernel/i18n/catalog.ts";
import {
  actorAndConversation,
  type HandlerContext,
  render,
} from "../../../kernel/surface/handler-context.ts";
import { ephemeral, moment, note, type Output, text, toChannel, view } from "../../../kernel/surface/view.ts";
import { acceptLinkCode, type LinkAccepted } from "../app/accept-link-code.ts";
import { type IssuedLinkCode, issueChannelLinkCode, issuePersonLinkCode } from "../app/issue-link-code.ts";
import { unlinkChannel } from "../app/unlink-channel.ts";

export async function linkCommand(
  hc: HandlerContext,
  command: { code?: string; me?: true },
): Promise<Output[]> {
  if (command.code !== undefined) {
    const result = await acceptLinkCode(hc.app, { ...actorAndConversation(hc), code: command.code });
    return render(hc, result, (accepted) => acceptedOutputs(hc, accepted));
  }
  const issue = command.me ? issuePersonLinkCode : issueChannelLinkCode;
  const result = await issue(hc.app, actorAndConversation(hc));
  return render(hc, result, (issued) => [codeView(hc, issued, command.me ? "person" : "channel")]);
}

function codeView(hc: HandlerContext, issued: IssuedLinkCode, kind: "channel" | "person"): Output {
  const { t, locale } = hc;
  const timeZone = hc.envelope.actor.timeZone ?? "Europe/Helsinki";
  const expires = moment(issued.expiresAt, formatInZone(issued.expiresAt, locale, timeZone, "dateTime"));
  const how = t(`link.how.${issued.usedOn}` as MessageKey, { code: issued.code });
  const platform = issued.usedOn === "SLACK" ? "Slack" : "Teams";
  const heading =
    kind === "channel"
      ? t("link.channelCode", { cluster: issued.clusterName ?? "", code: issued.code })
      : t("link.personCode", { code: issued.code });
  const body = t(kind === "channel" ? "link.channelHow" : "link.personHow", { platform, how, expires });
  return ephemeral(view(`${heading} ${body}`, text(heading), text(body)));
}

/** A bridged channel announces itself in the channel (the other platform's channel gets a copy). */
function acceptedOutputs(hc: HandlerContext, accepted: LinkAccepted): Output[] {
  const { t } = hc;
  const platforms = accepted.platforms.join(" + ");
  if (accepted.kind === "person") return [note(t("link.accounts", { platforms }))];
  const message = t("link.bridged", { cluster: accepted.clusterName, platforms });
  const outputs: Output[] = [toChannel(view(message, text(message)))];
  if (accepted.joined) outputs.push(note(t("link.joined", { cluster: accepted.clusterName })));
  return outputs;
}

/** `/cluster unlink`: said in this channel; the other one hears it from the outbox. */
export async function unlinkCommand(hc: HandlerContext): Promise<Output[]> {
  const result = await unlinkChannel(hc.app, actorAndConversation(hc));
  return render(hc, result, ({ clusterName, platform }) => {
    const message = hc.t("link.unlinked", { cluster: clusterName, platform });
    return [toChannel(view(message, text(message)))];
  });
}
