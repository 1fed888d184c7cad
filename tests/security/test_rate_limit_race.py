"""Two attempts counted at once, on two app nodes or two threads of one, must count
twice (core.ratelimit.hit): otherwise a burst of parallel login attempts spread over
the nodes gets past the login throttle with many more tries than its limit.

``hit`` read the count and wrote it back plus one (get, then set), so an attempt
counted on another node between the two was lost; it now counts with ``cache.incr``
(Redis INCR)."""

from django.core.cache import caches

from core import ratelimit


def test_an_attempt_counted_elsewhere_between_read_and_write_is_not_lost(monkeypatch):
    key = "login-failures:account:race"
    cache = caches["default"]  # the object core.ratelimit's ``cache`` stands for
    ratelimit.reset(key)
    real_get = cache.get
    other_node_counted = []

    def get_while_another_node_counts(*args, **kwargs):
        value = real_get(*args, **kwargs)
        if not other_node_counted:
            other_node_counted.append(True)
            ratelimit.hit(key, 60)  # the other node's attempt, between our read and write
        return value

    monkeypatch.setattr(cache, "get", get_while_another_node_counts)
    ratelimit.hit(key, 60)

    monkeypatch.undo()
    assert other_node_counted
    assert ratelimit.hit(key, 60) == 3
