// The notification of bridges: kind and payload (merged into the kernel's table).
import type {} from "../../../kernel/app/ports/composer.ts";

declare module "../../../kernel/app/ports/composer.ts" {
  interface Notifications {
    /** The channel on the other platform no longer belongs to the cluster (`by`: where it was unlinked). */
    "cluster.unlinked": { clusterName: string; by: string };
  }
}
