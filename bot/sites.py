"""The site list: methadone clinics, dispensing points, counseling points, voluntary-treatment
facilities and HIV services, as the operator publishes them.

It is a CSV file because that is what a provincial office keeps in a spreadsheet. Every row needs a
source and a last-verified date; a row without a verified address, phone or hours leaves that cell
empty, and the bot then tells the person to ask the site, never a guess. Rows marked `sample` are shown
with a label saying so. `diemtuvan sites import FILE.csv` checks a file row by row before it is used.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path

from bot.language import could_be_vietnamese
from bot.normalize import fold, words

COLUMNS = ("id", "kind", "name", "province", "commune", "address", "latitude", "longitude", "phone", "hours",
           "services", "other_names", "source", "verified", "sample")
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_HOURS = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)(?:-(mon|tue|wed|thu|fri|sat|sun))? (\d\d):(\d\d)-(\d\d):(\d\d)$")
_PHONE = re.compile(r"^\+?[0-9][0-9 .]{6,14}[0-9]$")


class SiteKind(StrEnum):
    METHADONE_CLINIC = "methadone_clinic"
    DISPENSING_POINT = "dispensing_point"
    COUNSELING_POINT = "counseling_point"
    VOLUNTARY_TREATMENT = "voluntary_treatment"
    HIV_SERVICE = "hiv_service"


@dataclass(frozen=True)
class Opening:
    weekday: int  # 0 = Monday
    opens: time
    closes: time


# The official title of a counseling point, in the forms provinces write it.
_OFFICIAL_PREFIX = re.compile(
    r"^Điểm tư vấn,\s*chăm sóc,\s*hỗ trợ điều trị(?:,\s*cai nghiện)?(?:\s+nghiện)?(?:\s+ma túy)?"
    r"(?:\s+tại cộng đồng)?\s+", re.IGNORECASE)
SHORT_NAME_LIMIT = 60


@dataclass(frozen=True)
class Site:
    id: str
    kind: SiteKind
    name: str
    province: str
    commune: str
    address: str | None
    latitude: float | None
    longitude: float | None
    phone: str | None
    hours: tuple[Opening, ...]
    services: tuple[str, ...]
    other_names: tuple[str, ...]
    source: str
    verified: date
    sample: bool

    @property
    def short_name(self) -> str:
        """The name as a button or a numbered line can show it whole: the long official prefix every
        counseling point shares ("Điểm tư vấn, chăm sóc, hỗ trợ điều trị nghiện ma túy tại cộng đồng")
        becomes "Điểm tư vấn", so what tells the points apart (the ward, the district) is kept."""
        short = _OFFICIAL_PREFIX.sub("Điểm tư vấn ", self.name, count=1)
        if len(short) <= SHORT_NAME_LIMIT:
            return short
        cut = short[:SHORT_NAME_LIMIT - 1].rsplit(" ", 1)[0]
        return f"{cut}…"

    @property
    def place_words(self) -> frozenset[str]:
        """Words of its province, commune and former names, folded: what a typed place is matched on."""
        names = (self.province, self.commune, *self.other_names)
        return frozenset(w for name in names for w in words(name, expand_teencode=False))

    def open_at(self, moment: datetime) -> bool | None:
        """True or False when the hours are known, None when they are not."""
        if not self.hours:
            return None
        now = moment.time()
        return any(o.weekday == moment.weekday() and o.opens <= now < o.closes for o in self.hours)

    def next_opening(self, moment: datetime) -> datetime | None:
        """When the site next opens after `moment` (a local wall-clock time), within a week; None when
        the hours are not known."""
        if not self.hours:
            return None
        for ahead in range(8):
            day = (moment + timedelta(days=ahead)).date()
            for opening in sorted((o for o in self.hours if o.weekday == day.weekday()), key=lambda o: o.opens):
                start = datetime.combine(day, opening.opens, tzinfo=moment.tzinfo)
                if start > moment:
                    return start
        return None

    def map_link(self) -> str | None:
        if self.latitude is None or self.longitude is None:
            return None
        return f"https://www.openstreetmap.org/?mlat={self.latitude:.5f}&mlon={self.longitude:.5f}#map=17/{self.latitude:.5f}/{self.longitude:.5f}"


class SiteFileError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def parse_hours(text: str) -> tuple[Opening, ...]:
    """"mon-sat 06:00-10:00; sun 06:00-08:00" → openings; raises ValueError with the bad part."""
    openings: list[Opening] = []
    for part in filter(None, (p.strip().lower() for p in text.split(";"))):
        match = _HOURS.match(part)
        if not match:
            raise ValueError(f"hours {part!r}: write like 'mon-sat 06:00-10:00; sun 06:00-08:00'")
        first, last, h1, m1, h2, m2 = match.groups()
        start, end = _DAYS.index(first), _DAYS.index(last or first)
        try:
            opens, closes = time(int(h1), int(m1)), time(int(h2), int(m2))
        except ValueError:
            raise ValueError(f"hours {part!r}: not a time of day") from None
        if end < start or closes <= opens:
            raise ValueError(f"hours {part!r}: the range runs backwards")
        openings.extend(Opening(day, opens, closes) for day in range(start, end + 1))
    return tuple(openings)


def read_sites(text: str, name: str = "sites.csv") -> list[Site]:
    """Parse and check a site list; SiteFileError lists every bad row by line number."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise SiteFileError([f"{name}: line 1: missing columns {', '.join(missing)}"])
    sites: list[Site] = []
    problems: list[str] = []
    seen: set[str] = set()
    for row in reader:
        line = reader.line_num
        try:
            site = _site(row)
        except ValueError as exc:
            problems.append(f"{name}: line {line}: {exc}")
            continue
        if site.id in seen:
            problems.append(f"{name}: line {line}: id {site.id!r} used twice")
            continue
        seen.add(site.id)
        sites.append(site)
    if problems:
        raise SiteFileError(problems)
    return sites


