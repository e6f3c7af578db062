"""StreamField blocks for texts in Leichte Sprache (accessibility.EasyReadPage).

They follow the rules of the Netzwerk Leichte Sprache as far as a block can:
short sentences, one statement per line (the "sentences" block renders every
line as a paragraph of its own and refuses sentences longer than
MAX_WORDS_PER_SENTENCE words), difficult words explained in a box of their own,
headings, pictures with alternative text and links with a clear text. No rich
text: no italics, no underlining, no colour for emphasis."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import HeadingBlock, ImageBlock

# The Netzwerk Leichte Sprache asks for short sentences without a fixed number; 15
# words is the usual rule of thumb. The limit leaves room for long proper names.
MAX_WORDS_PER_SENTENCE = 20


def sentence_lines(text: str) -> list[str]:
    """The non-empty lines of ``text``, stripped: one sentence each."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def check_sentences(text: str) -> None:
    """Refuses a line with more than MAX_WORDS_PER_SENTENCE words (naming it)."""
    for line in sentence_lines(text):
        if len(line.split()) > MAX_WORDS_PER_SENTENCE:
            raise ValidationError(
                _(
                    "Dieser Satz ist zu lang für Leichte Sprache (mehr als %(count)s Wörter): "
                    "„%(sentence)s“. Bitte in kürzere Sätze teilen, einen Satz pro Zeile."
                )
                % {"count": MAX_WORDS_PER_SENTENCE, "sentence": line}
            )


class SentencesBlock(blocks.TextBlock):
    """Short sentences, one per line; each line becomes a paragraph of its own."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Sätze"))
        kwargs.setdefault(
            "help_text",
            _("Ein kurzer Satz pro Zeile. Jede Zeile wird ein eigener Absatz."),
        )
        super().__init__(rows=6, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        check_sentences(value)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["sentences"] = sentence_lines(value)
        return context

    class Meta:
        icon = "list-ul"
        template = "accessibility/blocks/sentences.html"


class WordExplanationBlock(blocks.StructBlock):
    """A difficult word and its explanation, shown in a box beside the text."""

    word = blocks.CharBlock(label=_("Wort"), max_length=80)
    explanation = SentencesBlock(label=_("Erklärung"))

    class Meta:
        icon = "help"
        label = _("Wort-Erklärung")
        template = "accessibility/blocks/word_explanation.html"


class EasyReadLinkBlock(blocks.StructBlock):
    """A link to a page of the site, on a line of its own, with a clear text."""

    page = blocks.PageChooserBlock(label=_("Seite"))
    text = blocks.CharBlock(
        label=_("Linktext"),
        max_length=120,
        help_text=_("Sagt, wohin der Link führt, z. B. „Hier kommen Sie zur Suche.“"),
    )

    class Meta:
        icon = "link"
        label = _("Link")
        template = "accessibility/blocks/link.html"


class EasyReadBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    sentences = SentencesBlock()
    word = WordExplanationBlock()
    image = ImageBlock()
    link = EasyReadLinkBlock()

    class Meta:
        label = _("Inhalt in Leichter Sprache")
