// What an HTTP request to /api/messages becomes before a turn: the Authorization header, the
// activity with botbuilder's date fields, and an adapter that runs a turn on an authentication we
// did ourselves (so a refused token never reaches botbuilder's error answer).
import type { IncomingMessage } from "node:http";
import {
  type Activity,
  CloudAdapter,
  type ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from "botbuilder";

/**
 * CloudAdapter.process authenticates and answers in one step, echoing botbuilder's error text and
 * answering 500 for tokens jsonwebtoken rejects. We authenticate first (any failure is a plain 401)
 * and run the turn with the result.
 */
export class AuthenticatedAdapter extends CloudAdapter {
  processAuthenticated(
    result: AuthenticateRequestResult,
    activity: Activity,
    logic: (c: TurnContext) => Promise<void>,
  ) {
    return this.processActivity(result, activity, logic);
  }
}

export type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>
>;

export const authorizationOf = (req: IncomingMessage): string => {
  const header = req.headers.authorization;
  return typeof header === "string" ? header : "";
};

/** What CloudAdapter.process does to a parsed body before a turn: ISO strings become dates. */
export function withDates(body: Record<string, unknown>): Activity {
  const activity = { ...body } as Record<string, unknown>;
  for (const [field, raw] of [
    ["timestamp", "rawTimestamp"],
    ["localTimestamp", "rawLocalTimestamp"],
    ["expiration", "rawExpiration"],
  ] as const) {
    const value = activity[field];
    if (typeof value === "string") {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}
