// The cluster setup journey on Slack: the real Bolt HTTP receiver, correctly signed requests, and
// a local fake of Slack's Web API recording what the bot sent.
// Note: Slack text is mrkdwn, so "<" and ">" arrive escaped as &lt; &gt; (Slack shows them as typed).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeSlackApi } from "../../fakes/slack-api.ts";
import { truncateAll } from "../../support/database.ts";
import { choice, input, slackJourney, startSlackBot, stopSlackBot } from "../../support/slack-journey.ts";
import {
  blockActionPayload,
  interactionBody,
  signedHeaders,
  slashCommandBody,
  viewSubmissionPayload,
} from "../../support/slack-requests.ts";
import type { TestBot } from "../../support/test-bot.ts";

let slack: FakeSlackApi;
let bot: TestBot;

beforeAll(async () => {
  ({ slack, bot } = await startSlackBot({
    "U-AINO": { display_name: "Aino", locale: "fi-FI", tz: "Europe/Helsinki" },
    "U-EMMA": { display_name: "Emma", locale: "en-US", tz: "Europe/Amsterdam" },
    "U-SVEN": { display_name: "Sven", locale: "sv-SE" },
  }));
});
afterAll(() => stopSlackBot(bot, slack));
beforeEach(async () => {
  await truncateAll(bot.db);
  slack.reset();
});

let replyCounter = 0;
// Private replies go to response_url ids r1, r2, …; `command` also checks Slack got its 200.
const { post, command, reply, submit, modal } = slackJourney(() => ({ bot, slack }), {
  nextId: () => `r${++replyCounter}`,
  expectAck: true,
});

async function setUpEnergy(user = "U-AINO") {
  const id = await command(user, "setup Energy");
  const view = await modal(1);
  const res = await submit(user, view, {
    name: input("Energy"),
    sector: input("energy"),
    time_zone: choice("Europe/Helsinki"),
    locale: choice("fi"),
  });
  return { id, res, view };
}

describe("Slack: cluster setup", () => {
  it("opens the setup form in the caller's language, with the name filled in", async () => {
    await command("U-AINO", "setup Energy");
    const [open] = await slack.waitFor("views.open");
    const view = open!.body.view as {
      title: { text: string };
      callback_id: string;
      blocks: {
        block_id?: string;
        element?: { initial_value?: string; initial_option?: { value: string } };
      }[];
    };
    expect(view.callback_id).toBe("ennakko.setup-cluster");
    expect(view.title.text).toBe("Uusi klusteri");
    expect(view.blocks.find((b) => b.block_id === "name")?.element?.initial_value).toBe("Energy");
    expect(view.blocks.find((b) => b.block_id === "time_zone")?.element?.initial_option?.value).toBe(
      "Europe/Helsinki",
    );
    expect(await bot.db.prisma.cluster.count()).toBe(0);
  });

  it("creates the cluster on submit, tells the chair and announces it in the channel", async () => {
    const { res } = await setUpEnergy();
    expect(res.status).toBe(200);
    const [announcement] = await slack.waitFor("chat.postMessage");
    expect(announcement!.body.channel).toBe("C-ENERGY");
    expect(String(announcement!.body.text)).toContain("*Energy* on perustettu");
    const [done] = await slack.waitFor("chat.postEphemeral");
    expect(done!.body).toMatchObject({ channel: "C-ENERGY", user: "U-AINO" });
    const cluster = await bot.db.prisma.cluster.findFirstOrThrow({
      include: { bindings: true, memberships: true },
    });
    expect(cluster).toMatchObject({
      name: "Energy",
      sector: "energy",
      locale: "fi",
      bindings: [{ platform: "SLACK", channelId: "C-ENERGY" }],
      memberships: [{ role: "CHAIR" }],
    });
  });

  it("keeps the form open with a field error when the name is too short", async () => {
    await command("U-EMMA", "setup Energy");
    const [open] = await slack.waitFor("views.open");
    const view = open!.body.view as { callback_id: string; private_metadata: string };
    const submission = viewSubmissionPayload({
      user: "U-EMMA",
      callbackId: view.callback_id,
      metadata: view.private_metadata,
      values: {
        name: { name: { type: "plain_text_input", value: "E" } },
        locale: { locale: { type: "static_select", selected_option: { value: "en" } } },
      },
    });
    const res = await post(interactionBody(submission));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({
      response_action: "errors",
      errors: { name: "Give a name of 2–80 characters." },
    });
    expect(await bot.db.prisma.cluster.count()).toBe(0);
  });

  it("refuses to set up a second cluster in a bound channel", async () => {
    await setUpEnergy();
    await slack.waitFor("chat.postMessage");
    const id = await command("U-EMMA", "setup Mining");
    expect((await reply(id)).text).toBe("This channel already belongs to *Energy*.");
    expect(slack.callsTo("views.open")).toHaveLength(1);
  });
});

