"""Distans settings, read from environment variables (see README: Configuration)."""

import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from distans.env import email_settings, env_bool, env_by_language, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

DEBUG = env_bool("DEBUG", False)
# Set by `make test`: fast password hashing and plain static files, nothing else differs.
TESTING = env_bool("DISTANS_TESTING", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not TESTING:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "template_partials",
    "axes",
    "csp",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "distans.core",
    "distans.org",
    "distans.identity",
    "distans.scim",
    "distans.checklists",
    "distans.policy",
    "distans.arrangements",
    "distans.agreements",
    "distans.planning",
    "distans.equipment",
    "distans.followup",
    "distans.reports",
    "distans.privacy",
]

MIDDLEWARE = [
    "distans.core.health.HealthMiddleware",
    "distans.core.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "distans.core.middleware.UserPreferencesMiddleware",
    "distans.identity.two_factor.TwoFactorMiddleware",
    "distans.core.api_errors.ApiErrorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "distans.core.middleware.ChangeAddressMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "distans.urls"
WSGI_APPLICATION = "distans.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "distans" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "distans.core.context_processors.navigation",
            ],
        },
    }
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'distans.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work during a write; IMMEDIATE makes concurrent writers wait for the
    # lock (up to the timeout) instead of failing halfway through a transaction.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "org.Person"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "distans.identity.backends.PasswordBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:my_page"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: lock the pair (account, address) so a colleague guessing from another
# machine cannot lock someone out, and release it after the cool-off.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# One address trying many accounts is stopped too, at a higher count so that an office behind one
# address is not locked out by a few people's typos (distans.core.throttling.AddressLimitHandler).
AXES_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 30)
AXES_HANDLER = "distans.core.throttling.AddressLimitHandler"
AXES_USERNAME_CALLABLE = "distans.core.throttling.login_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "distans.core.throttling.lockout_page"  # says how long the pause has left
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # a try while paused does not restart the pause
AXES_VERBOSE = False

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("sv", "Svenska"), ("nb", "Norsk bokmål"), ("da", "Dansk")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["distans.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Stockholm"
LANGUAGE_COOKIE_NAME = "distans_language"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "distans" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

globals().update(email_settings(os.environ.get("EMAIL_URL", "console://")))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Distans <distans@localhost>")
# Where the accessibility statement asks people to report what they cannot use (core:accessibility);
# without it, the address Distans sends e-mail from.
ACCESSIBILITY_CONTACT_EMAIL = os.environ.get("ACCESSIBILITY_CONTACT_EMAIL", "")
# The address people reach Distans at, for links in e-mails sent by background tasks.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# How long an invitation to choose a first password stays valid.
INVITATION_DAYS = env_int("INVITATION_DAYS", 14)

# Security. HTTPS-only settings are on whenever DEBUG is off; SECURE_COOKIES=0 turns them off
# for a plain-http test installation.
_SECURE = env_bool("SECURE_COOKIES", not DEBUG and not TESTING)
SESSION_COOKIE_SECURE = _SECURE
CSRF_COOKIE_SECURE = _SECURE
SECURE_SSL_REDIRECT = _SECURE and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if _SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _SECURE
SECURE_HSTS_PRELOAD = _SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY", False) else None
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 10)
# Sessions in the database: deactivating a person finds and deletes theirs (core.sessions).
SESSION_ENGINE = "distans.core.sessions"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Background work: reminders and e-mail run on django-tasks' database backend; start a worker
# with `manage.py db_worker`. Tests use the same backend and run due tasks explicitly.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Checklists: pulse results are shown only for groups of at least this many respondents; reminders
# go out this many days before a due date and again the day after it, at this local hour.
PULSE_MIN_GROUP = env_int("PULSE_MIN_GROUP", 5)
# Reports show figures about groups of at least this many people (distans/reports/aggregation.py).
REPORT_MIN_GROUP = env_int("REPORT_MIN_GROUP", PULSE_MIN_GROUP)
CHECKLIST_REMINDER_DAYS_BEFORE = env_int("CHECKLIST_REMINDER_DAYS_BEFORE", 3)
REMINDER_LOCAL_HOUR = env_int("REMINDER_LOCAL_HOUR", 9)
# What the organisation calls the role that decides above the line manager's limit ("HR approver" in
# Distans's own words), per language: "sv=HR-chef;nb=HR-sjef;da=HR-chef;en=Head of HR".
HR_APPROVER_TITLE = env_by_language("HR_APPROVER_TITLE", [code for code, _ in LANGUAGES])
# Requests: deciders are reminded when a step has waited this many days.
REQUEST_REMINDER_DAYS = env_int("REQUEST_REMINDER_DAYS", 3)
# A deviation in remote work gets a first response from the personnel manager within this many working days.
DEVIATION_RESPONSE_DAYS = env_int("DEVIATION_RESPONSE_DAYS", 2)
# Plans: everyone may see who is at the office per site (names only); off, only HR sees the names.
OFFICE_PRESENCE_VISIBLE = env_bool("OFFICE_PRESENCE_VISIBLE", True)