def _site(row: dict[str, str]) -> Site:
    cell = {k: (v or "").strip() for k, v in row.items() if k}
    for required in ("id", "kind", "name", "province", "source", "verified"):
        if not cell.get(required):
            raise ValueError(f"{required} is empty")
    try:
        kind = SiteKind(cell["kind"])
    except ValueError:
        raise ValueError(f"kind {cell['kind']!r} is not one of {', '.join(k.value for k in SiteKind)}") from None
    latitude = longitude = None
    if cell["latitude"] or cell["longitude"]:
        try:
            latitude, longitude = float(cell["latitude"]), float(cell["longitude"])
        except ValueError:
            raise ValueError("latitude and longitude must both be numbers, or both empty") from None
        if not (8.0 <= latitude <= 24.0 and 102.0 <= longitude <= 110.0):
            raise ValueError(f"{latitude},{longitude} is not in Vietnam")
    if cell["phone"] and not _PHONE.match(cell["phone"]):
        raise ValueError(f"phone {cell['phone']!r} is not a phone number")
    try:
        verified = date.fromisoformat(cell["verified"])
    except ValueError:
        raise ValueError(f"verified {cell['verified']!r} must be a date like 2026-11-23") from None
    if cell["sample"].lower() not in ("true", "false", ""):
        raise ValueError("sample must be true or false")
    return Site(
        id=cell["id"], kind=kind, name=cell["name"], province=cell["province"], commune=cell["commune"],
        address=cell["address"] or None, latitude=latitude, longitude=longitude, phone=cell["phone"] or None,
        hours=parse_hours(cell["hours"]), services=tuple(s.strip() for s in cell["services"].split(";") if s.strip()),
        other_names=tuple(s.strip() for s in cell["other_names"].split(";") if s.strip()),
        source=cell["source"], verified=verified, sample=cell["sample"].lower() == "true",
    )


def load_sites(path: Path) -> list[Site]:
    return read_sites(path.read_text(encoding="utf-8-sig"), str(path))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


