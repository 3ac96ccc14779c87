"""Who sees and changes plans.

Everyone signed in sees where colleagues work (office, remote, away): a weekly plan is shared so a
team can meet. The reason someone is away, and the country abroad, are shown only to the person,
their managers at any depth and HR. A person changes their own days; their managers and HR may
too. A unit's settings are kept by its manager (and the managers above) and HR.
"""

from distans.core.permissions import is_hr
from distans.org.permissions import manages


def can_change_plan(user, person) -> bool:
    return person.is_active and (person.pk == user.pk or is_hr(user) or manages(user, person))


def can_manage_unit(user, unit) -> bool:
    if is_hr(user):
        return True
    from distans.org.models import Unit

    node = unit
    seen = set()
    while node is not None and node.pk not in seen:  # the unit's manager, or a manager above it
        if node.manager_id == user.pk:
            return True
        seen.add(node.pk)
        node = Unit.objects.filter(pk=node.parent_id).only("id", "parent_id", "manager_id").first()
    return False
