"""Reads for requests: evaluation against the policy, lists for each role, the timeline."""

import re
from decimal import Decimal

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext

from distans.arrangements import hooks
from distans.arrangements.models import REQUEST_FIELDS, Request, Status, Step
from distans.arrangements.permissions import is_hr_approver
from distans.checklists.models import Assignment, Kind, Response, Role
from distans.core.audit import entry_action
from distans.core.home import day_of
from distans.core.models import AuditEntry
from distans.core.roles import Role as OrgRole
from distans.org.models import Person
from distans.policy import findings as finding_words
from distans.policy import queries as policy_queries
from distans.policy import rules
from distans.policy.models import PolicyVersion

REQUEST_RELATED = ("person__unit", "person__position", "person__manager", "policy_version")


def suitability_outcome(person: Person) -> str | None:
    """The outcome of the person's latest submitted suitability assessment, if any."""
    return (
        Response.objects.filter(
            assignment__person=person,
            assignment__version__template__kind=Kind.SUITABILITY,
            role=Role.MANAGER,
            status=Response.Status.SUBMITTED,
        )
        .order_by("-submitted_at")
        .values_list("outcome", flat=True)
        .first()
    )


def spec_of(values: dict) -> rules.RequestSpec:
    return rules.RequestSpec(
        days=Decimal(values["days_per_week"]),
        start=values["start_date"],
        end=values.get("end_date"),
        flexible=values.get("flexible", True),
        weekdays=tuple(values.get("weekdays") or ()),
        location=values.get("location", rules.HOME),
        abroad_country=values.get("abroad_country", ""),
        trial=values.get("trial", False),
    )


def person_spec(person: Person) -> rules.PersonSpec:
    return rules.PersonSpec(
        country=person.country,
        employment_start=person.employment_start,
        suitability=person.position.remote_suitability if person.position else "",
    )


def evaluate(person: Person, values: dict) -> tuple[rules.Evaluation, PolicyVersion | None]:
    """Findings and route for a request's values, by the policy in force on its start date."""
    version = policy_queries.in_force(values["start_date"])
    if version is None:
        return rules.Evaluation(route=(), findings=()), None
    spec = spec_of(values)
    context = rules.Context(
        assessment=suitability_outcome(person), shortfalls=coverage_shortfalls(person, spec)
    )
    return rules.evaluate(spec, person_spec(person), policy_queries.params_of(version), context), version


def coverage_shortfalls(person: Person, spec: rules.RequestSpec) -> tuple[rules.Shortfall, ...]:
    """Where granting the request would leave the person's unit below its coverage minimum, from the
    unit's usual week on the start date (its members' usual weeks and its coverage rules)."""
    if person.unit_id is None:
        return ()
    weeks = hooks.usual_coverage.collect(person.unit, spec.start, person=person)
    if not weeks:
        return ()
    week = weeks[0]
    if not any(week["needed"]):
        return ()
    return rules.coverage_shortfalls(spec, week["own"], week["at_office"], week["needed"])


def request_values(request: Request) -> dict:
    return {field: getattr(request, field) for field in REQUEST_FIELDS}


def described_findings(evaluation: rules.Evaluation, version: PolicyVersion | None) -> list[dict]:
    return finding_words.described(evaluation.findings, version.number if version else 0)


NUMBER = re.compile(r"\d+(\.\d+)?")


def _number(value):
    """Stored findings keep decimals as text; they become numbers again for formatting."""
    return Decimal(value) if isinstance(value, str) and NUMBER.fullmatch(value) else value


def findings_of(request: Request) -> list[dict]:
    """What the policy says about a request: as recorded at submission, else as it stands now."""
    if request.policy_version_id:
        return stored_findings(request)
    evaluation, version = evaluate(request.person, request_values(request))
    return described_findings(evaluation, version)


def stored_findings(request: Request) -> list[dict]:
    """The findings recorded at submission, in the reader's language."""
    findings = [
        rules.Finding(
            item["code"], item["severity"], {key: _number(value) for key, value in item["params"].items()}
        )
        for item in request.findings
    ]
    return finding_words.described(findings, request.policy_version.number if request.policy_version else 0)


def approvers(request: Request, step: str) -> list[Person]:
    """Who can decide a step: the line manager, or every active HR approver but the person."""
    if step == Step.MANAGER:
        manager = request.person.manager
        return [manager] if manager and manager.is_active else []
    return list(
        Person.objects.filter(groups__name=OrgRole.HR_APPROVER, is_active=True)
        .exclude(pk=request.person_id)
        .order_by("pk")
    )