class SiteDirectory:
    def __init__(self, sites: list[Site], provinces: dict[str, str] | None = None) -> None:
        self._sites = sites
        # Former province names and the province each is part of now (content/places): "Bến Tre" →
        # "Vĩnh Long", so an old name finds the sites and the reply can say where it belongs now.
        self._provinces = {_place_phrase(old): current for old, current in (provinces or {}).items()}
        self._shown = {_place_phrase(n): n for s in sites for n in (s.province, s.commune, *s.other_names)}
        self._shown.update({_place_phrase(old): old for old in (provinces or {})})
        names = set(self._shown)
        # Names of two words or more: one syllable alone ("an", "hoa") is too often another word; one word
        # that no Vietnamese syllable is spelled like ("hcm" of "TP.HCM") is not.
        self._place_names = sorted((n for n in names if len(n.split()) >= 2
                                    or (len(n) >= 3 and n.isalpha() and not could_be_vietnamese(n))),
                                   key=len, reverse=True)

    def has_kind(self, kind: SiteKind) -> bool:
        return any(site.kind is kind for site in self._sites)

    def place_named_in(self, text: str) -> str | None:
        """A place of the list or a province that a message names in full ("methadone ở Hải Phòng",
        "tôi ở Thủ Đức"), folded; None if it names none."""
        named = self._places_named_in(text)
        return named[0] if named else None

    def place_asked_in(self, text: str) -> str | None:
        """The place a message asks about: as `place_named_in`, but a district named with its province
        ("Hải Phòng, quận Lê Chân") is both names together, when the list has a place that is both."""
        named = self._places_named_in(text)
        if len(named) > 1 and self.in_place(" ".join(named[:2]), limit=1):
            return " ".join(named[:2])
        return named[0] if named else None

    def words_besides_place(self, text: str) -> list[str]:
        """A message's folded words other than the place it asks about and the words of a kind of place
        ("quận", "tỉnh", "TP"): what it says about the place."""
        place = set((self.place_asked_in(text) or "").split())
        return [w for w in words(text) if w not in place and w not in _PLACE_KIND_WORDS]

    def _places_named_in(self, text: str) -> list[str]:
        said = f" {' '.join(_respelled(words(text, expand_teencode=False)))} "
        said = _NUMBERED_DISTRICT.sub(lambda m: f" quan {m.group(1) or m.group(2)} ", said)
        named: list[str] = []
        for name in self._place_names:  # longest first: "hai phong" once, and no shorter name inside it
            if f" {name} " in said and not self._other_words_typed(text, name):
                named.append(name)
                said = said.replace(f" {name} ", " , ")
        return named

    def _other_words_typed(self, text: str, name: str) -> bool:
        """Every place the name's folded words occur, they are typed with other diacritics than the name's own
        ("ở Gia Lâm đóng cửa rồi" folds to "lam dong", and "đóng" is no "Đồng"): other words that fold alike. A word
        typed without diacritics may be the name's."""
        own = [unicodedata.normalize("NFC", w) for w in self.shown(name).lower().split()]
        typed = [unicodedata.normalize("NFC", w) for w in re.findall(r"\w+", text.lower())]
        folded = [fold(w) for w in typed]
        wanted = name.split()
        found = [typed[i:i + len(wanted)] for i in range(len(typed) - len(wanted) + 1)
                 if folded[i:i + len(wanted)] == wanted]
        if not found or len(own) != len(wanted):
            return False  # spelled another way ("Hanoi", "q8"): nothing to compare
        return all(any(word != fold(word) and word != mine for word, mine in zip(occurrence, own, strict=True))
                   for occurrence in found)

    def shown(self, place: str) -> str:
        """A place's name as the list writes it, with its diacritics ("nam dinh" → "Nam Định")."""
        return self._shown.get(_place_phrase(place), place)

    def current_province(self, place: str) -> str | None:
        """The province a former province is part of now, if the place is a former province's name."""
        current = self._provinces.get(_place_phrase(place))
        return current if current is not None and _place_phrase(current) != _place_phrase(place) else None

    def all(self) -> list[Site]:
        return list(self._sites)

    def nearest(self, latitude: float, longitude: float, kinds: Kinds = None,
                limit: int = 3) -> list[tuple[Site, float]]:
        """Sites of the kinds with a known location, nearest first, with the distance in km."""
        located = [(s, distance_km(latitude, longitude, s.latitude, s.longitude)) for s in self._sites
                   if _wanted(s, kinds) and s.latitude is not None and s.longitude is not None]
        return sorted(located, key=lambda pair: pair[1])[:limit]

    def in_place(self, typed: str, kinds: Kinds = None, limit: int = 5) -> list[Site]:
        """Sites whose province, commune or a former name contains every word typed ("hoai duc",
        "Hà Nội"), best covered first."""
        wanted = place_words(typed)
        if not wanted:
            return []
        found = [s for s in self._sites if _wanted(s, kinds) and wanted <= s.place_words]
        return sorted(found, key=lambda s: (len(s.place_words), fold(s.name)))[:limit]


