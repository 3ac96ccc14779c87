import inspect
import zoneinfo

from django.shortcuts import render
from django.urls import Resolver404, get_script_prefix, resolve, reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme


class UserPreferencesMiddleware:
    """Speak the signed-in person's language and show times in their time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
            timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
        else:
            timezone.deactivate()
        return self.get_response(request)


class ChangeAddressMiddleware:
    """A page's change address (a form's POST) opened by hand, from a bookmark or a reload, answers
    with a page in the reader's language that says nothing was changed and leads back, instead of the
    browser's bare "method not allowed". The API and SCIM keep their own error bodies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code != 405
            or request.method not in ("GET", "HEAD")
            or request.path_info.startswith(("/api/", "/scim/"))
        ):
            return response
        page = render(request, "405.html", {"back": _way_back(request)}, status=405)
        page["Allow"] = response.get("Allow", "POST")
        return page


def _way_back(request) -> str:
    """The page the reader came from, else the nearest page above the address, else My page."""
    came_from = request.headers.get("Referer", "")
    if came_from and url_has_allowed_host_and_scheme(
        came_from, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return came_from
    path = request.path_info.rstrip("/")
    while "/" in path.strip("/"):
        path = path.rsplit("/", 1)[0]
        try:
            view = resolve(path + "/").func
        except Resolver404:
            continue
        if _answers_get(view):
            return get_script_prefix().rstrip("/") + path + "/"
    return reverse("core:my_page")


def _answers_get(view) -> bool:
    """False for a view behind Django's `require_POST` (or `require_http_methods` without GET), read
    from the decorator's own closure through the chain of wrappers."""
    while view is not None:
        methods = inspect.getclosurevars(view).nonlocals.get("request_method_list")
        if methods is not None:
            return "GET" in methods
        view = getattr(view, "__wrapped__", None)
    return True
