"""The rule every dialog keeps (docs/architecture.md, "A step waits for its answer"): a step that is
waiting for an answer keeps its state until it is answered, cancelled by the person, or expires. An
unrecognised message, a question, an emoji or a stray number gets a reply and the same question again;
it never ends the flow silently. Checked at every step a person can reach by typing, on the real core
and a real SQLite file."""

from __future__ import annotations

import pytest

from bot.language import language_of
from tests.rig import Rig, onboard
from tests.services.test_booking import counselor_with_hours

# Messages that answer no step: an emoji, letters, a question, a number no list has, a long message.
STRAYS = ("🙂", "asdf qwer zxcv", "methadone là gì", "9999", "ừm " * 300)


async def where(rig: Rig, user: str) -> tuple[str | None, str | None]:
    rows = await rig.bot.store.table_rows()
    person_id = next(p["id"] for p in rows["people"] if p["channel_user_id"] == user)
    session = next(s for s in rows["sessions"] if s["person_id"] == person_id)
    return session["flow"], session["step"]


async def _new(rig: Rig, user: str) -> None:
    await rig.say("/start", user)


async def _who(rig: Rig, user: str) -> None:
    await rig.say("/start", user)
    await rig.say("1", user)


async def _consent(rig: Rig, user: str) -> None:
    await _who(rig, user)
    await rig.say("1", user)


async def _erase(rig: Rig, user: str) -> None:
    await onboard(rig, user)
    await rig.say("/xoa", user)


async def _feature_consent(rig: Rig, user: str) -> None:
    await onboard(rig, user, consent="2")  # questions only
    await rig.say("dat lich tu van", user)


async def _site_where(rig: Rig, user: str) -> None:
    await onboard(rig, user)
    await rig.say("tim co so", user)
    await rig.say("1", user)


async def _booking(rig: Rig, user: str, answers: int) -> None:
    await counselor_with_hours(rig)
    await onboard(rig, user)
    await rig.say("dat lich tu van", user)
    for answer in ("1", "1", "5", "1")[:answers]:
        await rig.say(answer, user)


STEPS = {
    ("onboarding", "lang"): _new,
    ("onboarding", "who"): _who,
    ("onboarding", "consent"): _consent,
    ("erase", "confirm"): _erase,
    ("consent", "ask"): _feature_consent,
    ("sites", "where"): _site_where,
    ("book", "point"): lambda rig, user: _booking(rig, user, 0),
    ("book", "kind"): lambda rig, user: _booking(rig, user, 1),
    ("book", "topic"): lambda rig, user: _booking(rig, user, 2),
    ("book", "when"): lambda rig, user: _booking(rig, user, 3),
    ("book", "confirm"): lambda rig, user: _booking(rig, user, 4),
}


@pytest.mark.parametrize("step", list(STEPS), ids=[f"{f}-{s}" for f, s in STEPS])
async def test_an_unrecognised_message_keeps_the_step_and_asks_again(rig: Rig, step: tuple[str, str]) -> None:
    await STEPS[step](rig, "p1")
    assert await where(rig, "p1") == step
    question = rig.last_replies[-1]
    # At the language step, words in one language answer it (tests/core/test_router_order.py).
    strays = [s for s in STRAYS if step != ("onboarding", "lang") or language_of(s) is None]
    for stray in strays:
        texts = await rig.say(stray, "p1")
        assert texts and all(t.strip() for t in texts), stray
        assert await where(rig, "p1") == step, stray
        # The step's question again, with its choices (a step that waits for typed words, such as a
        # place, may say in its own words what to type instead).
        assert rig.last_replies[-1].choices == question.choices, stray


@pytest.mark.parametrize(("step", "typed", "agreed"), [
    (("onboarding", "consent"), "có ạ", True), (("onboarding", "consent"), "ok", True),
    (("onboarding", "consent"), "không", False), (("onboarding", "consent"), "no thanks", False),
    (("consent", "ask"), "có", True), (("consent", "ask"), "thôi khỏi", False), (("consent", "ask"), "yes", True),
])
async def test_a_yes_or_no_typed_answers_a_consent_question(rig: Rig, step: tuple[str, str], typed: str,
                                                            agreed: bool) -> None:
    """"Bạn có đồng ý không?" asks yes or no: typed, the answer is taken as a tap on its button would be."""
    await STEPS[step](rig, "p1")
    await rig.say(typed, "p1")
    rows = await rig.bot.store.table_rows()
    person = next(p for p in rows["people"] if p["channel_user_id"] == "p1")
    assert bool(person["consent_at"]) is agreed, (typed, rig.last_replies)
    assert await where(rig, "p1") != step, typed


@pytest.mark.parametrize(("typed", "role"), [("mẹ em", "family"), ("anh trai", "family"), ("chồng em", "family"),
                                             ("me", "person"), ("for me", "person"), ("em", "person")])
async def test_who_the_person_asks_for_is_taken_from_a_relation_or_the_writer_named(rig: Rig, typed: str,
                                                                                     role: str) -> None:
    """A relation alone ("anh trai") or with its owner ("mẹ em") is a family member; "me" in English is the writer.
    A few words the step takes are its answer, even where the statistical reader alone heard a danger in them."""
    await _who(rig, "p1")
    await rig.say(typed, "p1")
    rows = await rig.bot.store.table_rows()
    person = next(p for p in rows["people"] if p["channel_user_id"] == "p1")
    assert person["role"] == role, (typed, rig.last_replies)
    assert await where(rig, "p1") == ("onboarding", "consent"), typed
