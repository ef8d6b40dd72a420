"""The staff web view: a counseling point's day, week, groups, reports, site list and staff, on a phone
or a desk, served by the process's tornado server (bot/web.py) on loopback behind the operator's TLS
proxy.

Sign-in is a one-time link that /web sends to the staff member's own chat (bot/services/web_access.py);
the session is a row of the database, found by the digest of the token that travels in a signed,
HttpOnly, SameSite=Strict cookie, so any process sharing the database serves the pages. Every form
carries tornado's XSRF token. A counselor sees their own point; a province head (ADMIN_IDS) sees every
point and may edit the site list. Every page that shows an alias writes an audit row for each person
shown, as the chat does. Pages are tornado templates (bot/templates/web), in
Vietnamese or English from the same catalogs as the bot; the CSS is plain and fits a phone screen.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tornado.web import HTTPError, RequestHandler

from bot.clock import Clock
from bot.i18n import N_, Catalogs, Translator
from bot.reports import MIME, RENDERERS, Period, PeriodError, filename
from bot.services import groups as group_rules
from bot.services import staff as staff_service
from bot.services.deadlines import Deadline
from bot.services.reports import counseling_points, deadline_period, period_report, point_name
from bot.services.web_access import WebAccess, WebSession
from bot.sites import SiteDirectory, SiteFileError, read_sites
from bot.store.base import Store

log = logging.getLogger(__name__)
TEMPLATES = Path(__file__).parent / "templates" / "web"
COOKIE = "dtv_session"
LANG_COOKIE = "dtv_lang"
LABELS = {
    "kind": {"in_person": N_("web.kind_in_person"), "phone": N_("web.kind_phone"), "chat": N_("web.kind_chat")},
    "status": {"requested": N_("web.status_requested"), "proposed": N_("web.status_proposed"),
               "confirmed": N_("web.status_confirmed"), "declined": N_("web.status_declined"),
               "cancelled": N_("web.status_cancelled"), "attended": N_("web.status_attended"),
               "no_show": N_("web.status_no_show")},
    "role": {"counselor": N_("web.role_counselor"), "volunteer": N_("web.role_volunteer"),
             "head": N_("web.role_head")},
}


@dataclass
class WebContext:
    """What the pages need, built once by the composition root."""

    store: Store
    catalogs: Catalogs
    access: WebAccess
    clock: Clock
    sites: SiteDirectory
    site_list: Callable[[], Path]  # the list in use (the imported one, else the shipped one)
    data_dir: Path  # where an edited list goes, as `sites import` puts it
    admin_ids: frozenset[str]
    deadlines: tuple[Deadline, ...]
    timezone_name: str
    small_count: int = 5
    bot_username: str | None = None
    secure_cookies: bool = False  # True behind https (WEB_PUBLIC_URL): the cookie is sent over TLS only
    forget: Callable[[tuple[str, str]], None] = field(default=lambda key: None)


def application_settings(secret: str | None) -> dict[str, Any]:
    return {"template_path": str(TEMPLATES), "xsrf_cookies": True, "cookie_secret": secret or secrets.token_hex(32),
            "autoescape": "xhtml_escape", "compress_response": False}


def pages(ctx: WebContext) -> list[Any]:
    options = {"ctx": ctx}
    return [
        (r"/web", Today, options),
        (r"/web/login", SignIn, options),
        (r"/web/logout", SignOut, options),
        (r"/web/week", Week, options),
        (r"/web/groups", Groups, options),
        (r"/web/groups/(\d+)/attendance", Attendance, options),
        (r"/web/reports", Reports, options),
        (r"/web/reports/file", ReportFile, options),
        (r"/web/sites", Sites, options),
        (r"/web/staff", StaffPage, options),
        (r"/web/staff/invite", Invite, options),
        (r"/web/staff/(\d+)/remove", RemoveStaff, options),
    ]


class _Page(RequestHandler):
    """A page of the web view: the session, the language, the point it may show, and kind errors."""

    logs_itself = True
    ctx: WebContext
    viewer: WebSession | None = None  # set by prepare, which tornado runs after its XSRF check
    token: str | None = None  # the session's token, from the cookie

    def initialize(self, ctx: WebContext) -> None:
        self.ctx = ctx

    async def prepare(self) -> None:
        now = self.ctx.clock.now()
        cookie = self.get_signed_cookie(COOKIE, max_age_days=1)
        self.token = cookie.decode() if cookie else None
        if self.token:
            async with self.ctx.store.reading() as uow:  # one read by primary key; never the writer
                self.viewer = await self.ctx.access.session(uow, self.token, now)
        self.set_header("Cache-Control", "no-store")  # aliases must not stay in a shared browser's cache
        self.set_header("X-Frame-Options", "DENY")
        self.set_header("Referrer-Policy", "no-referrer")
        asked = self.get_query_argument("lang", None)
        if asked in ("vi", "en"):
            self.set_cookie(LANG_COOKIE, asked, httponly=True, samesite="Strict", secure=self.ctx.secure_cookies)

    @property
    def _(self) -> Translator:
        asked = self.get_query_argument("lang", None) or self.get_cookie(LANG_COOKIE)
        locale = asked if asked in ("vi", "en") else (self.viewer.locale if self.viewer else "vi")
        return self.ctx.catalogs.translator(locale)

    def signed_in(self) -> WebSession:
        if self.viewer is None:
            raise HTTPError(401)
        return self.viewer

    def point(self) -> str | None:
        """The point this request may show: a counselor's own; for a head, the one asked for (None: all).
        Another point's page is refused."""
        viewer = self.signed_in()
        asked = self.get_argument("point", None) or None
        if viewer.head:
            if asked is not None and asked not in counseling_points(self.ctx.sites):
                raise HTTPError(404)
            return asked
        if asked is not None and asked != viewer.point_id:
            raise HTTPError(403)
        return viewer.point_id

    def page(self, template: str, **values: Any) -> None:
        viewer = self.viewer
        _ = self._
        points = counseling_points(self.ctx.sites)
        self.render(template, _=_, viewer=viewer, points=points, lang=_.locale,
                    point_name=lambda p: points.get(p, p) if p else _("report.province"),
                    when=lambda moment: _.datetime(moment),
                    label=lambda kind, value: _(LABELS[kind][value]) if value in LABELS[kind] else value, **values)

    def message(self, status: int, title_key: str, text_key: str, **values: Any) -> None:
        self.set_status(status)
        self.page("message.html", title=self._(title_key), text=self._(text_key, **values))

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        if status_code == 401:
            self.message(401, N_("web.signed_out_title"), N_("web.signed_out"))
        elif status_code == 403 and "_xsrf" in str(getattr(kwargs.get("exc_info", (None, None))[1], "log_message", "")):
            self.message(403, N_("web.refused_title"), N_("web.bad_request"))  # a form without its XSRF token
        elif status_code == 403:
            self.message(403, N_("web.refused_title"), N_("web.not_your_point"))
        elif status_code == 404:
            self.message(404, N_("web.not_found_title"), N_("web.not_found"))
        elif status_code == 400:
            self.message(400, N_("web.refused_title"), N_("web.bad_request"))
        else:
            self.message(status_code, N_("web.error_title"), N_("web.error"))

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        if isinstance(value, HTTPError):
            return  # refusals are answers, not faults
        log.error("web view: %s on %s", typ.__name__ if typ else "error", self.request.path, exc_info=value)

    async def audit(self, shown: list[int], what: str) -> None:
        """One audit row per person whose alias this page shows (viewer, person, what, when)."""
        viewer = self.signed_in()
        if not shown:
            return
        now = self.ctx.clock.now()
        async with self.ctx.store.unit_of_work() as uow:
            for person_id in dict.fromkeys(shown):
                await uow.audit.record(viewer.person_id, person_id, what, now)
            await uow.commit()

    def local_day_start(self) -> datetime:
        local = self._.local(self.ctx.clock.now())
        return local.replace(hour=0, minute=0, second=0, microsecond=0)


