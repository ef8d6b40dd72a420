-- Counts that last: one row per event counted (a point, a local day, what, how many), written in the
-- same transaction as the event. Nothing here names or points at a person, so erasure and the
-- retention purges never change a past period's report. Rows are only ever added (the triggers refuse
-- an UPDATE or a DELETE); a report sums them. point_id '' is an event of no point (a question answered,
-- a first contact), counted for the province.
CREATE TABLE tally (
    id         INTEGER PRIMARY KEY,
    point_id   TEXT NOT NULL DEFAULT '',
    day        TEXT NOT NULL,               -- YYYY-MM-DD in BOT_TIMEZONE
    what       TEXT NOT NULL,               -- e.g. appointment.attended, question.methadone (bot/reports.py)
    n          INTEGER NOT NULL,
    backfilled INTEGER NOT NULL DEFAULT 0   -- 1: counted at upgrade from the rows that still existed then
);
CREATE INDEX tally_day ON tally (day, point_id);

CREATE TRIGGER tally_no_update BEFORE UPDATE ON tally BEGIN SELECT RAISE(ABORT, 'tally rows are never changed'); END;
CREATE TRIGGER tally_no_delete BEFORE DELETE ON tally BEGIN SELECT RAISE(ABORT, 'tally rows are never deleted'); END;

-- Back-fill: what today's rows still hold (erasure and the purges have already removed some of the past,
-- which no one can count again). Days are taken at UTC+7, Vietnam's offset, which has no summer time.
-- Appointments are counted on the day they were booked for; only their current status is known.
INSERT INTO tally (point_id, day, what, n, backfilled)
    SELECT point_id, date(starts_at, '+7 hours'), 'appointment.requested', COUNT(*), 1
    FROM appointments GROUP BY 1, 2;
INSERT INTO tally (point_id, day, what, n, backfilled)
    SELECT point_id, date(starts_at, '+7 hours'), 'appointment.' || status, COUNT(*), 1
    FROM appointments WHERE status IN ('confirmed', 'attended', 'no_show', 'cancelled', 'declined') GROUP BY 1, 2, 3;
INSERT INTO tally (point_id, day, what, n, backfilled)
    SELECT point_id, date(starts_at, '+7 hours'),
           'satisfaction.' || CASE rating WHEN 3 THEN 'helped' WHEN 2 THEN 'so_so' ELSE 'not_helped' END, COUNT(*), 1
    FROM appointments WHERE rating IN (1, 2, 3) GROUP BY 1, 2, 3;
INSERT INTO tally (point_id, day, what, n, backfilled)
    SELECT point_id, date(opened_at, '+7 hours'), 'chat.opened', COUNT(*), 1 FROM chats GROUP BY 1, 2;
INSERT INTO tally (point_id, day, what, n, backfilled)
    SELECT point_id, date(taken_at, '+7 hours'), 'chat.taken', COUNT(*), 1 FROM chats WHERE taken_at IS NOT NULL
    GROUP BY 1, 2;
INSERT INTO tally (point_id, day, what, n, backfilled)
    SELECT point_id, date(taken_at, '+7 hours'), 'chat.first_reply_seconds',
           CAST(ROUND(SUM((julianday(taken_at) - julianday(opened_at)) * 86400)) AS INTEGER), 1
    FROM chats WHERE taken_at IS NOT NULL GROUP BY 1, 2;
INSERT INTO tally (point_id, day, what, n, backfilled)
    SELECT point_id, date(closed_at, '+7 hours'), 'chat.closed', COUNT(*), 1 FROM chats WHERE closed_at IS NOT NULL
    GROUP BY 1, 2;
INSERT INTO tally (point_id, day, what, n, backfilled)
    SELECT COALESCE(g.point_id, ''), date(m.starts_at, '+7 hours'), 'group.meeting_cancelled', COUNT(*), 1
    FROM group_meetings m JOIN groups g ON g.id = m.group_id WHERE m.cancelled = 1 GROUP BY 1, 2;
INSERT INTO tally (point_id, day, what, n, backfilled)
    SELECT COALESCE(g.point_id, ''), date(m.starts_at, '+7 hours'), 'group.meeting_held', COUNT(*), 1
    FROM group_meetings m JOIN groups g ON g.id = m.group_id
    WHERE m.cancelled = 0 AND EXISTS (SELECT 1 FROM group_attendance a WHERE a.group_id = m.group_id
                                      AND a.starts_at = m.starts_at AND a.attended = 1)
    GROUP BY 1, 2;
INSERT INTO tally (point_id, day, what, n, backfilled)
    SELECT COALESCE(g.point_id, ''), date(a.starts_at, '+7 hours'), 'group.rsvp_' || a.rsvp, COUNT(*), 1
    FROM group_attendance a JOIN groups g ON g.id = a.group_id WHERE a.rsvp IN ('yes', 'no') GROUP BY 1, 2, 3;
INSERT INTO tally (point_id, day, what, n, backfilled)
    SELECT COALESCE(g.point_id, ''), date(a.starts_at, '+7 hours'), 'group.attended', COUNT(*), 1
    FROM group_attendance a JOIN groups g ON g.id = a.group_id WHERE a.attended = 1 GROUP BY 1, 2;
INSERT INTO tally (point_id, day, what, n, backfilled)
    SELECT COALESCE(s.point_id, ''), date(l.agreed_at, '+7 hours'), 'volunteer.linked', COUNT(*), 1
    FROM links l LEFT JOIN staff s ON s.person_id = l.volunteer_id WHERE l.agreed_at IS NOT NULL GROUP BY 1, 2;