Kinds = frozenset[SiteKind] | None


def _wanted(site: Site, kinds: Kinds) -> bool:
    """Of a kind asked for; a clinic that lists HIV among its services ("3 trong 1") is a place for an HIV test too."""
    return kinds is None or site.kind in kinds \
        or (SiteKind.HIV_SERVICE in kinds and any(service.casefold() == "hiv" for service in site.services))


def _place_phrase(name: str) -> str:
    return " ".join(_naming(words(name, expand_teencode=False)))


def load_provinces(path: Path) -> dict[str, str]:
    """content/places/provinces-2025.csv: each former province and the province it is part of now."""
    with path.open(encoding="utf-8", newline="") as file:
        return {row["old_name"]: row["current_name"] for row in csv.DictReader(file)}


def place_words(typed: str) -> frozenset[str]:
    """The words of a typed place that name it ("tp ho chi minh" → {ho, chi, minh})."""
    return frozenset(_naming(_respelled(words(typed, expand_teencode=False))))


# Cities as English writes them, in one word ("a methadone clinic in Hanoi", "Saigon", "HCMC"): the words the list
# names them by.
_ENGLISH_SPELLINGS = {"hanoi": ("ha", "noi"), "haiphong": ("hai", "phong"), "danang": ("da", "nang"),
                      "saigon": ("ho", "chi", "minh"), "hcmc": ("ho", "chi", "minh"), "cantho": ("can", "tho")}


def _respelled(said: list[str]) -> list[str]:
    return [part for word in said for part in _ENGLISH_SPELLINGS.get(word, (word,))]


def _naming(said: list[str]) -> list[str]:
    """The words that name the place, without the kind of place said with it. "thanh" and "thi" go only
    as "thành phố", "thị trấn", "thị xã": alone they begin names ("Thanh Hóa", "Thanh Trì")."""
    kept: list[str] = []
    skip = False
    for number, word in enumerate(said):
        following = said[number + 1] if number + 1 < len(said) else ""
        if skip:
            skip = False
            continue
        if (word, following) in _PLACE_PAIRS:
            skip = True
            continue
        if word not in _PLACE_WORDS or (word == "quan" and following.isdigit()):  # "Quận 8" is a name
            kept.append(word)
    return kept


# A numbered district said in English or short ("district 8", "dist 8", "q8", "Q.8"): the list names it
# "Quận 8". "q8" is one word and "Q.8" two, so both spellings are listed.
_NUMBERED_DISTRICT = re.compile(r" (?:district|dist|q) (\d{1,2}) | q(\d{1,2}) ")

# "tinh", "xa", "phuong", "thanh pho": said with a place name, not part of it.
_PLACE_WORDS = frozenset("tinh xa phuong tp huyen quan o tai gan city province".split())
_PLACE_PAIRS = frozenset({("thanh", "pho"), ("thi", "tran"), ("thi", "xa")})


