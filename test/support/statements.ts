// Counts the SQL statements Prisma sends while a piece of work runs (COMMIT counted; Prisma reports no BEGIN): "a vote in at most 8 statements"
// is a test, not a guess. Open the database with `createTestDatabase({ onQuery: counter.listener })`.

export type StatementCounter = {
  listener: (sql: string) => void;
  /** Runs `work` and returns its result with the statements it sent (in order). */
  during<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }>;
};

export function statementCounter(): StatementCounter {
  let recording: string[] | null = null;
  return {
    listener(sql) {
      recording?.push(sql);
    },
    async during(work) {
      if (recording) throw new Error("statementCounter: already recording");
      const statements: string[] = [];
      recording = statements;
      try {
        return { result: await work(), statements };
      } finally {
        recording = null;
      }
    },
  };
}
