import pytest

from core import ratelimit
from tests.editorial.conftest import redaktor_client  # noqa: F401


class Clock:
    """A stopped clock for core.ratelimit (its windows start at the first event)."""

    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    stopped = Clock(1_800_000_000.0)
    monkeypatch.setattr(ratelimit.time, "time", stopped)
    return stopped
