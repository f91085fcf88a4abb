// A member's data rights over Delphi answers: `my-data` lists the Delphis and rounds they answered
// with their own ratings (opened with the bot's anonymity key) and nobody else's; erasure deletes
// their answered marks and sealed own answers and leaves the anonymous pools, so the group figures
// do not change.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { answerDelphi } from "../../../src/features/delphi/app/answer-delphi.ts";
import { createDelphi } from "../../../src/features/delphi/app/create-delphi.ts";
import { eraseMember } from "../../../src/features/people/app/erase-member.ts";
import { myData } from "../../../src/features/people/app/my-data.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { personOf, slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
const now = new Date("2027-05-03T06:00:00Z");
const channel = slackChannel("C-RIGHTS");
const chair = slackUser("U-CHAIR", "Aino");
const sanna = slackUser("U-SANNA", "Sanna");
const others = [slackUser("U-O1", "Olli"), slackUser("U-O2", "Outi")];

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = {
    db: db.prisma,
    clock: { now: () => now },
    compose: surfaceComposer,
    anonymityKey: Buffer.alloc(32, 5),
  };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  for (const user of [sanna, ...others]) await joinCluster(ctx, { actor: user, conversation: channel });
});

async function everyoneAnswers() {
  const created = await createDelphi(ctx, {
    actor: chair,
    conversation: channel,
    title: "Energy 2035",
    statements: ["Hydrogen trucks.", "The pit closes.", "Remote work."],
    scales: ["probability", "year"],
    unit: "likert5",
    roundClosesAt: new Date("2027-05-10T13:00:00Z"),
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const statement = await db.prisma.delphiStatement.findFirstOrThrow({ where: { position: 0 } });
  const values = [
    [sanna, { probability: "2", year: "2044" }],
    [others[0]!, { probability: "4", year: "2061" }],
    [others[1]!, { probability: "5", year: "2062" }],
  ] as const;
  for (const [actor, v] of values) {
    const answered = await answerDelphi(ctx, {
      actor,
      delphiId: created.value.delphiId,
      statementId: statement.id,
      round: 1,
      values: v,
    });
    if (!answered.ok) throw new Error(JSON.stringify(answered));
  }
  return created.value.delphiId;
}

it("lists the member's own Delphi answers in my-data, and nobody else's", async () => {
  await everyoneAnswers();
  const exported = await myData(ctx, { actor: sanna, conversation: channel });
  if (!exported.ok) throw new Error(JSON.stringify(exported));
  const document = JSON.parse(exported.value.json.content);
  expect(document.delphiAnswers).toEqual([
    {
      cluster: "Energy",
      delphi: "Energy 2035",
      rounds: [
        {
          round: 1,
          answered: [
            { statement: "Hydrogen trucks.", own: { probability: 2, year: 2044 }, reasonGiven: false },
          ],
        },
      ],
    },
  ]);
  expect(exported.value.json.content).not.toMatch(/2061|2062/);
  expect(exported.value.csv.content).toContain("Delphi answer");
  expect(exported.value.csv.content).toContain(
    "Energy 2035 / 1 / Hydrogen trucks.: probability 2, year 2044",
  );
});

it("erases the member's marks and sealed answers, and keeps the anonymous pool", async () => {
  await everyoneAnswers();
  const sannaId = (await personOf(db, sanna)).id;
  const poolBefore = await db.prisma.delphiPool.findFirstOrThrow();
  expect(await db.prisma.delphiSeal.count()).toBe(3);
  const erased = await eraseMember(ctx, { actor: chair, conversation: channel, personId: sannaId });
  expect(erased.ok).toBe(true);
  expect(await db.prisma.delphiAnswered.count({ where: { personId: sannaId } })).toBe(0);
  expect(await db.prisma.delphiAnswered.count()).toBe(2);
  expect(await db.prisma.delphiSeal.count()).toBe(2);
  const poolAfter = await db.prisma.delphiPool.findFirstOrThrow();
  expect(poolAfter.ratings).toEqual(poolBefore.ratings);
  expect(poolAfter.ratings).toHaveLength(3);
  // The creator's link goes with the chair's own erasure; another member's stays intact here.
  expect((await db.prisma.delphi.findFirstOrThrow()).createdById).toBe((await personOf(db, chair)).id);
});
