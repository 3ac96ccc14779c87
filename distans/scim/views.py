"""SCIM 2.0 (RFC 7644) at /scim/v2/: Users, Groups and the three discovery endpoints, for a client with a
provisioning token. Plain views: SCIM has its own media type, error shape and no CSRF (a bearer token)."""

import functools
import json

from django.conf import settings
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


@scim_view("GET", "POST")
def users(request):
    if request.method == "GET":
        rows = queries.filtered(queries.people(), request.GET.get("filter"), users=True)
        return _list(request, rows, user_resource)
    user = parse(UserResource, _body(request))
    person = services.user_create(token=request.scim_token, user=user)
    person = queries.person_by_id(str(person.pk))
    return scim_json(
        dump(user_resource(request, person), Context.RESOURCE_CREATION_RESPONSE),
        status=201,
        location=_location(request, "Users", person.pk),
    )


@scim_view("GET", "PUT", "PATCH", "DELETE")
def user(request, scim_id: str):
    person = queries.person_by_id(scim_id)
    if request.method == "GET":
        return scim_json(dump(user_resource(request, person), parameters=_parameters(request)))
    if request.method == "DELETE":
        services.user_delete(token=request.scim_token, person=person)
        return HttpResponse(status=204)
    if request.method == "PUT":
        described = parse(UserResource, _body(request))
    else:
        described = _patched(request, user_resource(request, person), UserResource)
    services.user_replace(token=request.scim_token, person=person, user=described)
    return scim_json(dump(user_resource(request, queries.person_by_id(scim_id))))


@scim_view("POST")
def users_search(request):
    search = parse(SearchRequest, _body(request))
    rows = queries.filtered(queries.people(), search.filter and str(search.filter), users=True)
    return _list(request, rows, user_resource, search)


@scim_view("POST")
def groups_search(request):
    search = parse(SearchRequest, _body(request))
    rows = queries.filtered(queries.groups(), search.filter and str(search.filter), users=False)
    return _list(request, rows, group_resource, search)


@scim_view("POST")
def root_search(request):
    """Searching users and groups at once is not offered (RFC 7644 §3.4.3 lets a server say so)."""
    return scim_error(501, None, "Search /Users or /Groups.")


@scim_view("GET", "POST")
def groups(request):
    if request.method == "GET":
        rows = queries.filtered(queries.groups(), request.GET.get("filter"), users=False)
        return _list(request, rows, group_resource)
    group = services.group_write(token=request.scim_token, group=None, resource=parse(Group, _body(request)))
    return scim_json(
        dump(group_resource(request, group), Context.RESOURCE_CREATION_RESPONSE),
        status=201,
        location=_location(request, "Groups", group.pk),
    )


@scim_view("GET", "PUT", "PATCH", "DELETE")
def group(request, scim_id: str):
    found = queries.group_by_id(scim_id)
    if request.method == "GET":
        return scim_json(dump(group_resource(request, found), parameters=_parameters(request)))
    if request.method == "DELETE":
        services.group_delete(token=request.scim_token, group=found)
        return HttpResponse(status=204)
    if request.method == "PUT":
        described = parse(Group, _body(request))
    else:
        described = _patched(request, group_resource(request, found), Group)
    found = services.group_write(token=request.scim_token, group=found, resource=described)
    return scim_json(dump(group_resource(request, found)))


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
