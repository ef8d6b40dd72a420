"""Free text, as people write it, reaches what they mean: features with what the message already says,
small talk, places, the language of each message, questions about dangers (real core, real SQLite)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.app import Bot
from bot.config import PROJECT_ROOT
from bot.messages import Incoming
from bot.normalize import after_a_turn, words
from bot.services.intents import IntentReader
from bot.sites import SiteKind, place_said
from handlers.faq import marked_question
from tests.core.test_router_order import onboard, say

INTENTS = IntentReader.from_file(Path(PROJECT_ROOT) / "content" / "intents.yaml")
DELETE_ANSWER = "Gõ /xoa"  # the start of the reviewed answer of bot-delete-my-data


async def test_a_greeting_thanks_and_goodbye_get_short_warm_replies(bot: Bot) -> None:
    await onboard(bot)
    for text, start in (("xin chào", "Chào bạn"), ("cảm ơn nhé", "Không có gì"), ("bye", "Take care"),
                        ("bạn là ai", "Mình là trợ lý tự động")):
        handler, texts = await say(bot, text)
        assert handler == "smalltalk" and texts[0].startswith(start), (text, texts)


async def test_asking_whether_the_bot_is_the_police_gets_the_reviewed_answer(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "bạn có phải công an không")
    assert handler == "faq" or handler == "smalltalk"
    assert "công an" in texts[0]


async def test_small_talk_with_a_request_is_the_request(bot: Bot) -> None:
    await onboard(bot)
    handler, _texts = await say(bot, "chào bạn, methadone là gì")
    assert handler == "faq"


async def test_off_topic_says_so_and_what_the_bot_does(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "giá vàng hôm nay")
    assert handler == "understand:off_topic" and "nằm ngoài" in texts[0]


async def test_switching_language_by_typing_changes_the_setting(bot: Bot) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, "switch to english please")
    assert texts[0] == "Switched to English."
    _handler, texts = await say(bot, "đổi sang tiếng việt")
    assert texts[0].startswith("Đã chuyển")


async def test_a_message_in_english_is_answered_in_english_without_changing_the_setting(bot: Bot) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, "what is methadone")
    assert texts[0].startswith("Methadone is")
    _handler, texts = await say(bot, "methadone là gì")
    assert texts[0].startswith("Methadone là")


async def test_a_crisis_in_english_gets_the_english_reply(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "my friend OD'd and won't wake up")
    assert handler == "crisis" and texts[0].startswith("🚨 Call 115")


async def test_a_question_about_a_danger_gets_its_answer_and_one_line(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "quá liều methadone là bao nhiêu mg?")
    assert handler == "crisis:about"
    assert "Gọi 115" not in texts[0][:20] and "Nếu chuyện này đang xảy ra" in texts[0]


async def test_a_question_about_a_danger_that_only_shares_a_few_words_with_an_entry_gets_the_dangers_own(
        bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "can you die from methadone")
    signs = next(entry for entry in bot.content.faq if entry.id == "overdose-signs")
    assert handler == "crisis:about" and texts[0].startswith(signs.answer.en[:60]), texts


async def test_a_child_swallowing_methadone_gets_the_poisoning_reply(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "con tôi 3 tuổi uống phải chai methadone của bố nó")
    assert handler == "crisis" and "Methadone ở lại lâu" in texts[0]


async def test_a_child_in_danger_gets_111(bot: Bot) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, "thằng bé nhà bên bị bố nó bỏ đói mấy ngày rồi")
    assert "111" in texts[0]


async def test_a_reminder_with_its_time_is_set_after_consent_without_asking_the_time_again(bot: Bot) -> None:
    await say(bot, "/start")
    for answer in ("1", "1", "2"):  # Vietnamese, for myself, questions only (no consent)
        await say(bot, answer)
    handler, texts = await say(bot, "nhắc tôi 20h mỗi ngày")
    assert handler == "privacy:consent" and texts[0].startswith("⏰")
    handler, texts = await say(bot, "đồng ý")
    assert handler == "reminders:set" and "20:00" in texts[1]


async def test_stopping_reminders_by_typing(bot: Bot) -> None:
    await onboard(bot)
    await say(bot, "nhắc tôi 7h sáng mỗi ngày")
    handler, _texts = await say(bot, "dừng nhắc nhở")
    assert handler == "reminders:stopped"


async def test_a_place_in_a_message_lists_its_sites(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "methadone ở Hải Phòng")
    assert handler == "sites" and texts[0].startswith("📍")


async def test_a_former_province_is_searched_as_the_province_it_is_part_of_now(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "Bến Tre")
    assert handler == "sites" and texts[0].startswith("Bến Tre nay thuộc Vĩnh Long")


async def test_a_sad_message_without_a_word_of_danger_is_asked_about_and_nobody_alerted(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "em không biết sống tiếp thế nào nữa, mọi thứ cứ tệ dần, em mệt lắm rồi")
    assert handler in ("crisis", "crisis:check")
    assert "115" in texts[0]


@pytest.mark.parametrize("text", ["cứu với", "cuuuu", "sos", "help!!!", "please someone help",
                                  "có ai không cứu em với, em sợ lắm", "co ai ko cuu e voi, e so lam"])
async def test_a_cry_for_help_that_says_nothing_more_is_asked_about_not_called_outside_the_bot(
        bot: Bot, text: str) -> None:
    await onboard(bot)
    handler, texts = await say(bot, text)
    assert handler == "crisis:check" and "115" in texts[0], (text, handler)


@pytest.mark.parametrize("text", ["help", "hướng dẫn", "i need help", "giúp mình"])
async def test_help_asked_for_calmly_and_nothing_else_shows_the_menu(bot: Bot, text: str) -> None:
    await onboard(bot)
    handler, _texts = await say(bot, text)
    assert handler == "menu", (text, handler)


async def test_a_common_word_that_only_resembles_a_menu_label_opens_nothing(bot: Bot) -> None:
    await onboard(bot)
    handler, _texts = await say(bot, "bận")
    assert handler != "sites"


async def test_a_long_story_is_acknowledged_and_a_counselor_offered(bot: Bot) -> None:
    await onboard(bot)
    story = ("Tôi không biết bắt đầu từ đâu. Nhà tôi có năm người, mọi chuyện vốn bình thường cho đến năm ngoái. "
             "Từ đó đến nay tôi mất ngủ, làm việc không tập trung, nói chuyện với ai cũng thấy khó, "
             "không biết phải làm gì tiếp theo cho đúng nữa.")
    handler, texts = await say(bot, story)
    # Heard as distress by the statistical reader, the person gets the crisis reply or is asked plainly;
    # else the story is acknowledged. Each offers a counselor.
    assert handler in ("understand:story", "crisis:check", "crisis")
    assert "115" in texts[0] or "cảm ơn bạn đã kể" in texts[0].lower()
    assert "tư vấn viên" in texts[0].lower()


async def test_bad_input_gets_a_sensible_reply_and_no_alarm_without_cause(bot: Bot) -> None:
    await onboard(bot)
    for text in ("", "😀🙏", "a" * 4000, "methadone là gì? what is methadone? メタドン", "?" * 50,
                 "hôm nay trời đẹp " * 250):
        handler, texts = await say(bot, text)
        assert texts, (text[:20], handler)
        assert handler not in ("crisis", "crisis:check"), text[:40]


async def test_repeated_letters_and_words_run_together_still_say_a_crisis(bot: Bot) -> None:
    await onboard(bot)
    for text in ("cứuuuu bạn tôi không thởooo", "bantoibisocthuoc"):
        handler, texts = await say(bot, text)
        assert handler == "crisis" and "115" in texts[0], text


@pytest.mark.parametrize("text", [
    "nếu xóa dữ liệu thì sao", "xóa rồi có lấy lại được không", "xóa dữ liệu rồi có khôi phục được không",
    "đặt lịch có bắt buộc không", "tư vấn viên làm những gì", "nhắc nhở có bắt buộc không",
    "nếu em xóa tài khoản thì lịch hẹn còn không", "what happens if i delete my data",
    "can i get my data back after deleting", "do i have to book an appointment", "is booking mandatory",
    "what does a counselor do", "đặt lịch có mất phí không",
    "where should i store my methadone doses at home",
    "bạn tôi rủ vào nhóm đồng đẳng, nhóm đó là nhóm gì, vào thì được gì",
    "số đường dây nóng bảo vệ trẻ em là số mấy, mình lưu vào máy phòng khi cần",
    "cất methadone ở đâu trong nhà cho an toàn",
    "chỗ phát thuốc ở trạm y tế xã có giống cơ sở điều trị trên huyện không",
    "nearby is fine, I just need to know if methadone makes you sleepy",
    "been on methadone for years, is there a point where i can come off it?",
    "buprenorphine khác methadone chỗ nào vậy",
    "what's the difference between the clinic in town and the commune station?",
    "mai có tư vấn qua tin nhắn không hay chỉ gọi điện",
])
def test_a_question_about_a_feature_does_not_open_it(text: str) -> None:
    assert INTENTS.intent(text) is None, text


@pytest.mark.parametrize(("text", "intent"), [
    ("xóa dữ liệu của tôi", "erase"), ("delete my data", "erase"), ("đặt lịch tư vấn", "book"),
    ("nếu được thì đặt lịch cho em", "book"), ("nhắc tôi uống thuốc lúc 7h", "reminder_set"),
    ("tôi muốn nói chuyện với tư vấn viên", "talk"), ("tìm điểm methadone gần nhất", "sites"),
    ("change my reminder to 8pm", "reminder_set"), ("doi gio nhac sang 7h toi", "reminder_set"),
    ("turn off notifications", "reminder_pause"), ("tat thong bao", "reminder_pause"),
    ("who can read what i write here", "privacy"), ("show me the options", "menu"),
    ("how can i get you to forget everything about me", "erase"),
    ("anh ơi nối em với chị tư vấn viên với", "talk"), ("any groups for parents? i want to join one", "groups"),
    ("nhóm tự lực tháng này họp hôm nào", "groups"), ("gỡ nhắc nhở giùm em", "reminder_stop"),
    ("so tired, remind me at 6 to go get my dose", "reminder_set"), ("nối giúp tôi với tư vấn viên", "talk"),
    ("who else gets to see what I send you?", "privacy"), ("how long do you hold on to my stuff?", "privacy"),
    ("can we continue in vietnamese?", "language_vi"), ("what are my options here?", "menu"),
    ("can I get a slot with a counsellor on friday?", "book"),
    ("bot ơi bạn giúp được mình những việc gì vậy, mình mới dùng lần đầu", "menu"),
    ("going on a trip, can you go quiet for a while with the dose pings", "reminder_pause"),
    ("is there any way to sit down with one of your people this week", "book"),
    ("i'm in Da Nang now, anywhere around here i can get my dose?", "sites"),
    ("đọc tiếng anh mệt quá, chị nhắn tiếng việt giùm em nha", "language_vi"),
    ("is there a log kept of our conversations?", "privacy"),
    ("so what do you do with my data?", "privacy"), ("cho mình nói chuyện với chị tư vấn nhé", "talk"),
    ("mình ở Hoàng Mai, uống thuốc gần nhất là chỗ nào", "sites"),
])
def test_a_request_for_a_feature_still_opens_it(text: str, intent: str) -> None:
    assert INTENTS.intent(text) == intent, text


@pytest.mark.parametrize(("text", "language"), [
    ("english", "en"), ("English please", "en"), ("switch to english", "en"), ("đổi sang tiếng Anh", "en"),
    ("chuyen tieng anh", "en"), ("can you reply in english", "en"), ("i don't read vietnamese", "en"),
    ("mình không biết tiếng việt", "en"), ("cười chết mất, bạn mình người Úc muốn hỏi, đổi sang English được ko", "en"),
    ("tiếng việt", "vi"), ("tieng viet", "vi"), ("tiếng Việt nhé", "vi"), ("switch back to vietnamese", "vi"),
    ("không hiểu tiếng Anh, nói tiếng Việt giùm", "vi"), ("please reply in vietnamese, it's for my mother", "vi"),
])
def test_a_whole_message_asking_for_a_language_switches_it(text: str, language: str) -> None:
    assert INTENTS.intent(text) == f"language_{language}", text


@pytest.mark.parametrize("text", [
    "english homework", "help me with my english homework", "tiếng việt lớp 5", "sách tiếng anh lớp 3",
    "giải giúp em bài tập tiếng việt lớp 5", "thằng Tí nói tiếng Anh như bắn rap", "my english is not good",
    "are there english speaking counselors for expats", "dạy tiếng việt cho người nước ngoài",
    "I'm Vietnamese, english not good. My insurance card pays for ARV?",
])
def test_a_language_named_inside_a_sentence_switches_nothing(text: str) -> None:
    assert INTENTS.language_request(text) is None, text
    assert INTENTS.intent(text) not in ("language_en", "language_vi"), text


async def test_english_homework_keeps_the_setting_and_a_question_about_erasing_erases_nothing(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "english homework")
    assert handler != "start" and texts[0] != "Switched to English."
    _handler, texts = await say(bot, "methadone là gì")
    assert texts[0].startswith("Methadone là")
    handler, texts = await say(bot, "nếu xóa dữ liệu thì sao")
    assert handler == "faq" and texts[0].startswith(DELETE_ANSWER), \
        (handler, texts)


@pytest.mark.parametrize("text", ["học tiếng anh ở đâu tốt", "ok mua điện thoại nào", "chào bạn, mấy giờ rồi"])
def test_small_talk_words_around_a_question_are_not_small_talk(text: str) -> None:
    assert INTENTS.smalltalk(text) is None, text


def test_nearly_so_far_is_a_distance_not_the_site_finder() -> None:
    assert INTENTS.intent("mang methadone về nhà được không, nhà em cách cơ sở gần 40 cây") is None
    assert INTENTS.intent("cơ sở gần nhà em ở đâu") == "sites"


def test_who_is_asked_of_the_bot_not_of_somebody_else() -> None:
    assert INTENTS.smalltalk("ai vậy") == "who_are_you"
    assert INTENTS.smalltalk("who am i talking to") == "who_are_you"
    assert INTENTS.smalltalk("chung kết tối nay đội nào đá với ai vậy") is None
    assert INTENTS.smalltalk("có người thật trả lời không hay là tự động") == "is_human"


def test_small_talk_with_filler_or_an_easy_word_is_still_small_talk() -> None:
    assert INTENTS.smalltalk("ok không sao") == "ack"
    assert INTENTS.smalltalk("cảm ơn bạn nhiều nhé") == "thanks"


@pytest.mark.parametrize("text", ["cam on ban, thong tin huu ich lam", "thanks, that was really helpful"])
def test_thanks_with_a_word_of_praise_for_the_answer_is_thanks(text: str) -> None:
    assert INTENTS.smalltalk(text) == "thanks", text


def test_what_the_bot_can_help_with_shows_the_menu() -> None:
    assert INTENTS.intent("show me what you can help with") == "menu"


@pytest.mark.parametrize("text", ["thôi", "thoi khoi", "never mind", "nvm"])
def test_never_mind_outside_a_step_is_an_ok(text: str) -> None:
    assert INTENTS.smalltalk(text) == "ack", text


def test_the_menu_is_asked_for_in_a_few_words_not_inside_a_longer_question() -> None:
    assert INTENTS.intent("trợ giúp") == "menu"
    assert INTENTS.intent("muốn bỏ đá mà không biết bắt đầu từ đâu") is None
    assert INTENTS.intent("can tro giup phap ly khi bi cong an bat giu") is None


@pytest.mark.parametrize(("text", "intent"), [
    ("hết hồn muốn đứng tim vì tin nhắc lúc 5h, dời giờ nhắc sang 7h giúp em", "reminder_set"),
    ("đứng chờ cả buổi mệt quá, đổi giờ nhắc sang chiều nha", "reminder_set"),
    ("dừng nhắc nhở", "reminder_stop"), ("đừng nhắc tôi nữa", "reminder_stop"),
])
def test_standing_folds_like_stop_and_stops_nothing(text: str, intent: str) -> None:
    """"Đứng" (to stand) folds like "dừng" and "đừng": "đứng tim" beside a reminder's words stops nothing."""
    assert INTENTS.intent(text) == intent, text


