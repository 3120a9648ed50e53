-- Migration 2 (issue 11): statements are dated speech acts, and a timeline report says
-- whether it points at an event or at a claim of its article; events and timeline rows carry
-- their confidence.
ALTER TABLE claims ADD COLUMN date VARCHAR;
ALTER TABLE claims ADD COLUMN date_bound VARCHAR;
ALTER TABLE claims ADD COLUMN act VARCHAR;
ALTER TABLE claims ADD COLUMN act_target_text VARCHAR;
ALTER TABLE claims ADD COLUMN act_target_canonical VARCHAR;
ALTER TABLE events ADD COLUMN date_bound VARCHAR;
ALTER TABLE events ADD COLUMN confidence DOUBLE;
ALTER TABLE timeline_events ADD COLUMN confidence DOUBLE;
ALTER TABLE timeline_sources ADD COLUMN confidence DOUBLE;
ALTER TABLE timeline_sources ADD COLUMN kind VARCHAR DEFAULT 'event';
