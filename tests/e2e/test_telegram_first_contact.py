"""First contact on Telegram, by buttons and by typing alone, through the real PTB Application."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import TelegramHarness, buttons, labels

USER = 5001


async def test_first_contact_by_buttons_reaches_the_main_menu(telegram: TelegramHarness) -> None:
    greeting, language = await telegram.say(USER, "/start")
    assert "không phải công an" in greeting["text"] and "115" in greeting["text"]
    assert buttons(language) == ["lang:vi", "lang:en"]

    (who,) = await telegram.press(USER, "lang:vi")
    assert buttons(who) == ["who:self", "who:family", "who:staff"]

    (consent,) = await telegram.press(USER, "who:family")
    assert "/privacy" in consent["text"] and buttons(consent) == ["consent:yes", "consent:no"]

    thanks, menu = await telegram.press(USER, "consent:yes")
    assert "rút lại đồng ý" in thanks["text"]
    assert buttons(menu) == ["m:faq", "m:sites", "m:book", "m:remind", "m:talk", "m:privacy"]

    assert telegram.bot is not None
    async with telegram.bot.store.unit_of_work() as uow:
        person = await uow.people.get("telegram", str(USER))
    assert person is not None and person.onboarded and person.consented and person.role == "family"


async def test_first_contact_by_typing_alone(telegram: TelegramHarness) -> None:
    greeting, language = await telegram.say(USER, "xin chao")
    assert "trợ lý" in greeting["text"] and "lang:vi" in buttons(language)
    (who,) = await telegram.say(USER, "1")
    assert "who:self" in buttons(who)
    (consent,) = await telegram.say(USER, "toi la nguoi nha")
    assert "consent:yes" in buttons(consent)
    _thanks, menu = await telegram.say(USER, "dong y")
    assert "m:faq" in buttons(menu)


async def test_english_is_chosen_and_used(telegram: TelegramHarness) -> None:
    await telegram.say(USER, "/start", language="en")
    (who,) = await telegram.press(USER, "lang:en")
    assert who["text"] == "Who are you asking for?"
    assert labels(who)[0] == "For myself"


async def test_a_first_question_is_answered_before_the_greeting(telegram: TelegramHarness) -> None:
    answer, greeting, language = await telegram.say(USER, "methadone la gi")
    assert "thuốc thay thế" in answer["text"]
    assert "trợ lý" in greeting["text"] and buttons(language) == ["lang:vi", "lang:en"]


async def test_a_crisis_message_first_gets_the_crisis_reply_then_the_greeting(telegram: TelegramHarness) -> None:
    crisis, greeting, _language = await telegram.say(USER, "ban toi bi soc thuoc, bat tinh roi")
    assert crisis["text"].startswith("🚨 Gọi 115")
    assert "trợ lý" in greeting["text"]


async def test_crisis_interrupts_an_open_flow(telegram: TelegramHarness) -> None:
    await telegram.say(USER, "/start")
    await telegram.press(USER, "lang:vi")
    (crisis,) = await telegram.say(USER, "tôi không muốn sống nữa")
    assert "115" in crisis["text"] and not buttons(crisis)
    # The flow is still there after the crisis reply.
    (consent,) = await telegram.press(USER, "who:self")
    assert "consent:yes" in buttons(consent)


async def test_commands_are_registered_in_vietnamese_and_english(telegram: TelegramHarness) -> None:
    registered = {call.get("language_code"): call["commands"] for call in telegram.fake.calls_to("setMyCommands")}
    assert {"vi", "en", None} <= set(registered)
    assert [c["command"] for c in registered["vi"]][:3] == ["start", "menu", "trogiup"]
    assert [c["command"] for c in registered["en"]][-2:] == ["delete", "language"]
    assert registered["en"][0]["description"] == "Start"


async def _invite_counselor(telegram: TelegramHarness, code: str) -> None:
    assert telegram.bot is not None
    async with telegram.bot.store.unit_of_work() as uow:
        now = telegram.clock.now()
        await uow.invites.add(code, "counselor", "point-1", now, now + timedelta(days=7))
        await uow.commit()


async def test_a_deep_link_invite_makes_a_counselor(telegram: TelegramHarness) -> None:
    assert telegram.bot is not None
    await _invite_counselor(telegram, "K7Q2M9")
    await telegram.say(USER, "/start K7Q2M9")
    sent = await telegram.press(USER, "lang:vi")
    # One welcome that names the point, says what to do first and lists the commands; no consent
    # question meant for people seeking help, and so nothing appended to later replies either.
    assert len(sent) == 1
    welcome = sent[0]["text"]
    assert "tư vấn viên của point-1" in welcome and "Việc đầu tiên: đặt giờ làm việc" in welcome
    assert "/lichhen" in welcome and "/truc" in welcome and not buttons(sent[0])
    hours = await telegram.say(USER, "/gio")
    assert len(hours) == 1
    async with telegram.bot.store.unit_of_work() as uow:
        person = await uow.people.get("telegram", str(USER))
    assert person is not None and person.role == "counselor"
    # The code works once.
    other = USER + 1
    await telegram.say(other, "/start K7Q2M9")
    invalid, _ask = await telegram.press(other, "lang:vi")
    assert "không đúng" in invalid["text"]


async def test_staff_get_their_commands_in_their_own_chat_menu(telegram: TelegramHarness) -> None:
    await _invite_counselor(telegram, "M4N8P2")
    await telegram.say(USER, "/start M4N8P2")
    await telegram.press(USER, "lang:vi")
    await telegram.fake.wait_calls("setMyCommands", 4)  # vi, the default, en; then this chat's
    menu = telegram.fake.calls_to("setMyCommands")[-1]
    assert menu["scope"] == {"type": "chat", "chat_id": USER}
    names = [c["command"] for c in menu["commands"]]
    assert names[:2] == ["start", "menu"] and "truc" in names and "lichhen" in names
    assert next(c for c in menu["commands"] if c["command"] == "truc")["description"] == "Bắt đầu / kết thúc ca trực"
    # Someone who is not staff changes nobody's menu; an erased counselor's chat goes back to the public one.
    await telegram.say(USER + 1, "/start")
    assert len(telegram.fake.calls_to("setMyCommands")) == 4
    await telegram.say(USER, "/xoa")
    await telegram.press(USER, "erase:yes")
    await telegram.fake.wait_calls("deleteMyCommands", 1)
    assert telegram.fake.calls_to("deleteMyCommands")[-1]["scope"] == {"type": "chat", "chat_id": USER}
