// The notifications of measures: their kinds and what each carries (merged into the kernel's table).
import type {} from "../../../kernel/app/ports/composer.ts";
import type { MeasureStatus } from "../domain/follow-up-policy.ts";

declare module "../../../kernel/app/ports/composer.ts" {
  interface Notifications {
    "measure.assigned": {
      measureId: string;
      title: string;
      description: string | null;
      dueDate: string;
      clusterName: string;
      assignedBy: string;
    };
    "measure.changed": {
      measureId: string;
      title: string;
      clusterName: string;
      ownerName: string;
      status: MeasureStatus;
      progress: number;
      note: string | null;
      changedBy: string;
    };
    "measure.reminder": {
      kind: "due-soon" | "due-today" | "overdue";
      measureId: string;
      title: string;
      dueDate: string;
      clusterName: string;
    };
    "measure.escalation": {
      measureId: string;
      title: string;
      dueDate: string;
      clusterName: string;
      ownerName: string;
    };
    "cluster.digest": {
      clusterName: string;
      changed: { title: string; status: MeasureStatus; progress: number }[];
      slipping: { title: string; ownerName: string; dueDate: string; status: MeasureStatus }[];
    };
  }
}
