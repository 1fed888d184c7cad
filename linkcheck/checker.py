"""A polite external link checker.

Each address is asked once (GET, redirects not followed, so a moved page is reported
with where it moved), with a timeout (LINKCHECK_TIMEOUT s), at most LINKCHECK_MAX_WORKERS
requests at a time, with the User-Agent LINKCHECK_USER_AGENT, and never where the host's
robots.txt disallows it for that agent (RFC 9309, read with urllib.robotparser).
A status of 400 or above, a timeout or a connection error counts as broken; 3xx as
redirected; 2xx as working.
"""

import urllib.error
import urllib.request
import urllib.robotparser
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

ROBOTS_BLOCKED = "robots.txt"


@dataclass
class Result:
    url: str
    status_code: int | None = None
    redirect_to: str = ""
    error: str = ""

    @property
    def is_broken(self):
        return bool(self.error and self.error != ROBOTS_BLOCKED) or (
            self.status_code is not None and self.status_code >= 400
        )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def _open(url, timeout):
    request = urllib.request.Request(url, headers={"User-Agent": settings.LINKCHECK_USER_AGENT})
    return _opener.open(request, timeout=timeout)


def _robots(origin, timeout):
    """The RobotFileParser for ``origin`` (scheme://host); allows all when it has none."""
    parser = urllib.robotparser.RobotFileParser()
    try:
        with _open(origin + "/robots.txt", timeout) as response:
            parser.parse(response.read(100_000).decode("utf-8", "replace").splitlines())
    except urllib.error.HTTPError as error:
        # RFC 9309 2.3.1.3/2.3.1.4: 4xx means no rules, 5xx means everything disallowed.
        parser.parse([] if error.code < 500 else ["User-agent: *", "Disallow: /"])
    except (OSError, ValueError):
        parser.parse([])
    return parser


def check_url(url, robots, timeout):
    """Ask ``url`` once. In: the URL, its host's RobotFileParser, seconds. Out: a Result."""
    if not robots.can_fetch(settings.LINKCHECK_USER_AGENT, url):
        return Result(url, error=ROBOTS_BLOCKED)
    try:
        with _open(url, timeout) as response:
            return Result(url, status_code=response.status)
    except urllib.error.HTTPError as error:
        location = error.headers.get("Location", "") if 300 <= error.code < 400 else ""
        redirect_to = urljoin(url, location)[:2000] if location else ""
        return Result(url, status_code=error.code, redirect_to=redirect_to)
    except TimeoutError:
        return Result(url, error="Tidsgräns")
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            return Result(url, error="Tidsgräns")
        return Result(url, error=f"Anslutningsfel: {reason}"[:200])
    except (OSError, ValueError) as error:
        return Result(url, error=f"Anslutningsfel: {error}"[:200])


def check_urls(urls, timeout=None, max_workers=None):
    """Check every address in ``urls`` (an iterable of str). Out: {url: Result}."""
    timeout = settings.LINKCHECK_TIMEOUT if timeout is None else timeout
    max_workers = max_workers or settings.LINKCHECK_MAX_WORKERS
    urls = sorted(set(urls))
    origins = {f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in urls}
    with ThreadPoolExecutor(max_workers=max_workers) as pool:
        robots = dict(zip(origins, pool.map(lambda o: _robots(o, timeout), origins), strict=True))
        results = pool.map(
            lambda u: check_url(u, robots[f"{urlsplit(u).scheme}://{urlsplit(u).netloc}"], timeout),
            urls,
        )
        return {result.url: result for result in results}
