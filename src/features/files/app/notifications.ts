// The notification of files: kind and payload (merged into the kernel's table).
import type {} from "../../../kernel/app/ports/composer.ts";

declare module "../../../kernel/app/ports/composer.ts" {
  interface Notifications {
    /** Download links to files (exports) the person asked for, sent to their personal chat. */
    "files.ready": {
      /** `url`: the link, or the slot the outbox worker fills with a freshly minted link as it sends. */
      files: { title: string; filename: string; url: string }[];
      comment: string;
      validHours: number;
    };
  }
}
