-- The housekeeping's "forget whom a finished notice was about" reads only the finished notices that
-- still name someone, by when they finished. On the person index it read every pending notice about
-- someone too (100,000 appointment reminders at a million people: 80 ms of the writer, every 5 minutes,
-- to change nothing).
CREATE INDEX outbox_forget ON outbox (done_at) WHERE about_id IS NOT NULL AND status NOT IN ('pending', 'kept');
