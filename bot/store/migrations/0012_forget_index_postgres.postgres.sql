-- "Forget whom a finished notice was about" on PostgreSQL. The planner estimates how many finished
-- notices still name someone from the table's statistics and, with those few, preferred outbox_about
-- (every notice about someone, the pending ones too: 72-150 ms at a million people, every 5 minutes).
-- The statement (PgOutbox.forget_whom) says "COALESCE(about_id, 0) <> 0", which only this index's
-- predicate matches, so it reads the finished ones by when they finished, whatever the estimates.
CREATE INDEX outbox_forget_finished ON outbox (done_at)
    WHERE COALESCE(about_id, 0) <> 0 AND status NOT IN ('pending', 'kept');
