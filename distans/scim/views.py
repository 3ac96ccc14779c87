"""SCIM 2.0 (RFC 7644) at /scim/v2/: Users, Groups and the three discovery endpoints, for a client with a
provisioning token. Plain views: SCIM has its own media type, error shape and no CSRF (a bearer token)."""

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Model, QuerySet
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from scim2_models import Context, PatchOp, ResponseParameters, SCIMException, SearchRequest

from distans.scim import queries, services
from distans.scim.auth import client_required
from distans.scim.resources import CONFIG, POLICY, PROVIDER, Group, UserResource, dump, parse
from distans.scim.responses import LIST_SCHEMA, ScimRefusal, scim_error, scim_json

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"


def scim_view(*methods: str):
    """Token checked, method allowed, and every refusal answered as a SCIM error."""

    def decorate(view):
        @csrf_exempt
        @client_required
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in methods:
                return scim_error(405, None, f"{request.method} is not allowed here.")
            try:
                return view(request, *args, **kwargs)
            except ScimRefusal as refusal:
                return refusal.response()

        return wrapped

    return decorate


def _body(request) -> dict:
    try:
        body = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise ScimRefusal(400, "invalidSyntax", "The body is not JSON.") from None
    if not isinstance(body, dict):
        raise ScimRefusal(400, "invalidSyntax", "The body must be a JSON object.")
    return body


def _parameters(request):
    try:
        return ResponseParameters.model_validate(
            {key: request.GET[key] for key in ("attributes", "excludedAttributes") if request.GET.get(key)}
        )
    except (SCIMException, ValueError) as exc:
        raise ScimRefusal(400, "invalidValue", str(exc)) from exc


def _location(request, kind: str, pk) -> str:
    return request.build_absolute_uri(f"/scim/v2/{kind}/{pk}")


def _meta(request, kind: str, obj) -> dict:
    return {
        "resourceType": kind[:-1],
        "created": obj.created_at.isoformat(),
        "lastModified": obj.updated_at.isoformat(),
        "location": _location(request, kind, obj.pk),
    }


def user_resource(request, person):
    """The person as SCIM's User: what the client wrote, with Distans's own state winning."""
    link = getattr(person, "provisioning", None)
    if link is not None:
        data = {**link.resource, "userName": link.user_name}
        data.setdefault("emails", [{"value": person.email, "primary": True}])  # her address from userName
    else:  # a person Distans had before the client: as Distans knows her
        data = {
            "userName": person.email,
            "name": {"givenName": person.first_name, "familyName": person.last_name},
            "emails": [{"value": person.email, "type": "work", "primary": True}],
            ENTERPRISE: {
                "employeeNumber": person.employee_number,
                "department": person.unit.name if person.unit else None,
                "manager": {"value": str(person.manager_id)} if person.manager_id else None,
            },
        }
    data.update(
        schemas=[str(UserResource.__schema__), ENTERPRISE],
        id=str(person.pk),
        meta=_meta(request, "Users", person),
    )
    # Distans's own word wins (a leaver deactivated in Distans); absent, as the client left it, means active.
    if "active" in data or not person.is_active:
        data["active"] = person.is_active
    return parse(UserResource, data)


def group_resource(request, group):
    data = {
        **group.resource,
        "schemas": [str(Group.__schema__)],
        "id": str(group.pk),
        "displayName": group.display_name,
        "meta": _meta(request, "Groups", group),
    }
    return parse(Group, data)


def _list(request, rows, build, search=None):
    """A page of resources, asked by GET's query string or by a POST to .search (`search`)."""
    if search is not None:
        start_index, count, parameters = search.start_index, search.count, search
    else:
        start_index, count = request.GET.get("startIndex"), request.GET.get("count")
        parameters = _parameters(request)
    total, start, found = queries.page(rows, start_index, count, settings.SCIM_MAX_RESULTS)
    return scim_json(
        {
            "schemas": [LIST_SCHEMA],
            "totalResults": total,
            "startIndex": start,
            "itemsPerPage": len(found),
            "Resources": [dump(build(request, row), parameters=parameters) for row in found],
        }
    )


def _patched(request, current, model):
    """Apply a PATCH to the resource as answered; Entra ID's manager as a bare id is read as {"value": id}."""
    body = _body(request)
    for operation in body.get("Operations") or []:
        if (
            isinstance(operation, dict)
            and str(operation.get("path", "")).endswith(":manager")
            and isinstance(operation.get("value"), str)
        ):
            operation["value"] = {"value": operation["value"]}
    patch = parse(PatchOp[model], body, Context.RESOURCE_PATCH_REQUEST)
    try:
        patch.patch(current, scim_policy=POLICY)
    except SCIMException as exc:
        raise ScimRefusal(400, exc.scim_type, exc.detail) from exc
    return current


