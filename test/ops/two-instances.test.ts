// Two bot instances on one PostgreSQL, as behind a load balancer: requests of one journey land on
// either instance (a form opened through one is submitted through the other), both read and write the
// same data, and when both deliver the outbox at once every notification is sent exactly once.
// An embedded data directory admits one process, so this runs only on PostgreSQL (the CI's second pass).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/open-database.ts";
import { finaliseMeeting } from "../../src/features/meetings/app/finalise-meeting.ts";
import { planMeeting } from "../../src/features/meetings/app/plan-meeting.ts";
import { surfaceComposer } from "../../src/kernel/surface/compose-notification.ts";
import { FakeSlackApi } from "../fakes/slack-api.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { slackChannel, slackUser } from "../support/people.ts";
import { choice, input, slackJourney } from "../support/slack-journey.ts";
import { slackHttpEnv, startTestBot, type TestBot } from "../support/test-bot.ts";

const onPostgres = process.env.TEST_DATABASE === "postgres";

let slack: FakeSlackApi;
let shared: TestDatabase;
let secondHandle: Database;
let a: TestBot;
let b: TestBot;

describe.skipIf(!onPostgres)("two instances on one PostgreSQL", () => {
  beforeAll(async () => {
    slack = await new FakeSlackApi().start();
    slack.users.set("U-AINO", { display_name: "Aino", locale: "en-US", tz: "Europe/Helsinki" });
    slack.users.set("U-EMMA", { display_name: "Emma", locale: "en-US", tz: "Europe/Amsterdam" });
    slack.users.set("U-SVEN", { display_name: "Sven", locale: "sv-SE" });
    shared = await createTestDatabase();
    // The second instance has its own connection pool to the same database, as another process would.
    secondHandle = await openDatabase({ kind: "postgres", url: shared.url! });
    const env = slackHttpEnv(slack.apiUrl);
    a = await startTestBot(env, shared, { jobs: "manual" });
    b = await startTestBot(env, secondHandle as TestDatabase, { jobs: "manual" });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await secondHandle?.close();
    await shared?.close();
    await slack?.stop();
  });

  let n = 0;
  const nextId = () => `r${++n}`;
  const viaA = slackJourney(() => ({ bot: a, slack }), { nextId, expectAck: true });
  const viaB = slackJourney(() => ({ bot: b, slack }), { nextId, expectAck: true });

  it("serves one journey across both instances and sends each notification once", async () => {
    expect(a.baseUrl).not.toBe(b.baseUrl);
    // The setup form is opened through A and submitted through B.
    await viaA.command("U-AINO", "setup Energy");
    const form = await viaA.modal(1);
    const submitted = await viaB.submit("U-AINO", form, {
      name: input("Energy"),
      sector: input("energy"),
      time_zone: choice("Europe/Helsinki"),
      locale: choice("en"),
    });
    expect(submitted.status).toBe(200);
    await slack.waitFor("chat.postMessage");

    // Members join through different instances; each instance sees what the other wrote.
    await viaA.reply(await viaB.command("U-EMMA", "join"));
    await viaB.reply(await viaA.command("U-SVEN", "join"));
    const members = await viaB.reply(await viaB.command("U-AINO", "members"));
    for (const name of ["Aino", "Emma", "Sven"])
      expect(members.text + JSON.stringify(members.blocks)).toContain(name);
    expect(await secondHandle.prisma.membership.count()).toBe(3);

    // A scheduled meeting queues an invitation for every member; both instances deliver at once.
    const ctx = { db: shared.prisma, clock: { now: () => new Date() }, compose: surfaceComposer };
    const chair = slackUser("U-AINO", "Aino");
    const energy = slackChannel("C-ENERGY");
    const planned = await planMeeting(ctx, {
      actor: chair,
      conversation: energy,
      title: "Summer 2027",
      slots: [
        { date: "2027-06-14", time: "10:00", durationMinutes: 120 },
        { date: "2027-06-15", time: "10:00", durationMinutes: 120 },
      ],
    });
    if (!planned.ok) throw new Error(planned.reason);
    const slot = await shared.prisma.meetingSlot.findFirstOrThrow({
      where: { meetingId: planned.value.meetingId },
    });
    const scheduled = await finaliseMeeting(ctx, {
      actor: chair,
      conversation: energy,
      meetingId: planned.value.meetingId,
      slotId: slot.id,
    });
    expect(scheduled.ok).toBe(true);
    // Due now: the invitations (the reminders wait for their day).
    const queued = await shared.prisma.outboxMessage.findMany({
      where: { status: "PENDING", notBefore: { lte: new Date() } },
    });
    expect(queued.length).toBeGreaterThanOrEqual(3);
    slack.reset();

    const [fromA, fromB] = await Promise.all([a.bot.jobs!.outbox.drain(), b.bot.jobs!.outbox.drain()]);
    const after = await shared.prisma.outboxMessage.findMany({
      where: { id: { in: queued.map((q) => q.id) } },
    });
    expect(after.map((row) => row.status)).toEqual(queued.map(() => "SENT"));
    const posts = slack.acceptedCalls("chat.postMessage");
    // Exactly one delivery per queued row, whichever instance sent it.
    expect(posts.length).toBe(queued.length);
    expect(fromA.sent + fromB.sent).toBe(queued.length);
    const perTarget = slack.acceptedMessagesPerChannel();
    expect([...perTarget.values()].every((count) => count === 1)).toBe(true);
  });
});
