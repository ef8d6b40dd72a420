-- People are pseudonymous: an alias, never a real name. Nothing about drug use is ever stored.
CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    channel         TEXT NOT NULL,
    channel_user_id TEXT NOT NULL,
    chat_id         TEXT NOT NULL,
    alias           TEXT NOT NULL,
    locale          TEXT NOT NULL,
    role            TEXT NOT NULL DEFAULT 'person',
    onboarded       INTEGER NOT NULL DEFAULT 0,
    consent_at      TEXT,
    discreet        INTEGER NOT NULL DEFAULT 1,
    reachable       INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    last_seen_at    TEXT NOT NULL,
    UNIQUE (channel, channel_user_id)
);
CREATE INDEX people_last_seen ON people (last_seen_at);

-- The open conversation step and the choices last offered; expires after inactivity.
CREATE TABLE sessions (
    person_id       INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    flow            TEXT,
    step            TEXT,
    data            TEXT NOT NULL DEFAULT '{}',
    offered         TEXT NOT NULL DEFAULT '[]',
    last_choice     TEXT,
    last_choice_at  TEXT,
    updated_at      TEXT NOT NULL
);
CREATE INDEX sessions_updated ON sessions (updated_at);

-- Every platform event, once (its id is unique, so a replay is refused), with the replies it caused
-- until they are sent. The replies are written in the same statement as the event and the state it
-- changed, so a crash before sending loses nothing; once sent, replies, chat and person are cleared,
-- and what stays (channel, event id, time) says nothing about who sent it.
CREATE TABLE inbox (
    id          INTEGER PRIMARY KEY,
    channel     TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    received_at TEXT NOT NULL,
    person_id   INTEGER REFERENCES people (id) ON DELETE SET NULL,
    chat_id     TEXT,
    replies     TEXT,
    attempts    INTEGER NOT NULL DEFAULT 0,
    retry_at    TEXT,
    UNIQUE (channel, event_id)
);
CREATE INDEX inbox_received ON inbox (received_at);
CREATE INDEX inbox_unsent ON inbox (retry_at) WHERE replies IS NOT NULL;

-- One-time codes that make a person a counselor or volunteer of a point.
CREATE TABLE invites (
    code        TEXT PRIMARY KEY,
    role        TEXT NOT NULL,
    point_id    TEXT,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT,
    used_by     INTEGER REFERENCES people (id) ON DELETE SET NULL
);
