"""Find a site: what kind of place, then where (a shared location, or a typed province or commune).

Keeps nothing: the location is used for this one answer and is not stored. Every result says what the
list does not know (no address, phone or hours in its source) instead of guessing, and names its source
and the date it was last checked. Sample rows say so in their first line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from bot.dialogs import Step, Turn
from bot.i18n import N_, Translator
from bot.keys import ChoiceKey
from bot.messages import Reply
from bot.normalize import has_letters_or_digits, words
from bot.sites import Opening, Site, SiteKind

FLOW = "sites"
MAX_RESULTS = 3
MORE = 3  # kept for "Xem thêm"
FAR_KM = 50  # farther than this, the nearest site is said to be far, with its distance

# What a person looks for, in their words, and the kinds of site in the list that offer it: a
# person looking for methadone can dose at a clinic or at a dispensing point.
LOOKING_FOR: dict[str, tuple[str, frozenset[SiteKind] | None]] = {
    "methadone": (N_("sites.kind_methadone"), frozenset({SiteKind.METHADONE_CLINIC, SiteKind.DISPENSING_POINT})),
    "counseling": (N_("sites.kind_counseling"), frozenset({SiteKind.COUNSELING_POINT})),
    "rehab": (N_("sites.kind_rehab"), frozenset({SiteKind.VOLUNTARY_TREATMENT})),
    "hiv": (N_("sites.kind_hiv"), frozenset({SiteKind.HIV_SERVICE})),
    "all": (N_("sites.kind_all"), None),
}
# The kind of place a message names, in its folded words ("chỗ cai nghiện ở Bình Dương", "methadone ở Hải Phòng").
_KIND_SAID = {
    # "điểm tư vấn cai nghiện" is how many name the counseling point, not a rehab centre.
    "rehab": re.compile(r"(?<![a-z])(?:(?<!tu van )cai nghien|trai cai|cho cai|noi cai|rehab|detox)(?![a-z])"),
    "counseling": re.compile(r"(?<![a-z])(?:diem tu van|counseling point|counselling point)(?![a-z])"),
    "hiv": re.compile(r"(?<![a-z])(?:hiv|arv|prep|xet nghiem)(?![a-z])"),
    "methadone": re.compile(r"(?<![a-z])(?:methadone|metadon|uong thuoc|cap phat|dose|dosing)(?![a-z])"),
}


# The words that name a kind of place ("điểm tư vấn cai nghiện", "cơ sở methadone", "clinic"), folded.
_SITE_WORDS = re.compile(
    r"(?<![a-z])(?:diem tu van(?: cai nghien)?|co so(?: dieu tri)?|phong kham|tram y te|trung tam(?: cai nghien)?|"
    r"diem (?:uong|cap phat)(?: thuoc)?|cai nghien|methadone|clinics?|points?|cent(?:er|re)s?|"
    r"counsell?ing points?)(?![a-z])")


def without_site_words(said: list[str]) -> list[str]:
    """Folded words without those that name a kind of place: what a message says besides what it looks for."""
    return _SITE_WORDS.sub(" ", " ".join(said)).split()


def kind_named(text: str) -> str | None:
    """The one kind of place a message names ("methadone", "rehab", …), if it names exactly one."""
    said = " ".join(words(text))
    named = [key for key, pattern in _KIND_SAID.items() if pattern.search(said)]
    return named[0] if len(named) == 1 else None


def kinds_said(text: str) -> frozenset[SiteKind] | None:
    """The kinds of site a message asks for when it names one kind of place: a rehab centre asked for in a
    province is no methadone clinic there. Naming none, or several, it asks for every kind."""
    named = kind_named(text)
    return LOOKING_FOR[named][1] if named is not None else None


KIND_NAME = {
    SiteKind.METHADONE_CLINIC: N_("sites.is_methadone_clinic"),
    SiteKind.DISPENSING_POINT: N_("sites.is_dispensing_point"),
    SiteKind.COUNSELING_POINT: N_("sites.is_counseling_point"),
    SiteKind.VOLUNTARY_TREATMENT: N_("sites.is_voluntary_treatment"),
    SiteKind.HIV_SERVICE: N_("sites.is_hiv_service"),
}


@dataclass(frozen=True)
class LookingForKey(ChoiceKey):
    """site:<kind of place> (and site:more, for the next results)."""

    prefix: ClassVar[str] = "site"
    kind: str


async def start(turn: Turn, kind: str | None = None) -> Step:
    """The menu's "find a site": ask what kind of place, or, when the message already named it ("chỗ nào cấp
    methadone gần đây"), where."""
    if kind in LOOKING_FOR:
        turn.open_flow(FLOW, "where", {"looking_for": kind})
        await turn.uow.tally.add(None, f"sites.search_{kind}", turn.now)
        return Step([_ask_where(turn)], "sites")
    turn.open_flow(FLOW, "kind")
    return Step([_ask_kind(turn)], "sites")


