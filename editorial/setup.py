"""Make the database match editorial/roles.py, like a Plone setup profile.

`apply_editorial_setup()` creates the declared groups, rights, tasks and
workflows, assigns the workflows to their pages and removes every right of a
managed group that is not declared. It returns one German line per change, so
administrators see exactly what was corrected; `editorial_drift()` reports the
same without writing anything."""

from __future__ import annotations

from dataclasses import replace

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from materials.collections import MATERIALS_COLLECTION, REGIONS_COLLECTION, child_collection

from .models import ModerationTask
from .roles import (
    REGION_SOURCE_LANGUAGE,
    REGIONAL_GROUP_PREFIX,
    REGIONAL_ROLE,
    RETIRED_GROUP_NAMES,
    RETIRED_WORKFLOW_NAMES,
    ROLES,
    WORKFLOWS,
    Role,
    WorkflowDeclaration,
    is_regional_group_name,
    regional_group_name,
)


class _DryRun(Exception):
    """Raised inside the transaction to discard a dry run's writes."""


def _permission(label: str) -> Permission:
    app_label, codename = label.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _label(permission: Permission) -> str:
    return f"{permission.content_type.app_label}.{permission.codename}"


def _page_label(page: Page) -> str:
    return f"„{page.title}“ ({page.locale.language_code}, /{page.url_path.strip('/')})"


def regional_roles() -> list[tuple[Role, list[Page]]]:
    """One role per German RegionPage, with the region page and its translations."""
    region_model = apps.get_model("regions", "RegionPage")
    result = []
    regions = region_model.objects.filter(locale__language_code=REGION_SOURCE_LANGUAGE).order_by(
        "path"
    )
    for region in regions:
        role = replace(REGIONAL_ROLE, name=regional_group_name(region))
        pages = list(Page.objects.filter(translation_key=region.translation_key).order_by("path"))
        result.append((role, pages))
    return result


def declared_roles() -> list[tuple[Role, list[Page]]]:
    """Every managed role with the pages its page rights are granted on."""
    home_model = apps.get_model("home", "HomePage")
    homes = list(Page.objects.type(home_model).order_by("path"))
    return [(role, homes) for role in ROLES] + regional_roles()


