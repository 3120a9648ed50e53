-- Migration 10 (issue 13): a claim whose verb of saying is negated ("did not mention that ...") is
-- no statement of its content: it has no act, states no facts and is not on a timeline.
-- Articles stored before it read as not negated until `presslens reanalyze`.
ALTER TABLE claims ADD COLUMN negated BOOLEAN DEFAULT FALSE;
