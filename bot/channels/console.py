"""The console channel: try the bot without a token. Interactive at a terminal; with piped stdin it
prints each reply and exits at the end of input, so conversations can be scripted."""

from __future__ import annotations

import asyncio
import secrets
import sys
from collections.abc import Callable
from typing import TextIO

from bot.channels.base import Capabilities
from bot.channels.render import numbered_choices
from bot.messages import Incoming, Location, Outcome, Reply

USER_ID = "console-user"


class ConsoleChannel:
    name = "console"
    capabilities = Capabilities(buttons=False, location=False, max_text=100_000, discreet_notice=False)

    def __init__(self, output: TextIO | None = None) -> None:
        self._out = output or sys.stdout

    async def send(self, chat_id: str, reply: Reply) -> None:
        text = numbered_choices(reply)
        if reply.request_location:
            text += f"\n[{reply.request_location}: /loc <lat>,<lon>]"
        lines = text.split("\n")
        self._out.write("bot> " + "\n     ".join(lines) + "\n\n")
        self._out.flush()

    async def run(self, handle: Callable[[Incoming], object], input_stream: TextIO | None = None) -> None:
        """Read lines until end of input, handing each to the core."""
        stream = input_stream or sys.stdin
        interactive = stream.isatty()
        # Event ids must not repeat across runs, or the inbox would take a new line for a replay.
        run = secrets.token_hex(4)
        number = 0
        while True:
            if interactive:
                self._out.write("you> ")
                self._out.flush()
            line = await asyncio.to_thread(stream.readline)
            if not line:
                break
            number += 1
            incoming = to_incoming(line.rstrip("\n"), f"{run}-{number}")
            if incoming is None:
                self._out.write("     (/loc needs two numbers, for example /loc 21.0278,105.8342)\n")
                continue
            result = handle(incoming)
            if asyncio.iscoroutine(result):
                outcome = await result
                assert isinstance(outcome, Outcome)


def to_incoming(line: str, event_id: str) -> Incoming | None:
    """A typed line as an Incoming; "/loc 21.03,105.85" shares a location. None for a malformed /loc."""
    stripped = line.strip()
    if stripped.lower().startswith("/loc"):
        try:
            lat, lon = (float(part) for part in stripped[4:].replace(" ", "").split(","))
            location = Location(lat, lon)
        except ValueError:
            return None
        return Incoming("console", USER_ID, USER_ID, event_id, location=location)
    return Incoming("console", USER_ID, USER_ID, event_id, text=line)
