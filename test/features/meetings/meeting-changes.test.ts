// Invitations, rescheduling and cancelling: what members are sent, what the calendar file says.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { joinCluster } from "../../../src/features/clusters/app/join-cluster.ts";
import { setupCluster } from "../../../src/features/clusters/app/setup-cluster.ts";
import { changeMeeting } from "../../../src/features/meetings/app/change-meeting.ts";
import { finaliseMeeting } from "../../../src/features/meetings/app/finalise-meeting.ts";
import { meetingCalendarFile } from "../../../src/features/meetings/app/meeting-calendar-file.ts";
import { planMeeting } from "../../../src/features/meetings/app/plan-meeting.ts";
import type { AppContext } from "../../../src/kernel/app/context.ts";
import { createComposer } from "../../../src/kernel/surface/compose-notification.ts";
import { createTestDatabase, type TestDatabase, truncateAll } from "../../support/database.ts";
import { slackChannel, slackUser } from "../../support/people.ts";

let db: TestDatabase;
let ctx: AppContext;
const now = new Date("2027-05-03T06:00:00Z");
const channel = slackChannel("C-ENERGY");
const chair = slackUser("U-CHAIR", "Aino");
const member = slackUser("U-EMMA", "Emma", { locale: "nl-NL" });

beforeAll(async () => {
  db = await createTestDatabase();
  ctx = {
    db: db.prisma,
    clock: { now: () => now },
    compose: createComposer({ publicUrl: "https://ennakko.example.org" }),
  };
});
afterAll(() => db.close());
beforeEach(async () => {
  await truncateAll(db);
  await setupCluster(ctx, { actor: chair, conversation: channel, name: "Energy", locale: "en" });
  await joinCluster(ctx, { actor: member, conversation: channel });
});

async function scheduled() {
  const planned = await planMeeting(ctx, {
    actor: chair,
    conversation: channel,
    title: "Summer 2027",
    slots: [
      {
        date: "2027-06-14",
        time: "10:00",
        durationMinutes: 120,
        place: "Rovaniemi",
        onlineUrl: "https://meet.example.org/energy?pwd=a,b",
      },
      { date: "2027-06-15", time: "10:00", durationMinutes: 120 },
    ],
  });
  if (!planned.ok) throw new Error(planned.reason);
  const meetingId = planned.value.meetingId;
  const slot = await db.prisma.meetingSlot.findFirstOrThrow({
    where: { meetingId },
    orderBy: { startsAt: "asc" },
  });
  await finaliseMeeting(ctx, { actor: chair, conversation: channel, meetingId, slotId: slot.id });
  return db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } });
}

const keys = async (part: string) =>
  (
    await db.prisma.outboxMessage.findMany({ where: { key: { contains: part } }, orderBy: { key: "asc" } })
  ).map((r) => r.key.replace(/[0-9a-f-]{36}/g, "<id>"));

it("invites every member in their language, with a link to the calendar file", async () => {
  const meeting = await scheduled();
  expect(await keys(":invite:")).toEqual(["meeting:<id>:invite:s0:<id>", "meeting:<id>:invite:s0:<id>"]);
  const emmasInvite = await db.prisma.outboxMessage.findFirstOrThrow({
    where: { key: { contains: ":invite:" }, target: "U-EMMA" },
  });
  const payload = JSON.stringify(emmasInvite.payload);
  expect(payload).toContain("Je bent uitgenodigd: *Summer 2027* (Energy)");
  expect(payload).toContain(`https://ennakko.example.org/calendar/${meeting.icsUid}.ics`);
  const file = await meetingCalendarFile(ctx, meeting.icsUid);
  expect(file?.filename).toMatch(/\.ics$/);
  expect(file?.body).toContain("METHOD:PUBLISH");
  expect(file?.body).toContain("SEQUENCE:0");
  expect(file?.body).toContain("DTSTART;TZID=Europe/Helsinki:20270614T100000");
  expect(file?.body).not.toContain("ATTENDEE");
});

