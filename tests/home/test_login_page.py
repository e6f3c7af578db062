"""The member login (/de/anmelden/): every field it shows is styled by the site's
form-field rule (site/static/css/site.css), the password field like the user name."""

import re

import pytest

from django.conf import settings

pytestmark = pytest.mark.django_db


def field_rule_selectors() -> set[str]:
    """The selectors of the site.css rule that styles text fields."""
    css = (settings.SITE_DIR / "static" / "css" / "site.css").read_text()
    for selectors, _body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        names = {s.strip() for s in selectors.split(",")}
        if 'input[type="text"]' in names:
            return names
    raise AssertionError("no rule for text fields in site.css")


def test_every_login_field_is_styled_like_the_user_name(client, site_tree):
    html = client.get("/de/anmelden/").content.decode()
    start = html.index('<form class="login-form"')
    form = html[start : html.index("</form>", start)]
    types = set(re.findall(r'<input type="([a-z]+)"', form)) - {"hidden"}
    assert types == {"text", "password"}
    selectors = field_rule_selectors()
    for input_type in types:
        assert f'input[type="{input_type}"]' in selectors, input_type
