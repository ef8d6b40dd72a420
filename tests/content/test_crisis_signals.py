"""The crisis path catches what people in danger actually type, and nothing the FAQ itself asks.

Phrasings from ../shared/lexicon.md §3 (what friends and family type), with and without diacritics,
in teencode, and in English.
"""

from __future__ import annotations

import pytest

from bot.config import PROJECT_ROOT
from bot.content import load_content
from bot.services.crisis import CrisisDetector, CrisisKind

CONTENT = load_content(PROJECT_ROOT / "content")
DETECTOR = CrisisDetector(CONTENT.crisis)

OVERDOSE = [
    "bạn tôi bị sốc thuốc", "ban toi bi soc thuoc", "nó sốc ma túy rồi", "anh ấy quá liều", "qua lieu roi",
    "em trai tôi bất tỉnh", "bat tinh roi giup voi", "gọi không tỉnh", "goi ko tinh", "lay không dậy",
    "nó không thở", "ko tho nua", "ngừng thở rồi", "thở yếu lắm", "môi tím tái", "moi tim", "bị co giật",
    "sùi bọt mép", "hôn mê rồi", "my friend overdosed... overdose", "he is not breathing", "she passed out",
    "he's unconscious", "his lips are turning blue",
]
SUICIDE = [
    "tôi muốn chết", "toi muon chet", "muốn chớt cho xong", "muon tret", "em không muốn sống nữa",
    "ko muon song nua", "nghĩ đến tự tử", "tu tu that roi", "muốn tự sát", "muốn kết thúc cuộc đời",
    "chết quách cho xong", "không ai cần em cả", "i want to die", "i will kill myself", "thinking about suicide",
]
VIOLENCE = [
    "chồng tôi bạo hành tôi", "bi danh dap hang ngay", "con tôi bị xâm hại", "nó đòi đâm chém cả nhà",
    "bố dọa giết mẹ", "he hits me every night", "my child was abused",
]


@pytest.mark.parametrize("text", OVERDOSE)
def test_overdose_phrasings(text: str) -> None:
    assert DETECTOR.detect(text) is CrisisKind.OVERDOSE


@pytest.mark.parametrize("text", SUICIDE)
def test_suicide_phrasings(text: str) -> None:
    assert DETECTOR.detect(text) is CrisisKind.SUICIDE


@pytest.mark.parametrize("text", VIOLENCE)
def test_violence_phrasings(text: str) -> None:
    assert DETECTOR.detect(text) is CrisisKind.VIOLENCE


def test_at_least_forty_phrasings_are_listed() -> None:
    assert len(OVERDOSE) + len(SUICIDE) + len(VIOLENCE) >= 40


def test_no_faq_question_is_taken_for_a_crisis() -> None:
    questions = [q for e in CONTENT.faq for q in (*e.questions.vi, *e.questions.en)]
    assert [q for q in questions if DETECTOR.detect(q)] == []


@pytest.mark.parametrize("text", [
    "cười chết mất", "nhục chết mất", "methadone là gì", "tím", "thở dài", "tôi buồn", "giờ mở cửa",
    "tu van", "tư vấn viên", "tôi muốn được tư vấn", "ngất ngây",
])
def test_everyday_words_are_not_a_crisis(text: str) -> None:
    assert DETECTOR.detect(text) is None
