"""Production settings: refuse to start half-configured, pass `check --deploy`, and
send HTTPS-only headers and __Host- cookies.

The settings module is loaded in a subprocess with a production-like environment
(it reads the environment at import). Its security values are then applied to the
test run so the real middleware stack shows what a browser would receive.
"""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

MANAGE = str(django_settings.BASE_DIR / "manage.py")
# A database nobody listens on: `check --deploy` must not need to connect.
UNREACHABLE_DATABASE = "postgres://nobody@127.0.0.1:9/unreachable"

SECURITY_SETTINGS = [
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_NAME",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_COOKIE_PATH",
    "SESSION_COOKIE_DOMAIN",
    "SESSION_COOKIE_AGE",
    "SESSION_EXPIRE_AT_BROWSER_CLOSE",
    "CSRF_COOKIE_NAME",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_SAMESITE",
    "CSRF_COOKIE_PATH",
    "CSRF_COOKIE_DOMAIN",
]


def production_env(**overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        # The browser tests allow async-unsafe DB access in this process; production never does.
        if key
        not in {
            "DJANGO_SETTINGS_MODULE",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "NUM_PROXIES",
            "REDIS_URL",
            "AWS_STORAGE_BUCKET_NAME",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(
        DJANGO_SETTINGS_MODULE="agency.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="www.tillvaxtverket.se",
        DATABASE_URL=UNREACHABLE_DATABASE,
        NUM_PROXIES="1",
        # Settings only name it; nothing here connects.
        REDIS_URL="redis://127.0.0.1:9/0",
    )
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run(args, env):
    return subprocess.run(
        [sys.executable, *args],
        env=env,
        cwd=str(django_settings.BASE_DIR),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def production_values():
    code = (
        "import json, agency.settings.production as p;"
        f"print(json.dumps({{name: getattr(p, name) for name in {SECURITY_SETTINGS!r}}}))"
    )
    result = run(["-c", code], production_env())
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_reports_no_issues():
    result = run([MANAGE, "check", "--deploy", "--fail-level", "WARNING"], production_env())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_does_complain_about_development_settings():
    """The check above can fail: the same command finds plenty wrong with dev settings."""
    env = production_env(DJANGO_SETTINGS_MODULE="agency.settings.dev")

    result = run([MANAGE, "check", "--deploy", "--fail-level", "WARNING"], env)

    assert result.returncode != 0
    output = result.stderr + result.stdout
    assert "security.W008" in output  # no redirect to HTTPS
    assert "security.W012" in output  # session cookie not HTTPS-only


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "NUM_PROXIES", "REDIS_URL"]
)
def test_production_refuses_to_start_without_required_setting(missing):
    result = run([MANAGE, "check"], production_env(**{missing: None}))

    assert result.returncode != 0
    assert f"{missing} must be set in the environment for production" in result.stderr


def test_cookies_are_host_only_secure_and_session_lasts_a_working_day(production_values):
    values = production_values
    assert values["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert values["CSRF_COOKIE_NAME"] == "__Host-csrftoken"
    for prefix in ("SESSION", "CSRF"):
        assert values[f"{prefix}_COOKIE_SECURE"] is True
        assert values[f"{prefix}_COOKIE_PATH"] == "/"
        assert values[f"{prefix}_COOKIE_DOMAIN"] is None
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert 60 * 60 <= values["SESSION_COOKIE_AGE"] <= 12 * 60 * 60
    assert values["DEBUG"] is False


def test_https_is_enforced_with_a_year_of_hsts(production_values):
    assert production_values["SECURE_SSL_REDIRECT"] is True
    assert production_values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 60 * 60
    assert production_values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True


@pytest.fixture
def production_like(settings, production_values, home):
    for name, value in production_values.items():
        setattr(settings, name, tuple(value) if isinstance(value, list) else value)
    return settings


@pytest.mark.django_db
def test_plain_http_request_is_redirected_to_https(client, production_like):
    response = client.get("/om-oss/?a=1")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/om-oss/?a=1"


@pytest.mark.django_db
def test_request_forwarded_as_https_by_the_proxy_is_served(client, production_like, home):
    response = client.get("/", headers={"X-Forwarded-Proto": "https"})

    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


@pytest.mark.django_db
def test_https_response_carries_security_headers(client, production_like):
    response = client.get("/", secure=True)

    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "script-src 'self';" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_login_sets_host_prefixed_secure_cookies_without_domain(
    client, production_like, django_user_model
):
    django_user_model.objects.create_user(
        "redaktor", "redaktor@example.com", "ett-langt-losenord-2026", is_staff=True
    )

    login_page = client.get(reverse("wagtailadmin_login"), secure=True)
    csrf_cookie = login_page.cookies["__Host-csrftoken"]
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "redaktor", "password": "ett-langt-losenord-2026"},
        secure=True,
    )

    assert response.status_code == 302
    session_cookie = response.cookies["__Host-sessionid"]
    for cookie in (csrf_cookie, session_cookie):
        assert cookie["secure"] is True
        assert cookie["path"] == "/"
        assert cookie["domain"] == ""
    assert session_cookie["httponly"] is True
    assert "sessionid" not in response.cookies
    assert "csrftoken" not in login_page.cookies


@pytest.mark.django_db
@pytest.mark.parametrize(
    "password", ["sommar2026", "123456789012345", "password1234", "redaktor-anna1"]
)
def test_admin_refuses_weak_password_for_new_editor(admin_client, django_user_model, password):
    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "anna",
            "email": "anna@tillvaxtverket.se",
            "first_name": "Anna",
            "last_name": "Redaktor",
            "password1": password,
            "password2": password,
        },
    )

    assert response.status_code == 200
    assert not django_user_model.objects.filter(username="anna").exists()


@pytest.mark.django_db
def test_admin_accepts_long_uncommon_password_for_new_editor(admin_client, django_user_model):
    password = "Fjällräven-Norrbotten-72-kaffe"
    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "anna",
            "email": "anna@tillvaxtverket.se",
            "first_name": "Anna",
            "last_name": "Redaktor",
            "password1": password,
            "password2": password,
        },
    )

    assert response.status_code == 302
    assert django_user_model.objects.get(username="anna").check_password(password)


@pytest.mark.parametrize("value", ["", "one", "-1", "1.5"])
def test_production_refuses_a_trusted_proxy_count_that_is_not_a_number(value):
    result = run([MANAGE, "check"], production_env(NUM_PROXIES=value))

    assert result.returncode != 0
    assert "NUM_PROXIES must be" in result.stderr


def test_serve_prod_says_how_many_proxies_it_trusts():
    """`make serve-prod` would not start without it; gunicorn answers browsers directly there."""
    result = subprocess.run(
        ["make", "-n", "serve-prod"],
        cwd=str(django_settings.BASE_DIR),
        capture_output=True,
        text=True,
        env=production_env(NUM_PROXIES=None),
    )
    commands = [line for line in result.stdout.splitlines() if "agency.settings.production" in line]

    assert commands
    assert all("NUM_PROXIES=0" in line for line in commands)
