-- Reminders are rows with their next time indexed: a scheduler tick claims the due ones and writes an
-- outbox row per occurrence in the same transaction. Rules are kept in the person's time zone; every
-- stored time is UTC.
CREATE TABLE reminders (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,              -- dose, group, checkin, report, appointment
    rule         TEXT NOT NULL,              -- JSON, read by bot/services/reminders.py
    timezone     TEXT NOT NULL,
    next_at      TEXT,                       -- NULL once stopped
    paused_until TEXT,
    state        TEXT NOT NULL DEFAULT '{}', -- e.g. the missed-days streak
    created_at   TEXT NOT NULL
);
CREATE INDEX reminders_due ON reminders (next_at) WHERE next_at IS NOT NULL;
CREATE INDEX reminders_person ON reminders (person_id);

-- What is to be sent outside a conversation turn (reminders, follow-ups, alerts), one row per
-- occurrence: `key` is the idempotency key, so claiming the same occurrence twice adds nothing.
-- The sender drains it by priority, then due time. A row keeps its text only until it is sent,
-- dropped or cancelled; what stays (key, times, status) says when, not what.
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    person_id  INTEGER REFERENCES people (id) ON DELETE CASCADE,
    -- Whom the message is about, when it goes to someone else (a counselor's notice, a volunteer's
    -- check-in): erasing that person takes their pending messages with them.
    about_id   INTEGER REFERENCES people (id) ON DELETE CASCADE,
    channel    TEXT NOT NULL,
    chat_id    TEXT NOT NULL,
    priority   INTEGER NOT NULL,
    reply      TEXT,
    due_at     TEXT NOT NULL,
    expires_at TEXT,
    attempts   INTEGER NOT NULL DEFAULT 0,
    retry_at   TEXT,
    status     TEXT NOT NULL DEFAULT 'pending', -- pending, sent, dropped, held, cancelled
    note       TEXT,
    done_at    TEXT
);
CREATE INDEX outbox_pending ON outbox (priority, due_at) WHERE status = 'pending';
CREATE INDEX outbox_done ON outbox (done_at) WHERE status != 'pending';