@pytest.mark.parametrize(("text", "intent"), [
    ("tôi dùng methadone 4 năm rồi, nhắc tôi 6h sáng nhé", "reminder_set"),
    ("em dùng methadone được 2 tuần, cài nhắc giúp em 6h sáng", "reminder_set"),
    ("bố tôi nhờ đặt nhắc lúc 7h tối", "reminder_set"), ("đổi thời gian nhắc sang 9h", "reminder_set"),
    ("tôi nghĩ nên đặt nhắc lúc 7h", "reminder_set"), ("nhắc tôi tất cả các ngày lúc 7h", "reminder_set"),
    ("điểm tư vấn nghỉ tết mấy ngày, có thông báo không", None),
    ("tắt giúp em cái nhắc nhở", "reminder_stop"), ("ngừng gửi lời nhắc nhé", "reminder_stop"),
    ("these reminders are too much, stop them please", "reminder_stop"), ("thôi khỏi nhắc nữa", "reminder_stop"),
])
def test_a_word_that_folds_like_stop_or_pause_stops_nothing(text: str, intent: str | None) -> None:
    """"dùng" folds like "dừng", "bố" like "bỏ", "tất" like "tắt", "thời" like "thôi", "nghĩ" like "nghỉ": those
    verbs stop or pause the reminders only when the reminder follows them."""
    assert INTENTS.intent(text) == intent, text


@pytest.mark.parametrize("text", ["tắt nhắc 3 ngày nhé", "dung nhac 2 tuan giup minh", "mute reminders for 2 weeks",
                                  "tắt nhắc 8 ngày", "ngừng thông báo mười ngày", "stop reminders for eleven days"])
def test_stopping_reminders_for_a_while_is_a_pause(text: str) -> None:
    assert INTENTS.intent(text) == "reminder_pause", text


@pytest.mark.parametrize("text", ["turn off the reminders for this week", "kill the dose pings while i'm away",
                                  "chuông nhắc kêu sớm quá, dừng tạm giúp em mấy hôm",
                                  "tắt nhắc cuối tuần này giúp mình, mình về quê"])
def test_turning_reminders_off_for_a_time_said_is_a_pause(text: str) -> None:
    assert INTENTS.intent(text) == "reminder_pause", text
    assert INTENTS.intent("turn off the reminders") == "reminder_stop"


@pytest.mark.parametrize("text", ["dừng nhắc nhở", "dừng nhắc sau ngày 20 nhé", "nhắc tôi 8h trong 3 ngày tới"])
def test_a_length_of_time_alone_makes_no_pause(text: str) -> None:
    assert INTENTS.intent(text) != "reminder_pause", text


async def test_a_pause_for_a_length_of_time_pauses_that_long_and_keeps_the_reminder(bot: Bot) -> None:
    await onboard(bot)
    await say(bot, "nhắc tôi 7h sáng mỗi ngày")
    handler, texts = await say(bot, "tắt nhắc 8 ngày giúp em")
    assert handler == "reminders:paused" and texts[0].startswith("Đã tạm dừng 8 ngày"), (handler, texts)
    handler, texts = await say(bot, "mute reminders for 2 weeks")
    assert handler == "reminders:paused" and texts[0].startswith("Paused for 14 days"), (handler, texts)


async def test_a_pause_longer_than_the_longest_asks_how_long(bot: Bot) -> None:
    await onboard(bot)
    await say(bot, "nhắc tôi 7h sáng mỗi ngày")
    handler, _texts = await say(bot, "tắt nhắc 3 tháng")
    assert handler == "reminders", handler


@pytest.mark.parametrize("text", ["bot giúp được những việc gì", "bạn có thể giúp gì cho mình"])
def test_what_the_bot_can_do_asked_in_other_words_is_the_menu(text: str) -> None:
    assert INTENTS.intent(text) == "menu", text


@pytest.mark.parametrize("text", ["what number is the ambulance here, want it saved just in case",
                                  "if i ever saw a neighbour's kid left alone for days, who would i tell",
                                  "số khẩn cấp ở việt nam là số nào", "bạo lực gia đình thì báo ở đâu",
                                  "where do they hand out free condoms", "suboxone có ở việt nam không"])
def test_what_the_faq_answers_and_the_dangers_it_answers_about_are_inside_what_it_covers(text: str) -> None:
    assert INTENTS.on_topic(text), text


def test_an_english_plural_of_a_word_the_bot_covers_is_on_topic() -> None:
    assert INTENTS.on_topic("what is in laced vapes") and INTENTS.on_topic("do clinics test")
    assert not INTENTS.on_topic("what time is it in london")


async def test_a_province_whose_name_starts_like_a_kind_of_place_is_found(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "methadone ở Thanh Hóa")
    assert handler.startswith("sites") and "Thanh Hóa" in texts[0], (handler, texts)


async def test_a_district_the_list_does_not_have_is_said_plainly_with_the_way_to_search(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "tôi ở Bình Thạnh")
    assert handler == "sites:none" and "«Bình Thạnh»" in texts[0] and "tỉnh hoặc thành phố" in texts[1], texts
    handler, texts = await say(bot, "I live in Binh Tan district")
    assert handler == "sites:none" and "«Binh Tan»" in texts[0] and "province or city" in texts[1], texts
    # A district the list names is its sites, as before.
    handler, texts = await say(bot, "em ở quận Gò Vấp")
    assert handler == "sites" and texts[0].startswith("📍"), texts


@pytest.mark.parametrize("text", ["em ở nhà một mình", "tôi ở quê", "nhà em xa lắm", "quan tam den con", "i m in pain",
                                  "Tôi ở Đà Nẵng, quán nào ngon", "quận 7 có quán phở nào ngon",
                                  "tôi ở Việt Nam"])
def test_an_everyday_word_after_where_one_is_names_no_place(text: str) -> None:
    assert place_said(text) is None, text


async def test_booking_something_elsewhere_is_outside_what_the_bot_does(bot: Bot) -> None:
    await onboard(bot)
    for text in ("book a flight to Da Nang", "đặt bàn nhà hàng tối nay 7h", "set an alarm for my flight"):
        handler, _texts = await say(bot, text)
        assert handler == "understand:off_topic", (text, handler)
    assert INTENTS.intent("đặt lịch hẹn tư vấn chiều mai") == "book"


def test_a_book_being_read_is_no_booking() -> None:
    for text in ("the girl in the book i'm reading for class ran away from home in chapter 4, so sad",
                 "i lent my book to a friend and she never gave it back"):
        assert INTENTS.intent(text) != "book", text
    assert INTENTS.intent("can i book a time with a counselor on friday") == "book"


def test_moving_ones_treatment_to_another_clinic_is_no_site_search() -> None:
    assert INTENTS.intent("can my mum move her methadone treatment to a clinic near us in Hue?") != "sites"
    assert INTENTS.intent("find a methadone clinic in Hue") == "sites"


@pytest.mark.parametrize("text", ["bot này làm được những gì", "what kind of things can this bot help with",
                                  "bot này dùng để làm gì"])
def test_asking_what_the_bot_can_do_is_the_menu(text: str) -> None:
    assert INTENTS.intent(text) == "menu", text


@pytest.mark.parametrize("text", ["bạn tôi có thể làm gì để cai", "can you help me with my son",
                                  "tư vấn viên làm những gì"])
def test_what_someone_else_can_do_is_not_the_menu(text: str) -> None:
    assert INTENTS.intent(text) != "menu", text


@pytest.mark.parametrize(("text", "kind"), [
    ("thanks a lot, that helps", "thanks"), ("who am i talking to", "who_are_you"),
    ("bot này tên là gì", "who_are_you"), ("ủa bạn là bot gì vậy", "who_are_you"),
    ("giới thiệu bản thân đi bot", "who_are_you"), ("can you introduce yourself", "who_are_you"),
    ("is this a real human or a bot", "is_human"), ("nhắn tin ở đây công an có biết không", "is_police")])
def test_small_talk_said_with_a_few_more_words_is_still_small_talk(text: str, kind: str) -> None:
    assert INTENTS.smalltalk(text) == kind, text


def test_a_police_question_about_treatment_is_not_about_the_bot() -> None:
    assert INTENTS.smalltalk("đi uống methadone công an có biết không") is None


async def test_a_family_story_gets_the_answer_to_the_question_it_ends_with(bot: Bot) -> None:
    await onboard(bot)
    story = ("Em chào ad, em là vợ của một người đang điều trị methadone ở huyện. Nhà em vừa phải đi xa mấy hôm "
             "lo việc cho bà ngoại, anh ấy không lên điểm uống được bốn ngày liền, giờ về rồi anh ấy ngại lên "
             "gặp bác sĩ. Bỏ uống methadone mấy ngày như vậy thì giờ quay lại có được uống tiếp không ạ?")
    handler, texts = await say(bot, story)
    missed_dose = next(e for e in bot.content.faq if e.id == "methadone-missed-dose").answer.vi
    assert handler == "faq" and texts[0] == missed_dose, (handler, texts)


@pytest.mark.parametrize("text", ["nó nói lung tung, nghĩ có người theo dõi nó", "noi lung tung ca dem, so nguoi la"])
def test_speaking_of_someone_is_no_request_to_be_connected(text: str) -> None:
    assert INTENTS.intent(text) != "talk", text


@pytest.mark.parametrize("text", ["dạo này bạn thế nào", "ban dao nay the nao", "how have you been"])
def test_asking_how_the_bot_is_is_small_talk(text: str) -> None:
    assert INTENTS.smalltalk(text) == "how_are_you", text


@pytest.mark.parametrize(("text", "language"), [
    ("please answer in english, my vietnamese is not very good", "en"),
    ("trả lời bằng tiếng Việt nhé, tiếng Anh em kém lắm", "vi"),
])
def test_the_language_asked_for_wins_over_the_one_only_mentioned(text: str, language: str) -> None:
    assert INTENTS.intent(text) == f"language_{language}", text


@pytest.mark.parametrize(("text", "kind"), [
    ("ok em đi làm đây, bye nhé", "bye"), ("hi there, how are you this evening", "how_are_you"),
    ("mình đang nói chuyện với người hay với máy vậy", "is_human"),
])
def test_small_talk_at_either_end_of_the_message_is_small_talk(text: str, kind: str) -> None:
    assert INTENTS.smalltalk(text) == kind, text


@pytest.mark.parametrize(("text", "intent"), [
    ("ad ơi bot này có những chức năng gì vậy", "menu"),
    ("are there any methadone clinics in Hai Phong?", "sites"),
    ("ở quận 8 có điểm cấp phát methadone không ạ", "sites"),
    ("can anyone else see my messages here?", "privacy"),
    ("please skip the morning messages for a week, i'm travelling", "reminder_pause"),
    ("đừng gửi tin nhắc mấy hôm nay nha, em đi công tác", "reminder_pause"),
    ("cho mình gặp tư vấn viên với", "talk"),
    ("tuần sau mình muốn gặp tư vấn viên", "book"),
    ("hoãn buổi gặp tư vấn thứ 6 giúp em", "appointments"),
    ("nhắc mình lịch sinh hoạt nhóm tự lực hằng tháng nhé", "groups"),
    ("wipe everything you have on me, right now", "erase"),
    ("xoá cuộc trò chuyện này và mọi thứ bạn lưu về mình", "erase"),
    ("please wipe our whole conversation", "erase"),
    ("mình muốn đoạn chat này biến mất", "erase"),
    ("let me know whenever the peer group meets next", "groups"),
])
def test_a_feature_asked_for_in_a_few_more_words_opens_it(text: str, intent: str) -> None:
    assert INTENTS.intent(text) == intent, text


async def test_where_to_test_for_hiv_is_answered_when_the_list_holds_no_hiv_service(bot: Bot) -> None:
    await onboard(bot)
    assert not bot.services.sites.has_kind(SiteKind.HIV_SERVICE)  # type: ignore[union-attr]
    handler, texts = await say(bot, "where can I get an HIV test near me")
    hiv = next(e for e in bot.content.faq if e.id == "hiv-testing")
    assert handler == "faq" and texts[0].startswith(hiv.answer.en[:60]), (handler, texts)
    handler, _texts = await say(bot, "where is the nearest methadone clinic")
    assert handler.startswith("sites"), handler


@pytest.mark.parametrize("text", ["my brother has been using for years and won't listen", "ankle bracelet for how long",
                                  "từ hồi bỏ đá em mất ngủ hoài", "nói ở đây có bị lộ không"])
def test_ways_of_saying_drug_use_and_its_worries_are_on_topic(text: str) -> None:
    assert INTENTS.on_topic(text), text


def test_what_the_bot_can_do_asked_as_who_it_is_opens_the_menu() -> None:
    assert INTENTS.smalltalk("các chức năng của bot là gì") is None
    assert INTENTS.intent("các chức năng của bot là gì") == "menu"
    assert INTENTS.smalltalk("bot là gì") == "who_are_you"
    assert INTENTS.smalltalk("hôm nay bạn thế nào, ổn cả chứ") == "how_are_you"


def test_a_childs_vaccination_schedule_is_booked_elsewhere() -> None:
    assert INTENTS.intent("lich tiem vac xin cho con gom nhung mui nao") is None
    assert INTENTS.intent("xin lịch hẹn tư vấn tuần sau") == "book"


async def test_a_danger_told_as_over_beside_a_feature_opens_the_feature_with_the_line(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "mấy năm trước chồng cũ hay đánh tôi khi say, giờ đã ly hôn rồi. "
                                    "tôi muốn đặt lịch gặp tư vấn viên")
    assert handler.startswith(("privacy:consent", "booking")) and "113" in texts[0], (handler, texts)
    handler, texts = await say(bot, "I used to cut myself years ago, doing fine now. when does the support group meet?")
    assert handler.startswith("groups") and "115" in texts[0], (handler, texts)


async def test_a_district_named_with_its_province_lists_the_districts_sites(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "Hải Phòng, quận Lê Chân có điểm methadone không")
    assert handler == "sites" and "Lê Chân" in texts[0], texts


@pytest.mark.parametrize("text", ["what's the number for an ambulance? i want to save it in my phone",
                                  "kể chuyện cho em nghe về buổi gặp mặt nhóm được không"])
def test_a_word_of_a_feature_inside_another_request_opens_nothing(text: str) -> None:
    assert INTENTS.intent(text) not in ("privacy", "appointments"), text


async def test_erasing_everything_asked_impatiently_is_the_erasure_not_an_alarm(bot: Bot) -> None:
    await onboard(bot)
    handler, _texts = await say(bot, "I want everything about me erased from your system, now.")
    assert handler == "privacy", handler


async def test_a_danger_told_as_past_then_a_question_about_something_else_answers_the_question(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "Ba năm trước tôi bị sốc thuốc, giờ ổn rồi. Người từng sốc thuốc có được điều "
                                    "trị methadone không?")
    entry = bot.services.faq.by_id["methadone-who-can-join"]
    assert handler == "crisis:about" and texts[0].startswith(entry.answer.vi[:60]), texts


@pytest.mark.parametrize(("text", "intent"), [
    ("can you ping me every morning at 7 so i dont forget to go in", "reminder_set"),
    ("I'd like to sit down with one of your counselors in person next week", "book"),
    ("muốn gặp chị tư vấn chiều mai", "book"),
    ("how do i reset my facebook password", None),  # "facebook" is no "face" and "book"
    ("remind me before every group get together, i always forget", "groups"),
    ("em hay ngủ quên, 6h sáng nhắn cho em một tin để em dậy đi uống", "reminder_set"),
    ("nhà máy bắt công nhân thử nước tiểu, em đang uống methadone", None),  # "nhân" folds like "nhắn"
    ("làm sao để chuyển qua cơ sở methadone gần nhà hơn", None),  # a transfer, which the FAQ answers
    ("mới tải về chưa biết bấm gì hết, có danh sách các chức năng không ad", "menu"),
])
def test_features_asked_for_in_everyday_words(text: str, intent: str | None) -> None:
    assert INTENTS.intent(text) == intent, text


@pytest.mark.parametrize(("text", "kind"), [
    ("are you guys cops? will this get reported?", "is_police"), ("hows your day going bot?", "how_are_you"),
    ("chao ad, e moi vo lan dau nen hoi ngai ti", "greeting"),  # "lần đầu" asks nothing: "đâu" folds alike
    ("what exactly are you", "who_are_you"), ("wait, am i talking to a real person here?", "is_human"),
    ("you're not gonna turn me in, right?", "is_police"), ("ok mình out đây", "bye"), ("gotta go, talk later", "bye"),
    ("appreciate it", "thanks"), ("ai đang chat với mình vậy", "who_are_you"), ("bot ăn tối chưa", "how_are_you"),
])
def test_small_talk_in_everyday_words(text: str, kind: str) -> None:
    assert INTENTS.smalltalk(text) == kind, text


