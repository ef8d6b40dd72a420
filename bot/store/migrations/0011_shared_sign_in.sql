-- What the staff web view and the invite codes remember between two messages, in the database, so
-- that every process sharing it sees the same: a sign-in link issued by one process signs in on
-- another, a session opened on one is valid on all, and sign-out and expiry hold everywhere.
-- A token is never stored, only the hex SHA-256 digest of it: what these rows hold signs no one in.
-- Every row carries the moment it stops counting (expires_at); expired rows are deleted as links are
-- issued and sessions opened, and by the housekeeping purge.

-- One-time sign-in links sent by /web; a person has at most one.
CREATE TABLE web_links (
    digest     TEXT PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL
);
CREATE INDEX web_links_person ON web_links (person_id);

-- Sessions of the web view: the cookie carries the token, this table its digest.
CREATE TABLE web_sessions (
    digest     TEXT PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    point_id   TEXT,                          -- NULL: a province head, who sees every point
    head       INTEGER NOT NULL DEFAULT 0,
    locale     TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX web_sessions_person ON web_sessions (person_id);

-- Wrong invite and link codes, one row each, for as long as they count against the chat. The chat is
-- the digest of "channel:chat_id", not its id: nothing here says who tried.
CREATE TABLE code_failures (
    id         INTEGER PRIMARY KEY,
    chat       TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX code_failures_chat ON code_failures (chat, expires_at);
