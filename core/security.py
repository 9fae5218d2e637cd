"""Security policy pieces that settings alone cannot express.

- Two Content-Security-Policies: the strict one of the settings
  (CONTENT_SECURITY_POLICY) for the public site, and a looser one for the
  back office, where CKEditor 4 runs (see ADMIN_OVERRIDES); public
  templates rendered in the back office (previews) keep the strict one
  (use_public_policy).
- The login throttle's authentication backend, and the client address it
  uses when the site runs behind a reverse proxy.
"""

import ipaddress

from axes.backends import AxesStandaloneBackend
from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponseBadRequest, QueryDict

#: The back office (/admin/ and /ckeditor/). Every directive not listed here
#: stays as strict as the public policy. Measured in Chromium on the
#: NewsRelease add page with both CKEditor instances and the FR/EN tabs
#: (tests/security/test_csp_browser.py checks it stays so):
#: - style-src 'unsafe-inline': without it CKEditor 4 stops half-way (its skin,
#:   panels and toolbar are styled with style attributes and injected <style>
#:   elements) and the second editor never loads.
#: - script-src 'unsafe-inline': CKEditor 4 writes its toolbar, combos and
#:   dialogs with inline event handlers (onclick="...", about 40 per editor)
#:   and bootstraps its editing iframe with an inline <script>; without it the
#:   editors load but never become "ready" and the buttons do nothing.
#:   Hashes cannot allow event handlers, and CKEditor 4 has no nonce support.
#: - 'unsafe-eval' is NOT needed: the editors reach "ready" without it, so it
#:   stays forbidden.
#: Frames are unchanged: the editing area is an about:blank iframe, which
#: frame-ancestors 'none' and X-Frame-Options DENY do not affect.
#: Risk accepted: an injected inline script would run in the back office. It
#: is contained by server-side sanitisation of everything CKEditor sends
#: (core.sanitize), by the admin being staff-only, and by the rest of the
#: policy, which still blocks every other origin (no script or image from
#: elsewhere to exfiltrate through, no foreign form action, no <object>, no
#: <base>, no framing by another site).
ADMIN_OVERRIDES = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
}


def admin_policy():
    """The public policy (settings.CONTENT_SECURITY_POLICY) with ADMIN_OVERRIDES."""
    directives = {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], **ADMIN_OVERRIDES}
    return {key: list(value) for key, value in directives.items()}


def public_policy():
    """The public policy (settings.CONTENT_SECURITY_POLICY), as a per-response override."""
    return {key: list(value) for key, value in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"].items()}


def use_public_policy(response):
    """Serve this response under the public policy, even under /admin/.

    For a public template rendered in the back office (a preview): it runs
    no CKEditor, so it gets no 'unsafe-inline', and a script that slipped
    into the content is blocked there as it would be on the site.
    """
    response._csp_config = public_policy()
    return response


#: Paths served with the back-office policy.
ADMIN_PREFIXES = ("/admin/", "/ckeditor/")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the policy by the part of the site.

    CONTENT_SECURITY_POLICY in the settings holds the public policy; paths
    under ADMIN_PREFIXES get admin_policy(). A view decorated with csp's
    decorators still wins (they set the response attributes read below).
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIXES):
            parts.config = admin_policy()
        return parts


def trusted_proxy_count():
    """How many proxies in front of the site append to X-Forwarded-For (settings.TRUSTED_PROXY_COUNT).

    Unset (None), one behind the proxy (SECURE_PROXY_SSL_HEADER set, from
    DJANGO_BEHIND_PROXY or DJANGO_HTTPS) and none otherwise. An invalid value
    (refused by `manage.py check`, core/checks.py) counts as none: the header
    is then never trusted, so a forged one cannot choose the address.
    """
    count = getattr(settings, "TRUSTED_PROXY_COUNT", None)
    if count is None:
        return 1 if settings.SECURE_PROXY_SSL_HEADER else 0
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        return 0
    return count


def _valid_ip(value):
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_ip(request):
    """The visitor's address for the login throttle (AXES_CLIENT_IP_CALLABLE).

    With no trusted proxy, REMOTE_ADDR, and X-Forwarded-For is ignored: any
    client can write that header. Behind N proxies (trusted_proxy_count())
    REMOTE_ADDR is the nearest proxy's own address, the same for everyone, so
    one attacker would lock every editor out; each proxy appends the address
    it saw to X-Forwarded-For, so the Nth entry from the right is the one the
    outermost proxy saw, the visitor. The entries before it are whatever the
    client sent and may be forged; rotating them changes nothing. With fewer
    entries than proxies, every entry was written by one of them, and the
    left-most is the visitor. An entry that is not an address (a proxy
    misconfiguration) falls back to REMOTE_ADDR.
    """
    count = trusted_proxy_count()
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if forwarded:
            address = _valid_ip(forwarded[-min(count, len(forwarded))])
            if address:
                return address
    return request.META.get("REMOTE_ADDR")


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' backend, leaving logins that do not come over HTTP alone.

    Every web login (the admin's login form) passes the request and is
    throttled. authenticate() without a request comes from code that already
    runs with full access (the shell, a management command, the test client's
    login()); axes would raise there, and there is no client to throttle.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class RejectNullCharactersMiddleware:
    """Keep NUL characters away from the database.

    No real address contains one, and PostgreSQL refuses NUL in any text it
    compares or stores: a view or middleware that looks the path or a
    parameter up in the database (slugs, old-address redirects, search)
    would fail with a 500. Found by the fuzz tests (tests/security/test_fuzz.py).
    A path with NUL is a 400; in the query string the NULs are dropped, so an
    absurd search still gets the helpful search page. Forms are already
    covered by Django (ProhibitNullCharactersValidator).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            return HttpResponseBadRequest("Requête invalide (caractère nul).", content_type="text/plain")
        if "\x00" in request.META.get("QUERY_STRING", "") or "%00" in request.META.get("QUERY_STRING", ""):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)