@pytest.mark.parametrize("text", ["can i come later", "anh ấy ngủ chưa"])
def test_a_small_talk_word_in_a_sentence_about_something_else_is_no_small_talk(text: str) -> None:
    assert INTENTS.smalltalk(text) is None, text


@pytest.mark.parametrize("text", ["help me with my english homework", "can you help me write a cover letter"])
def test_help_with_something_else_is_outside_what_the_bot_covers(text: str) -> None:
    assert not INTENTS.on_topic(text), text


@pytest.mark.parametrize("text", ["how to convince my brother to get help", "what can families do",
                                  "I want to get through quitting with some help"])
def test_help_for_someone_close_or_for_quitting_is_inside_what_it_covers(text: str) -> None:
    assert INTENTS.on_topic(text), text


def test_a_staff_member_rather_than_a_bot_is_a_person_to_talk_to() -> None:
    assert INTENTS.intent("I'd rather talk to a staff member than a bot.") == "talk"


def test_a_counselor_free_to_chat_now_is_a_person_to_talk_to() -> None:
    assert INTENTS.intent("is one of your counselors free to chat right now?") == "talk"


def test_the_dependence_assessment_named_in_a_letter_is_inside_what_the_bot_covers() -> None:
    assert INTENTS.on_topic("giấy mời ghi là đi xác định tình trạng gì đó, vậy là làm gì")


def test_an_english_word_that_folds_like_vietnamese_syllables_opens_nothing() -> None:
    """"boredom" is no "bỏ rể đom": "bỏ" + "reminder" would stop the reminders."""
    assert INTENTS.intent("I nearly died of boredom in the queue today. can you set a daily reminder for 6:30am") \
        == "reminder_set"


@pytest.mark.parametrize(("text", "start"), [
    ("neu ai do bi qua lieu thi lam gi", "1. Gọi 115."),
    ("My son once passed out after mixing pills and alcohol. He's fine now, but what should I have done?",
     "1. Call 115."),
    ("làm sao biết một người bị sốc thuốc", "Ba dấu hiệu chính"),
    ("what should I be looking out for if my partner overdoses?", "The three main signs"),
    ("người bị co giật thì có nên nhét gì vào miệng không", "1. Gọi 115."),  # a sign, whatever else is named
    # a dose taken home and swallowed by mistake: the entry on someone else swallowing it, not on taking it home
    ("được cấp thuốc mang về mà nhà có bé nhỏ, lỡ mai mốt bé uống nhầm thì xử lý sao", "Nếu trẻ em hay bất kỳ ai"),
])
async def test_what_to_do_gets_first_aid_and_how_to_tell_gets_the_signs(bot: Bot, text: str, start: str) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, text)
    assert texts[0].startswith(start), (text, texts)


@pytest.mark.parametrize("text", ["dừng nhắc nhở", "tắt nhắc 8 ngày"])
async def test_stopping_or_pausing_a_reminder_there_is_not_says_so_and_asks_no_consent(bot: Bot, text: str) -> None:
    await say(bot, "/start")
    for answer in ("1", "1", "2"):  # Vietnamese, myself, questions only: nothing kept
        await say(bot, answer)
    handler, texts = await say(bot, text)
    assert handler == "reminders:none" and texts[0].startswith("Bạn chưa đặt lời nhắc nào"), (handler, texts)


@pytest.mark.parametrize("text", ["write me a short birthday poem for my wife", "viết giùm em bài thơ tặng chồng"])
def test_something_to_compose_for_someone_in_the_family_is_outside_what_the_bot_covers(text: str) -> None:
    assert not INTENTS.on_topic(text), text


def test_something_to_compose_about_what_the_bot_covers_stays_inside_it() -> None:
    assert INTENTS.on_topic("write a poem for my husband who is on methadone")
    assert INTENTS.on_topic("my wife wants to know more")


@pytest.mark.parametrize("text", ["nhờ chuyển mình qua cán bộ tư vấn trả lời trực tiếp giúp",
                                  "can you transfer me to a counsellor, the bot keeps missing my point"])
def test_handing_the_chat_over_to_a_counselor_is_a_talk_not_a_booking(text: str) -> None:
    """"Tư vấn trực tiếp" is a booking's words too; asked to be handed over, the person wants a counselor now."""
    assert INTENTS.intent(text) == "talk", text


def test_again_and_again_typed_without_marks_names_no_day_and_books_nothing() -> None:
    """"hỏi mãi không được" typed "hoi mai ko duoc": "mai" there is "mãi", not tomorrow."""
    from datetime import date

    from bot.timeparse import parse_day
    assert parse_day("cho minh gap nhan vien tu van, minh hoi bot mai ko duoc", date(2026, 12, 2)) is None
    assert parse_day("cho minh gap tu van mai 3h chieu", date(2026, 12, 2)) == date(2026, 12, 3)
    assert parse_day("doi lich qua mai khong duoc ha", date(2026, 12, 2)) == date(2026, 12, 3)
    assert parse_day("diem tu van nghi mai khong", date(2026, 12, 2)) == date(2026, 12, 3)
    assert INTENTS.intent("cho minh noi chuyen voi nhan vien tu van, hoi mai ko ai tra loi") == "talk"


@pytest.mark.parametrize(("text", "kind"), [
    ("you're worthless, stupid bot", "insult"), ("bên kia là người thật hay là máy vậy", "is_human"),
])
def test_small_talk_in_other_everyday_words(text: str, kind: str) -> None:
    assert INTENTS.smalltalk(text) == kind, text


async def test_a_feature_asked_for_after_a_danger_told_and_not_asked_opens_with_the_line(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "had a naloxone and overdose training at the point today, so useful. "
                                    "when is the next self-help group meeting?")
    assert handler.startswith("groups"), (handler, texts)
    assert "115" in texts[0]
    # So does the last clause of one sentence that asks nothing about the danger.
    handler, texts = await say(bot, "our group is planning something for overdose awareness day, "
                                    "when is the next group meeting?")
    assert handler.startswith("groups"), (handler, texts)
    # A danger asked about first keeps its answer; a feature asked for apart from it opens after the answer.
    for asked, answered in (("what are the signs of an overdose, can i book an appointment", "pinpoint pupils"),
                            ("what are the warning signs of suicide, can i book a counselor for my son", "115")):
        handler, texts = await say(bot, asked)
        assert answered in texts[0] and handler.startswith("booking"), (asked, handler, texts)
    # A meeting told beside the question, not asked about, opens nothing.
    handler, _texts = await say(bot, "what are the signs of an overdose? we want to cover it at the group meeting")
    assert handler == "crisis:about"


@pytest.mark.parametrize(("text", "entry"), [("what is methadone actually for?", "methadone-what"),
                                             ("so is methadone really free", "methadone-fees")])
async def test_words_that_only_lean_on_a_question_do_not_hide_it(bot: Bot, text: str, entry: str) -> None:
    await onboard(bot)
    outcome = await bot.core.handle(Incoming("test", "u1", "u1", "lean-" + entry, text=text))
    assert (outcome.handler, outcome.entry) == ("faq", entry), outcome


def test_a_word_of_assent_closing_a_sentence_of_its_own_is_no_small_talk() -> None:
    assert INTENTS.smalltalk("viet ho e bai van ta con meo voi, mai nop roi") is None
    assert INTENTS.smalltalk("ok, để em hỏi lại mẹ em rồi") == "ack"


@pytest.mark.parametrize(("text", "intent"), [
    ("could I come by and sit down with someone at the counselling point on Monday?", "book"),
    ("đặt cho em một buổi với tư vấn viên chiều thứ Ba nhé", "book"),
    ("cuộc trò chuyện này có bị lưu lại không, vợ tôi hay cầm máy", "privacy"),
])
def test_features_asked_for_in_other_everyday_words(text: str, intent: str) -> None:
    assert INTENTS.intent(text) == intent, text


async def test_a_question_only_the_model_hears_a_danger_in_is_answered_after_asking_plainly(bot: Bot) -> None:
    await onboard(bot)
    outcome = await bot.core.handle(Incoming("test", "u1", "u1", "asked-plainly", text=(
        "Mai em lên trạm xin vào chương trình uống thuốc nước, em cần cầm theo những gì để người ta nhận đơn?")))
    assert outcome.handler == "crisis:check", outcome
    assert any("hồ sơ" in reply.text for reply in outcome.replies), outcome.replies


def test_asking_when_ones_appointment_is_shows_the_appointments() -> None:
    assert INTENTS.intent("em có hẹn hôm nào nhỉ, quên mất rồi") == "appointments"
    assert INTENTS.intent("my appointment is what time again?") == "appointments"


@pytest.mark.parametrize("text", ["tôi không muốn nhận tin nhắn nữa", "đừng gửi gì cho em nữa nhé",
                                  "please stop texting me", "unsubscribe"])
async def test_not_wanting_the_bots_messages_any_more_is_about_the_reminders_not_about_living(
        bot: Bot, text: str) -> None:
    await onboard(bot)
    handler, texts = await say(bot, text)
    assert handler.startswith("reminders"), (text, handler, texts)


async def test_a_place_said_and_little_else_is_the_place_not_a_danger(bot: Bot) -> None:
    """The statistical reader hears a danger in "tôi đang ở …" (it learned "tôi đang ở bờ sông"); alone with a place
    it says where the person is."""
    await onboard(bot)
    handler, texts = await say(bot, "tôi đang ở Cần Thơ")
    assert handler.startswith("sites"), (handler, texts)


def test_erasing_and_a_language_asked_for_in_other_everyday_words() -> None:
    assert INTENTS.intent("forget everything i told you") == "erase"
    assert INTENTS.language_request("i'd rather read in english") == "en"
    assert INTENTS.language_request("i'm not vietnamese, can i get treatment here") is None


def test_a_family_worried_about_a_relapse_or_paraphernalia_is_within_what_the_bot_covers() -> None:
    assert INTENTS.on_topic("ba e dao nay hay ra ngoai, ve la ngoi lo do. me e noi ong choi lai roi")
    assert INTENTS.on_topic("em thấy túi zip nhỏ với ống hút cắt ngắn trong ngăn kéo của con")
    assert not INTENTS.on_topic("giá vàng hôm nay bao nhiêu")


@pytest.mark.parametrize("text", ["how do i change the language", "đổi ngôn ngữ"])
async def test_the_language_asked_for_without_naming_one_offers_the_choice(bot: Bot, text: str) -> None:
    """"ngôn ngữ" folds to end in "ngu", which alone is an insult: here it is no small talk."""
    await onboard(bot)
    outcome = await bot.core.handle(Incoming("test", "u1", "u1", "language-" + text, text=text))
    assert outcome.handler == "start" and len(outcome.replies[0].choices) == 2, outcome


def test_take_homes_are_within_what_the_bot_covers() -> None:
    assert INTENTS.on_topic("dying to know if i can get take homes")


@pytest.mark.parametrize(("text", "intent"), [
    # "chuyện" folds like "chuyển" (to pass on), "nói" like "nối": a story told with someone passes nothing on.
    ("muốn hẹn nói chuyện riêng với cán bộ tư vấn, tuần sau được không", "book"),
    ("cho chị hẹn một buổi nói chuyện với tư vấn viên qua điện thoại", "book"),
    ("Tôi muốn được gặp cán bộ tư vấn để học cách nói chuyện với cháu. Bạn sắp xếp cho tôi một buổi hẹn nhé", "book"),
    ("Bạn chuyển giúp mình sang cán bộ tư vấn được không", "talk"),
    ("Có thể chuyển tôi sang cho cán bộ tư vấn trực tiếp trả lời được không?", "talk"),
    ("lịch hẹn tư vấn của em là hôm nào vậy, em quên mất rồi", "appointments"),
    ("gửi em danh sách mấy điểm uống thuốc thay thế ở Nghệ An với", "sites"),
    ("what info are you keeping about me?", "privacy"),
])
def test_features_asked_for_beside_words_that_fold_like_their_verbs(text: str, intent: str) -> None:
    assert INTENTS.intent(text) == intent, text


def test_everyone_asked_whether_something_is_true_is_nobody_real_to_talk_to() -> None:
    """"mn, thật k" is "mọi người, thật không": "người thật" inside it asks for no person."""
    assert INTENTS.intent("nghe nói cai tại nhà h phải đeo thiết bị định vị hả mn, thật k") is None


async def test_erasing_with_no_trace_left_is_no_wish_to_vanish(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "wipe my data please, I don't want any trace of this")
    assert handler.startswith("privacy"), (handler, texts)


async def test_a_danger_told_as_past_is_followed_by_its_own_question(bot: Bot) -> None:
    """The story's words ("nằm viện") pull towards another entry; the question asks when methadone can stop."""
    await onboard(bot)
    handler, texts = await say(bot, "Hồi 2019 tôi từng bị sốc thuốc, nằm viện mất 1 tuần, giờ đã uống methadone "
                                    "được 5 năm, ổn định.\nTôi muốn hỏi khi nào thì có thể ngừng methadone?")
    assert handler == "crisis:about" and "không có thời hạn cố định" in texts[0], (handler, texts)


@pytest.mark.parametrize(("text", "kind"), [
    ("xin cbào", "greeting"), ("cảmm ơn bạn", "thanks"), ("hoow are you", "how_are_you"),
])
def test_small_talk_with_a_slip_of_the_finger_is_still_small_talk(text: str, kind: str) -> None:
    assert INTENTS.smalltalk(text) == kind, text


@pytest.mark.parametrize(("text", "start"), [
    ("vợ bị chồng bạo hành thì gọi số nào", "Các số khẩn cấp toàn quốc"),  # 113 for a grown-up
    ("thấy hàng xóm bạo hành con thì báo ở đâu", "Gọi 111"),  # the child line when a child is named
    ("how do i report abuse at home? my husband might be violent again", "National emergency numbers"),  # "be" a verb
])
async def test_violence_asked_about_gets_the_child_line_only_when_a_child_is_named(
        bot: Bot, text: str, start: str) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, text)
    assert texts[0].startswith(start), (text, texts)


def test_a_call_alone_greets_and_a_call_before_a_request_is_the_requests() -> None:
    assert INTENTS.smalltalk("ad ơi") == "greeting"
    assert INTENTS.smalltalk("bot ơi hát một bài đi") is None


@pytest.mark.parametrize("text", ["chả hiểu gì", "i dont understand"])
def test_saying_one_does_not_understand_gets_the_menu(text: str) -> None:
    assert INTENTS.intent(text) == "menu", text


def test_whether_the_bot_reports_to_the_police_is_asked_with_the_fear_that_makes_it_asked() -> None:
    assert INTENTS.smalltalk("nếu em kể hết chuyện dùng ma túy ở đây thì bạn có báo công an không vậy") == "is_police"


def test_a_request_beside_a_story_that_supposes_is_still_a_request() -> None:
    assert INTENTS.intent("my mum said she'd come along if I talk to someone. "
                          "can we book a time with a counselor next week?") == "book"
    assert INTENTS.intent("nếu em xóa dữ liệu, thì có lấy lại được không") is None


def test_counseling_points_around_a_place_are_looked_for() -> None:
    assert INTENTS.intent("any methadone clinics around Da Nang?") == "sites"
    assert INTENTS.intent("I need to plan my mornings around my methadone") != "sites"


def test_someone_who_uses_is_within_what_the_bot_covers() -> None:
    assert INTENTS.on_topic("my sister uses and we keep arguing about it")


async def test_a_reminder_asked_for_is_set_up_even_when_the_model_hears_a_danger_in_its_words(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "can you ping me every day at 7:15 so I don't miss my dose?")
    assert handler.startswith(("privacy", "reminders")), (handler, texts)


def test_english_asked_for_in_texting_shorthand_is_a_language_request() -> None:
    assert INTENTS.intent("can u speak english") == "language_en"


def _answer_start(bot: Bot, entry_id: str, language: str) -> str:
    return next(entry for entry in bot.content.faq if entry.id == entry_id).answer.get(language)[:60]


@pytest.mark.parametrize(("text", "entry_id", "language"), [
    ("có loại thuốc nào giải được sốc heroin không ạ", "naloxone", "vi"),
    ("is there anything that reverses an opioid overdose?", "naloxone", "en"),
    ("should you let a person who overdosed sleep?", "overdose-first-aid", "en"),
])
async def test_a_question_about_an_overdose_gets_the_entry_for_what_it_asks(
        bot: Bot, text: str, entry_id: str, language: str) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, text)
    assert texts[0].startswith(_answer_start(bot, entry_id, language)), (text, texts[0][:80])


