-- Migration 5 (issue 12): an event told inside a source's words keeps who reported it, so the
-- timeline can tell the outlet's own account from what a source claims.
ALTER TABLE events ADD COLUMN reported_by_text VARCHAR;
ALTER TABLE events ADD COLUMN reported_by_canonical VARCHAR;
