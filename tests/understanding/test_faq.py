"""The FAQ's learned ranker: its own arithmetic gives what scikit-learn's predict_proba gives, it is
learned once per set of ways of asking, and together with the word overlap it answers what the overlap
alone cannot (a long story with one question in it, English without the listed words) while a message
outside what the bot covers still gets no answer."""

from __future__ import annotations

import functools

import numpy as np
import pytest

from bot.config import PROJECT_ROOT
from bot.content import load_content
from bot.normalize import asks, question_clause, question_of, with_its_subject, words
from bot.services.crisis_model import examples, faq_examples
from bot.services.faq import FaqIndex, FaqModel, Synonyms, learned

CONTENT = load_content(PROJECT_ROOT / "content")
SYNONYMS = Synonyms.from_file(PROJECT_ROOT / "content" / "synonyms.yaml")
LABELLED = examples(PROJECT_ROOT / "content" / "understanding")
EXAMPLES = faq_examples(LABELLED)
RANKER_EXAMPLES = faq_examples(LABELLED, ranker_only=True)


def test_the_fast_path_agrees_with_scikit_learn() -> None:
    index = FaqIndex(CONTENT.faq, SYNONYMS, EXAMPLES, ranker_examples=RANKER_EXAMPLES)
    pairs = tuple((SYNONYMS.prepared(q), entry.id) for entry in CONTENT.faq for q in entry.questions.vi[:3])
    model = FaqModel.learn(pairs)
    assert model.fitted is not None
    for text in ("methadone la gi", "xyz", "", "cứuuuu", "how do i start methadone treatment",
                 "chồng em uống methadone mà vẫn nhậu thì có sao không"):
        prepared = index._prepared(text)
        expected = model.fitted.classifier.predict_proba(model.fitted.features([prepared]))[0]
        assert np.allclose(model.probabilities(prepared), expected, atol=1e-9), text


def test_the_same_ways_of_asking_give_the_same_model() -> None:
    pairs = (("methadone là gì", "methadone-what"), ("xét nghiệm hiv ở đâu", "hiv-testing"))
    assert learned(pairs, SYNONYMS) is learned(pairs, SYNONYMS)
    assert learned(pairs, SYNONYMS) is not learned((*pairs, ("prep là gì", "prep")), SYNONYMS)
    assert learned(pairs, SYNONYMS) is not learned(pairs)


def test_the_order_of_the_ways_of_asking_does_not_change_what_is_learned() -> None:
    """Learned to the end, the model is the one the examples decide: a way of asking added or moved moves only
    the answers near it, not a reshuffle of every near-tie."""
    pairs = tuple((SYNONYMS.prepared(q), entry.id) for entry in CONTENT.faq for q in entry.questions.vi[:4])
    one, other = FaqModel.learn(pairs), FaqModel.learn(tuple(reversed(pairs)))
    for text in ("methadone la gi", "quên uống thuốc thì sao", "xét nghiệm hiv ở đâu", "cai nghiện tự nguyện"):
        prepared = SYNONYMS.prepared(text)
        assert np.allclose(one.probabilities(prepared), other.probabilities(prepared), atol=1e-4), text


def test_a_long_family_message_with_one_question_is_answered() -> None:
    story = ("Chào ad, bố tôi năm nay 60 tuổi, đã uống methadone được mấy năm, ông vẫn đi làm phụ hồ, "
             "gần đây ông bị ho lâu ngày đi khám thì bị lao phổi, bác sĩ cho uống thuốc lao và dặn là "
             "thuốc lao với methadone ảnh hưởng nhau, vậy gia đình cần để ý gì ạ")
    without, _ = FaqIndex(CONTENT.faq, SYNONYMS, EXAMPLES, learn=False).answer(story)
    entry, candidates = FaqIndex(CONTENT.faq, SYNONYMS, EXAMPLES, ranker_examples=RANKER_EXAMPLES).answer(story)
    assert without is None
    assert entry is not None and entry.id == "methadone-interactions" and candidates[0].entry is entry


def test_a_message_outside_what_the_bot_covers_gets_no_confident_word_match() -> None:
    index = FaqIndex(CONTENT.faq, SYNONYMS, EXAMPLES, ranker_examples=RANKER_EXAMPLES)
    entry, candidates = index.answer("giá vàng hôm nay")
    # The caller refuses a match without overlap or a word of what the bot covers (handlers/faq.py).
    assert entry is None or candidates[0].overlap < index.ANSWER_AT


def test_without_the_ranker_the_overlap_alone_decides() -> None:
    index = FaqIndex(CONTENT.faq, SYNONYMS, learn=False)
    assert index.model is None
    entry, candidates = index.answer("methadone là gì")
    assert entry is not None and entry.id == "methadone-what"
    assert all(m.score == m.overlap for m in candidates)


