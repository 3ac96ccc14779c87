"""The demo organisation's past: about two in three people work under a remote work agreement that was
asked for, approved and signed between one and six months ago.

Like the usual weeks, this is history, so it is written the way an import writes it (rows in bulk,
one audit entry) rather than replayed through the services, which would take minutes at 2,000 people.
Each agreement has what the services would have left behind: the approved request and its decisions,
the passed suitability assessment and the checklists the policy requires, the signed text with its
SHA-256 and both signatures, and its next evaluation booked. The PDF of such a version is rendered
when someone opens it, from the same frozen text. Nothing here runs when agreements already exist
beyond the few the agreements demo signs through the services.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from distans.agreements import queries as agreement_queries
from distans.agreements import text as agreement_text
from distans.agreements.audit_actions import AgreementAudit
from distans.agreements.demo import passing_answer
from distans.agreements.models import (
    Agreement,
    AgreementStatus,
    AgreementVersion,
    Party,
    Signature,
    VersionStatus,
)
from distans.agreements.services import compose
from distans.arrangements.models import Decision, DecisionKind, Request, Status, Step
from distans.checklists.models import Assignment, Response, TemplateVersion
from distans.checklists.queries import items_for, known_answers
from distans.core.audit import audit_record
from distans.core.bulk import analyze
from distans.org.demo import ABROAD, demo_logins
from distans.org.models import Person, RemoteSuitability
from distans.policy import queries as policy_queries

SHARE_WITH_AGREEMENT = 0.86  # of the people whose position allows remote work
# Days a week and how often they are agreed; 5 only for positions suited to full remote work.
DAYS = [("1", 14), ("1.5", 3), ("2", 38), ("2.5", 8), ("3", 27), ("4", 5), ("5", 5)]
FIXED_SHARE = 0.3  # agreements with fixed weekdays rather than flexible days
IMPORTED = "Distans import"  # the signatures' user agent: signed before these rows were written
CHECKS = {"SE": "workplace-se", "NO": "workplace-no", "DK": "workplace-dk"}


def _passing_answers(version: TemplateVersion, country: str) -> dict:
    """Only the questions for the person's country, as the services accept (no Danish items for a Swede)."""
    return {str(item.pk): passing_answer(item) for item in items_for(version, country)}


def _fixed_weekdays(rng: random.Random, days: Decimal, office_days: set[int]) -> list[int]:
    free = [day for day in range(5) if day not in office_days]
    count = min(int(days), len(free))
    weights = {0: 3, 4: 3}  # Mondays and Fridays are the days people most often ask for
    chosen: list[int] = []
    while len(chosen) < count:
        day = rng.choices(free, weights=[weights.get(day, 2) for day in free])[0]
        if day not in chosen:
            chosen.append(day)
    return sorted(chosen)


def _choose(rng: random.Random, person: Person, office_days: set[int]) -> dict:
    """What this person asked for and was granted."""
    suitability = person.position.remote_suitability if person.position else RemoteSuitability.ONSITE
    options = [(days, weight) for days, weight in DAYS if days != "5" or suitability == "fully"]
    if person.unit and person.unit.code.startswith("CS"):  # the phones are staffed: at most two days
        options = [(days, weight) for days, weight in options if Decimal(days) <= 2]
    days = Decimal(rng.choices([days for days, _w in options], weights=[w for _d, w in options])[0])
    if days == 5:
        return {"days_per_week": days, "flexible": False, "weekdays": [0, 1, 2, 3, 4]}
    if rng.random() < FIXED_SHARE and days == int(days):
        return {"days_per_week": days, "flexible": False, "weekdays": _fixed_weekdays(rng, days, office_days)}
    return {"days_per_week": days, "flexible": True, "weekdays": []}


def _candidates(taken: set[int]):
    return (
        Person.objects.filter(
            is_active=True, manager__isnull=False, position__remote_suitability__in=["partly", "fully"]
        )
        .exclude(pk__in=taken)
        .select_related("position", "unit", "manager")
        .order_by("pk")
    )


