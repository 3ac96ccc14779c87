"""What arrangements announces to the apps above it, which it does not import (see `core.hooks`).

`request_approved`: a request is approved, by its last decider or by the employee accepting the
changes a decider proposed. Announced inside the decision's transaction, after the request is saved
and audited and before anyone is notified; `agreements` drafts the agreement, or an amendment of the
person's live one, from it (`agreements.services.agreement_draft_from_request`).
"""

from typing import Protocol

from distans.arrangements.models import Request
from distans.core.hooks import Hook
from distans.org.models import Person


class RequestApproved(Protocol):
    def __call__(self, *, actor: Person, request: Request) -> object: ...  # what it returns is ignored


request_approved: Hook[RequestApproved] = Hook("arrangements.request_approved")
