"""The release id (agency/release.py): RELEASE_ID when the operator sets it; else derived
from the code and the installed packages, the same wherever that code runs and new when
either changes."""

import os
import shutil
import subprocess
import sys

import pytest

from agency.release import compute_release_id, default_release_id


@pytest.fixture
def project(tmp_path):
    """A small project folder (an app with a template, the project's templates, a
    translation, tests) and a site-packages folder with two installed distributions."""
    files = {
        "core/__init__.py": "",
        "core/models.py": "class Entry:\n    fields = ('title',)\n",
        "core/templates/core/entry.html": "<p>{{ entry.title }}</p>\n",
        "templates/base.html": "<main></main>\n",
        "locale/en/LC_MESSAGES/django.mo": "\x00catalogue",
        "tests/__init__.py": "",
        "tests/test_core.py": "def test_nothing():\n    assert True\n",
        "packages/Django-5.2.19.dist-info/METADATA": "Name: Django\n",
        "packages/wagtail-8.0.1.dist-info/METADATA": "Name: wagtail\n",
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def release(project):
    return compute_release_id(project, [project / "packages"])


def test_the_same_code_gives_the_same_id_every_time(project):
    first = release(project)

    assert release(project) == first
    assert len(first) == 12 and set(first) <= set("0123456789abcdef")


@pytest.mark.parametrize(
    "change",
    [
        "core/models.py",  # a tuple gains a field
        "core/templates/core/entry.html",
        "templates/base.html",
        "locale/en/LC_MESSAGES/django.mo",
    ],
)
def test_a_changed_source_file_gives_a_new_id(project, change):
    before = release(project)

    with (project / change).open("a") as file:
        file.write("\n# changed\n")

    assert release(project) != before


def test_a_new_module_or_a_renamed_one_gives_a_new_id(project):
    before = release(project)
    (project / "core/blocks.py").write_text("")
    added = release(project)
    (project / "core/blocks.py").rename(project / "core/fields.py")

    assert len({before, added, release(project)}) == 3


def test_another_version_of_a_package_gives_a_new_id(project):
    before = release(project)

    (project / "packages/wagtail-8.0.1.dist-info").rename(
        project / "packages/wagtail-8.1.0.dist-info"
    )

    assert release(project) != before


def test_what_no_node_runs_and_file_times_leave_the_id_alone(project):
    before = release(project)

    (project / "tests/test_core.py").write_text("def test_other():\n    assert 1\n")
    (project / "core/__pycache__").mkdir()
    (project / "core/__pycache__/models.cpython-311.pyc").write_bytes(b"\x00compiled")
    (project / "core/static").mkdir()
    (project / "core/static/site.css").write_text("main { margin: 0 }\n")
    os.utime(project / "core/models.py", (0, 0))

    assert release(project) == before


def test_a_copy_of_the_code_elsewhere_gives_the_same_id(project, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("node-2")
    # Copied without the files' times, as a checkout on another machine would have them.
    shutil.copytree(project, elsewhere, copy_function=shutil.copy, dirs_exist_ok=True)

    assert release(elsewhere) == release(project)


def run_settings(**environment):
    """Print the test settings' RELEASE_ID and the key of an entry, in a new process
    with `environment` added, started from another folder on another host name."""
    env = {**os.environ, "HOSTNAME": "node-2", **environment}
    code = (
        "import django; django.setup(); from django.conf import settings;"
        "from django.core.cache import cache;"
        "print(repr(settings.RELEASE_ID), cache.make_key('agency:structure:1:menu'))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "agency.settings.test"},
        cwd="/",
        capture_output=True,
        text=True,
    )


def test_every_process_of_one_release_makes_the_same_keys():
    result = run_settings(RELEASE_ID="")

    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["''", f":1:{default_release_id()}:agency:structure:1:menu"]


def test_the_operators_release_id_is_in_the_keys_and_a_malformed_one_is_refused():
    given = run_settings(RELEASE_ID=" 2026.12.01-4f2a9c1 ")
    malformed = run_settings(RELEASE_ID="release 12; flushall")

    assert given.returncode == 0, given.stderr[-2000:]
    assert given.stdout.split() == [
        "'2026.12.01-4f2a9c1'",
        ":1:2026.12.01-4f2a9c1:agency:structure:1:menu",
    ]
    assert malformed.returncode != 0
    assert "RELEASE_ID may hold" in malformed.stderr
