from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from django.db import transaction
from django.http import Http404, HttpResponse
from ninja import Field, Router, Schema

from distans.agreements import models, queries, services
from distans.agreements.forms import TermsForm
from distans.agreements.models import Agreement, AgreementVersion, Signature
from distans.agreements.pdf import render_pdf
from distans.agreements.permissions import (
    can_end_agreement,
    can_end_by_agreement,
    can_suspend_agreement,
    get_agreement_for_user,
    signing_party,
)
from distans.core.api_types import ApiDate, enum_schema
from distans.core.errors import DomainError
from distans.core.permissions import require
from distans.org.permissions import get_person_for_user

router = Router(tags=["agreements"])

AgreementStatus = Annotated[models.AgreementStatus, enum_schema(models.AgreementStatus)]
VersionStatus = Annotated[models.VersionStatus, enum_schema(models.VersionStatus)]
Party = Annotated[models.Party, enum_schema(models.Party)]

# The actions that take only a reason.
REASONED = {"suspend": services.agreement_suspend, "reinstate": services.agreement_reinstate}


class SignatureOut(Schema):
    party: Party
    name: str
    role: str
    signed_at: datetime
    text_sha256: str


class VersionOut(Schema):
    number: int
    status: VersionStatus
    language: str
    effective_from: date
    change_note: str
    text_sha256: str
    pdf_sha256: str
    signed_at: datetime | None
    terms: dict = Field(
        description='As stored: Distans\'s own words are codes ({"phrase": …}, lent {"items": …}) that the '
        "text says in the version's language; typed words are strings"
    )
    signatures: list[SignatureOut]

    @staticmethod
    def resolve_signatures(version: AgreementVersion) -> list[Signature]:
        return list(version.signatures.all())


class AgreementOut(Schema):
    id: int
    person_id: int
    country: str
    status: AgreementStatus
    days_per_week: Decimal
    start_date: date
    end_date: date | None
    ends_on: date | None
    reason: str
    versions: list[VersionOut]

    @staticmethod
    def resolve_versions(agreement: Agreement) -> list[AgreementVersion]:
        return list(agreement.versions.all())


class SignIn(Schema):
    accepted: bool = Field(..., description="I have read and accept the agreement")
    password: str = Field(..., max_length=1000, description="The signer's password, to confirm it is her")


class AmendIn(Schema):
    change_note: str = Field(..., max_length=2000)
    terms: dict = Field(default_factory=dict, description="Terms to change, as on the draft form")
    send: bool = Field(False, description="Send the amendment for signature at once")


class ReasonIn(Schema):
    reason: str = Field(..., max_length=2000)
    action: Literal["suspend", "reinstate"] = "suspend"  # the name of the service that does it


class EndIn(Schema):
    last_day: ApiDate | None = None
    reason: str = Field("", max_length=2000)
    by_agreement: bool = False


def _out(agreement: Agreement) -> Agreement:
    """The agreement as stored now, its versions and signatures loaded; `AgreementOut` reads them."""
    agreement.refresh_from_db()
    return queries.load_versions(agreement)


@router.get("/agreements", response=list[AgreementOut], url_name="agreements")
def agreement_list(request, person: int | None = None, status: AgreementStatus | None = None):
    """Agreements you may see: your own, your reports', or all for HR; at most 500."""
    person_ids = [get_person_for_user(request.auth, person).pk] if person else None
    agreements = queries.with_versions(
        queries.visible_agreements(request.auth, person_ids=person_ids, status=status).order_by("pk")[:500]
    )
    return list(agreements)


@router.get("/agreements/{agreement_id}", response=AgreementOut, url_name="agreement")
def agreement_detail(request, agreement_id: int):
    """The agreement's status, and every version with its terms and signatures."""
    return _out(get_agreement_for_user(request.auth, agreement_id))


