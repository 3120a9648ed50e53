-- presslens store, schema version 1 (applied by presslens.store.migrations).
-- One row per article (its identity) and per version of its text; the records
-- each analysis produced, keyed by version_id and stamped with the presslens,
-- model and lexicon versions that produced them; and the cross-article layer
-- (actors, stories, timelines, actor graph, contradictions), recomputed from
-- the current versions after every write. Offsets are character offsets into
-- article_versions.text ("start"/"end" are SQL keywords, hence *_start/*_end).

CREATE TABLE articles (
    article_id      VARCHAR PRIMARY KEY,   -- stable across edits: record id, else URL hash, else content hash
    current_version VARCHAR NOT NULL,      -- article_versions.version_id shown by default
    url             VARCHAR,
    outlet          VARCHAR,
    first_ingested  TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);

CREATE TABLE article_versions (
    version_id        VARCHAR PRIMARY KEY, -- article_id || ':' || content_hash
    article_id        VARCHAR NOT NULL,
    document_id       VARCHAR NOT NULL,    -- Document.id as `presslens analyze` printed it
    content_hash      VARCHAR NOT NULL,    -- sha256 over title, text, date, url, outlet, section, author
    is_current        BOOLEAN NOT NULL,
    title             VARCHAR,
    url               VARCHAR,
    outlet            VARCHAR,
    author            VARCHAR,
    source            VARCHAR,
    section           VARCHAR,
    published         DATE,
    published_as_printed VARCHAR,
    language          VARCHAR,
    views             BIGINT,
    reading_time_minutes INTEGER,
    subheadings       VARCHAR[],
    text              VARCHAR NOT NULL,
    ingest_flags      VARCHAR,             -- JSON list of the Article's own flags (to re-analyse it)
    document          VARCHAR NOT NULL,    -- the whole Document as JSON (the output contract)
    n_entities        INTEGER, n_events INTEGER, n_claims INTEGER, n_persuasion INTEGER, n_flags INTEGER,
    presslens_version VARCHAR NOT NULL,
    model_version     VARCHAR NOT NULL,
    lexicon_version   VARCHAR NOT NULL,
    ingested_at       TIMESTAMP NOT NULL,
    analysed_at       TIMESTAMP NOT NULL
);

CREATE TABLE entities (
    version_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    text VARCHAR, label VARCHAR, text_start INTEGER, text_end INTEGER, canonical VARCHAR,
    place_name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT, why VARCHAR,
    presslens_version VARCHAR NOT NULL, model_version VARCHAR NOT NULL, lexicon_version VARCHAR NOT NULL
);

CREATE TABLE timexes (
    version_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    text VARCHAR, text_start INTEGER, text_end INTEGER, type VARCHAR, value VARCHAR,
    anchored BOOLEAN, mod VARCHAR,
    presslens_version VARCHAR NOT NULL, model_version VARCHAR NOT NULL, lexicon_version VARCHAR NOT NULL
);

CREATE TABLE events (
    version_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    type VARCHAR, mode VARCHAR, actor_text VARCHAR, actor_canonical VARCHAR,
    target_text VARCHAR, target_canonical VARCHAR, place_text VARCHAR, place_canonical VARCHAR,
    date VARCHAR, negated BOOLEAN, hedged BOOLEAN, modality VARCHAR, why VARCHAR,
    evidence_text VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
    presslens_version VARCHAR NOT NULL, model_version VARCHAR NOT NULL, lexicon_version VARCHAR NOT NULL
);

CREATE TABLE claims (
    version_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    speaker_text VARCHAR, speaker_canonical VARCHAR, cue_text VARCHAR,
    content_text VARCHAR, content_start INTEGER, content_end INTEGER,
    via_text VARCHAR, via_canonical VARCHAR, hedged BOOLEAN, direct BOOLEAN, why VARCHAR,
    evidence_text VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
    presslens_version VARCHAR NOT NULL, model_version VARCHAR NOT NULL, lexicon_version VARCHAR NOT NULL
);

CREATE TABLE persuasion (
    version_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    text VARCHAR, text_start INTEGER, text_end INTEGER, technique VARCHAR, score DOUBLE,
    presslens_version VARCHAR NOT NULL, model_version VARCHAR NOT NULL, lexicon_version VARCHAR NOT NULL
);

CREATE TABLE flags (
    version_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    kind VARCHAR, why VARCHAR, evidence_text VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
    presslens_version VARCHAR NOT NULL, model_version VARCHAR NOT NULL, lexicon_version VARCHAR NOT NULL
);

-- contradictions inside one article (Document.contradictions)
CREATE TABLE contradictions (
    version_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    topic VARCHAR,
    a_kind VARCHAR, a_index INTEGER, a_text VARCHAR, a_start INTEGER, a_end INTEGER,
    b_kind VARCHAR, b_index INTEGER, b_text VARCHAR, b_start INTEGER, b_end INTEGER,
    presslens_version VARCHAR NOT NULL, model_version VARCHAR NOT NULL, lexicon_version VARCHAR NOT NULL
);

-- the outlet register as of the last write (presslens.store.outlets)
CREATE TABLE outlets (
    domain VARCHAR, name VARCHAR, country VARCHAR, ownership VARCHAR, language VARCHAR, notes VARCHAR
);

-- cross-article layer: recomputed from current versions (presslens.stories)
CREATE TABLE actors (
    actor_key VARCHAR NOT NULL, name VARCHAR NOT NULL, label VARCHAR, variants VARCHAR[],
    n_articles INTEGER, presslens_version VARCHAR NOT NULL
);

CREATE TABLE actor_names (
    name VARCHAR NOT NULL, actor_key VARCHAR NOT NULL
);

CREATE TABLE stories (
    story_id VARCHAR NOT NULL, title VARCHAR, first_published DATE, last_published DATE,
    n_articles INTEGER, n_outlets INTEGER, actors VARCHAR[], terms VARCHAR[],
    presslens_version VARCHAR NOT NULL, computed_at TIMESTAMP NOT NULL
);

CREATE TABLE story_articles (
    story_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, similarity DOUBLE
);

CREATE TABLE timeline_events (
    story_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, position INTEGER NOT NULL,
    date VARCHAR, date_source VARCHAR, type VARCHAR, mode VARCHAR,
    actor VARCHAR, target VARCHAR, place VARCHAR, n_articles INTEGER, n_outlets INTEGER
);

CREATE TABLE timeline_sources (
    story_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL,
    outlet VARCHAR, event_index INTEGER, actor VARCHAR, target VARCHAR, date VARCHAR,
    evidence_text VARCHAR, evidence_start INTEGER, evidence_end INTEGER
);

CREATE TABLE actor_edges (
    story_id VARCHAR NOT NULL, source_key VARCHAR, source_name VARCHAR,
    target_key VARCHAR, target_name VARCHAR, type VARCHAR, count INTEGER,
    hostility DOUBLE, articles VARCHAR[]
);

CREATE TABLE story_contradictions (
    story_id VARCHAR NOT NULL, contradiction_id VARCHAR NOT NULL, topic VARCHAR, attribute VARCHAR,
    kind VARCHAR, presslens_version VARCHAR NOT NULL
);

CREATE TABLE contradiction_sources (
    story_id VARCHAR NOT NULL, contradiction_id VARCHAR NOT NULL, side INTEGER NOT NULL,
    value VARCHAR, article_id VARCHAR NOT NULL, outlet VARCHAR, item_kind VARCHAR, item_index INTEGER,
    speaker VARCHAR, evidence_text VARCHAR, evidence_start INTEGER, evidence_end INTEGER
);
