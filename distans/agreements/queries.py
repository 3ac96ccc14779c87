"""Reads for agreements: the terms a new draft starts from, the checklists still missing before it
takes effect, the template to use, the register and the list for the Norwegian labour inspectorate."""

import dataclasses
import datetime
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from distans.agreements import hooks
from distans.agreements import text as agreement_text
from distans.agreements.models import (
    LIVE_AGREEMENT,
    Agreement,
    AgreementStatus,
    AgreementTemplate,
    AgreementVersion,
    Signature,
    VersionStatus,
)
from distans.agreements.permissions import can_view_register
from distans.agreements.terms import AgreementTerms
from distans.arrangements.models import Location, Request
from distans.arrangements.models import Status as RequestStatus
from distans.arrangements.models import Step as RequestStep
from distans.checklists.models import Assignment, Kind, Response
from distans.checklists.rules import PASSING
from distans.core.home import day_of
from distans.core.hooks import Section
from distans.core.permissions import is_hr
from distans.org.models import Person, Unit
from distans.org.permissions import own_or_reports
from distans.policy import queries as policy_queries
from distans.policy.models import PolicyVersion

TEMPLATE_COUNTRIES = ("SE", "NO", "DK")
DEFAULT_NOTICE_WEEKS = 4
DEFAULT_AVERAGING_WEEKS = 4


def template_country(country: str) -> str:
    return country if country in TEMPLATE_COUNTRIES else ""


def template_for(country: str, language: str) -> AgreementTemplate | None:
    """The newest published template for the country (blank for other countries) and language."""
    return (
        AgreementTemplate.objects.filter(
            country=template_country(country), language=language, status=AgreementTemplate.Status.PUBLISHED
        )
        .order_by("-number")
        .first()
    )


def employer_name() -> str:
    """The organisation's name: the top of the unit tree."""
    return Unit.objects.filter(parent=None).order_by("pk").values_list("name", flat=True).first() or ""


def passed_checklists(person_ids) -> dict[int, dict[str, datetime.datetime | None]]:
    """For each person, each checklist kind they have passed, with when it was completed: a checklist
    passes once every side it asks for has answered (it is completed) and no answer fails. One side's
    answers alone, such as the employee's half of a joint risk assessment, do not pass it."""
    failed = Response.objects.filter(assignment=OuterRef("pk"), status=Response.Status.SUBMITTED).exclude(
        outcome__in=PASSING
    )
    rows = (
        Assignment.objects.filter(person_id__in=person_ids, status=Assignment.Status.COMPLETED)
        .exclude(Exists(failed))
        .values_list("person_id", "version__template__kind", "completed_at")
        .order_by("completed_at")
    )
    passed: dict[int, dict[str, datetime.datetime | None]] = {}
    for person_id, kind, submitted in rows:
        passed.setdefault(person_id, {})[kind] = submitted
    return passed


def missing_checklists(person: Person, required: list[str]) -> list[str]:
    """The required checklist kinds the person has not passed, in the policy's order."""
    passed = passed_checklists([person.pk]).get(person.pk, {})
    return [kind for kind in required if kind not in passed]


def checklists_missing_for(agreement: Agreement) -> list[str]:
    """The checklists the policy in force at the start requires that the person has not passed."""
    policy = policy_queries.in_force(agreement.start_date) or policy_queries.in_force()
    return missing_checklists(agreement.person, policy.required_checklists if policy else [])


def kind_names(kinds) -> list[str]:
    names = dict(Kind.choices)
    return [str(names.get(kind, kind)) for kind in kinds]


def terms_from_request(request: Request, policy: PolicyVersion | None) -> AgreementTerms:
    """The first draft's terms: from the approved request, the person, the policy, and what the apps above
    know (her unit's hours and office days, what is lent: `contributed_terms`). Values are data and codes;
    `agreements.text` says them in the agreement's language. HR or the manager checks them before
    sending."""
    person = request.person
    workplace = passed_checklists([person.pk]).get(person.pk, {}).get(Kind.WORKPLACE)
    terms = AgreementTerms(
        employer=employer_name(),
        employee=person.full_name,
        employee_number=person.employee_number,
        position=person.position.name if person.position else "",
        unit=person.unit.name if person.unit else "",
        manager=person.manager.full_name if person.manager else "",
        employment_start=person.employment_start,
        initiator="employee" if request.created_by_id in (None, person.pk) else "employer",
        start_date=request.start_date,
        end_date=request.end_date,
        location=request.location,
        abroad_country=request.abroad_country,
        time_zone=request.time_zone,
        place="",
        days_per_week=Decimal(str(request.days_per_week)),
        flexible=request.flexible,
        weekdays=tuple(request.weekdays or ()),
        averaging_weeks=DEFAULT_AVERAGING_WEEKS,
        working_hours=agreement_text.phrase("as_at_office"),
        trial=request.trial,
        trial_weeks=policy.trial_weeks if policy else 0,
        evaluation_months=policy.evaluation_months if policy else 6,
        notice_weeks=DEFAULT_NOTICE_WEEKS,
        equipment=agreement_text.phrase("standard_equipment"),
        evening_work=False,
        workplace_check=workplace.date() if workplace else None,
        policy_version=policy.number if policy else None,
    )
    return AgreementTerms.from_dict({**terms.to_dict(), **contributed_terms(person)})


