// The processes of a Slack burst benchmark: the fake Slack (with the members as its users), the bot on
// a fresh embedded PGlite and the bare-Bolt baseline; and the baseline's turn, which replays the
// bot's requests at the same offsets and measures its CPU. Shared by pulse-burst and delphi-burst.
import type { SlackUserFixture } from "../../test/fakes/slack-api.ts";
import { signedHeaders } from "../../test/support/slack-requests.ts";
import type { ChildGroup, ChildHandle } from "./ipc.ts";
import { SLACK_EVENTS_PATH } from "./protocol.ts";
import { SlackSide } from "./slack-side.ts";
import { type Planned, type Replayed, replay } from "./timed-post.ts";

const LOCALES = ["fi-FI", "sv-SE", "en-US", "nl-NL"];

export type SlackBench = { fakeChild: ChildHandle; slack: SlackSide; bot: ChildHandle; base: ChildHandle };

/** Starts the fake Slack knowing `members` (locales in turn), then the bot and the baseline against it. */
export async function startSlackBench(
  children: ChildGroup,
  members: ReadonlyArray<{ index: number; user: string }>,
  realName: string,
  announce: () => void,
): Promise<SlackBench> {
  const fakeChild = await children.spawn("fake-slack");
  const slack = new SlackSide(fakeChild, String(fakeChild.info.url), String(fakeChild.info.apiUrl));
  const fixtures: Record<string, SlackUserFixture> = {};
  for (const m of members)
    fixtures[m.user] = {
      name: m.user.toLowerCase(),
      real_name: `${realName} ${m.index}`,
      display_name: `member${m.index}`,
      locale: LOCALES[m.index % LOCALES.length],
      tz: "Europe/Helsinki",
    };
  await fakeChild.call("users", fixtures);
  announce();
  const [bot, base] = await Promise.all([
    children.spawn("bot", { BENCH_SLACK_API_URL: slack.apiUrl }),
    children.spawn("baseline", { BENCH_SLACK_API_URL: slack.apiUrl }),
  ]);
  return { fakeChild, slack, bot, base };
}

/** The baseline gets the same requests at the same offsets; returns its shots and the CPU it spent (ms). */
export async function replayOnBaseline(
  base: ChildHandle,
  planned: Planned[],
  timeoutMs: number,
): Promise<{ shots: Replayed[]; cpuMs: number }> {
  const before = await base.call<NodeJS.CpuUsage>("cpu");
  const shots = await replay(
    Number(base.info.port),
    SLACK_EVENTS_PATH,
    planned,
    (b) => signedHeaders(b),
    timeoutMs,
  );
  const after = await base.call<NodeJS.CpuUsage>("cpu");
  return { shots, cpuMs: (after.user - before.user + after.system - before.system) / 1000 };
}
