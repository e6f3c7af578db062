"""The CSP nonce on the inline scripts of Wagtail's admin and wagtail-localize.

The policy (config/settings/base.py) allows scripts from the site itself and
inline scripts that carry the request's nonce; nothing else inline runs. The
public templates have no inline script, so their responses never use the nonce
and their header names none (django-csp 4 adds ``'nonce-…'`` only when
``request.csp_nonce`` was read): such a response can be cached and served to
anyone. The admin has a handful of inline scripts; each gets ``nonce="…"`` where
it is written:

- templates overridden in security/templates/ (date and time widgets, inline
  panels, wagtail-localize's translation editor and submit form), through the tag
  ``{% csp_nonce_attr %}``;
- the chooser widgets, whose ``<script>`` Wagtail writes in Python
  (``BaseChooser.render``), through ``install_chooser_nonce`` below.

Why not add the nonce to every inline script of a response afterwards: that would
also bless a script injected through a bug (the very thing CSP guards against).
Here only scripts the code itself writes get it.

Form widgets are rendered without the request, so the middleware
(security/middleware.py) keeps the current request in a context variable for
the duration of the response."""

from __future__ import annotations

from contextvars import ContextVar

from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

_current_request: ContextVar[HttpRequest | None] = ContextVar("csp_request", default=None)


def set_current_request(request: HttpRequest | None):
    return _current_request.set(request)


def reset_current_request(token) -> None:
    _current_request.reset(token)


def current_nonce() -> str:
    """The nonce of the request being answered ("" outside a request).

    Reading it makes django-csp name it in this response's header."""
    request = _current_request.get()
    nonce = getattr(request, "csp_nonce", None) if request is not None else None
    # django-csp's lazy object is falsy until evaluated: compare with None.
    return str(nonce) if nonce is not None else ""


def nonce_attr() -> SafeString:
    """`` nonce="…"`` for an inline ``<script>`` tag, or nothing outside a request."""
    nonce = current_nonce()
    return format_html(' nonce="{}"', nonce) if nonce else mark_safe("")


def install_chooser_nonce() -> None:
    """Wagtail's chooser widgets (page, document, image, snippet, task) end in
    ``<script>new …Chooser(id, options);</script>``, written in
    ``BaseChooser.render``. This replaces that method with the same steps plus the
    nonce; ``</`` inside the script is written as ``<\\/`` (the same characters in
    a JavaScript string) so a chosen item's title cannot end the script element."""
    from wagtail.admin.widgets.chooser import BaseChooser

    if getattr(BaseChooser.render, "adds_csp_nonce", False):
        return

    def render(self, name, value, attrs=None, renderer=None):
        try:
            id_ = attrs["id"]
        except (KeyError, TypeError) as e:
            raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from e
        value_data = self.get_value_data(value)
        widget_html = self.render_html(name, value_data, attrs)
        js = self.render_js_init(id_, name, value_data).replace("</", "<\\/")
        return format_html("{}<script{}>{}</script>", widget_html, nonce_attr(), mark_safe(js))  # noqa: S308

    render.adds_csp_nonce = True
    BaseChooser.render = render
