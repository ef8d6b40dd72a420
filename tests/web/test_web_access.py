"""Sign-in links and sessions of the staff web view: once, for minutes; sessions end on time, at
sign-out, and when the staff member is removed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.services.web_access import MAX_PENDING, WebAccess

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def test_a_link_signs_in_once_and_only_for_its_minutes() -> None:
    access = WebAccess(link_minutes=10, session_minutes=120)
    token = access.issue_link(7, NOW)
    assert access.is_valid(token, NOW) and access.is_valid(token, NOW)  # looking does not use it up
    assert access.redeem(token, NOW + timedelta(minutes=9)) == 7
    assert access.redeem(token, NOW + timedelta(minutes=9)) is None  # used
    late = access.issue_link(7, NOW)
    assert access.redeem(late, NOW + timedelta(minutes=10)) is None  # expired
    assert access.redeem("forged", NOW) is None
    first, second = access.issue_link(8, NOW), access.issue_link(8, NOW)
    assert access.redeem(first, NOW) is None and access.redeem(second, NOW) == 8  # the newest link only


def test_sessions_end_on_time_at_sign_out_and_when_staff_are_removed() -> None:
    access = WebAccess(link_minutes=10, session_minutes=120)
    session = access.open_session(7, "p1", False, "vi", NOW)
    assert access.session(session.sid, NOW + timedelta(minutes=119)) == session
    assert access.session(session.sid, NOW + timedelta(minutes=120)) is None
    again = access.open_session(7, "p1", False, "vi", NOW)
    access.close(again.sid)
    assert access.session(again.sid, NOW) is None
    third = access.open_session(7, "p1", False, "vi", NOW)
    pending = access.issue_link(7, NOW)
    access.close_person(7)
    assert access.session(third.sid, NOW) is None and access.redeem(pending, NOW) is None


def test_a_flood_of_links_is_bounded() -> None:
    access = WebAccess()
    tokens = [access.issue_link(n, NOW) for n in range(MAX_PENDING + 50)]
    assert access.redeem(tokens[-1], NOW) == MAX_PENDING + 49
    assert access.redeem(tokens[0], NOW) is None
    assert len(access._links) < MAX_PENDING
