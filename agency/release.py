"""The release id, and the shared cache's keys made with it (CACHES' ``KEY_FUNCTION``).

Every app node reads and writes one Redis (docs/production.md, *Several app nodes*). What
the code keeps there as Python objects or rendered HTML has a shape the code defines: the
structure cache (core/structure_cache.py: routes, menus, settings, related content, the
conference listing), the site and route cache (core/site_cache.py), rendered fragments
and the 404 page (core/render_cache.py), search rankings (search/ranking.py), Wagtail's
renditions and site root paths. A deploy that changed a shape (a tuple gaining a field, a
renamed class) had the new release's nodes read the old release's entries, and during a
rolling deploy the old nodes read the new ones, and fail with a 500 until the next
content change. So ``cache_key`` puts the release id into every key: each release reads
only what it wrote itself; another release's entries expire by themselves. This is
Django's cache versioning ("Cache versioning" in Django's cache framework documentation)
with the release as the version, made per key.

Not so the keys starting with one of ``SHARED_KEY_PREFIXES``: state that must outlive a
deploy and be the same for every node of whatever release. Their values are plain data
(numbers, strings, dicts and tuples of them) whose shape must never change; a change of
shape takes a new key name (a new prefix here).

The release id is the ``RELEASE_ID`` setting (the environment variable of that name,
agency/settings/caching.py), or, when empty, ``default_release_id()``: a hash of the
project's source and of the installed packages, computed once per process, the same on
every node that runs the same code with the same packages, and different as soon as
either changes. Never a time or a host name: nodes of one release must share entries.
"""

import functools
import hashlib
import sysconfig
from pathlib import Path

from django.conf import settings
from django.core.cache.backends.base import default_key_func

# Keys of state, not of code-shaped values: one key for every release.
SHARED_KEY_PREFIXES = (
    # Sessions (SESSION_ENGINE cached_db in production): a deploy must not log editors
    # out, and a logout on a node of one release must end the session on the other's.
    "django.contrib.sessions.",
    # Rate limits (core/ratelimit.py), among them the login and password-reset throttle
    # (editorial/login_throttle.py): a deploy must not give an attacker new attempts.
    "ratelimit:",
    "login-failures:",
    "password-resets:",
    # Claimed one-time form tokens (core/form_protection.py): a form sent before the
    # deploy and again after it must still be taken once.
    "form_token_used:",
    # One vote per visitor and page (page_feedback/votes.py).
    "page_feedback:vote:",
    # The generations (core/structure_cache.py, search/ranking.py): a change saved on a
    # node of either release must renew every node's entries.
    "agency:structure:generation",
    "agency:search:generation",
    # An uploaded redirects file between the admin's upload and its import
    # (wagtail.contrib.redirects' CacheStorage).
    "django-import-export-",
)

# What the default id is made of, below the project folder: the apps' code, templates and
# compiled translations (not the tests, which no node runs).
SOURCE_SUFFIXES = frozenset({".py", ".html", ".txt", ".xml", ".mo"})
OUTSIDE_SOURCE = frozenset({"tests"})


def cache_key(key, key_prefix, version):
    """The cache key (str) for `key` (str): Django's ``prefix:version:key``, with the
    release id before `key` unless `key` starts with one of ``SHARED_KEY_PREFIXES``.
    Pure computation: no cache round trip."""
    if key.startswith(SHARED_KEY_PREFIXES):
        return default_key_func(key, key_prefix, version)
    return f"{key_prefix}:{version}:{release_id()}:{key}"


def release_id():
    """The running release's id (str): the RELEASE_ID setting, else the default."""
    return getattr(settings, "RELEASE_ID", "") or default_release_id()


@functools.cache
def default_release_id():
    """``compute_release_id`` for this project and this Python's packages, once per
    process (about 40 ms for ~420 files, 1 MB, on the development machine)."""
    paths = sysconfig.get_paths()
    package_dirs = sorted({Path(paths["purelib"]), Path(paths["platlib"])})
    return compute_release_id(Path(settings.BASE_DIR), package_dirs)


def compute_release_id(project_dir, package_dirs):
    """12 hex digits (str) from the contents and names, relative to `project_dir` (a
    Path), of the source files of its packages (folders with ``__init__.py``, but
    ``OUTSIDE_SOURCE``), ``templates/`` and ``locale/`` (``SOURCE_SUFFIXES``), and from the
    names of the ``*.dist-info`` folders (name and version of each installed
    distribution) in `package_dirs` (Paths). File times, byte code and other files do not
    count. Missing folders count as empty."""
    roots = [
        init.parent
        for init in project_dir.glob("*/__init__.py")
        if init.parent.name not in OUTSIDE_SOURCE
    ]
    roots += [project_dir / "templates", project_dir / "locale"]
    files = sorted(
        path
        for root in roots
        for path in root.rglob("*")
        if path.suffix in SOURCE_SUFFIXES and path.is_file()
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(project_dir).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    distributions = sorted(
        path.name
        for folder in package_dirs
        if folder.is_dir()
        for path in folder.glob("*.dist-info")
    )
    digest.update("\n".join(distributions).encode())
    return digest.hexdigest()[:12]
