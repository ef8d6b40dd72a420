"""The `diemtuvan` command: run the bot, ask it one question, check content, upgrade or back up the
database."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot import logs
from bot.config import PROJECT_ROOT, ConfigError, Settings, load_settings
from bot.store.base import DatabaseUnusable

EXIT_CONFIG = 2  # a setting is wrong, or what it names cannot be used (a busy port)
EXIT_DATABASE = 3  # the database file cannot be used as it is: damaged, or from a newer version


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="diemtuvan",
        description=(
            "Chatbot for community drug-treatment counseling points. With no command it runs the bot: on "
            "Telegram and/or Zalo when TELEGRAM_BOT_TOKEN or ZALO_BOT_TOKEN is set, otherwise on the console "
            "with an SQLite file under ./data. Settings come from the environment or a .env file (see README.md)."
        ),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("run", help="run the bot (the default)")
    ask = commands.add_parser(
        "ask", help="print the bot's reply to one message (or to each line of stdin, each a fresh conversation)"
    )
    ask.add_argument("message", nargs="?", help="the message; read one per line from stdin when left out")
    ask.add_argument("--json", action="store_true", help="one JSON object per message: text, choices, handler, entry")
    ask.add_argument("--lang", choices=("vi", "en"), default=None, help="the person's language (default: vi)")
    content = commands.add_parser("content", help="content tools")
    content_commands = content.add_subparsers(dest="content_command", metavar="ACTION", required=True)
    content_commands.add_parser("check", help="validate content/ and the catalogs; exit 1 on any problem")
    sites = commands.add_parser("sites", help="the site list")
    sites_commands = sites.add_subparsers(dest="sites_command", metavar="ACTION", required=True)
    importing = sites_commands.add_parser(
        "import",
        help="check an operator's site list (CSV); if every row is good, the bot loads it at its next start",
    )
    importing.add_argument("file", help="the CSV file (columns: see content/sites/README.md)")
    invite = commands.add_parser("invite", help="a one-time code (and Telegram link) that makes its user staff")
    invite.add_argument("role", choices=("counselor", "volunteer"))
    invite.add_argument("--point", required=True, help="the counseling point's id in the site list")
    invite.add_argument("--days", type=int, default=7, help="how long the code stays valid (default 7)")
    commands.add_parser("stats", help="appointments per counseling point, by outcome, with the satisfaction answers")
    report = commands.add_parser(
        "report", help="a period report (table and chart) for a counseling point or the whole province, from the tally")
    where = report.add_mutually_exclusive_group(required=True)
    where.add_argument("--point", help="the counseling point's id in the site list")
    where.add_argument("--province", action="store_true", help="every point together")
    report.add_argument("--period", required=True,
                        help="2026-08 (a month), 2026-Q3 (a quarter), 2026-H1 (a half-year) or 2026 (a year)")
    report.add_argument("--format", choices=("xlsx", "csv", "png"), default="xlsx")
    report.add_argument("--lang", choices=("vi", "en"), default=None, help="the report's language (default: vi)")
    report.add_argument("--out", default=None,
                        help="the file to write (default: baocao-POINT-PERIOD.FORMAT here); - for standard output")
    db = commands.add_parser("db", help="database tools")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    backup = db_commands.add_parser(
        "backup", help="a consistent copy of the SQLite file, safe while the bot runs (PostgreSQL: pg_dump)")
    backup.add_argument("path", help="the new file to write (never overwritten)")
    db_commands.add_parser("upgrade", help="apply pending schema migrations to the database (SQLite or PostgreSQL)")
    copying = db_commands.add_parser(
        "copy", help="copy every table of one database into an empty other (SQLite to PostgreSQL), checking counts")
    copying.add_argument("source", help="the database to copy, e.g. sqlite:///data/diemtuvan.sqlite3")
    copying.add_argument("target", help="the empty database to fill, e.g. postgresql://bot@localhost/diemtuvan")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = args.command or "run"
    level = os.environ.get("LOG_LEVEL", "INFO" if command == "run" else "WARNING")
    redactor = logs.configure(level)
    # Whatever the bot creates (the data folder, the database, an imported site list) is for its own
    # user only: people's data must not be readable by the other accounts of the server.
    os.umask(0o077)
    try:
        settings = load_settings()
        redactor.add(settings.telegram_bot_token)
        redactor.add(settings.zalo_bot_token)
        if command == "run":
            if not settings.telegram_bot_token and not settings.zalo_bot_token:
                logs.set_level(os.environ.get("LOG_LEVEL", "WARNING"))
            return asyncio.run(_run(settings))
        if command == "ask":
            return asyncio.run(_ask(settings, args.message, args.json, args.lang or settings.default_locale))
        if command == "content":
            return _content_check(settings)
        if command == "sites":
            return _sites_import(settings, args.file)
        if command == "invite":
            return asyncio.run(_invite(settings, args.role, args.point, args.days))
        if command == "stats":
            return asyncio.run(_stats(settings))
        if command == "report":
            return _report(settings, None if args.province else args.point, args.period, args.format,
                           args.lang or settings.default_locale, args.out)
        if command == "db" and args.db_command == "backup":
            return _db_backup(settings, Path(args.path))
        if command == "db" and args.db_command == "copy":
            return asyncio.run(_db_copy(args.source, args.target))
        if command == "db":
            return asyncio.run(_db_upgrade(settings))
    except ConfigError as exc:
        print(f"diemtuvan: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except DatabaseUnusable as exc:
        print(f"diemtuvan: {exc}", file=sys.stderr)
        return EXIT_DATABASE
    except KeyboardInterrupt:
        return 130
    return 0


async def _run(settings: Settings) -> int:
    from bot.app import run
    from bot.channels.base import StartupFailed
    from bot.content import ContentError
    from bot.sites import SiteFileError

    try:
        return await run(settings)
    except (StartupFailed, ContentError, SiteFileError) as exc:
        print(f"diemtuvan: {exc}", file=sys.stderr)
        return EXIT_CONFIG


async def _ask(settings: Settings, message: str | None, as_json: bool, locale: str) -> int:
    from bot.app import ask, build

    bot = await build(settings, store_path=":memory:", deliver=False)
    try:
        lines = [message] if message is not None else [line.rstrip("\n") for line in sys.stdin]
        for number, line in enumerate(lines, start=1):
            outcome = await ask(bot, line, locale, number)
            if as_json:
                print(json.dumps({
                    "message": line,
                    "replies": [reply.to_json() for reply in outcome.replies],
                    "handler": outcome.handler,
                    "entry": outcome.entry,
                }, ensure_ascii=False))
            else:
                from bot.channels.render import numbered_choices

                print("\n\n".join(numbered_choices(reply) for reply in outcome.replies))
                if message is None:
                    print("---")
    finally:
        await bot.store.close()
    return 0


def _content_check(settings: Settings) -> int:
    from bot.content import ContentError, load_content
    from bot.i18n import check_catalogs

    problems: list[str] = []
    try:
        content = load_content(settings.content_dir)
    except ContentError as exc:
        problems.extend(exc.problems)
        content = None
    problems.extend(str(p) for p in check_catalogs(PROJECT_ROOT, settings.content_dir / "locales"))
    from bot.sites import SiteFileError, load_sites

    try:
        site_count = len(load_sites(settings.content_dir / "sites" / "sites.csv"))
    except (OSError, SiteFileError) as exc:
        problems.extend(exc.problems if isinstance(exc, SiteFileError) else [f"sites: {exc}"])
        site_count = 0
    from bot.services.crisis_model import load_examples
    from bot.services.faq import Synonyms
    from bot.services.intents import IntentReader

    try:
        load_examples(settings.content_dir / "understanding")
    except (OSError, ValueError) as exc:
        problems.append(str(exc))
    for name, read in (("intents.yaml", IntentReader.from_file), ("synonyms.yaml", Synonyms.from_file)):
        try:
            read(settings.content_dir / name)
        except (OSError, ValueError) as exc:  # a pydantic ValidationError or a YAML error is a ValueError
            problems.append(f"{settings.content_dir / name}: {exc}")
    if content is not None:
        from bot.services.crisis import CrisisReader

        detector = CrisisReader(content.crisis)
        for entry in content.faq:
            for question in (*entry.questions.vi, *entry.questions.en):
                if detector.detect(question):
                    problems.append(f"{settings.content_dir}/faq: entry {entry.id}: question {question!r} "
                                    "would be taken for a crisis")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"content check: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    faq_count = len(content.faq) if content else 0
    print(f"content check: ok ({faq_count} FAQ entries, {site_count} sites, catalogs vi and en complete)")
    return 0


def _sites_import(settings: Settings, file: str) -> int:
    from bot.config import check_data_dir
    from bot.sites import SiteFileError, load_sites

    try:
        sites = load_sites(Path(file))
    except OSError as exc:
        print(f"diemtuvan: cannot read {file}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except SiteFileError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"sites import: {len(exc.problems)} bad row(s); nothing was changed", file=sys.stderr)
        return 1
    check_data_dir(settings.data_dir)
    target = settings.data_dir / "sites.csv"
    target.write_bytes(Path(file).read_bytes())
    samples = sum(site.sample for site in sites)
    print(f"sites import: {len(sites)} sites ({samples} marked sample) now in {target}; "
          "the bot loads it at its next start")
    return 0


async def _invite(settings: Settings, role: str, point: str, days: int) -> int:
    from datetime import UTC, datetime

    from bot.app import site_list_path
    from bot.services.staff import invite
    from bot.sites import SiteKind, load_sites

    points = {s.id: s for s in load_sites(site_list_path(settings)) if s.kind is SiteKind.COUNSELING_POINT}
    if point not in points:
        known = ", ".join(sorted(points)) or "none (import a site list with counseling points)"
        print(f"diemtuvan: {point!r} is not a counseling point in the site list; known: {known}", file=sys.stderr)
        return 1
    now = datetime.now(UTC)
    store = _store(settings)
    await store.open()
    try:
        async with store.unit_of_work() as uow:
            code = await invite(uow, role, point, now, days)
            await uow.commit()
    finally:
        await store.close()
    print(f"{role} invite for {points[point].name}: {code} (valid {days} days, once)")
    if settings.telegram_bot_username:
        print(f"Telegram: https://t.me/{settings.telegram_bot_username}?start={code}")
    print(f"Zalo, or by hand: send /start {code} to the bot")
    return 0


async def _stats(settings: Settings) -> int:
    """Appointments per point by outcome, with the satisfaction answers (seed 004 asks points to
    measure satisfaction): counts only, read from the counts that last, never from people's rows."""
    from bot.services.reports import appointments_so_far

    store = _store(settings)
    await store.open()
    try:
        async with store.reading() as uow:
            by_point = await appointments_so_far(uow)
    finally:
        await store.close()
    if not by_point:
        print("stats: no appointments yet")
    for point, counts in sorted(by_point.items()):
        outcomes = ", ".join(f"{what.removeprefix('appointment.').replace('_', '-')} {counts.get(what, 0)}"
                             for what in _OUTCOMES)
        answers = ", ".join(f"{label} {counts.get(what, 0)}" for what, label in _ANSWERS)
        print(f"{point or '(no point)'}: {outcomes}; after attending: {answers}")
    return 0


