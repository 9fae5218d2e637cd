"""Settings for the OIM France site.

Everything that differs between a laptop and production is read from the
environment (see README.md, "Configuration"). Defaults are safe for local
development; production behaviour is switched on by variables, never by code
that only runs in production.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(see README.md, Configuration)."
        )
    # Only reachable with DJANGO_DEBUG=1: a throwaway key for local work.
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "ckeditor",
    "ckeditor_uploader",
    "csp",
    "axes",
    "reversion",
    # The layers, from the foundation up (README.md, "Architecture"). The
    # content apps register their types in ready(); editorial, after them,
    # registers those with django-reversion; the admin, last, is then
    # autodiscovered with every type registered (VersionAdmin would otherwise
    # register them itself, with the wrong fields).
    "core",
    "library",
    "pages",
    "offices",
    "partners",
    "programmes",
    "news",
    "identity",
    "editorial",
    "search",
    "content",
    "oim_site",
    "django.contrib.admin",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy: strict on the public site, relaxed for CKEditor in the admin.
    "core.security.ContentSecurityPolicyMiddleware",
    # A NUL character in the path or query string: 400 before any database lookup (PostgreSQL refuses NUL).
    "core.security.RejectNullCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Old addresses answer 301, but only where nothing else answered (404).
    "editorial.middleware.RedirectFallbackMiddleware",
    # HTML is gzipped here; static files never reach this line (WhiteNoise
    # answers them above with its own precompressed gzip/brotli files).
    # BREACH: compressing a page is only unsafe when it reflects attacker input
    # next to a secret. Public pages carry no secret (no CSRF token, no
    # personal data for anonymous visitors), and the admin's forms rotate
    # masked CSRF tokens on every response, which Django designed for this.
    "django.middleware.gzip.GZipMiddleware",
    # ETag and 304 answers, for cached and uncached pages alike.
    "django.middleware.http.ConditionalGetMiddleware",
    # Anonymous page cache (core/cache.py); before the session so hits stay cheap.
    "core.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Login throttle; must come last (django-axes docs).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "oim_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "core.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "oim_site.wsgi.application"

# SQLite by default so that `make run` needs no server; PostgreSQL in
# production and CI through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds the content version of the page cache (core/cache.py): it
# must be one cache for every process that serves the site, or a process
# keeps serving what another one has just unpublished.
# - REDIS_URL: Redis, shared by every instance on every machine.
# - otherwise, with debug off: files in DJANGO_CACHE_DIR, shared by every
#   process on this machine (gunicorn's workers, management commands). The
#   directory must belong to the site's user alone: Django unpickles what it
#   finds there.
# - with debug on (runserver, one process): this process's memory.
# `manage.py check --deploy` warns when the cache is not shared (core/checks.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_DIR = Path(os.environ.get("DJANGO_CACHE_DIR") or BASE_DIR / "var" / "cache")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "oim"),
        }
    }
elif DEBUG:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(CACHE_DIR),
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "oim"),
            # Django culls a third of the entries past this; a page is one entry.
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# django-axes first: it refuses a locked-out login before the password is checked.
AUTHENTICATION_BACKENDS = [
    "core.security.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttle (README.md, "Security"): after 5 failures for one username
# from one address, that pair is locked for an hour. Username and address
# together: by username alone anyone could lock an editor out on purpose; by
# address alone a whole office behind one NAT address would be locked. The
# 12-character password minimum makes spreading guesses over many addresses
# hopeless anyway. Unlock early: `manage.py axes_reset_username NAME`.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "security/lockout.html"
# Behind the proxy REMOTE_ADDR is the proxy: read the address it forwards.
# DJANGO_TRUSTED_PROXY_COUNT is the number of proxies in front of the site
# that each append the address they saw to X-Forwarded-For: 0 reads
# REMOTE_ADDR and ignores the header, N reads the Nth address from its
# right. Unset, it is 1 behind the proxy (DJANGO_BEHIND_PROXY, implied by
# DJANGO_HTTPS) and 0 otherwise. core.security.client_ip applies it;
# `manage.py check` refuses an invalid value (core/checks.py).
AXES_CLIENT_IP_CALLABLE = "core.security.client_ip"
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", env_bool("DJANGO_HTTPS", False))
# None when unset; a value that is not a whole number is kept as given for the check to report.
TRUSTED_PROXY_COUNT = os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "").strip() or None
if TRUSTED_PROXY_COUNT is not None and TRUSTED_PROXY_COUNT.isascii() and TRUSTED_PROXY_COUNT.isdigit():
    TRUSTED_PROXY_COUNT = int(TRUSTED_PROXY_COUNT)
# The same reading for axes' own settings (used by django-ipware if the callable above were removed).
_proxies = TRUSTED_PROXY_COUNT if isinstance(TRUSTED_PROXY_COUNT, int) else (1 if BEHIND_PROXY else 0)
AXES_IPWARE_PROXY_ORDER = "right-most"
AXES_IPWARE_PROXY_COUNT = _proxies or None
AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if _proxies else ("REMOTE_ADDR",)

# Anonymous pages are cached this long at most; any content change or a
# scheduled publication coming due invalidates them at once (core/cache.py).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 600))
PAGE_CACHE_EXCLUDE = ()

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French is the site's language and is required everywhere;
# English is optional and falls back to French.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("Anglais"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("fr",)}
# The tabbed admin needs jQuery UI; it is shipped in our static files so the
# admin never loads code from a third-party CDN.
MODELTRANSLATION_JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
JQUERY_UI_URL = MODELTRANSLATION_JQUERY_UI_URL

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
# A file chosen in a change form that came back with an error waits here for the next save
# (core/uploads.py): outside MEDIA_ROOT, so that nothing in it is ever served.
PENDING_UPLOADS_DIR = Path(os.environ.get("PENDING_UPLOADS_DIR") or BASE_DIR / "var" / "pending-uploads")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Serve MEDIA_ROOT from Django (core/media.py, with its safe headers) when no proxy does; always on with DEBUG.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", False)
# Media on S3-compatible object storage when a bucket is named, so that
# several app instances share one set of uploads (README.md, "Scaling out").
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
AWS_DEFAULT_ACL = None
AWS_QUERYSTRING_AUTH = False
AWS_S3_FILE_OVERWRITE = False
STORAGES = {
    "default": {
        "BACKEND": (
            "storages.backends.s3.S3Storage"
            if AWS_STORAGE_BUCKET_NAME
            else "django.core.files.storage.FileSystemStorage"
        )
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploads: limits documented in README.md ("Images"). Together they keep the
# work of any accepted upload (core.images) within 2 s and 256 MB more memory
# on a 2-core machine, as bench/uploads.py measures (bench/UPLOADS.md): raise
# one only after measuring again.
IMAGE_MAX_BYTES = int(os.environ.get("IMAGE_MAX_BYTES", 10 * 1024 * 1024))
# A still image (a 24-megapixel camera's 6,000 x 4,000 photo fits).
IMAGE_MAX_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", 25_000_000))
# Lower for PNG (Pillow chooses among five filters for every row) and for any
# WebP, still or animated (libwebp's decoder and Pillow hold four copies).
IMAGE_MAX_PNG_PIXELS = int(os.environ.get("IMAGE_MAX_PNG_PIXELS", 10_000_000))
IMAGE_MAX_WEBP_PIXELS = int(os.environ.get("IMAGE_MAX_WEBP_PIXELS", 8_000_000))
# An animation (GIF, WebP, APNG): frames, and frames x canvas pixels in all.
IMAGE_MAX_FRAMES = int(os.environ.get("IMAGE_MAX_FRAMES", 300))
IMAGE_MAX_ANIMATION_PIXELS = int(os.environ.get("IMAGE_MAX_ANIMATION_PIXELS", 16_000_000))
# Publications and other documents (core/document_files.py): PDF, Office Open XML, OpenDocument.
DOCUMENT_MAX_BYTES = int(os.environ.get("DOCUMENT_MAX_BYTES", 20 * 1024 * 1024))
IMAGE_MIN_SIDE = 16
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# CKEditor 4 (django-ckeditor 6.7.4). Only reached through core.fields.
CKEDITOR_UPLOAD_PATH = "editor/"
CKEDITOR_ALLOW_NONIMAGE_FILES = False
CKEDITOR_CONFIGS = {
    "default": {
        "toolbar": "Custom",
        "toolbar_Custom": [
            ["Format", "Bold", "Italic"],
            ["NumberedList", "BulletedList", "Blockquote"],
            ["Link", "Unlink"],
            ["Image", "Table"],
            ["RemoveFormat", "Source"],
        ],
        "format_tags": "p;h2;h3;h4",
        "height": 320,
        "width": "100%",
        # Let the server-side sanitiser be the judge; the editor only hides
        # what it would remove anyway.
        "allowedContent": False,
        "versionCheck": False,
        # exportpdf calls a third-party service: never wanted here.
        "removePlugins": "exportpdf",
        # Uploads go into the media library (library/editor.py), with an XMLHttpRequest that
        # core/static/core/editor.js gives the CSRF header: the image dialog's upload tab
        # (its default form post into an iframe could carry no token), and drag and drop or
        # paste of an image (uploadimage).
        "extraPlugins": "uploadimage",
        "filebrowserUploadMethod": "xhr",
        "uploadUrl": "/ckeditor/upload/",
        "filebrowserImageUploadUrl": "/ckeditor/upload/",
        "filebrowserImageBrowseUrl": "/ckeditor/browse/",
        "filebrowserUploadUrl": "/ckeditor/documents/upload/",
        "filebrowserBrowseUrl": "/ckeditor/documents/browse/",
        "filebrowserWindowWidth": 900,
        "filebrowserWindowHeight": 700,
    }
}

# HTTPS in production: one switch, DJANGO_HTTPS=1.
HTTPS = env_bool("DJANGO_HTTPS", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31_536_000)) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_SECONDS", 8 * 3600))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# Public pages: strict policy, no inline or eval'd script. The admin and the
# editor get core.security.ADMIN_OVERRIDES instead (reasons written there).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

SILENCED_SYSTEM_CHECKS = [
    # security.W021: HSTS preload is opt-in (DJANGO_HSTS_PRELOAD=1) because
    # submitting a domain to the preload list is hard to undo.
    "security.W021",
    # ckeditor.W001: CKEditor 4 is end-of-life upstream. It is a fixed choice
    # of this project; its known issues are client-side, and every value it
    # sends is sanitised on the server (core.sanitize) and every upload
    # re-encoded (core.images). The editor lives behind core.fields
    # so that it can be replaced.
    "ckeditor.W001",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # axes logs every login at INFO; lockouts are WARNING and still shown.
        "axes": {"level": os.environ.get("AXES_LOG_LEVEL", "WARNING")},
    },
}

# E-mail: the workflow's notifications (editorial.notifications). Without EMAIL_HOST mails are
# printed on the console; with it they go through that SMTP server. A short timeout: a slow
# server delays an admin answer by at most this, and never loses the change (sent after commit).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
    # STARTTLS by default on the submission port; never both (Django refuses TLS with SSL).
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", not EMAIL_USE_SSL)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "OIM France <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's address as the staff open it, for the links in those mails (no trailing slash).
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

SITE_NAME = "OIM France"
# The image shared (og:image, twitter:image) by pages that have none of their own: a static file of
# ours, the site's name on IOM blue (never IOM's emblem), with its size for the og:image tags.
SITE_SHARE_IMAGE = {"path": "img/share-default.png", "width": 1200, "height": 630}
