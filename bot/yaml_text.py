"""YAML text as the content files hold it, read with the safe rules."""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's parser where PyYAML has it (its wheels do), else the same rules in pure Python: the
# development sets the readers learn from are thousands of lines, and the pure-Python parser spent
# several seconds of every start on them.
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """yaml.safe_load, with the fast parser when there is one."""
    return yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader, chosen above
