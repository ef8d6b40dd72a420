-- A counselor's weekly hours (the grammar of the site list's hours), slot length and days off.
CREATE TABLE availability (
    person_id    INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    weekly       TEXT NOT NULL,
    slot_minutes INTEGER NOT NULL DEFAULT 45,
    days_off     TEXT NOT NULL DEFAULT '[]'
);

-- Counseling appointments. A slot is taken atomically: the partial unique index allows one live
-- appointment per counselor and start time, so of two simultaneous requests one insert fails.
CREATE TABLE appointments (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    counselor_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
    point_id     TEXT NOT NULL,
    starts_at    TEXT NOT NULL,
    minutes      INTEGER NOT NULL,
    kind         TEXT NOT NULL,            -- in_person, phone, chat
    topic        TEXT NOT NULL,
    phone        TEXT,                     -- only for a phone meeting, asked with its purpose
    status       TEXT NOT NULL,            -- requested, proposed, confirmed, declined, cancelled, attended, no_show
    reason       TEXT,
    rating       INTEGER,                  -- the person's answer after an attended appointment: 1 to 3
    created_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX appointments_slot ON appointments (counselor_id, starts_at)
    WHERE status IN ('requested', 'proposed', 'confirmed');
CREATE INDEX appointments_person ON appointments (person_id, starts_at);

-- Each time a counselor is shown a person's details (issue #4): who, whose, what, when.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    viewer_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
    person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
    what      TEXT NOT NULL,
    at        TEXT NOT NULL
);