def open_assessment(person: Person, assessor: Person) -> Assignment | None:
    """A suitability assessment of the person that waits for this assessor, if there is one."""
    return (
        Assignment.objects.filter(
            person=person,
            assessor=assessor,
            status=Assignment.Status.OPEN,
            version__template__kind=Kind.SUITABILITY,
        )
        .order_by("-created_at")
        .first()
    )


def my_requests(user):
    return Request.objects.filter(Q(person=user) | Q(created_by=user)).select_related(*REQUEST_RELATED)


# A request still waiting for its decision: in review, or approved with changes not yet answered. A
# person has at most one; a second is refused until it is withdrawn or decided.
UNDECIDED = (Status.IN_REVIEW, Status.CHANGES_PROPOSED)


def request_in_review(person: Person, *, besides: Request | None = None) -> Request | None:
    """The person's request waiting for a decision, other than `besides`."""
    waiting = Request.objects.filter(person=person, status__in=UNDECIDED)
    if besides is not None:
        waiting = waiting.exclude(pk=besides.pk)
    return waiting.order_by("submitted_at").first()


def in_review_refusal(actor: Person, person: Person, waiting: Request) -> str:
    """Why a second request cannot be made or sent while `waiting` is in review, in words."""
    day = formats.date_format(timezone.localdate(waiting.submitted_at or waiting.created_at), "DATE_FORMAT")
    if actor.pk == person.pk:
        return gettext(
            "You already have a request in review (from %(date)s); withdraw it first or wait for the "
            "decision."
        ) % {"date": day}
    return gettext(
        "%(person)s already has a request in review (from %(date)s); it must be withdrawn or decided "
        "before another one."
    ) % {"person": person.full_name, "date": day}


def to_decide(user):
    """Requests waiting at a step the user decides. The route always starts with the line manager;
    any later step is the HR approver's."""
    steps = Q(person__manager=user, step=0)
    if is_hr_approver(user):
        steps |= Q(step__gte=1)
    return (
        Request.objects.filter(steps, status=Status.IN_REVIEW)
        .exclude(person=user)
        .select_related(*REQUEST_RELATED)
        .order_by("submitted_at")
    )


def overview(*, status: str = "", unit_id: int | None = None, country: str = "", q: str = ""):
    requests = Request.objects.select_related(*REQUEST_RELATED).order_by("-submitted_at", "-created_at")
    if status:
        requests = requests.filter(status=status)
    if unit_id:
        requests = requests.filter(person__unit_id=unit_id)
    if country:
        requests = requests.filter(person__country=country)
    if q:
        requests = requests.filter(person__search_text__contains=q.lower())
    return requests


def timeline(request: Request) -> list[dict]:
    """What happened to the request, from the audit log, in the reader's language."""
    entries = (
        AuditEntry.objects.filter(object_type="arrangements.request", object_id=str(request.pk))
        .select_related("actor")
        .order_by("at", "id")
    )
    return [
        {
            "event": entry_action(entry),
            "actor": entry.actor,
            "at": entry.at,
            "comment": (entry.changes.get("comment") or [None, ""])[1],
        }
        for entry in entries
    ]


def age_in_days(request: Request) -> int:
    start = request.submitted_at or request.created_at
    return (timezone.now() - start).days


def attention_for(user) -> list[dict]:
    items = []
    deciding = to_decide(user).aggregate(count=Count("pk"), since=Min("submitted_at"))
    if deciding["count"]:
        items.append(
            {
                "text": ngettext(
                    "%(count)s remote work request waits for your decision.",
                    "%(count)s remote work requests wait for your decision.",
                    deciding["count"],
                )
                % {"count": deciding["count"]},
                "url": reverse("arrangements:to_decide"),
                "since": day_of(deciding["since"]),
            }
        )
    waiting_on_me = Request.objects.filter(
        person=user, status__in=[Status.AWAITING_CONFIRMATION, Status.CHANGES_PROPOSED, Status.RETURNED]
    ).aggregate(count=Count("pk"), since=Min("updated_at"))
    if waiting_on_me["count"]:
        items.append(
            {
                "text": ngettext(
                    "%(count)s of your requests needs your answer.",
                    "%(count)s of your requests need your answer.",
                    waiting_on_me["count"],
                )
                % {"count": waiting_on_me["count"]},
                "url": reverse("arrangements:mine"),
                "since": day_of(waiting_on_me["since"]),
            }
        )
    return items


def policy_action(*, user) -> dict:
    """The policy page's next step for its reader (subscribed to `policy.hooks.page_actions`)."""
    return {"text": gettext("Ask to work remotely"), "url": reverse("arrangements:new")}
