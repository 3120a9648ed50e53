-- Migration 9 (issue 14): incremental stories. What each story's timeline, graph and contradictions
-- were derived from, so a refresh derives again only the stories whose inputs changed; and the ids
-- of stories merged into another, which keep resolving to it.
CREATE TABLE story_derivations (
    story_id VARCHAR NOT NULL, inputs VARCHAR NOT NULL, names VARCHAR[] NOT NULL,
    resolved VARCHAR NOT NULL, n_texts INTEGER, n_origins INTEGER
);
CREATE TABLE story_redirects (
    old_id VARCHAR NOT NULL, story_id VARCHAR NOT NULL, redirected_at TIMESTAMP NOT NULL
);
