// A held meeting written straight into the database for the minutes journeys (recording it through
// the bot is covered by the agenda journeys): yesterday in Rovaniemi, two agenda items with their
// outcomes, attendance, a decision with a measure, and an earlier measure still open.
import type { TestDatabase } from "./database.ts";

export async function seedHeldMeeting(db: TestDatabase, options: { present: string[]; owner: string }) {
  const p = db.prisma;
  const cluster = await p.cluster.findFirstOrThrow({
    include: { memberships: { include: { person: true } } },
  });
  const personOf = (name: string) => {
    const found = cluster.memberships.find((m) => m.person.displayName === name);
    if (!found) throw new Error(`no member ${name}`);
    return found.personId;
  };
  const startsAt = new Date(Date.now() - 24 * 3_600_000);
  const meeting = await p.meeting.create({
    data: { clusterId: cluster.id, title: "Spring 2027", status: "HELD" },
  });
  const slot = await p.meetingSlot.create({
    data: { meetingId: meeting.id, startsAt, durationMinutes: 120, location: "Rovaniemi" },
  });
  await p.meeting.update({ where: { id: meeting.id }, data: { chosenSlotId: slot.id } });
  const hydrogen = await p.agendaItem.create({
    data: {
      clusterId: cluster.id,
      meetingId: meeting.id,
      title: "Hydrogen valley",
      status: "DISCUSSED",
      position: 1,
    },
  });
  await p.agendaItem.create({
    data: {
      clusterId: cluster.id,
      meetingId: meeting.id,
      title: "Welding skills",
      status: "DEFERRED",
      position: 2,
    },
  });
  for (const m of cluster.memberships)
    await p.attendance.create({
      data: {
        meetingId: meeting.id,
        personId: m.personId,
        present: options.present.includes(m.person.displayName),
      },
    });
  const decision = await p.decision.create({
    data: {
      clusterId: cluster.id,
      meetingId: meeting.id,
      agendaItemId: hydrogen.id,
      text: "Apply for hydrogen valley funding",
      createdAt: new Date(startsAt.getTime() + 30 * 60_000),
    },
  });
  await p.measure.create({
    data: {
      clusterId: cluster.id,
      decisionId: decision.id,
      title: "Write the funding application",
      ownerId: personOf(options.owner),
      dueDate: new Date("2099-06-30T00:00:00Z"),
      createdAt: new Date(startsAt.getTime() + 40 * 60_000),
    },
  });
  await p.measure.create({
    data: {
      clusterId: cluster.id,
      title: "Survey employers",
      ownerId: personOf(options.owner),
      dueDate: new Date("2099-01-15T00:00:00Z"),
      status: "STARTED",
      progress: 40,
      createdAt: new Date(startsAt.getTime() - 30 * 24 * 3_600_000),
    },
  });
  return { meetingId: meeting.id, clusterId: cluster.id };
}