def history_demo(*, seed: int = 1) -> bool:
    if Signature.objects.filter(user_agent=IMPORTED).exists():
        return False
    rng = random.Random(seed * 7919)
    today = timezone.localdate()
    logins = {login.role: Person.objects.get(email=login.email) for login in demo_logins()}
    hr_approver = logins["hr_approver"]
    abroad = Person.objects.filter(first_name=ABROAD[0], last_name=ABROAD[1]).first()
    # Everyone with a request or an agreement already has their own story; Åsa and Niklas get theirs here.
    taken = set(Request.objects.values_list("person_id", flat=True)) | set(
        Agreement.objects.values_list("person_id", flat=True)
    )
    taken -= {logins["employee"].pk} | ({abroad.pk} if abroad else set())
    templates = {
        key: TemplateVersion.objects.filter(template__key=key, status="published").latest("number")
        for key in ("suitability", "it-security", "insurance", *CHECKS.values())
    }
    always = {logins["employee"].pk, abroad.pk if abroad else None}
    people = [
        person for person in _candidates(taken) if rng.random() < SHARE_WITH_AGREEMENT or person.pk in always
    ]
    answers = {
        (key, country): _passing_answers(version, country)
        for key, version in templates.items()
        for country in {person.country for person in people}
    }
    with transaction.atomic():
        chosen = {}
        for person in people:
            start = today - datetime.timedelta(days=rng.randint(30, 180))
            start -= datetime.timedelta(days=start.weekday())  # agreements start on a Monday
            office_days = set(agreement_queries.contributed_terms(person).get("office_weekdays", []))
            values = _choose(rng, person, office_days)
            if abroad and person.pk == abroad.pk:
                values = {
                    "days_per_week": Decimal(5),
                    "flexible": False,
                    "weekdays": [0, 1, 2, 3, 4],
                    "location": "abroad",
                    "abroad_country": "TH",
                    "time_zone": ABROAD[2],
                }
            if person.pk == logins["employee"].pk:
                values = {"days_per_week": Decimal(2), "flexible": True, "weekdays": []}
            chosen[person.pk] = (person, start, values)
        _checklists(chosen, templates, answers)
        analyze()  # the terms below read the checklists just written
        requests = _requests(chosen, hr_approver)
        _agreements(chosen, requests)
        audit_record(
            actor=None,
            action=AgreementAudit.DEMO_HISTORY,
            obj=None,
            changes={"agreements": [None, len(chosen)]},
        )
    return True


def _checklists(chosen: dict, templates: dict, answers: dict) -> None:
    """The suitability assessment before the request, the checks before the agreement took effect."""
    assignments, keys, completed = [], [], []
    for person, start, _values in chosen.values():
        workplace = CHECKS.get(person.country, "workplace-se")
        for key, days_before in (
            ("suitability", 35),
            ("it-security", 10),
            (workplace, 10),
            ("insurance", 10),
        ):
            done = _moment(start - datetime.timedelta(days=days_before))
            assignments.append(
                Assignment(
                    version=templates[key],
                    person=person,
                    assessor=person.manager,
                    due_date=start - datetime.timedelta(days=days_before - 7),
                    status=Assignment.Status.COMPLETED,
                    completed_at=done,
                    assigned_by=person.manager,
                )
            )
            keys.append(key)
            completed.append(done)
    assignments = Assignment.objects.bulk_create(assignments, batch_size=1000)
    items = {key: list(version.items.all()) for key, version in templates.items()}
    responses = []
    for assignment, key, done in zip(assignments, keys, completed, strict=True):
        roles = {"employee": ["employee"], "manager": ["manager"], "both": ["employee", "manager"]}[
            templates[key].respondent
        ]
        # What Distans knows (months employed) is filled in as of the day it was answered, as the services do.
        known = known_answers(assignment.person, items[key], done.date())
        answered = {
            **answers[key, assignment.person.country],
            **{item_id: answer.value for item_id, answer in known.items()},
        }
        for role in roles:
            responses.append(
                Response(
                    assignment=assignment,
                    role=role,
                    respondent=assignment.person if role == "employee" else assignment.assessor,
                    answers=answered,
                    status=Response.Status.SUBMITTED,
                    submitted_at=done,
                    outcome="pass",
                )
            )
    Response.objects.bulk_create(responses, batch_size=1000)
    for assignment, done in zip(assignments, completed, strict=True):  # assigned a week before it was done
        assignment.created_at = done - datetime.timedelta(days=7)
    Assignment.objects.bulk_update(assignments, ["created_at"], batch_size=1000)