def current_version(agreement: Agreement) -> AgreementVersion | None:
    """The signed version in force, or the first one while nothing is signed yet."""
    versions = list(agreement.versions.all())
    signed = [v for v in versions if v.status == VersionStatus.SIGNED]
    return signed[0] if signed else (versions[-1] if versions else None)


def pending_version(agreement: Agreement) -> AgreementVersion | None:
    """The version being prepared or signed: the first draft, or an amendment."""
    return next(
        (
            v
            for v in agreement.versions.all()
            if v.status in (VersionStatus.DRAFT, VersionStatus.AWAITING_SIGNATURES)
        ),
        None,
    )


def _versions_prefetch() -> Prefetch:
    return Prefetch(
        "versions",
        queryset=AgreementVersion.objects.defer("pdf", "text")
        .order_by("-number")
        .prefetch_related(Prefetch("signatures", queryset=Signature.objects.order_by("signed_at"))),
    )


def with_versions(queryset):
    return queryset.prefetch_related(_versions_prefetch())


def load_versions(agreement: Agreement) -> Agreement:
    """The agreement already loaded, with its versions and signatures fetched onto it."""
    prefetch_related_objects([agreement], _versions_prefetch())
    return agreement


def live_agreement(person: Person) -> Agreement | None:
    return Agreement.objects.filter(person=person, status__in=LIVE_AGREEMENT).first()


def visible_agreements(user, *, person_ids=None, status: str | None = None):
    """Agreements the user may see: her own, her reports' at any depth, or all for HR."""
    queryset = Agreement.objects.select_related("person__unit", "person__manager")
    if not can_view_register(user):
        queryset = own_or_reports(queryset, user)
    if person_ids is not None:
        queryset = queryset.filter(person_id__in=person_ids)
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def register(
    *,
    country: str = "",
    unit_id: int | None = None,
    status: str = "",
    days: str = "",
    ending_within: int | None = None,
    today: datetime.date,
):
    """HR's register, filtered; `attach_versions` adds the versions to the rows shown."""
    queryset = Agreement.objects.select_related("person__unit", "person__manager").order_by(
        "person__last_name", "person__first_name", "-created_at"
    )
    if country:
        queryset = queryset.filter(country=country)
    if unit_id:
        queryset = queryset.filter(person__unit_id=unit_id)
    if status:
        queryset = queryset.filter(status=status)
    if days:
        queryset = queryset.filter(days_per_week=Decimal(days))
    if ending_within is not None:
        horizon = today + datetime.timedelta(days=ending_within)
        queryset = queryset.filter(status__in=LIVE_AGREEMENT).filter(
            Q(ends_on__lte=horizon) | Q(end_date__lte=horizon)
        )
    return queryset


def attach_versions(agreements) -> list[Agreement]:
    agreements = list(agreements)
    for agreement in agreements:
        agreement.version_in_force = current_version(agreement)
        agreement.pending = pending_version(agreement)
    return agreements


def inspectorate_list(today: datetime.date):
    """Norway: everyone working from their own home under a signed or pending agreement, with when it was
    signed. Below the policy's sporadic threshold the regulation usually does not apply; those rows are
    marked for review rather than left out."""
    policy = policy_queries.in_force(today)
    threshold = policy.no_sporadic_days if policy else Decimal(1)
    agreements = [
        agreement
        for agreement in attach_versions(with_versions(register(country="NO", today=today)))
        if agreement.status in LIVE_AGREEMENT
        and agreement.status != AgreementStatus.DRAFT
        and agreement.version_in_force
        and agreement.version_in_force.agreement_terms.location == Location.HOME
    ]
    for agreement in agreements:
        agreement.in_scope = agreement.days_per_week >= threshold
    return agreements