def test_the_question_of_a_story_is_its_last_asked_sentence_with_the_one_before_when_short() -> None:
    story = ("Chồng tôi uống methadone hai năm nay. Tuần trước cả nhà về quê ăn giỗ mấy hôm. "
             "Anh ấy bỏ uống ba ngày thì quay lại có được uống tiếp không? Tôi cảm ơn ad nhiều.")
    assert question_of(story) == "Anh ấy bỏ uống ba ngày thì quay lại có được uống tiếp không?"
    assert question_of("Con em dùng đá hai năm nay. Có sao không ạ?") == "Con em dùng đá hai năm nay. Có sao không ạ?"
    assert question_of("methadone là gì") is None


def test_a_closing_thanks_is_not_the_question_and_a_question_asked_without_a_question_mark_is() -> None:
    story = ("chao ban, toi la me cua mot chau trai 20 tuoi. chau o tro tren thanh pho, moi hom toi len tham "
             "thi thay chau gay rop. toi muon biet lam sao de chau bo duoc hang trang, chau noi muon bo ma "
             "khong bo duoc. chau van di lam binh thuong. toi cam on ban nhieu")
    assert question_of(story) == ("toi muon biet lam sao de chau bo duoc hang trang, chau noi muon bo ma "
                                  "khong bo duoc.")
    # Without a question word the last sentence is still the question, and "không" as a negation asks nothing.
    told = "Con em không đi học nữa. Nó ở nhà suốt. Em rất buồn."
    assert question_of(told) == "Nó ở nhà suốt. Em rất buồn."
    asked = "My brother is on methadone. He does not sleep well. How long do the side effects last. Thanks a lot!"
    assert question_of(asked) == "How long do the side effects last."


def test_a_question_followed_by_feelings_is_still_the_question() -> None:
    story = ("chi oi em hoi chut. chong em uong methadone duoc 1 nam, nay bac si cho anh ay uong thuoc lao. "
             "uong thuoc lao thi methadone co bi giam tac dung khong. anh ay lo lam. em cung lo. cam on chi")
    assert question_of(story) == "uong thuoc lao thi methadone co bi giam tac dung khong."


def test_a_slip_after_treatment_is_asked_about_relapse() -> None:
    index = FaqIndex(CONTENT.faq, SYNONYMS, EXAMPLES, ranker_examples=RANKER_EXAMPLES)
    for text in ("slipped up a month after rehab, what now", "cai xong mà lỡ chơi lại thì sao ad"):
        entry, _candidates = index.answer(text)
        assert entry is not None and entry.id == "relapse-after-treatment", text


def test_saying_that_one_asks_is_not_part_of_the_question() -> None:
    index = FaqIndex(CONTENT.faq, SYNONYMS, EXAMPLES, ranker_examples=RANKER_EXAMPLES)
    for text in ("tôi muốn hỏi methadone là gì", "i want to ask what methadone is", "em cần hỏi chút methadone là gì"):
        entry, _candidates = index.answer(text)
        assert entry is not None and entry.id == "methadone-what", text


def test_being_mocked_at_work_for_having_used_drugs_is_asked_about_stigma() -> None:
    """Mockery and humiliation are the stigma the law bans, not a question about drug tests at work."""
    index = FaqIndex(CONTENT.faq, SYNONYMS, EXAMPLES, ranker_examples=RANKER_EXAMPLES)
    mocked = ("my supervisor keeps mocking me in front of the team because he heard I used drugs years ago, "
              "can he do that?")
    entry, _candidates = index.answer(mocked)
    assert entry is not None and entry.id == "stigma-is-banned"
    assert index.certain(mocked) and not index.certain("giá vàng hôm nay bao nhiêu một chỉ")


def test_an_age_under_18_said_as_a_number_is_a_minors() -> None:
    for said in ("em họ 15 tuổi nghiện heroin có được uống methadone không", "my cousin is 16, can he get methadone",
                 "my nephew is only 15"):
        assert "minor" in SYNONYMS.rewrite(words(said)), said
    assert "minor" not in SYNONYMS.rewrite(words("tôi nghỉ uống 15 ngày rồi"))
    assert "minor" not in SYNONYMS.rewrite(words("con tôi 19 tuổi"))