describe("Slack: members and roles", () => {
  beforeEach(async () => {
    await setUpEnergy();
    // The announcement is the last thing setup sends.
    await slack.waitFor("chat.postMessage");
    slack.reset();
  });

  it("joins by command and by the Join button, once", async () => {
    expect((await reply(await command("U-EMMA", "join"))).text).toBe(
      "Welcome to *Energy*! You joined as a member.",
    );
    const click = blockActionPayload({
      user: "U-EMMA",
      channel: "C-ENERGY",
      actionId: "ennakko.join-cluster",
      value: "x",
      responseUrl: slack.responseUrl("click"),
    });
    expect((await post(interactionBody(click))).status).toBe(200);
    expect((await reply("click")).text).toBe("You are already a member of *Energy*.");
    expect(await bot.db.prisma.membership.count()).toBe(2);
  });

  it("lets the chair name a secretary, announced in the channel", async () => {
    await command("U-EMMA", "join");
    await slack.waitFor("response_url:r" + replyCounter);
    slack.reset();
    await command("U-AINO", "role <@U-EMMA|emma> secretary");
    const [posted] = await slack.waitFor("chat.postMessage");
    expect(posted!.body.text).toBe("Emma on nyt klusterin *Energy* sihteeri.");
    const members = await reply(await command("U-EMMA", "members"));
    // The notification text names the members, not only the heading (issue 12).
    expect(members.text).toMatch(/^Members of \*Energy\* \(2\):\n• Aino — chair\n• Emma — secretary$/);
    expect(JSON.stringify(members.blocks)).toContain("Emma — secretary");
  });

  it("shows the time zone to a member; the chair changes it and the channel is told (issue 13)", async () => {
    await command("U-EMMA", "join");
    await slack.waitFor("response_url:r" + replyCounter);
    slack.reset();
    expect((await reply(await command("U-EMMA", "timezone"))).text).toMatch(
      /^\*Energy\* reads its dates in \*Europe\/Helsinki\* \(it is \d\d:\d\d there now\)\./,
    );
    expect((await reply(await command("U-EMMA", "timezone Europe/Stockholm"))).text).toBe(
      "Your role does not allow that. Ask the chair or the foresight coordinator.",
    );
    expect((await reply(await command("U-AINO", "timezone Eastern Standard Time"))).text).toContain(
      "/cluster timezone",
    );
    expect((await reply(await command("U-AINO", "timezone Eastern"))).text).toMatch(
      /^”Eastern” ei ole tuntemani aikavyöhyke/,
    );
    await command("U-AINO", "timezone europe/stockholm");
    const [posted] = await slack.waitFor("chat.postMessage");
    expect(posted!.body.text).toMatch(
      /^Aino vaihtoi klusterin \*Energy\* aikavyöhykkeen: Europe\/Helsinki → \*Europe\/Stockholm\* \(siellä kello on nyt \d\d\.\d\d\)/,
    );
    expect((await bot.db.prisma.cluster.findFirstOrThrow()).timeZone).toBe("Europe/Stockholm");
  });

  it("answers every bad input privately and in the person's language", async () => {
    await command("U-EMMA", "join");
    const cases: [string, string, string][] = [
      ["U-EMMA", "frobnicate", "I don't know `frobnicate`. See `/cluster help`."],
      ["U-EMMA", "role", "Usage: `/cluster role &lt;@person&gt; &lt;role&gt;`"],
      // The usage line names its arguments in the reader's language (issue 12).
      ["U-AINO", "role", "Käyttö: `/cluster role &lt;@henkilö&gt; &lt;rooli&gt;`"],
      [
        "U-EMMA",
        "role <@U-AINO|aino> member",
        "Your role does not allow that. Ask the chair or the foresight coordinator.",
      ],
      [
        "U-AINO",
        "role <@U-NOBODY|nobody> member",
        "nobody ei ole tämän klusterin jäsen. Pyydä häntä ensin kirjoittamaan `/cluster join`.",
      ],
      [
        "U-AINO",
        "role <@U-EMMA|emma> king",
        // The roles as the reader knows them (the parser takes these words too), not its English keywords.
        "`king` ei ole rooli. Roolit: puheenjohtaja, varapuheenjohtaja, sihteeri, ennakointikoordinaattori, jäsen, tarkkailija.",
      ],
      [
        "U-AINO",
        "role Emma secretary",
        "`Emma` ei ole henkilö. Mainitse hänet, esimerkiksi `/cluster role @Maija secretary`.",
      ],
      ["U-SVEN", "members", "Du är inte medlem i *Energy* ännu. Gå med med `/cluster join`."],
      [
        "U-AINO",
        "leave",
        "Klusterilla on aina oltava puheenjohtaja: anna puheenjohtajan rooli ensin jollekulle toiselle.",
      ],
      ["U-EMMA", "", "Tell me what to do, e.g. `/cluster help`."],
    ];
    for (const [user, text, expected] of cases) {
      const answer = await reply(await command(user, text));
      expect(answer.response_type).toBe("ephemeral");
      expect(answer.text).toBe(expected);
    }
    expect(slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("says the change was saved when the channel post fails", async () => {
    await command("U-EMMA", "join");
    slack.failNext("chat.postMessage", 200, { error: "not_in_channel" });
    const id = await command("U-AINO", "role <@U-EMMA|emma> secretary");
    expect((await reply(id)).text).toBe(
      "Tehty, mutta en voinut lähettää viestiä tälle kanavalle. Onko Ennakko kutsuttu kanavalle?",
    );
    const emma = await bot.db.prisma.membership.findFirstOrThrow({
      where: { person: { displayName: "Emma" } },
    });
    expect(emma.role).toBe("SECRETARY");
  });

  it("tells a caller in an unbound channel how to start", async () => {
    const answer = await reply(await command("U-EMMA", "status", "C-ELSEWHERE"));
    expect(answer.text).toBe(
      "This channel is not bound to a cluster yet. A chair starts with `/cluster setup &lt;name&gt;`.",
    );
  });

  it("shows help by role: the chair sees role, a member does not", async () => {
    await command("U-EMMA", "join");
    const chairHelp = JSON.stringify((await reply(await command("U-AINO", "help"))).blocks);
    const memberHelp = JSON.stringify((await reply(await command("U-EMMA", "help"))).blocks);
    expect(chairHelp).toContain("/cluster role");
    expect(memberHelp).not.toContain("/cluster role");
    expect(memberHelp).toContain("/cluster status");
  });

  it("help in a bound Finnish channel: no setup, no link for a member, argument names in Finnish (issue 12)", async () => {
    await command("U-EMMA", "join");
    const chairHelp = JSON.stringify((await reply(await command("U-AINO", "help"))).blocks);
    const memberHelp = JSON.stringify((await reply(await command("U-EMMA", "help"))).blocks);
    // Slack escapes < and > in text.
    expect(chairHelp).toContain("/cluster role &lt;@henkilö&gt; &lt;rooli&gt;");
    expect(chairHelp).toContain("/cluster minutes [kokous]");
    expect(chairHelp).not.toContain("&lt;name&gt;");
    expect(chairHelp).toContain("/cluster forum setup &lt;nimi&gt;");
    expect(chairHelp).not.toContain("/cluster setup");
    expect(memberHelp).not.toContain("/cluster setup");
    expect(memberHelp).not.toContain("/cluster link");
    expect(memberHelp).not.toContain("/cluster join");
  });

  it("shows the status at a glance", async () => {
    const status = await reply(await command("U-AINO", "status"));
    // The notification text carries the card's facts, not only its heading (issue 12).
    expect(status.text).toMatch(/^\*Energy\* yhdellä silmäyksellä:\n• /);
    expect(status.text).toContain("Aikavyöhyke: Europe/Helsinki");
    const fields = JSON.stringify(status.blocks);
    expect(fields).toContain("Europe/Helsinki");
    expect(fields).toContain("puheenjohtaja 1");
  });
});

describe("Slack: request verification", () => {
  it("rejects unsigned, forged and stale requests with 401 and runs no handler", async () => {
    const body = slashCommandBody({
      user: "U-AINO",
      channel: "C-ENERGY",
      text: "setup Energy",
      responseUrl: slack.responseUrl("x"),
    });
    const unsigned = await post(body, { "content-type": "application/x-www-form-urlencoded" });
    const forged = await post(body, signedHeaders(body, "not-the-secret"));
    const stale = await post(body, signedHeaders(body, undefined, Math.floor(Date.now() / 1000) - 10 * 60));
    const tampered = await post(body.replace("setup+Energy", "setup+Evil"), signedHeaders(body));
    expect([unsigned.status, forged.status, stale.status, tampered.status]).toEqual([401, 401, 401, 401]);
    await new Promise((r) => setTimeout(r, 100));
    expect(slack.calls).toHaveLength(0);
    expect(await bot.db.prisma.person.count()).toBe(0);
  });
});
