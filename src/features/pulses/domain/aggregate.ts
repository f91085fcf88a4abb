// Per-question summaries of a pulse, their breakdown by stakeholder type, the change since the
// previous cycle, and response rates. Input is answers without identities: a value and the
// stakeholder type recorded on the response, nothing else.
//
// Hiding small numbers (k = 3):
// - A stakeholder-type breakdown with fewer than 3 answers is hidden, in every pulse, named or
//   anonymous. Hidden means "no figures at all", never zero.
// - Complementary hiding: if the answers outside the shown groups (hidden groups plus respondents
//   with no stakeholder type) number 1 or 2, the overall figure minus the shown groups would give
//   them away, so the smallest shown group is hidden too, until that remainder is 0 or at least 3.
// - In an anonymous pulse the overall figure is hidden as well while fewer than 3 have answered the
//   question, and so is any skill-grid cell rated by fewer than 3. In a named pulse the overall figure
//   is shown from the first answer: the respondents agreed to be named, and a small cluster still
//   wants to see what its two members said.
// - Inside a shown breakdown, skill-grid cells rated by fewer than 3 are hidden in every pulse.
//   Complementary hiding works at the level of whole groups only; cells are not cross-checked.
// - Response rates: overall always shown. In an anonymous pulse a stakeholder group invited fewer
//   than 3 members (the members with no type count as a group) shows no figures, with the same
//   complementary hiding; "Research: 0/1 answered" turning into "1/1" would tell the channel when
//   that one member answered. Named pulses show every group: there the answers carry names anyway.
// Free texts are returned sorted, so their order tells nothing about who answered when.
import {
  answerSchemaFor,
  CLUSTER_SKILLS,
  DEMAND_LEVELS,
  DEMAND_SCORE,
  type DemandLevel,
  type Horizon,
  LIKERT_VALUES,
  type LikertValue,
  type QuestionDefinition,
  type QuestionOf,
  type QuestionType,
  type SkillGridCell,
  STAKEHOLDER_TYPES,
  type StakeholderType,
} from "./question-types.ts";

export const MIN_GROUP_SIZE = 3;

export type HideReason = "FEWER_THAN_3" | "COMPLEMENTARY";
export type Figure<S> = { hidden: false; stats: S } | { hidden: true; reason: HideReason };

/** `share` is count ÷ respondents (null with no respondents). */
export type Count<I> = { id: I; count: number; share: number | null };

export type LikertStats = {
  type: "LIKERT";
  n: number;
  mean: number | null;
  distribution: Count<LikertValue>[];
};
export type SingleChoiceStats = { type: "SINGLE_CHOICE"; n: number; options: Count<string>[] };
/** Counted per option: shares add up to more than 1 when people tick several. */
export type MultipleChoiceStats = {
  type: "MULTIPLE_CHOICE";
  n: number;
  options: Count<string>[];
  /** Ticks in total, and respondents who ticked nothing (allowed when the question is optional). */
  selections: number;
  noneSelected: number;
};
export type NumberStats = {
  type: "NUMBER";
  n: number;
  sum: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
};
export type FreeTextStats = { type: "FREE_TEXT"; n: number; texts: string[] };
export type SkillCellStats =
  | { skill: string; horizon: Horizon; hidden: true }
  | {
      skill: string;
      horizon: Horizon;
      hidden: false;
      /** Respondents who rated this skill for this horizon. */
      n: number;
      counts: Record<DemandLevel, number>;
      /** Mean of DEMAND_SCORE (−1 … +2); null when nobody rated it. */
      score: number | null;
      /** Share answering GROWING or STRONGLY_GROWING. */
      growingShare: number | null;
    };
export type RankedSkill = { rank: number; skill: string; score: number; growingShare: number; n: number };
export type SkillRanking = { horizon: Horizon; skills: RankedSkill[] };
export type SkillGridStats = {
  type: "SKILL_GRID";
  n: number;
  horizons: Horizon[];
  skills: string[];
  /** Skill by skill (list order), horizon by horizon. */
  cells: SkillCellStats[];
  /** Per horizon: skills by growing demand (score, then share growing), shown cells only. */
  rankings: SkillRanking[];
};
export type QuestionStats =
  | LikertStats
  | SingleChoiceStats
  | MultipleChoiceStats
  | NumberStats
  | FreeTextStats
  | SkillGridStats;
export type StatsOf<T extends QuestionType> = Extract<QuestionStats, { type: T }>;

