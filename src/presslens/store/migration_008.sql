-- Migration 8 (issue 11): the party a plain statement is about ("the White House said there was no
-- indication that Ukraine was behind it" is about Ukraine), the statement's target on a timeline.
-- Articles stored before it have NULLs until `presslens reanalyze`.
ALTER TABLE claims ADD COLUMN about_text VARCHAR;
ALTER TABLE claims ADD COLUMN about_canonical VARCHAR;