@pytest.mark.parametrize("text", ["can taking ARV make my methadone weaker?",
                                  "is it ok to still use a bit of heroin while I'm on methadone?"])
async def test_a_question_about_mixing_drugs_with_methadone_ends_with_the_line(bot: Bot, text: str) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, text)
    assert "115" in texts[0], texts


@pytest.mark.parametrize("text", ["tuần này em bận không tới được buổi hẹn rồi", "sáng mai mình có hẹn không nhỉ",
                                  "have i booked anything yet?", "cho em dời buổi gặp chị tư vấn qua thứ 6"])
def test_an_appointment_one_cannot_make_or_asks_about_is_the_appointments(text: str) -> None:
    assert INTENTS.intent(text) == "appointments", text


@pytest.mark.parametrize(("text", "intent"), [
    ("nhắn e mỗi tối 9h để đi uống nha", "reminder_set"),
    ("đừng nhắn tin cho em hằng ngày nữa", "reminder_stop"),
    ("what have you got on me", "privacy"),
    ("xoá hết dấu vết của em đi", "erase"),
    ("give me the options", "menu"),
])
def test_features_asked_for_as_texts_and_in_plain_words(text: str, intent: str) -> None:
    assert INTENTS.intent(text) == intent, text


def test_sleeping_is_no_insult() -> None:
    assert INTENTS.smalltalk("muốn ngủ quá") != "insult"
    assert INTENTS.smalltalk("dạo này mất ngủ quá") != "insult"
    assert INTENTS.smalltalk("bot ngu thế") == "insult"


async def test_someone_elses_dark_thoughts_get_the_support_line_not_a_chance_match(bot: Bot) -> None:
    """"nghĩ quẩn" folds like "nghĩ quản": the entry on management would be a chance match."""
    await onboard(bot)
    _handler, texts = await say(bot, "em trai tôi đang nghĩ quẩn, tôi phải làm sao")
    assert texts[0].startswith(_answer_start(bot, "mental-health-line", "vi")), texts[0][:80]


@pytest.mark.parametrize(("text", "intent"), [
    ("what can u do", "menu"),
    ("can u put me thru to a counselor now", "talk"),
    ("ok wat time r u open tmrw, i wanna book a session", "book"),
])
def test_english_as_it_is_texted_reaches_the_feature(text: str, intent: str) -> None:
    assert INTENTS.intent(text) == intent, text


def test_shorthand_english_is_read_only_in_an_english_message() -> None:
    assert words("can u help", english=True) == ["can", "you", "help"]
    assert words("u em đi r", english=False) == ["u", "em", "di", "roi"]


@pytest.mark.parametrize(("text", "intent"), [
    ("tháng này e có hẹn gì ko", "appointments"),
    ("can I get a counselling appointment on friday afternoon", "book"),
    ("chán quá đi mất. show me the menu", "menu"),
    ("có điểm cấp phát nào gần Thủ Đức không ạ", "sites"),
])
def test_features_asked_for_beside_other_words(text: str, intent: str) -> None:
    assert INTENTS.intent(text) == intent, text


async def test_a_reminder_asked_for_beside_tiredness_the_model_hears_as_a_danger_is_the_reminder(bot: Bot) -> None:
    """The statistical reader alone, unsure, hears a collapse in "ngủ như chết": the request is what is meant."""
    await onboard(bot)
    handler, _texts = await say(bot, "làm ca đêm về mệt rã rời, ngủ như chết. "
                                     "nhắc em uống thuốc lúc 3 giờ chiều mỗi ngày nha")
    assert handler.startswith(("reminders", "privacy:consent")), handler


@pytest.mark.parametrize("text", ["huhuhu", "buồn quá đi", "hix hix", "i'm so sad"])
def test_crying_or_sadness_said_alone_is_small_talk_of_its_own(text: str) -> None:
    assert INTENTS.smalltalk(text) == "sad", text


async def test_crying_faces_get_a_gentle_word_not_a_smile(bot: Bot) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, "😢😢")
    assert "🙂" not in texts[0] and "115" in texts[0], texts[0]
    _handler, texts = await say(bot, "huhu")
    assert "115" in texts[0] and "tư vấn viên" in texts[0], texts[0]


@pytest.mark.parametrize(("text", "intent"), [
    ("could I message one of your counsellors tonight instead of the bot", "talk"),
    ("buổi sinh hoạt tới là hôm nào vậy, lần trước vui quá", "groups"),
    ("when's the next meeting? the last one really helped", "groups"),
])
def test_counselors_and_the_next_meeting_asked_for_in_other_words(text: str, intent: str) -> None:
    assert INTENTS.intent(text) == intent, text


@pytest.mark.parametrize(("text", "intent"), [
    ("hẹn tư vấn chiều thứ 6 tuần sau được không ạ", "book"),
    ("cho mình xin số đt mấy trung tâm cai nghiện ở Đà Nẵng", "sites"),
    ("muốn gửi em trai vào trung tâm cai nghiện tư nhân thì có được không", None),
])
def test_counseling_asked_for_by_time_and_rehab_centres_by_phone_number(text: str, intent: str | None) -> None:
    assert INTENTS.intent(text) == intent, text


@pytest.mark.parametrize(("text", "kind"), [
    ("giá xăng hôm nay thế nào", None),
    ("thời tiết dạo này thế nào", None),
    ("hôm nay thế nào", "how_are_you"),
    ("chào, dạo này thế nào", "how_are_you"),
    ("bnạ hôm nay thế nào", "how_are_you"),  # a name for the bot typed in a hurry is no thing named
])
def test_how_something_is_today_asks_about_that_thing_not_the_bot(text: str, kind: str | None) -> None:
    assert INTENTS.smalltalk(text) == kind, text


async def test_a_question_about_the_bot_after_a_story_is_answered_without_diacritics(bot: Bot) -> None:
    """A question that names the bot is within what it covers, whatever the story before it."""
    await onboard(bot)
    handler, texts = await say(bot, "truoc day nha e cung kho khan lam, gio thi on roi. "
                                    "cho e hoi con bot nay do ai lam ra vay")
    assert handler == "faq" and "công an" in texts[0], (handler, texts)


async def test_which_number_to_call_about_a_danger_gets_the_numbers(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "bố em dùng đá nhiều năm, mấy hôm nay hay la hét, nếu ông lên cơn đập phá thì "
                                    "em gọi số nào")
    assert handler == "crisis:about" and "114" in texts[0], (handler, texts)  # 114 is in the numbers' entry only


@pytest.mark.parametrize(("text", "intent"), [
    ("PrEP là gì vậy, hôm qua nghe cô tư vấn nhắc tới", None),
    ("bác sĩ có nhắc tới thuốc ARV mà em không hiểu lắm", None),
    ("nhắc tôi 7h sáng mỗi ngày", "reminder_set"),
    ("nhac toi 9h toi nha", "reminder_set"),
])
def test_a_thing_mentioned_is_no_reminder(text: str, intent: str | None) -> None:
    """"Nhắc tới" (to mention) folds like "nhắc tôi" (remind me); its marks tell them apart."""
    assert INTENTS.intent(text) == intent, text


@pytest.mark.parametrize(("text", "kind"), [
    ("what is this dependence assessment thing my probation officer talks about?", None),
    ("what is this take home dose thing", None),
    ("what is this bot", "who_are_you"),
    ("what is this?", "who_are_you"),
])
def test_what_is_this_before_a_thing_named_asks_about_the_thing(text: str, kind: str | None) -> None:
    assert INTENTS.smalltalk(text) == kind, text


async def test_who_to_call_about_a_child_left_home_alone_is_answered_with_111(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "what number do I ring if the kid next door is left home alone all weekend?")
    assert "111" in "\n".join(texts) and handler != "understand:off_topic", (handler, texts)


async def test_what_to_do_after_an_illness_that_is_over_asks_about_the_question_not_first_aid(bot: Bot) -> None:
    """A sign whose medical cause is named, told as over, beside a family's question about someone else."""
    await onboard(bot)
    handler, texts = await say(bot, "Tuần trước ông nội em bị tai biến, hôn mê hai ngày, giờ đã tỉnh và về nhà rồi. "
                                    "Nhà em lo nhất là anh trai đang dùng ma túy, gia đình nên làm gì để giúp anh ấy?")
    assert "Gọi to, lay" not in texts[0] and "Gia đình có thể" in texts[0], (handler, texts)


async def test_the_kind_of_place_already_named_is_not_asked_again(bot: Bot) -> None:
    """"Tìm chỗ uống methadone": where, not what kind; then a province gives that kind's sites."""
    await onboard(bot)
    handler, texts = await say(bot, "tìm giúp em chỗ uống methadone với")
    assert handler == "sites" and texts[0].startswith("Bạn ở gần đâu?"), (handler, texts)
    handler, texts = await say(bot, "Hải Phòng")
    assert handler == "sites" and "methadone" in texts[0].lower(), (handler, texts)


async def test_a_place_the_list_lacks_said_beside_a_search_is_said_to_be_missing(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "em ở xã Quảng Thọ, gần đây có chỗ nào cấp methadone không")
    assert handler == "sites:none" and "Quảng Thọ" in texts[0], (handler, texts)


@pytest.mark.parametrize(("text", "intent"), [
    ("so what can this bot really do for me", "menu"),
    ("mình có buổi hẹn nào tuần tới không ad", "appointments"),
    ("chat ở đây thì cán bộ có xem được không", "privacy"),
    ("khuya rồi còn ai trực không ạ", "talk"),
    ("is anyone on duty at this hour", "talk"),
    ("I had a couple of near ODs back in the day, can I ever come off methadone?", None),
])
def test_what_the_bot_does_an_upcoming_appointment_and_who_reads_the_chat_in_other_words(
        text: str, intent: str | None) -> None:
    assert INTENTS.intent(text) == intent, text


def test_a_human_or_a_machine_asked_is_small_talk() -> None:
    assert INTENTS.smalltalk("hang on, is an actual person reading this or a machine?") == "is_human"


@pytest.mark.parametrize("text", ["có", "co", "không", "ko", "chưa", "no", "nope"])
def test_a_bare_yes_or_no_outside_a_question_is_an_acknowledgement(text: str) -> None:
    """Typed after a step has closed ("có" once the reminder is set), it answers nothing more: a short word back."""
    assert INTENTS.smalltalk(text) == "ack", text


@pytest.mark.parametrize(("text", "said"), [
    ("có", "yes"), ("dạ có ạ", "yes"), ("ừ", "yes"), ("đúng rồi", "yes"), ("yes", "yes"), ("yeah", "yes"),
    ("không ổn", "yes"), ("ko on lam", "yes"), ("i'm not ok", "yes"), ("maybe", "yes"), ("cứu em với", None),
    ("không", "no"), ("ko", "no"), ("dạ không, em ổn", "no"), ("k sao dau", "no"), ("minh on ma", "no"),
    ("no", "no"), ("nope, I'm fine", "no"), ("not really", "no"), ("we're safe", "no"),
    ("chưa", None), ("có ai trực không", None), ("không biết", None), ("ok", None), ("có, nó đang nằm im", None),
])
def test_a_bare_answer_to_a_question_of_safety_is_read_as_yes_or_no(text: str, said: str | None) -> None:
    """"Chưa" (not yet) to "are you thinking of harming yourself?" is no no; doubt counts as a yes."""
    assert INTENTS.yes_or_no(text) == said, text


@pytest.mark.parametrize("text", [
    "haha the nurse cracked me up today. anyway what day is group this week",
    "is the support group still meeting now that it's tet?",
])
def test_when_the_group_meets_asked_in_passing_is_the_groups(text: str) -> None:
    assert INTENTS.intent(text) == "groups", text


def test_what_a_self_help_group_is_stays_a_question() -> None:
    assert INTENTS.intent("what is a self help group exactly") is None


async def test_the_cost_of_the_services_asked_with_worries_beside_it_is_answered(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "how much would all of these services set me back?? money's tight atm")
    assert handler == "faq", (handler, texts)


async def test_an_apology_for_asking_or_a_laugh_does_not_hide_the_question(bot: Bot) -> None:
    await onboard(bot)
    for text in ("sorry, silly question but what even is methadone haha",
                 "sorry if this is a stupid question but what even is methadone", "what even is methadone hihi"):
        _, texts = await say(bot, text)
        assert "methadone is a medicine" in texts[0].lower(), (text, texts)


async def test_a_question_of_its_own_after_a_sentence_about_a_danger_is_answered(bot: Bot) -> None:
    """The danger is why the person writes; the question is what they ask, with the line for a danger now."""
    await onboard(bot)
    answer = next(e.answer.get("vi") for e in bot.content.faq if e.id == "methadone-is-not")
    _, texts = await say(bot, "Mình là sinh viên điều dưỡng, đang viết báo cáo về sốc quá liều heroin. "
                              "Cho mình hỏi methadone có phải là ma túy không?")
    assert answer[:60] in texts[0], texts


async def test_when_a_football_match_is_on_is_off_topic(bot: Bot) -> None:
    """"mấy giờ" (what time) is no word to the bot, as "mày" (you) would be."""
    await onboard(bot)
    handler, _texts = await say(bot, "tối mai Arsenal đá với ai vậy, mấy giờ")
    assert handler == "understand:off_topic"


def test_messages_deleted_already_are_no_request_to_erase() -> None:
    assert INTENTS.intent("lỡ tay xóa hết tin nhắn cũ rồi, bot có lưu lại gì không") != "erase"
    assert INTENTS.intent("tin nhắn cũ bị xóa hết rồi") != "erase"
    assert INTENTS.intent("xóa hết dữ liệu của em đi") == "erase"


async def test_quitting_meth_asked_first_then_told_about_is_answered(bot: Bot) -> None:
    """The question comes first and the story after it: a short message is tried by its own question too."""
    await onboard(bot)
    answer = next(e.answer.get("vi") for e in bot.content.faq if e.id == "stimulants-help")
    _, texts = await say(bot, "Làm sao để cai đá ạ? Em bắt đầu chơi cuối tuần từ hồi hè, giờ gần như tối nào cũng đập")
    assert answer[:60] in texts[0], texts


async def test_a_danger_told_as_past_in_one_sentence_is_answered_by_its_last_clause(bot: Bot) -> None:
    """Commas, not full stops, between the story and the question: the question is still what is asked."""
    await onboard(bot)
    answer = next(e.answer.get("vi") for e in bot.content.faq if e.id == "methadone-what")
    _, texts = await say(bot, "anh trai em từng bị sốc thuốc hồi năm ngoái, giờ ổn rồi, cho em hỏi methadone là gì")
    assert answer[:60] in texts[0], texts


async def test_what_a_thing_is_asked_with_why_it_is_asked_is_answered_by_what_it_is(bot: Bot) -> None:
    await onboard(bot)
    answer = next(e.answer.get("vi") for e in bot.content.faq if e.id == "methadone-what")
    for text in ("metadon la cai j ma ngay nao ba em cung phai di uong vay",
                 "methadone là cái gì mà ngày nào dì em cũng đi uống thế"):
        _, texts = await say(bot, text)
        assert answer[:60] in texts[0], (text, texts)


async def test_how_to_tell_a_danger_asked_so_as_to_act_gets_the_signs(bot: Bot) -> None:
    await onboard(bot)
    answer = next(e.answer.get("en") for e in bot.content.faq if e.id == "overdose-signs")
    _, texts = await say(bot, "how would I recognise an overdose, so that we know what to do if it happens")
    assert answer[:60] in texts[0], texts


async def test_a_place_named_before_a_counseling_point_asked_for_gets_the_list_there(bot: Bot) -> None:
    """"điểm tư vấn cai nghiện" names the counseling point, not a rehab centre, and is no word said about it."""
    await onboard(bot)
    handler, texts = await say(bot, "TP Hồ Chí Minh có điểm tư vấn cai nghiện nào không vậy")
    assert handler.startswith("sites"), (handler, texts)
    assert "Phạm Ngũ Lão" in " ".join(texts), texts


async def test_a_district_the_list_lacks_asked_about_is_said_to_be_missing(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "quận Hai Bà Trưng có chỗ cấp phát methadone nào không")
    assert handler == "sites:none" and "Hai Bà Trưng" in texts[0], (handler, texts)


async def test_what_a_place_does_asked_after_being_sent_there_is_answered(bot: Bot) -> None:
    await onboard(bot)
    answer = next(e.answer.get("en") for e in bot.content.faq if e.id == "counseling-point-services")
    _, texts = await say(bot, "my cousin keeps telling me to go to the counseling point near us. "
                              "what do they even do there?")
    assert answer[:60] in texts[0], texts