export type SummaryOf<T extends QuestionType> = {
  key: string;
  type: T;
  /** Valid answers counted. */
  n: number;
  /** Stored answers that no longer fit the question, left out (there should be none). */
  invalid: number;
  overall: Figure<StatsOf<T>>;
  byStakeholderType: Record<StakeholderType, Figure<StatsOf<T>>>;
};
export type QuestionSummary = { [T in QuestionType]: SummaryOf<T> }[QuestionType];

export type AnswerRecord = { value: unknown; stakeholderType: StakeholderType | null };
export type SummaryOptions = {
  anonymous: boolean;
  /** The cluster's skill list in display order; skills found only in answers follow, sorted. */
  skills?: readonly string[];
};

const collator = new Intl.Collator("fi", { sensitivity: "variant" });

export function summarizeQuestion(
  question: QuestionDefinition,
  answers: readonly AnswerRecord[],
  options: SummaryOptions,
): QuestionSummary {
  const schema = answerSchemaFor(question, { skills: "ANY" });
  const valid: { value: unknown; group: StakeholderType | null }[] = [];
  let invalid = 0;
  for (const answer of answers) {
    const parsed = schema.safeParse(answer.value);
    if (parsed.success) valid.push({ value: parsed.data, group: answer.stakeholderType });
    else invalid += 1;
  }
  const skills = skillOrder(question, valid, options.skills);
  const stats = (values: unknown[], hideSmallCells: boolean) =>
    statsFor(question, values, skills, hideSmallCells);

  const n = valid.length;
  const overall: Figure<QuestionStats> =
    options.anonymous && n < MIN_GROUP_SIZE
      ? { hidden: true, reason: "FEWER_THAN_3" }
      : {
          hidden: false,
          stats: stats(
            valid.map((a) => a.value),
            options.anonymous,
          ),
        };

  const sizes = Object.fromEntries(
    STAKEHOLDER_TYPES.map((t) => [t, valid.filter((a) => a.group === t).length]),
  ) as Record<StakeholderType, number>;
  const hiding = hideSmallGroups(sizes, n);
  const byStakeholderType = Object.fromEntries(
    STAKEHOLDER_TYPES.map((t): [StakeholderType, Figure<QuestionStats>] => {
      const reason = hiding[t];
      if (reason) return [t, { hidden: true, reason }];
      return [
        t,
        {
          hidden: false,
          stats: stats(
            valid.filter((a) => a.group === t).map((a) => a.value),
            true,
          ),
        },
      ];
    }),
  );
  return {
    key: question.key,
    type: question.type,
    n,
    invalid,
    overall,
    byStakeholderType,
  } as QuestionSummary;
}

/**
 * Which groups to hide: fewer than 3, then complementary hiding of the smallest shown group while the
 * remainder (total − shown) is 1 or 2. Exported for exports that show stakeholder types per row.
 */
export function hideSmallGroups<G extends string>(
  sizes: Readonly<Record<G, number>>,
  total: number,
): Record<G, HideReason | null> {
  const groups = Object.keys(sizes) as G[];
  const hiding = Object.fromEntries(
    groups.map((g) => [g, sizes[g] < MIN_GROUP_SIZE ? "FEWER_THAN_3" : null]),
  ) as Record<G, HideReason | null>;
  for (;;) {
    const shown = groups.filter((g) => hiding[g] === null);
    const remainder = total - shown.reduce((sum, g) => sum + sizes[g], 0);
    if (shown.length === 0 || remainder <= 0 || remainder >= MIN_GROUP_SIZE) return hiding;
    const smallest = shown.reduce((a, b) => (sizes[b] < sizes[a] ? b : a));
    hiding[smallest] = "COMPLEMENTARY";
  }
}

function skillOrder(
  question: QuestionDefinition,
  answers: readonly { value: unknown }[],
  listed: readonly string[] = [],
): string[] {
  const usesSkills =
    question.type === "SKILL_GRID" ||
    ((question.type === "SINGLE_CHOICE" || question.type === "MULTIPLE_CHOICE") &&
      question.config.options === CLUSTER_SKILLS);
  if (!usesSkills) return [];
  const found = new Set<string>();
  for (const { value } of answers) {
    if (question.type === "SKILL_GRID") for (const cell of value as SkillGridCell[]) found.add(cell.skill);
    else if (Array.isArray(value)) for (const id of value as string[]) found.add(id);
    else found.add(value as string);
  }
  const known = new Set(listed);
  const extra = [...found].filter((s) => !known.has(s)).sort(collator.compare);
  return [...new Set(listed), ...extra];
}

const share = (count: number, n: number) => (n === 0 ? null : count / n);
const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

