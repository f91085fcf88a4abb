// Languages and data rights on Slack, end to end: `/cluster language` switches the reply language
// (and a platform locale does not switch it back); `/cluster my-data` uploads a JSON and a CSV file
// into the member's DM, from the channel and from the DM; `/cluster erase @user` asks for a
// confirmation and erases on the click; a member asking is refused and nothing changes.
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { type Block, slackJourney, startSlackBot, stopSlackBot } from "../../support/slack-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";

let slack: FakeSlackApi;
let bot: TestBot;
let n = 0;

beforeAll(async () => {
  ({ slack, bot } = await startSlackBot({
    "U-AINO": { display_name: "Aino", locale: "en-GB" },
    "U-OLLI": { display_name: "Olli", locale: "en-GB", email: "olli@example.fi" },
    "U-PEKKA": { display_name: "Pekka", locale: "fi-FI" },
  }));
});
afterAll(() => stopSlackBot(bot, slack));

const { command, reply, click, createCluster } = slackJourney(() => ({ bot, slack }), {
  nextId: () => `d${++n}`,
});

beforeEach(async () => {
  await truncateAll(bot.db);
  slack.reset();
  await createCluster("U-AINO", "Energy");
  await reply(await command("U-OLLI", "join"));
  await reply(await command("U-PEKKA", "join"));
  slack.reset();
});

it("switches the reply language and keeps it", async () => {
  expect((await reply(await command("U-OLLI", "language"))).text).toContain("I speak English with you");
  expect((await reply(await command("U-OLLI", "language fi"))).text).toBe(
    "Selvä: puhun tästä lähtien kanssasi kieltä suomi.",
  );
  // Slack still says en-GB for Olli; the explicit choice wins from now on.
  expect((await reply(await command("U-OLLI", "members"))).text).toMatch(
    /^Klusterin \*Energy\* jäsenet \(3\):\n• Aino — puheenjohtaja/,
  );
  expect((await reply(await command("U-OLLI", "language klingon"))).text).toContain(
    "`klingon` ei ole kieli, jota puhun.",
  );
  expect((await reply(await command("U-OLLI", "language sv"))).text).toBe(
    "Klart: från och med nu talar jag svenska med dig.",
  );
  const olli = await bot.db.prisma.person.findFirstOrThrow({ where: { displayName: "Olli" } });
  expect(olli.locale).toBe("sv");
});

it("sends my data as JSON and CSV files into the DM, from the channel and from the DM", async () => {
  await command("U-OLLI", "my-data");
  await slack.waitFor("files.completeUploadExternal", 1);
  const shared = [...slack.uploadedFiles.values()].filter((f) => f.channelId === "D-U-OLLI");
  expect(shared.map((f) => f.filename).sort()).toEqual(["ennakko-my-data.csv", "ennakko-my-data.json"]);
  const doc = JSON.parse(shared.find((f) => f.filename.endsWith(".json"))!.bytes.toString("utf8"));
  expect(doc.person).toMatchObject({ displayName: "Olli" });
  expect(doc.memberships).toEqual([expect.objectContaining({ cluster: "Energy", role: "MEMBER" })]);
  const csv = shared.find((f) => f.filename.endsWith(".csv"))!.bytes.toString("utf8");
  expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("Kind,Cluster,Date,Description");
  expect(csv).toContain("membership,Energy,");

  // From the DM with the bot, in Finnish for Pekka (semicolons for Excel).
  await command("U-PEKKA", "my-data", "D-U-PEKKA");
  await slack.waitFor("files.completeUploadExternal", 2);
  const pekka = [...slack.uploadedFiles.values()].filter((f) => f.channelId === "D-U-PEKKA");
  expect(pekka.map((f) => f.filename).sort()).toEqual(["ennakko-my-data.csv", "ennakko-my-data.json"]);
  expect(pekka.find((f) => f.filename.endsWith(".csv"))!.bytes.toString("utf8")).toContain(
    "Tyyppi;Klusteri;Aika;Kuvaus\r\nhenkilö;;",
  );
});

it("erases a member after the chair confirms, and refuses a member", async () => {
  // A member asking: refused, nothing changes.
  expect((await reply(await command("U-PEKKA", "erase <@U-OLLI|olli>"))).text).toContain("Roolisi ei salli");
  expect(await bot.db.prisma.person.count({ where: { erasedAt: { not: null } } })).toBe(0);

  const confirm = await reply(await command("U-AINO", "erase <@U-OLLI|olli>"));
  expect(confirm.text).toContain("Erase the personal data of *Olli*?");
  const button = (confirm.blocks as Block[])
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === "ennakko.member.erase")!;
  expect(button.style).toBe("danger");
  // Nothing happens before the click.
  expect(await bot.db.prisma.platformIdentity.count({ where: { externalId: "U-OLLI" } })).toBe(1);

  const done = await reply(await click("U-AINO", "ennakko.member.erase", button.value));
  expect(done.text).toContain("the member's personal data have been erased");
  const erased = await bot.db.prisma.person.findFirstOrThrow({ where: { erasedAt: { not: null } } });
  expect(erased).toMatchObject({ displayName: "former member", email: null, locale: null });
  expect(await bot.db.prisma.platformIdentity.count({ where: { personId: erased.id } })).toBe(0);
  expect(await bot.db.prisma.membership.count({ where: { personId: erased.id } })).toBe(0);
  expect(
    await bot.db.prisma.auditEntry.count({ where: { action: "member.erase", subjectId: erased.id } }),
  ).toBe(1);
  const members = (await reply(await command("U-AINO", "members"))).text;
  expect(members).not.toContain("Olli");
  // A second click on the same button changes nothing more.
  expect((await reply(await click("U-AINO", "ennakko.member.erase", button.value))).text).toContain(
    "not a member",
  );
});
