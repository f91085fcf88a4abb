// The composer knows no feature: each kind is written by the feature that declares it (its
// `notifications` table), found in the registry; a kind nobody writes is a clear programming error.
import { describe, expect, it } from "vitest";
import type { NotificationMessage } from "../../src/kernel/app/ports/composer.ts";
import { installFeatures, registry } from "../../src/kernel/registry.ts";
import { composeNotification } from "../../src/kernel/surface/compose-notification.ts";

describe("composeNotification", () => {
  it("finds every notification kind in the feature that declares it", () => {
    const owner = new Map<string, string>();
    for (const module of registry().modules)
      for (const kind of Object.keys(module.notifications ?? {})) owner.set(kind, module.name);
    expect(Object.fromEntries([...owner].sort())).toEqual({
      "cluster.digest": "measures",
      "cluster.unlinked": "bridge",
      "cycle.kickoff": "cycle",
      "delphi.opened": "delphi",
      "delphi.reminder": "delphi",
      "delphi.round-closed": "delphi",
      "delphi.sheet": "delphi",
      "delphi.results": "delphi",
      "files.ready": "files",
      "measure.assigned": "measures",
      "measure.changed": "measures",
      "measure.escalation": "measures",
      "measure.reminder": "measures",
      "meeting.invitation": "meetings",
      "meeting.reminder": "meetings",
      "poll.all-answered": "meetings",
      "poll.nudge": "meetings",
      "pulse.invitation": "pulses",
      "pulse.opened": "pulses",
      "pulse.question-result": "pulses",
      "pulse.reminder": "pulses",
      "pulse.results": "pulses",
    });
  });

  it("writes a kind with its feature's composer, in the recipient's language", () => {
    const message: NotificationMessage = {
      type: "poll.nudge",
      meetingId: "m1",
      title: "Spring",
      clusterName: "Oulu",
    };
    const en = composeNotification(message, "en");
    const fi = composeNotification(message, "fi");
    expect(en.fallback).toContain("Spring");
    expect(fi.fallback).toContain("Spring");
    expect(fi.fallback).not.toBe(en.fallback);
  });

  it("refuses a kind no installed feature writes, naming it", () => {
    const stray = { type: "nobody.writes-this" } as unknown as NotificationMessage;
    expect(() => composeNotification(stray, "en")).toThrow(/"nobody\.writes-this"/);
  });
});

describe("installFeatures", () => {
  it("refuses two features that both write one notification kind", () => {
    const compose = () => ({ fallback: "", elements: [] });
    expect(() =>
      installFeatures([
        { name: "one", notifications: { "poll.nudge": compose } },
        { name: "two", notifications: { "poll.nudge": compose } },
      ]),
    ).toThrow(/"one" and "two" both declare the notification "poll.nudge"/);
  });
});
