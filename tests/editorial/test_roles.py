"""Roles and workflows are declared in editorial/roles.py and applied idempotently;
drift in the database is reported and corrected."""

from io import StringIO

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from wagtail.models import GroupPagePermission, Page, WorkflowPage

from editorial.models import ModerationTask
from editorial.roles import (
    ADMINISTRATION,
    MODERATION,
    REDAKTION,
    WORKFLOW_NEWS,
    WORKFLOW_STANDARD,
    regional_group_name,
)
from editorial.setup import apply_editorial_setup, editorial_drift
from home.models import HomePage
from news.models import NewsIndexPage
from tests.factories import RegionPageFactory, RegionResultsPageFactory
from tests.factories.pages import translate


def page_perms(group_name: str) -> set[tuple[int, str]]:
    return set(
        GroupPagePermission.objects.filter(group__name=group_name).values_list(
            "page_id", "permission__codename"
        )
    )


def test_second_run_changes_nothing(editorial_site):
    assert apply_editorial_setup() == []
    assert editorial_drift() == []


def test_command_prints_changes_then_keine_aenderungen(editorial_site):
    Group.objects.get(name=REDAKTION).permissions.clear()
    out = StringIO()
    call_command("apply_editorial", stdout=out)
    assert "Recht ergänzt: Redaktion – wagtailadmin.access_admin" in out.getvalue()
    out = StringIO()
    call_command("apply_editorial", stdout=out)
    assert out.getvalue().strip() == "Keine Änderungen"


def test_undeclared_permission_is_reported_and_removed(editorial_site):
    redaktion = Group.objects.get(name=REDAKTION)
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    home = editorial_site.tree.home
    GroupPagePermission.objects.create(group=redaktion, page=home, permission=publish)
    delete_bundesland = Permission.objects.get(codename="delete_bundesland")
    redaktion.permissions.add(delete_bundesland)

    drift = editorial_drift()
    assert any(line.startswith("Seitenrecht entfernt: Redaktion – publish_page") for line in drift)
    assert "Recht entfernt: Redaktion – home.delete_bundesland" in drift
    # The dry run wrote nothing.
    assert GroupPagePermission.objects.filter(group=redaktion, permission=publish).exists()

    assert apply_editorial_setup() == drift
    assert not GroupPagePermission.objects.filter(group=redaktion, permission=publish).exists()
    assert not redaktion.permissions.filter(pk=delete_bundesland.pk).exists()
    assert editorial_drift() == []


def test_declared_page_rights(editorial_site):
    homes = set(Page.objects.type(HomePage).values_list("pk", flat=True))
    assert len(homes) == 2  # both languages
    expected = {
        REDAKTION: {"add_page", "change_page"},
        MODERATION: {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"},
        ADMINISTRATION: {
            "add_page",
            "change_page",
            "publish_page",
            "lock_page",
            "unlock_page",
            "bulk_delete_page",
        },
    }
    for group, codenames in expected.items():
        assert page_perms(group) == {(pk, c) for pk in homes for c in codenames}, group
    for group in (REDAKTION, MODERATION, ADMINISTRATION):
        assert Group.objects.get(name=group).permissions.filter(codename="access_admin").exists()
    assert (
        not Group.objects.get(name=MODERATION)
        .permissions.filter(codename="delete_bundesland")
        .exists()
    )
    assert (
        Group.objects.get(name=ADMINISTRATION)
        .permissions.filter(codename="delete_bundesland")
        .exists()
    )


def test_regional_group_per_region_only_in_its_subtree(editorial_site):
    site = editorial_site
    gera_pages = set(Page.objects.filter(translation_key=site.gera.translation_key))
    assert {p.locale.language_code for p in gera_pages} == {"de", "en"}
    group_name = regional_group_name(site.gera)
    assert group_name == "Regionale Redaktion Gera"
    assert page_perms(group_name) == {
        (p.pk, c) for p in gera_pages for c in ("add_page", "change_page")
    }
    assert Group.objects.filter(name="Regionale Redaktion Weimar").exists()

    user = site.users["regional_innen"]
    inside = RegionResultsPageFactory(parent=site.gera, live=False)
    outside = RegionResultsPageFactory(parent=site.weimar, live=False)
    assert inside.permissions_for_user(user).can_edit()
    assert not outside.permissions_for_user(user).can_edit()
    assert not site.tree.news.permissions_for_user(user).can_add_subpage()
    assert not inside.permissions_for_user(user).can_publish()


def test_new_region_gets_its_group_on_the_next_run(editorial_site):
    RegionPageFactory(parent=editorial_site.tree.regions, title="Wartburgkreis")
    changes = apply_editorial_setup()
    assert "Gruppe angelegt: Regionale Redaktion Wartburgkreis" in changes


def test_workflows_and_their_pages(editorial_site):
    site = editorial_site
    translate(site.tree.news)
    standard = WorkflowPage.objects.filter(workflow__name=WORKFLOW_STANDARD)
    assert set(standard.values_list("page_id", flat=True)) == set(
        Page.objects.type(HomePage).values_list("pk", flat=True)
    )
    apply_editorial_setup()  # the English news index appeared after the first run
    news = WorkflowPage.objects.filter(workflow__name=WORKFLOW_NEWS)
    assert set(news.values_list("page_id", flat=True)) == set(
        Page.objects.type(NewsIndexPage).values_list("pk", flat=True)
    )
    assert len(news) == 2
    workflow = site.tree.news.get_workflow()
    assert [t.name for t in workflow.tasks] == ["Fachliche Prüfung", "Freigabe"]
    assert all(isinstance(t.specific, ModerationTask) for t in workflow.tasks)
    assert site.tree.regions.get_workflow().name == WORKFLOW_STANDARD
    assert site.home_en.get_workflow().name == WORKFLOW_STANDARD


def test_reviewer_groups_of_tasks_are_corrected(editorial_site):
    task = ModerationTask.objects.get(name="Freigabe")
    task.groups.add(Group.objects.get(name=REDAKTION))
    assert editorial_drift() == ["Prüfende Gruppe entfernt: Freigabe – Redaktion"]
    apply_editorial_setup()
    assert set(task.groups.values_list("name", flat=True)) == {MODERATION, ADMINISTRATION}


def test_wagtails_initial_groups_are_deleted_and_workflow_retired(editorial_site):
    """Wagtail's stock "Editors" and "Moderators" groups are gone after
    apply_editorial (with their rights and memberships), and the stock
    "Moderators approval" workflow is retired."""
    from django.contrib.auth import get_user_model

    from wagtail.models import Workflow

    moderators, _ = Group.objects.get_or_create(name="Moderators")
    Group.objects.get_or_create(name="Editors")
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    root = Page.get_first_root_node()
    GroupPagePermission.objects.create(group=moderators, page=root, permission=publish)
    member = get_user_model().objects.create_user("stock-member", password="x")
    member.groups.add(moderators)
    stock = Workflow.objects.create(name="Moderators approval", active=True)
    WorkflowPage.objects.create(page=root, workflow=stock)

    changes = apply_editorial_setup()

    assert "Gruppe gelöscht: Moderators (Mitglieder: 1)" in changes
    assert "Gruppe gelöscht: Editors (Mitglieder: 0)" in changes
    assert "Workflow stillgelegt: Moderators approval" in changes
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert not GroupPagePermission.objects.filter(permission=publish, page=root).exists()
    assert not member.groups.exists()
    stock.refresh_from_db()
    assert not stock.active
    assert not WorkflowPage.objects.filter(workflow=stock).exists()
    assert editorial_drift() == []