async def test_english_typed_short_is_answered_in_english(bot: Bot) -> None:
    await onboard(bot)
    for text in ("help pls", "noted, thx", "understood"):
        _, texts = await say(bot, text)
        assert not any(ch in "ạảãàáâầấậẩẫăằắặẳẵđ" for ch in texts[0]), (text, texts)


def test_a_request_first_and_who_might_read_the_messages_after_it_is_the_request() -> None:
    """Who might read the messages is the reason for the request, not a question about privacy."""
    assert INTENTS.intent("dừng nhắc nhở giúp em, chồng em đọc được tin nhắn là to chuyện") == "reminder_stop"
    assert INTENTS.intent("tat nhac nho di, vo e doc dc tin nhan thi chet") == "reminder_stop"
    assert INTENTS.intent("bot có lưu tin nhắn không, em sợ vợ đọc được") == "privacy"



async def test_a_daily_visit_asked_as_a_follow_up_is_within_what_the_bot_covers(bot: Bot) -> None:
    """"for this", with no word of methadone: showing up every day is itself the bot's subject."""
    await onboard(bot)
    answer = next(e.answer.get("en") for e in bot.content.faq if e.id == "methadone-daily-dosing")
    _, texts = await say(bot, "wait, do I really have to show up every day for this? even on sundays?")
    assert answer[:60] in texts[0], texts


def test_a_yes_or_no_question_about_something_else_is_no_assent() -> None:
    """"thời" folds like "thôi" (all right): "thời tiết … có nắng không" asks about the weather."""
    assert INTENTS.smalltalk("thoi tiet da nang cuoi tuan co nang ko") is None
    assert INTENTS.smalltalk("thôi được rồi, cảm ơn ad") == "thanks"


def test_who_can_access_the_data_asked_in_mixed_words_is_privacy() -> None:
    assert INTENTS.intent("thông tin của em ở đây ai truy cập được vậy") == "privacy"
    assert INTENTS.intent("tin nhan cua minh co ai access duoc khong") == "privacy"


def test_always_is_no_time_for_a_reminder() -> None:
    """"lúc nào cũng" says always; "bảo em" (told me) folds like "báo em" (let me know)."""
    assert INTENTS.intent("mẹ bảo em lúc nào cũng cáu gắt, methadone có làm thay đổi tính khí không") is None
    assert INTENTS.intent("báo em lúc 7h sáng mỗi ngày nhé") == "reminder_set"


def test_a_phone_line_asked_for_is_no_chat_with_the_counselor_here() -> None:
    assert INTENTS.intent("is there a number I can call to talk to someone when I can't sleep") is None
    assert INTENTS.intent("có tổng đài nào để nói chuyện với ai đó lúc nửa đêm không") is None
    assert INTENTS.intent("i want to talk to someone real") == "talk"


def test_features_asked_in_more_of_their_words() -> None:
    assert INTENTS.intent("pls put me through to one of your counsellors") == "talk"
    assert INTENTS.intent("i need an appointment with someone at the point, evenings only") == "book"
    assert INTENTS.intent("do i need an appointment for my first dose") is None
    assert INTENTS.intent("nhóm sinh hoạt tháng này họp ngày nào vậy") == "groups"
    assert INTENTS.intent("when do the support groups meet") == "groups"


def test_a_word_that_folds_like_to_store_is_no_question_about_a_feature() -> None:
    """"cat" is also "cất" (to store) folded: a cat in the story does not make the request a question."""
    assert INTENTS.intent("my cat sat on my phone lol. anyway remind me at 7am every day for my dose") == "reminder_set"


def test_nearly_dead_of_tiredness_asks_for_no_place_nearby() -> None:
    """"gần chết" (nearly dead) is no "gần" (near) of a place; where to get through withdrawal or move treatment
    is an entry's answer."""
    assert INTENTS.intent("có chỗ nào gần Thủ Đức không") == "sites"
    assert INTENTS.intent("mệt gần chết, có chỗ nào giúp bỏ đá không") is None
    assert INTENTS.intent("có chỗ nào hỗ trợ cắt cơn không") is None  # the withdrawal entry says who helps
    assert INTENTS.intent("can i move my methadone to a clinic in hue") is None  # the transfer entry


async def test_a_feature_asked_after_a_joke_or_a_film_is_the_feature(bot: Bot) -> None:
    await onboard(bot)
    _, texts = await say(bot, "my sister said she'd kill me if i used her charger again lol. anyway can we switch "
                              "to english")
    assert "Switched to English." in texts, texts
    handler, texts = await say(bot, "watched suicide squad with the group last night 😂 when's the next meeting")
    assert handler.startswith("groups"), (handler, texts)


def test_learning_a_trade_and_quitting_for_good_are_what_the_bot_covers() -> None:
    assert INTENTS.on_topic("giờ ổn rồi, đang đi làm lại, muốn hỏi chỗ học nghề")
    assert INTENTS.on_topic("this time i want to quit for good, what are my options")
    assert not INTENTS.on_topic("how do i fix my laptop")


def test_killing_people_really_asked_is_no_real_person_to_talk_to() -> None:
    assert INTENTS.intent("người ngáo đá có thể giết người thật không") is None
    assert INTENTS.smalltalk("người ngáo đá có thể giết người thật không") is None
    assert INTENTS.intent("cho em nói chuyện với người thật") == "talk"


def test_which_group_is_asked_right_after_its_name_not_by_a_later_how() -> None:
    assert INTENTS.intent("Hồi 2022 anh Hải bên nhóm đồng đẳng bị sốc thuốc một lần, may cứu kịp, giờ khỏe rồi. "
                          "Anh ấy muốn bắt đầu uống methadone thì các bước thế nào?") is None
    assert INTENTS.intent("nhom tu luc co buoi nao cho nguoi nha ko") == "groups"


@pytest.mark.parametrize("text", [
    "Ảnh đang điều trị methadone ở quê, giờ muốn chuyển về cơ sở gần công ty được không ạ?",
    "can I transfer to a clinic in Da Nang"])
def test_moving_treatment_to_another_place_is_a_question_not_the_site_finder(text: str) -> None:
    assert INTENTS.intent(text) is None


async def test_a_question_and_a_feature_asked_apart_get_the_answer_then_the_feature(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "Naloxone mua ở đâu được ạ? Phòng khi chồng em bị quá liều. "
                                    "Em cũng muốn đặt lịch tư vấn cho cả hai vợ chồng.")
    assert "Naloxone" in texts[0] and "115" in texts[0] and handler.startswith("booking"), (handler, texts)
    handler, texts = await say(bot, "what are the signs of an overdose? and where is the nearest clinic in hanoi")
    assert "pinpoint" in texts[0] and handler == "sites", (handler, texts)
    handler, texts = await say(bot, "mình muốn đổi lịch hẹn sang thứ 6. nhân tiện, naloxone là gì, dùng khi nào")
    assert "Naloxone" in texts[0] and handler.startswith("booking"), (handler, texts)
    # A place told beside a question is its background, not a search asked for.
    handler, texts = await say(bot, "Em đang uống methadone ở Hà Nội. Có được mang thuốc về nhà không?")
    assert handler == "faq", (handler, texts)


async def test_a_questions_it_is_the_treatment_named_before_it(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "The tenant in room 3 gave me a shock this morning, he paid three months rent "
                                    "upfront! Says methadone turned his life around. Does it cost him anything?")
    assert handler == "faq" and "service fees" in texts[0], (handler, texts)


async def test_a_danger_asked_in_words_keeps_its_answer_before_a_feature_of_its_own(bot: Bot) -> None:
    """Asked without a "?" ("… có dễ bị sốc không ạ."), the danger's question is answered, then the feature opens; an
    "if" alone asks nothing, and the feature opens after the line."""
    await onboard(bot)
    handler, texts = await say(bot, "moi ra trai ma dung lai co de soc ko a. em muon tham gia nhom tu luc")
    assert "ra trại" in texts[0] and handler.startswith("groups"), (handler, texts)
    handler, texts = await say(bot, "haha my sister said she'd kill me if i ate her cake again. anyway switch to "
                                    "english please")
    assert handler == "start" and "113" in texts[0], (handler, texts)


async def test_an_appointment_named_as_a_time_asks_nothing_about_it(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "after my appointment tomorrow - who should I call if I ever see a kid left alone "
                                    "by a parent who uses?")
    assert handler == "crisis:about" and "111" in texts[0], (handler, texts)
    outcome = await bot.core.handle(Incoming("test", "u1", "u1", "before-appointment",
                                             text="before my appointment tomorrow, quick question: is methadone free"))
    assert (outcome.handler, outcome.entry) == ("faq", "methadone-fees"), outcome
    assert INTENTS.intent("can I move my appointment tomorrow") == "appointments"


def test_not_knowing_where_to_tap_asks_for_the_menu() -> None:
    assert INTENTS.intent("bot ơi trong menu có gì thế, mình mới vào không biết bấm đâu") == "menu"


@pytest.mark.parametrize(("text", "entry"), [
    ("want to come off the gear but the sickness last time was brutal, is there anywhere that gets you through the "
     "first days?", "withdrawal-support"),
    ("since I started ARVs my dose wears off by the evening, could the two be related?", "methadone-interactions"),
    ("someone told me there's a medicine after a risky encounter so you won't get hiv, what's it called and how does "
     "it work", "pep"),
    ("nộp hồ sơ xin việc thì bên tuyển dụng có biết em đang điều trị methadone không", "confidentiality"),
    ("uống thuốc HIV mấy tháng nay, chiều nào cũng thấy methadone hết tác dụng sớm, có liên quan không",
     "methadone-interactions"),
])
async def test_questions_in_their_own_words_find_their_entry(bot: Bot, text: str, entry: str) -> None:
    await onboard(bot)
    outcome = await bot.core.handle(Incoming("test", "u1", "u1", "own-" + entry, text=text))
    assert outcome.handler in ("faq", "crisis:about") and outcome.entry == entry, outcome


async def test_a_feature_asked_for_in_one_clause_of_a_sentence_opens_after_the_answer(bot: Bot) -> None:
    """"Tắt nhắc nhở đi ad, tôi chuyển qua cơ sở khác uống rồi.": the sentence asks for nothing as a whole, its first
    clause does; the question in the next sentence is answered first."""
    await onboard(bot)
    handler, texts = await say(bot, "Tắt nhắc nhở đi ad, tôi chuyển qua cơ sở khác uống rồi. Mà ngưng methadone một "
                                    "thời gian rồi chích lại có dễ quá liều không?")
    assert handler.startswith("reminders") and "115" in texts[0], (handler, texts)
    handler, texts = await say(bot, "Hủy lịch hẹn thứ 5 giúp em, em chuyển sang điểm khác. Còn nữa, dùng methadone với "
                                    "thuốc ngủ có nguy hiểm không?")
    assert handler.startswith("booking") and "115" in texts[0], (handler, texts)


async def test_a_danger_told_across_the_other_sentences_is_answered_before_the_feature(bot: Bot) -> None:
    """The excess is in one sentence and the drug in the next ("… how do I know if she's taken too much? She's 72 and on
    methadone."): read together they ask about a danger, answered before the booking opens."""
    await onboard(bot)
    handler, texts = await say(bot, "I want to book a counseling session for my mum next week. Also, how do I know if "
                                    "she's taken too much? She's 72 and on methadone.")
    assert handler.startswith("booking") and "115" in texts[0], (handler, texts)


async def test_a_question_in_the_last_clause_of_one_long_sentence_is_answered(bot: Bot) -> None:
    await onboard(bot)
    outcome = await bot.core.handle(Incoming(
        "test", "u1", "u1", "clause-1", text="anh ấy hay nói đùa 'thiếu cà phê là chết', giờ đi làm xa nhà cả năm, có "
                                           "chuyển điểm uống methadone theo được không"))
    assert (outcome.handler, outcome.entry) == ("faq", "methadone-transfer"), outcome


@pytest.mark.parametrize("text", ["uống methadone có kỵ thuốc đau dạ dày không", "methadone kị nhau với thuốc gì"])
async def test_medicines_that_clash_in_the_old_word_ask_about_interactions(bot: Bot, text: str) -> None:
    await onboard(bot)
    outcome = await bot.core.handle(Incoming("test", "u1", "u1", "ky-" + text[-12:], text=text))
    assert (outcome.handler, outcome.entry) == ("faq", "methadone-interactions"), outcome


async def test_central_vietnamese_where_asks_for_a_place(bot: Bot) -> None:
    await onboard(bot)
    for text in ("cho tui hỏi ở Hà Nội có chỗ uống methadone mô không",
                 "chừ tui muốn uống methadone thì uống ở mô rứa"):
        handler, _texts = await say(bot, text)
        assert handler == "sites", text


async def test_an_erasure_asked_for_after_a_danger_told_as_over_opens(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "mấy năm trước em từng bị sốc thuốc phải đi viện, giờ ổn rồi, em muốn xóa hết "
                                    "thông tin của em trên đây")
    assert handler == "privacy", texts
    assert "115" in texts[0], texts


async def test_a_meetings_time_asked_without_naming_the_group_finds_the_groups(bot: Bot) -> None:
    await onboard(bot)
    for text in ("bao giờ họp vậy mọi người", "buổi trước nói về quá liều nghe sợ thật, lúc nào họp tiếp ạ?"):
        handler, texts = await say(bot, text)
        assert handler == "groups", (text, texts)


async def test_a_double_dose_watched_over_and_found_fine_is_over(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "hôm thứ hai em lỡ uống 2 liều, phòng khám theo dõi, không sao. giờ nhắc em 6h "
                                    "sáng mỗi ngày nha")
    assert handler == "reminders:set", (handler, texts)
    assert not any("kể cả khi người đó trông vẫn bình thường" in text for text in texts), texts


async def test_a_word_for_friends_beside_a_question_about_a_danger_opens_no_groups(bot: Bot) -> None:
    """"Nhóm" alone is the self-help group only next to the word that asks for it."""
    await onboard(bot)
    handler, texts = await say(bot, "Nhóm tụi em đi phượt hay chơi cỏ chung, có đứa từng bị sốc. Em muốn biết khi nào "
                                    "thì là sốc thuốc để còn gọi cấp cứu cho kịp")
    assert handler == "crisis:about", (handler, texts)
    for text in ("khi nào nhóm họp vậy ad", "join the group"):
        handler, _texts = await say(bot, text)
        assert handler == "groups", text


async def test_a_story_of_ones_treatment_that_asks_about_the_danger_gets_the_dangers_answer(bot: Bot) -> None:
    await onboard(bot)
    outcome = await bot.core.handle(Incoming("test", "u1", "u1", "story-signs", text=(
        "Chồng em mới vào điều trị methadone được chục ngày, bác sĩ đang tăng liều dần, anh ấy hay ngáp và buồn ngủ. "
        "Em muốn biết dấu hiệu quá liều là gì để còn theo dõi cho anh ấy")))
    assert (outcome.handler, outcome.entry) == ("crisis:about", "overdose-signs"), outcome


async def test_a_few_words_of_what_happened_then_what_is_wanted_now_finds_what_is_wanted(bot: Bot) -> None:
    await onboard(bot)
    for text, entry in (("hồi trước suýt chết vì hàng trắng, giờ muốn cai", "wanting-to-quit"),
                        ("overdosed twice back in 2020, now i want to start methadone", "methadone-enrolment-steps")):
        outcome = await bot.core.handle(Incoming("test", "u1", "u1", "wants-" + entry, text=text))
        assert outcome.handler in ("faq", "crisis:about") and outcome.entry == entry, (text, outcome)


async def test_is_it_true_asks_how_things_are_and_opens_no_feature(bot: Bot) -> None:
    await onboard(bot)
    outcome = await bot.core.handle(Incoming("test", "u1", "u1", "is-it-true", text=(
        "my aunt says people on methadone must go to the clinic every day, is it true they have to go daily?")))
    assert (outcome.handler, outcome.entry) == ("faq", "methadone-daily-dosing"), outcome


async def test_a_thing_the_faq_tells_where_to_get_sought_in_a_place_gets_its_answer(bot: Bot) -> None:
    """The entry says where to get clean needles or condoms; the site finder lists treatment sites."""
    await onboard(bot)
    for text, entry in (("where do i get clean needles in hai phong", "clean-needles"),
                        ("condoms in ha noi", "free-condoms")):
        outcome = await bot.core.handle(Incoming("test", "u1", "u1", "thing-" + entry, text=text))
        assert (outcome.handler, outcome.entry) == ("faq", entry), (text, outcome)
    handler, _texts = await say(bot, "where is a methadone clinic in hai phong")
    assert handler == "sites"


