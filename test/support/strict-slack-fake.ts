// Runs before every test file: a test fails when the fake Slack Web API refused a payload the test did
// not send on purpose (a Block Kit rule broken, see test/fakes/block-kit-rules.ts). Tests that post a
// bad payload deliberately take the refusals with `slack.takeViolations()`. Without this, a journey
// that only waits for "a call to chat.postMessage" would stay green while Slack refuses the message.
import { appendFileSync } from "node:fs";
import { afterEach, expect } from "vitest";
import { FakeSlackApi } from "../fakes/slack-api.ts";

afterEach(() => {
  const refused = FakeSlackApi.live().flatMap((fake) => fake.takeViolations());
  // SLACK_FAKE_VIOLATIONS_LOG=<file>: every refusal also as a JSON line there (to count them by rule).
  if (process.env.SLACK_FAKE_VIOLATIONS_LOG && refused.length > 0)
    appendFileSync(
      process.env.SLACK_FAKE_VIOLATIONS_LOG,
      refused.map((v) => `${JSON.stringify({ test: expect.getState().currentTestName, ...v })}\n`).join(""),
    );
  if (refused.length > 0)
    throw new Error(
      `the fake Slack refused ${refused.length} payload part(s) as Slack would:\n` +
        refused.map((v) => `  ${v.method}: ${v.rule}: ${v.message}`).join("\n"),
    );
});
