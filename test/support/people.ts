import type { Person, StakeholderType } from "../../src/generated/prisma/client.ts";
import type { Conversation, PlatformUser } from "../../src/kernel/domain/platform-user.ts";
import type { TestDatabase } from "./database.ts";

export const slackUser = (
  userId: string,
  displayName = userId,
  extra: Partial<PlatformUser> = {},
): PlatformUser => ({
  platform: "SLACK",
  tenant: "T-LAPLAND",
  userId,
  displayName,
  ...extra,
});

export const slackChannel = (channelId: string): Conversation => ({
  platform: "SLACK",
  tenant: "T-LAPLAND",
  channelId,
  scope: "CHANNEL",
});

/** The Person behind a platform user, as the database has it now. */
export async function personOf(db: TestDatabase, user: PlatformUser): Promise<Person> {
  const identity = await db.prisma.platformIdentity.findFirstOrThrow({
    where: { externalId: user.userId },
    include: { person: true },
  });
  return identity.person;
}

/** Sets the side a member represents, as `/cluster stakeholder` would. */
export async function setStakeholderType(
  db: TestDatabase,
  user: PlatformUser,
  stakeholderType: StakeholderType,
): Promise<void> {
  const person = await personOf(db, user);
  await db.prisma.person.update({ where: { id: person.id }, data: { stakeholderType } });
}
