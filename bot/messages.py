"""The channel-neutral message model: what a channel hands the core and what the core hands back.

No platform type crosses this line; Telegram, Zalo and the console translate to and from these.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

# Telegram caps callback_data at 64 bytes; a key longer than that would be refused by the API at send
# time, far from the code that made it, so it is refused here when the choice is built.
MAX_CHOICE_KEY_BYTES = 64


@dataclass(frozen=True, slots=True)
class Location:
    latitude: float
    longitude: float

    def __post_init__(self) -> None:
        if not (-90.0 <= self.latitude <= 90.0 and -180.0 <= self.longitude <= 180.0):
            raise ValueError(f"not a location on Earth: {self.latitude},{self.longitude}")


@dataclass(frozen=True, slots=True)
class Incoming:
    """One thing a person did: sent text, pressed a button, shared a location, or sent something else.

    `event_id` is the platform's own id for this event (Telegram's update_id, Zalo's message_id); the
    core records it once so that a replayed event is not acted on twice.
    """

    channel: str
    user_id: str
    chat_id: str
    event_id: str
    text: str | None = None
    choice: str | None = None
    location: Location | None = None
    unsupported: str | None = None
    language_hint: str | None = None


@dataclass(frozen=True, slots=True)
class Choice:
    key: str
    label: str

    def __post_init__(self) -> None:
        if not self.key or len(self.key.encode("utf-8")) > MAX_CHOICE_KEY_BYTES:
            raise ValueError(f"choice key must be 1..{MAX_CHOICE_KEY_BYTES} bytes: {self.key!r}")
        if not self.label.strip():
            raise ValueError(f"choice {self.key!r} has an empty label")


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with a reply (a report): a document, or a photo shown in the chat. Only a channel
    whose capabilities say `files` gets one; the reply's text is its caption."""

    kind: str  # document, photo
    name: str
    data: bytes
    mime: str

    def __post_init__(self) -> None:
        if self.kind not in ("document", "photo"):
            raise ValueError(f"an attachment is a document or a photo, not {self.kind!r}")

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "name": self.name, "mime": self.mime, "data": base64.b64encode(self.data).decode()}

    @classmethod
    def from_json(cls, data: dict[str, str]) -> Attachment:
        return cls(data["kind"], data["name"], base64.b64decode(data["data"]), data["mime"])


@dataclass(frozen=True, slots=True)
class Reply:
    """Text to show, with optional choices and an optional request to share a location.

    `request_location` is the label of the share-location button; channels without such a button
    show it as a hint instead. `silent` asks the platform to deliver without a notification: a discreet
    person's unrequested message goes silently after a neutral line that does notify, so a lock screen
    shows only that line (scheduler/sender.py).
    """

    text: str
    choices: tuple[Choice, ...] = ()
    request_location: str | None = None
    silent: bool = False
    attachment: Attachment | None = None

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"text": self.text}
        if self.choices:
            data["choices"] = [[c.key, c.label] for c in self.choices]
        if self.request_location:
            data["request_location"] = self.request_location
        if self.silent:
            data["silent"] = True
        if self.attachment is not None:
            data["attachment"] = self.attachment.to_json()
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Reply:
        raw_choices = data.get("choices") or []
        assert isinstance(raw_choices, list)
        location = data.get("request_location")
        attachment = data.get("attachment")
        return cls(
            text=str(data["text"]),
            choices=tuple(Choice(str(k), str(label)) for k, label in raw_choices),
            request_location=str(location) if location else None,
            silent=data.get("silent") is True,
            attachment=Attachment.from_json(attachment) if isinstance(attachment, dict) else None,
        )


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the core did with one Incoming: the replies, and which handler (and content entry) answered.

    `handler` and `entry` exist for `diemtuvan ask --json`, for tests and for logs: they name code and
    content, never the person.
    """

    replies: tuple[Reply, ...]
    handler: str
    entry: str | None = None
    duplicate: bool = False
