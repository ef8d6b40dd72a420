"""Bot API calls sent as a JSON body, which the Bot API accepts for every call without a file (since
September 2015: core.telegram.org/bots/api "Making requests"; teloxide sends JSON the same way).

python-telegram-bot's HTTPXRequest posts each call as an HTML form. A form percent-encodes every byte
outside ASCII, in a Python loop, and almost every Vietnamese letter is two or three such bytes: a
700-character answer becomes a 1,560-byte body that takes 91 µs to build, against 839 bytes and 50 µs
as JSON (docs/benchmarks.md). Calls that upload a file keep PTB's multipart form. This is PTB's own
extension point (a BaseRequest's `do_request`); connection pooling, timeouts' defaults and the mapping
of errors stay PTB's and httpx's, as in HTTPXRequest.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

JSON_HEADERS = {"User-Agent": HTTPXRequest.USER_AGENT, "Content-Type": "application/json"}
_UNSET = type(BaseRequest.DEFAULT_NONE)  # PTB's "use the default timeout" marker (a DefaultValue)


class JsonHTTPXRequest(HTTPXRequest):
    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if request_data is None or request_data.contains_files:
            timeouts: Any = (read_timeout, write_timeout, connect_timeout, pool_timeout)  # PTB's, passed through
            return await super().do_request(url, method, request_data, *timeouts)
        if self._client.is_closed:
            raise RuntimeError("This HTTPXRequest is not initialized!")
        default = self._client.timeout
        timeout = httpx.Timeout(connect=_seconds(connect_timeout, default.connect),
                                read=_seconds(read_timeout, default.read),
                                write=_seconds(write_timeout, default.write), pool=_seconds(pool_timeout, default.pool))
        # `parameters` holds nested objects (a keyboard) as objects, as a JSON body should.
        body = json.dumps(request_data.parameters, ensure_ascii=False, separators=(",", ":")).encode()
        try:
            response = await self._client.request(method=method, url=url, headers=JSON_HEADERS, timeout=timeout,
                                                  content=body)
        except httpx.PoolTimeout as exc:
            raise TimedOut("Pool timeout: all connections are in use; the request was not sent") from exc
        except httpx.TimeoutException as exc:
            raise TimedOut from exc
        except httpx.HTTPError as exc:
            raise NetworkError(f"httpx.{exc.__class__.__name__}: {exc}") from exc
        return response.status_code, response.content


def _seconds(value: object, default: float | None) -> float | None:
    if isinstance(value, _UNSET):
        return default
    if value is None or isinstance(value, int | float):
        return value
    raise TypeError(f"a timeout must be seconds or None, not {value!r}")
