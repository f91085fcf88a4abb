// Prisma CLI configuration. Our machines cannot download Prisma's native schema engine, and
// `prisma generate` never runs it, so point the CLI at a harmless executable for `generate` only.
// Migrations are applied by our own runner (src/db/migrate.ts), never by the engine.
import { defineConfig } from "prisma/config";

if (process.argv.includes("generate") && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = process.platform === "win32" ? process.execPath : "/bin/true";
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
