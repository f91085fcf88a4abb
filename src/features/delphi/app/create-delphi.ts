// `/cluster delphi new`: an organiser writes the statements, picks the scales and when round 1
// closes. The Delphi, its statements and round 1 are written together with a note to the channel and
// a personal sheet for each participant (members with `delphi.answer`), all through the outbox.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import {
  SCALE_KEYS,
  type Scales,
  STATEMENT_MAX_LENGTH,
  STATEMENTS_MAX,
  STATEMENTS_MIN,
} from "../domain/scales.ts";
import { withStatements } from "./delphi-sheet.ts";
import { delphiSubject, noteToChannels, sendSheets } from "./delphis.ts";

/** A form may take a moment: a closing time must still be this far ahead when it arrives. */
const MIN_OPEN_MS = 60 * 60_000;

export const CreateDelphiInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  title: z.string().trim().min(3, "TITLE").max(200, "TITLE"),
  statements: z
    .array(z.string().trim().min(1, "STATEMENTS").max(STATEMENT_MAX_LENGTH, "STATEMENT_LENGTH"))
    .min(STATEMENTS_MIN, "STATEMENTS")
    .max(STATEMENTS_MAX, "STATEMENTS"),
  scales: z
    .array(z.enum(SCALE_KEYS, "SCALES"))
    .min(1, "SCALES")
    .transform((keys) => [...new Set(keys)]),
  /** The unit of probability, desirability and impact. */
  unit: z.enum(["likert5", "percent"], "UNIT"),
  roundClosesAt: z.date(),
  nextRoundOpensAt: z.date().nullish(),
});

export type CreatedDelphi = {
  delphiId: string;
  title: string;
  statements: number;
  participants: number;
  roundClosesAt: Date;
};

export const createDelphi = clusterUseCase(
  {
    name: "createDelphi",
    input: CreateDelphiInput,
    capability: "delphi.manage",
    guard: (ctx, input) => {
      if (input.roundClosesAt.getTime() < ctx.clock.now().getTime() + MIN_OPEN_MS)
        return fail("INVALID_INPUT", { field: "roundClosesAt", problem: "CLOSES_IN_PAST" });
      if (input.nextRoundOpensAt && input.nextRoundOpensAt <= input.roundClosesAt)
        return fail("INVALID_INPUT", { field: "nextRoundOpensAt", problem: "NEXT_BEFORE_CLOSE" });
      return null;
    },
  },
  async ({ ctx, tx, input, person, cluster, audit }): Promise<Result<CreatedDelphi>> => {
    const now = ctx.clock.now();
    // The form's order: SCALE_KEYS' order, so every Delphi reads the same way.
    const scales: Scales = SCALE_KEYS.filter((k) => input.scales.includes(k)).map((key) => ({
      key,
      kind: key === "year" ? "year" : input.unit,
    }));
    const delphi = await tx.delphi.create({
      data: {
        clusterId: cluster.id,
        title: input.title,
        scales,
        status: "OPEN",
        round: 1,
        roundClosesAt: input.roundClosesAt,
        nextRoundOpensAt: input.nextRoundOpensAt ?? null,
        createdById: person.id,
        createdAt: now,
        statements: { create: input.statements.map((text, position) => ({ text, position })) },
        rounds: { create: { number: 1, opensAt: now, closesAt: input.roundClosesAt } },
      },
      include: withStatements,
    });
    const participants = await sendSheets(ctx, tx, delphi, "invite-r1");
    await noteToChannels(
      ctx,
      tx,
      cluster.id,
      `${delphiSubject(delphi.id)}:opened-r1`,
      "opened-r1",
      delphi.id,
      (locale, timeZone) =>
        ctx.compose.compose(
          {
            type: "delphi.opened",
            delphiId: delphi.id,
            title: delphi.title,
            round: 1,
            statements: input.statements.length,
            participants,
            closesAt: input.roundClosesAt,
            timeZone,
          },
          locale,
        ),
    );
    await audit({
      action: "delphi.create",
      subjectType: "delphi",
      subjectId: delphi.id,
      details: { title: input.title, statements: input.statements.length, scales: scales.map((s) => s.key) },
    });
    return ok({
      delphiId: delphi.id,
      title: delphi.title,
      statements: input.statements.length,
      participants,
      roundClosesAt: input.roundClosesAt,
    });
  },
);
