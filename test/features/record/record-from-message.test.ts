// "Record as decision" on a message: what each platform's message text becomes in the form.
import { describe, expect, it } from "vitest";
import { IntentSchema } from "../../../src/kernel/surface/intent.ts";
import { messageShortcutValue } from "../../../src/kernel/surface/message-shortcut.ts";
import { plainText } from "../../../src/platforms/slack/parse-shortcut.ts";
import { htmlToText } from "../../../src/platforms/teams/message-extension.ts";

describe("a message as a decision", () => {
  it("reads Slack markup as a person sees it", () => {
    expect(
      plainText("Ask <@U1|maija> in <#C1|energy> &amp; see <https://x.fi|the plan> or <https://y.fi>"),
    ).toBe("Ask @maija in #energy & see the plan (https://x.fi) or https://y.fi");
    expect(plainText("<!here> &lt;3 <!subteam^S1|@board>")).toBe("@here <3 @board");
  });

  it("reads a Teams message body as plain text", () => {
    expect(
      htmlToText('<div><p>We <b>agree</b>&nbsp;&amp; <at id="0">Mikko</at> leads</p><p>Next</p></div>'),
    ).toBe("We agree & Mikko leads\nNext");
  });

  it("always fits an intent's value, however long or quote-laden the message", () => {
    for (const text of ["short", "x".repeat(50_000), '"'.repeat(5000), "ä\n".repeat(3000)]) {
      const value = messageShortcutValue(text, "slack:C1:1700000000.000100");
      expect(IntentSchema.safeParse({ kind: "action", actionId: "a", value }).success).toBe(true);
      expect(JSON.parse(value).source).toBe("slack:C1:1700000000.000100");
    }
  });
});
