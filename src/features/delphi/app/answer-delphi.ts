// A member rates one statement in the open round, from their personal sheet, and may explain a view
// that lies outside the group's middle range.
//
// Anonymity (prisma/schema.prisma, DelphiPool and DelphiSeal): in ONE transaction the rating goes to
// the statement's pool at a random place, a DelphiAnswered row says only that the member answered,
// and the member's own copy is sealed under their token. No row holds a person next to a value.
// DelphiAnswered's key (statement, round, person) makes a second submit change nothing.
import { z } from "zod";
import type { AppContext } from "../../../kernel/app/context.ts";
import { membershipIn } from "../../../kernel/app/identity.ts";
import type { Tx } from "../../../kernel/app/tx.ts";
import { personUseCase } from "../../../kernel/app/use-case.ts";
import { PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { type Fail, fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { can } from "../../../kernel/domain/roles.ts";
import { type Rating, REASON_MAX_LENGTH, scalesOf, validRating } from "../domain/scales.ts";
import { addRating, addReason, poolsOf } from "./delphi-pool.ts";
import { lockOwn, ownRating, readOwn, sealKeyOf, writeOwn } from "./delphi-seal.ts";
import {
  buildSheet,
  type DelphiSheet,
  type DelphiWithStatements,
  figuresOf,
  outlierSide,
  withStatements,
} from "./delphi-sheet.ts";

type Member = { delphi: DelphiWithStatements; cluster: { name: string; timeZone: string } };

/**
 * The Delphi behind a click from a personal chat, with the clicker's right to answer in its cluster
 * checked (the chat is not the cluster's channel). `lock`: share-lock the Delphi, so an answer and the
 * round's closing (which locks it exclusively) take turns.
 */
async function asParticipant(
  tx: Tx,
  delphiId: string,
  personId: string,
  lock: boolean,
): Promise<Result<Member>> {
  if (lock) await tx.$queryRaw`SELECT 1 FROM "Delphi" WHERE "id" = ${delphiId} FOR SHARE`;
  const delphi = await tx.delphi.findUnique({ where: { id: delphiId }, include: withStatements });
  if (!delphi) return fail("DELPHI_MISSING");
  const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: delphi.clusterId } });
  const membership = await membershipIn(tx, cluster.id, personId);
  if (!membership) return fail("NOT_A_MEMBER", { cluster: cluster.name });
  if (!can(membership.role, "delphi.answer")) return fail("FORBIDDEN", { role: membership.role });
  return ok({ delphi, cluster });
}

function openRound(ctx: AppContext, delphi: DelphiWithStatements, round: number): Fail | null {
  const open =
    delphi.status === "OPEN" &&
    delphi.round === round &&
    (!delphi.roundClosesAt || delphi.roundClosesAt > ctx.clock.now());
  return open ? null : fail("DELPHI_ROUND_CLOSED", { title: delphi.title, round });
}

/** Values as they come from a select or a text input ("3", " 2031 "), checked against the scales. */
export function ratingFrom(
  scales: ReturnType<typeof scalesOf>,
  values: Record<string, unknown>,
): Result<Rating> {
  const rating: Rating = {};
  for (const scale of scales) {
    const raw = values[scale.key];
    const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
    const value = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
    rating[scale.key] = value;
    if (!validRating([scale], { [scale.key]: value })) return fail("DELPHI_BAD_RATING", { scale: scale.key });
  }
  return ok(rating);
}

export const AnswerDelphiInput = z.object({
  actor: PlatformUserSchema,
  delphiId: z.uuid("DELPHI"),
  statementId: z.uuid("STATEMENT"),
  round: z.number().int().min(1).max(100),
  /** By scale key, as the form sent them: never trusted, checked against the Delphi's scales. */
  values: z.record(z.string(), z.unknown()),
  reason: z.string().trim().max(REASON_MAX_LENGTH, "REASON").optional(),
});

export type DelphiAnswer = { sheet: DelphiSheet; statementId: string };

