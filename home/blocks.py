"""StreamField blocks shared by all page types."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class LayoutChoiceBlock(blocks.ChoiceBlock):
    """A choice about presentation only: its label never reaches the search index."""

    def get_searchable_content(self, value):
        return []


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"))
    level = LayoutChoiceBlock(
        choices=[("h2", _("Überschrift 2")), ("h3", _("Überschrift 3"))],
        default="h2",
        label=_("Ebene"),
    )

    class Meta:
        icon = "title"
        label = _("Überschrift")
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        help_text=_("Beschreibt das Bild für Menschen, die es nicht sehen."),
    )
    caption = blocks.CharBlock(required=False, label=_("Bildunterschrift"))

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"))
    attribution = blocks.CharBlock(required=False, label=_("Quelle"))

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "blocks/quote_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Material"))
    title = blocks.CharBlock(required=False, label=_("Linktext (optional)"))

    class Meta:
        icon = "doc-full"
        label = _("Material")
        template = "blocks/document_block.html"


class StageBlock(blocks.StructBlock):
    """One rung of a criterion's ladder of stages (Umsetzungsstufen)."""

    name = blocks.CharBlock(label=_("Stufe"))
    description = blocks.TextBlock(label=_("Beschreibung"))

    class Meta:
        icon = "list-ol"
        label = _("Umsetzungsstufe")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        label=_("Absatz"),
        template="blocks/paragraph_block.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()

    class Meta:
        label = _("Inhalt")
