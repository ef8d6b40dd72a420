-- Chats between a person and a counselor of a point, relayed by the bot: neither sees the other's
-- account. Messages are kept until delivered, and at most CHAT_RETENTION_DAYS (30 by default).
CREATE TABLE chats (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    point_id     TEXT NOT NULL,
    counselor_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
    opened_at    TEXT NOT NULL,
    taken_at     TEXT,
    closed_at    TEXT
);
CREATE INDEX chats_open ON chats (point_id) WHERE closed_at IS NULL;

CREATE TABLE chat_messages (
    id          INTEGER PRIMARY KEY,
    chat_id     INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    from_person INTEGER NOT NULL,
    text        TEXT NOT NULL,
    at          TEXT NOT NULL,
    delivered   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX chat_messages_at ON chat_messages (at);
