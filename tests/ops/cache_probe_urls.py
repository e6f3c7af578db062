"""Probe views for tests/ops/test_cache_policy.py: responses with exactly one
reason not to be shared, beside the site's own URLs."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.vary import vary_on_headers

from config.urls import urlpatterns as site_urlpatterns

BODY = "<!DOCTYPE html><title>Probe</title><p>" + "Gesunde Kommune " * 40 + "</p>"


def plain(request):
    return HttpResponse(BODY)


def with_csrf_token(request):
    return HttpResponse(BODY + f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')


def with_csp_nonce(request):
    request._csp_nonce = "bm9uY2U"  # what django-csp 4 sets once a template used the nonce
    return HttpResponse(BODY + f'<script nonce="{request._csp_nonce}"></script>')


@never_cache
def never_cached(request):
    return HttpResponse(BODY)


@vary_on_headers("User-Agent")
def varies_by_user_agent(request):
    return HttpResponse(BODY)


def sets_a_cookie(request):
    response = HttpResponse(BODY)
    response.set_cookie("besucht", "ja")
    return response


urlpatterns = [
    path("probe/plain/", plain),
    path("probe/csrf/", with_csrf_token),
    path("probe/nonce/", with_csp_nonce),
    path("probe/never-cache/", never_cached),
    path("probe/vary/", varies_by_user_agent),
    path("probe/cookie/", sets_a_cookie),
    *site_urlpatterns,
]
