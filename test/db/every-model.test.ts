// A database built from the migrations accepts a create + read of every model through the
// generated client: the schema and the SQL that CI applies agree.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

it("creates and reads one row of every model", async () => {
  const p = db.prisma;
  const workspace = await p.workspace.create({
    data: { platform: "SLACK", externalId: "T1", name: "Lapland" },
  });
  const cluster = await p.cluster.create({ data: { name: "Energy", settings: { terms: [] } } });
  await p.channelBinding.create({
    data: { clusterId: cluster.id, platform: "SLACK", workspaceId: workspace.id, channelId: "C1" },
  });
  const person = await p.person.create({
    data: {
      displayName: "Aino",
      stakeholderType: "EDUCATION",
      identities: { create: { platform: "SLACK", tenant: "T1", externalId: "U1" } },
    },
  });
  await p.conversationRef.create({
    data: {
      platform: "TEAMS",
      conversationId: "a:1",
      scope: "PERSONAL",
      personId: person.id,
      reference: { serviceUrl: "x" },
    },
  });
  await p.membership.create({ data: { clusterId: cluster.id, personId: person.id, role: "CHAIR" } });
  const meeting = await p.meeting.create({
    data: { clusterId: cluster.id, title: "Spring 2027", agendaDeadline: new Date("2027-03-01T10:00:00Z") },
  });
  const slot = await p.meetingSlot.create({
    data: {
      meetingId: meeting.id,
      startsAt: new Date("2027-03-10T08:00:00Z"),
      durationMinutes: 120,
      location: "Rovaniemi",
    },
  });
  await p.meeting.update({
    where: { id: meeting.id },
    data: { chosenSlotId: slot.id, status: "SCHEDULED", icsSequence: { increment: 1 } },
  });
  await p.slotVote.create({ data: { slotId: slot.id, personId: person.id, answer: "IF_NEED_BE" } });
  await p.attendance.create({ data: { meetingId: meeting.id, personId: person.id, present: true } });
  const item = await p.agendaItem.create({
    data: { clusterId: cluster.id, meetingId: meeting.id, title: "Hydrogen skills", kind: "PROBLEM" },
  });
  await p.agendaVote.create({ data: { itemId: item.id, personId: person.id } });
  const decision = await p.decision.create({
    data: { clusterId: cluster.id, meetingId: meeting.id, agendaItemId: item.id, text: "Start a course" },
  });
  const measure = await p.measure.create({
    data: {
      clusterId: cluster.id,
      decisionId: decision.id,
      title: "Course",
      ownerId: person.id,
      dueDate: new Date("2027-06-30"),
    },
  });
  await p.measureUpdate.create({
    data: { measureId: measure.id, authorId: person.id, status: "STARTED", progress: 10, note: "Begun" },
  });
  await p.clusterSkill.create({ data: { clusterId: cluster.id, name: "Electricians" } });
  const question = await p.question.create({
    data: {
      key: "skills-needed-more",
      type: "SKILL_GRID",
      text: { fi: "Osaamistarpeet", en: "Skill needs" },
    },
  });
  const pulse = await p.pulse.create({
    data: {
      clusterId: cluster.id,
      title: "Spring pulse",
      opensAt: new Date(),
      closesAt: new Date(Date.now() + 86_400_000),
    },
  });
  const pq = await p.pulseQuestion.create({
    data: { pulseId: pulse.id, questionId: question.id, position: 0 },
  });
  await p.pulseParticipation.create({
    data: { pulseId: pulse.id, personId: person.id, status: "COMPLETED", stakeholderType: "EDUCATION" },
  });
  const response = await p.pulseResponse.create({
    data: { pulseId: pulse.id, stakeholderType: "EDUCATION" },
  });
  await p.pulseAnswer.create({
    data: { responseId: response.id, pulseQuestionId: pq.id, value: { Electricians: { h3: "GROWING" } } },
  });
  await p.pulseDraft.create({ data: { tokenHash: "f".repeat(64), pulseId: pulse.id, sealed: "v1.a.b.c" } });
  await p.pulsePool.create({
    data: { pulseId: pulse.id, responses: [{ type: null, answers: [{ q: pq.id, v: 3 }] }] },
  });
  await p.minutes.create({ data: { meetingId: meeting.id, version: 1, content: { summary: "ok" } } });
  await p.postedMessage.create({
    data: {
      platform: "SLACK",
      conversationId: "C1",
      messageId: "1.2",
      subjectType: "meeting",
      subjectId: meeting.id,
    },
  });
  await p.outboxMessage.create({
    data: {
      key: `measure:${measure.id}:due-7d`,
      clusterId: cluster.id,
      platform: "SLACK",
      target: "U1",
      payload: { text: "x" },
    },
  });
  await p.auditEntry.create({ data: { clusterId: cluster.id, actorId: person.id, action: "test" } });
  await p.processedInteraction.create({ data: { key: "slack:action:1" } });
  await p.linkCode.create({
    data: {
      code: "ABC123",
      kind: "cluster",
      clusterId: cluster.id,
      expiresAt: new Date(Date.now() + 600_000),
    },
  });

  const counts = await Promise.all([
    p.workspace.count(),
    p.cluster.count(),
    p.channelBinding.count(),
    p.person.count(),
    p.platformIdentity.count(),
    p.conversationRef.count(),
    p.membership.count(),
    p.meeting.count(),
    p.meetingSlot.count(),
    p.slotVote.count(),
    p.attendance.count(),
    p.agendaItem.count(),
    p.agendaVote.count(),
    p.decision.count(),
    p.measure.count(),
    p.measureUpdate.count(),
    p.clusterSkill.count(),
    p.question.count(),
    p.pulse.count(),
    p.pulseQuestion.count(),
    p.pulseParticipation.count(),
    p.pulseResponse.count(),
    p.pulseAnswer.count(),
    p.pulseDraft.count(),
    p.pulsePool.count(),
    p.minutes.count(),
    p.postedMessage.count(),
    p.outboxMessage.count(),
    p.auditEntry.count(),
    p.processedInteraction.count(),
    p.linkCode.count(),
  ]);
  expect(counts).toEqual(Array(31).fill(1));
  const read = await p.measure.findUniqueOrThrow({
    where: { id: measure.id },
    include: { owner: true, decision: { include: { meeting: { include: { chosenSlot: true } } } } },
  });
  expect(read.decision?.meeting?.chosenSlot?.location).toBe("Rovaniemi");
  expect(read.dueDate.toISOString()).toBe("2027-06-30T00:00:00.000Z");
  await expect(
    p.outboxMessage.create({
      data: { key: `measure:${measure.id}:due-7d`, platform: "SLACK", target: "U1", payload: {} },
    }),
  ).rejects.toMatchObject({ code: "P2002" });
});
