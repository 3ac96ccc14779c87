"""What follow-up adds to My page: the person's next follow-up conversation, so she knows when the
arrangement will be looked at again and with whom."""

from distans.core.hooks import Section
from distans.followup.models import Evaluation


def next_evaluation_section(user) -> Section | None:
    evaluation = (
        Evaluation.objects.filter(person=user, status=Evaluation.Status.SCHEDULED)
        .order_by("due_date", "pk")
        .first()
    )
    if evaluation is None:
        return None
    return Section(
        "followup/my_page/next_evaluation.html",
        {"evaluation": evaluation, "holder": user.manager},
        card=True,
    )
