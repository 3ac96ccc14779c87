"""Every write a SCIM client makes: one transaction each, audited with the client (its token) as the
actor and the changed fields only. A leaver goes through org's own deactivation, so sessions and
tokens end at once and the apps above follow (the hourly sweep ends her agreements, and what was lent
is asked back)."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from distans.core.audit import audit_record, field_changes
from distans.core.errors import DomainError
from distans.org.importing import new_person_defaults
from distans.org.models import Person, Unit
from distans.org.services import person_deactivate, person_reactivate, person_set_roles
from distans.scim.audit_actions import ScimAudit
from distans.scim.models import ProvisionedGroup, ProvisionedPerson, ProvisioningToken
from distans.scim.queries import as_pk
from distans.scim.resources import Enterprise, as_stored
from distans.scim.responses import ScimRefusal

# The person's fields SCIM writes, compared for the audit.
WRITTEN = ["email", "first_name", "last_name", "employee_number", "unit_id", "manager_id"]


class Client(AnonymousUser):
    """A SCIM client acting: no person (org's services take it as nobody signed in), but the audit log
    names it as the actor, "SCIM: <token name>"."""

    def __init__(self, token: ProvisioningToken):
        self.full_name = f"SCIM: {token.name}"


def _audit(token: ProvisioningToken, action: ScimAudit, obj, changes: dict | None = None) -> None:
    audit_record(actor=Client(token), action=action, obj=obj, changes=changes)


def _written(person: Person | None) -> dict:
    return {f: getattr(person, f) if person else None for f in WRITTEN}


def _email(user) -> str:
    emails = user.emails or []
    chosen = next((e for e in emails if e.primary), None) or (emails[0] if emails else None)
    email = (str(chosen.value) if chosen and chosen.value else user.user_name or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ScimRefusal(
            400, "invalidValue", "A user needs an e-mail address (emails or userName)."
        ) from None
    return email


def _unit(department: str | None) -> Unit | None:
    """The unit whose code or name is the department's, else none (the provider's name is kept)."""
    if not department:
        return None
    return Unit.objects.filter(Q(code__iexact=department) | Q(name__iexact=department)).first()


def _manager(person: Person | None, extension: Enterprise | None) -> Person | None:
    value = extension.manager.value if extension and extension.manager else None
    pk = as_pk(value) if value else None
    if pk is None or (person and person.pk == pk):
        return None
    return Person.objects.filter(pk=pk).first()


def _values(user, person: Person | None) -> dict:
    if not user.user_name:
        raise ScimRefusal(400, "invalidValue", "userName is required.")
    extension = user[Enterprise]
    name = user.name
    first = (name.given_name if name else None) or (user.display_name or user.user_name).split(" ")[0]
    last = (name.family_name if name else None) or ""
    values = {
        "email": _email(user),
        "first_name": first,
        "last_name": last,
        "employee_number": (extension.employee_number if extension else None) or None,
    }
    _check_lengths(
        {
            **{(Person, field): value for field, value in values.items()},
            (ProvisionedPerson, "user_name"): user.user_name,
            (ProvisionedPerson, "external_id"): user.external_id,
            (ProvisionedPerson, "department"): extension.department if extension else None,
        }
    )
    return {
        **values,
        "unit": _unit(extension.department if extension else None),
        "manager": _manager(person, extension),
    }


def _check_lengths(values: dict) -> None:
    """A value longer than Distans keeps is refused, naming it (not cut, not a database error)."""
    for (model, field), value in values.items():
        limit = model._meta.get_field(field).max_length
        if value and limit and len(value) > limit:
            raise ScimRefusal(400, "invalidValue", f"{field} is longer than {limit} characters: {value}")


def _conflict(user) -> ScimRefusal:
    return ScimRefusal(
        409, "uniqueness", f"userName, e-mail or employee number of {user.user_name} is taken."
    )


def _same(user, values: dict) -> Q:
    same = Q(email__iexact=values["email"]) | Q(provisioning__user_name__iexact=user.user_name)
    if values["employee_number"]:
        same |= Q(employee_number=values["employee_number"])
    return same


def _taken(user, person: Person | None, values: dict) -> bool:
    others = Person.objects.exclude(pk=person.pk) if person else Person.objects.all()
    return others.filter(_same(user, values)).exists()


def _deleted_match(user, values: dict) -> Person | None:
    """The one person the client deleted before who has this user's name, e-mail or employee number."""
    found = list(Person.objects.filter(_same(user, values), provisioning__deleted_at__isnull=False)[:2])
    return found[0] if len(found) == 1 else None


def user_create(*, token: ProvisioningToken, user) -> Person:
    values = _values(user, None)
    if returning := _deleted_match(user, values):  # a rehire: the same person, her history kept
        return user_replace(token=token, person=returning, user=user)
    if _taken(user, None, values):
        raise _conflict(user)
    try:
        with transaction.atomic():
            person = Person(**{**new_person_defaults({}), **values, "is_active": True})
            person.set_unusable_password()
            person.index_for_search()
            person.save()
            ProvisionedPerson.objects.create(
                person=person,
                user_name=user.user_name,
                external_id=user.external_id or "",
                department=_department(user),
                token=token,
                resource=as_stored(user),
            )
            _audit(token, ScimAudit.USER_CREATE, person, field_changes(_written(None), _written(person)))
            if user.active is False:
                person_deactivate(actor=Client(token), person=person)
    except IntegrityError:
        raise _conflict(user) from None
    return person


