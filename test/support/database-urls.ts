export const PGLITE_TEMPLATE = ".cache/test-template.tar.gz";
export const POSTGRES_TEMPLATE = "ennakko_test_template";

/** A superuser URL of the PostgreSQL that CI starts (see .ci/run). */
export function postgresAdminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      "TEST_DATABASE=postgres needs TEST_DATABASE_URL, e.g. postgresql://postgres@localhost:55432/postgres",
    );
  return url;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
