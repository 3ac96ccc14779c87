from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from django.db import transaction
from django.http import Http404, HttpResponse
from ninja import Field, Router, Schema

from distans.agreements import models, queries, services
from distans.agreements.forms import TermsForm
from distans.agreements.models import Agreement
from distans.agreements.pdf import render_pdf
from distans.agreements.permissions import (
    can_end_agreement,
    can_manage_agreement,
    can_suspend_agreement,
    get_agreement_for_user,
    signing_party,
)
from distans.core.api_types import ApiDate, choices
from distans.core.errors import DomainError
from distans.core.permissions import require
from distans.org.permissions import get_person_for_user

router = Router(tags=["agreements"])

AgreementStatus, VersionStatus = choices(models.AgreementStatus), choices(models.VersionStatus)
Party = choices(models.Party)

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


def _out(agreement: Agreement) -> AgreementOut:
    agreement.refresh_from_db()
    return _out_loaded(queries.load_versions(agreement))


@router.get("/agreements", response=list[AgreementOut], url_name="agreements")
def agreement_list(request, person: int | None = None, status: AgreementStatus | None = None):
    """Agreements you may see: your own, your reports', or all for HR; at most 500."""
    person_ids = [get_person_for_user(request.auth, person).pk] if person else None
    agreements = queries.with_versions(
        queries.visible_agreements(request.auth, person_ids=person_ids, status=status).order_by("pk")[:500]
    )
    return [_out_loaded(agreement) for agreement in agreements]


def _out_loaded(agreement: Agreement) -> AgreementOut:
    return AgreementOut(
        id=agreement.pk,
        person_id=agreement.person_id,
        country=agreement.country,
        status=agreement.status,
        days_per_week=agreement.days_per_week,
        start_date=agreement.start_date,
        end_date=agreement.end_date,
        ends_on=agreement.ends_on,
        reason=agreement.reason,
        versions=[
            VersionOut(
                number=v.number,
                status=v.status,
                language=v.language,
                effective_from=v.effective_from,
                change_note=v.change_note,
                text_sha256=v.text_sha256,
                pdf_sha256=v.pdf_sha256,
                signed_at=v.signed_at,
                terms=v.terms,
                signatures=[
                    SignatureOut(
                        party=s.party,
                        name=s.name,
                        role=s.role,
                        signed_at=s.signed_at,
                        text_sha256=s.text_sha256,
                    )
                    for s in v.signatures.all()
                ],
            )
            for v in agreement.versions.all()
        ],
    )


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
    data = bytes(chosen.pdf) if chosen.pdf else render_pdf(chosen, chosen.terms.get("employer", ""))
    return HttpResponse(data, content_type="application/pdf")


@router.post("/agreements/{agreement_id}/send", response=AgreementOut, url_name="agreement_send")
def agreement_send(request, agreement_id: int):
    """Freeze the draft's text and ask both parties to sign; names any missing term (400)."""
    agreement = get_agreement_for_user(request.auth, agreement_id)
    require(can_manage_agreement(request.auth, agreement))
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
    agreement = get_agreement_for_user(request.auth, agreement_id)
    require(can_manage_agreement(request.auth, agreement))
    with transaction.atomic():  # a refused change of terms leaves no amendment behind
        _amend(request.auth, agreement, payload)
    return _out(agreement)


def _amend(actor, agreement: Agreement, payload: AmendIn) -> None:
    version = services.agreement_amend(actor=actor, agreement=agreement, change_note=payload.change_note)
    if payload.terms:
        form = TermsForm(
            data={**TermsForm.initial_from(version.terms, version.language), **payload.terms},
            country=agreement.country,
            language=version.language,
            current=version.terms,
        )
        if not form.is_valid():
            field, errors = next(iter(form.errors.items()))
            raise DomainError("invalid_terms", f"{field}: {' '.join(errors)}", field=field)
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
    services.agreement_end(
        actor=request.auth,
        agreement=agreement,
        last_day=payload.last_day,
        reason=payload.reason,
        by_agreement=payload.by_agreement,
    )
    return _out(agreement)