export const answerDelphi = personUseCase(
  {
    name: "answerDelphi",
    input: AnswerDelphiInput,
    access: "in-body: delphi.answer in the Delphi's cluster",
  },
  async ({ ctx, tx, input, person }): Promise<Result<DelphiAnswer>> => {
    const found = await asParticipant(tx, input.delphiId, person.id, true);
    if (!found.ok) return found;
    const { delphi, cluster } = found.value;
    const closed = openRound(ctx, delphi, input.round);
    if (closed) return closed;
    const statement = delphi.statements.find((s) => s.id === input.statementId);
    if (!statement) return fail("DELPHI_MISSING");
    const rating = ratingFrom(scalesOf(delphi.scales), input.values);
    if (!rating.ok) return rating;
    // Claimed first: a second submit (a double click, a retry) finds the row and writes nothing.
    const { count } = await tx.delphiAnswered.createMany({
      data: [{ delphiId: delphi.id, statementId: statement.id, round: input.round, personId: person.id }],
      skipDuplicates: true,
    });
    if (count === 0) return fail("DELPHI_ALREADY_ANSWERED", { round: input.round });
    await addRating(tx, statement.id, input.round, rating.value);
    if (input.reason) await addReason(tx, statement.id, input.round, { text: input.reason, side: null });
    const key = sealKeyOf(ctx, person.id, delphi.id);
    const own = await lockOwn(tx, key);
    own.rounds[String(input.round)] = { ...own.rounds[String(input.round)], [statement.id]: rating.value };
    await writeOwn(tx, key, own);
    const sheet = await buildSheet(ctx, tx, delphi, cluster, { personId: person.id, own });
    return ok({ sheet, statementId: statement.id });
  },
);

export const ExplainDelphiInput = z.object({
  actor: PlatformUserSchema,
  delphiId: z.uuid("DELPHI"),
  statementId: z.uuid("STATEMENT"),
  round: z.number().int().min(1).max(100),
  text: z.string().trim().min(1, "REASON").max(REASON_MAX_LENGTH, "REASON"),
});

/**
 * "Explain my view": the reason joins the statement's pool of reasons with the side the member's
 * answer lies on now, not tied to their rating. Once per statement and round (kept in the seal).
 */
export const explainDelphi = personUseCase(
  {
    name: "explainDelphi",
    input: ExplainDelphiInput,
    access: "in-body: delphi.answer in the Delphi's cluster",
  },
  async ({ ctx, tx, input, person }): Promise<Result<DelphiAnswer>> => {
    const found = await asParticipant(tx, input.delphiId, person.id, true);
    if (!found.ok) return found;
    const { delphi, cluster } = found.value;
    const closed = openRound(ctx, delphi, input.round);
    if (closed) return closed;
    const key = sealKeyOf(ctx, person.id, delphi.id);
    const own = await lockOwn(tx, key);
    const mine = ownRating(own, input.round, input.statementId);
    const done = `${input.round}:${input.statementId}`;
    if (!mine || own.explained.includes(done)) return fail("DELPHI_NOTHING_TO_EXPLAIN");
    const scales = scalesOf(delphi.scales);
    const pool = (await poolsOf(tx, [input.statementId], input.round)).get(input.statementId);
    // Where the answer lies now (later answers may have moved the range since the member was asked).
    const side = outlierSide(scales, figuresOf(scales, pool?.ratings ?? []), mine);
    await addReason(tx, input.statementId, input.round, { text: input.text, side });
    own.explained.push(done);
    await writeOwn(tx, key, own);
    const sheet = await buildSheet(ctx, tx, delphi, cluster, { personId: person.id, own });
    return ok({ sheet, statementId: input.statementId });
  },
);

export const LoadDelphiSheetInput = z.object({ actor: PlatformUserSchema, delphiId: z.uuid("DELPHI") });

/** The member's sheet as it stands: to open a form, to redraw after a refusal. */
export const loadDelphiSheet = personUseCase(
  {
    name: "loadDelphiSheet",
    input: LoadDelphiSheetInput,
    access: "in-body: delphi.answer in the Delphi's cluster",
    readOnly: true,
  },
  async ({ ctx, tx, input, person }): Promise<Result<DelphiSheet>> => {
    const found = await asParticipant(tx, input.delphiId, person.id, false);
    if (!found.ok) return found;
    const { delphi, cluster } = found.value;
    const own = await readOwn(tx, sealKeyOf(ctx, person.id, delphi.id));
    return ok(await buildSheet(ctx, tx, delphi, cluster, { personId: person.id, own }));
  },
);
