"""The router's order is code, and these tests pin it (on the real core and a real SQLite file)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from bot.app import Bot, build
from bot.clock import FakeClock
from bot.messages import Incoming
from bot.services.crisis import CrisisKind
from bot.store.base import UnitOfWork
from bot.store.records import Person
from tests.conftest import make_settings

N = iter(range(10_000, 20_000))


async def say(bot: Bot, text: str | None = None, user: str = "u1", **more: object) -> tuple[str, list[str]]:
    event = str(next(N))
    outcome = await bot.core.handle(Incoming("test", user, user, event, text=text, **more))  # type: ignore[arg-type]
    return outcome.handler, [r.text for r in outcome.replies]


async def onboard(bot: Bot, user: str = "u1") -> None:
    await say(bot, "/start", user)
    for answer in ("1", "1", "1"):
        await say(bot, answer, user)


async def test_crisis_comes_before_an_open_flow_and_before_commands(bot: Bot) -> None:
    await say(bot, "/start")
    handler, _ = await say(bot, "/xoa nó bất tỉnh rồi")
    assert handler == "crisis"


async def test_a_bare_cry_inside_a_step_is_asked_about_before_the_step(bot: Bot) -> None:
    await onboard(bot)
    await say(bot, "/xoa")  # the erase question is open
    handler, texts = await say(bot, "cứu với")
    assert handler == "crisis:check" and "115" in texts[0], (handler, texts)
    handler, _ = await say(bot, "help")  # help asked calmly is no cry
    assert handler != "crisis:check", handler


async def test_an_open_flow_comes_before_the_menu_words(bot: Bot) -> None:
    await onboard(bot)
    await say(bot, "/xoa")
    handler, texts = await say(bot, "2")  # "2" is "Không, giữ lại" here, not the second menu item
    assert handler == "privacy" and "Không xóa" in texts[0]


@pytest.mark.parametrize("typed", ["không", "thôi không xóa đâu", "no", "ko"])
async def test_the_erase_question_is_answered_no_in_words(bot: Bot, typed: str) -> None:
    await onboard(bot)
    await say(bot, "/xoa")
    handler, texts = await say(bot, typed)
    assert handler == "privacy" and ("Không xóa" in texts[0] or "Nothing was erased" in texts[0]), (typed, texts)


async def test_the_erase_question_is_answered_yes_in_words(bot: Bot) -> None:
    await onboard(bot)
    await say(bot, "/xoa")
    handler, texts = await say(bot, "có")
    assert handler == "privacy:erased", (handler, texts)


async def test_a_question_inside_a_flow_is_answered_and_the_flow_asks_again(bot: Bot) -> None:
    await say(bot, "/start")
    handler, texts = await say(bot, "🙂")
    assert texts[-1].startswith("Bạn muốn dùng tiếng nào?")
    await say(bot, "1")
    handler, texts = await say(bot, "methadone là gì")
    assert handler == "faq" and texts[0].startswith("Methadone là")
    assert texts[-1] == "Bạn hỏi cho ai?"


async def test_a_short_question_that_names_the_writer_is_answered_not_taken_for_who_is_asking(bot: Bot) -> None:
    await say(bot, "/start")
    await say(bot, "1")
    handler, texts = await say(bot, "toi muon hoi methadone la gi")
    assert handler == "faq", (handler, texts)
    assert texts[-1] == "Bạn hỏi cho ai?", texts  # the step is asked again, not answered by the question


@pytest.mark.parametrize(("text", "first", "taken"), [
    ("methadone là gì", "Methadone là", "Mình sẽ nói chuyện với bạn bằng tiếng Việt"),
    ("what is methadone", "Methadone is", "I will write to you in English"),
    ("cam on nhe", "Không có gì", "Mình sẽ nói chuyện với bạn bằng tiếng Việt"),
    ("what's the gold price today", "That is outside what I can help with", "I will write to you in English"),
])
async def test_words_in_one_language_answer_the_language_question_already_asked(
        bot: Bot, text: str, first: str, taken: str) -> None:
    """Asked once and not answered, the language question is answered by the language the person writes
    in: the message gets its own reply, and first contact goes on to the next question."""
    await say(bot, "/start")
    _handler, texts = await say(bot, text)
    assert texts[0].startswith(first), texts
    assert texts[-1].startswith(taken) and ("Bạn hỏi cho ai?" in texts[-1] or "Who are you asking for?" in texts[-1])
    _handler, texts = await say(bot, "1")  # the first answer of the next question: for myself
    assert "đồng ý" in texts[-1].lower() or "agree" in texts[-1].lower(), texts


async def test_a_feature_with_steps_asked_for_during_first_contact_comes_back_to_first_contact(bot: Bot) -> None:
    """A feature asked for in words opens at once; when its steps end, first contact goes on where it was
    (not from the greeting), and a consent given to the feature is not asked again."""
    await say(bot, "/start")
    await say(bot, "what is methadone")  # the language, taken from the message
    handler, texts = await say(bot, "remind me every day at 6:30am")
    assert handler == "privacy:consent" and "agree" in texts[-1].lower(), (handler, texts)
    handler, texts = await say(bot, "I agree")
    assert any("06:30" in t for t in texts), texts
    assert texts[-1] == "Who are you asking for?", texts  # first contact again, and no menu before it
    assert not any(t.startswith("What do you need?") for t in texts), texts
    handler, texts = await say(bot, "thanks")
    # Asked again beside an answer a second time, softly (the same choices).
    assert texts[-1].startswith("Whenever you like, tell me who you are asking for") \
        and not texts[0].startswith("Hello"), texts
    handler, texts = await say(bot, "for my brother")
    assert texts[0].startswith("Thank you") and texts[-1].startswith("What do you need?"), texts  # no consent again


async def test_a_first_message_that_opens_a_feature_gets_the_greeting_first(bot: Bot) -> None:
    """Who the bot is comes before anything else a new person reads; first contact waits for the feature."""
    handler, texts = await say(bot, "nhắc tôi 7h sáng mỗi ngày")
    assert texts[0].startswith("Chào bạn") and "không phải công an" in texts[0], texts
    assert handler == "privacy:consent" and "đồng ý" in texts[-1].lower(), (handler, texts)
    _handler, texts = await say(bot, "1")
    assert any("07:00" in t for t in texts) and texts[-1].startswith("Bạn muốn dùng tiếng nào?"), texts
    assert not any(t.startswith("Chào bạn") for t in texts), texts  # greeted once


@pytest.mark.parametrize(("typed", "role"), [("for my brother", "family"), ("cho con trai tôi", "family"),
                                             ("bản thân em", "person"), ("for myself", "person")])
async def test_who_is_asking_is_answered_in_words(bot: Bot, typed: str, role: str) -> None:
    await say(bot, "/start")
    await say(bot, "1")
    _handler, texts = await say(bot, typed)
    assert "đồng ý" in texts[-1].lower() or "agree" in texts[-1].lower(), (typed, texts)
    rows = await bot.store.table_rows()
    assert [p["role"] for p in rows["people"]] == [role]


async def test_an_ok_or_an_emoji_at_the_language_step_gets_the_question_again(bot: Bot) -> None:
    await say(bot, "/start")
    for text in ("ok", "🙂", "xin chào"):
        _handler, texts = await say(bot, text)
        assert texts[-1].startswith("Bạn muốn dùng tiếng nào?") or texts[-1].startswith("Mình sẽ nói"), (text, texts)
        assert len(texts) == 1, (text, texts)


async def test_a_typed_menu_item_is_a_choice(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "quyen rieng tu")
    assert handler == "privacy" and "Bí danh của bạn" in texts[0]


async def test_consent_is_asked_before_a_feature_that_keeps_data(bot: Bot) -> None:
    await say(bot, "/start")
    for answer in ("1", "1", "2"):  # Vietnamese, myself, "just questions"
        await say(bot, answer)
    handler, texts = await say(bot, "5")  # talk to a counselor
    assert handler == "privacy:consent" and "Bạn đồng ý chứ?" in texts[0]
    handler, texts = await say(bot, "dong y")
    assert handler == "talk:no_points"  # consent given, then the feature itself (no counselors here)
    async with bot.store.unit_of_work() as uow:
        person = await uow.people.get("test", "u1")
    assert person is not None and person.consented


async def test_a_feature_asked_for_in_words_opens_it_consent_first(bot: Bot) -> None:
    await say(bot, "/start")
    for answer in ("1", "1", "2"):  # Vietnamese, myself, "just questions"
        await say(bot, answer)
    handler, texts = await say(bot, "tôi muốn đặt lịch hẹn tư vấn")
    assert handler == "privacy:consent" and "Bạn đồng ý chứ?" in texts[-1]


async def test_text_outside_what_the_bot_covers_says_so_and_shows_the_menu(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "asdkjh qwe")
    assert handler == "understand:off_topic" and len(texts) == 2


async def test_text_on_topic_but_not_understood_gets_the_fallback_and_the_menu(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "methadone qwe asdkjh")
    assert handler == "fallback" and len(texts) == 2


async def test_a_location_when_none_was_asked_for(bot: Bot) -> None:
    from bot.messages import Location

    await onboard(bot)
    handler, texts = await say(bot, None, location=Location(21.03, 105.85))
    # The shipped list has no coordinates: the finder says so and asks for a typed place.
    assert handler == "sites:none" and "tọa độ" in texts[0]


async def test_language_can_be_changed_later(bot: Bot) -> None:
    await onboard(bot)
    await say(bot, "/language")
    handler, texts = await say(bot, "english")
    assert handler == "start" and texts[0] == "Switched to English."


async def test_a_question_in_english_is_answered_in_english(bot: Bot) -> None:
    await onboard(bot)  # Vietnamese chosen
    handler, texts = await say(bot, "what is methadone")
    assert handler == "faq" and texts[0].startswith("Methadone is a medicine")
    handler, texts = await say(bot, "methadone là gì")
    assert texts[0].startswith("Methadone là thuốc")


async def test_crisis_listeners_run_in_the_turn_and_not_again_for_a_replay(tmp_path: Path, clock: FakeClock) -> None:
    """The hook the counselor-on-duty alert (#4) plugs into: called inside the turn's transaction, so a
    replayed message, which rolls the turn back, does not alert twice."""

    heard: list[CrisisKind] = []

    async def listener(uow: UnitOfWork, person: Person, kind: CrisisKind, at: datetime) -> None:
        heard.append(kind)
        await uow.usage.add_sent("crisis-alerts", "test", 1)  # stands in for the alert row

    bot = await build(make_settings(tmp_path), clock=clock, store_path=tmp_path / "l.sqlite3", deliver=False,
                      crisis_listeners=(listener,))
    try:
        message = Incoming("test", "u9", "u9", "crisis-1", text="ban toi bat tinh roi")
        await bot.core.handle(message)
        await bot.core.handle(message)  # the platform delivers it again
        assert heard[0] is CrisisKind.OVERDOSE
        rows = await bot.store.table_rows()
        assert [r["sent"] for r in rows["usage"] if r["channel"] == "crisis-alerts"] == [1]
    finally:
        await bot.store.close()


async def test_main_menu_items_are_understood_by_their_words_after_other_choices(bot: Bot) -> None:
    await onboard(bot)
    await say(bot, "tim co so")
    await say(bot, "5")
    await say(bot, "Hà Nội")  # results, then the finder's own "search again / menu" choices
    handler, texts = await say(bot, "quyen rieng tu")  # not among the last choices, but a menu item
    assert handler == "privacy" and "Bí danh của bạn" in texts[0]
    handler, _ = await say(bot, "3")  # a number still means the last list shown, not the menu
    assert handler != "menu:book"


async def test_a_feature_asked_for_in_words_during_first_contact_lets_it_go_on_where_it_was(bot: Bot) -> None:
    await say(bot, "/start")
    await say(bot, "1")  # Tiếng Việt
    await say(bot, "1")  # for myself: the consent question is next
    handler, texts = await say(bot, "dừng nhắc nhở")
    assert handler == "reminders:none" and texts[0].startswith("Bạn chưa đặt lời nhắc nào")  # none kept yet
    assert "đồng ý" in texts[-1] and not any(t.startswith("Chào bạn") for t in texts), texts
    handler, texts = await say(bot, "1")
    assert handler == "start" and texts[0].startswith("Cảm ơn bạn"), texts


async def test_the_who_question_is_asked_softly_once_asked_again_beside_an_answer_and_still_answers(bot: Bot) -> None:
    """Someone asking question after question during first contact is not asked "who for?" the same way after every
    answer: plainly once more, then softly, with the same choices, which still answer it."""
    await say(bot, "/start")
    await say(bot, "1")
    _handler, texts = await say(bot, "methadone là gì")
    assert texts[-1] == "Bạn hỏi cho ai?", texts
    for question in ("uống methadone có được lái xe không", "methadone có miễn phí không"):
        _handler, texts = await say(bot, question)
        assert texts[-1].startswith("Khi nào tiện thì cho mình biết bạn hỏi cho ai"), texts
    _handler, texts = await say(bot, "1")
    assert "đồng ý" in texts[-1].lower(), texts
