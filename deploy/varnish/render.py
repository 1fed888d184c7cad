"""Render the front cache's VCL (agency.vcl.in) for a set of app nodes.

    python deploy/varnish/render.py 127.0.0.1:8001 127.0.0.1:8002 > agency.vcl
    varnishd -F -f "$PWD/agency.vcl" -a 127.0.0.1:8080 -n /tmp/agency-varnish -s malloc,256m

In:  the app nodes as host:port, and optionally the addresses allowed to send PURGE
     (default: this machine), the Host header of the health probe (one of
     ALLOWED_HOSTS; default the node's own host) and the grace periods.
Out: VCL 4.1 text for Varnish 7.1. `varnishd_command()` builds the command line that
     listens on a port; tests/frontcache/conftest.py and `make cluster` use both.
"""

import argparse
import ipaddress
import os
import re
import sys
from pathlib import Path

TEMPLATE = Path(__file__).with_name("agency.vcl.in")

_HOST_PORT = re.compile(r"^(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(?P<port>\d{1,5})$")


def _split(address):
    match = _HOST_PORT.match(address)
    if not match or not 0 < int(match["port"]) < 65536:
        raise ValueError(f"not host:port: {address!r}")
    return match["host"].strip("[]"), match["port"]


def _duration(seconds):
    return f"{int(seconds)}s"


def render_vcl(
    backends,
    purge_allowed=("127.0.0.1", "::1"),
    probe_host=None,
    probe_url="/robots.txt",
    probe_interval=2,
    stale_while_revalidate=30,
    stale_if_error=24 * 60 * 60,
):
    """Return the VCL for `backends` (a list of "host:port"); see the module docstring.

    `purge_allowed` holds addresses or networks ("10.0.0.0/8"). Raises ValueError for
    an address that is not host:port or an ACL entry that is not an IP address/network.
    """
    if not backends:
        raise ValueError("at least one backend is needed")
    definitions, adds = [], []
    for index, address in enumerate(backends):
        host, port = _split(address)
        header = probe_host or host
        definitions.append(
            f"backend node{index} {{\n"
            f'    .host = "{host}";\n'
            f'    .port = "{port}";\n'
            "    .connect_timeout = 2s;\n"
            "    .first_byte_timeout = 60s;\n"
            "    .between_bytes_timeout = 30s;\n"
            "    .probe = {\n"
            f'        .request = "GET {probe_url} HTTP/1.1"\n'
            f'                   "Host: {header}"\n'
            '                   "Connection: close"\n'
            '                   "User-Agent: varnish-probe";\n'
            f"        .interval = {_duration(probe_interval)};\n"
            "        .timeout = 2s;\n"
            "        .window = 3;\n"
            "        .threshold = 2;\n"
            "        .initial = 2;\n"
            "    }\n"
            "}\n"
        )
        adds.append(f"    app.add_backend(node{index});")
    acl = []
    for entry in purge_allowed:
        network = ipaddress.ip_network(entry, strict=False)
        if network.num_addresses == 1:
            acl.append(f'    "{network.network_address}";')
        else:
            acl.append(f'    "{network.network_address}"/{network.prefixlen};')
    return (
        TEMPLATE.read_text(encoding="utf-8")
        .replace("@BACKENDS@", "\n".join(definitions))
        .replace("@DIRECTOR_ADDS@", "\n".join(adds))
        .replace("@PURGE_ACL@", "\n".join(acl))
        .replace("@STALE_WHILE_REVALIDATE@", _duration(stale_while_revalidate))
        .replace("@STALE_IF_ERROR@", _duration(stale_if_error))
    )


def varnishd_command(vcl_path, listen, workdir, storage="malloc,256m", varnishd="varnishd"):
    """The foreground varnishd command line serving `vcl_path` on `listen` ("host:port"),
    with its own working directory `workdir` (so several can run on one machine).

    Started by root (CI containers), varnishd would switch to its own unprivileged user,
    which cannot read a VCL in root's private temporary folders; there it runs without
    that jail (``-j none``). A server uses Debian's varnish service instead."""
    jail = ["-j", "none"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    return [
        varnishd,
        *jail,
        "-F",
        "-f",
        str(Path(vcl_path).resolve()),
        "-a",
        listen,
        "-T",
        "127.0.0.1:0",
        "-n",
        str(workdir),
        "-s",
        storage,
        # Whole requests before they go to the app; slow senders time out here.
        "-p",
        "timeout_idle=10",
        "-p",
        "idle_send_timeout=30",
    ]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("backends", nargs="+", help="app nodes as host:port")
    parser.add_argument(
        "--purge-allowed",
        action="append",
        help="address or network allowed to PURGE (repeatable; default 127.0.0.1 and ::1)",
    )
    parser.add_argument("--probe-host", help="Host header of the health probe")
    parser.add_argument("--probe-interval", type=int, default=2, help="seconds")
    parser.add_argument("-o", "--output", help="write here instead of standard output")
    args = parser.parse_args(argv)
    try:
        vcl = render_vcl(
            args.backends,
            purge_allowed=args.purge_allowed or ("127.0.0.1", "::1"),
            probe_host=args.probe_host,
            probe_interval=args.probe_interval,
        )
    except ValueError as error:
        parser.error(str(error))
    if args.output:
        Path(args.output).write_text(vcl, encoding="utf-8")
    else:
        sys.stdout.write(vcl)


if __name__ == "__main__":
    main()