class SignIn(_Page):
    """GET shows a button (a link preview fetching the address must not use the link up); POST signs in."""

    async def get(self) -> None:
        token = self.get_query_argument("t", "")
        async with self.ctx.store.reading() as uow:
            valid = await self.ctx.access.is_valid(uow, token, self.ctx.clock.now())
        if not valid:
            self.message(403, N_("web.link_title"), N_("web.link_bad"))
            return
        self.page("signin.html", token=token, then=_safe_next(self.get_query_argument("next", "/web")))

    async def post(self) -> None:
        now = self.ctx.clock.now()
        async with self.ctx.store.unit_of_work() as uow:
            person_id = await self.ctx.access.redeem(uow, self.get_body_argument("t", ""), now)
            if person_id is None:
                await uow.commit()  # an expired link is used up all the same
                self.message(403, N_("web.link_title"), N_("web.link_bad"))
                return
            person = await uow.people.get_by_id(person_id)
            point = await uow.staff.point_of(person_id)
            head = person is not None and person.user_id in self.ctx.admin_ids
            if person is None or not (head or (person.role == "counselor" and point)):
                await uow.commit()
                self.message(403, N_("web.refused_title"), N_("web.staff_only"))
                return
            token, _session = await self.ctx.access.open_session(uow, person_id, None if head else point, head,
                                                                 person.locale, now)
            await uow.commit()
        self.set_signed_cookie(COOKIE, token, expires_days=None, httponly=True, samesite="Strict",
                               secure=self.ctx.secure_cookies)
        self.redirect(_safe_next(self.get_body_argument("next", "/web")))


