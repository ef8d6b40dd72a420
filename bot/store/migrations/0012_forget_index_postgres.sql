-- Nothing on SQLite: its statement for "forget whom a finished notice was about" names outbox_forget
-- (0010) and always reads it. PostgreSQL's planner chose the person index instead; its own index is in
-- 0012_forget_index_postgres.postgres.sql.
SELECT 1;