def test_wanting_to_stop_using_drugs_is_answered_with_the_ways_to_stop_not_the_erasure() -> None:
    """"Không muốn dùng … nữa" is also how people ask to stop using the bot: said of drugs, it is the wish to quit."""
    index = FaqIndex(CONTENT.faq, SYNONYMS, EXAMPLES, ranker_examples=RANKER_EXAMPLES)
    for text in ("mình không muốn dùng ma túy nữa, giờ phải làm sao", "honestly i just want to get off drugs for good"):
        entry, _candidates = index.answer(text)
        assert entry is not None and entry.id == "wanting-to-quit", (text, entry)


def test_the_question_of_a_story_told_in_one_sentence_is_its_last_clause_that_asks() -> None:
    assert question_clause("Chị tôi bị sốc thuốc năm ngoái, giờ khỏe rồi, con chị ấy có được đi học nghề không?") \
        == "con chị ấy có được đi học nghề không?"
    # The clause before a short one is read with it; a question of a few words alone asks of what it does not say.
    assert question_clause("năm ngoái em bị sốc thuốc, giờ đi làm được rồi, muốn đi xét nghiệm HIV, ở đâu?") \
        == "muốn đi xét nghiệm HIV ở đâu?"
    assert question_clause("người mới ra trại mà dùng lại dễ bị sốc thuốc, có đúng không, vì sao?") is None
    assert question_clause("hôm qua em bị sốc thuốc, giờ em ổn rồi") is None  # nothing asked after the first clause


def test_emphasis_that_names_a_death_is_no_part_of_the_question() -> None:
    """"dying to know", "stressed to death": they would pull the question towards the entries about dying."""
    index = FaqIndex(CONTENT.faq, SYNONYMS, learn=False)
    assert "dying" not in index._terms("I'm dying to know if methadone costs anything")
    assert "death" not in index._terms("stressed to death about my court date")
    assert "dying" in index._terms("my friend is dying, what do i do")


def test_a_questions_it_is_the_one_treatment_the_sentences_before_name() -> None:
    assert with_its_subject("Says methadone turned his life around. Does it cost him anything?") \
        == "does methadone cost him anything"
    assert with_its_subject("He tried methadone and PrEP. Does it cost anything?") is None  # which one?
    assert with_its_subject("Methadone helped him. Does methadone cost anything?") is None  # named already


def test_a_sentence_joined_to_the_one_before_still_asks() -> None:
    assert asks("and where is the nearest clinic in hanoi") and asks("also, can I book for Friday")
    assert not asks("and then he went home")


def test_ways_of_asking_written_apart_teach_the_ranker_and_are_not_matched_word_for_word() -> None:
    """The outside sets' read halves (content/understanding/outside_read.yaml, `learn: ranker`) are learned by the
    ranker: it answers with them what it could not. The word-for-word match keeps to the entries' own ways of
    asking and the development sets', which a near-duplicate in thousands of others' words would outvote."""
    said = "con mèo nhà hàng xóm hay leo lên mái nhà kêu suốt đêm"
    plain = FaqIndex(CONTENT.faq, SYNONYMS)  # the entries' own ways of asking: the smallest ranker to learn
    taught = FaqIndex(CONTENT.faq, SYNONYMS, ranker_examples=((said, "naloxone"),) * 3)
    entry, candidates = taught.answer(said)
    assert entry is not None and entry.id == "naloxone" and candidates[0].overlap < 0.5, candidates
    assert plain.answer(said)[0] is None or plain.answer(said)[0].id != "naloxone"
    assert all(match.entry.id != "naloxone" for match in taught.search(said))


def test_the_bot_learns_the_outside_read_halves_only_as_ways_of_asking_for_the_ranker() -> None:
    outside = [e for e in LABELLED if str(e.get("from", "")).startswith("outside_")]
    assert len(outside) > 1000 and all(e["learn"] == "ranker" for e in outside)
    assert set(RANKER_EXAMPLES) == {(e["text"], e["entry"]) for e in outside}
    assert len(EXAMPLES) == len(faq_examples([e for e in LABELLED if e not in outside]))


def test_being_treated_like_a_prisoner_in_rehab_is_asked_about_rights_there() -> None:
    index = FaqIndex(CONTENT.faq, SYNONYMS, EXAMPLES, ranker_examples=RANKER_EXAMPLES)
    for text in ("vô trung tâm cai người ta có đối xử tử tế không hay coi mình như tội phạm",
                 "in rehab do they treat you like a criminal or like a person"):
        entry, _candidates = index.answer(text)
        assert entry is not None and entry.id == "rights-in-a-facility", (text, _candidates)


@functools.cache
def ranked_index() -> FaqIndex:
    """The FAQ index as the bot builds it, with the learned ranker, built once for the tests that ask it one
    message."""
    return FaqIndex(CONTENT.faq, SYNONYMS, EXAMPLES, ranker_examples=RANKER_EXAMPLES)


