// Delphi rounds on Slack, end to end through the real Bolt HTTP receiver and the strict Slack fake:
// the organiser creates a Delphi in a modal (bad input answered next to its field); the outbox sends
// each participant their sheet as a DM; members rate statements in a small modal; the group figure
// shows from the third answer; an outlier is asked why and explains; a second submit changes
// nothing; the round closes by the job (clock travel); round 2 shows round 1's distribution and
// reasons, and a member sees how their own answer moved.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { dayAhead } from "../../support/helsinki-dates.ts";
import {
  type Block,
  input,
  type Modal,
  slackJourney,
  startSlackBot,
  stopSlackBot,
} from "../../support/slack-journey.ts";
import { blockActionPayload, interactionBody } from "../../support/slack-requests.ts";
import type { TestBot } from "../../support/test-bot.ts";

let slack: FakeSlackApi;
let bot: TestBot;
let n = 0;
/** The bot's clock runs `travel` ms ahead of the real one (the journey's requests stay signed now). */
let travel = 0;
const clock = { now: () => new Date(Date.now() + travel) };

beforeAll(async () => {
  ({ slack, bot } = await startSlackBot(
    {
      "U-AINO": { display_name: "Aino", locale: "en-GB" },
      "U-OLLI": { display_name: "Olli", locale: "en-GB" },
      "U-PEKKA": { display_name: "Pekka", locale: "en-GB" },
      "U-EERO": { display_name: "Eero", locale: "en-GB" },
      "U-SANNA": { display_name: "Sanna", locale: "en-GB" },
    },
    { jobs: "manual", clock },
  ));
});
afterAll(() => stopSlackBot(bot, slack));

const journey = slackJourney(() => ({ bot, slack }), { nextId: () => `d${++n}` });
const { command, reply, modal, createCluster, submit } = journey;
const deliverOutbox = () => bot.bot.jobs!.scheduler.tick("outbox");
const multi = (...values: string[]) => ({
  type: "multi_static_select",
  selected_options: values.map((value) => ({ value })),
});
const select = (value: string) => ({ type: "static_select", selected_option: { value } });
const t = translator("en");

const STATEMENTS = [
  "Half of the region's heavy transport runs on hydrogen.",
  "The mine closes its last open pit.",
  "Remote work empties the town centre.",
];

beforeEach(async () => {
  travel = 0;
  await truncateAll(bot.db);
  slack.reset();
  await createCluster("U-AINO", "Energy");
  for (const user of ["U-OLLI", "U-PEKKA", "U-EERO", "U-SANNA"]) await reply(await command(user, "join"));
  const sanna = await bot.db.prisma.platformIdentity.findFirstOrThrow({ where: { externalId: "U-SANNA" } });
  await bot.db.prisma.membership.updateMany({
    where: { personId: sanna.personId },
    data: { role: "OBSERVER" },
  });
  slack.reset();
});

const validFields = (statements: string[], closesDate = dayAhead(7)) => ({
  title: input("Energy 2035"),
  statements: input(statements.join("\n\n")),
  scales: multi("probability", "year"),
  unit: select("likert5"),
  closes_date: { type: "datepicker", selected_date: closesDate },
  closes_time: { type: "timepicker", selected_time: "16:00" },
});

/** The DM the outbox last sent to `user`. */
function dmTo(user: string) {
  const dm = slack.callsTo("chat.postMessage").findLast((c) => c.body.channel === `D-${user}`);
  if (!dm) throw new Error(`no DM to ${user}`);
  return { blocks: dm.body.blocks as Block[], text: String(dm.body.text) };
}
const buttonsOf = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));
const textOf = (blocks: Block[]) => JSON.stringify(blocks);
/** The n-th "Answer" (or "Explain my view") button of a sheet. */
function button(blocks: Block[], label: string, index = 0) {
  const found = buttonsOf(blocks).filter((b) => JSON.stringify(b.text).includes(label))[index];
  if (!found) throw new Error(`no button "${label}" #${index} in ${textOf(blocks).slice(0, 500)}`);
  return found;
}

async function pressInDm(user: string, actionId: string, value: string): Promise<string> {
  const id = `c${++n}`;
  await journey.post(
    interactionBody(
      blockActionPayload({ user, channel: `D-${user}`, actionId, value, responseUrl: slack.responseUrl(id) }),
    ),
  );
  return id;
}

/** Clicks a sheet button that opens a modal; returns the modal and the click's response_url id. */
async function openForm(user: string, blocks: Block[], label: string, index = 0) {
  const b = button(blocks, label, index);
  const opened = slack.callsTo("views.open").length;
  const click = await pressInDm(user, b.action_id.replace(/:\d+$/, ""), b.value);
  const form: Modal = await modal(opened + 1);
  return { form, click };
}

/** `user` rates the `index`-th unanswered statement of their latest sheet; returns the redrawn sheet. */
async function rate(user: string, sheet: Block[], probability: string, year: string, index = 0) {
  const { form, click } = await openForm(user, sheet, "Answer", index);
  expect(form.callback_id).toBe("ennakko.delphi-answer");
  const ack = await submit(user, form, { probability: select(probability), year: select(year) });
  expect(ack.text).toBe("");
  const redrawn = await reply(click);
  expect(redrawn.replace_original).toBe(true);
  return { sheet: redrawn.blocks as Block[], form, click };
}

