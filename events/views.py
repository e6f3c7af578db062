from wagtail.views import serve


def calendar_feed(request, path: str):
    """Wagtail's page URLs allow no dot, so ``<calendar-url>feed.ics`` arrives here and
    is routed through Wagtail (privacy hooks included) to the calendar's feed route."""
    return serve(request, f"{path}feed.ics/")
