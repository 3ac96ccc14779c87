"""What agreements announces to the apps above it, which it does not import (see `core.hooks`).
Each higher app subscribes in its `AppConfig.ready`.

`rights_changed`: a person's remote-work rights may differ from `since` on (an agreement took effect,
was amended, suspended, reinstated or given notice). Announced inside the change's transaction, with
`actor` None for the date-driven sweep; planning makes the usual week follow it.

`agreement_finished`: an agreement has ended or expired, after its last day. Announced inside the
change's transaction; equipment asks back what was lent, follow-up cancels evaluations still booked.

`draft_terms`: what the apps above know that a new agreement's terms should say about the person
(planning: the unit's reachable hours, meeting times and office days; equipment: what is lent). Each
subscriber answers a dict of term keys; agreements fills in the rest.

`detail_sections`: parts of the agreement page that belong to a higher app (follow-up: the
evaluations, and booking one); each answers a `Section`, or None when the reader has nothing to see.
"""

import datetime
from typing import Any, Protocol

from distans.agreements.models import Agreement
from distans.core.hooks import Hook, Section
from distans.org.models import Person


class RightsChanged(Protocol):
    def __call__(self, *, person: Person, since: datetime.date, actor: Person | None) -> object: ...


class AgreementFinished(Protocol):
    def __call__(self, *, agreement: Agreement, today: datetime.date) -> object: ...


class DraftTerms(Protocol):
    def __call__(self, *, person: Person) -> dict[str, Any]: ...


class DetailSection(Protocol):
    def __call__(self, *, user: Person, agreement: Agreement) -> Section | None: ...


rights_changed: Hook[RightsChanged] = Hook("agreements.rights_changed")
agreement_finished: Hook[AgreementFinished] = Hook("agreements.agreement_finished")
draft_terms: Hook[DraftTerms] = Hook("agreements.draft_terms")
detail_sections: Hook[DetailSection] = Hook("agreements.detail_sections")
