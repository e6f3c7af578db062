"""A moderator's decision, wherever it is taken outside the page editor: the
Prüfliste's buttons, its bulk approval and the dashboard panel. Three kinds of
things wait for a decision (``KINDS``): a page's review step, a new material
and a proposed keyword; ``decide_item()`` takes any of them.

``decide()`` checks what Wagtail's own workflow-action view checks (the step is
still open and offers this action to this user), then lets the task act, so the
same rules hold as everywhere else: ``ModerationTask.on_action`` requires the
rejection comment (the only check of it here) and takes the row lock that makes a
second decision fail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from wagtail.models import Page, TaskState, WorkflowState

from .models import RejectionWithoutCommentError

Action = Literal["approve", "reject"]
ACTIONS: tuple[Action, ...] = ("approve", "reject")
Kind = Literal["page", "material", "keyword"]
KINDS: tuple[Kind, ...] = ("page", "material", "keyword")


class DecisionRefused(Exception):
    """The decision was not taken; ``str(error)`` says why, in German."""


@dataclass(frozen=True)
class Decision:
    page: Page
    action: Action
    published: bool
    next_task: str


def _title(page: Page) -> str:
    return page.get_admin_display_title()


def decide(
    task_state_id: int, user: AbstractBaseUser, action: Action, comment: str = ""
) -> Decision:
    """Approve or reject the open review step ``task_state_id`` as ``user``.

    Raises DecisionRefused when the step is gone, already decided, not this user's
    to decide, or a rejection has no comment."""
    if action not in ACTIONS:
        raise DecisionRefused(_("Unbekannte Entscheidung."))
    task_state = (
        TaskState.objects.select_related("workflow_state", "task").filter(pk=task_state_id).first()
    )
    if task_state is None or not isinstance(task_state.workflow_state.content_object, Page):
        raise DecisionRefused(_("Diese Prüfung gibt es nicht mehr."))
    workflow_state = task_state.workflow_state
    page = workflow_state.content_object.specific
    if (
        task_state.status != TaskState.STATUS_IN_PROGRESS
        or workflow_state.status != WorkflowState.STATUS_IN_PROGRESS
        or workflow_state.current_task_state_id != task_state.pk
    ):
        raise DecisionRefused(
            _("„%(title)s“ wurde in diesem Schritt bereits entschieden.") % {"title": _title(page)}
        )
    task = task_state.task.specific
    if action not in {name for name, _label, _modal in task.get_actions(page, user)}:
        raise DecisionRefused(
            _("Sie dürfen über „%(title)s“ in diesem Schritt nicht entscheiden.")
            % {"title": _title(page)}
        )
    comment = comment.strip()
    try:
        task.on_action(task_state.specific, user, action, comment=comment)
    except PermissionDenied as error:  # decided by someone else meanwhile (row lock)
        raise DecisionRefused(
            _("„%(title)s“ wurde in diesem Schritt bereits entschieden.") % {"title": _title(page)}
        ) from error
    except RejectionWithoutCommentError as error:
        raise DecisionRefused(
            _("Bitte begründen Sie die Zurückweisung von „%(title)s“.") % {"title": _title(page)}
        ) from error
    return outcome(page, workflow_state, action)


def outcome(page: Page, workflow_state: WorkflowState, action: Action) -> Decision:
    """What a decision on ``page`` led to (read again from the database): published,
    scheduled, or waiting for the next step."""
    workflow_state.refresh_from_db()
    page.refresh_from_db()
    next_task = ""
    current = workflow_state.current_task_state
    if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS and current is not None:
        next_task = current.task.name
    return Decision(page=page, action=action, published=page.live, next_task=next_task)


def decision_message(decision: Decision) -> str:
    """What the moderator is told after one decision."""
    title = _title(decision.page)
    if decision.action == "reject":
        return _(
            "„%(title)s“ wurde zurückgewiesen; die Autorin oder der Autor wird benachrichtigt."
        ) % {"title": title}
    if decision.next_task:
        return _("„%(title)s“ wurde freigegeben. Nächster Schritt: „%(task)s“.") % {
            "title": title,
            "task": decision.next_task,
        }
    if not decision.published:  # approved with a go-live date in the future
        return _(
            "„%(title)s“ wurde freigegeben und wird zum geplanten Zeitpunkt veröffentlicht."
        ) % {"title": title}
    return _("„%(title)s“ wurde freigegeben und ist veröffentlicht.") % {"title": title}


def _decide_keyword(pk: int, user: AbstractBaseUser, action: Action, comment: str) -> str:
    from home.models import Schlagwort
    from home.moderation import approve_keyword, reject_keyword

    keyword = Schlagwort.objects.filter(pk=pk).first()
    if keyword is None:
        raise DecisionRefused(_("Dieses Schlagwort gibt es nicht mehr."))
    name = keyword.name
    if action == "approve":
        if keyword.approved:
            raise DecisionRefused(_("„%(name)s“ ist bereits freigegeben.") % {"name": name})
        approve_keyword(keyword, user)
        return _("Schlagwort „%(name)s“ wurde freigegeben.") % {"name": name}
    reject_keyword(keyword, user, comment)
    return _("Schlagwort „%(name)s“ wurde zurückgewiesen und aus allen Seiten entfernt.") % {
        "name": name
    }


def _decide_material(pk: int, user: AbstractBaseUser, action: Action, comment: str) -> str:
    from materials.models import Material, ReviewState
    from materials.moderation import approve_material, reject_material

    material = Material.objects.filter(pk=pk).first()
    if material is None:
        raise DecisionRefused(_("Dieses Material gibt es nicht mehr."))
    if material.review_state != ReviewState.PENDING:
        raise DecisionRefused(
            _("„%(title)s“ wurde bereits entschieden.") % {"title": material.title}
        )
    if action == "approve":
        approve_material(material, user)
        return _("Material „%(title)s“ wurde freigegeben.") % {"title": material.title}
    reject_material(material, user, comment)
    return _(
        "Material „%(title)s“ wurde zurückgewiesen; die einreichende Person wird benachrichtigt."
    ) % {"title": material.title}


def decide_item(
    kind: Kind, pk: int, user: AbstractBaseUser, action: Action, comment: str = ""
) -> str:
    """Decide one waiting thing of ``kind``; returns the message for the moderator.

    Raises DecisionRefused (with the reason) whatever refused it: the thing is gone
    or decided, the user may not decide it, a rejection lacks its reason."""
    if action not in ACTIONS or kind not in KINDS:
        raise DecisionRefused(_("Unbekannte Entscheidung."))
    if kind == "page":
        return decision_message(decide(pk, user, action, comment))
    decide_other = {"keyword": _decide_keyword, "material": _decide_material}[kind]
    try:
        return decide_other(pk, user, action, comment.strip())
    except PermissionDenied as error:
        raise DecisionRefused(_("Darüber entscheidet die Moderation.")) from error
    except ValidationError as error:
        raise DecisionRefused(" ".join(error.messages)) from error