async def test_how_many_are_treated_is_a_number_to_tell_not_a_site_to_find(bot: Bot) -> None:
    await onboard(bot)
    outcome = await bot.core.handle(Incoming("test", "u1", "u1", "how-many", text=(
        "how many patients are there on methadone in vietnam right now?")))
    assert (outcome.handler, outcome.entry) == ("faq", "methadone-scale"), outcome


async def test_what_the_bot_does_asked_in_everyday_words_shows_the_menu(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "so what kind of stuff can you do for me")
    assert handler == "menu", (handler, texts)


async def test_street_names_and_life_after_quitting_are_within_what_the_bot_covers(bot: Bot) -> None:
    await onboard(bot)
    for text, entry in (
            ("my nephew keeps mentioning 'funky balls' at parties, what are they?", "new-drugs"),
            ("since i quit i barely sleep and feel flat all day, is that normal?", "mental-health-after-use")):
        outcome = await bot.core.handle(Incoming("test", "u1", "u1", "topic-" + entry, text=text))
        assert outcome.handler in ("faq", "crisis:about") and outcome.entry == entry, (text, outcome)


async def test_a_childs_swallowing_or_whether_to_call_asked_gets_the_dangers_own_entry(bot: Bot) -> None:
    await onboard(bot)
    for text, entry in (
            ("bé 3 tuổi uống phải bao nhiêu ml methadone thì nguy hiểm ạ", "methadone-swallowed-by-someone-else"),
            ("should i call an ambulance if my mate is just nodding off after using?", "overdose-signs")):
        outcome = await bot.core.handle(Incoming("test", "u1", "u1", "own-" + entry, text=text))
        assert (outcome.handler, outcome.entry) == ("crisis:about", entry), (text, outcome)
    outcome = await bot.core.handle(Incoming("test", "u1", "u1", "which-number", text="quá liều thì gọi số nào"))
    assert outcome.entry == "emergency-numbers", outcome


async def test_asking_whether_it_is_an_ai_or_who_made_it_gets_the_honest_reply(bot: Bot) -> None:
    await onboard(bot)
    for text, kind in (("AI hả?", "is_human"), ("are you an AI", "is_human"), ("who built this bot", "who_are_you"),
                       ("ai làm ra bot này vậy", "who_are_you")):
        outcome = await bot.core.handle(Incoming("test", "u1", "u1", "ai-" + text, text=text))
        assert (outcome.handler, outcome.entry) == ("smalltalk", kind), (text, outcome)
    handler, _texts = await say(bot, "con tôi bị ai đánh hả")
    assert handler != "smalltalk"


async def test_messages_stored_and_how_the_bot_works_are_privacy_and_the_menu(bot: Bot) -> None:
    await onboard(bot)
    for text, feature in (("do you store my messages", "privacy"), ("how does this bot work", "menu")):
        handler, texts = await say(bot, text)
        assert handler.split(":")[0] == feature, (text, handler, texts)
    outcome = await bot.core.handle(Incoming("test", "u1", "u1", "store-dose", text=(
        "how should i store my methadone at home")))
    assert outcome.handler in ("faq", "crisis:about"), outcome


@pytest.mark.parametrize(("text", "language"), [
    ("quay lại tiếng việt giúp em với, mẹ em đọc không hiểu", "vi"),
    ("trở về tiếng việt nha ad, ba em đọc không được tiếng anh", "vi"),
    ("quay lại tiếng anh đi, bạn em đọc cùng", "en"),
])
def test_going_back_to_a_language_in_a_clause_of_its_own_is_a_request(text: str, language: str) -> None:
    """"Quay lại", "trở về" right before a language name ask for it, as "đổi sang" does; "quay lại học tiếng anh" names
    the language inside a sentence about something else."""
    assert INTENTS.language_request(text) == language, text
    assert INTENTS.language_request("em muốn quay lại học tiếng anh, uống methadone có ảnh hưởng trí nhớ không") is None


@pytest.mark.parametrize(("text", "language"), [
    ("could we go back to english? my cousin from Sydney is reading along", "en"),
    ("pls go back to vietnamese, my dad reads with me", "vi"),
    ("back to english please", "en"),
])
def test_going_back_to_a_language_in_english_is_a_request(text: str, language: str) -> None:
    assert INTENTS.language_request(text) == language, text


@pytest.mark.parametrize("text", ["I want to go back to english class next year, is that ok on methadone",
                                  "my son went back to vietnamese school this week",
                                  "switch to english class or stay in the vietnamese one, which is better for my son",
                                  "back to vietnamese food tonight, any recipe?"])
def test_a_language_that_names_a_class_or_a_school_switches_nothing(text: str) -> None:
    """A language name followed by a class, a school, a lesson or a dish is what is learned or eaten, whatever verb of
    going or changing comes before it."""
    assert INTENTS.language_request(text) is None, text


@pytest.mark.parametrize("text", ["there's a methadone clinic near my work, what would they do for me on day one?",
                                  "trung tâm cai nghiện gần nhà em thì người ở trong đó có quyền gì",
                                  "trạm y tế gần nhà có khám cho người dùng ma túy không"])
def test_what_a_place_does_or_what_rights_one_has_in_it_asks_for_no_list_of_places(text: str) -> None:
    assert INTENTS.intent(text) is None, text


@pytest.mark.parametrize("text", ["methadone clinic near me", "điểm tư vấn gần nhất ở đâu"])
def test_a_place_asked_for_is_still_the_finder(text: str) -> None:
    assert INTENTS.intent(text) == "sites", text


def test_a_story_told_for_someone_beside_a_booking_passes_nothing_on_to_a_counselor() -> None:
    """"chuyện" (a story) folds like "chuyển" (to pass on): "hỏi chuyện … cho chồng em" is no handover."""
    text = "em muốn đặt lịch gặp tư vấn viên chiều mai, để hỏi chuyện đi cai cho con trai em"
    assert INTENTS.intent(text) == "book"


@pytest.mark.parametrize("text", ["chuyển em sang tư vấn viên", "chuyển giúp em cho người tư vấn"])
def test_a_chat_passed_on_to_a_counselor_is_still_the_talk(text: str) -> None:
    assert INTENTS.intent(text) == "talk"


@pytest.mark.parametrize("text", ["are whippets bad for your brain", "is nos actually harmful"])
def test_nitrous_by_its_street_names_is_within_what_the_bot_covers(text: str) -> None:
    assert INTENTS.on_topic(text), text


@pytest.mark.parametrize("text", ["sắp đi công tác Cần Thơ 10 ngày, uống methadone ở đâu",
                                  "going on holiday for a week, where can i dose while i'm away"])
def test_away_for_a_while_and_asking_where_to_dose_asks_for_no_list_of_places(text: str) -> None:
    assert INTENTS.intent(text) is None, text


@pytest.mark.parametrize(("text", "intent"), [("tìm giúp em cơ sở methadone ở Đà Nẵng, em đi công tác", "sites"),
                                              ("em về quê 1 tuần, tạm dừng nhắc nhở giúp em", "reminder_pause")])
def test_away_with_a_place_asked_for_or_reminders_paused_is_still_that_feature(text: str, intent: str) -> None:
    assert INTENTS.intent(text) == intent, text


async def test_away_for_a_while_and_asking_where_to_dose_is_told_to_tell_the_clinic_first(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "sắp đi công tác Cần Thơ 10 ngày, uống methadone ở đâu")
    assert handler == "faq" and "Báo cơ sở đang điều trị" in texts[0], texts


@pytest.mark.parametrize(("text", "leaves"), [("thôi", True), ("hủy nhé ad", True), ("cancel please", True),
                                              ("bỏ qua", True), ("thoi ko dat nua", True), ("never mind", True),
                                              ("thôi rồi", False), ("bố", False), ("stop", False),
                                              ("thôi em không muốn sống nữa", False), ("hủy lịch hẹn thứ 6", False)])
def test_leaving_a_step_is_the_whole_message(text: str, leaves: bool) -> None:
    """Said alone, "thôi", "hủy", "never mind" leave a feature's steps; said with anything more, they are read as what
    the rest says. "Stop" is left to the features it may name (reminders)."""
    assert INTENTS.leaves_the_step(text) is leaves, text


@pytest.mark.parametrize(("text", "intent"), [("đổi lịch sang thứ 5", "appointments"),
                                              ("em muốn dời lịch", "appointments"),
                                              ("đổi lịch nhắc sang 8h", "reminder_set")])
def test_a_schedule_changed_is_the_appointment_unless_it_is_the_reminder(text: str, intent: str) -> None:
    assert INTENTS.intent(text) == intent, text


async def test_violence_asked_about_in_an_overdoses_words_gets_whom_to_call_not_first_aid(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "mình nên làm gì nếu thằng em phê đá rồi đòi đánh người")
    assert handler == "crisis:about" and "113" in texts[0] and "nằm nghiêng" not in texts[0], (handler, texts)


@pytest.mark.parametrize("text", ["làm hộ chiếu cần những giấy tờ gì", "how much is the fee to renew a passport",
                                  "viết giúp em cái status chúc mừng năm mới"])
async def test_an_errand_elsewhere_asked_in_the_words_of_papers_or_fees_is_outside_what_the_bot_does(
        bot: Bot, text: str) -> None:
    await onboard(bot)
    handler, _texts = await say(bot, text)
    assert handler == "understand:off_topic", (text, handler)


async def test_treatments_own_papers_and_quitting_stay_inside_what_the_bot_does(bot: Bot) -> None:
    await onboard(bot)
    for text in ("đăng ký điều trị methadone cần giấy tờ gì", "cai o dau", "cái vòng định vị đó phải đeo bao lâu"):
        handler, _texts = await say(bot, text)
        assert handler != "understand:off_topic", (text, handler)


async def test_groups_asked_for_with_none_on_the_bot_says_what_a_group_is(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "có nhóm hỗ trợ nào cho con cái của người sử dụng ma túy không")
    answer = bot.services.faq.by_id["self-help-groups"].answer.get("vi")
    assert handler == "groups" and answer[:60] in texts[0] and "Hiện chưa có nhóm nào" in texts[0], (handler, texts)


async def test_a_places_hours_asked_get_what_is_known_of_hours_not_a_list_of_sites(bot: Bot) -> None:
    await onboard(bot)
    for text in ("clinic near me, is it open sundays? what time can I get my dose",
                 "điểm methadone gần nhà em chủ nhật có mở cửa không"):
        handler, _texts = await say(bot, text)
        assert handler == "faq", (text, handler)
    handler, _texts = await say(bot, "tìm điểm methadone gần nhất mở cửa chủ nhật")
    assert handler.startswith("sites"), handler  # asked for in so many words


async def test_a_short_question_in_english_words_that_vietnamese_also_spells_is_answered_in_english(bot: Bot) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, "can a 15yo get on methadone")
    assert texts and "12" in texts[0] and "Được" not in texts[0], texts


def test_a_role_said_a_mention_or_someone_elses_wish_opens_no_feature() -> None:
    role = "Tôi là tư vấn viên, cho hỏi người đang điều trị mà dùng ma túy có bị xử lý hình sự không"
    assert INTENTS.intent(role) != "talk"
    mentioned = "trong buổi họp, vụ sốc thuốc năm ngoái được nhắc lại. cai nghiện tự nguyện có mất phí không"
    assert INTENTS.intent(mentioned) != "reminder_set"
    assert INTENTS.intent("khách hàng của em muốn xóa hết dữ liệu trên bot thì làm thế nào") is None
    assert INTENTS.intent("em muốn xóa hết dữ liệu của em") == "erase"
    assert INTENTS.intent("cho em nói chuyện với tư vấn viên") == "talk"


async def test_advice_on_an_errand_elsewhere_is_outside_what_the_bot_does(bot: Bot) -> None:
    await onboard(bot)
    handler, _texts = await say(bot, "tu van giup e nen mua xe may nao tam 30 trieu")
    assert handler == "understand:off_topic", handler


async def test_a_child_swallowing_a_take_home_dose_feared_gets_what_to_do_and_how_to_keep_it(bot: Bot) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, "Phòng trọ bên cạnh có người được mang methadone về nhà, tôi sợ con tôi lấy uống "
                                     "nhầm, nên nhắc họ cất thuốc thế nào?")
    answer = bot.services.faq.by_id["methadone-swallowed-by-someone-else"].answer.get("vi")
    assert answer[:60] in texts[0], texts


async def test_an_overdose_supposed_and_what_the_family_should_do_gets_the_first_steps(bot: Bot) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, "lỡ sau này anh em tái nghiện rồi bị sốc thì gia đình phải làm gì")
    assert texts[0].startswith("1. Gọi 115."), texts


async def test_a_question_typed_as_one_word_is_answered(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "quenuongmethadonehomquathisaoa")
    answer = bot.services.faq.by_id["methadone-missed-dose"].answer.get("vi")
    assert handler == "faq" and answer[:60] in texts[0], (handler, texts)


async def test_a_medicines_name_spelled_as_it_sounds_is_answered(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "thuoc nalokson co ban o hieu thuoc ko")
    answer = bot.services.faq.by_id["naloxone"].answer.get("vi")
    assert handler in ("faq", "crisis:about") and answer[:60] in texts[0], (handler, texts)


def test_a_first_time_with_the_bot_said_beside_a_greeting_is_a_greeting() -> None:
    assert INTENTS.smalltalk("Chào con, cô mới dùng cái này lần đầu") == "greeting"
    assert INTENTS.smalltalk("hello, first time using this") == "greeting"
    assert INTENTS.smalltalk("lần đầu dùng heroin có sao không") is None  # a first use of a drug, asked about


async def test_an_aside_then_a_place_asked_in_a_sentence_of_its_own_finds_the_sites(bot: Bot) -> None:
    await onboard(bot)
    handler, _texts = await say(bot, "con chó nhà em tha mất nguyên cái dép của hàng xóm, quê quá trời 😅 mà ad ơi "
                                     "điểm tư vấn ở Thủ Đức nằm đâu vậy")
    assert handler.startswith("sites"), handler


async def test_a_wish_to_understand_said_after_a_loss_is_the_question_answered(bot: Bot) -> None:
    await onboard(bot)
    text = "my cousin died of an overdose years ago. I'd like to understand how methadone works in the body"
    marked = marked_question(bot.services.faq, text)
    assert marked is not None and marked[0] is not None and marked[0].id == "methadone-how-it-works", marked
    _handler, texts = await say(bot, text)
    answer = bot.services.faq.by_id["methadone-how-it-works"].answer.get("en")
    assert answer[:60] in texts[0], texts


async def test_whether_to_take_more_of_something_asked_with_a_sign_feared_gets_its_entry(bot: Bot) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, "đang uống methadone có nên uống thêm thuốc ngủ cho dễ ngủ không, em sợ bị "
                                     "ngừng thở")
    answer = bot.services.faq.by_id["methadone-alcohol-sedatives"].answer.get("vi")
    assert answer[:60] in texts[0], texts


async def test_a_place_asked_with_what_is_not_meant_set_aside_finds_the_sites(bot: Bot) -> None:
    await onboard(bot)
    handler, _texts = await say(bot, "à nhầm, ý em là điểm uống methadone ở Gò Vấp chứ không phải bệnh viện")
    assert handler.startswith("sites"), handler


def test_wanting_to_stop_using_is_on_topic() -> None:
    assert INTENTS.on_topic("made up my mind to stop using")


async def test_a_wish_to_get_into_the_group_typed_without_marks_opens_the_groups(bot: Bot) -> None:
    await onboard(bot)
    handler, _texts = await say(bot, "anh muon vo nhom tu luc cua phuong")
    assert handler == "groups", handler


async def test_being_set_up_with_a_counselor_books(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "could you set me up with a counselor sometime next week")
    assert handler.startswith(("consent", "booking")), (handler, texts)


async def test_a_false_alarm_taken_back_beside_a_booking_books(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "false alarm, sorry about that. can i book a counselor for tomorrow")
    assert handler.startswith(("consent", "booking")), (handler, texts)


def test_a_poem_to_find_is_no_site_and_a_point_closer_to_a_place_is() -> None:
    assert INTENTS.intent("tìm giúp chị một bài hát ru cho con ngủ") != "sites"
    assert INTENTS.intent("is there a methadone clinic closer to Binh Thanh?") == "sites"


