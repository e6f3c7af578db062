"""Building blocks of the public forms (the Praxisdatenbank's submission, the
barrier report of the accessibility statement): accessible errors and help texts.
Their templates: components/form_field.html and components/form_errors.html."""

from __future__ import annotations

from django import forms


class AccessibleFormMixin:
    """Names a field's help and error texts in ``aria-describedby`` (their ids, see
    components/form_field.html); Django itself adds ``aria-invalid`` to invalid
    fields. ``error_links`` feeds the error summary (components/form_errors.html)."""

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            bound = self[name]
            described = []
            if field.help_text:
                described.append(f"{bound.auto_id}-help")
            if name in self.errors:
                described.append(f"{bound.auto_id}-error")
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)

    def error_links(self) -> list[tuple[str, str]]:
        """(anchor id, message) for the error summary, in the order of the fields."""
        links = []
        for error in self.non_field_errors():
            links.append(("", error))
        for name in self.fields:
            if name in self.errors:
                bound = self[name]
                anchor = bound.auto_id
                if isinstance(bound.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
                    anchor = f"{anchor}_0"
                for error in self.errors[name]:
                    links.append((anchor, f"{bound.label}: {error}"))
        return links
