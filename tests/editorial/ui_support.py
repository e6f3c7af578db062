"""Helpers for the editorial UI tests (states, review list, notifications,
concurrency, scheduling). Kept out of conftest.py, which the roles tests own."""

from __future__ import annotations

import json
import re
import secrets
from html.parser import HTMLParser
from smtplib import SMTPException

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from wagtail import hooks
from wagtail.models import Page, TaskState

from editorial.roles import ADMINISTRATION, MODERATION, REDAKTION
from editorial.setup import apply_editorial_setup
from tests.factories import SiteTree, build_tree

PASSWORD = "ui-test-passwort"


def ui_site() -> SiteTree:
    """The smallest tree plus the declared groups, rights and workflows."""
    tree = build_tree()
    apply_editorial_setup()
    # The admin loads wagtail_hooks modules on its first request; tests that act
    # on models directly need the same receivers (editorial/notifications.py).
    hooks.search_for_hooks()
    return tree


def ui_user(username: str, *group_names: str, superuser: bool = False):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=PASSWORD,
        first_name=username.capitalize(),
        is_superuser=superuser,
    )
    for name in group_names:
        user.groups.add(Group.objects.get(name=name))
    return user


def ui_team() -> dict[str, object]:
    return {
        "redaktion": ui_user("redakteurin", REDAKTION),
        "moderation": ui_user("moderator", MODERATION),
        "moderation2": ui_user("moderatorin", MODERATION),
        "administration": ui_user("admina", ADMINISTRATION),
    }


def ui_submit(page: Page, user) -> TaskState:
    """Submit ``page`` for approval as ``user``; returns the current task state."""
    page.save_revision(user=user)
    workflow = page.get_workflow()
    assert workflow is not None, "apply_editorial_setup assigns the workflows"
    state = workflow.start(page, user)
    return state.current_task_state


def workflow_action_url(page: Page, action: str, task_state: TaskState) -> str:
    """The admin URL that takes ``action`` ("approve", "reject") on ``page``'s task."""
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


class FailingOpenBackend(BaseEmailBackend):
    """A mail server that refuses the login: open() raises."""

    def open(self):
        raise SMTPException("535 Authentication failed")

    def send_messages(self, email_messages):
        self.open()
        return 0


class FailingSendBackend(BaseEmailBackend):
    """A mail server that accepts the connection but fails every message."""

    def send_messages(self, email_messages):
        raise SMTPException("451 Temporary local problem")


