// Minutes on Slack, end to end: the secretary opens the draft form (a modal), saves, approves with
// the button under the saved draft; the minutes go to the channel; `/cluster minutes` uploads the
// DOCX, Markdown and CSV into the member's DM; an edit after approval makes version 2; bad meetings
// and the wrong role get a clear private answer.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { translator } from "../../../src/kernel/i18n/catalog.ts";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { seedHeldMeeting } from "../../support/minutes-meeting.ts";
import { parseCsv } from "../../support/parse-csv.ts";
import { type Block, input, slackJourney, startSlackBot, stopSlackBot } from "../../support/slack-journey.ts";
import type { TestBot } from "../../support/test-bot.ts";
import { docxText, unzip } from "../../support/unzip.ts";

let slack: FakeSlackApi;
let bot: TestBot;
let counter = 0;
const en = translator("en");

beforeAll(async () => {
  ({ slack, bot } = await startSlackBot({
    "U-AINO": { display_name: "Aino", locale: "en-GB" },
    "U-EMMA": { display_name: "Emma", locale: "en-US" },
    "U-OLLI": { display_name: "Olli", locale: "en-GB" },
  }));
});
afterAll(() => stopSlackBot(bot, slack));

const { command, reply, click, submit, modal, createCluster } = slackJourney(() => ({ bot, slack }), {
  nextId: (kind) => `${kind === "command" ? "m" : "c"}${++counter}`,
});
const allText = (blocks: Block[]) => JSON.stringify(blocks);
const buttons = (blocks: Block[]) =>
  blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);

let meetingId = "";
beforeEach(async () => {
  await truncateAll(bot.db);
  slack.reset();
  await createCluster("U-AINO", "Energy");
  await reply(await command("U-EMMA", "join"));
  await reply(await command("U-OLLI", "join"));
  await command("U-AINO", "role <@U-EMMA|emma> secretary");
  await slack.waitFor("chat.postMessage", 2);
  ({ meetingId } = await seedHeldMeeting(bot.db, { present: ["Aino", "Emma"], owner: "Olli" }));
  slack.reset();
});

/** The files uploaded into `user`'s DM so far. */
const filesIn = (user: string) =>
  [...slack.uploadedFiles.values()].filter((f) => f.channelId === `D-${user}`);

