"""The moderators' decision on a submitted practice example reaches its submitter
(practice/submission.py): a rejected review step (with its comment) reopens the
form, the page going live approves it. Connected in PracticeConfig.ready()."""

from __future__ import annotations

from django.dispatch import receiver

from wagtail.signals import page_published, task_rejected


@receiver(task_rejected)
def submission_rejected(sender, instance, user=None, **kwargs) -> None:
    from .submission import rejected

    rejected(instance)


@receiver(page_published)
def submission_published(sender, instance, **kwargs) -> None:
    from .models import PracticePage
    from .submission import published

    if isinstance(instance, PracticePage):
        published(instance)
