"""A person with history is never deleted: the audit log, requests and agreements must keep them.

Deactivating is the way to remove someone. The admin site explains it (`org.admin`), and a guard on
delete stops any other path (`CoreConfig.ready`).
"""

from django.db import models
from django.utils.translation import gettext as _

from distans.core.errors import NotAllowed
from distans.core.models import AuditEntry

# What goes with a person without being history: their own keys and settings, by the accessor name of
# the relation. Apps above add theirs in `AppConfig.ready` (planning: calendar feed keys, preferences).
NOT_HISTORY = {"api_tokens"}


def has_history(person) -> bool:
    """Named in the audit log (as who or what), or anything that would be deleted with them."""
    named = models.Q(actor=person) | models.Q(object_type=person._meta.label_lower, object_id=str(person.pk))
    if AuditEntry.objects.filter(named).exists():
        return True
    return any(
        relation.related_model._base_manager.filter(**{relation.field.name: person}).exists()
        for relation in person._meta.related_objects
        if relation.on_delete is models.CASCADE
        and not relation.many_to_many
        and relation.get_accessor_name() not in NOT_HISTORY
    )


def refusal(person) -> str:
    return _(
        "%(name)s has history in Distans (the audit log, requests or agreements) and cannot be "
        "deleted. Deactivate them instead."
    ) % {"name": person.full_name}


def refuse_deleting_history(sender, instance, **kwargs):
    """pre_delete guard for the person model."""
    if instance.pk and has_history(instance):
        raise NotAllowed("person_has_history", refusal(instance))