def place_said(text: str) -> str | None:
    """A place a short message names that may be missing from the list: a district, ward or commune
    said as one ("quận Long Biên", "phuong 7", "Ba Dinh district"), or where the writer lives ("tôi ở
    Bình Thạnh", "I live in Thu Duc"). The name as typed, with its kind of place when one was said, so
    the reply can say plainly that the list has nothing there yet. None when no such name is said; a
    name typed in lower case after "tôi ở" counts only beside a word of what is looked for, and never
    when it is an everyday word ("tôi ở nhà một mình", "em ở quê", "i'm in pain").
    """
    tokens = re.findall(r"\w+", text)
    folded = [fold(token) for token in tokens]
    if not tokens or len(tokens) > _PLACE_SAID_MAX_WORDS:
        return None
    said: list[str] = []
    looked_for = bool(_LOOKED_FOR.search(" ".join(folded)))
    for start in range(len(folded)):
        for cue in _UNIT_CUES:
            if tuple(folded[start:start + len(cue)]) == cue:
                name = _name_after(tokens, folded, start + len(cue))
                # "xa", "quan" typed plainly are also "far" and "a shop": a unit needs its diacritics
                # ("xã", "quận") or a name that looks like one ("Quan 7", "xa Tan Trieu").
                typed_as_unit = any(token.lower() in _UNIT_SPELLINGS for token in tokens[start:start + len(cue)])
                found = " ".join([*tokens[start:start + len(cue)], *name])
                if name and _about_the_place(tokens, looked_for) and (
                        typed_as_unit or name[0][:1].isupper() or name[0].isdigit()) and not any(
                        earlier.endswith(found) for earlier in said):  # "thị xã Sơn Tây", not "xã Sơn Tây"
                    said.append(found)
        for cue in _LIVING_CUES:
            if tuple(folded[start:start + len(cue)]) == cue:
                name = _name_after(tokens, folded, start + len(cue))
                whole = " ".join(fold(token) for token in name)
                # Typed in lower case, a name after "tôi ở" / "I'm in" counts only beside a word of what is
                # looked for: "i m in pain", "em ở trọ" are not places.
                capitalised = bool(name) and name[0][:1].isupper()
                everyday = bool({fold(token) for token in name} & _EVERYDAY_AFTER_LIVING)
                if name and whole not in _NOT_A_PLACE and _about_the_place(tokens, looked_for) and (
                        capitalised or (looked_for and not everyday)):
                    said.append(" ".join(name))
        # A capitalised name after "ở", "tại", "gần", "in", "near", beside what is looked for ("điểm methadone ở Cầu
        # Giấy", "methadone clinic in Cau Giay"): a place, said without its kind of unit.
        near = place_near(tokens, folded, start) if looked_for else None
        if near is not None and not any(found.endswith(near) for found in said):
            said.append(near)
    if said:
        return said[-1]  # the last and, as Vietnamese says it, the larger: "phường 10 quận Tân Bình"
    for end in range(1, len(folded)):  # "Ba Dinh district", "Thủ Đức ward"
        if folded[end] in ("district", "ward", "commune") and tokens[end - 1][:1].isupper() and (
                _about_the_place(tokens, looked_for)):
            begin = end
            while begin > 0 and tokens[begin - 1][:1].isupper() and end - begin < 3:
                begin -= 1
            return " ".join(tokens[begin:end + 1])
    return None


def place_near(tokens: list[str], folded: list[str], start: int) -> str | None:
    """A capitalised name right after "ở", "tại", "gần", "in", "near" at `start` ("ở Cầu Giấy", "in Cau Giay"): a
    place said without its kind of unit. A number there is a year or an age, not a place ("ODd in 2021")."""
    for cue in _NEAR_CUES:
        if tuple(folded[start:start + len(cue)]) == cue:
            name = _name_after(tokens, folded, start + len(cue))
            if name and name[0][:1].isupper() and " ".join(fold(token) for token in name) not in _NOT_A_PLACE:
                return " ".join(name)
    return None


def place_near_in(text: str) -> str | None:
    """The first place `place_near` finds in a message."""
    tokens = re.findall(r"\w+", text)
    folded = [fold(token) for token in tokens]
    return next((found for start in range(len(tokens)) if (found := place_near(tokens, folded, start))), None)


def says_only_where(said: list[str]) -> bool:
    """Folded words that say no more than where someone is or what is sought there ("tôi ở", "chỗ nào", "near me")."""
    return all(word in _AROUND_A_PLACE or word in _NOT_A_NAME or word.isdigit() for word in said)


