"""Measuring for `make bench` (benchmarks/bench.py): what a target and its figures are,
waiting for and fetching a URL, and CPU time of process trees from /proc."""

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

WRK = shutil.which("wrk") or "/usr/bin/wrk"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

# wrk's report, one line a run, read by Bench.load.
LUA = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("BENCH %d %d %d %d %d %d %d\\n", summary.requests,
    summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), summary.errors.status, errors))
end
"""


@dataclass
class Target:
    name: str
    url: str
    process: subprocess.Popen
    kind: str = "ref"
    connections: int = 4
    paths: tuple = ()


@dataclass
class Result:
    requests: int = 0
    seconds: float = 0.0
    p50: list = field(default_factory=list)
    p95: list = field(default_factory=list)
    p99: list = field(default_factory=list)
    app_cpu: float = 0.0
    db_cpu: float = 0.0
    bad: int = 0

    @property
    def rate(self):
        return self.requests / self.seconds if self.seconds else 0.0


def free(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own server
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own server
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def process_tree(pid):
    """`pid` and all its descendants (gunicorn's master and workers, nginx's workers)."""
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


def cpu_times(pids):
    """{pid: user + system CPU seconds (with reaped children)} from /proc/<pid>/stat."""
    times = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        times[pid] = sum(int(value) for value in fields[11:15]) / CLOCK_TICKS
    return times


def cpu_used(before, after):
    """CPU seconds between two cpu_times(): processes started in between count in full;
    one that ended in between is lost (rare: workers and backends live long)."""
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())
