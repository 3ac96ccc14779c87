"""One error body for the API, {"code", "message"}, whoever answers: ninja's handlers or Django itself.

Django answers an unknown path under /api/v1/ with its HTML 404 page and ninja a wrong method with a
plain-text 405; the middleware gives those (and any other error page there) the API's JSON body.
"""

import json

from django.http import JsonResponse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from distans.core.models import ApiToken, hash_token

API_PREFIX = "/api/v1/"

# The code and message for each status, when nothing more precise is known.
STATUS_ERRORS = {
    401: ("unauthenticated", _("Sign in, or send a personal API token as “Authorization: Bearer …”.")),
    403: ("forbidden", _("You are not allowed to do this.")),
    404: ("not_found", _("Not found, or you are not allowed to see it.")),
    405: (
        "method_not_allowed",
        _("This address does not accept that method; the Allow header lists the ones it does."),
    ),
    409: ("conflict", _("This clashes with something saved meanwhile. Reload and try again.")),
    422: ("invalid", _("Some values are not valid.")),
    429: ("throttled", _("Too many requests. Wait as many seconds as Retry-After says, then try again.")),
    500: ("server_error", _("Something went wrong on our side. It has been logged; please try again later.")),
}
OTHER_ERROR = ("error", _("The request could not be handled."))


def error_body(status: int, code: str | None = None, message: str | Promise | None = None) -> dict:
    default_code, default_message = STATUS_ERRORS.get(status, OTHER_ERROR)
    return {"code": code or default_code, "message": str(message or default_message)}


def error_response(
    status: int, code: str | None = None, message: str | Promise | None = None
) -> JsonResponse:
    return JsonResponse(error_body(status, code, message), status=status)


def _is_json(response) -> bool:
    return response.get("Content-Type", "").startswith("application/json")


def _token_owners_language(request) -> str | None:
    """A token client's language, as the API's own answers use (Django never ran the API's auth for an
    unknown path or a wrong method)."""
    scheme, _space, key = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not key:
        return None
    language = (
        ApiToken.objects.filter(key_hash=hash_token(key), revoked_at__isnull=True, person__is_active=True)
        .values_list("person__language", flat=True)
        .first()
    )
    return language or None


class ApiErrorMiddleware:
    """Turn every non-JSON error answer under /api/v1/ into the API's error body, keeping its headers
    (Allow on a 405)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith(API_PREFIX)
            and response.status_code >= 400
            and not getattr(response, "streaming", False)
            and not _is_json(response)
        ):
            language = _token_owners_language(request) or translation.get_language()
            with translation.override(language):
                response.content = json.dumps(error_body(response.status_code))
            response["Content-Type"] = "application/json"
        return response