function statsFor(
  question: QuestionDefinition,
  values: unknown[],
  skills: readonly string[],
  hideSmallCells: boolean,
): QuestionStats {
  const n = values.length;
  switch (question.type) {
    case "LIKERT": {
      const numbers = values as LikertValue[];
      const distribution = LIKERT_VALUES.map((v) => {
        const count = numbers.filter((x) => x === v).length;
        return { id: v, count, share: share(count, n) };
      });
      return { type: "LIKERT", n, mean: mean(numbers), distribution };
    }
    case "SINGLE_CHOICE": {
      const ids = choiceIds(question, skills);
      const picked = values as string[];
      const options = ids.map((id) => {
        const count = picked.filter((x) => x === id).length;
        return { id, count, share: share(count, n) };
      });
      return { type: "SINGLE_CHOICE", n, options };
    }
    case "MULTIPLE_CHOICE": {
      const ids = choiceIds(question, skills);
      const lists = values as string[][];
      const options = ids.map((id) => {
        const count = lists.filter((list) => list.includes(id)).length;
        return { id, count, share: share(count, n) };
      });
      const selections = lists.reduce((sum, list) => sum + list.length, 0);
      const noneSelected = lists.filter((list) => list.length === 0).length;
      return { type: "MULTIPLE_CHOICE", n, options, selections, noneSelected };
    }
    case "NUMBER": {
      const sorted = (values as number[]).slice().sort((a, b) => a - b);
      const mid = Math.floor(n / 2);
      const median = n === 0 ? null : n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
      return {
        type: "NUMBER",
        n,
        sum: sorted.reduce((a, b) => a + b, 0),
        mean: mean(sorted),
        median,
        min: sorted[0] ?? null,
        max: sorted.at(-1) ?? null,
      };
    }
    case "FREE_TEXT":
      return { type: "FREE_TEXT", n, texts: (values as string[]).slice().sort(collator.compare) };
    case "SKILL_GRID":
      return skillGridStats(question, values as SkillGridCell[][], skills, hideSmallCells);
  }
}

function choiceIds(question: QuestionOf<"SINGLE_CHOICE" | "MULTIPLE_CHOICE">, skills: readonly string[]) {
  const { options } = question.config;
  return options === CLUSTER_SKILLS ? [...skills] : options.map((o: { id: string }) => o.id);
}

function skillGridStats(
  question: QuestionOf<"SKILL_GRID">,
  answers: SkillGridCell[][],
  skills: readonly string[],
  hideSmallCells: boolean,
): SkillGridStats {
  const { horizons } = question.config;
  const cellKey = (skill: string, horizon: number) => `${horizon}\u0000${skill}`;
  const levelsOf = new Map<string, DemandLevel[]>();
  for (const answer of answers) {
    for (const c of answer) {
      const key = cellKey(c.skill, c.horizon);
      const levels = levelsOf.get(key);
      if (levels) levels.push(c.level);
      else levelsOf.set(key, [c.level]);
    }
  }
  const cells: SkillCellStats[] = [];
  for (const skill of skills) {
    for (const horizon of horizons) {
      const levels = levelsOf.get(cellKey(skill, horizon)) ?? [];
      const n = levels.length;
      if (hideSmallCells && n < MIN_GROUP_SIZE) {
        cells.push({ skill, horizon, hidden: true });
        continue;
      }
      const counts = Object.fromEntries(
        DEMAND_LEVELS.map((level) => [level, levels.filter((l) => l === level).length]),
      ) as Record<DemandLevel, number>;
      cells.push({
        skill,
        horizon,
        hidden: false,
        n,
        counts,
        score: mean(levels.map((l) => DEMAND_SCORE[l])),
        growingShare: share(counts.GROWING + counts.STRONGLY_GROWING, n),
      });
    }
  }
  const rankings = horizons.map((horizon): SkillRanking => {
    const rated = cells.flatMap((c) =>
      c.horizon === horizon && !c.hidden && c.score !== null
        ? [{ skill: c.skill, score: c.score, growingShare: c.growingShare!, n: c.n }]
        : [],
    );
    // Stable sort: equal score, share and n keep the skill list's order.
    rated.sort((a, b) => b.score - a.score || b.growingShare - a.growingShare || b.n - a.n);
    // Competition ranking on the score: 1, 2, 2, 4.
    const ranked = rated.map((s, i) => ({ rank: i + 1, ...s }));
    for (let i = 1; i < ranked.length; i += 1) {
      if (ranked[i]!.score === ranked[i - 1]!.score) ranked[i]!.rank = ranked[i - 1]!.rank;
    }
    return { horizon, skills: ranked };
  });
  return {
    type: "SKILL_GRID",
    n: answers.length,
    horizons: [...horizons],
    skills: [...skills],
    cells,
    rankings,
  };
}

