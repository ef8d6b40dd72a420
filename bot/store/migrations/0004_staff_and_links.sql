-- Staff of a counseling point: counselors and volunteers, from an invite; counselors can be on duty.
CREATE TABLE staff (
    person_id INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    role      TEXT NOT NULL,
    point_id  TEXT,
    on_duty   INTEGER NOT NULL DEFAULT 0,
    since     TEXT NOT NULL
);
CREATE INDEX staff_point ON staff (point_id, role);

-- A volunteer following a person in recovery (seed 001: 1–2 people each). It exists only once the
-- person agreed; until then it holds a one-time code the volunteer gives them. Nothing about the
-- person's treatment is kept here: counts of missed contacts, and whether the person allowed the
-- volunteer to hear that they may need a call.
CREATE TABLE links (
    id              INTEGER PRIMARY KEY,
    volunteer_id    INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    person_id       INTEGER REFERENCES people (id) ON DELETE CASCADE,
    code            TEXT UNIQUE,
    code_expires_at TEXT,
    agreed_at       TEXT,
    share_missed    INTEGER NOT NULL DEFAULT 0,
    no_contact      INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL
);
CREATE INDEX links_person ON links (person_id);
CREATE INDEX links_volunteer ON links (volunteer_id);