def _safe_next(then: str) -> str:
    """Only a page of this web view: a sign-in link must not send anyone elsewhere."""
    if then.startswith("/web") and "//" not in then and "\\" not in then and "\n" not in then:
        return then
    return "/web"


class SignOut(_Page):
    async def post(self) -> None:
        if self.viewer is not None and self.token is not None:
            async with self.ctx.store.unit_of_work() as uow:
                await self.ctx.access.close(uow, self.token)
                await uow.commit()
        self.clear_cookie(COOKIE)
        self.viewer = None
        self.message(200, N_("web.signed_out_title"), N_("web.signed_out_now"))


class Today(_Page):
    async def get(self) -> None:
        point = self.point()
        now = self.ctx.clock.now()
        start = self.local_day_start()
        points = [point] if point else sorted(counseling_points(self.ctx.sites))
        async with self.ctx.store.reading() as uow:
            agenda = await uow.point_view.appointments(point, start, start + timedelta(days=1))
            waiting = [chat for p in points for chat in await uow.chats.waiting(p)]
            groups = await uow.point_view.groups(point)
        next_meetings = sorted((group_rules.next_meeting(g.rule, self.ctx.timezone_name, now), g.name)
                               for g in groups if g.rule)
        await self.audit([a["person_id"] for a in agenda], "web:today")
        oldest = min((chat.opened_at for chat in waiting), default=None)
        self.page("today.html", point=point, agenda=agenda, waiting=len(waiting),
                  waiting_minutes=int((now - oldest).total_seconds() // 60) if oldest else None,
                  next_meeting=next_meetings[0] if next_meetings else None)


class Week(_Page):
    async def get(self) -> None:
        point = self.point()
        start = self.local_day_start()
        async with self.ctx.store.reading() as uow:
            appointments = await uow.point_view.appointments(point, start, start + timedelta(days=7))
        await self.audit([a["person_id"] for a in appointments], "web:week")
        self.page("week.html", point=point, appointments=appointments)


def _meeting_to_mark(rule: dict[str, Any], zone: str, now: datetime) -> datetime | None:
    """The meeting whose attendance is marked now: the latest one that has begun."""
    begun = [m for m in group_rules.meetings(rule, zone, now, months=3) if m <= now]
    return max(begun) if begun else None


class Groups(_Page):
    async def get(self) -> None:
        point = self.point()
        now = self.ctx.clock.now()
        shown: list[int] = []
        listed = []
        async with self.ctx.store.reading() as uow:
            for group in await uow.point_view.groups(point):
                assert group.id is not None
                meeting = _meeting_to_mark(group.rule, self.ctx.timezone_name, now) if group.rule else None
                roll = await uow.point_view.roll(group.id, meeting) if meeting else []
                shown.extend(member["person_id"] for member in roll)
                listed.append({"group": group, "meeting": meeting, "roll": roll,
                               "next": group_rules.next_meeting(group.rule, self.ctx.timezone_name, now)
                               if group.rule else None})
        await self.audit(shown, "web:groups")
        self.page("groups.html", point=point, groups=listed, saved=self.get_query_argument("saved", None))


class Attendance(_Page):
    async def post(self, group_id: str) -> None:
        viewer = self.signed_in()
        now = self.ctx.clock.now()
        async with self.ctx.store.unit_of_work() as uow:
            group = await uow.groups.get(int(group_id))
            if group is None or not (viewer.head or group.point_id == viewer.point_id):
                raise HTTPError(403 if group is not None else 404)
            meeting = _meeting_to_mark(group.rule, self.ctx.timezone_name, now) if group.rule else None
            if meeting is None or self.get_body_argument("meeting", "") != meeting.isoformat():
                self.message(409, N_("web.refused_title"), N_("web.meeting_moved"))
                return
            members = {m["person_id"] for m in await uow.point_view.roll(int(group_id), meeting)}
            present = {int(p) for p in self.get_body_arguments("present") if p.isdigit()}
            if not present <= members:
                raise HTTPError(400)
            for person_id in sorted(present):
                await uow.groups.attend(int(group_id), meeting, person_id)
            await uow.commit()
        self.redirect(f"/web/groups?saved={len(present)}" + (f"&point={group.point_id}" if viewer.head else ""))


class Reports(_Page):
    async def get(self) -> None:
        point = self.point()
        viewer = self.signed_in()
        _ = self._
        today = _.local(self.ctx.clock.now()).date()
        typed = self.get_query_argument("period", "").strip()
        # The point's own staff see exact counts on screen: they do not leave the point. Files do.
        small = self.ctx.small_count if viewer.head else 0
        try:
            period = Period.parse(typed) if typed else deadline_period(self.ctx.deadlines, today)
            place = point_name(counseling_points(self.ctx.sites), point, _)
            async with self.ctx.store.reading() as uow:
                report = await period_report(uow, _, period, point, place, today, small)
        except PeriodError as exc:
            self.set_status(400)
            self.page("reports.html", point=point, typed=typed, report=None, problem=_(exc.key, **exc.values))
            return
        self.page("reports.html", point=point, typed=period.code, report=report, problem=None)


class ReportFile(_Page):
    async def get(self) -> None:
        point = self.point()
        _ = self._
        fmt = self.get_query_argument("format", "xlsx")
        if fmt not in RENDERERS:
            raise HTTPError(400)
        today = _.local(self.ctx.clock.now()).date()
        try:
            period = Period.parse(self.get_query_argument("period", ""))
            place = point_name(counseling_points(self.ctx.sites), point, _)
            async with self.ctx.store.reading() as uow:
                report = await period_report(uow, _, period, point, place, today, self.ctx.small_count)
        except PeriodError as exc:
            self.set_status(400)
            self.page("reports.html", point=point, typed="", report=None, problem=_(exc.key, **exc.values))
            return
        data = RENDERERS[fmt](report, _)
        self.set_header("Content-Type", MIME[fmt])
        if fmt != "png":
            self.set_header("Content-Disposition", f'attachment; filename="{filename(report, point, fmt)}"')
        self.finish(data)


class Sites(_Page):
    def get(self) -> None:
        self.signed_in()
        path = self.ctx.site_list()
        self.page("sites.html", sites=read_sites(path.read_text(encoding="utf-8-sig"), path.name),
                  text=path.read_text(encoding="utf-8-sig"), problems=[], saved=False)

    def post(self) -> None:
        viewer = self.signed_in()
        if not viewer.head:
            raise HTTPError(403)
        text = self.get_body_argument("csv", "", strip=False).replace("\r\n", "\n")
        current = self.ctx.site_list()
        try:
            sites = read_sites(text, "sites.csv")  # exactly what `diemtuvan sites import` checks
        except SiteFileError as exc:
            self.set_status(400)
            self.page("sites.html", sites=read_sites(current.read_text(encoding="utf-8-sig"), current.name),
                      text=text, problems=exc.problems, saved=False)
            return
        target = self.ctx.data_dir / "sites.csv"
        partial = target.with_suffix(".csv.partial")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, target)  # all or nothing: a crash leaves the old list
        self.page("sites.html", sites=sites, text=text, problems=[], saved=True)


