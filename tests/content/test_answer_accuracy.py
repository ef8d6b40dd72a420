"""The share of realistic questions answered by the right entry (docs/knowledge.md states the figure),
and the rule that matters more: no question gets a confident wrong answer (a miss must be a "did you
mean").

The floor is issue #3's goal, 95%: a change to the matcher or the content that drops below it fails.
The thresholds were tuned on this same set (docs/knowledge.md says so); new questions added to it
without looking at the matcher first are the honest test of them. The index is built as the bot builds
it: the ways of asking, the labelled messages of content/understanding, and the ranker learned from both.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.config import PROJECT_ROOT
from bot.content import load_content
from bot.services.crisis_model import examples, faq_examples
from bot.services.faq import FaqIndex, Synonyms

# Measured 2026-11-23: 179 of 187 (95.7%). 2026-11-30 (issue #13): 57 questions added, written before
# running the matcher on them: 50 of 57 right at first (whole set 227 of 244, 93.0%, no confident wrong
# answer); after adding ways of asking to the entries (never editing the questions here): 236 of 244 (96.7%).
# With the learned ranker beside the overlap: 243 of 244, no confident wrong answer.
FLOOR = 0.95
LABELLED = yaml.safe_load((Path(__file__).parent / "labelled_questions.yaml").read_text(encoding="utf-8"))
CONTENT = load_content(PROJECT_ROOT / "content")
SYNONYMS = Synonyms.from_file(PROJECT_ROOT / "content" / "synonyms.yaml")
EXAMPLES = faq_examples(examples(PROJECT_ROOT / "content" / "understanding"))
RANKER_EXAMPLES = faq_examples(examples(PROJECT_ROOT / "content" / "understanding"), ranker_only=True)


def test_every_label_names_an_entry() -> None:
    ids = {entry.id for entry in CONTENT.faq}
    assert {label for _question, label in LABELLED} <= ids


def test_the_right_entry_answers_most_questions() -> None:
    index = FaqIndex(CONTENT.faq, SYNONYMS, EXAMPLES, ranker_examples=RANKER_EXAMPLES)
    misses = []
    for question, label in LABELLED:
        entry, candidates = index.answer(question)
        if entry is None or entry.id != label:
            got = entry.id if entry else f"did you mean {[m.entry.id for m in candidates]}"
            misses.append(f"{question!r}: expected {label}, got {got}")
    share = 1 - len(misses) / len(LABELLED)
    assert share >= FLOOR, f"{share:.0%} right; misses:\n" + "\n".join(misses)


def test_no_question_gets_a_confident_wrong_answer() -> None:
    index = FaqIndex(CONTENT.faq, SYNONYMS, EXAMPLES, ranker_examples=RANKER_EXAMPLES)
    wrong = [(question, label, entry.id) for question, label in LABELLED
             if (entry := index.answer(question)[0]) is not None and entry.id != label]
    assert wrong == []