_OUTCOMES = ("appointment.requested", "appointment.confirmed", "appointment.attended", "appointment.no_show",
             "appointment.cancelled", "appointment.declined")
_ANSWERS = (("satisfaction.helped", "helped"), ("satisfaction.so_so", "all right"),
            ("satisfaction.not_helped", "not really"))


def _report(settings: Settings, point: str | None, period_text: str, fmt: str, locale: str,
            out: str | None) -> int:
    """A report file for the province's records. Anything written here leaves the point, so small
    counts are hidden (REPORT_SMALL_COUNT). Nothing is written when there is nothing to report."""
    from datetime import datetime

    from bot.app import site_list_path
    from bot.i18n import Catalogs
    from bot.reports import MIME, RENDERERS, Period, PeriodError, Report, filename
    from bot.services.reports import period_report, point_name
    from bot.sites import SiteKind, load_sites

    _ = Catalogs(settings.content_dir / "locales", settings.timezone).translator(locale)
    points = {s.id: s.name for s in load_sites(site_list_path(settings)) if s.kind is SiteKind.COUNSELING_POINT}
    today = datetime.now(settings.timezone).date()
    try:
        period = Period.parse(period_text)
        place = point_name(points, point, _)

        async def counted() -> Report:
            store = _store(settings)
            await store.open()
            try:
                async with store.unit_of_work() as uow:
                    return await period_report(uow, _, period, point, place, today, settings.report_small_count)
            finally:
                await store.close()

        report = asyncio.run(counted())
    except PeriodError as exc:
        print(f"diemtuvan: {_(exc.key, **exc.values)}", file=sys.stderr)
        return 1
    if report.empty:
        nothing = _("report.no_data", place=place, period=report.period_label)
        print(f"diemtuvan: {nothing}", file=sys.stderr)
        return 1
    data = RENDERERS[fmt](report, _)
    if out == "-":
        sys.stdout.buffer.write(data)
        return 0
    target = Path(out or filename(report, point, fmt))
    target.write_bytes(data)
    print(f"report: {report.place}, {report.period_label} → {target} ({MIME[fmt]}, {len(data):,} bytes)")
    return 0


