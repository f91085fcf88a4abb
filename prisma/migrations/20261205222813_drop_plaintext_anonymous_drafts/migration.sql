-- Data only (the schema snapshot is unchanged). Unsubmitted answers of anonymous pulses were
-- plaintext rows found by their token's hash; the next migration replaces them with sealed PulseDraft
-- rows, which cannot be made from these without the members' tokens. They never counted towards
-- results and nothing will find them again: removed rather than left readable until closing.
DELETE FROM "PulseResponse" WHERE "personId" IS NULL AND "submitted" = false AND "tokenHash" IS NOT NULL;