# Messages written the way people outside the project write, each asking what one entry answers in words its own
# ways of asking do not use.
@pytest.mark.parametrize(("text", "entry_id"), [
    pytest.param("em muốn dừng hẳn chương trình methadone thì phải làm thủ tục gì", "methadone-stopping",
                 id="the formalities of leaving treatment"),
    pytest.param("bỏ uống methadone gần năm nay rồi, giờ chơi lại thì có dễ sốc hơn trước không", "risk-after-a-break",
                 id="using again after months without treatment"),
    pytest.param("hàng xóm nói uống methadone là giết mình từ từ, có phải vậy không", "methadone-is-not",
                 id="methadone called a slow way to die"),
    pytest.param("grandma says methadone is poison and the clinic is killing him slowly, what do I tell her",
                 "methadone-is-not", id="methadone called poison by the family"),
    pytest.param("chích hàng trắng chung với methadone nguy hiểm ra sao", "methadone-using-while-on",
                 id="heroin taken with methadone"),
    pytest.param("how much nitrous is too much in one night", "new-drugs", id="how much of a party drug is too much"),
    pytest.param("na lốc xôn là thuốc gì vậy", "naloxone", id="naloxone as a phone hears it"),
    pytest.param("do i need an ankle tag", "electronic-monitoring",
                 id="an electronic tag, as British English says"),
    pytest.param("chia thuốc methadone cho ông anh chưa đăng ký uống cùng được không",
                 "methadone-swallowed-by-someone-else", id="a dose shared with someone not in treatment"),
    pytest.param("đang điều trị methadone thì bao lâu phải tới trạm một lần", "methadone-daily-dosing",
                 id="how often the dose is taken at the site"),
    pytest.param("người ta đồn methadone độc hơn heroin, có thật vậy không", "methadone-is-not",
                 id="methadone said to be worse than heroin"),
    pytest.param("thằng cu nhà bên mới 2 tuổi, sống với ông bố lúc nào cũng phê, vậy có nguy hiểm ko, lúc nào thì "
                 "phải báo",
                 "child-protection-111", id="a small child living with a parent who is high"),
    pytest.param("cả tuần nay mất ngủ, thấy buồn, muốn có ai đó nói chuyện cùng cho đỡ",
                 "mental-health-line", id="sleepless and low, wanting someone to talk to"),
    pytest.param("em muốn vô methadone mà chẳng biết làm gì trước làm gì sau",
                 "methadone-enrolment-steps", id="where to begin methadone"),
    pytest.param("can i swap to the point near my village, the clinic is too far", "methadone-transfer",
                 id="moving to a dispensing point nearer home"),
    pytest.param("once you come out of detox can the dose you used to take kill you", "risk-after-a-break",
                 id="the old dose after rehab"),
    pytest.param("uống methadone mà lén chơi lại bị bắt quả tang thì có phải ngồi tù không",
                 "using-during-treatment-criminal", id="prison for using once during treatment"),
    pytest.param("nghe nói người dính quá liều heroin thì con ngươi bé tí lại đúng ko", "overdose-signs",
                 id="the pupils of the eye named in everyday words"),
])
def test_a_message_is_asked_about_its_entry(text: str, entry_id: str) -> None:
    entry, candidates = ranked_index().answer(text)
    assert entry is not None and entry.id == entry_id, candidates


def test_a_short_question_that_names_its_treatment_stands_alone_after_a_story() -> None:
    assert question_of("saw a doc on heroin last night, freaked me out. what even is methadone") == \
        "what even is methadone"
    # guard: a short question with no subject of its own keeps the sentence before it
    assert question_of("Em uống methadone được 2 năm rồi. Có sao không ạ?") == \
        "Em uống methadone được 2 năm rồi. Có sao không ạ?"


def test_an_entrys_own_way_of_asking_is_that_entry_whatever_the_ranker_learned_elsewhere() -> None:
    entries = tuple(e for e in CONTENT.faq if e.id in ("methadone-first-weeks", "methadone-dose-mg"))
    own = "liều methadone được tăng như thế nào"
    assert own in next(e for e in entries if e.id == "methadone-first-weeks").questions.vi
    # Ways of asking that share its words, all labelled with the other entry, pull both the ranker and the word
    # overlap towards that one.
    pulled = tuple((f"liều methadone tăng như thế nào {more}", "methadone-dose-mg")
                   for more in ("mg", "tối đa", "mỗi tuần", "bao nhiêu", "cao nhất", "ml", "một lần", "mỗi lần"))
    index = FaqIndex(entries, SYNONYMS, examples=pulled)
    entry, _candidates = index.answer(own)
    assert entry is not None and entry.id == "methadone-first-weeks", entry
