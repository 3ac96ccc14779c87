"""A request id for every request, in the logs and the answer's X-Request-ID header, and one log line per
request. A proxy's X-Request-ID is kept when it looks like one, so its logs and ours match.

Logs carry ids only: the request id and the signed-in person's id (never a name or an e-mail), and the
address as its route pattern (`people/<id:pk>/`), so neither a search term in a query string nor a secret
in a path (a calendar feed, an invitation link) is written down."""

import contextvars
import logging
import re
import time
import uuid

from django.utils.functional import SimpleLazyObject, empty

current_request: contextvars.ContextVar = contextvars.ContextVar("current_request", default=None)
VALID_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
logger = logging.getLogger("distans.request")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.request_id = incoming if VALID_ID.fullmatch(incoming) else uuid.uuid4().hex
        token = current_request.set(request)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.request_id
            match = request.resolver_match
            logger.info(
                "%s %s %s",
                request.method,
                match.route if match else "-",
                response.status_code,
                extra={
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000),
                },
            )
            return response
        finally:
            current_request.reset(token)


def user_id(request) -> int | None:
    """The signed-in person's id if the request has already loaded them (logging never loads them)."""
    user = request.__dict__.get("user")  # lazy from AuthenticationMiddleware, or set by the API's token check
    if isinstance(user, SimpleLazyObject):
        wrapped = user.__dict__["_wrapped"]
        user = None if wrapped is empty else wrapped
    return user.pk if getattr(user, "is_authenticated", False) else None


class RequestContextFilter(logging.Filter):
    """Adds `request_id` and `user_id` to every record logged while a request is served."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = current_request.get()
        record.request_id = getattr(request, "request_id", None)
        record.user_id = user_id(request) if request is not None else None
        return True


class ClientErrorsWithoutTraceback(logging.Filter):
    """Django logs a refused request (403, 400) with the exception's traceback, which reads like a crash
    in the logs; a refusal is the product working. The warning line stays, the traceback goes (a 5xx
    keeps it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", 500) < 500:
            record.exc_info = None
            record.exc_text = None
        return True
