// A meeting's outbox rows by their structured keys (OutboxMessage.subject, stage, personId): queued
// under these, withdrawn by equality on them (an index), never by a LIKE over the row's key.

export const meetingSubject = (meetingId: string) => `meeting:${meetingId}`;
export const nudgeStage = (round: number) => `nudge-${round}`;
/** Every stage a nudge can have (cluster settings allow at most two rounds). */
export const NUDGE_STAGES = [nudgeStage(1), nudgeStage(2)];
export const reminderStage = (daysBefore: number) => `reminder-${daysBefore}d`;

/** The unique key: the insert's de-duplication (a round is queued once per person). */
export const nudgeKey = (meetingId: string, round: number, personId: string) =>
  `meeting:${meetingId}:nudge-${round}:${personId}`;
