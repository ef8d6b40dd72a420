"""Free-text questions answered from content/faq, or a "did you mean" when the match is not sure."""

from __future__ import annotations

from bot.dialogs import Step, Turn
from bot.messages import Choice, Reply
from handlers.menu import menu_unless_in_flow

# Long messages are read for crisis signals in full; a question is in its first lines.
QUESTION_CHARS = 1000


async def on_question(turn: Turn) -> Step | None:
    text = turn.text[:QUESTION_CHARS]
    entry, candidates = turn.services.faq.answer(text)
    # A question asked in English is answered in English, whatever the person's language setting.
    language = turn.services.faq.language_of(text) or turn.person.locale
    if entry is not None:
        return Step([Reply(entry.answer.get(language))], "faq", entry.id)
    if not candidates:
        return None
    choices = [Choice(f"faq:{m.entry.id}", _label(m.entry.questions.en[0] if language == "en"
                                                  else m.entry.questions.vi[0])) for m in candidates]
    _ = turn.services.catalogs.translator(language)
    choices.append(Choice("m:talk", _("faq.talk_instead")))
    return Step([Reply(_("faq.did_you_mean"), tuple(choices))], "faq:did_you_mean")


async def on_faq_choice(turn: Turn) -> Step:
    """A "did you mean" choice: show that entry."""
    entry = turn.services.faq.by_id.get((turn.choice or "").removeprefix("faq:"))
    if entry is None:
        return Step([Reply(turn._("misc.stale_choice")), *menu_unless_in_flow(turn)], "stale_choice")
    return Step([Reply(entry.answer.get(turn.person.locale))], "faq", entry.id)


def _label(question: str) -> str:
    return question if len(question) <= 60 else question[:57].rstrip() + "…"
