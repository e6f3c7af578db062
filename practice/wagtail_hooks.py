from wagtail import hooks

from .admin_views import submission_viewset


@hooks.register("register_admin_viewset")
def register_submission_viewset():
    return submission_viewset
