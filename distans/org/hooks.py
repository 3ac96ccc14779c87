"""What org asks of the apps above it, which it does not import (see `core.hooks`).

`person_links`: links a person's page offers to what other apps hold about her (checklists: her
checklists, for those who may see them). Each subscriber answers a link, or None when the reader may
not follow it; the links appear in the order the apps subscribed.
"""

from typing import Protocol, TypedDict

from distans.core.hooks import Hook
from distans.org.models import Person


class PersonLink(TypedDict):
    text: str
    url: str


class PersonLinkSource(Protocol):
    def __call__(self, *, user: Person, person: Person) -> PersonLink | None: ...


person_links: Hook[PersonLinkSource] = Hook("org.person_links")
