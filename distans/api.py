"""The REST API at /api/v1/: one NinjaAPI, a router per app, one error shape."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from distans.arrangements.agreement_api import router as agreements_router
from distans.arrangements.api import router as arrangements_router
from distans.checklists.api import router as checklists_router
from distans.core.api import router as core_router
from distans.core.api_auth import api_auth
from distans.core.errors import DomainError
from distans.equipment.api import router as equipment_router
from distans.followup.api import router as followup_router
from distans.org.api import router as org_router
from distans.planning.api import router as planning_router
from distans.policy.api import router as policy_router

api = NinjaAPI(
    title="Distans API",
    version="1",
    urls_namespace="api",
    auth=api_auth,
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


def _error(request, status: int, code: str, message: str):
    return api.create_response(request, {"code": code, "message": message}, status=status)


@api.exception_handler(DomainError)
def on_domain_error(request, exc: DomainError):
    return _error(request, exc.status, exc.code, exc.message)


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    fields = ", ".join(
        ".".join(str(part) for part in error.get("loc", [])[1:]) or "body" for error in exc.errors
    )
    return _error(request, 422, "invalid", _("Some values are not valid: %(fields)s.")
                  % {"fields": fields})


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request, exc):
    return _error(request, 401, "unauthenticated", _(
        "Sign in, or send a personal API token as “Authorization: Bearer …”."
    ))


@api.exception_handler(PermissionDenied)
def on_forbidden(request, exc):
    return _error(request, 403, "forbidden", _("You are not allowed to do this."))


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return _error(request, 404, "not_found", _("Not found, or you are not allowed to see it."))


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    return _error(request, exc.status_code, "error", str(exc))
