from django import template
from django.utils.safestring import SafeString

from security.csp import nonce_attr

register = template.Library()


@register.simple_tag
def csp_nonce_attr() -> SafeString:
    """`` nonce="…"`` for an inline ``<script>`` (security/csp.py)."""
    return nonce_attr()
