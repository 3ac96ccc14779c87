"""Domain errors: a stable code for programs and a translated message for people.

The status is what the API answers (one contract for every route): 422 when the rules refuse the
input, 403 when the person may not do it, 409 when the state has moved on (already decided, office
full, changed since it was loaded). Pages show the message where the person acted, whatever the status.
"""


class DomainError(Exception):
    """Raised by services when a rule forbids what was asked."""

    status = 422

    def __init__(self, code: str, message: str, *, field: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


class NotAllowed(DomainError):
    """The person may see the object but not do this to it."""

    status = 403


class Conflict(DomainError):
    """The object's state no longer allows it: decided meanwhile, full, or changed since loaded."""

    status = 409


def require_allowed(allowed: bool, message: str) -> None:
    """In a service: refuse with `NotAllowed` and the reason unless the person may do this."""
    if not allowed:
        raise NotAllowed("not_allowed", message)