# API rate limits, answered with 429 and Retry-After: calls a minute per token (or per person signed in
# in the browser), and per address for calls without either. High in tests, which never meet them.
NINJA_DEFAULT_THROTTLE_RATES = {
    "auth": f"{env_int('API_CALLS_PER_MINUTE', 100_000 if TESTING else 300)}/min",
    "anon": f"{env_int('API_ANONYMOUS_CALLS_PER_MINUTE', 100_000 if TESTING else 60)}/min",
}
NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500
# Lists page with a bounded limit and offset: no list is this long, and a larger offset is refused (422).
NINJA_PAGINATION_MAX_OFFSET = 1_000_000
NINJA_PAGINATION_CLASS = "distans.core.api_types.BoundedLimitOffset"

LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools narrate every PDF at INFO.
    "loggers": {name: {"level": "WARNING"} for name in ("axes", "weasyprint", "fontTools")},
}

# Reports, the business case and who is at the office today (distans/reports/business_case.py, today.py).
# Per commute mode: kg CO2 per km travelled, what a km costs the employee (REPORT_CURRENCY), and the
# average speed door to door in km/h. Defaults, printed on the page beside the figures:
# - car: 0.137 kg CO2 per vehicle-km, a mid-size diesel car, the most common car in Sweden, fuel life
#   cycle included (Klimatsmart semester / klimatresa.se, Chalmers and Västra Götalandsregionen, method
#   report 4.1); 2.50 SEK per km, the Swedish Tax Agency's tax-free allowance for one's own car
#   (Skatteverket, "bilersättning", 25 kronor per mil from 2023);
# - public transport: 0.027 kg CO2 per passenger-km, a diesel bus 60 % full, the higher of bus and
#   Nordic electric train (7 g) in the same report; 1.00 SEK per km, an estimate of a regional
#   monthly pass spread over a month of commuting (set your own);
# - bicycle and on foot: no emissions, no cost; speeds 15 and 5 km/h;
# - other: counted as a car (emissions and cost), to stay on the safe side.
REPORT_COMMUTE = {
    "car": {"co2_kg_per_km": "0.137", "cost_per_km": "2.50", "km_per_hour": "40"},
    "public": {"co2_kg_per_km": "0.027", "cost_per_km": "1.00", "km_per_hour": "25"},
    "bicycle": {"co2_kg_per_km": "0", "cost_per_km": "0", "km_per_hour": "15"},
    "walk": {"co2_kg_per_km": "0", "cost_per_km": "0", "km_per_hour": "5"},
    "other": {"co2_kg_per_km": "0.137", "cost_per_km": "2.50", "km_per_hour": "40"},
}
REPORT_CURRENCY = os.environ.get("REPORT_CURRENCY", "SEK")
# What a desk costs a year (rent, cleaning, furniture): an estimate for a Nordic city office of about
# 10 m² per workplace; the desks a site could release are priced with it.
REPORT_DESK_COST_PER_YEAR = env_int("REPORT_DESK_COST_PER_YEAR", 60_000)
# Who sees who is at the office today: group names (roles "hr", "admin", or a group of your own such
# as "reception"), comma-separated.
REPORT_TODAY_ROLES = env_list("REPORT_TODAY_ROLES", ["hr", "admin"])

# Privacy (distans/privacy): who is responsible for the personal data and whom employees ask, as the
# privacy notice and the record of processing name them (GDPR Art. 13(1)(a)-(b), 30(1)(a)).
PRIVACY_CONTROLLER = os.environ.get("PRIVACY_CONTROLLER", "")
PRIVACY_CONTACT = os.environ.get("PRIVACY_CONTACT", "")

# Identity (distans/identity, docs/sso.md): single sign-on with OpenID Connect, off unless OIDC_ISSUER is
# set (the provider's endpoints come from its discovery document), and two-factor sign-in for passwords.
from distans.identity.env import (  # noqa: E402
    OIDC_BACKEND,
    PERSON_FIELDS,
    csp_allowing_provider,
    env_choice,
    env_role_groups,
)

OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "").strip().rstrip("/")
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "")
# Shown as "Sign in with <name>": "Microsoft", "Google", "Okta", the organisation's own name.
OIDC_PROVIDER_NAME = os.environ.get("OIDC_PROVIDER_NAME", "")
# The claim naming the person, and the field of hers it holds: email (the claim email, or
# preferred_username / upn where that is the address) or employee_number (e.g. an employeeid claim).
OIDC_PERSON_CLAIM = os.environ.get("OIDC_PERSON_CLAIM", "email")
OIDC_PERSON_FIELD = env_choice("OIDC_PERSON_FIELD", "email", PERSON_FIELDS)
# "hr=<group>;hr_approver=<group>;admin=<group>,<group>": groups in the claim OIDC_GROUPS_CLAIM grant these
# roles at each sign-in and their absence removes them; unset, roles are given in Distans only.
OIDC_GROUPS_CLAIM = os.environ.get("OIDC_GROUPS_CLAIM", "groups")
OIDC_ROLE_GROUPS = env_role_groups("OIDC_ROLE_GROUPS")
OIDC_RP_SCOPES = os.environ.get("OIDC_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_SIGN_ALGO", "RS256")
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False  # nobody gets an account by signing in; HR adds people
OIDC_STORE_ID_TOKEN = True  # the hint for the provider's sign-out
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "identity:sso_callback"
# Passwords off except for one break-glass administrator, who signs in at /login/?password=1.
SSO_ONLY = env_bool("SSO_ONLY", False)
SSO_BREAK_GLASS_EMAIL = os.environ.get("SSO_BREAK_GLASS_EMAIL", "").strip().lower()
if OIDC_ISSUER:
    if not OIDC_RP_CLIENT_ID:
        raise ImproperlyConfigured("OIDC_CLIENT_ID must be set with OIDC_ISSUER.")
    AUTHENTICATION_BACKENDS.append(OIDC_BACKEND)
    CONTENT_SECURITY_POLICY = csp_allowing_provider(CONTENT_SECURITY_POLICY, OIDC_ISSUER)
elif SSO_ONLY:
    raise ImproperlyConfigured(
        "SSO_ONLY needs single sign-on: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET."
    )
# HR, HR approvers and administrators signing in with a password must give a code from an app: on in
# production, off where DEBUG or the tests run (the demo's logins sign in with their password alone).
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", not DEBUG and not TESTING)
OTP_TOTP_ISSUER = "Distans"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Operations: health, logs, metrics, error reports and the periodic jobs (docs/deployment.md).
# /readyz wants a task worker seen within this many minutes (the schedule gives an idle one a task
# every five).
WORKER_SEEN_MINUTES = env_int("WORKER_SEEN_MINUTES", 15)
# Prometheus metrics at /metrics, off unless an administrator turns them on; keep the address off the public
# proxy. Under gunicorn with several processes set PROMETHEUS_MULTIPROC_DIR (deploy/gunicorn.conf.py).
METRICS_ENABLED = env_bool("METRICS_ENABLED", False)
if METRICS_ENABLED:
    MIDDLEWARE = [
        "django_prometheus.middleware.PrometheusBeforeMiddleware",
        *MIDDLEWARE,
        "django_prometheus.middleware.PrometheusAfterMiddleware",
    ]
SECURE_REDIRECT_EXEMPT = [r"^metrics$"]  # scraped over the internal network, without TLS
# One JSON object per line (time, level, logger, message, request id, user id), or plain text for development.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured("LOG_FORMAT must be json or text.")
LOGGING["filters"] = {
    "request": {"()": "distans.core.request_id.RequestContextFilter"},
    "client_errors": {"()": "distans.core.request_id.ClientErrorsWithoutTraceback"},
}
LOGGING["loggers"]["django.request"] = {"filters": ["client_errors"]}
LOGGING["formatters"] = {
    "json": {"()": "distans.core.logging_json.DistansJsonFormatter"},
    "text": {"format": "{asctime} {levelname} {name} [{request_id}] {message}", "style": "{"},
}
LOGGING["handlers"] = {
    "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["request"]}
}
# Error reports to Sentry (no personal data: distans/core/error_reports.py) when SENTRY_DSN is set.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from distans.core.error_reports import sentry_start  # noqa: E402

    sentry_start(
        SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
# Without DEFAULT_FROM_EMAIL, e-mail comes from the domain people reach Distans at (SITE_URL) when it has one.
if "DEFAULT_FROM_EMAIL" not in os.environ:
    from urllib.parse import urlsplit  # noqa: E402

    _site_host = urlsplit(SITE_URL).hostname or ""
    if "." in _site_host and not _site_host.replace(".", "").isdigit():
        DEFAULT_FROM_EMAIL = f"Distans <distans@{_site_host}>"
# SCIM provisioning (distans/scim, docs/scim.md): "hr=<group>;hr_approver=<group>;admin=<group>" — the SCIM
# groups whose members hold these roles; unset, the same groups as sign-in's OIDC_ROLE_GROUPS.
SCIM_ROLE_GROUPS = env_role_groups("SCIM_ROLE_GROUPS") or OIDC_ROLE_GROUPS
# Most results one SCIM list answers with, whatever count the client asks for.
SCIM_MAX_RESULTS = 200
