"""The conversation rig (tests/rig.py) for the tests here that talk to the core."""

from tests.rig import rig

__all__ = ["rig"]
