-- Migration 7 (issue 16): whose words a persuasion span is in, the outlet's own narration or a
-- source's (and which speaker, which claim), so a query can score the outlet's voice alone.
-- Articles stored before it have NULLs until `presslens reanalyze`.
ALTER TABLE persuasion ADD COLUMN voice VARCHAR;
ALTER TABLE persuasion ADD COLUMN speaker VARCHAR;
ALTER TABLE persuasion ADD COLUMN claim_idx INTEGER;