async def on_location(turn: Turn) -> Step:
    """A location shared outside the finder: show the nearest sites of every kind."""
    turn.open_flow(FLOW, "where", {"looking_for": "all"})
    await turn.uow.tally.add(None, "sites.search_all", turn.now)
    return _nearest(turn)


def _ask_kind(turn: Turn) -> Reply:
    return Reply(turn._("sites.ask_kind"), tuple(
        turn.choice_of(LookingForKey(key).pack(), label) for key, (label, _kinds) in LOOKING_FOR.items()
    ))


def _ask_where(turn: Turn) -> Reply:
    if not turn.can_share_location:
        return Reply(turn._("sites.ask_where_typed"))
    return Reply(turn._("sites.ask_where"), request_location=turn._("sites.share_location"))


class Finder:
    name = FLOW

    async def step(self, turn: Turn) -> Step | None:
        current = turn.session.step
        choice = turn.choice or ""
        if current == "more":
            if choice == "site:more":
                return _more(turn)
            turn.close_flow()  # anything else moves on: the further results are let go, not asked about
            return None
        looking_for = LookingForKey.unpack(choice)
        if looking_for is not None and looking_for.kind in LOOKING_FOR:
            turn.open_flow(FLOW, "where", {"looking_for": looking_for.kind})
            await turn.uow.tally.add(None, f"sites.search_{looking_for.kind}", turn.now)
            return Step([_ask_where(turn)], "sites")
        if current != "where":
            return None
        if turn.incoming.location is not None:
            return _nearest(turn)
        if turn.choice is None and turn.text.strip():
            return _typed_place(turn)
        return None

    def prompt(self, turn: Turn) -> Reply:
        if turn.session.step == "more":
            return Reply(turn._("sites.after"), (turn.choice_of("site:more", "sites.more"),
                                                 turn.choice_of("m:sites", "sites.search_again"),
                                                 turn.choice_of("m:menu", "menu.back")))
        return _ask_where(turn) if turn.session.step == "where" else _ask_kind(turn)


def _kinds(turn: Turn) -> frozenset[SiteKind] | None:
    return LOOKING_FOR.get(turn.session.data.get("looking_for", "all"), LOOKING_FOR["all"])[1]


def _nearest(turn: Turn) -> Step:
    location = turn.incoming.location
    assert location is not None
    found = turn.services.sites.nearest(location.latitude, location.longitude, _kinds(turn), MAX_RESULTS + MORE)
    if not found:
        # Stay in the flow: a typed place is the next thing to try.
        return Step([Reply(turn._("sites.none_located"))], "sites:none")
    nearest_site, km = found[0]
    if km is not None and km > FAR_KM:
        # Nothing in the list is near: say how far the nearest is, show that one, offer the rest.
        note = Reply(turn._("sites.nearest_far", km=turn._.whole(km), province=nearest_site.province))
        step = results(turn, list(found[:1]), list(found[1:]))
        return Step([note, *step.replies], step.handler, step.entry)
    return results(turn, list(found[:MAX_RESULTS]), list(found[MAX_RESULTS:]))


def _typed_place(turn: Turn) -> Step | None:
    if not has_letters_or_digits(turn.text):
        return None  # an emoji is not a place: the router answers it and asks "where" again
    step = in_place(turn, turn.text, _kinds(turn))
    if step is not None:
        return step
    if turn.services.faq.answer(turn.text)[0] is not None:
        return None  # a question, not a place: the router answers it and asks "where" again
    intents = turn.services.intents
    if intents.leaves_the_step(turn.text) or intents.language_request(turn.text) is not None \
            or intents.intent(turn.text) not in (None, "sites"):
        return None  # "thôi", "english please", "nhắc tôi 7h": not a place; the router takes it
    return Step([Reply(turn._("sites.none_there", place=turn.text.strip()[:60]))], "sites:none")


def in_place(turn: Turn, typed: str, kinds: frozenset[SiteKind] | None, whole: bool = True) -> Step | None:
    """Sites in a typed place: the whole message, when it is asked for ("Hải Phòng", "hoai duc"), or a
    place named in full inside it ("methadone ở Hải Phòng"); a former province is searched as the
    province it is part of now, and said so."""
    directory = turn.services.sites
    place = typed if whole and directory.in_place(typed, kinds, 1) else directory.place_asked_in(typed)
    if place is None:
        return None
    notes = []
    found = directory.in_place(place, kinds, MAX_RESULTS)
    current = directory.current_province(place)
    if current is not None:
        notes.append(Reply(turn._("sites.now_part_of", old=directory.shown(place), current=current)))
        found = found or directory.in_place(current, kinds, MAX_RESULTS)
    if not found:
        shown = current or directory.shown(place)
        return Step([*notes, Reply(turn._("sites.none_there", place=shown))], "sites:none")
    step = results(turn, [(site, None) for site in found])
    return Step([*notes, *step.replies], step.handler, step.entry)


