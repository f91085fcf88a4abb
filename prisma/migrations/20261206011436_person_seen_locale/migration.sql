-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "seenLocale" TEXT;

-- Data: until now a platform locale seen on first contact was stored in "locale" as if chosen. Only
-- a person who ran `language` (an audit entry says so) chose theirs; everyone else's moves to
-- "seenLocale", so a later activity in another language is answered in that language.
UPDATE "Person" AS p
SET "seenLocale" = p."locale", "locale" = NULL
WHERE p."locale" IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM "AuditEntry" AS a
    WHERE a."action" = 'member.language' AND a."subjectId" = p."id"
  );
