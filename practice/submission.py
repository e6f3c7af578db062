"""What happens to a public submission (practice/submission_views.py is the form):
its steps are saved, it becomes a draft practice page in the review workflow, and
the moderators' decision comes back to it (practice/signals.py).

The draft page is a child of the Praxisdatenbank the submission started from (its
language). It names the facts by their German rows, as every practice page does
(terms, Bundesland, region, criteria: see home/models/vocabularies.py Term). The
page, its revisions and the workflow carry no trace of the submitter: no owner, no
revision user, no ``requested_by`` (Wagtail then sends its own approval and
rejection mails to nobody); the address stays on the Submission, which only the
moderation sees in the admin (practice/wagtail_hooks.py)."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from wagtail.models import Locale, Page, TaskState, WorkflowState
from wagtail.rich_text import RichText

from criteria.models import CriterionPage
from home.models import Bundesland, Handlungsfeld, Lebensphase, Zielgruppe
from regions.models import RegionPage

from . import notifications
from .forms import CRITERIA_STEPS, STEP_COUNT, step_form
from .models import PracticeAssessment, PracticeIndexPage, PracticePage
from .models.submission import Submission, SubmissionStatus

logger = logging.getLogger(__name__)

EDITABLE = (SubmissionStatus.EDITING, SubmissionStatus.REJECTED)
TERM_FIELDS = {
    "handlungsfelder": Handlungsfeld,
    "lebensphasen": Lebensphase,
    "zielgruppen": Zielgruppe,
}


def start(index: PracticeIndexPage, email: str, name: str, language: str) -> tuple[Submission, str]:
    """A new, unconfirmed submission; returns it and the secret for its link."""
    token, token_hash = Submission.new_token()
    submission = Submission.objects.create(
        email=email.strip(),
        name=name.strip(),
        language=language,
        token_hash=token_hash,
        data={"index": index.pk},
    )
    return submission, token


def confirm(submission: Submission) -> None:
    """The link was opened: the address is confirmed."""
    if submission.status == SubmissionStatus.UNCONFIRMED:
        submission.status = SubmissionStatus.EDITING
        submission.confirmed_at = timezone.now()
        submission.save(update_fields=["status", "confirmed_at", "updated_at"])


def new_link(submission: Submission) -> str:
    """A new secret for the link (the old one stops working): the stored hash cannot
    give back the secret a mail needs."""
    token, submission.token_hash = Submission.new_token()
    submission.save(update_fields=["token_hash", "updated_at"])
    return token


def step_values(submission: Submission, step: int) -> dict:
    return dict((submission.data.get("steps") or {}).get(str(step)) or {})


def save_step(submission: Submission, step: int, values: dict, next_step: int) -> None:
    steps = dict(submission.data.get("steps") or {})
    steps[str(step)] = values
    submission.data = {**submission.data, "steps": steps}
    submission.step = max(1, min(STEP_COUNT, next_step))
    submission.save(update_fields=["data", "step", "updated_at"])


def bound_step(submission: Submission, step: int):
    """The step's form bound to the stored values (to check them again)."""
    return step_form(step, data=step_values(submission, step), language=submission.language)


def first_invalid_step(submission: Submission) -> int | None:
    for step in range(1, STEP_COUNT):
        if not bound_step(submission, step).is_valid():
            return step
    return None


# --- the page ---------------------------------------------------------------------------


def _german(queryset, translation_key):
    default = Locale.get_default()
    return queryset.filter(translation_key=translation_key, locale=default).first()


def _body(text: str) -> list[tuple[str, RichText]]:
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return [
        ("paragraph", RichText("<p>" + escape(p).replace("\n", "<br/>") + "</p>"))
        for p in paragraphs
    ]


