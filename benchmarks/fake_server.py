"""The tests' fake Telegram Bot API as a separate process, preloaded with N text updates from M chats,
so the bot under test does not share its CPU with the server (2-core machines)."""

from __future__ import annotations

import argparse
import asyncio
import sys

from tests.fakes.telegram_api import FakeTelegram


async def serve(updates: int, chats: int, text: str) -> None:
    fake = await FakeTelegram().start()
    for n in range(updates):
        await fake.push(fake.text_update(100_000 + n % chats, text))
    print(fake.port, flush=True)
    await asyncio.Event().wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--updates", type=int, required=True)
    parser.add_argument("--chats", type=int, required=True)
    parser.add_argument("--text", default="methadone là gì")
    args = parser.parse_args()
    try:
        asyncio.run(serve(args.updates, args.chats, args.text))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