async function createDelphi() {
  await command("U-AINO", "delphi new");
  const form = await modal(1);
  const ack = await submit("U-AINO", form, validFields(STATEMENTS));
  expect(ack.text).toBe("");
  const created = (await slack.waitFor("chat.postEphemeral")).at(-1)!.body.text;
  expect(created).toContain("*Energy 2035* is out: 4 members get its 3 statements in a personal message.");
  await deliverOutbox();
}

it("refuses bad forms next to their fields and keeps members and observers to their roles", async () => {
  // A member cannot create.
  const refused = await reply(await command("U-OLLI", "delphi new"));
  expect(refused.text).toContain("role");
  expect(slack.callsTo("views.open")).toHaveLength(0);

  await command("U-AINO", "delphi new");
  const form = await modal(1);
  expect(form.callback_id).toBe("ennakko.delphi-new");
  const two = await submit("U-AINO", form, validFields(STATEMENTS.slice(0, 2)));
  expect(JSON.parse(two.text)).toEqual({
    response_action: "errors",
    errors: { statements: "Write 3 to 20 statements, one per line (now 2 statements)." },
  });
  const many = Array.from({ length: 21 }, (_, i) => `Statement number ${i + 1}.`);
  const tooMany = await submit("U-AINO", form, validFields(many));
  expect(JSON.parse(tooMany.text).errors.statements).toBe(
    "Write 3 to 20 statements, one per line (now 21 statements).",
  );
  const past = await submit("U-AINO", form, validFields(STATEMENTS, dayAhead(-1)));
  expect(JSON.parse(past.text)).toEqual({
    response_action: "errors",
    errors: { closes_date: t("delphi.invalid.CLOSES_IN_PAST") },
  });
  const noScale = await submit("U-AINO", form, { ...validFields(STATEMENTS), scales: multi() });
  expect(JSON.parse(noScale.text).errors).toEqual({ scales: "Pick at least one scale." });
  expect(await bot.db.prisma.delphi.count()).toBe(0);

  const ok = await submit("U-AINO", form, validFields(STATEMENTS));
  expect(ok.text).toBe("");
  expect(await bot.db.prisma.delphiStatement.count()).toBe(3);
  await deliverOutbox();
  // Participants only: the observer gets no sheet.
  expect(slack.callsTo("chat.postMessage").some((c) => c.body.channel === "D-U-SANNA")).toBe(false);

  // A forwarded button clicked by the observer answers nothing.
  const olliSheet = dmTo("U-OLLI").blocks;
  const answer = button(olliSheet, "Answer");
  const observer = await reply(
    await pressInDm("U-SANNA", answer.action_id.replace(/:\d+$/, ""), answer.value),
  );
  expect(observer.text).toBe(t("error.FORBIDDEN"));
  expect(slack.callsTo("views.open")).toHaveLength(1);
  expect(await bot.db.prisma.delphiAnswered.count()).toBe(0);
});