def test_the_privacy_policy_asked_by_its_full_name_is_privacy() -> None:
    assert INTENTS.intent("cho mình đọc chính sách quyền riêng tư") == "privacy"


@pytest.mark.parametrize("text", ["who confirms dependence and what is involved?",
                                  "do I have a follow-up period with the commune once I finish?"])
def test_dependence_and_the_communes_follow_up_are_on_topic(text: str) -> None:
    assert INTENTS.on_topic(text)


def test_moving_to_another_dosing_point_is_no_site_search_and_an_appointment_named_as_a_time_can_be_moved() -> None:
    assert INTENTS.intent("chuyển sang uống methadone ở cơ sở gần chỗ làm mới được không ạ") != "sites"
    assert INTENTS.intent("waiting around before my appointment, could i push it to 4pm?") == "appointments"


@pytest.mark.parametrize("text", ["cho hỏi điểm uống methadone tại Hoàng Mai", "any methadone clinic near Tay Ho?"])
async def test_a_kind_of_site_asked_in_a_place_the_list_lacks_says_so(bot: Bot, text: str) -> None:
    await onboard(bot)
    handler, texts = await say(bot, text)
    assert handler == "sites:none", (handler, texts)
    assert "Hoàng Mai" in texts[0] or "Tay Ho" in texts[0], texts


def test_a_name_after_in_or_o_is_a_place_only_beside_what_is_looked_for() -> None:
    assert place_said("điểm methadone ở Cầu Giấy") == "Cầu Giấy"
    assert place_said("hôm qua em ở Cầu Giấy chơi") is None
    assert place_said("methadone info in English please") is None
    assert place_said("ODd in 2021, now want methadone") is None  # a year, not a place


async def test_a_commune_feared_to_know_is_no_place_sought(bot: Bot) -> None:
    await onboard(bot)
    handler, _texts = await say(bot, "sợ đi uống methadone thì xã biết")
    assert not handler.startswith("sites"), handler


def test_putting_reminders_off_for_a_while_pauses_them_and_tina_is_on_topic() -> None:
    assert INTENTS.intent("hoãn nhắc nhở giúp em tuần này nhé") == "reminder_pause"
    assert INTENTS.on_topic("been on tina all weekend")


@pytest.mark.parametrize("text", ["whats the weather in hanoi", "best pho in da nang"])
async def test_something_else_asked_about_a_place_is_off_topic_not_the_sites_there(bot: Bot, text: str) -> None:
    await onboard(bot)
    handler, _texts = await say(bot, text)
    assert handler == "understand:off_topic", handler


async def test_where_the_writer_is_said_alone_still_finds_the_sites(bot: Bot) -> None:
    await onboard(bot)
    handler, _texts = await say(bot, "em o thu duc")
    assert handler.startswith("sites"), handler


def test_a_singers_name_is_not_the_word_son_and_a_son_named_is_on_topic() -> None:
    assert not INTENTS.on_topic("ban co nghe bai moi cua son tung chua")
    assert INTENTS.on_topic("my son is on meth, what can we do")


@pytest.mark.parametrize("text", ["bot ơi hôm nay giá vàng bao nhiêu", "tối nay có đá bóng không bot"])
async def test_something_else_asked_with_the_bot_called_by_name_is_off_topic(bot: Bot, text: str) -> None:
    await onboard(bot)
    handler, _texts = await say(bot, text)
    assert handler == "understand:off_topic", handler


def test_take_home_doses_asked_by_someone_who_works_far_away_is_no_site_search() -> None:
    assert INTENTS.intent("any chance of take-home doses? my job is nowhere near a clinic") != "sites"


async def test_who_runs_the_bot_named_last_is_still_about_the_bot(bot: Bot) -> None:
    # guard: "this bot" at the end names the bot; it is no address
    await onboard(bot)
    handler, _texts = await say(bot, "making a film about harm reduction in Hanoi. who is behind this bot?")
    assert handler != "understand:off_topic", handler


def test_whether_a_group_meets_on_a_day_is_the_groups_and_whether_the_police_will_know_is_no_booking() -> None:
    assert INTENTS.intent("does the self-help group meet on Saturday?") == "groups"
    assert INTENTS.intent("mẹ em hẹn tuần sau đi đăng ký methadone, liệu có bị công an biết không") != "book"


def test_heroin_called_he_is_on_topic_and_what_a_point_helps_with_is_no_site_search() -> None:
    assert INTENTS.on_topic("xài hê mấy năm nay, giờ muốn bỏ mà không biết bắt đầu sao")
    assert not INTENTS.on_topic("he wants to know the weather")
    assert INTENTS.intent("Xã em có điểm tư vấn, đến đó thì được giúp những gì ạ?") != "sites"


async def test_a_question_put_to_the_bot_called_by_name_is_still_about_the_bot(bot: Bot) -> None:
    # guard: "you" says the question is the bot's own, whatever the name at its end
    await onboard(bot)
    handler, _texts = await say(bot, "are you gonna rat me out to the cops bot")
    assert handler != "understand:off_topic", handler


def test_a_low_mood_and_owning_up_to_use_are_on_topic() -> None:
    assert INTENTS.on_topic("i've felt low for a month and just want someone to talk to")
    assert INTENTS.on_topic("nếu tự lên khai với công an xã thì có bị xử nặng không")
    # guard: someone to call about something else is not
    assert not INTENTS.on_topic("is there somebody i can call to fix my wifi")


def test_privacy_named_with_a_word_or_two_is_privacy() -> None:
    assert INTENTS.intent("privacy details please") == "privacy"


def test_a_record_asked_for_by_employers_and_everywhere_are_no_booking_and_no_place() -> None:
    assert INTENTS.intent("ra tù rồi xin việc ở đâu cũng đòi lý lịch, có chỗ nào dạy nghề không ad") is None
    # guard: a place still asked for
    assert INTENTS.intent("có chỗ nào cấp methadone ở Thủ Đức không") == "sites"


def test_whether_an_appointment_is_confirmed_is_the_appointments() -> None:
    assert INTENTS.intent("buổi hẹn thứ sáu của tôi được xác nhận chưa") == "appointments"


async def test_a_little_question_said_after_a_story_is_the_question_answered(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "Bà em bị động kinh mấy chục năm, giờ uống thuốc đều nên ổn. Em hỏi xíu: điều trị "
                                    "methadone có phải sáng nào cũng lên cơ sở không ạ")
    assert handler in ("faq", "crisis:about") and "mỗi ngày" in texts[0], (handler, texts)


def test_a_dosing_point_near_a_place_named_and_a_group_for_people_like_me_are_asked_for() -> None:
    assert INTENTS.intent("có điểm uống methadone nào gần bến xe Giáp Bát không ạ") == "sites"
    assert INTENTS.intent("is there a self help group for grandparents raising grandkids") == "groups"
    # guard: what a group is stays a question
    assert INTENTS.intent("what is a self help group") is None


def test_how_one_medicine_differs_from_another_is_no_place_asked_for() -> None:
    assert INTENTS.intent("bupre khác methadone ở đâu vậy ad") is None
    # guard: another place, asked where, is still the sites
    assert INTENTS.intent("cơ sở khác ở đâu gần đây") == "sites"


async def test_the_menu_asked_for_after_a_danger_told_as_over_opens_after_the_line(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "my cousin overdosed two years ago and pulled through. anyway, show me the menu")
    assert handler == "menu" and "115" in texts[0] and len(texts) >= 2, (handler, texts)


def test_a_tracking_bracelet_is_on_topic() -> None:
    assert INTENTS.on_topic("is the tracking bracelet thing for real, who has to wear it")
    # guard: a bracelet of jewellery is not
    assert not INTENTS.on_topic("where can i buy a silver bracelet for my mum")


async def test_what_are_my_options_after_a_wish_to_quit_is_the_question_not_the_menu(bot: Bot) -> None:
    # guard: "what are my options" words the menu too, but after a story still going on it asks about the story
    await onboard(bot)
    handler, texts = await say(bot, "tired of blowing my whole pay on it and hiding it from my wife. i want to quit. "
                                    "what are my options?")
    assert handler != "menu", (handler, texts)


def test_a_thing_mentioned_by_the_doctor_is_no_reminder() -> None:
    assert INTENTS.intent("bác sĩ có nhắc tới xơ gan, giờ muốn xét nghiệm thì đi đâu") is None
    # guard: being reminded when it is time stays a reminder
    assert INTENTS.intent("muốn được nhắc đến giờ uống thuốc mỗi sáng") == "reminder_set"
    # guard: until when reminders stop ("nhắc đến chủ nhật", "nhắc qua Tết") is no mention
    assert INTENTS.intent("tạm ngưng nhắc đến chủ nhật nhé") == "reminder_pause"


def test_a_thing_mentioned_on_the_news_or_television_is_no_reminder() -> None:
    assert INTENTS.intent("bản tin sáng nay có nhắc quy định mới về cai nghiện tự nguyện, cụ thể thế nào") is None
    assert INTENTS.intent("trên báo có nhắc luật mới, cai nghiện bắt buộc bao lâu") is None
    # guard: a reminder asked for after watching it stays one
    assert INTENTS.intent("xem tivi xong nhắc tôi uống methadone 7h sáng mai nhé") == "reminder_set"
    assert INTENTS.intent("đặt báo thức nhắc em uống thuốc 6h sáng") == "reminder_set"


def test_a_language_asked_for_after_a_turning_word_is_the_language() -> None:
    assert INTENTS.intent("anyway how do I switch you to English") == "language_en"
    # guard: a language named in a sentence about something else stays no request
    assert INTENTS.intent("anyway my english homework is due tomorrow") is None


def test_an_insult_made_with_a_comparison_is_an_insult() -> None:
    assert INTENTS.smalltalk("con bot ngu như bò") == "insult"


def test_groups_that_meet_near_the_writer_are_the_groups_and_what_the_bot_is_is_who_it_is() -> None:
    assert INTENTS.intent("do any groups for families meet near me") == "groups"
    # guard: groups of people near the writer are no meeting
    assert INTENTS.intent("there are groups of kids selling drugs near me") is None
    assert INTENTS.smalltalk("m là cái gì thế") == "who_are_you"


def test_a_scene_where_and_a_difference_where_and_a_line_to_call_ask_for_no_feature() -> None:
    assert INTENTS.intent("saw a film where the hero gets clean, anyway do employers test for methadone?") is None
    assert INTENTS.intent("điểm phát thuốc ở xã em khác cái phòng khám methadone trên huyện chỗ nào") is None
    assert INTENTS.intent("có đường dây nào để tâm sự với ai đó không") is None
    # guard: a place where methadone is given stays the sites
    assert INTENTS.intent("is there a place where i can get methadone near me") == "sites"


def test_whether_staff_can_see_the_writers_number_is_privacy() -> None:
    assert INTENTS.intent("tư vấn viên có biết được số điện thoại của em không") == "privacy"


def test_a_chat_history_kept_is_privacy_and_a_drug_named_often_by_friends_is_no_reminder() -> None:
    assert INTENTS.intent("is my chat history kept somewhere? my wife reads my phone") == "privacy"
    assert INTENTS.intent("mấy đứa bạn cứ nhắc suốt cái tên subutex, thuốc đó là gì vậy") is None
    # guard: a reminder asked for after friends' nagging stays a reminder
    assert INTENTS.intent("vợ nhắc hoài mà em vẫn quên, nhắc em uống thuốc 6h sáng nhé") == "reminder_set"


async def test_a_collapse_dealt_with_then_another_question_gets_that_question_answered(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "sáng nay có anh ngất ở điểm uống thuốc, nhân viên xử lý xong, anh ấy tỉnh rồi. "
                                    "chủ nhật điểm có mở không")
    assert handler == "crisis:about" and "115" in texts[0], (handler, texts)
    opening_hours = bot.services.faq.by_id["methadone-opening-hours"].answer.get("vi")
    assert opening_hours[:60] in texts[0], texts


async def test_a_threat_settled_by_the_police_then_a_counselor_asked_for_opens_the_talk(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "hôm qua nó đòi đánh em vì nợ tiền nhưng công an đến giải quyết xong rồi giờ em "
                                    "muốn nói chuyện với người tư vấn")
    assert handler.startswith(("talk", "privacy:consent")) and "113" in texts[0], (handler, texts)


def test_a_novel_where_a_place_is_named_asks_for_no_place() -> None:
    assert INTENTS.intent("writing a novel where the hero gets methadone in Da Nang. can the police see his file?") \
        is None


async def test_a_harm_told_as_past_then_a_question_the_ranker_is_sure_of_gets_that_answer(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "Ông xã tôi từng bị đánh hồi 2022, nay ổn định methadone rồi. Giờ muốn đi làm "
                                    "tài xế có được không")
    driving = bot.services.faq.by_id["methadone-driving-work"].answer.get("vi")
    assert handler == "crisis:about" and driving[:60] in texts[0], (handler, texts)


async def test_a_death_long_past_then_treatment_sought_for_oneself_is_no_alarm(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "my best friend OD'd and died in 2017. i'm finally ready to get help for myself, "
                                    "what do i do to begin methadone")
    assert handler == "crisis:about", (handler, texts)


async def test_something_the_site_list_lacks_sought_with_a_where_gets_its_entry(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "gần đây có chỗ nào phát kim tiêm sạch không ạ")
    needles = bot.services.faq.by_id["clean-needles"].answer.get("vi")
    assert handler == "faq" and needles[:60] in texts[0], (handler, texts)
    # guard: a methadone clinic sought with a where stays the site finder
    handler, _texts = await say(bot, "quanh đây chỗ nào uống methadone vậy")
    assert handler.startswith("sites"), handler


async def test_a_familys_question_shaped_like_a_place_and_a_month_gets_its_entry(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "my son leaves the rehab centre in June and we're scared he'll relapse. what can "
                                    "we do as a family to support him?")
    family = bot.services.faq.by_id["family-support"].answer.get("en")
    assert handler == "faq" and family[:60] in texts[0], (handler, texts)


async def test_wanting_someone_to_talk_to_is_within_what_the_bot_covers(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "buon qua, chi muon co nguoi de noi chuyen thoi")
    line = bot.services.faq.by_id["mental-health-line"].answer.get("vi")
    assert handler == "faq" and line[:40] in texts[0], (handler, texts)


def test_the_language_asked_for_wins_over_one_the_writer_says_they_cannot_read_after_it() -> None:
    assert INTENTS.language_request("trả lời tiếng Việt nha, tiếng Anh mình đọc không hiểu") == "vi"
    # guard: the other way round
    assert INTENTS.language_request("không hiểu tiếng Anh, nói tiếng Việt giùm") == "vi"


def test_staff_seeing_the_chat_history_is_privacy_and_an_emergency_number_to_keep_is_not() -> None:
    assert INTENTS.intent("can the staff read my chat history?") == "privacy"
    assert INTENTS.intent("số cấp cứu là số mấy vậy ad, mình muốn lưu lại số điện thoại đó") != "privacy"
    # guard: the writer's own number kept stays privacy
    assert INTENTS.intent("bot có lưu số điện thoại của em không") == "privacy"


async def test_whether_a_batch_is_stronger_or_laced_gets_its_entry_with_the_emergency_line(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "dạo này nghe nói hàng bị pha fentanyl, làm sao biết được vậy")
    answer = bot.services.faq.by_id["stronger-batch"].answer.get("vi")
    assert answer[:60] in "\n".join(texts), (handler, texts)
    assert any("115" in text for text in texts), texts


def test_cancelling_what_was_booked_is_the_appointments() -> None:
    assert INTENTS.intent("please cancel the session i booked for thursday") == "appointments"
    assert INTENTS.intent("hủy giúp em cái em đã đặt hôm thứ hai") == "appointments"


def test_a_language_asked_for_beside_something_booked_elsewhere_is_still_asked_for() -> None:
    assert INTENTS.intent("reading my cousin's novel draft tonight, so many typos. anyway can you switch to english") \
        == "language_en"
    # guard: a thing booked elsewhere is no request here
    assert INTENTS.intent("can you book me a flight to hanoi") is None


def test_whether_staff_see_the_writers_number_is_privacy() -> None:
    assert INTENTS.intent("do the counselors see my real name when i chat here") == "privacy"



def test_the_first_use_after_release_and_vaping_are_within_what_the_bot_covers() -> None:
    assert INTENTS.on_topic("my mates say the first hit after you get out is the one that gets you")
    assert INTENTS.on_topic("the kids at school keep vaping in the toilets")