class StaffPage(_Page):
    async def get(self) -> None:
        point = self.point()
        async with self.ctx.store.reading() as uow:
            staff = await uow.point_view.staff(point)
        await self.audit([s["person_id"] for s in staff], "web:staff")
        self.page("staff.html", point=point, staff=staff, invite=None)


class Invite(_Page):
    async def post(self) -> None:
        viewer = self.signed_in()
        role = self.get_body_argument("role", "")
        point = viewer.point_id if not viewer.head else self.get_body_argument("point", "")
        if role not in staff_service.STAFF_ROLES or point not in counseling_points(self.ctx.sites):
            raise HTTPError(400)
        now = self.ctx.clock.now()
        async with self.ctx.store.unit_of_work() as uow:
            code = await staff_service.invite(uow, role, point, now)
            await uow.commit()
            staff = await uow.point_view.staff(point if not viewer.head else None)
        await self.audit([s["person_id"] for s in staff], "web:staff")
        link = f"https://t.me/{self.ctx.bot_username}?start={code}" if self.ctx.bot_username else None
        self.page("staff.html", point=point, staff=staff, invite={"code": code, "role": role, "link": link})


class RemoveStaff(_Page):
    async def post(self, person_id: str) -> None:
        viewer = self.signed_in()
        async with self.ctx.store.unit_of_work() as uow:
            point = await uow.staff.point_of(int(person_id))
            person = await uow.people.get_by_id(int(person_id))
            if person is None or point is None:
                raise HTTPError(404)
            if not viewer.head and point != viewer.point_id:
                raise HTTPError(403)
            await uow.point_view.remove_staff(int(person_id))
            await self.ctx.access.close_person(uow, int(person_id))
            await uow.commit()
        self.ctx.forget((person.channel, person.user_id))  # the core's cached copy still says staff
        self.redirect("/web/staff" + (f"?point={point}" if viewer.head else ""))