class _EditForm(HTMLParser):
    """Collects what a browser submits from the page editor's form: its fields,
    the fields Wagtail teleports into it (the scheduling dialog), and each
    StreamField as Wagtail's JS would post it; inline-panel templates are skipped."""

    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.pairs: list[tuple[str, str]] = []
        self._in_form = False
        self._templates: list[bool] = []  # per open <template>: does it feed the form?
        self._select: tuple[str, list[str], list[str]] | None = None
        self._option: str | None = None
        self._textarea: tuple[str, list[str]] | None = None

    @property
    def _collecting(self) -> bool:
        if self._templates:
            return all(self._templates)
        return self._in_form

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self._in_form = True
        elif tag == "template":
            target = attrs.get("data-w-teleport-target-value") or ""
            self._templates.append("data-edit-form" in target)
        if not self._collecting:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.pairs.append((name, attrs.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = (name, [])
        elif tag == "select" and name:
            self._select = (name, [], [])
        elif tag == "option" and self._select is not None:
            value = attrs.get("value")
            self._option = value
            if "selected" in attrs:
                self._select[1].append(value or "")
            self._select[2].append(value or "")
        elif tag == "div" and "data-w-block-arguments-value" in attrs:
            value, _errors = json.loads(attrs["data-w-block-arguments-value"])
            self.pairs.extend(_block_pairs(attrs["id"], _unpack(value, {})))

    def handle_endtag(self, tag):
        if tag == "form" and self._in_form and not self._templates:
            self._in_form = False
        elif tag == "template" and self._templates:
            self._templates.pop()
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # The HTML parser keeps the newline that follows <textarea>; browsers drop it.
            value = "".join(text)
            self.pairs.append((name, value[1:] if value.startswith("\n") else value))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            name, selected, options = self._select
            for value in selected or options[:1]:
                self.pairs.append((name, value))
            self._select = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1].append(data)


def _unpack(node, refs: dict):
    """Undo telepath's packing of a block value (shared values, escaped dicts)."""
    if isinstance(node, list):
        return [_unpack(item, refs) for item in node]
    if not isinstance(node, dict):
        return node
    if "_ref" in node:
        return refs[node["_ref"]]
    if "_val" in node:
        refs[node["_id"]] = value = _unpack(node["_val"], refs)
        return value
    if "_dict" in node:
        return {key: _unpack(value, refs) for key, value in node["_dict"].items()}
    assert "_type" not in node, f"a packed object in a block value: {node}"
    return {key: _unpack(value, refs) for key, value in node.items()}


def _block_pairs(prefix: str, value) -> list[tuple[str, str]]:
    """A block value as the StreamField JS posts it: streams and lists with
    count/order/deleted/id, structs per child, choosers by id."""
    if isinstance(value, list) and all(isinstance(item, dict) for item in value) and value:
        pairs = [(f"{prefix}-count", str(len(value)))]
        for index, item in enumerate(value):
            child = f"{prefix}-{index}"
            pairs += [(f"{child}-deleted", ""), (f"{child}-order", str(index))]
            pairs.append((f"{child}-id", item.get("id") or ""))
            if "type" in item:
                pairs.append((f"{child}-type", item["type"]))
            pairs += _block_pairs(f"{child}-value", item["value"])
        return pairs
    if isinstance(value, list):
        if prefix.endswith("-value") or not value:
            # An empty stream or list posts its count; a multi-value field its values.
            return [(f"{prefix}-count", "0")] if not value else [(prefix, str(v)) for v in value]
        return [(prefix, "" if v is None else str(v)) for v in value]
    if isinstance(value, dict):
        if "id" in value and "edit_url" in value:  # a chooser's state
            return [(prefix, str(value["id"]))]
        pairs = []
        for key, child in value.items():
            pairs += _block_pairs(f"{prefix}-{key}", child)
        return pairs
    return [(prefix, "" if value is None else str(value))]


def comments_pairs(html: str) -> list[tuple[str, str]]:
    """The comments formset that Wagtail's comments JS adds (tests use no comments)."""
    match = re.search(r'<script id="comments-data" type="application/json">(.*?)</script>', html)
    if match is None:
        return []
    assert not json.loads(match.group(1))["comments"], "comments are not emulated"
    return [
        ("comments-TOTAL_FORMS", "0"),
        ("comments-INITIAL_FORMS", "0"),
        ("comments-MIN_NUM_FORMS", "0"),
        ("comments-MAX_NUM_FORMS", "1000"),
    ]


def browser_form(response, form_id: str = "page-edit-form") -> list[tuple[str, str]]:
    """The (name, value) pairs a browser with Wagtail's JS would post from the page
    editor in ``response`` (a test response or the HTML) before any button is clicked."""
    html = response if isinstance(response, str) else response.content.decode()
    parser = _EditForm(form_id)
    parser.feed(html)
    parser.close()
    assert parser.pairs, f"no form #{form_id} in the response"
    return parser.pairs + comments_pairs(html)


def with_values(pairs: list[tuple[str, str]], **changes: str) -> list[tuple[str, str]]:
    """``pairs`` with the named fields set (added if missing); ``None`` removes one."""
    result = [(name, value) for name, value in pairs if name not in changes]
    result += [(name, value) for name, value in changes.items() if value is not None]
    return result


def as_post_data(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    """``pairs`` for Django's test client (repeated names become lists)."""
    data: dict[str, list[str]] = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    return data


def encode_form(pairs: list[tuple[str, str]]) -> tuple[bytes, str]:
    """``pairs`` as a multipart body, the way fetch() sends FormData."""
    boundary = "----gesundekommune" + secrets.token_hex(8)
    lines = []
    for name, value in pairs:
        lines += [
            f"--{boundary}",
            f'Content-Disposition: form-data; name="{name}"',
            "",
            value,
        ]
    lines += [f"--{boundary}--", ""]
    return "\r\n".join(lines).encode(), f"multipart/form-data; boundary={boundary}"
