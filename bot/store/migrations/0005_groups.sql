-- Self-help groups of a counseling point (seed 004: monthly meetings), led by a facilitator (a
-- counselor). Members opt in; RSVPs and attendance are kept per meeting, as yes/no, for the point's
-- count of participation (seed 004 asks points to report it).
CREATE TABLE groups (
    id             INTEGER PRIMARY KEY,
    point_id       TEXT,
    name           TEXT NOT NULL,
    rule           TEXT NOT NULL,
    place          TEXT NOT NULL,
    facilitator_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL
);

CREATE TABLE group_members (
    group_id  INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    joined_at TEXT NOT NULL,
    PRIMARY KEY (group_id, person_id)
);
CREATE INDEX group_members_person ON group_members (person_id);

CREATE TABLE group_meetings (
    group_id   INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    starts_at  TEXT NOT NULL,
    cancelled  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (group_id, starts_at)
);

CREATE TABLE group_attendance (
    group_id  INTEGER NOT NULL,
    starts_at TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    rsvp      TEXT,
    attended  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (group_id, starts_at, person_id),
    FOREIGN KEY (group_id, starts_at) REFERENCES group_meetings (group_id, starts_at) ON DELETE CASCADE
);
