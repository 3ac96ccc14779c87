"""Erasure (privacy's anonymising of a leaver) of what the identity provider wrote about a person. Apart
from the SCIM services, so privacy's retention job does not load the SCIM resource models at start-up."""

from distans.org.models import Person
from distans.scim.models import ProvisionedGroup, ProvisionedPerson


def provisioning_forget(*, person: Person) -> None:
    """Erasure (privacy's anonymising of a leaver): what the provider wrote about her goes with her name."""
    ProvisionedPerson.objects.filter(person=person).delete()
    ProvisionedGroup.members.through.objects.filter(person=person).delete()