@router.get("/agreements/{agreement_id}/pdf", url_name="agreement_pdf")
def agreement_pdf(request, agreement_id: int, version: int | None = None):
    """The PDF of the version in force (or of `version`): the signed one byte for byte."""
    agreement = get_agreement_for_user(request.auth, agreement_id)
    loaded = queries.with_versions(Agreement.objects.filter(pk=agreement.pk)).get()
    chosen = (
        next((v for v in loaded.versions.all() if v.number == version), None)
        if version
        else (queries.current_version(loaded))
    )
    if chosen is None:
        raise Http404
    chosen = type(chosen).objects.select_related("template", "agreement").get(pk=chosen.pk)
    data = bytes(chosen.pdf) if chosen.pdf else render_pdf(chosen, chosen.agreement_terms.employer)
    return HttpResponse(data, content_type="application/pdf")


@router.post("/agreements/{agreement_id}/send", response=AgreementOut, url_name="agreement_send")
def agreement_send(request, agreement_id: int):
    """Freeze the draft's text and ask both parties to sign; names any missing term (400)."""
    agreement = get_agreement_for_user(request.auth, agreement_id, for_write=True)
    services.agreement_send(actor=request.auth, agreement=agreement)
    return _out(agreement)


@router.post("/agreements/{agreement_id}/sign", response=AgreementOut, url_name="agreement_sign")
def agreement_sign(request, agreement_id: int, payload: SignIn):
    """Sign the version waiting for signatures, for your side, confirming with your password."""
    agreement = get_agreement_for_user(request.auth, agreement_id)
    require(signing_party(request.auth, agreement) is not None)
    services.agreement_sign(
        actor=request.auth,
        agreement=agreement,
        accepted=payload.accepted,
        password=payload.password,
        ip_address=request.META.get("REMOTE_ADDR"),
        user_agent=request.headers.get("User-Agent", ""),
    )
    return _out(agreement)


@router.post("/agreements/{agreement_id}/amend", response=AgreementOut, url_name="agreement_amend")
def agreement_amend(request, agreement_id: int, payload: AmendIn):
    """Start an amendment from the version in force, change its terms, and optionally send it."""
    agreement = get_agreement_for_user(request.auth, agreement_id, for_write=True)
    with transaction.atomic():  # a refused change of terms leaves no amendment behind
        _amend(request.auth, agreement, payload)
    return _out(agreement)


def _amend(actor, agreement: Agreement, payload: AmendIn) -> None:
    version = services.agreement_amend(actor=actor, agreement=agreement, change_note=payload.change_note)
    if payload.terms:
        terms = version.agreement_terms
        form = TermsForm(
            data={**TermsForm.initial_from(terms, version.language), **payload.terms},
            country=agreement.country,
            language=version.language,
            current=terms,
        )
        if not form.is_valid():
            field, errors = next(iter(form.errors.items()))
            raise DomainError("invalid_terms", f"{field}: {' '.join(map(str, errors))}", field=field)
        services.agreement_terms_update(actor=actor, agreement=agreement, values=form.terms())
    if payload.send:
        services.agreement_send(actor=actor, agreement=agreement)


@router.post("/agreements/{agreement_id}/suspend", response=AgreementOut, url_name="agreement_suspend")
def agreement_suspend(request, agreement_id: int, payload: ReasonIn):
    """Suspend (or, with action=reinstate, reinstate) the agreement, with the reason the employee sees."""
    agreement = get_agreement_for_user(request.auth, agreement_id)
    require(can_suspend_agreement(request.auth, agreement))
    REASONED[payload.action](actor=request.auth, agreement=agreement, reason=payload.reason)
    return _out(agreement)


@router.post("/agreements/{agreement_id}/end", response=AgreementOut, url_name="agreement_end")
def agreement_end(request, agreement_id: int, payload: EndIn):
    """Give notice; the agreement ends after its last day. The employment continues."""
    agreement = get_agreement_for_user(request.auth, agreement_id)
    require(can_end_agreement(request.auth, agreement))
    # Ending early by agreement is HR's or the manager's to record, as on the page.
    require(not payload.by_agreement or can_end_by_agreement(request.auth, agreement))
    services.agreement_end(
        actor=request.auth,
        agreement=agreement,
        last_day=payload.last_day,
        reason=payload.reason,
        by_agreement=payload.by_agreement,
    )
    return _out(agreement)
