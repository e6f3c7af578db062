from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import LoginLocksView, can_unlock


@hooks.register("register_admin_urls")
def register_login_locks_url():
    return [path("anmeldesperren/", LoginLocksView.as_view(), name="security_login_locks")]


class LoginLocksMenuItem(MenuItem):
    def is_shown(self, request):
        return can_unlock(request.user)


@hooks.register("register_settings_menu_item")
def register_login_locks_menu_item():
    return LoginLocksMenuItem(
        _("Anmeldesperren"), reverse("security_login_locks"), icon_name="lock", order=610
    )