class _Applier:
    def __init__(self) -> None:
        self.changes: list[str] = []
        self.root_collection = Collection.get_first_root_node()

    # -- groups and rights ---------------------------------------------------

    def group(self, name: str) -> Group:
        group, created = Group.objects.get_or_create(name=name)
        if created:
            self.changes.append(f"Gruppe angelegt: {name}")
        return group

    def model_permissions(self, group: Group, wanted_labels: tuple[str, ...]) -> None:
        wanted = {_permission(label) for label in wanted_labels}
        current = set(group.permissions.select_related("content_type"))
        for perm in sorted(wanted - current, key=_label):
            group.permissions.add(perm)
            self.changes.append(f"Recht ergänzt: {group.name} – {_label(perm)}")
        for perm in sorted(current - wanted, key=_label):
            group.permissions.remove(perm)
            self.changes.append(f"Recht entfernt: {group.name} – {_label(perm)}")

    def page_permissions(self, group: Group, codenames: tuple[str, ...], pages: list[Page]):
        perms = {
            codename: Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            for codename in codenames
        }
        wanted = {(page.pk, perm.pk) for page in pages for perm in perms.values()}
        existing = GroupPagePermission.objects.filter(group=group).select_related(
            "page", "permission"
        )
        have = set()
        for gpp in existing:
            key = (gpp.page_id, gpp.permission_id)
            if key in wanted:
                have.add(key)
                continue
            gpp.delete()
            self.changes.append(
                f"Seitenrecht entfernt: {group.name} – {gpp.permission.codename} auf "
                f"{_page_label(gpp.page)}"
            )
        for page in pages:
            for codename, perm in perms.items():
                if (page.pk, perm.pk) in have:
                    continue
                GroupPagePermission.objects.create(group=group, page=page, permission=perm)
                self.changes.append(
                    f"Seitenrecht ergänzt: {group.name} – {codename} auf {_page_label(page)}"
                )

    def collection(self, parent: Collection, name: str) -> Collection:
        existing = child_collection(parent, name, create=False)
        if existing is not None:
            return existing
        self.changes.append(f"Sammlung angelegt: {name}")
        return child_collection(parent, name)

    def region_collection(self, role: Role) -> Collection | None:
        """ "Regionen" › <Region> for a regional role (named after its German title)."""
        if not role.region_collection_permissions:
            return None
        regions = self.collection(self.root_collection, REGIONS_COLLECTION)
        return self.collection(regions, role.name.removeprefix(REGIONAL_GROUP_PREFIX))

    def collection_permissions(
        self,
        group: Group,
        wanted_labels: tuple[str, ...],
        region: Collection | None = None,
        region_labels: tuple[str, ...] = (),
    ) -> None:
        """``wanted_labels`` on the root collection, ``region_labels`` on ``region``."""
        wanted = {(self.root_collection, label) for label in wanted_labels}
        if region is not None:
            wanted |= {(region, label) for label in region_labels}
        wanted_keys = {(c.pk, _permission(label).pk): (c, label) for c, label in wanted}
        have = set()
        for gcp in GroupCollectionPermission.objects.filter(group=group).select_related(
            "collection", "permission__content_type"
        ):
            key = (gcp.collection_id, gcp.permission_id)
            if key in wanted_keys:
                have.add(key)
                continue
            gcp.delete()
            self.changes.append(
                f"Sammlungsrecht entfernt: {group.name} – {_label(gcp.permission)} "
                f"auf „{gcp.collection.name}“"
            )
        for key, (collection, label) in sorted(
            wanted_keys.items(), key=lambda item: (item[1][0].path, item[1][1])
        ):
            if key in have:
                continue
            GroupCollectionPermission.objects.create(
                group=group, collection=collection, permission_id=key[1]
            )
            self.changes.append(
                f"Sammlungsrecht ergänzt: {group.name} – {label} auf „{collection.name}“"
            )

    def role(self, role: Role, pages: list[Page]) -> Group:
        group = self.group(role.name)
        self.model_permissions(group, role.model_permissions)
        self.page_permissions(group, role.page_permissions, pages)
        self.collection_permissions(
            group,
            role.collection_permissions,
            self.region_collection(role),
            role.region_collection_permissions,
        )
        return group

    def strip(self, group: Group) -> None:
        """An undeclared group (a region that is gone, Wagtail's initial groups)
        keeps its members but loses its rights."""
        self.model_permissions(group, ())
        self.page_permissions(group, (), [])
        self.collection_permissions(group, ())

    def retire_group(self, group: Group) -> None:
        """Wagtail's initial groups are no role of this portal: they are deleted, so
        nobody is put into a group that nobody declared."""
        members = group.user_set.count()
        name = group.name
        group.delete()
        self.changes.append(f"Gruppe gelöscht: {name} (Mitglieder: {members})")

    # -- workflows -----------------------------------------------------------

    def task(self, name: str, group_names: tuple[str, ...]) -> ModerationTask:
        task = ModerationTask.objects.filter(name=name).order_by("pk").first()
        if task is None:
            task = ModerationTask.objects.create(name=name, active=True)
            self.changes.append(f"Prüfschritt angelegt: {name}")
        elif not task.active:
            task.active = True
            task.save(update_fields=["active"])
            self.changes.append(f"Prüfschritt reaktiviert: {name}")
        wanted = set(Group.objects.filter(name__in=group_names))
        current = set(task.groups.all())
        for group in sorted(wanted - current, key=lambda g: g.name):
            task.groups.add(group)
            self.changes.append(f"Prüfende Gruppe ergänzt: {name} – {group.name}")
        for group in sorted(current - wanted, key=lambda g: g.name):
            task.groups.remove(group)
            self.changes.append(f"Prüfende Gruppe entfernt: {name} – {group.name}")
        return task

    def workflow(self, declaration: WorkflowDeclaration) -> None:
        workflow = Workflow.objects.filter(name=declaration.name).order_by("pk").first()
        if workflow is None:
            workflow = Workflow.objects.create(name=declaration.name, active=True)
            self.changes.append(f"Workflow angelegt: {declaration.name}")
        elif not workflow.active:
            workflow.active = True
            workflow.save(update_fields=["active"])
            self.changes.append(f"Workflow reaktiviert: {declaration.name}")

        tasks = [self.task(t.name, t.groups) for t in declaration.tasks]
        current = [wt.task_id for wt in WorkflowTask.objects.filter(workflow=workflow)]
        if current != [task.pk for task in tasks]:
            WorkflowTask.objects.filter(workflow=workflow).delete()
            for order, task in enumerate(tasks):
                WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
            steps = " → ".join(t.name for t in declaration.tasks)
            self.changes.append(f"Schritte gesetzt: {declaration.name}: {steps}")

        model = apps.get_model(declaration.pages)
        pages = list(Page.objects.type(model).order_by("path"))
        page_ids = {page.pk for page in pages}
        for link in WorkflowPage.objects.filter(workflow=workflow).select_related("page"):
            if link.page_id not in page_ids:
                link.delete()
                self.changes.append(
                    f"Workflow-Zuordnung entfernt: {declaration.name} – {_page_label(link.page)}"
                )
        for page in pages:
            link = WorkflowPage.objects.filter(page=page).select_related("workflow").first()
            if link and link.workflow_id == workflow.pk:
                continue
            if link:
                link.workflow = workflow
                link.save(update_fields=["workflow"])
            else:
                WorkflowPage.objects.create(page=page, workflow=workflow)
            self.changes.append(f"Workflow zugeordnet: {declaration.name} – {_page_label(page)}")

    # -- all -----------------------------------------------------------------

    def run(self) -> list[str]:
        # The default collection of uploads (materials/collections.py).
        self.collection(self.root_collection, MATERIALS_COLLECTION)
        managed = set()
        for role, pages in declared_roles():
            managed.add(self.role(role, pages).name)
        for group in Group.objects.filter(name__startswith="Regionale Redaktion").order_by("name"):
            if is_regional_group_name(group.name) and group.name not in managed:
                self.strip(group)
        for group in Group.objects.filter(name__in=RETIRED_GROUP_NAMES).order_by("name"):
            self.retire_group(group)
        for declaration in WORKFLOWS:
            self.workflow(declaration)
        self.retire_workflows()
        return self.changes

    def retire_workflows(self) -> None:
        for workflow in Workflow.objects.filter(name__in=RETIRED_WORKFLOW_NAMES, active=True):
            WorkflowPage.objects.filter(workflow=workflow).delete()
            workflow.active = False
            workflow.save(update_fields=["active"])
            self.changes.append(f"Workflow stillgelegt: {workflow.name}")


def apply_editorial_setup(dry_run: bool = False) -> list[str]:
    """Bring groups, rights and workflows in line with editorial/roles.py.

    Returns the changes made (or, with ``dry_run``, the changes that would be made)."""
    applier = _Applier()
    try:
        with transaction.atomic():
            changes = applier.run()
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return applier.changes if dry_run else changes


def editorial_drift() -> list[str]:
    """What apply_editorial would change now; empty when the database matches."""
    return apply_editorial_setup(dry_run=True)
