"""`diemtuvan content check` (bot.content.load_content) refuses content that would mislead on a phone:
an answer longer than one screen, a way of asking listed under two entries, and an English answer that
calls rehab (cai nghiện) "treatment". Each check is shown refusing a small broken content folder, and
the shipped content passes all of them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.config import PROJECT_ROOT
from bot.content import ANSWER_LIMIT, ContentError, answer_length, load_content


def entry(entry_id: str, *, topic: str = "methadone", vi_q: str | None = None, en_q: str | None = None,
          vi: str = "Câu trả lời ngắn.", en: str = "A short answer.") -> dict[str, object]:
    return {
        "id": entry_id, "topic": topic,
        "questions": {"vi": [vi_q or f"câu hỏi {entry_id}"], "en": [en_q or f"question {entry_id}"]},
        "answer": {"vi": vi, "en": en}, "sources": ["test fixture"], "reviewed": "2026-11-30",
    }


def content_dir(tmp_path: Path, *entries: dict[str, object]) -> Path:
    (tmp_path / "faq").mkdir()
    (tmp_path / "faq" / "test.yaml").write_text(
        yaml.safe_dump({"entries": list(entries)}, allow_unicode=True), encoding="utf-8")
    crisis = yaml.safe_load((PROJECT_ROOT / "content" / "crisis.yaml").read_text(encoding="utf-8"))
    ids = {e["id"] for e in entries}
    crisis["danger_entries"] = {k: v for k, v in crisis.get("danger_entries", {}).items() if k in ids}
    (tmp_path / "crisis.yaml").write_text(yaml.safe_dump(crisis, allow_unicode=True), encoding="utf-8")
    return tmp_path


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    return caught.value.problems


def test_a_small_valid_folder_loads(tmp_path: Path) -> None:
    content = load_content(content_dir(tmp_path, entry("a-one"), entry("a-two", topic="rehab")))
    assert [e.id for e in content.faq] == ["a-one", "a-two"]


def test_a_danger_entry_that_is_not_an_faq_entry_is_refused(tmp_path: Path) -> None:
    folder = content_dir(tmp_path, entry("a-one"))
    crisis = yaml.safe_load((folder / "crisis.yaml").read_text(encoding="utf-8"))
    crisis["danger_entries"] = {"a-one": "overdose", "gone-entry": "suicide"}
    (folder / "crisis.yaml").write_text(yaml.safe_dump(crisis, allow_unicode=True), encoding="utf-8")
    assert [p for p in problems(folder) if "danger_entries" in p] == [
        f"{folder / 'crisis.yaml'}: danger_entries: 'gone-entry' is not an FAQ entry"]


@pytest.mark.parametrize("locale", ["vi", "en"])
def test_an_answer_longer_than_a_phone_screen_is_refused(tmp_path: Path, locale: str) -> None:
    long = "Ừ. " * (ANSWER_LIMIT // 3 + 1)
    folder = content_dir(tmp_path, entry("too-long", **{locale: long}))
    found = problems(folder)
    assert len(found) == 1 and "entry too-long" in found[0] and f"the {locale} answer is" in found[0]
    assert f"over the {ANSWER_LIMIT}" in found[0]


def test_the_limit_counts_a_vietnamese_letter_once_however_it_is_encoded() -> None:
    composed = "Nghiện"
    decomposed = "Nghie\u0323\u0302n"  # the same word, its diacritics as combining marks
    assert answer_length(composed) == answer_length(decomposed) == 6


def test_an_answer_exactly_at_the_limit_passes(tmp_path: Path) -> None:
    load_content(content_dir(tmp_path, entry("at-limit", vi="a" * ANSWER_LIMIT, en="b" * ANSWER_LIMIT)))


def test_the_same_way_of_asking_under_two_entries_is_refused(tmp_path: Path) -> None:
    folder = content_dir(
        tmp_path,
        entry("first", vi_q="Methadone là gì?"),
        entry("second", vi_q="methadone la gi"),  # the same question, folded
    )
    found = problems(folder)
    assert found == [f"{tmp_path / 'faq'}: entry second: question 'methadone la gi' is also asked under first"]


def test_a_question_in_vietnamese_under_one_entry_and_english_under_another_is_refused(tmp_path: Path) -> None:
    folder = content_dir(tmp_path, entry("first", vi_q="methadone"), entry("second", en_q="Methadone!"))
    assert any("entry second: question 'methadone' is also asked under first" in p for p in problems(folder))


def test_a_rehab_entry_may_not_call_rehab_treatment(tmp_path: Path) -> None:
    folder = content_dir(tmp_path, entry("rehab-term", topic="rehab",
                                         en="Treatment lasts 24 months the first time."))
    found = problems(folder)
    assert len(found) == 1 and "entry rehab-term" in found[0] and "bare 'Treatment'" in found[0]


@pytest.mark.parametrize("topic", ["rehab", "law", "rights"])
def test_named_treatments_are_allowed_in_rehab_and_law_entries(tmp_path: Path, topic: str) -> None:
    allowed = ("Rehab (cai nghiện) lasts 24 months; methadone treatment has no term. Substitution "
               "treatment, HIV treatment, ARV treatment, hepatitis treatment and withdrawal treatment are "
               "health care.")
    load_content(content_dir(tmp_path, entry("named", topic=topic, en=allowed)))


def test_a_methadone_entry_may_say_treatment_alone(tmp_path: Path) -> None:
    load_content(content_dir(tmp_path, entry("stop", en="Never stop treatment suddenly.")))


@pytest.mark.parametrize("phrase", ["voluntary treatment", "compulsory treatment", "post-treatment management",
                                    "a treatment centre"])
def test_rehab_called_treatment_is_refused_in_any_entry(tmp_path: Path, phrase: str) -> None:
    folder = content_dir(tmp_path, entry("any-topic", topic="family", en=f"Ask about {phrase}."))
    assert any("entry any-topic: the English answer says" in p for p in problems(folder))


def test_an_unknown_topic_is_refused(tmp_path: Path) -> None:
    folder = content_dir(tmp_path, entry("odd", topic="voluntary-treatment"))
    assert any("entry odd: topic" in p for p in problems(folder))


def test_the_shipped_content_passes_every_check() -> None:
    content = load_content(PROJECT_ROOT / "content")
    assert all(answer_length(e.answer.vi) <= ANSWER_LIMIT and answer_length(e.answer.en) <= ANSWER_LIMIT
               for e in content.faq)
    assert len({e.id for e in content.faq}) == len(content.faq)
