"""What each node of the cluster (deploy/cluster.py) is given: its database, secrets,
the Varnish command line and the one-off set-up script."""

import os
import secrets
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BUCKET = "media"
# Run once before the nodes start, in one process (each Django start costs seconds).
SETUP = """
import django
django.setup()
import os
from django.contrib.auth import get_user_model
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
# The demo content once, on an empty database: what editors publish survives a restart.
from pages.models import HomePage
if not HomePage.objects.exists():
    call_command("load_demo_content", verbosity=0)
# The cluster's administrator, with the password kept in the work folder.
admin, _ = get_user_model().objects.get_or_create(
    username="admin", defaults={"email": "admin@example.invalid"}
)
admin.is_staff = admin.is_superuser = admin.is_active = True
admin.set_password(os.environ["CLUSTER_ADMIN_PASSWORD"])
admin.save()
"""
NODE_NAMES = ("a", "b")
GUNICORN = Path(sys.executable).with_name("gunicorn")


def front_cache_command(workdir, backends, listen):
    """The one place that knows the front cache: renders the VCL for `backends`
    ("host:port" of the app nodes) into `workdir` and returns varnishd's command line,
    listening on `listen` ("host:port")."""
    from deploy.varnish.render import render_vcl, varnishd_command

    vcl = Path(workdir) / "agency.vcl"
    vcl.write_text(render_vcl(backends), encoding="utf-8")
    varnish_dir = Path(workdir) / "varnish"
    varnish_dir.mkdir(exist_ok=True)
    command = varnishd_command(vcl, listen, varnish_dir)
    if os.geteuid() == 0 and "-j" not in command:
        # As root varnishd would read the VCL as its unprivileged user, which cannot
        # enter a private temporary folder; this machine-local cache runs unjailed.
        command[1:1] = ["-j", "none"]
    return command


def _kept_secret(path, make=lambda: secrets.token_urlsafe(50)):
    """A value made once and kept in `path` (mode 600), so restarts reuse it."""
    path = Path(path)
    if not path.exists():
        path.write_text(make())
        path.chmod(0o600)
    return path.read_text().strip()


def _with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))