it("runs round 1 and round 2: group figures from 3 answers, an outlier explains, own moves shown", async () => {
  await createDelphi();
  const channel = slack.callsTo("chat.postMessage").find((c) => c.body.channel === "C-ENERGY")!;
  expect(String(channel.body.text)).toContain(
    "🔮 Delphi *Energy 2035*: 3 statements about our future. 4 members got",
  );
  const olli = dmTo("U-OLLI");
  expect(olli.text).toBe("🔮 Energy 2035 – Energy");
  expect(textOf(olli.blocks)).toContain("0 of 3 answered.");

  // A forged value is refused next to its field; nothing is written.
  const first = await openForm("U-OLLI", olli.blocks, "Answer");
  const forged = await submit("U-OLLI", first.form, { probability: select("7"), year: select("2031") });
  expect(JSON.parse(forged.text)).toEqual({
    response_action: "errors",
    errors: { probability: "That is not a value of the scale “Probability”. Pick one from the list." },
  });
  expect(await bot.db.prisma.delphiAnswered.count()).toBe(0);
  const ack = await submit("U-OLLI", first.form, { probability: select("2"), year: select("2030") });
  expect(ack.text).toBe("");
  const olliAfter = (await reply(first.click)).blocks as Block[];
  expect(textOf(olliAfter)).toContain("1 of 3 answered.");
  expect(textOf(olliAfter)).toContain("Your answer: Probability 2 · Year 2030");
  expect(textOf(olliAfter)).toContain("Probability: the group figure shows from 3 answers");

  // A second submit of the same statement (the modal sent again with other values) changes nothing.
  const again = await submit("U-OLLI", first.form, { probability: select("5"), year: select("2040") });
  expect(again.text).toBe("");
  const [, second] = await slack.waitFor(`response_url:${first.click}`, 2);
  expect(JSON.stringify(second!.body)).toContain("You already answered this statement in this round");
  const pool = await bot.db.prisma.delphiPool.findFirstOrThrow({ where: { round: 1 } });
  expect(pool.ratings).toEqual([{ probability: 2, year: 2030 }]);

  const pekka = await rate("U-PEKKA", dmTo("U-PEKKA").blocks, "4", "2035");
  expect(textOf(pekka.sheet)).toContain("the group figure shows from 3 answers");
  const eero = await rate("U-EERO", dmTo("U-EERO").blocks, "4", "2035");
  // The third answer: figures show (values 2, 4, 4: median 4, middle range 3–4).
  expect(textOf(eero.sheet)).toContain("Probability: median 4, middle range 3–4");
  expect(textOf(eero.sheet)).not.toContain("Explain my view");

  // Aino lies below the middle range (1, 2, 4, 4: 1.75–4) and is asked why.
  const aino = await rate("U-AINO", dmTo("U-AINO").blocks, "1", "2031");
  expect(textOf(aino.sheet)).toContain("Your answer lies below the group's middle range");
  const explain = await openForm("U-AINO", aino.sheet, "Explain my view");
  expect(explain.form.callback_id).toBe("ennakko.delphi-explain");
  expect(
    (await submit("U-AINO", explain.form, { reason: input("Hydrogen trucks are a decade away.") })).text,
  ).toBe("");
  const explained = (await reply(explain.click)).blocks as Block[];
  expect(textOf(explained)).not.toContain("Explain my view");
  const reasons = (
    await bot.db.prisma.delphiPool.findFirstOrThrow({ where: { round: 1, statementId: pool.statementId } })
  ).reasons;
  expect(reasons).toEqual([{ text: "Hydrogen trucks are a decade away.", side: "below" }]);

  // The round closes by the job when its time comes.
  const delphi = await bot.db.prisma.delphi.findFirstOrThrow();
  slack.reset();
  expect(await bot.bot.jobs!.scheduler.tick("close-due-delphi-rounds")).toBe("ran");
  expect((await bot.db.prisma.delphi.findFirstOrThrow()).status).toBe("OPEN");
  travel = delphi.roundClosesAt!.getTime() - Date.now() + 60_000;
  expect(await bot.bot.jobs!.scheduler.tick("close-due-delphi-rounds")).toBe("ran");
  const round1 = await bot.db.prisma.delphiRound.findFirstOrThrow({ where: { number: 1 } });
  expect(round1.closedAt).not.toBeNull();
  expect((await bot.db.prisma.delphi.findFirstOrThrow()).status).toBe("BETWEEN");
  await deliverOutbox();
  const note = slack.callsTo("chat.postMessage").find((c) => c.body.channel === "C-ENERGY")!;
  expect(JSON.stringify(note.body)).toContain("Round 1 of *Energy 2035* is closed: 4 members took part.");
  expect(JSON.stringify(note.body)).toContain("/cluster delphi next");
  // A late click on round 1 answers nothing.
  const late = await pressInDm("U-PEKKA", "ennakko.delphi.answer", button(pekka.sheet, "Answer").value);
  expect(JSON.stringify((await reply(late)).blocks)).toContain("Round 1 of *Energy 2035* is closed");

  // Round 2: the organiser opens it; each sheet shows round 1's distribution and the reason.
  slack.reset();
  const next = await reply(await command("U-AINO", `delphi next ${dayAhead(12)}`));
  expect(next.text).toContain("Round 2 of *Energy 2035* is open until");
  await deliverOutbox();
  const olli2 = dmTo("U-OLLI").blocks;
  const shown = textOf(olli2);
  expect(shown).toContain("Round 1 (4 answers):");
  expect(shown).toContain("Probability: median 3, middle range 1.75–4 (1: 1, 2: 1, 3: 0, 4: 2, 5: 0)");
  expect(shown).toContain("“Hydrogen trucks are a decade away.” (below the middle range)");
  expect(shown).toContain("0 of 3 answered.");

  // Olli rates again and sees how his own answer moved, and the group with it (round 2: 4, 4, 3).
  await rate("U-PEKKA", dmTo("U-PEKKA").blocks, "4", "2035");
  await rate("U-EERO", dmTo("U-EERO").blocks, "4", "2034");
  const moved = await rate("U-OLLI", olli2, "3", "2030");
  expect(textOf(moved.sheet)).toContain(
    "Probability: you moved from 2 to 3; the group's median moved from 3 to 4, the range narrowed 2.25 → 0.5.",
  );
  expect(textOf(moved.sheet)).toContain("Year: you moved from 2030 to 2030");

  // The organiser ends it: no more rounds, and the sheet takes no answers.
  expect((await reply(await command("U-AINO", "delphi finish"))).text).toBe(
    "*Energy 2035* is finished after 2 rounds.",
  );
  const after = await pressInDm(
    "U-AINO",
    "ennakko.delphi.answer",
    button(dmTo("U-AINO").blocks, "Answer").value,
  );
  expect(JSON.stringify((await reply(after)).blocks)).toContain("Round 2 of *Energy 2035* is closed");
  expect((await reply(await command("U-AINO", "delphi next"))).text).toBe(t("error.DELPHI_MISSING"));
});
