// `link <code>`: whatever the code was issued for, typed on the other platform. Codes that do not
// exist, were used, or expired are refused here with the reason, before anything is written.
import { z } from "zod";
import type { AppContext } from "../../../kernel/app/context.ts";
import { parseInput } from "../../../kernel/app/parse-input.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, type Result } from "../../../kernel/domain/result.ts";
import { type BridgedCluster, bridgeCluster } from "./bridge-cluster.ts";
import { type LinkedAccounts, linkAccounts } from "./link-accounts.ts";
import { hashLinkCode, normaliseLinkCode } from "./link-code.ts";

export const AcceptLinkCodeInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  code: z.string().trim().min(1).max(40),
});
export type AcceptLinkCodeInput = z.input<typeof AcceptLinkCodeInput>;

export type LinkAccepted = ({ kind: "channel" } & BridgedCluster) | ({ kind: "person" } & LinkedAccounts);

export async function acceptLinkCode(
  ctx: AppContext,
  raw: AcceptLinkCodeInput,
): Promise<Result<LinkAccepted>> {
  const input = parseInput(AcceptLinkCodeInput, raw);
  if (!input.ok) return input;
  const { actor, conversation, code } = input.value;
  const normalised = normaliseLinkCode(code);
  if (!normalised) return fail("LINK_CODE_INVALID");
  const row = await ctx.db.linkCode.findUnique({ where: { code: hashLinkCode(normalised) } });
  if (!row) return fail("LINK_CODE_INVALID");
  if (row.usedAt) return fail("LINK_CODE_USED");
  if (row.expiresAt <= ctx.clock.now()) return fail("LINK_CODE_EXPIRED");
  if (row.kind === "channel") {
    const bridged = await bridgeCluster(ctx, { actor, conversation, code: row });
    return bridged.ok ? { ok: true, value: { kind: "channel", ...bridged.value } } : bridged;
  }
  const linked = await linkAccounts(ctx, { actor, code: row });
  return linked.ok ? { ok: true, value: { kind: "person", ...linked.value } } : linked;
}
