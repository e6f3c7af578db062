"""Admin views of material moderation: the review page of one material and the
approve and reject endpoints (POST, CSRF-protected; the Prüfliste posts to them
too), and the document views that show and start from the review state."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.documents.views import documents, multiple

from .collections import default_collection
from .models import ExtractionState, Material, ReviewState
from .moderation import approve_material, can_moderate_materials, reject_material


def _next_url(request: HttpRequest, material: Material) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, {request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("materials_review", args=(material.pk,))


def _material(pk: int) -> Material:
    return get_object_or_404(Material.objects.select_related("collection"), pk=pk)


@require_GET
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """A material's state, its file and (for moderators) approve and reject."""
    material = _material(pk)
    if not can_moderate_materials(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "materials/review.html",
        {
            "material": material,
            "header_title": _("Material prüfen: %(title)s") % {"title": material.title},
            "page_title": _("Material prüfen"),
            "page_subtitle": material.title,
            "header_icon": "doc-full-inverse",
            "next": request.GET.get("next", ""),
        },
    )


@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    material = _material(pk)
    if not can_moderate_materials(request.user):
        raise PermissionDenied
    if material.review_state == ReviewState.APPROVED:
        messages.warning(
            request, _("„%(title)s“ ist bereits freigegeben.") % {"title": material.title}
        )
        return redirect(_next_url(request, material))
    approve_material(material, request.user)
    messages.success(request, _("„%(title)s“ wurde freigegeben.") % {"title": material.title})
    return redirect(_next_url(request, material))


@require_POST
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    material = _material(pk)
    if not can_moderate_materials(request.user):
        raise PermissionDenied
    try:
        reject_material(material, request.user, request.POST.get("comment", ""))
    except ValidationError as error:
        return HttpResponseBadRequest(" ".join(error.messages))
    messages.success(request, _("„%(title)s“ wurde zurückgewiesen.") % {"title": material.title})
    return redirect(_next_url(request, material))


class MaterialIndexView(documents.IndexView):
    """Wagtail's document listing with the columns "Prüfstatus" and "Volltext"."""

    @property
    def columns(self):
        columns = list(super().columns)
        columns.insert(3, Column("review_label", label=gettext_lazy("Prüfstatus")))
        columns.insert(4, Column("extraction_label", label=gettext_lazy("Volltext")))
        return columns


class MaterialEditView(documents.EditView):
    """Wagtail's document editor, saying the material's review state and, while
    its text is not searchable yet or could not be read, the full-text state."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        material = self.object
        buttons = []
        if can_moderate_materials(request.user) and not material.is_approved:
            url = reverse("materials_review", args=(material.pk,))
            buttons.append(messages.button(url, _("Prüfen")))
        text = _("Prüfstatus: %(state)s") % {"state": material.review_label}
        if material.is_approved:
            messages.info(request, text)
        else:
            messages.warning(request, text, buttons=buttons)
        if material.extraction_state == ExtractionState.PENDING:
            messages.info(
                request,
                _(
                    "Volltext: Ausstehend. Der Text der Datei wird im Hintergrund "
                    "ausgewertet und ist danach durchsuchbar."
                ),
            )
        elif material.extraction_state == ExtractionState.FAILED:
            messages.warning(
                request, _("Volltext: %(state)s") % {"state": material.extraction_label}
            )
        return response


class MaterialMultipleAddView(multiple.AddView):
    """The multiple upload, starting in the user's default collection."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not context.get("selected_collection_id"):
            collection = default_collection(self.request.user)
            if collection is not None:
                context["selected_collection_id"] = str(collection.pk)
        return context
