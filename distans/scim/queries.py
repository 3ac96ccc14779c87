"""Reads for SCIM: the people and groups a client sees, found by id or by its filter, a page at a time."""

import json
import re

from django.db.models import Q, QuerySet

from distans.org.models import Person
from distans.scim.models import ProvisionedGroup, ProvisionedPerson
from distans.scim.responses import ScimRefusal

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:"
# `attribute eq "value"`, joined by `and`: what Entra ID and Okta filter by.
COMPARISON = re.compile(
    r'\s*(?P<attribute>[\w.:$\[\]" -]+?)\s+eq\s+(?P<value>"(?:[^"\\]|\\.)*"|true|false|\d+)\s*'
)


def provisioned(*, people: QuerySet[Person]) -> dict[int, str]:
    """org asks which of these people SCIM keeps up to date (`org.hooks.managed_elsewhere`): {id: client}."""
    found = ProvisionedPerson.objects.filter(person__in=people).values_list("person_id", "token__name")
    return {person_id: client or "SCIM" for person_id, client in found}


def people() -> QuerySet[Person]:
    """Everyone SCIM may see and match (a client links people already in Distans by userName or
    e-mail), except those it deleted."""
    return (
        Person.objects.exclude(provisioning__deleted_at__isnull=False)
        .select_related("provisioning", "unit", "manager")
        .order_by("pk")
    )


def groups() -> QuerySet[ProvisionedGroup]:
    return ProvisionedGroup.objects.order_by("pk")


def as_pk(value) -> int | None:
    """A SCIM id as a row id, or None when it cannot be one (not digits, or past any database's range)."""
    text = str(value)
    return int(text) if text.isdigit() and len(text) < 10 else None


def person_by_id(scim_id: str) -> Person:
    if (pk := as_pk(scim_id)) is None or not (person := people().filter(pk=pk).first()):
        raise ScimRefusal(404, None, f"No user has the id {scim_id}.")
    return person


def group_by_id(scim_id: str) -> ProvisionedGroup:
    if (pk := as_pk(scim_id)) is None or not (group := groups().filter(pk=pk).first()):
        raise ScimRefusal(404, None, f"No group has the id {scim_id}.")
    return group


def _id(value) -> Q:
    return Q(pk=pk) if (pk := as_pk(value)) is not None else Q(pk__in=[])


def _user_condition(attribute: str, value) -> Q | None:
    if attribute == "username":
        return Q(provisioning__user_name__iexact=value) | Q(provisioning__isnull=True, email__iexact=value)
    if attribute in ("emails", "emails.value") or re.fullmatch(r'emails\[type eq "\w+"\]\.value', attribute):
        return Q(email__iexact=value)
    if attribute == "externalid":
        return Q(provisioning__external_id=value)
    if attribute == "id":
        return _id(value)
    if attribute in ("employeenumber", ENTERPRISE + "employeenumber"):
        return Q(employee_number=value)
    if attribute == "active" and isinstance(value, bool):
        return Q(is_active=value)
    return None


def _group_condition(attribute: str, value) -> Q | None:
    if attribute == "displayname":
        return Q(display_name__iexact=value)
    if attribute == "externalid":
        return Q(external_id=value)
    if attribute == "id":
        return _id(value)
    if attribute in ("members", "members.value"):
        return _id_members(value)
    return None


def _id_members(value) -> Q:
    return Q(members__pk=pk) if (pk := as_pk(value)) is not None else Q(pk__in=[])


def filtered(rows: QuerySet, text: str | None, *, users: bool) -> QuerySet:
    """Apply a SCIM filter of `eq` comparisons joined by `and`; anything else is a 400 invalidFilter."""
    if not text:
        return rows
    condition = Q()
    for part in re.split(r"\s+and\s+", text.strip(), flags=re.IGNORECASE):
        match = COMPARISON.fullmatch(part)
        found = None
        if match:
            value = json.loads(match["value"])
            attribute = match["attribute"].strip().lower()
            found = _user_condition(attribute, value) if users else _group_condition(attribute, value)
        if found is None:
            raise ScimRefusal(
                400, "invalidFilter", f'Unsupported filter {part.strip()!r}: use attribute eq "value".'
            )
        condition &= found
    return rows.filter(condition).distinct()


def page(
    rows: QuerySet, start_index: str | int | None, count: str | int | None, most: int
) -> tuple[int, int, list]:
    """(total, start index, the rows of the page), with SCIM's 1-based startIndex."""
    try:
        start = max(int(start_index or 1), 1)
        size = most if count is None or count == "" else min(max(int(count), 0), most)
    except ValueError:
        raise ScimRefusal(400, "invalidValue", "startIndex and count must be whole numbers.") from None
    total = rows.count()
    return total, start, list(rows[start - 1 : start - 1 + size]) if size else []
