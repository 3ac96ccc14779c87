"""What a new agreement says that the person's unit decides in planning: when she can be reached,
when the team meets and its office days (subscribed to `agreements.hooks.draft_terms`)."""

from distans.org.models import Person
from distans.planning.models import UnitPlanSettings


def unit_terms(*, person: Person) -> dict[str, object]:
    if person.unit_id is None:
        return {}
    settings = UnitPlanSettings.objects.filter(unit_id=person.unit_id).first()
    if settings is None:
        return {}
    reachable = ""
    if settings.reachable_from and settings.reachable_to:
        reachable = f"{settings.reachable_from:%H:%M}–{settings.reachable_to:%H:%M}"
    return {
        "reachable_hours": reachable,
        "meeting_times": settings.meeting_note,
        "office_weekdays": list(settings.office_weekdays),
    }
