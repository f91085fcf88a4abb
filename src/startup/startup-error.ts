// A start-up failure the operator can fix: `main` prints its message (what failed, which variable or
// resource, what to do) on stderr and exits non-zero, without a stack trace.
export class StartupError extends Error {
  override name = "StartupError";
}