@dataclass(frozen=True)
class Kind:
    """What tells Users from Groups; their views are one and the same (`collection`, `item`, `search`)."""

    endpoint: str  # "Users": the path, and the resource type's name in the plural
    model: type  # what a client sends and is answered
    rows: Callable[[], QuerySet]  # what the client may see
    by_id: Callable[[str], Model]  # one of them, or a 404
    answer: Callable  # (request, row): the resource the row is answered as
    save: Callable  # (token, row or None to create, resource): the row as it is now
    delete: Callable  # (token, row)
    users: bool  # which filter attributes apply


def _user_save(token, person, user):
    if person is None:
        person = services.user_create(token=token, user=user)
    else:
        services.user_replace(token=token, person=person, user=user)
    return queries.person_by_id(str(person.pk))  # with its provisioning link, as it is answered


USERS = Kind(
    endpoint="Users",
    model=UserResource,
    rows=queries.people,
    by_id=queries.person_by_id,
    answer=user_resource,
    save=_user_save,
    delete=lambda token, person: services.user_delete(token=token, person=person),
    users=True,
)
GROUPS = Kind(
    endpoint="Groups",
    model=Group,
    rows=queries.groups,
    by_id=queries.group_by_id,
    answer=group_resource,
    save=lambda token, group, resource: services.group_write(token=token, group=group, resource=resource),
    delete=lambda token, group: services.group_delete(token=token, group=group),
    users=False,
)


def collection(kind: Kind):
    """GET: a page of the resources matching the filter; POST: create one."""

    @scim_view("GET", "POST")
    def view(request):
        if request.method == "GET":
            rows = queries.filtered(kind.rows(), request.GET.get("filter"), users=kind.users)
            return _list(request, rows, kind.answer)
        row = kind.save(request.scim_token, None, parse(kind.model, _body(request)))
        return scim_json(
            dump(kind.answer(request, row), Context.RESOURCE_CREATION_RESPONSE),
            status=201,
            location=_location(request, kind.endpoint, row.pk),
        )

    return view


def item(kind: Kind):
    """One resource: read, replace (PUT), change (PATCH) or delete."""

    @scim_view("GET", "PUT", "PATCH", "DELETE")
    def view(request, scim_id: str):
        row = kind.by_id(scim_id)
        if request.method == "GET":
            return scim_json(dump(kind.answer(request, row), parameters=_parameters(request)))
        if request.method == "DELETE":
            kind.delete(request.scim_token, row)
            return HttpResponse(status=204)
        if request.method == "PUT":
            described = parse(kind.model, _body(request))
        else:
            described = _patched(request, kind.answer(request, row), kind.model)
        row = kind.save(request.scim_token, row, described)
        return scim_json(dump(kind.answer(request, row)))

    return view


def search(kind: Kind):
    """A POST to .search: the query in the body rather than the address."""

    @scim_view("POST")
    def view(request):
        query = parse(SearchRequest, _body(request))
        rows = queries.filtered(kind.rows(), query.filter and str(query.filter), users=kind.users)
        return _list(request, rows, kind.answer, query)

    return view


users, user, users_search = collection(USERS), item(USERS), search(USERS)
groups, group, groups_search = collection(GROUPS), item(GROUPS), search(GROUPS)


@scim_view("POST")
def root_search(request):
    """Searching users and groups at once is not offered (RFC 7644 §3.4.3 lets a server say so)."""
    return scim_error(501, None, "Search /Users or /Groups.")


def _discovery(request, items, kind: str) -> list[dict]:
    answered = []
    for item in items:
        data = item.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE)
        data["meta"] = {
            "resourceType": kind,
            "location": request.build_absolute_uri(f"/scim/v2/{kind}s/{item.id}"),
        }
        answered.append(data)
    return answered


@scim_view("GET")
def service_provider_config(request):
    data = CONFIG.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE)
    data["meta"] = {
        "resourceType": "ServiceProviderConfig",
        "location": request.build_absolute_uri("/scim/v2/ServiceProviderConfig"),
    }
    return scim_json(data)


def _listed(items: list[dict]):
    return scim_json(
        {
            "schemas": [LIST_SCHEMA],
            "totalResults": len(items),
            "startIndex": 1,
            "itemsPerPage": len(items),
            "Resources": items,
        }
    )


def _one(items: list[dict], item_id: str, what: str):
    found = next((item for item in items if item["id"] == item_id), None)
    return scim_json(found) if found else scim_error(404, None, f"No {what} has the id {item_id}.")


@scim_view("GET")
def schemas(request, item_id: str = ""):
    items = _discovery(request, PROVIDER.schemas, "Schema")
    return _one(items, item_id, "schema") if item_id else _listed(items)


@scim_view("GET")
def resource_types(request, item_id: str = ""):
    items = _discovery(request, PROVIDER.resource_types, "ResourceType")
    return _one(items, item_id, "resource type") if item_id else _listed(items)


@csrf_exempt
@client_required
def not_found(request, rest: str = ""):
    return scim_error(404, None, "There is no such SCIM endpoint.")