def _store(settings: Settings) -> Any:
    """The store DATABASE_URL names (not yet open); for SQLite, its folder is checked first."""
    from bot.config import check_data_dir
    from bot.store import make_store

    if not settings.uses_postgres:
        check_data_dir(settings.sqlite_path.parent)
    return make_store(settings.database, timezone=settings.timezone)


async def _db_upgrade(settings: Settings) -> int:
    store = _store(settings)
    await store.open(upgrade=False)
    try:
        applied = await store.upgrade()
        version = await store.schema_version()
    finally:
        await store.close()
    print(f"{store.path}: schema {version}" + (f" (applied {applied})" if applied else " (up to date)"))
    return 0


async def _db_copy(source: str, target: str) -> int:
    from bot.store.copy import copy_database

    counts = await copy_database(source, target)
    for table, n in counts.items():
        print(f"{table}: {n} rows")
    print(f"copied {sum(counts.values())} rows in {len(counts)} tables; every count matches")
    return 0


def _db_backup(settings: Settings, target: Path) -> int:
    """SQLite: the online copy (bot/store/sqlite.py: backup). PostgreSQL has its own tool for a
    consistent copy of a live database, and the command says which, rather than half-doing it."""
    if settings.uses_postgres:
        print("diemtuvan: the database is PostgreSQL, whose own pg_dump makes a consistent copy while the bot runs: "
              'pg_dump --format=custom --file=PATH "$DATABASE_URL" (see "Backups" in deploy/README.md)',
              file=sys.stderr)
        return 1
    from bot.store.sqlite import backup

    version = backup(settings.sqlite_path, target)
    print(f"{settings.sqlite_path} → {target}: schema {version}, {target.stat().st_size:,} bytes, checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
