-- Migration 3 (issue 12): independent sources. A story counts its distinct texts (copies of one
-- wire story once) and origins (one agency's stories once); a timeline report says which copy group
-- and which origin its article belongs to.
ALTER TABLE stories ADD COLUMN n_texts INTEGER;
ALTER TABLE stories ADD COLUMN n_origins INTEGER;
ALTER TABLE timeline_sources ADD COLUMN copy_of VARCHAR;
ALTER TABLE timeline_sources ADD COLUMN origin VARCHAR;
