"""What StreamField content gives to the search index."""

from home.blocks import BodyBlock


def test_heading_text_is_searchable_but_not_its_level_label():
    block = BodyBlock()
    value = block.to_python(
        [{"type": "heading", "value": {"text": "Unsere gemeinsame Aufgabe", "level": "h2"}}]
    )
    content = block.get_searchable_content(value)
    assert "Unsere gemeinsame Aufgabe" in content
    assert not [text for text in content if "Überschrift" in text or "Heading" in text]
