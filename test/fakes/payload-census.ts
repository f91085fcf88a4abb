// FAKE_PAYLOAD_LOG=<file>: every payload a strict fake validated, one JSON line each (platform,
// surface, refused or not), so a run can say how many payloads the suite checked per platform.
// Off by default: a test run writes nothing.
import { appendFileSync } from "node:fs";

export function countPayload(platform: "slack" | "teams", surface: string, refused: boolean): void {
  const file = process.env.FAKE_PAYLOAD_LOG;
  if (file) appendFileSync(file, `${JSON.stringify({ platform, surface, refused })}\n`);
}
