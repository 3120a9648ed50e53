-- Migration 6 (issue 13): an analyst's verdicts on cross-outlet contradictions (dismissed,
-- confirmed), kept by what the contradiction says so that they survive rebuilds.
CREATE TABLE contradiction_verdicts (
    verdict_key VARCHAR PRIMARY KEY, verdict VARCHAR NOT NULL, contradiction_id VARCHAR,
    created_at TIMESTAMP NOT NULL
);