// --- a whole pulse ----------------------------------------------------------------------------------

export type ResponseRecord = {
  stakeholderType: StakeholderType | null;
  /** Answers by question key; a skipped question is absent. */
  answers: Readonly<Record<string, unknown>>;
};
export type PulseSummary = { respondents: number; questions: QuestionSummary[] };

export function summarizePulse(input: {
  questions: readonly QuestionDefinition[];
  responses: readonly ResponseRecord[];
  anonymous: boolean;
  skills?: readonly string[];
}): PulseSummary {
  const { responses, anonymous, skills } = input;
  const questions = input.questions.map((q) => {
    const answers = responses.flatMap((r) =>
      Object.hasOwn(r.answers, q.key)
        ? [{ value: r.answers[q.key], stakeholderType: r.stakeholderType }]
        : [],
    );
    return summarizeQuestion(q, answers, { anonymous, skills });
  });
  return { respondents: responses.length, questions };
}

// --- change since the previous cycle ----------------------------------------------------------------

/** Shares and their changes are fractions: +0.1 is ten percentage points. */
export type Change = { previous: number | null; current: number | null; change: number | null };
export type Unavailable = {
  key: string;
  comparable: false;
  reason: "TYPE_CHANGED" | "HIDDEN" | "NO_ANSWERS";
};
type Compared<T extends QuestionType, Body> = {
  key: string;
  type: T;
  comparable: true;
  n: { previous: number; current: number };
} & Body;
export type SkillChange = {
  skill: string;
  score: Change;
  /** Positive = moved up the ranking. Null when ranked in only one of the cycles. */
  rank: { previous: number | null; current: number | null; change: number | null };
};
export type CycleComparison =
  | Unavailable
  | Compared<"LIKERT", { mean: Change; shares: (Change & { id: LikertValue })[] }>
  | Compared<"SINGLE_CHOICE" | "MULTIPLE_CHOICE", { shares: (Change & { id: string })[] }>
  | Compared<"NUMBER", { mean: Change; median: Change; sum: Change }>
  | Compared<"FREE_TEXT", Record<never, never>>
  | Compared<"SKILL_GRID", { horizons: { horizon: Horizon; skills: SkillChange[] }[] }>;

const change = (previous: number | null | undefined, current: number | null | undefined): Change => ({
  previous: previous ?? null,
  current: current ?? null,
  change: previous == null || current == null ? null : current - previous,
});

/** The same question (same key) in two cycles: change in mean, shares and demand scores. */
export function compareCycles(previous: QuestionSummary, current: QuestionSummary): CycleComparison {
  if (previous.key !== current.key)
    throw new RangeError(`Comparing different questions: ${previous.key} and ${current.key}`);
  const key = current.key;
  if (previous.type !== current.type) return { key, comparable: false, reason: "TYPE_CHANGED" };
  if (previous.overall.hidden || current.overall.hidden) return { key, comparable: false, reason: "HIDDEN" };
  const before = previous.overall.stats;
  const now = current.overall.stats;
  if (before.n === 0 || now.n === 0) return { key, comparable: false, reason: "NO_ANSWERS" };
  const base = { key, comparable: true as const, n: { previous: before.n, current: now.n } };

  switch (now.type) {
    case "LIKERT": {
      const was = before as LikertStats;
      const shares = now.distribution.map((d, i) => ({
        id: d.id,
        ...change(was.distribution[i]!.share, d.share),
      }));
      return { ...base, type: "LIKERT", mean: change(was.mean, now.mean), shares };
    }
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE": {
      const was = before as SingleChoiceStats | MultipleChoiceStats;
      const ids = [...new Set([...now.options.map((o) => o.id), ...was.options.map((o) => o.id)])];
      const shareOf = (options: Count<string>[], id: string) => options.find((o) => o.id === id)?.share;
      const shares = ids.map((id) => ({ id, ...change(shareOf(was.options, id), shareOf(now.options, id)) }));
      return { ...base, type: now.type, shares };
    }
    case "NUMBER": {
      const was = before as NumberStats;
      return {
        ...base,
        type: "NUMBER",
        mean: change(was.mean, now.mean),
        median: change(was.median, now.median),
        sum: change(was.sum, now.sum),
      };
    }
    case "FREE_TEXT":
      return { ...base, type: "FREE_TEXT" };
    case "SKILL_GRID":
      return { ...base, type: "SKILL_GRID", horizons: compareGrids(before as SkillGridStats, now) };
  }
}

