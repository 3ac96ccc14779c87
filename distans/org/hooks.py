"""What org asks of the apps above it, which it does not import (see `core.hooks`).

`person_links`: links a person's page offers to what other apps hold about her (checklists: her
checklists, for those who may see them). Each subscriber answers a link, or None when the reader may
not follow it; the links appear in the order the apps subscribed.

`person_page_sections`: parts of a person's page that belong to a higher app (privacy: the legal holds on
her, and placing one or recording an access request, for HR); each answers a `core.hooks.Section`, or
None when the reader has nothing to see there.

`site_links`: links a site's row on the site list offers (planning: the office's desks by day).
`site_list_links`: links the site list offers above its table, about all sites (planning: propose plans
for several offices, for HR); each answers a link, or None.

`person_choices`: the people a user may pick in one place, by purpose ("followup.deviation_about",
"checklists.assessor"): the person picker (`person_picker.py`) and its search endpoint ask the
purpose's subscriber, so the server decides whom a search may find. A purpose answers a queryset
of people (none when the user may pick no one there).
"""

from typing import Protocol, TypedDict

from django.db.models import QuerySet

from distans.core.hooks import Hook, Section
from distans.org.models import Person, Site


class PersonLink(TypedDict):
    text: str
    url: str


class PersonLinkSource(Protocol):
    def __call__(self, *, user: Person, person: Person) -> PersonLink | None: ...


person_links: Hook[PersonLinkSource] = Hook("org.person_links")


class PersonPageSection(Protocol):
    def __call__(self, *, user: Person, person: Person) -> Section | None: ...


person_page_sections: Hook[PersonPageSection] = Hook("org.person_page_sections")


class SiteLinkSource(Protocol):
    def __call__(self, *, user: Person, site: Site) -> PersonLink | None: ...


site_links: Hook[SiteLinkSource] = Hook("org.site_links")


class SiteListLinkSource(Protocol):
    def __call__(self, *, user: Person) -> PersonLink | None: ...


site_list_links: Hook[SiteListLinkSource] = Hook("org.site_list_links")


class PersonChoices(Protocol):
    def __call__(self, *, user: Person) -> QuerySet[Person]: ...


person_choices: Hook[PersonChoices] = Hook("org.person_choices")


class ManagedElsewhere(Protocol):
    def __call__(self, *, people: QuerySet[Person]) -> dict[int, str]: ...


# Which of these people a system above org keeps up to date (scim: an identity provider), so the import
# and the admin pages leave them alone: {person id: the system's name, for the message}.
managed_elsewhere: Hook[ManagedElsewhere] = Hook("org.managed_elsewhere")