def attention_for(user) -> list[dict]:
    """My page: agreements waiting for the user's signature, and drafts for her to check and send."""
    awaiting = AgreementVersion.objects.filter(status=VersionStatus.AWAITING_SIGNATURES)
    to_sign = list(
        awaiting.filter(agreement__person=user)
        .exclude(signatures__party="employee")
        .values_list("agreement_id", "sent_at")
    ) + list(
        awaiting.filter(agreement__person__manager=user)
        .exclude(signatures__party="employer")
        .values_list("agreement_id", "sent_at")
    )
    items = [
        {
            "text": _("A remote work agreement waits for your signature."),
            "url": reverse("agreements:detail", args=[pk]),
            "since": day_of(sent_at),
        }
        for pk, sent_at in to_sign
    ]
    drafts = Agreement.objects.filter(versions__status=VersionStatus.DRAFT)
    if not is_hr(user):
        drafts = drafts.filter(person__manager=user)
    count = drafts.distinct().count()
    if count:
        items.append(
            {
                "text": ngettext(
                    "%(count)s agreement draft to check and send for signature.",
                    "%(count)s agreement drafts to check and send for signature.",
                    count,
                )
                % {"count": count},
                "url": reverse("agreements:register") + "?status=draft"
                if is_hr(user)
                else reverse("agreements:list"),
            }
        )
    return items


def contributed_terms(person: Person) -> dict:
    """What the apps above agreements say a new agreement's terms should hold about the person (her
    unit's hours and office days, what is lent to her): `hooks.draft_terms`, merged in their order."""
    known = {field.name for field in dataclasses.fields(AgreementTerms)}
    terms: dict = {}
    for contribution in hooks.draft_terms.collect(person=person):
        unknown = set(contribution) - known
        if unknown:  # a subscriber's mistake, which the terms would otherwise drop without a word
            raise ValueError(f"draft_terms: {', '.join(sorted(unknown))} are not agreement terms")
        terms.update(contribution)
    return terms


# My page: the state of one's request and agreement, the next step and who has it (issue 16).

OPEN_REQUEST = (
    RequestStatus.DRAFT,
    RequestStatus.AWAITING_CONFIRMATION,
    RequestStatus.IN_REVIEW,
    RequestStatus.CHANGES_PROPOSED,
    RequestStatus.RETURNED,
)


def request_state(user) -> dict | None:
    """The person's open request: its state, who has the next step (None: she does; "hr": an HR
    approver) and since when. None when she has no open request."""
    request = (
        Request.objects.filter(person=user, status__in=OPEN_REQUEST)
        .only("id", "status", "route", "step", "submitted_at", "created_at")
        .order_by("-created_at")
        .first()
    )
    if request is None:
        return None
    waits_for = None
    if request.status == RequestStatus.IN_REVIEW:
        waits_for = user.manager if request.current_step == RequestStep.MANAGER else "hr"
    return {
        "request": request,
        "status": request.status,
        "waits_for": waits_for,
        "since": day_of(request.submitted_at or request.created_at),
    }


def agreement_state(user) -> dict | None:
    """The person's live agreement: its status, the version being prepared or signed (an amendment
    while one is in effect) and whose step that is. None when she has none."""
    agreement = with_versions(Agreement.objects.filter(person=user, status__in=LIVE_AGREEMENT)).first()
    if agreement is None:
        return None
    pending = pending_version(agreement)
    step = ""
    if pending is not None and pending.status == VersionStatus.DRAFT:
        step = "draft"  # her manager (or HR) checks it and sends it for signature
    elif pending is not None:
        signed = {signature.party for signature in pending.signatures.all()}
        step = "employer" if "employee" in signed else "employee"
    current = current_version(agreement)
    return {
        "agreement": agreement,
        "status": agreement.status,
        "step": step,
        "amendment": pending is not None and current is not None and current.status == VersionStatus.SIGNED,
        "since": day_of(pending.sent_at) if pending is not None else None,
        "effective_from": current.effective_from if current else agreement.start_date,
    }


def remote_work_section(user) -> Section:
    """My page's card on the person's remote work: her request and agreement, the next step and who
    has it, or a way to make a request."""
    return Section(
        "agreements/my_page/remote_work.html",
        {
            "request": request_state(user),
            "agreement": agreement_state(user),
            "AgreementStatus": AgreementStatus,
            "RequestStatus": RequestStatus,
        },
        card=True,
    )
