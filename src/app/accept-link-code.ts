// `link <code>`: whatever the code was issued for, typed on the other platform. Codes that do not
// exist, were used, or expired are refused here with the reason, before anything is written.
import { z } from "zod";
import { ConversationSchema, PlatformUserSchema } from "../domain/platform-user.ts";
import { fail, type Result } from "../domain/result.ts";
import { type BridgedCluster, bridgeCluster } from "./bridge-cluster.ts";

type LinkedAccounts = { platforms: string[] }; // TEMP until merge-people lands

import type { AppContext } from "./shared/context.ts";
import { hashLinkCode, normaliseLinkCode } from "./shared/link-code.ts";
import { parseInput } from "./shared/parse-input.ts";

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
  return fail("LINK_CODE_INVALID"); // TEMP until merge-people lands
}
