"""The profile chart of a practice example, drawn on the server as inline SVG.

One horizontal bar per criterion, split into that criterion's Umsetzungsstufen;
the stages reached are filled, so the bar's length is level / stages. The SVG is
an image (``role="img"``) whose ``<title>`` and ``<desc>`` say everything it shows
("Kriterium 5 Partizipation: Stufe 3 von 4; …"); the page shows the same data as
a table. No script and no ``style`` attribute (the CSP): only SVG presentation
attributes. Colours on the white ground: bars and outlines ≥ 3:1, text ≥ 4.5:1."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

WIDTH = 660
TRACK = 470  # length of a full bar (all stages reached)
ROW = 58  # height of one criterion: its label, then its bar
BAR = 20
TOP = 8
AXIS = 66  # below the last bar: the axis and its label

INK = "#1a1a1a"  # text: 17.4:1 on white
FILLED = "#00594f"  # a stage reached: 7.9:1 on white
OUTLINE = "#4d4d4d"  # outline of a stage not reached: 8.4:1 on white
EMPTY = "#ffffff"


def _row(index: int, row) -> SafeString:
    y = TOP + index * ROW
    label = format_html(
        '<text x="0" y="{}" font-size="18" fill="{}">{}. {}</text>',
        y + 18,
        INK,
        row.number,
        row.criterion.title,
    )
    stages = max(row.stage_count, row.level or 0, 1)
    width = TRACK / stages
    cells = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}" stroke-width="1"/>',
        (
            (
                f"{i * width:.1f}",
                y + 26,
                f"{width:.1f}",
                BAR,
                FILLED if row.level and i < row.level else EMPTY,
                OUTLINE,
            )
            for i in range(stages)
        ),
    )
    if row.level is None:
        value = _("nicht eingeschätzt")
    else:
        value = _("Stufe %(level)d von %(stages)d") % {
            "level": row.level,
            "stages": row.stage_count,
        }
    value_text = format_html(
        '<text x="{}" y="{}" font-size="17" fill="{}">{}</text>',
        TRACK + 12,
        y + 42,
        INK,
        value,
    )
    return format_html('<g class="profile-chart__row">{}{}{}</g>', label, cells, value_text)


def profile_chart(rows: Sequence, *, title: str, id_prefix: str = "profil") -> SafeString:
    """The SVG for ``rows`` (practice.profile.ProfileRow); empty without rows."""
    if not rows:
        return SafeString("")
    height = TOP + len(rows) * ROW + AXIS
    axis_y = TOP + len(rows) * ROW + 6
    description = "; ".join(row.summary for row in rows) + "."
    axis = format_html(
        '<g class="profile-chart__axis">'
        '<line x1="0" y1="{y}" x2="{track}" y2="{y}" stroke="{ink}" stroke-width="1"/>'
        '<line x1="0" y1="{y}" x2="0" y2="{tick}" stroke="{ink}" stroke-width="1"/>'
        '<line x1="{track}" y1="{y}" x2="{track}" y2="{tick}" stroke="{ink}" stroke-width="1"/>'
        '<text x="0" y="{label_y}" font-size="16" fill="{ink}">{zero}</text>'
        '<text x="{track}" y="{label_y}" font-size="16" fill="{ink}" text-anchor="end">'
        "{full}</text>"
        '<text x="0" y="{title_y}" font-size="16" fill="{ink}">'
        "{axis_title}</text></g>",
        y=axis_y,
        tick=axis_y + 6,
        track=TRACK,
        ink=INK,
        label_y=axis_y + 24,
        title_y=axis_y + 50,
        zero=_("keine Stufe"),
        full=_("höchste Stufe"),
        axis_title=_("Erreichte Umsetzungsstufe (Anteil an den Stufen des Kriteriums)"),
    )
    return format_html(
        '<svg class="profile-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" '
        'width="100%" role="img" aria-labelledby="{}-titel" aria-describedby="{}-beschreibung">'
        '<title id="{}-titel">{}</title><desc id="{}-beschreibung">{}</desc>'
        '<rect x="0" y="0" width="{}" height="{}" fill="#ffffff"/>{}{}</svg>',
        WIDTH,
        height,
        id_prefix,
        id_prefix,
        id_prefix,
        title,
        id_prefix,
        description,
        WIDTH,
        height,
        format_html_join("", "{}", ((_row(i, row),) for i, row in enumerate(rows))),
        axis,
    )
