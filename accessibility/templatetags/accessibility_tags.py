"""Template filters of the pages in Leichte Sprache."""

from django import template

from accessibility.blocks import sentence_lines

register = template.Library()


@register.filter
def sentences(text: str) -> list[str]:
    """The non-empty lines of ``text``: one sentence each (SentencesBlock)."""
    return sentence_lines(text)
