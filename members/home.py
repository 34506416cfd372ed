"""What the members app adds to a member's home: the open surveys to answer."""

from django.db.models import Exists, F, OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from members.models import Survey, SurveyResponse
from racop.sections import Step


def member_steps(request, **kwargs):
    """Return the surveys step (none when no survey is open), in one query."""
    user = request.user
    answered = SurveyResponse.objects.filter(
        survey=OuterRef("pk"), user=user, submitted_at__isnull=False
    )
    surveys = list(
        Survey.objects.for_respondent(user)
        .open_now()
        .annotate(answered=Exists(answered))
        .order_by(F("closes_at").asc(nulls_last=True), "opens_at", "pk")
    )
    if not surveys:
        return []
    waiting = [survey for survey in surveys if not survey.answered]
    if not waiting:
        return [
            Step(
                name="members.surveys",
                title=_("Answer the open surveys"),
                why=_("You answered every open survey. Thank you."),
                order=30,
                done=True,
            )
        ]
    return [
        Step(
            name="members.surveys",
            title=ngettext(
                "Answer %(count)s open survey",
                "Answer %(count)s open surveys",
                len(waiting),
            )
            % {"count": len(waiting)},
            why=_(
                "“%(title)s”: tell the coordinators what you expect and what matters most to "
                "you, so the community plans what its members need."
            )
            % {"title": waiting[0].title},
            action=_("Answer the survey"),
            url=waiting[0].get_absolute_url(),
            order=30,
        )
    ]
