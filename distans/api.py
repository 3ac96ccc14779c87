"""The REST API at /api/v1/: one NinjaAPI, a router per app, one error shape."""

import logging

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from distans.agreements.api import router as agreements_router
from distans.arrangements.api import router as arrangements_router
from distans.checklists.api import router as checklists_router
from distans.core.api import router as core_router
from distans.core.api_auth import api_auth
from distans.core.api_errors import error_response
from distans.core.api_throttle import api_throttle
from distans.core.errors import DomainError
from distans.equipment.api import router as equipment_router
from distans.followup.api import router as followup_router
from distans.org.api import router as org_router
from distans.planning.api import router as planning_router
from distans.policy.api import router as policy_router
from distans.reports.api import router as reports_router

logger = logging.getLogger(__name__)

WRITES = {"post", "put", "patch", "delete"}
ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "properties": {
        "code": {"title": "Code", "type": "string", "description": "Stable, for programs."},
        "message": {
            "title": "Message",
            "type": "string",
            "description": "For people, in the person's language.",
        },
    },
    "required": ["code", "message"],
}
ERROR_RESPONSES = {
    401: "Not signed in, and no valid token.",
    403: "Not allowed to do this.",
    404: "Not found, or not visible to you.",
    409: "Conflicts with the current state: decided meanwhile, full, or changed since loaded.",
    422: "Invalid input; the message names the fields.",
    429: "Too many requests; retry after the seconds in Retry-After.",
}


def _error_response(status: int, description: str) -> dict:
    response = {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    if status == 429:
        response["headers"] = {
            "Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}
        }
    return response


class DistansAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        """Every operation documents the errors every operation can give (409 only for writes)."""
        schema = super().get_openapi_schema(**kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                for status, description in ERROR_RESPONSES.items():
                    if status != 409 or method in WRITES:
                        operation["responses"].setdefault(status, _error_response(status, description))
        return schema


api = DistansAPI(
    title="Distans API",
    version="1",
    urls_namespace="api",
    auth=api_auth,
    throttle=api_throttle,
    description="Remote and hybrid work for Nordic organisations.",
)
api.add_router("", core_router)
api.add_router("", org_router)
api.add_router("", checklists_router)
api.add_router("", policy_router)
api.add_router("", arrangements_router)
api.add_router("", agreements_router)
api.add_router("", planning_router)
api.add_router("", followup_router)
api.add_router("", equipment_router)
api.add_router("", reports_router)


@api.exception_handler(DomainError)
def on_domain_error(request, exc: DomainError):
    return error_response(exc.status, exc.code, exc.message)


def _field(loc: tuple) -> str:
    # ninja prefixes a body field with the body's parameter name: ("body", "payload", "kind") is "kind",
    # and a missing body is ("body", "payload").
    source, *parts = loc
    if source == "body":
        parts = parts[1:]
    return ".".join(str(part) for part in parts) or str(source)


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    fields = dict.fromkeys(_field(tuple(error.get("loc") or ("body",))) for error in exc.errors)
    return error_response(
        422, "invalid", _("Some values are not valid: %(fields)s.") % {"fields": ", ".join(fields)}
    )


@api.exception_handler(PermissionDenied)
def on_forbidden(request, exc):
    return error_response(403)


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return error_response(404)


# ninja's own refusals, in English in the exception: their code and message in the reader's language.
NINJA_REFUSALS = {
    "Cannot parse request body": (422, "invalid_body", gettext_lazy("The request body is not valid JSON.")),
    "CSRF check Failed": (
        403,
        "csrf_failed",
        gettext_lazy(
            "The CSRF check failed. A signed-in session must send its CSRF token; a personal API token "
            "needs none."
        ),
    ),
}


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    """A 400 from a router is invalid input (422); 401, 403 and 429 (Throttled) get their own code and
    message, whatever ninja put in the exception."""
    for prefix, (status, code, message) in NINJA_REFUSALS.items():
        if exc.message.startswith(prefix):
            if code == "csrf_failed" and not request.user.is_authenticated:
                # ninja's session check asks for CSRF before it looks for a session: with neither a
                # session nor a valid token, what is missing is the credentials.
                return error_response(401)
            return error_response(status, code, message)
    if exc.status_code == 400:
        return error_response(422, "invalid", exc.message)
    if exc.status_code in (401, 403, 429):
        return error_response(exc.status_code)
    return error_response(exc.status_code, message=exc.message)


@api.exception_handler(IntegrityError)
def on_integrity_error(request, exc: IntegrityError):
    # A backstop: services check what they can, and a constraint that still fires lost a race.
    logger.warning("IntegrityError at %s %s answered 409", request.method, request.path, exc_info=exc)
    return error_response(409)


@api.exception_handler(Exception)
def on_unexpected(request, exc: Exception):
    logger.error("Unexpected error at %s %s", request.method, request.path, exc_info=exc)
    return error_response(500)
