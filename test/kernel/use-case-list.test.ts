// Every use case in src/features/*/app/ goes through the wrapper (src/kernel/app/use-case.ts) and says
// what it requires. The table below is the list, written by hand: adding a use case without its
// capability, or changing one's capability, fails here until the table says so too.
import { readdir, readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { type UseCaseMeta, useCaseMeta } from "../../src/kernel/app/use-case.ts";

const SRC = resolve(import.meta.dirname, "../../src");
const FEATURES = join(SRC, "features");
/** The kernel's own use cases (a person's downloads), besides the features' app/ folders. */
const KERNEL_APPS = [join(SRC, "kernel/app/files")];

/** name → what it requires (a capability, "forum", "anyone" or "in-body: …"), and "read" if read-only. */
const USE_CASES: Record<string, string> = {
  // agenda
  addAgendaItem: "agenda.propose",
  checkCanCurate: "agenda.curate read",
  checkCanPropose: "agenda.propose read",
  curateAgendaItem: "agenda.curate",
  showAgenda: "cluster.view read",
  voteAgendaItem: "agenda.propose",
  // bridge
  issueChannelLinkCode: "cluster.configure",
  issuePersonLinkCode: "anyone",
  unlinkChannel: "cluster.configure",
  // clusters
  assignRole: "cluster.manage-roles",
  clusterStatus: "cluster.view read",
  describeAccess: "anyone read",
  joinCluster: "anyone",
  leaveCluster: "cluster.view",
  listMembers: "cluster.view read",
  setupCluster: "anyone",
  setTimeZone: "cluster.configure",
  showTimeZone: "cluster.view read",
  // cycle
  editCycleTerm: "cluster.manage-roles",
  showCycle: "cluster.view read",
  // delphi (results)
  exportDelphiCsv: "pulse.export",
  postDelphiResults: "cluster.view",
  proposeDelphiStatement: "agenda.propose",
  // files
  offerDownload: "anyone",
  // forum
  bindForum: "in-body: a chair, vice-chair or coordinator of a cluster in this workspace",
  chairsReport: "forum read",
  // home
  loadHome: "anyone read",
  // measures
  addMeasure: "measure.assign",
  listMeasures: "cluster.view read",
  measureFormOptions: "measure.assign read",
  updateMeasure: "in-body: the measure's owner, or measure.assign in the measure's cluster",
  // meetings
  changeMeeting: "meeting.plan",
  checkCanPlan: "meeting.plan read",
  currentMeeting: "cluster.view read",
  finaliseMeeting: "meeting.plan",
  planMeeting: "meeting.plan",
  voteOnSlot: "meeting.vote",
  // minutes
  approveMinutes: "meeting.record",
  exportMinutes: "cluster.view",
  minutesDraft: "meeting.record",
  saveMinutes: "meeting.record",
  // people
  eraseMember: "member.erase",
  myData: "anyone",
  previewErasure: "member.erase",
  setLanguage: "anyone",
  // delphi (rounds)
  answerDelphi: "in-body: delphi.answer in the Delphi's cluster",
  closeDelphiRound: "delphi.manage",
  createDelphi: "delphi.manage",
  delphiFormOptions: "delphi.manage read",
  explainDelphi: "in-body: delphi.answer in the Delphi's cluster",
  finishDelphi: "delphi.manage",
  loadDelphiSheet: "in-body: delphi.answer in the Delphi's cluster read",
  openNextDelphiRound: "delphi.manage",
  // pulses
  answerPulse: "in-body: pulse.answer in the pulse's cluster, in its audience",
  closePulse: "pulse.manage",
  copyPulse: "pulse.manage",
  createPulse: "pulse.manage",
  exportPulseCsv: "pulse.export",
  loadPulseSheet: "in-body: a member of the pulse's cluster, in its audience",
  pulseFormOptions: "pulse.manage read",
  pulseResults: "cluster.view",
  pulseStatus: "cluster.view",
  setStakeholderType: "cluster.view",
  // record
  decisionFormOptions: "meeting.record read",
  recordAgendaOutcome: "meeting.record",
  recordAttendance: "meeting.record",
  recordDecision: "meeting.record",
  showMeetingRecord: "meeting.record read",
  // signals (capture)
  addSignalToAgenda: "signal.curate",
  linkSignalToMeasure: "signal.curate",
  openSignalForm: "signal.save read",
  rateSignal: "signal.rate",
  saveSignal: "signal.save",
  signalMeasureOptions: "signal.curate read",
  // signals (radar)
  signalRadar: "cluster.view read",
};

/**
 * Files in app/ that may open their own transaction or resolve a person: ticks, jobs and helpers that
 * are not use cases a person calls, and the steps of `link <code>` (accept-link-code.ts), which
 * checks the code before anything else and then runs one of two transactions with their own races.
 */
const NOT_USE_CASES: Record<string, string> = {
  "features/bridge/app/bridge-cluster.ts":
    "a step of acceptLinkCode: refusals first, then a race on the channel",
  "features/bridge/app/link-accounts.ts": "a step of acceptLinkCode: merges the two people",
  "kernel/app/files/purge-downloads.ts": "a job",
  "features/cycle/app/schedule-cycle-kickoffs.ts": "a job",
  "features/measures/app/schedule-cluster-digests.ts": "a job",
  "features/measures/app/schedule-measure-follow-ups.ts": "a job",
  "features/meetings/app/schedule-poll-nudges.ts": "a job",
  "features/delphi/app/delphi-jobs.ts": "a job",
  "features/delphi/app/delphi-reminders.ts": "a job",
  "features/pulses/app/close-due-pulses.ts": "a job",
  "features/pulses/app/retention.ts": "a job",
  "features/pulses/app/schedule-pulse-reminders.ts": "a job",
  "features/pulses/app/seed-question-bank.ts": "seeding at start-up",
};

async function appFiles(): Promise<string[]> {
  const files: string[] = [];
  const features = await readdir(FEATURES, { withFileTypes: true });
  const apps = features.filter((f) => f.isDirectory()).map((f) => join(FEATURES, f.name, "app"));
  for (const app of [...apps, ...KERNEL_APPS]) {
    const names = await readdir(app).catch(() => [] as string[]);
    files.push(...names.filter((n) => n.endsWith(".ts")).map((n) => join(app, n)));
  }
  return files.sort();
}

it("lists every wrapped use case with what it requires, as the table says", async () => {
  const found: Record<string, string> = {};
  for (const file of await appFiles()) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [exported, value] of Object.entries(module)) {
      const meta: UseCaseMeta | undefined = useCaseMeta(value);
      if (!meta) continue;
      // The name a refusal or a log line carries is the name the code calls it by.
      expect(meta.name, relative(SRC, file)).toBe(exported);
      found[meta.name] = meta.mode === "read" ? `${meta.access} read` : meta.access;
    }
  }
  expect(found).toEqual(USE_CASES);
});

it("leaves no use case outside the wrapper: nobody else authorizes, resolves a person or opens a transaction", async () => {
  const offenders: string[] = [];
  for (const file of await appFiles()) {
    const path = relative(SRC, file);
    const source = (await readFile(file, "utf8")).replace(/^\s*\/\/.*$/gm, "");
    if (/\bauthorize(Forum)?\(/.test(source)) offenders.push(`${path}: calls authorize`);
    if (path in NOT_USE_CASES) continue;
    if (/\$transaction\(/.test(source)) offenders.push(`${path}: opens a transaction`);
    if (/\bensurePerson\(/.test(source)) offenders.push(`${path}: resolves a person`);
  }
  expect(offenders).toEqual([]);
});

it("keeps the exceptions honest: each listed file still needs to be one", async () => {
  const files = new Set((await appFiles()).map((f) => relative(SRC, f)));
  for (const path of Object.keys(NOT_USE_CASES)) {
    expect(files.has(path), path).toBe(true);
    const source = await readFile(join(SRC, path), "utf8");
    expect(/\$transaction\(|\bensurePerson\(/.test(source), path).toBe(true);
  }
});