describe("Slack: minutes", () => {
  it("drafts in a modal, saves, approves to the channel, delivers files, and versions a later edit", async () => {
    // Members may not draft.
    expect((await reply(await command("U-OLLI", "minutes draft"))).text).toBe(en("error.FORBIDDEN"));
    // Nothing approved yet: members get no files.
    expect((await reply(await command("U-OLLI", "minutes"))).text).toBe(
      en("error.MINUTES_NOT_APPROVED", { meeting: "Spring 2027" }),
    );

    await command("U-EMMA", "minutes draft Spring 2027");
    const form = await modal(1);
    expect(form.callback_id).toBe("ennakko.minutes-draft");
    expect(allText(form.blocks)).toContain("Minutes of *Spring 2027*, version 1");
    expect(form.blocks.map((b) => b.block_id).filter(Boolean)).toEqual(
      expect.arrayContaining(["summary", "discussion", "nextSteps"]),
    );
    expect(
      (
        await submit("U-EMMA", form, {
          summary: input("The chair opened the meeting."),
          discussion: input("Funding looks likely."),
          nextSteps: input("Apply by June."),
        })
      ).text,
    ).toBe("");
    const [saved] = await slack.waitFor("chat.postEphemeral", 1);
    const savedBody = saved!.body as { text: string; blocks: Block[] };
    expect(savedBody.text).toContain("The draft minutes of *Spring 2027* (version 1) are saved");
    const approve = buttons(savedBody.blocks).find((b) => b.action_id === "ennakko.minutes.approve")!;
    expect(approve.value).toBe(meetingId);

    // The form opens again with the saved words.
    await command("U-EMMA", "minutes draft");
    const again = await modal(2);
    const initial = (id: string) => again.blocks.find((b) => b.block_id === id)?.element?.initial_value;
    expect(initial("summary")).toBe("The chair opened the meeting.");
    expect(initial("nextSteps")).toBe("Apply by June.");

    // Approve: a private confirmation, the minutes in the channel.
    const approved = await reply(await click("U-EMMA", "ennakko.minutes.approve", approve.value));
    expect(approved.text).toBe(en("minutes.approved", { title: "Spring 2027", version: 1 }));
    const post = (await slack.waitFor("chat.postMessage", 1))[0]!.body;
    expect(post.channel).toBe("C-ENERGY");
    expect(String(post.text)).toContain("Minutes of *Spring 2027* (version 1), approved by Emma");
    const posted = allText(post.blocks as Block[]);
    expect(posted).toContain("Apply for hydrogen valley funding");
    expect(posted).toContain("Write the funding application");
    expect(posted).toContain("Rovaniemi");
    expect(posted).toContain("The chair opened the meeting.");
    const row = await bot.db.prisma.minutes.findFirstOrThrow({ where: { meetingId } });
    expect(row).toMatchObject({ version: 1, status: "APPROVED" });
    expect(await bot.db.prisma.auditEntry.count({ where: { action: "minutes.approve" } })).toBe(1);
    expect((await reply(await command("U-AINO", "minutes approve"))).text).toBe(
      en("error.MINUTES_ALREADY_APPROVED", { version: 1 }),
    );

    // A member asks for the minutes: three files in their DM.
    await command("U-OLLI", "minutes");
    await slack.waitFor("files.completeUploadExternal", 1);
    const files = filesIn("U-OLLI");
    expect(files.map((f) => f.filename).sort()).toEqual([
      "measures-spring-2027-v1.csv",
      "minutes-spring-2027-v1.docx",
      "minutes-spring-2027-v1.md",
    ]);
    const docx = files.find((f) => f.filename.endsWith(".docx"))!;
    const text = docxText(unzip(docx.bytes).get("word/document.xml")!.toString("utf8"));
    expect(text).toContain("Minutes: Spring 2027");
    expect(text).toContain("Present: Aino, Emma");
    expect(text).toContain("Absent: Olli");
    expect(text).toContain("Hydrogen valley: Apply for hydrogen valley funding");
    expect(text).toContain("Survey employers");
    const md = files.find((f) => f.filename.endsWith(".md"))!.bytes.toString("utf8");
    expect(md).toContain("## Decisions");
    const csv = parseCsv(files.find((f) => f.filename.endsWith(".csv"))!.bytes.toString("utf8"));
    expect(csv[1]).toEqual([
      "Write the funding application",
      "Olli",
      "2099-06-30",
      "planned",
      "0",
      "New measures",
    ]);

    // An edit after approval: version 2, a new draft; version 1 stays as approved.
    await command("U-EMMA", "minutes draft");
    const third = await modal(3);
    expect(allText(third.blocks)).toContain(
      "Version 1 is approved and stays as it is; saving makes version 2.",
    );
    await submit("U-EMMA", third, {
      summary: input("Corrected opening."),
      discussion: input(""),
      nextSteps: input(""),
    });
    const [, second] = await slack.waitFor("chat.postEphemeral", 2);
    expect(String(second!.body.text)).toContain("Saved as version 2");
    const versions = await bot.db.prisma.minutes.findMany({
      where: { meetingId },
      orderBy: { version: "asc" },
    });
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, "APPROVED"],
      [2, "DRAFT"],
    ]);
    expect((versions[0]!.content as { summary: string }).summary).toBe("The chair opened the meeting.");
  });

  it("answers bad meetings clearly and changes nothing", async () => {
    expect((await reply(await command("U-EMMA", "minutes draft Autumn 2031"))).text).toBe(
      en("error.MINUTES_MEETING_NOT_FOUND", { meeting: "Autumn 2031" }),
    );
    expect((await reply(await command("U-OLLI", "minutes 0000ffff"))).text).toBe(
      en("error.MINUTES_MEETING_NOT_FOUND", { meeting: "0000ffff" }),
    );
    // A forged button for a meeting id that is not this cluster's.
    expect(
      (await reply(await click("U-EMMA", "ennakko.minutes.approve", "6f1c7a58-8f0e-4a53-9d2b-6a1f0c9e4b11")))
        .text,
    ).toBe(en("error.MINUTES_MEETING_NOT_FOUND", { meeting: "?" }));
    expect(await bot.db.prisma.minutes.count()).toBe(0);
  });
});
