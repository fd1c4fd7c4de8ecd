"""What every request passes before a page is built, and the headers every answer carries.

* Bound to loopback without a token, only requests naming a loopback host are
  served (a web page elsewhere cannot reach the app through DNS rebinding).
* With a token (required by `lcg serve` off loopback), every request carries it:
  the ``X-LCG-Token`` header, or the cookie set by a first visit to ``/?token=T``
  (which then redirects to the same address without it, so it leaves the bar).
* Writes are POSTs carrying the page's CSRF token (a form field or the
  ``X-CSRF-Token`` header) and, when the browser sends one, an Origin of this app.
* The Content-Security-Policy lets the pages load only the app's own script,
  style and images, and connect only to the app: like the map's, nothing in a
  page (or in the data shown on it) can reach the network or run inline script.
"""

from __future__ import annotations

import hmac
import secrets

__all__ = ["install", "CSP", "TOKEN_COOKIE", "TOKEN_HEADER", "CSRF_HEADER"]

TOKEN_COOKIE = "lcg_token"
TOKEN_HEADER = "X-LCG-Token"
CSRF_HEADER = "X-CSRF-Token"
LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1"}

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'")


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


def install(app, *, token: str | None) -> None:
    """Register the checks and headers on a Flask app; ``app.config['CSRF']`` is the write token."""
    from flask import abort, redirect, request

    app.config["CSRF"] = secrets.token_urlsafe(32)
    app.config["TOKEN"] = token

    @app.before_request
    def _check():
        if token is None:
            if _host_name(request.host) not in LOOPBACK_NAMES:
                abort(403, "this server answers only at 127.0.0.1 or localhost")
        else:
            given = request.args.get("token")
            if given is not None:
                if not _same(given, token):
                    abort(403, "wrong token")
                from urllib.parse import quote, urlencode

                rest = urlencode([(k, v) for k, v in request.args.items(multi=True) if k != "token"])
                target = quote(request.path) + (f"?{rest}" if rest else "")
                resp = redirect(target, code=303)
                resp.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="Strict")
                return resp
            if not (_same(request.headers.get(TOKEN_HEADER), token)
                    or _same(request.cookies.get(TOKEN_COOKIE), token)):
                abort(403, "this server needs its token: open the address `lcg serve` printed (with ?token=...)")
        if request.method not in ("GET", "HEAD"):
            origin = request.headers.get("Origin")
            if origin is not None and origin != request.host_url.rstrip("/"):
                abort(403, "a write from another site was refused")
            sent = request.form.get("csrf") or request.headers.get(CSRF_HEADER)
            if not _same(sent, app.config["CSRF"]):
                abort(403, "the form is out of date (missing or wrong CSRF token): reload the page and try again")
        return None

    @app.after_request
    def _headers(resp):
        resp.headers.setdefault("Content-Security-Policy", CSP)
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "same-origin"  # "no-referrer" would make a form's Origin "null"
        resp.headers["Cross-Origin-Resource-Policy"] = "same-origin"
        if request.path.startswith("/api/") or request.method != "GET":
            resp.headers["Cache-Control"] = "no-store"
        return resp