function compareGrids(before: SkillGridStats, now: SkillGridStats) {
  const horizons = now.horizons.filter((h) => before.horizons.includes(h));
  return horizons.map((horizon) => {
    const score = (stats: SkillGridStats, skill: string) => {
      const cell = stats.cells.find((c) => c.skill === skill && c.horizon === horizon);
      return cell && !cell.hidden ? cell.score : null;
    };
    const rank = (stats: SkillGridStats, skill: string) =>
      stats.rankings.find((r) => r.horizon === horizon)?.skills.find((s) => s.skill === skill)?.rank ?? null;
    const rankedNow = now.rankings.find((r) => r.horizon === horizon)?.skills.map((s) => s.skill) ?? [];
    const skills = [...new Set([...rankedNow, ...now.skills, ...before.skills])];
    return {
      horizon,
      skills: skills.map((skill): SkillChange => {
        const [was, is] = [rank(before, skill), rank(now, skill)];
        return {
          skill,
          score: change(score(before, skill), score(now, skill)),
          rank: { previous: was, current: is, change: was === null || is === null ? null : was - is },
        };
      }),
    };
  });
}

// --- response rate ----------------------------------------------------------------------------------

export const PARTICIPATION_STATUSES = ["INVITED", "STARTED", "COMPLETED"] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];
export type ParticipationRecord = { status: ParticipationStatus; stakeholderType: StakeholderType | null };
/** Everyone with a participation row was invited; `started` = begun but not finished. */
export type RateRow = { invited: number; started: number; completed: number; rate: number | null };
/** A group too small to show (anonymous pulses): no numbers at all. */
export type HiddenRate = { hidden: true; reason: HideReason };
export type GroupRate = RateRow | HiddenRate;
export type ResponseRate = {
  overall: RateRow;
  byStakeholderType: Record<StakeholderType, GroupRate>;
  /** Members with no stakeholder type in their profile. */
  unspecified: GroupRate;
};

export function isHiddenRate(row: GroupRate): row is HiddenRate {
  return "hidden" in row && row.hidden === true;
}

export function responseRate(
  participations: readonly ParticipationRecord[],
  options: { anonymous: boolean },
): ResponseRate {
  const row = (rows: readonly ParticipationRecord[]): RateRow => {
    const completed = rows.filter((p) => p.status === "COMPLETED").length;
    return {
      invited: rows.length,
      started: rows.filter((p) => p.status === "STARTED").length,
      completed,
      rate: share(completed, rows.length),
    };
  };
  const rate: ResponseRate = {
    overall: row(participations),
    byStakeholderType: Object.fromEntries(
      STAKEHOLDER_TYPES.map((t) => [t, row(participations.filter((p) => p.stakeholderType === t))]),
    ) as Record<StakeholderType, RateRow>,
    unspecified: row(participations.filter((p) => p.stakeholderType === null)),
  };
  return options.anonymous ? hideSmallRateGroups(rate) : rate;
}

/**
 * The anonymous-pulse rule above, on a computed rate (also one stored before the rule existed).
 * Groups nobody was invited from stay as they are: an empty group gives nobody away.
 */
export function hideSmallRateGroups(rate: ResponseRate): ResponseRate {
  const groups = [...STAKEHOLDER_TYPES.map((t) => rate.byStakeholderType[t]), rate.unspecified];
  if (groups.some(isHiddenRate)) return rate;
  const rows = rate as { byStakeholderType: Record<StakeholderType, RateRow>; unspecified: RateRow };
  const sizes = Object.fromEntries([
    ...STAKEHOLDER_TYPES.map((t) => [t, rows.byStakeholderType[t].invited]),
    ["unspecified", rows.unspecified.invited],
  ]) as Record<StakeholderType | "unspecified", number>;
  const hiding = hideSmallGroups(sizes, rate.overall.invited);
  const shown = (group: StakeholderType | "unspecified", row: RateRow): GroupRate => {
    const reason = hiding[group];
    return reason && row.invited > 0 ? { hidden: true, reason } : row;
  };
  return {
    overall: rate.overall,
    byStakeholderType: Object.fromEntries(
      STAKEHOLDER_TYPES.map((t) => [t, shown(t, rows.byStakeholderType[t])]),
    ) as Record<StakeholderType, GroupRate>,
    unspecified: shown("unspecified", rows.unspecified),
  };
}
