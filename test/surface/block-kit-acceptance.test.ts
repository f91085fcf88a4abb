// The Block Kit the renderer makes from our real views, checked against Slack's rules (the strict fake's
// validator, test/fakes/block-kit-rules.ts): what Slack would refuse never leaves the bot, in any
// language. The journeys prove the same through the fake over HTTP; these pin the renderer itself.
import { describe, expect, it } from "vitest";
import { MAX_SKILLS } from "../../src/features/pulses/app/create-pulse.ts";
import type { PulseSheet } from "../../src/features/pulses/app/pulse-sheet-shape.ts";
import { LABEL_MAX } from "../../src/features/pulses/domain/question-types.ts";
import { starterQuestions } from "../../src/features/pulses/domain/starter-bank.ts";
import { pulseAnswerForm } from "../../src/features/pulses/surface/pulse-answer-form.ts";
import {
  PULSE_ACTIONS,
  parseAnswerClick,
  pulseSheetView,
} from "../../src/features/pulses/surface/pulse-sheet-view.ts";
import { LOCALES } from "../../src/kernel/domain/locale.ts";
import { translator } from "../../src/kernel/i18n/catalog.ts";
import { actionEnvelope, BlockActionsSchema } from "../../src/platforms/slack/parse-payload.ts";
import { renderMessage, renderModal } from "../../src/platforms/slack/render-block-kit.ts";
import { messageViolations, modalViolations } from "../fakes/block-kit-rules.ts";

const sheet = (anonymous: boolean): PulseSheet => ({
  pulseId: "p-1",
  title: "Autumn skills pulse",
  clusterName: "Lapland Energy",
  timeZone: "Europe/Helsinki",
  anonymous,
  closesAt: new Date("2026-04-10T12:00:00Z"),
  state: "OPEN",
  questions: [...starterQuestions()],
  skills: ["Welding", "Mine automation", "Guiding"],
  answers: {},
  token: anonymous ? "tok-123" : null,
  submitted: false,
});

type Button = { action_id: string; value: string };
const buttonsOf = (blocks: Record<string, unknown>[]): Button[] =>
  blocks.filter((b) => b.type === "actions").flatMap((b) => (b.elements as Button[] | undefined) ?? []);

describe("the pulse in Block Kit, as Slack accepts it", () => {
  for (const locale of LOCALES)
    it(`the answer sheet of every starter question is a message Slack accepts (${locale})`, () => {
      for (const anonymous of [false, true]) {
        const message = renderMessage(pulseSheetView(sheet(anonymous), translator(locale), locale));
        expect(messageViolations(message)).toEqual([]);
      }
    });

  for (const locale of LOCALES)
    it(`the answer form of every starter question is a modal Slack accepts (${locale})`, () => {
      const form = pulseAnswerForm(sheet(true), "D-U1", translator(locale), locale);
      expect(modalViolations(renderModal(form))).toEqual([]);
    });

  it("the largest form a chair can make (every starter question, 15 skills of 75 characters) still fits", () => {
    const skills = Array.from({ length: MAX_SKILLS }, (_, i) => `${i}`.padEnd(LABEL_MAX, "x"));
    for (const locale of LOCALES) {
      const form = pulseAnswerForm({ ...sheet(false), skills }, "D-U1", translator(locale), locale);
      expect(modalViolations(renderModal(form))).toEqual([]);
    }
  });

  it("each answer button of a question has its own action_id, and reads back as the neutral answer", () => {
    const message = renderMessage(pulseSheetView(sheet(false), translator("en"), "en"));
    const answers = buttonsOf(message.blocks).filter((b) => b.action_id.startsWith(PULSE_ACTIONS.answer));
    expect(answers.length).toBeGreaterThan(5);
    for (const button of answers) {
      const body = BlockActionsSchema.parse({
        type: "block_actions",
        team: { id: "T1" },
        user: { id: "U1" },
        channel: { id: "D-U1" },
        actions: [{ action_id: button.action_id, value: button.value }],
      });
      const intent = actionEnvelope(body, {})!.intent;
      expect(intent).toEqual({ kind: "action", actionId: PULSE_ACTIONS.answer, value: button.value });
      expect(parseAnswerClick(button.value)).not.toBeNull();
    }
  });
});
