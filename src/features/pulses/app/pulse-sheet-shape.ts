// The shape of a pulse's personal answer sheet and of a pulse's state, apart from the code that
// builds them: the composer port names the sheet (the invitation carries it), and the modules that
// build it need the app context, which holds the port. Importing nothing of the app keeps that one way.
import type { QuestionDefinition } from "../domain/question-types.ts";

export type PulseState = "SCHEDULED" | "OPEN" | "CLOSED";

export type PulseSheet = {
  pulseId: string;
  title: string;
  clusterName: string;
  timeZone: string;
  anonymous: boolean;
  closesAt: Date;
  state: PulseState;
  questions: QuestionDefinition[];
  skills: string[];
  /** By question key, as stored (see question-types.ts). */
  answers: Record<string, unknown>;
  /** Anonymous pulses: the token of the member's response once they have answered something. */
  token: string | null;
  submitted: boolean;
};
