// Signals and data rights, through the use cases on a real database: my-data lists the signals a
// person saved and their ratings; erasure keeps the ratings in the tallies but anonymous, and keeps the
// signals they saved with the cluster, saver unknown (as their agenda items and decisions), so the
// card says "former member".
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { eraseMember } from "../../../src/features/people/app/erase-member.ts";
import { myData } from "../../../src/features/people/app/my-data.ts";
import { loadSignalCard } from "../../../src/features/signals/app/load-signal.ts";
import { rateSignal } from "../../../src/features/signals/app/rate-signal.ts";
import { saveSignal } from "../../../src/features/signals/app/save-signal.ts";
import { signalCardView } from "../../../src/features/signals/surface/signal-card.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import type { PlatformUser } from "../../../src/kernel/domain/platform-user.ts";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import { surfaceComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { parseCsv } from "../../support/parse-csv.ts";
import { slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
const channel = slackChannel("C-ENERGY");
const chair = slackUser("U-CHAIR", "Aino");
const maija = slackUser("U-M1", "Maija Virtanen");
const matti = slackUser("U-M2", "Matti");

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = { db: db.prisma, clock: { now: () => new Date("2027-05-03T06:00:00Z") }, compose: surfaceComposer };
});
afterAll(() => db.close());

function ok<T>(result: { ok: true; value: T } | { ok: false }): T {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

async function personOf(user: PlatformUser) {
  return (await db.prisma.platformIdentity.findFirstOrThrow({ where: { externalId: user.userId } })).personId;
}

let signalId: string;
beforeEach(async () => {
  await truncateAll(db);
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  for (const user of [maija, matti]) await joinCluster(ctx, { actor: user, conversation: channel });
  const saved = ok(
    await saveSignal(ctx, {
      actor: maija,
      conversation: channel,
      title: "Hydrogen buses in Oulu",
      description: "Three ordered, more coming",
      sourceUrl: "https://example.org/h2",
      category: "TECHNOLOGICAL",
      significance: 4,
      timeliness: 2,
      messageLink: "https://lapland.slack.com/archives/C-ENERGY/p1700000000000100",
    }),
  );
  signalId = saved.card!.id;
  ok(
    await rateSignal(ctx, {
      actor: maija,
      conversation: channel,
      signalId,
      criterion: "plausibility",
      value: 4,
    }),
  );
  ok(
    await rateSignal(ctx, {
      actor: maija,
      conversation: channel,
      signalId,
      criterion: "significance",
      value: 5,
    }),
  );
  ok(
    await rateSignal(ctx, {
      actor: matti,
      conversation: channel,
      signalId,
      criterion: "plausibility",
      value: 2,
    }),
  );
});

describe("signals and data rights", () => {
  it("my-data lists the signals the person saved and their ratings (JSON and CSV)", async () => {
    const exported = ok(await myData(ctx, { actor: maija, conversation: channel }));
    const document = JSON.parse(exported.json.content);
    expect(document.signalsSaved).toEqual([
      expect.objectContaining({
        cluster: "Energy",
        title: "Hydrogen buses in Oulu",
        description: "Three ordered, more coming",
        category: "TECHNOLOGICAL",
        significance: 4,
        timeliness: 2,
        messageLink: "https://lapland.slack.com/archives/C-ENERGY/p1700000000000100",
      }),
    ]);
    expect(document.signalRatings).toEqual([
      expect.objectContaining({
        cluster: "Energy",
        signal: "Hydrogen buses in Oulu",
        plausibility: 4,
        significance: 5,
      }),
    ]);
    const rows = parseCsv(exported.csv.content);
    expect(
      rows.some((r) => r[0] === "signal" && r[3]?.startsWith("Hydrogen buses in Oulu (TECHNOLOGICAL)")),
    ).toBe(true);
    expect(rows.some((r) => r[0] === "signal rating" && r[3] === "Hydrogen buses in Oulu: 4 / 5")).toBe(true);

    // Matti saved nothing; he sees his one rating only.
    const his = JSON.parse(ok(await myData(ctx, { actor: matti, conversation: channel })).json.content);
    expect(his.signalsSaved).toEqual([]);
    expect(his.signalRatings).toEqual([expect.objectContaining({ plausibility: 2, significance: null })]);
  });

  it("erasure keeps the ratings, anonymous, and the signal, its saver unknown", async () => {
    const personId = await personOf(maija);
    ok(await eraseMember(ctx, { actor: chair, conversation: channel, personId }));

    // The Person row stays (a tombstone), so nothing cascades: the tally is unchanged.
    const ratings = await db.prisma.signalRating.findMany({ orderBy: { plausibility: "asc" } });
    expect(ratings.map((r) => [r.plausibility, r.significance, r.personId === null])).toEqual([
      [2, null, false],
      [4, 5, true],
    ]);
    expect(await db.prisma.signalRating.count({ where: { personId } })).toBe(0);
    const signal = await db.prisma.signal.findUniqueOrThrow({ where: { id: signalId } });
    expect(signal.savedById).toBeNull();
    expect(signal.title).toBe("Hydrogen buses in Oulu");

    const card = (await loadSignalCard(db.prisma, signalId))!;
    expect(card.tally).toEqual({ plausibility: { n: 2, mean: 3 }, significance: { n: 1, mean: 5 } });
    const shown = JSON.stringify(signalCardView(card, translator("en"), "en"));
    expect(shown).toContain("saved by a former member");
    expect(shown).not.toContain("Maija");
    // Nothing in my-data of the tombstone any more: the links to it are cut.
    expect(await db.prisma.signal.count({ where: { savedById: personId } })).toBe(0);
  });
});
