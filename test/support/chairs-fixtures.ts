// For the chairs' forum journeys: a closed skill-grid pulse of a cluster the journey created through
// the bot, with known answers, made through the use cases (answering sheets one by one through the
// platforms is what the pulse journeys test already).
import { answerPulse } from "../../src/features/pulses/app/answer-pulse.ts";
import { closePulse } from "../../src/features/pulses/app/close-pulse.ts";
import { createPulse } from "../../src/features/pulses/app/create-pulse.ts";
import { type AppContext, systemClock } from "../../src/kernel/app/context.ts";
import type { Conversation, PlatformUser } from "../../src/kernel/domain/platform-user.ts";
import { surfaceComposer } from "../../src/kernel/surface/compose-notification.ts";
import type { TestDatabase } from "./database.ts";

export type GridCell = { skill: string; horizon: 1 | 5; level: string };

/** The platform user behind a person, on the platform of the cluster's channel. */
async function userOf(db: TestDatabase, personId: string, platform: Conversation["platform"]) {
  const identity = await db.prisma.platformIdentity.findFirstOrThrow({ where: { personId, platform } });
  return { platform, tenant: identity.tenant, userId: identity.externalId } satisfies PlatformUser;
}

/**
 * A named pulse asking `skills-demand` in the cluster called `clusterName`, answered with `answers` by
 * the members' display names, then closed by the cluster's chair.
 */
export async function closedSkillPulse(
  db: TestDatabase,
  clusterName: string,
  skills: string[],
  answers: Record<string, GridCell[]>,
) {
  const ctx: AppContext = { db: db.prisma, clock: systemClock, compose: surfaceComposer };
  const cluster = await db.prisma.cluster.findFirstOrThrow({
    where: { name: clusterName, kind: "CLUSTER" },
    include: { bindings: { include: { workspace: true } }, memberships: { where: { role: "CHAIR" } } },
  });
  const binding = cluster.bindings[0]!;
  const conversation: Conversation = {
    platform: binding.platform,
    tenant: binding.workspace.externalId,
    channelId: binding.channelId,
    scope: "CHANNEL",
  };
  const chair = await userOf(db, cluster.memberships[0]!.personId, binding.platform);
  const now = Date.now();
  const created = await createPulse(ctx, {
    actor: chair,
    conversation,
    title: `${clusterName} skills pulse`,
    questionKeys: ["skills-demand"],
    anonymous: false,
    skills,
    opensAt: new Date(now),
    closesAt: new Date(now + 86_400_000),
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  for (const [name, value] of Object.entries(answers)) {
    const member = await db.prisma.membership.findFirstOrThrow({
      where: { clusterId: cluster.id, person: { displayName: name } },
    });
    const actor = await userOf(db, member.personId, binding.platform);
    const answered = await answerPulse(ctx, {
      actor,
      pulseId: created.value.pulseId,
      answers: [{ questionKey: "skills-demand", value }],
    });
    if (!answered.ok) throw new Error(`${name}: ${JSON.stringify(answered)}`);
  }
  const closed = await closePulse(ctx, { actor: chair, conversation, pulseId: created.value.pulseId });
  if (!closed.ok) throw new Error(JSON.stringify(closed));
  return created.value.pulseId;
}
