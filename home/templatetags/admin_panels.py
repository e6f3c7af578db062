"""Tags for the project's overrides of Wagtail admin templates."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def inline_child_title(child: Any) -> str:
    """What a saved inline panel child links or names, as its heading: the linked
    object (a material's, a criterion's or a region's title), else the child's own
    ``__str__`` (a contact: "Funktion, Organisation"), else its first filled field
    (a partner's name). "" for a new child (Wagtail's "Label N" stays)."""
    instance = getattr(child.form, "instance", None)
    if instance is None or instance.pk is None:
        return ""
    fields = []
    for name in child.form.fields:
        try:
            field = instance._meta.get_field(name)
        except FieldDoesNotExist:
            continue  # the formset's ORDER and DELETE
        if not field.primary_key:
            fields.append(field)
    for field in fields:
        if field.many_to_one and getattr(instance, field.attname) is not None:
            return str(getattr(instance, field.name))
    if type(instance).__str__ is not models.Model.__str__:
        return str(instance)
    for field in fields:
        value = getattr(instance, field.attname)
        if value not in (None, ""):
            return str(value)
    return ""


@register.simple_tag(takes_context=True)
def translation_editor_strings(context: template.Context) -> dict[str, str]:
    """The English texts wagtail-localize's translation editor script writes
    without gettext, each with the text to show instead: its heading
    "<source> to <target> translation" (built from the same locale names as the
    script, from the view's ``props``) and the "More actions" label."""
    props = json.loads(context.get("props") or "{}")
    source = props.get("sourceLocale", {}).get("displayName", "")
    target = props.get("locale", {}).get("displayName", "")
    strings = {"More actions": gettext("Mehr Aktionen")}
    if source and target:
        strings[f"{source} to {target} translation"] = gettext(
            "Übersetzung %(source)s → %(target)s"
        ) % {"source": source, "target": target}
    return strings
