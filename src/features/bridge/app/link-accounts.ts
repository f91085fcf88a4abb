// An account code typed on the other platform: the person typing it and the person who asked for it
// are the same human, so their two Person rows become one (the asker's), with every vote, answer,
// membership and measure of both. From then on a poll or a pulse counts them once.

import type { LinkCode } from "../../../generated/prisma/client.ts";
import { audit } from "../../../kernel/app/audit.ts";
import type { AppContext } from "../../../kernel/app/context.ts";
import { ensurePerson } from "../../../kernel/app/identity.ts";
import { MergeRefused, mergePeople } from "../../../kernel/app/merge-people.ts";
import { forgetPerson } from "../../../kernel/app/person-memo.ts";
import type { PlatformUser } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { consumeLinkCode, platformLabel } from "./link-code.ts";

export type LinkedAccounts = { platforms: string[] };

export async function linkAccounts(
  ctx: AppContext,
  input: { actor: PlatformUser; code: LinkCode },
): Promise<Result<LinkedAccounts>> {
  const { actor, code } = input;
  const keepId = code.personId;
  if (!keepId) return fail("LINK_CODE_INVALID");
  const typing = await ensurePerson(ctx, actor);
  const refusal = await refusalFor(ctx, keepId, typing.id);
  if (refusal) return refusal;
  try {
    const linked = await consumeAndMerge(ctx, { actor, code, keepId, mergeId: typing.id });
    // The typing person's row was merged into the asker's: nothing later in this interaction may use it.
    if (linked.ok) forgetPerson(ctx, actor);
    return linked;
  } catch (error) {
    // Only a race gets here: one of the two was erased or merged away since the checks above.
    if (!(error instanceof MergeRefused)) throw error;
    return error.reason === "SAME_PERSON" ? fail("ALREADY_LINKED") : fail("LINK_CODE_INVALID");
  }
}

async function consumeAndMerge(
  ctx: AppContext,
  input: { actor: PlatformUser; code: LinkCode; keepId: string; mergeId: string },
): Promise<Result<LinkedAccounts>> {
  const { actor, code, keepId, mergeId } = input;
  return ctx.db.$transaction(async (tx) => {
    if (!(await consumeLinkCode(tx, code, ctx.clock.now()))) return fail("LINK_CODE_USED");
    const summary = await mergePeople(tx, { keepId, mergeId });
    await audit(tx, {
      clusterId: null,
      actorId: keepId,
      action: "person.linked",
      subjectType: "person",
      subjectId: keepId,
      details: { via: "code", platform: actor.platform, ...summary },
    });
    const identities = await tx.platformIdentity.findMany({ where: { personId: keepId } });
    return ok({ platforms: [...new Set(identities.map((i) => platformLabel(i.platform)))].sort() });
  });
}

/** One account per platform: a code is for the other platform, and for a person not linked yet. */
async function refusalFor(ctx: AppContext, keepId: string, typingId: string) {
  if (keepId === typingId) return fail("ALREADY_LINKED");
  const [keep, typing] = await Promise.all([
    ctx.db.person.findUnique({ where: { id: keepId }, include: { identities: true } }),
    ctx.db.person.findUnique({ where: { id: typingId }, include: { identities: true } }),
  ]);
  if (!keep || keep.erasedAt || !typing) return fail("LINK_CODE_INVALID");
  const keepPlatforms = new Set(keep.identities.map((i) => i.platform));
  const clash = typing.identities.find((i) => keepPlatforms.has(i.platform));
  if (clash) return fail("LINK_SAME_PLATFORM", { platform: platformLabel(clash.platform) });
  return null;
}