def _department(user) -> str:
    extension = user[Enterprise]
    return (extension.department or "") if extension else ""


def user_replace(*, token: ProvisioningToken, person: Person, user) -> Person:
    """The person as the client now describes her (PUT, or a PATCH applied to what was answered)."""
    values = _values(user, person)
    if _taken(user, person, values):
        raise _conflict(user)
    try:
        with transaction.atomic():
            person = Person.objects.select_for_update().get(pk=person.pk)
            before = _written(person)
            for field, value in values.items():
                setattr(person, field, value)
            person.index_for_search()
            person.save()
            changes = field_changes(before, _written(person))
            ProvisionedPerson.objects.update_or_create(
                person=person,
                defaults={
                    "user_name": user.user_name,
                    "external_id": user.external_id or "",
                    "department": _department(user),
                    "resource": as_stored(user),
                    "deleted_at": None,
                },
                create_defaults={"token": token},
            )
            if changes:  # a client sends the same user again and again: only a change is worth a row
                _audit(token, ScimAudit.USER_UPDATE, person, changes)
            # Left out, as SCIM's default: active.
            if user.active is False:
                person_deactivate(actor=Client(token), person=person)
            else:
                person_reactivate(actor=Client(token), person=person)
    except IntegrityError:
        raise _conflict(user) from None
    except DomainError as exc:
        raise ScimRefusal(400, "invalidValue", str(exc.message)) from exc
    return person


def user_delete(*, token: ProvisioningToken, person: Person) -> None:
    """Deleted by the client: a leaver (her records stay for HR), gone from SCIM's answers."""
    try:
        with transaction.atomic():
            ProvisionedPerson.objects.update_or_create(
                person=person,
                defaults={"deleted_at": timezone.now()},
                create_defaults={"user_name": person.email, "token": token},
            )
            _audit(token, ScimAudit.USER_DELETE, person)
            person_deactivate(actor=Client(token), person=person)
            _roles_follow(token, [person.pk])
    except IntegrityError:
        raise ScimRefusal(409, "uniqueness", f"Another user's userName is {person.email}.") from None


def _role_groups() -> dict[str, set[str]]:
    """{lower-case SCIM group name: the roles its members hold}."""
    roles: dict[str, set[str]] = {}
    for role, names in settings.SCIM_ROLE_GROUPS.items():
        for name in names:
            roles.setdefault(name.lower(), set()).add(role)
    return roles


def _roles_follow(token: ProvisioningToken, person_ids) -> None:
    """Each person holds the roles her SCIM groups grant, no more; roles no group maps stay as they are."""
    mapped = _role_groups()
    governed = set().union(*mapped.values()) if mapped else set()
    if not governed:
        return
    wanted: dict[int, set[str]] = {}
    for person_id, name in ProvisionedGroup.members.through.objects.filter(
        person_id__in=person_ids, person__is_active=True
    ).values_list("person_id", "provisionedgroup__display_name"):
        wanted.setdefault(person_id, set()).update(mapped.get(name.lower(), set()))
    for person in Person.objects.filter(pk__in=set(person_ids)).prefetch_related("groups"):
        held = {g.name for g in person.groups.all()}
        if (new := (held - governed) | wanted.get(person.pk, set())) != held:
            person_set_roles(actor=Client(token), person=person, groups=Group.objects.filter(name__in=new))


def _member_ids(group_resource) -> set[int]:
    values = {str(m.value) for m in group_resource.members or [] if m.value}
    ids = {pk for v in values if (pk := as_pk(v)) is not None}
    return set(
        Person.objects.filter(pk__in=ids)
        .exclude(provisioning__deleted_at__isnull=False)
        .values_list("pk", flat=True)
    )


def group_write(*, token: ProvisioningToken, group: ProvisionedGroup | None, resource) -> ProvisionedGroup:
    """Create or replace a group; its members' roles follow the group mapping."""
    name = (resource.display_name or "").strip()
    if not name:
        raise ScimRefusal(400, "invalidValue", "displayName is required.")
    try:  # names are unique regardless of case (a constraint)
        return _group_save(token, group, name, resource)
    except IntegrityError:
        raise ScimRefusal(409, "uniqueness", f"A group is already named {name}.") from None


def _group_save(
    token: ProvisioningToken, group: ProvisionedGroup | None, name: str, resource
) -> ProvisionedGroup:
    with transaction.atomic():
        created = group is None
        group = group or ProvisionedGroup()
        before = set(group.members.values_list("pk", flat=True)) if not created else set()
        old_name = group.display_name
        group.display_name, group.external_id = name, resource.external_id or ""
        group.resource = as_stored(resource)
        group.save()
        members = _member_ids(resource)
        group.members.set(members)
        changes = field_changes({"display_name": old_name or None}, {"display_name": name})
        if added := sorted(members - before):
            changes["members_added"] = added
        if removed := sorted(before - members):
            changes["members_removed"] = removed
        if created or changes:
            _audit(token, ScimAudit.GROUP_CREATE if created else ScimAudit.GROUP_UPDATE, group, changes)
        _roles_follow(token, members | before)
    return group


def group_delete(*, token: ProvisioningToken, group: ProvisionedGroup) -> None:
    with transaction.atomic():
        members = sorted(group.members.values_list("pk", flat=True))
        _audit(token, ScimAudit.GROUP_DELETE, group, {"members_removed": members} if members else None)
        group.delete()
        _roles_follow(token, members)
