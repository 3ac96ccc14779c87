"""Distans settings, read from environment variables (see README: Configuration)."""

import os
from pathlib import Path

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
    "distans.core",
    "distans.org",
    "distans.checklists",
    "distans.policy",
    "distans.arrangements",
    "distans.agreements",
    "distans.planning",
    "distans.equipment",
    "distans.followup",
    "distans.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "distans.core.middleware.UserPreferencesMiddleware",
    "distans.core.api_errors.ApiErrorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
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
    "django.contrib.auth.backends.ModelBackend",
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
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
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
SESSION_ENGINE = "django.contrib.sessions.backends.db"
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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools narrate every PDF at INFO.
    "loggers": {name: {"level": "WARNING"} for name in ("axes", "weasyprint", "fontTools")},
}
