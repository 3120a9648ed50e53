-- Migration 4 (issue 12): an analyst's timeline corrections (merge, split, hide), kept across
-- rebuilds of the cross-article layer; timeline rows say whether a correction hid them.
CREATE TABLE timeline_corrections (
    position INTEGER NOT NULL, action VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, evidence_start INTEGER, evidence_end INTEGER,
    other_article_id VARCHAR, other_kind VARCHAR, other_start INTEGER, other_end INTEGER,
    created_at TIMESTAMP NOT NULL
);
ALTER TABLE timeline_events ADD COLUMN hidden BOOLEAN DEFAULT false;