def test_whether_the_bot_keeps_the_writers_number_or_name_is_privacy() -> None:
    assert INTENTS.intent("ad ơi chatbot có lưu tên với số đt của em không") == "privacy"
    assert INTENTS.intent("does this bot keep my real name") == "privacy"
    # guard: a number the writer wants to save is no question about the bot
    assert INTENTS.intent("mình muốn lưu số điện thoại của điểm tư vấn") != "privacy"


def test_a_group_for_people_like_the_writer_is_the_groups() -> None:
    assert INTENTS.intent("are there any groups for older dads like me") == "groups"


def test_being_ready_to_quit_and_chemsex_drugs_are_within_what_the_bot_covers() -> None:
    assert INTENTS.on_topic("i've finally decided to quit, where do i even start")
    assert INTENTS.on_topic("is it risky to mix poppers with my meds")


def test_deleting_my_chats_is_the_erasure() -> None:
    assert INTENTS.intent("how can I delete my messages in here") == "erase"


def test_talk_of_a_stronger_batch_going_round_is_within_what_the_bot_covers() -> None:
    assert INTENTS.on_topic("hàng dạo này nghe nói mạnh lắm, có đúng không")
    assert INTENTS.on_topic("the stuff going around this month is knocking people out")


def test_a_language_asked_for_with_please_after_a_story_is_asked_for() -> None:
    assert INTENTS.language_request("been reading the vietnamese replies with google translate all week. English pls") \
        == "en"
    # guard: a language one cannot read well, said after, asks for nothing
    assert INTENTS.language_request("I'm Vietnamese, english not good") is None


def test_keep_going_on_doing_something_keeps_nothing_of_the_persons() -> None:
    assert INTENTS.intent("lol my cousin told our chat I keep dozing off at work. can I move my appointment to "
                          "friday") == "appointments"
    # guard: whether the bot keeps the chat is still privacy
    assert INTENTS.intent("do you keep our chat somewhere?") == "privacy"


def test_the_pupil_of_the_eye_is_no_human_to_talk_to() -> None:
    assert INTENTS.intent("con ngươi nhỏ như đầu kim thì nhận biết là sốc thuốc đúng không") != "talk"


def test_a_child_whose_parents_use_and_the_rehab_camp_are_within_what_the_bot_covers() -> None:
    assert INTENTS.on_topic("who can I call about a little girl next door, her parents use and she's always hungry")
    assert INTENTS.on_topic("nếu không tự khai thì có bị đưa vào trại không ạ")


def test_released_from_the_camp_and_quitting_for_good_are_within_what_the_bot_covers() -> None:
    assert INTENTS.on_topic("anh em mới ra trại tuần trước, giờ gia đình nên làm gì")
    assert INTENTS.on_topic("lần này em muốn bỏ hẳn rồi, bắt đầu từ đâu")


def test_a_relapse_and_a_helpline_are_within_what_the_bot_covers() -> None:
    assert INTENTS.on_topic("since relapsing he barely talks, is there a helpline he could ring at night?")


def test_whether_treatment_is_kept_secret_is_the_faqs_not_what_the_bot_keeps() -> None:
    assert INTENTS.intent("thinking of starting methadone, is my info kept private? my boss can't know") is None
    # guard: whether the bot keeps it private is still privacy
    assert INTENTS.intent("is my info kept private in this chat?") == "privacy"


def test_asking_again_another_day_is_a_goodbye() -> None:
    assert INTENTS.smalltalk("chào ad nha, để hôm khác hỏi tiếp") == "bye"


def test_what_else_the_bot_does_is_the_menu() -> None:
    assert INTENTS.intent("waiting for my dose, what else can you do") == "menu"


def test_where_a_test_is_done_is_the_faqs_not_the_site_finder() -> None:
    assert INTENTS.intent("xét nghiệm viêm gan C ở đâu vậy, gần điểm methadone có chỗ nào không") is None
    # guard: a methadone place asked for is the site finder
    assert INTENTS.intent("điểm methadone gần quận 8 ở đâu") == "sites"


def test_the_menu_asked_after_an_emoji_is_the_menu() -> None:
    assert INTENTS.intent("hôm nay đi làm mệt muốn xỉu luôn 😅 thôi bot cho em xem làm được những gì") == "menu"


def test_reminding_two_people_and_erasing_everything_about_the_writer_are_asked_for() -> None:
    assert INTENTS.intent("please remind both of us at 9pm every night") == "reminder_set"
    assert INTENTS.intent("xoá hết mọi thông tin của em ở đây giúp em") == "erase"
    # guard: a debt wiped out is no erasure asked
    assert INTENTS.intent("ngân hàng xóa sạch nợ cho nhà em rồi") != "erase"


def test_whether_telling_the_bot_gets_one_reported_is_asked_of_the_police() -> None:
    assert INTENTS.smalltalk("kể với bot có bị báo công an ko") == "is_police"


def test_whether_something_is_allowed_is_no_place_asked() -> None:
    assert INTENTS.intent("ở chỗ chị có cho mang methadone về nhà uống không") != "sites"
    # guard: a place asked for is the site finder
    assert INTENTS.intent("ở quận 5 có chỗ nào phát methadone không") == "sites"


def test_a_phone_sim_registered_for_a_husband_is_an_errand_elsewhere() -> None:
    assert INTENTS.an_errand("vợ em muốn đăng ký sim chính chủ thì làm ở đâu")
    # guard: a drug named beside it is within what the bot covers
    assert not INTENTS.an_errand("vợ em nghiện đá, muốn đăng ký sim chính chủ thì làm ở đâu")


def test_a_number_asked_is_no_question_whether_a_machine_answers() -> None:
    assert INTENTS.smalltalk("mai là ngày mấy ạ") != "is_human"
    assert INTENTS.smalltalk("thang nay thang may ha") != "is_human"
    # guard: a machine asked about is
    assert INTENTS.smalltalk("là máy à") == "is_human"


def test_a_power_cut_or_a_bus_route_is_an_errand_elsewhere() -> None:
    assert INTENTS.an_errand("cúp điện từ sáng, số tổng đài điện lực là bao nhiêu")
    assert INTENTS.an_errand("tuyến xe buýt nào đi từ bến xe về chợ")
    # guard: a line to talk to someone is within what the bot covers
    assert not INTENTS.an_errand("có số tổng đài nào để nói chuyện khi buồn không")


def test_the_list_of_what_the_bot_does_asked_beside_a_request_to_list_it_is_the_menu() -> None:
    assert INTENTS.intent("co nhung tinh nang gi, liet ke giup minh voi") == "menu"


async def test_an_hiv_test_sought_where_the_list_has_no_such_place_gets_where_tests_are_done(bot: Bot) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, "em muốn đi xét nghiệm hiv ở Bạc Liêu thì tới đâu")
    assert "15 tuổi" in texts[-1] and not any("📍" in text for text in texts), texts
    # guard: a clinic that lists HIV among its services is found for the test
    _handler, texts = await say(bot, "xét nghiệm hiv ở Lào Cai chỗ nào")
    assert any("📍" in text and "3 trong 1" in text for text in texts), texts


async def test_a_question_said_to_be_the_next_one_is_the_one_answered(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "kết quả xét nghiệm viêm gan B của em bình thường, mừng ghê. câu hỏi khác nè: "
                                    "xin bơm kim tiêm sạch miễn phí ở đâu")
    assert handler == "faq" and "141/2024" in texts[0], (handler, texts)


async def test_a_blow_long_past_beside_an_erasure_asked_opens_the_erasure(bot: Bot) -> None:
    # guard: the test's own words were read so at the round's start too; the read half's needed the model set aside
    await onboard(bot)
    _handler, texts = await say(bot, "hai năm trước chồng cũ đánh em gãy tay lúc say, giờ nó đi tù rồi. em muốn xóa "
                                     "hết thông tin của em trên bot này")
    assert "113" in texts[0] and len(texts) >= 2 and "xóa" in texts[1], texts


def test_a_place_that_takes_people_on_for_work_is_no_treatment_place() -> None:
    assert INTENTS.intent("vợ cứ giục đi làm, ở nhà mãi chết đói. có chỗ nào nhận người sau cai không ad") != "sites"
    # guard: a treatment place near work is still the finder
    assert INTENTS.intent("có chỗ nào uống methadone gần chỗ em đi làm không, ở quận 7") == "sites"


def test_the_bot_switched_to_english_with_words_between_is_the_language_asked() -> None:
    assert INTENTS.language_request("toi muon chuyen bot sang tieng Anh de con toi doc") == "en"


async def test_a_kind_of_place_near_a_landmark_is_sought(bot: Bot) -> None:
    await onboard(bot)
    handler, _texts = await say(bot, "phòng khám methadone gần bệnh viện Chợ Rẫy")
    assert handler.startswith("sites"), handler


async def test_a_scare_that_turned_out_to_be_nothing_then_a_question_asked_without_o_dau_answers_the_question(
        bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "tối qua thấy ông hàng xóm nằm bất động dưới gốc cây, lay thì ra nó ngủ say vì "
                                    "rượu, dậy vô nhà rồi. mà mấy cây kim tiêm vứt dưới gốc cây đó thì gom bỏ đâu")
    entry = bot.services.faq.by_id["used-needles-disposal"]
    assert handler == "crisis:about" and texts[0].startswith(entry.answer.vi[:60]), (handler, texts)


async def test_the_signs_asked_for_by_name_with_what_to_do_as_the_reason_get_the_signs(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "dấu hiệu của quá liều heroin là gì, để em biết mà còn xử lý cho bạn")
    entry = bot.services.faq.by_id["overdose-signs"]
    assert handler == "crisis:about" and texts[0].startswith(entry.answer.vi[:60]), (handler, texts)


async def test_a_question_from_a_film_script_about_the_number_to_call_is_answered(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "for a play i'm writing, a woman is beaten by her pimp and calls for help. which "
                                    "number does she call in vietnam?")
    entry = bot.services.faq.by_id["emergency-numbers"]
    assert texts[0].startswith(entry.answer.en[:40]), (handler, texts)


@pytest.mark.parametrize(("text", "intent"), [
    ("cháu nhắn tiếng Việt cho bác với, bác không đọc được tiếng Anh", "language_vi"),
    ("Is there a monthly group for wives like me in Hue?", "groups"),
])
def test_a_feature_asked_for_by_an_older_relative_or_a_wife_opens_it(text: str, intent: str) -> None:
    assert INTENTS.intent(text) == intent, text


def test_thanks_for_help_to_the_family_is_small_talk() -> None:
    assert INTENTS.smalltalk("thanks so much, this really helped my family") == "thanks"


@pytest.mark.parametrize(("text", "intent"), [
    ("trò chuyện với bot có bị lưu lại hết không", "privacy"),
    ("ok so reminder at 6 every morning", "reminder_set"),
])
def test_what_is_kept_of_a_chat_and_a_reminder_with_its_verb_left_out_are_features(text: str, intent: str) -> None:
    assert INTENTS.intent(text) == intent, text


@pytest.mark.parametrize(("text", "entry_id"), [
    ("what exactly is metha done, my uncle goes for it daily", "methadone-what"),
    ("bu pre nọc phin ngậm mấy ngày một lần", "buprenorphine"),
])
async def test_a_medicine_spelled_as_a_voice_keyboard_hears_it_is_answered(bot: Bot, text: str, entry_id: str) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, text)
    entry = bot.services.faq.by_id[entry_id]
    answer = entry.answer.en if text.startswith("what") else entry.answer.vi
    assert texts[0].startswith(answer[:60]), texts


async def test_who_is_there_asked_in_two_words_is_answered_as_who_the_bot_is(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "ai đấy")
    assert handler in ("smalltalk", "faq") and "trợ lý" in texts[0], (handler, texts)


@pytest.mark.parametrize(("text", "kind"), [
    ("kính chào quý cơ quan", "greeting"),
    ("thôi ông đi chợ đây, chào các cháu nhé", "bye"),
])
def test_an_older_persons_formal_greeting_and_leave_taking_are_small_talk(text: str, kind: str) -> None:
    assert INTENTS.smalltalk(text) == kind, text


async def test_the_risk_of_using_after_time_inside_asked_is_answered(bot: Bot) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, "My cousin gets out after 2 months inside and wants to use the day he's out. how "
                                     "risky is that?")
    assert texts[0].startswith(bot.services.faq.by_id["risk-after-a-break"].answer.en[:60]), texts


def test_whether_a_person_or_a_machine_answers_asked_at_length_is_small_talk() -> None:
    assert INTENTS.smalltalk("bác hỏi thật, đang nhắn với bác là người thật hay cái máy vậy hả cháu") == "is_human"


def test_leave_taken_books_nothing_and_a_group_leader_books_a_session() -> None:
    assert INTENTS.intent("vậy tôi xin phép nhé, hẹn hôm khác nói chuyện tiếp") is None
    assert INTENTS.smalltalk("thôi cháu xin phép, hẹn dịp khác ạ") == "bye"
    assert INTENTS.intent("tôi là trưởng nhóm tình nguyện ở nhà thờ, muốn đặt lịch tư vấn cho một bạn vào thứ sáu") \
        == "book"


def test_back_to_the_menu_after_a_wrong_tap_is_the_menu() -> None:
    assert INTENTS.intent("lơ mơ quá bấm nhầm nút rồi, quay lại menu giúp em") == "menu"


async def test_a_wish_to_quit_with_no_drug_named_and_an_apology_for_the_hour_is_answered(bot: Bot) -> None:
    await onboard(bot)
    _handler, texts = await say(bot, "mình muốn bỏ mà chẳng biết bắt đầu từ đâu, xin lỗi vì nhắn khuya thế này")
    assert texts[0].startswith(bot.services.faq.by_id["wanting-to-quit"].answer.vi[:60]), texts


async def test_a_request_after_an_aside_and_a_turn_of_the_talk_is_the_request(bot: Bot) -> None:
    await onboard(bot)
    handler, texts = await say(bot, "the hotel wifi is down again. anyway, could you remind me every night at 9:15")
    assert handler == "reminders:set" and "21:15" in texts[0], (handler, texts)


def test_what_follows_a_turning_word_is_what_is_asked() -> None:
    assert after_a_turn("kẹt xe cả tiếng, mệt ghê. nhân tiện cho hỏi methadone là gì") == "cho hỏi methadone là gì"
    assert after_a_turn("the fan broke again lol. Anyway, when do they dose on sundays?") == \
        "when do they dose on sundays?"
    # guard: a turning word that opens the message, or with a word or none after it, turns from nothing
    assert after_a_turn("anyway what is methadone") is None
    assert after_a_turn("methadone là gì vậy, mà thôi") is None


def test_what_the_family_fears_whenever_it_is_mentioned_is_no_reminder() -> None:
    assert INTENTS.intent("hồi xưa chú em mất vì sốc thuốc, cả nhà nhắc đến là sợ. em muốn bỏ thì bắt đầu từ đâu") \
        is None


@pytest.mark.parametrize(("text", "kind"), [
    ("bạn là người thật hay AI thế, sao trả lời nhanh như chatgpt vậy", "is_human"),
    ("sorry, you are who?", "who_are_you"),
])
def test_who_answers_asked_with_a_word_of_the_day_is_small_talk(text: str, kind: str) -> None:
    assert INTENTS.smalltalk(text) == kind, text


async def test_a_question_about_the_counseling_point_after_an_aside_on_loan_rates_is_answered(bot: Bot) -> None:
    """"Bảng lãi" folds as "bằng lái" (a driving licence), an errand of elsewhere: the counseling point named is the
    bot's own."""
    await onboard(bot)
    _handler, texts = await say(bot, "bảng lãi suất vay app nhìn muốn xỉu luôn, à mà điểm tư vấn có hỗ trợ gì cho "
                                     "người đang nợ nần không")
    assert texts[0].startswith(bot.services.faq.by_id["counseling-point-services"].answer.vi[:60]), texts


@pytest.mark.parametrize(("text", "kind"), [
    ("are you cops? someone in our group chat says these bots report people", "is_police"),
    ("this bot is as useless as the comments under a tiktok", "insult"),
])
def test_small_talk_first_with_a_remark_on_social_media_after_it_is_small_talk(text: str, kind: str) -> None:
    assert INTENTS.smalltalk(text) == kind, text


def test_a_chat_asked_for_first_and_the_police_asked_after_is_the_chat() -> None:
    assert INTENTS.smalltalk("mình muốn nói chuyện với tư vấn viên, bot có báo công an không") is None
    assert INTENTS.intent("mình muốn nói chuyện với tư vấn viên, bot có báo công an không") == "talk"
