from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from django.conf import settings
from ninja import Router, Schema
from ninja.pagination import paginate

from distans.core.api_types import Id, enum_schema
from distans.org import models, queries
from distans.org.models import Site
from distans.org.permissions import can_view_person_details, get_person_for_user

router = Router(tags=["organisation"])

Country = Annotated[models.Country, enum_schema(models.Country)]
CommuteMode = Annotated[models.CommuteMode, enum_schema(models.CommuteMode)]


class Ref(Schema):
    id: int
    code: str
    name: str


class PersonCard(Schema):
    """What every colleague may see: the directory card."""

    id: int
    name: str
    email: str
    phone: str
    unit: Ref | None
    site: Ref | None
    position: str | None

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.full_name

    @staticmethod
    def resolve_position(obj) -> str | None:
        return obj.position.name if obj.position else None


class PersonDetails(Schema):
    """The full record: for the person, their managers, HR and admins."""

    employee_number: str | None
    manager_id: int | None
    country: Country
    time_zone: str
    language: Literal[tuple(code for code, _name in settings.LANGUAGES)]  # type: ignore[valid-type]
    employment_start: date | None
    commute_distance_km: Decimal | None
    commute_mode: CommuteMode | Literal[""]
    is_active: bool


class PersonOut(PersonCard):
    details: PersonDetails | None

    @staticmethod
    def resolve_details(obj, context) -> models.Person | None:
        """The full record, only for those who may see it."""
        return obj if can_view_person_details(context["request"].auth, obj) else None


class UnitOut(Schema):
    id: int
    code: str
    name: str
    parent_id: int | None
    manager_id: int | None
    member_count: int


class SiteOut(Schema):
    id: int
    code: str
    name: str
    address: str
    country: Country
    time_zone: str
    desk_capacity: int


@router.get("/people", response=list[PersonCard], summary="The directory")
@paginate
def people(request, q: str = "", unit: Id | None = None, site: Id | None = None):
    return queries.directory(query=q, unit_id=unit, site_id=site)


@router.get("/people/{person_id}", response=PersonOut, summary="One person")
def person(request, person_id: int):
    return get_person_for_user(request.auth, person_id)


@router.get("/units", response=list[UnitOut], summary="Every unit")
@paginate
def units(request):
    return queries.units_with_counts()


@router.get("/sites", response=list[SiteOut], summary="Every site")
@paginate
def sites(request):
    return Site.objects.order_by("name")