it("publishes the event (no RSVP to nobody): online link in URL and DESCRIPTION, with the agenda", async () => {
  const meeting = await scheduled();
  const [first, second] = ["Energy storage pilots", "Skills, 2030"];
  for (const [i, title] of [second, first].entries())
    await db.prisma.agendaItem.create({
      data: {
        clusterId: meeting.clusterId,
        meetingId: meeting.id,
        title: title!,
        status: "ACCEPTED",
        position: 2 - i,
      },
    });
  await db.prisma.agendaItem.create({
    data: { clusterId: meeting.clusterId, meetingId: meeting.id, title: "Rejected idea", status: "REJECTED" },
  });
  const body = (await meetingCalendarFile(ctx, meeting.icsUid))!.body;
  const lines = body.replace(/\r\n[ \t]/g, "").split("\r\n");
  expect(lines).toContain("METHOD:PUBLISH");
  expect(body).not.toContain("ATTENDEE");
  expect(body).not.toContain("RSVP");
  // URI values are not TEXT: no backslash escapes (ical-generator would write "a\\,b"), so the comma is
  // percent-encoded, which means the same to the web server.
  expect(lines).toContain("URL;VALUE=URI:https://meet.example.org/energy?pwd=a%2Cb");
  expect(lines).toContain("LOCATION:Rovaniemi");
  expect(lines).toContainEqual(
    "DESCRIPTION:Online meeting: https://meet.example.org/energy?pwd=a\\,b\\nPlace: Rovaniemi\\n\\nAgenda:\\n1. Energy storage pilots\\n2. Skills\\, 2030",
  );
  expect(lines.find((l) => l.startsWith("ORGANIZER"))).toBe(
    'ORGANIZER;CN="Aino":mailto:noreply@ennakko.invalid',
  );
});

it("reschedules with the same UID and a higher SEQUENCE, and swaps the reminders", async () => {
  const meeting = await scheduled();
  expect(await keys("reminder")).toEqual([
    "meeting:<id>:reminder-1d:s0:SLACK",
    "meeting:<id>:reminder-7d:s0:SLACK",
  ]);
  const moved = await changeMeeting(ctx, {
    actor: chair,
    conversation: channel,
    meetingId: meeting.id,
    change: { kind: "reschedule", slot: { date: "2027-06-21", time: "13:00", durationMinutes: 90 } },
  });
  expect(moved).toMatchObject({ ok: true, value: { status: "SCHEDULED" } });
  expect(await keys("reminder")).toEqual([
    "meeting:<id>:reminder-1d:s1:SLACK",
    "meeting:<id>:reminder-7d:s1:SLACK",
  ]);
  expect(await keys(":invite:s1:")).toHaveLength(2);
  const file = await meetingCalendarFile(ctx, meeting.icsUid);
  expect(file?.body).toContain("SEQUENCE:1");
  expect(file?.body).toContain("DTSTART;TZID=Europe/Helsinki:20270621T130000");
  expect(file?.body).toContain(`UID:${meeting.icsUid}@ennakko`);
  expect(
    await changeMeeting(ctx, {
      actor: member,
      conversation: channel,
      meetingId: meeting.id,
      change: { kind: "cancel" },
    }),
  ).toMatchObject({ ok: false, reason: "FORBIDDEN" });
  expect(
    await changeMeeting(ctx, {
      actor: chair,
      conversation: channel,
      meetingId: meeting.id,
      change: { kind: "reschedule", slot: { date: "2027-01-01", time: "10:00", durationMinutes: 60 } },
    }),
  ).toMatchObject({ ok: false, reason: "INVALID_INPUT" });
});

it("cancels: a cancellation for everyone, no reminders left, the file says CANCELLED", async () => {
  const meeting = await scheduled();
  expect(
    await changeMeeting(ctx, {
      actor: chair,
      conversation: channel,
      meetingId: meeting.id,
      change: { kind: "cancel" },
    }),
  ).toMatchObject({ ok: true, value: { status: "CANCELLED" } });
  expect(await keys("reminder")).toEqual([]);
  expect(await keys(":invite:s1:")).toHaveLength(2);
  const file = await meetingCalendarFile(ctx, meeting.icsUid);
  expect(file?.body).toContain("METHOD:PUBLISH");
  expect(file?.body).not.toContain("METHOD:CANCEL");
  expect(file?.body).toContain("STATUS:CANCELLED");
  expect(file?.body).toContain("SEQUENCE:1");
  expect(
    await changeMeeting(ctx, {
      actor: chair,
      conversation: channel,
      meetingId: meeting.id,
      change: { kind: "cancel" },
    }),
  ).toMatchObject({ ok: false, reason: "POLL_CLOSED" });
  expect(await meetingCalendarFile(ctx, "00000000-0000-4000-8000-000000000000")).toBeNull();
  expect(await meetingCalendarFile(ctx, "../etc/passwd")).toBeNull();
});

it("cancels once when four 'Cancel' clicks arrive at once: one cancellation for each member", async () => {
  const meeting = await scheduled();
  const results = await Promise.all(
    [1, 2, 3, 4].map(() =>
      changeMeeting(ctx, {
        actor: chair,
        conversation: channel,
        meetingId: meeting.id,
        change: { kind: "cancel" },
      }),
    ),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.filter((r) => !r.ok && r.reason === "POLL_CLOSED")).toHaveLength(3);
  expect(await keys(":invite:s0:")).toHaveLength(2);
  expect(await keys(":invite:")).toHaveLength(4);
  expect(await db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({
    status: "CANCELLED",
    icsSequence: 1,
  });
});