def results(turn: Turn, found: Sequence[tuple[Site, float | None]],
            more: Sequence[tuple[Site, float | None]] = ()) -> Step:
    """The cards, then what next. Further results wait in the flow until asked for ("Xem thêm"); the
    shared location itself is never kept, only which sites came next, until the conversation ends."""
    turn.close_flow()
    replies = [Reply(describe(turn, site, km)) for site, km in found]
    choices = []
    if more:
        turn.open_flow(FLOW, "more", {"more": [[site.id, km] for site, km in more]})
        choices.append(turn.choice_of("site:more", "sites.more"))
    choices += [turn.choice_of("m:sites", "sites.search_again"), turn.choice_of("m:menu", "menu.back")]
    replies.append(Reply(turn._("sites.after"), tuple(choices)))
    return Step(replies, "sites", ",".join(site.id for site, _km in found))


def _more(turn: Turn) -> Step:
    by_id = {site.id: site for site in turn.services.sites.all()}
    waiting = [(by_id[str(site_id)], km) for site_id, km in turn.session.data.get("more", []) if site_id in by_id]
    return results(turn, waiting[:MAX_RESULTS], waiting[MAX_RESULTS:])


def describe(turn: Turn, site: Site, km: float | None) -> str:
    """One site as a short card: what the list knows, one line for what it does not (never guessed),
    and where the row comes from (the source's site and the date it was checked)."""
    _ = turn._
    lines = [_("sites.sample_label")] if site.sample else []
    lines.append(f"📍 {site.name}")
    kind = _(KIND_NAME[site.kind])
    if km is not None:
        kind += " · " + _("sites.distance", km=_.decimal(km))
    lines.append(kind)
    unknown = []
    if site.address:
        lines.append(_("sites.address", address=site.address))
    else:
        unknown.append(_("sites.unknown_address"))
    if site.phone:
        lines.append(_("sites.phone", phone=site.phone))
    else:
        unknown.append(_("sites.unknown_phone"))
    if site.hours:
        is_open = site.open_at(_.local(turn.now))
        lines.append(_("sites.hours", hours=format_hours(_, site.hours)) + " · "
                     + (_("sites.open_now") if is_open else _("sites.closed_now")))
    else:
        unknown.append(_("sites.unknown_hours"))
    if unknown:
        lines.append(_("sites.not_in_list", what=", ".join(unknown)))
    link = site.map_link()
    if link:
        lines.append(link)
    lines.append(_("sites.source", source=_source_site(site.source), verified=site.verified.strftime("%d/%m/%Y")))
    return "\n".join(lines)


def _source_site(source: str) -> str:
    """The source's web site ("trungtamytehoaiduc.vn"), or its first words when it is not a link: the
    full reference stays in the site list, a card only needs to say where it comes from."""
    first = source.split()[0] if source.split() else source
    if "." in first and "/" in first:
        return first.split("/", 1)[0]
    return source if len(source) <= 60 else source[:59].rsplit(" ", 1)[0] + "…"


def format_hours(_: Translator, hours: tuple[Opening, ...]) -> str:
    """"T2–T7 06:00–10:00; CN 06:00–08:00": consecutive days with the same hours run together."""
    by_day: dict[int, list[str]] = {}
    for opening in hours:
        by_day.setdefault(opening.weekday, []).append(f"{opening.opens:%H:%M}–{opening.closes:%H:%M}")
    runs: list[list[int]] = []
    for day in sorted(by_day):
        if runs and runs[-1][-1] == day - 1 and by_day[runs[-1][-1]] == by_day[day]:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        name = _.weekday(run[0]) if len(run) == 1 else f"{_.weekday(run[0])}–{_.weekday(run[-1])}"
        parts.append(f"{name} {', '.join(by_day[run[0]])}")
    return "; ".join(parts)



def counseling_points(turn: Turn) -> list[Site]:
    """The counseling points of the site list whose id fits a button (64 bytes with a short prefix):
    where bookings and chats with a counselor can go."""
    return [s for s in turn.services.sites.all() if s.kind is SiteKind.COUNSELING_POINT and len(s.id.encode()) <= 56]