def _about_the_place(tokens: list[str], looked_for: bool) -> bool:
    """The message is about the place: it says what is looked for there, or nothing but where the writer
    is ("nhà em ở quận Hoàng Mai ạ"). "Tôi ở Đà Nẵng, quán nào ngon" asks about something else."""
    if looked_for:
        return True
    return all(fold(token) in _AROUND_A_PLACE or token[:1].isupper() or token.isdigit() for token in tokens)


def _name_after(tokens: list[str], folded: list[str], at: int) -> list[str]:
    name: list[str] = []
    for number, (token, word) in enumerate(zip(tokens[at:], folded[at:], strict=True), start=at):
        # "trung tâm" (a centre) ends a name; "Trưng" of "Hai Bà Trưng" is in it.
        centre = word == "trung" and folded[number + 1:number + 2] == ["tam"]
        if word in _NOT_A_NAME or word in _UNIT_WORDS or len(name) == 3 or centre:
            break
        name.append(token)
    if not name or (len(name) == 1 and len(folded[at]) < 2 and not folded[at].isdigit()):
        return []
    return name


_PLACE_SAID_MAX_WORDS = 14
# Words a message about where one is may say besides the place: who, "ở", "live in", particles.
_AROUND_A_PLACE = frozenset("""
    toi em minh tui tao chau con anh chi nha o song dang hien gio a ah ak nhe nha ad oi va day
    i m am im we live living in from my family s at currently now the quan huyen phuong xa thi tran
    district ward commune
""".split())
_UNIT_CUES = tuple(tuple(cue.split()) for cue in (
    "quan", "huyen", "phuong", "xa", "thi xa", "thi tran", "district", "ward", "commune"))
_UNIT_WORDS = frozenset(word for cue in _UNIT_CUES for word in cue)
# ... and of a province or city, which name a place with it ("tỉnh Nam Định", "TP Hải Phòng").
_PLACE_KIND_WORDS = _UNIT_WORDS | {"tinh", "tp", "thanh", "pho", "province", "city"}
_UNIT_SPELLINGS = frozenset("quận huyện phường xã thị trấn district ward commune".split())
_LOOKED_FOR = re.compile(r"\b(?:methadone|metadon|diem|co so|phong kham|tram y te|cap phat|tu van|cai nghien|"
                         r"clinics?|sites?|points?|cent(?:er|re)s?|rehab|treatment|prep|arv|hiv)\b")
_NOT_A_PLACE = frozenset({"viet nam", "vietnam", "vn", "nuoc ngoai", "english", "tieng anh", "tieng viet",
                          "vietnamese"})
_NEAR_CUES = tuple(tuple(cue.split()) for cue in ("o", "tai", "gan", "o gan", "khu", "in", "near", "around"))
_LIVING_CUES = tuple(tuple(cue.split()) for cue in (
    "toi o", "em o", "minh o", "tui o", "tao o", "chau o", "con o", "nha toi o", "nha em o", "nha minh o",
    "nha o", "song o", "dang song o", "i live in", "i m in", "i am in", "im in", "i m from", "i am from",
    "we live in", "living in"))
# Words that end a place's name: particles, question words, what is looked for.
_NOT_A_NAME = frozenset("""
    a ah ak nhe nha nhen ne thi co khong ko k hong gan nao cho o dau tai va voi ma de muon can hoi tim
    diem co so methadone phong kham tram y te benh vien la gi sao vay the roi day nay do
    and is are there any near where what can the a an to for with i my me please pls clinic clinics
    methadone site sites point points nearby around but so
""".split())
# What follows "tôi ở" without being a place: home, alone, the countryside, with someone.
_EVERYDAY_AFTER_LIVING = frozenset("""
    nha mot minh que tro phong day nay kia ngoai trong tren duoi gan xa cung voi chung tu trai vien
    viet nam vietnam home alone here there hospital jail prison town the city with bed work
    truong lop cty cong ty
""".split())
