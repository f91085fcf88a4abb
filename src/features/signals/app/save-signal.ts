// `/cluster signal` or "Save as signal" on a message: a participant saves a weak signal they noticed,
// with their own first rating. A message is linked (its permalink), never copied without its author.
import { z } from "zod";
import { clusterUseCase } from "../../../kernel/app/use-case.ts";
import { ConversationSchema, PlatformUserSchema } from "../../../kernel/domain/platform-user.ts";
import { fail, ok, type Result } from "../../../kernel/domain/result.ts";
import { claimInteraction } from "../../meetings/index.ts";
import {
  isWebLink,
  PESTEL_CATEGORIES,
  RATING_MAX,
  RATING_MIN,
  SIGNAL_SEEN_MAX,
  SIGNAL_TITLE_MAX,
} from "../domain/signal-rules.ts";
import { loadSignalCard, type SignalCard } from "./load-signal.ts";

export const SIGNAL_TITLE_MIN = 3;

const rating = (code: string) => z.coerce.number(code).int(code).min(RATING_MIN, code).max(RATING_MAX, code);
const webLink = (code: string) => z.string().trim().refine(isWebLink, code);

export const SaveSignalInput = z.object({
  actor: PlatformUserSchema,
  conversation: ConversationSchema,
  title: z.string().trim().min(SIGNAL_TITLE_MIN, "TITLE").max(SIGNAL_TITLE_MAX, "TITLE"),
  description: z.string().trim().min(1, "SEEN").max(SIGNAL_SEEN_MAX, "SEEN"),
  sourceUrl: webLink("URL").nullish(),
  category: z.string().pipe(z.enum(PESTEL_CATEGORIES, "CATEGORY")),
  significance: rating("SIGNIFICANCE"),
  timeliness: rating("TIMELINESS"),
  /** The chat message it was saved from (Slack permalink, Teams deep link). */
  messageLink: webLink("LINK").nullish(),
  /** The form's nonce: submitting the same form twice saves one signal. */
  requestKey: z.string().min(8).max(100).nullish(),
});

export type SavedSignal = { card: SignalCard | null; duplicate: boolean };

export const saveSignal = clusterUseCase(
  { name: "saveSignal", input: SaveSignalInput, capability: "signal.save" },
  async ({ tx, input, person, cluster, audit }): Promise<Result<SavedSignal>> => {
    const { title, description, sourceUrl, category, significance, timeliness, messageLink, requestKey } =
      input;
    if (requestKey && !(await claimInteraction(tx, `signal:${requestKey}`)))
      return ok({ card: null, duplicate: true });
    const signal = await tx.signal.create({
      data: {
        clusterId: cluster.id,
        title,
        description,
        sourceUrl: sourceUrl || null,
        category,
        significance,
        timeliness,
        messageLink: messageLink || null,
        savedById: person.id,
      },
    });
    await audit({
      action: "signal.save",
      subjectType: "signal",
      subjectId: signal.id,
      details: { category, fromMessage: Boolean(messageLink) },
    });
    const card = await loadSignalCard(tx, signal.id);
    if (!card) return fail("SIGNAL_NOT_FOUND");
    return ok({ card, duplicate: false });
  },
);
