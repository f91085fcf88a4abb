// The channel posts and redraws of one interaction, carried to the other channels of a bridged
// cluster (src/features/bridge/app/mirror-to-bridged-channels.ts). The platform still delivers the outputs locally.

import type { AppContext } from "../../../kernel/app/context.ts";
import type { Envelope } from "../../../kernel/surface/intent.ts";
import type { Output } from "../../../kernel/surface/view.ts";
import { mirrorChannelPost } from "../app/mirror-to-bridged-channels.ts";

/** Throws on an unexpected failure; the caller decides that the local answer goes out regardless. */
export async function mirrorOutputs(app: AppContext, envelope: Envelope, outputs: Output[]): Promise<void> {
  const { conversation } = envelope;
  for (const output of outputs) {
    // Redraws (`refresh`) need nothing here: the dispatcher queues every copy's, on every platform
    // (src/kernel/app/queue-redraw.ts).
    const result =
      output.kind === "channel"
        ? await mirrorChannelPost(app, { conversation, view: output.view, track: output.track })
        : null;
    // Our own outputs are well-formed; a refusal here is a bug, not something a person did.
    if (result && !result.ok) throw new Error(`mirroring refused: ${JSON.stringify(result)}`);
  }
}