def _moment(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _requests(chosen: dict, hr_approver: Person) -> dict[int, Request]:
    requests, decisions, submitted_at, decided_at = {}, [], {}, []
    for person, start, values in chosen.values():
        policy = policy_queries.in_force(start) or policy_queries.in_force()
        assert policy is not None, "the demo has a policy in force"
        route = [Step.MANAGER]
        if values["days_per_week"] > policy.manager_max_days or values.get("location") == "abroad":
            route.append(Step.HR_APPROVER)
        submitted = submitted_at[person.pk] = _moment(start - datetime.timedelta(days=30))
        requests[person.pk] = Request(
            person=person,
            created_by=person,
            status=Status.APPROVED,
            start_date=start,
            policy_version=policy,
            route=route,
            step=len(route),
            round=1,
            submitted_at=submitted,
            decided_at=submitted + datetime.timedelta(days=len(route) + 1),
            **values,
        )
    Request.objects.bulk_create(requests.values(), batch_size=1000)
    Request.objects.filter(pk__in=[r.pk for r in requests.values()]).update(
        created_at=Subquery(Request.objects.filter(pk=OuterRef("pk")).values("submitted_at"))
    )
    for request in requests.values():
        for step, role in enumerate(request.route):
            decisions.append(
                Decision(
                    request=request,
                    round=1,
                    step=step,
                    role=role,
                    decided_by=request.person.manager if role == Step.MANAGER else hr_approver,
                    decision=DecisionKind.APPROVE,
                    policy_version=request.policy_version,
                )
            )
            # Imported history keeps its own dates: a step a day, the last when the request was decided.
            decided_at.append(submitted_at[request.person_id] + datetime.timedelta(days=step + 2))
    Decision.objects.bulk_create(decisions, batch_size=1000)
    for decision, moment in zip(decisions, decided_at, strict=True):
        decision.decided_at = moment
    Decision.objects.bulk_update(decisions, ["decided_at"], batch_size=1000)
    return requests


def _agreements(chosen: dict, requests: dict[int, Request]) -> None:
    agreements, versions, sent = [], [], []
    for person, start, values in chosen.values():
        request = requests[person.pk]
        language = person.language or "en"
        template = agreement_queries.template_for(person.country, language)
        assert template is not None, "the built-in templates cover every country"
        policy = request.policy_version
        terms = agreement_queries.terms_from_request(request, policy)
        agreement = Agreement(
            person=person,
            request=request,
            country=person.country,
            status=AgreementStatus.ACTIVE,
            start_date=start,
            days_per_week=values["days_per_week"],
        )
        sending = _moment(start - datetime.timedelta(days=14))
        sent.append(sending)
        version = AgreementVersion(
            number=1,
            status=VersionStatus.SIGNED,
            template=template,
            language=template.language,
            terms=terms.to_dict(),
            effective_from=start,
            sent_at=sending,
            signed_at=_moment(start - datetime.timedelta(days=12), 15),
            created_by=person.manager,
        )
        version.text = compose(version)
        version.text_sha256 = agreement_text.sha256(version.text)
        agreements.append(agreement)
        versions.append(version)
    Agreement.objects.bulk_create(agreements, batch_size=1000)
    for agreement, version in zip(agreements, versions, strict=True):
        version.agreement = agreement
    AgreementVersion.objects.bulk_create(versions, batch_size=500)
    # The agreement and its text were drawn up when they were sent, not when the demo was loaded.
    for agreement, version, moment in zip(agreements, versions, sent, strict=True):
        agreement.created_at = version.created_at = moment
    Agreement.objects.bulk_update(agreements, ["created_at"], batch_size=1000)
    AgreementVersion.objects.bulk_update(versions, ["created_at"], batch_size=500)
    signatures = []
    for agreement, version in zip(agreements, versions, strict=True):
        person = agreement.person
        with translation.override(version.language):
            roles = {Party.EMPLOYEE: _("Employee"), Party.EMPLOYER: _("Line manager")}
        for party, signer in ((Party.EMPLOYEE, person), (Party.EMPLOYER, person.manager)):
            assert signer is not None, "every demo employee has a manager"
            signatures.append(
                Signature(
                    version=version,
                    party=party,
                    person=signer,
                    name=signer.full_name,
                    role=roles[party],
                    user_agent=IMPORTED,
                    text_sha256=version.text_sha256,
                )
            )
    Signature.objects.bulk_create(signatures, batch_size=1000)
    Signature.objects.filter(user_agent=IMPORTED).update(
        signed_at=Subquery(AgreementVersion.objects.filter(pk=OuterRef("version_id")).values("signed_at"))
    )