def fill_page(page: PracticePage, submission: Submission) -> PracticePage:
    """Set the page's fields from the submission's (validated) answers."""
    place = bound_step(submission, 1)
    text = bound_step(submission, 2)
    place.is_valid()
    text.is_valid()
    p, t = place.cleaned_data, text.cleaned_data
    region = None
    if p["region"]:
        region = RegionPage.objects.filter(pk=p["region"]).first()
        if region is not None and region.locale_id != Locale.get_default().pk:
            region = region.get_translation_or_none(Locale.get_default()) or region
    page.region = region
    page.municipality = p["municipality"].strip()
    page.bundesland = _german(Bundesland.objects, p["bundesland"])
    page.start_date = p["start_date"]
    page.end_date = p["end_date"]
    for name, model in TERM_FIELDS.items():
        getattr(page, name).set([_german(model.objects, key) for key in p[name]])
    page.title = t["title"]
    page.draft_title = t["title"]
    # A new page's slug: BasePage derives it from the title when submit() adds the
    # page under the index (German transliteration, Wagtail's "-2" for a taken one).
    page.teaser = t["teaser"]
    page.body = _body(t["description"])
    page.contact_role = t["contact_role"]
    page.contact_organisation = t["contact_organisation"]
    page.contact_email = t["contact_email"]
    page.contact_url = t["contact_url"]
    # The German criterion pages, by number (the steps ask for 1 to 12).
    criteria = {c.number: c for c in CriterionPage.objects.filter(locale=Locale.get_default())}
    assessments = []
    for step in CRITERIA_STEPS:
        values = step_values(submission, step)
        for number in CRITERIA_STEPS[step]:
            level = values.get(f"level_{number}") or ""
            if level and number in criteria:
                assessments.append(
                    PracticeAssessment(
                        criterion=criteria[number],
                        level=int(level),
                        justification=values.get(f"justification_{number}", ""),
                    )
                )
    page.assessments = assessments
    return page


def index_of(submission: Submission) -> PracticeIndexPage:
    return PracticeIndexPage.objects.get(pk=submission.data["index"])


@transaction.atomic
def submit(submission: Submission) -> PracticePage:
    """Create the draft page (or, after a rejection, a new revision of it) and start
    (resume) its review workflow."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.page_id:
        page = submission.page.specific.get_latest_revision_as_object()
        fill_page(page, submission)
        revision = page.save_revision(user=None, log_action=True)
    else:
        page = fill_page(PracticePage(live=False, owner=None), submission)
        index_of(submission).add_child(instance=page)
        revision = page.save_revision(user=None, log_action=True)
    page = PracticePage.objects.get(pk=page.pk)
    workflow = page.get_workflow()
    if workflow is None:
        logger.warning("No workflow for submission %s: the draft waits unreviewed", submission.pk)
    else:
        state = page.current_workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(None)
        elif state is None:
            workflow.start(page, None)
    submission.page = page
    submission.status = SubmissionStatus.SUBMITTED
    submission.submitted_at = timezone.now()
    submission.decided_at = None
    submission.save()
    logger.info(
        "Submission %s sent for review as page %s (revision %s)",
        submission.pk,
        page.pk,
        revision.pk,
    )
    return page


# --- the moderators' decision (connected in practice/signals.py) -------------------------


def _waiting(page_id) -> list[Submission]:
    return list(Submission.objects.filter(page_id=page_id, status=SubmissionStatus.SUBMITTED))


def rejected(task_state: TaskState) -> None:
    """A review step sent the page back: the submitter may change and resubmit."""
    workflow_state = task_state.workflow_state
    if workflow_state.base_content_type.model_class() is not Page:
        return
    for submission in _waiting(workflow_state.object_id):
        submission.status = SubmissionStatus.REJECTED
        submission.last_comment = task_state.get_comment() or ""
        submission.decided_at = timezone.now()
        submission.step = 1
        token = new_link(submission)
        submission.save()
        transaction.on_commit(lambda s=submission, t=token: notifications.send_rejected(s, t))


def published(page: Page) -> None:
    """The page went live: the submission is approved."""
    for submission in _waiting(page.pk):
        submission.status = SubmissionStatus.APPROVED
        submission.decided_at = timezone.now()
        submission.last_comment = ""
        submission.save()
        transaction.on_commit(lambda s=submission: notifications.send_approved(s, page))


def may_edit(submission: Submission) -> bool:
    return submission.status in EDITABLE


def resume_url(submission: Submission, token: str) -> str:
    """The link with the secret, absolute (for mails)."""
    index = index_of(submission)
    return index.get_full_url() + index.reverse_subpage("submit_resume", kwargs={"token": token})
