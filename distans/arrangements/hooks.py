"""What arrangements announces to the apps above it, which it does not import (see `core.hooks`).

`request_approved`: a request is approved, by its last decider or by the employee accepting the
changes a decider proposed. Announced inside the decision's transaction, after the request is saved
and audited and before anyone is notified; `agreements` drafts the agreement, or an amendment of the
person's live one, from it (`agreements.services.agreement_draft_from_request`).

`usual_coverage`: asked, not announced, when a request is evaluated: the unit's usual week on a date
(its members' usual weeks and its coverage rules) from the app that plans weeks (planning), so the
policy can say where granting the request would leave the unit short. With no subscriber, no
shortfall is found.
"""

import datetime
from typing import Any, Protocol

from distans.arrangements.models import Request
from distans.core.hooks import Hook
from distans.org.models import Person, Unit


class RequestApproved(Protocol):
    def __call__(self, *, actor: Person, request: Request) -> object: ...  # what it returns is ignored


request_approved: Hook[RequestApproved] = Hook("arrangements.request_approved")


class UsualCoverage(Protocol):
    def __call__(self, unit: Unit, date: datetime.date, *, person: Person) -> dict[str, Any]: ...

    # {"own": the person's usual week, "at_office": people at the office per day, "needed": the minimum}


usual_coverage: Hook[UsualCoverage] = Hook("arrangements.usual_coverage")
