"""Every write to requests: create, edit, submit, confirm, decide, accept or decline changes,
withdraw. One transaction each, the request row locked, an audit row with the policy version."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from distans.arrangements import hooks, queries, rules, tasks
from distans.arrangements.audit_actions import RequestAudit
from distans.arrangements.models import REQUEST_FIELDS, Decision, Request, Step
from distans.arrangements.permissions import can_act, can_decide
from distans.checklists.rules import PASSING
from distans.core.audit import audit_record, field_changes
from distans.core.errors import Conflict, DomainError, NotAllowed
from distans.org.models import Person

CHANGEABLE = ["days_per_week", "flexible", "weekdays", "end_date", "trial"]


def _plain(values: dict) -> dict:
    return {
        key: str(value) if value is not None and not isinstance(value, bool | list) else value
        for key, value in values.items()
    }


def _locked(request: Request) -> Request:
    # Lock only the request's row: PostgreSQL cannot lock the nullable side of the joins.
    return (
        Request.objects.select_for_update(of=("self",))
        .select_related("person__manager", "person__position")
        .get(pk=request.pk)
    )


def _record(actor, request: Request, action: str, **changes) -> None:
    audit_record(
        actor=actor,
        action=RequestAudit.of(action),
        obj=request,
        changes={
            "status": [None, request.status],
            "policy_version": [None, request.policy_version.number if request.policy_version else None],
            **changes,
        },
    )


def _locked_person(person_id: int) -> Person:
    """The person's row, locked first, so that two requests sent at once are judged one after the other."""
    return Person.objects.select_for_update().get(pk=person_id)


def _refuse_a_second(actor, person: Person, besides: Request | None = None) -> None:
    """One request in review at a time: another one is refused, naming the one that waits."""
    waiting = queries.request_in_review(person, besides=besides)
    if waiting is not None:
        raise Conflict("request_in_review", queries.in_review_refusal(actor, person, waiting))


def _check_period(start, end) -> None:
    """Refused in words here: the database's constraint would only fail the whole transaction."""
    if end is not None and end < start:
        raise DomainError("end_before_start", _("The end cannot be before the start."), field="end_date")


def request_create(*, actor, person: Person, **values) -> Request:
    with transaction.atomic():
        _refuse_a_second(actor, _locked_person(person.pk))
        request = Request(person=person, created_by=actor, **values)
        _check_period(request.start_date, request.end_date)
        request.save()
        _record(actor, request, "create", **{key: [None, value] for key, value in _plain(values).items()})
    return request


def request_update(*, actor, request: Request, **values) -> Request:
    with transaction.atomic():
        request = _locked(request)
        if request.status not in (rules.DRAFT, rules.RETURNED):
            raise Conflict("not_editable", _("Only a draft or a returned request can be changed."))
        before = _plain({field: getattr(request, field) for field in REQUEST_FIELDS})
        for key, value in values.items():
            setattr(request, key, value)
        _check_period(request.start_date, request.end_date)
        request.save()
        _record(actor, request, "update", **field_changes(before, _plain(values)))
    return request


def _transition(actor, request: Request, action: str) -> None:
    state = rules.after(rules.State(request.status, request.step), action, len(request.route))
    request.status, request.step = state.status, state.step
    if state.status in rules.FINAL:
        request.decided_at = timezone.now()


def _may_act(actor, request: Request, action: str, refusal: str) -> None:
    """409 when the request's status no longer allows the action (someone acted meanwhile), else 403
    when this person may not take it."""
    if not rules.allowed(request.status, action):
        raise Conflict(
            "not_now",
            _("This cannot be done while the request is “%(status)s”.")
            % {"status": request.get_status_display()},
        )
    if not can_act(actor, request, action):
        raise NotAllowed("not_allowed", refusal)


def request_submit(*, actor, request: Request, action: str = rules.SUBMIT) -> Request:
    """Submit (or, for a request started on one's behalf, confirm) it: judged by the policy in force
    on its start date; blocking findings stop it, naming why."""
    with transaction.atomic():
        person = _locked_person(request.person_id)
        request = _locked(request)
        _may_act(actor, request, action, _("This request cannot be submitted now."))
        _refuse_a_second(actor, person, besides=request)
        evaluation, version = queries.evaluate(request.person, queries.request_values(request))
        if version is None:
            raise DomainError("no_policy", _("No remote work policy is in force on the start date."))
        if evaluation.blocked:
            words = [
                item["message"]
                for item in queries.described_findings(evaluation, version)
                if item["severity"] == "blocking"
            ]
            raise DomainError(
                "blocked", _("The request cannot be sent: %(reasons)s") % {"reasons": " ".join(words)}
            )
        request.route = list(evaluation.route)
        missing = [step for step in request.route if not queries.approvers(request, step)]
        if missing:
            raise DomainError(
                "no_approver",
                _(
                    "Nobody can decide this request yet: %(person)s has no line manager or there is no HR "
                    "approver. Ask HR to complete the organisation."
                )
                % {"person": request.person},
            )
        request.policy_version = version
        request.findings = [
            {
                "code": finding.code,
                "severity": finding.severity,
                "params": {
                    key: str(value) if isinstance(value, Decimal) else value
                    for key, value in finding.params.items()
                },
            }
            for finding in evaluation.findings
        ]
        request.round += 1
        request.submitted_at = timezone.now()
        request.proposed_changes = {}
        _transition(actor, request, action)
        request.save()
        _record(actor, request, action, route=[None, request.route])
        tasks.notify_step(request)
    return request


def request_send_for_confirmation(*, actor, request: Request) -> Request:
    with transaction.atomic():
        request = _locked(request)
        _may_act(
            actor,
            request,
            rules.SEND_FOR_CONFIRMATION,
            _("Only the person who started the request can send it for confirmation."),
        )
        _transition(actor, request, rules.SEND_FOR_CONFIRMATION)
        request.save()
        _record(actor, request, rules.SEND_FOR_CONFIRMATION)
        tasks.request_notify.enqueue(request.pk, "confirm")
    return request


def request_decide(
    *,
    actor,
    request: Request,
    decision: str,
    comment: str = "",
    changes: dict | None = None,
    expected_step: int | None = None,
    expected_round: int | None = None,
) -> Request:
    """Decide the current step. `expected_*` are the step and round the decider saw: if someone else
    decided in the meantime, the second decision is refused instead of recorded twice."""
    comment = (comment or "").strip()
    with transaction.atomic():
        request = _locked(request)
        seen = (
            expected_round if expected_round is not None else request.round,
            expected_step if expected_step is not None else request.step,
        )
        if request.status != rules.IN_REVIEW or (request.round, request.step) != seen:
            raise Conflict(
                "already_decided",
                _("Someone else has just decided this step; the request is now: %(status)s.")
                % {"status": request.get_status_display()},
            )
        if not can_decide(actor, request):
            raise NotAllowed("not_allowed", _("You cannot decide this step of the request."))
        if decision not in rules.DECISIONS:
            raise DomainError("bad_decision", _("Choose approve, approve with changes, reject or return."))
        if decision in (rules.REJECT, rules.RETURN) and not comment:
            raise DomainError(
                "comment_required", _("Say why, so the employee knows what to do."), field="comment"
            )
        step = request.current_step
        if step is None:  # no step waits: decided a moment ago
            raise Conflict("already_decided", _("Someone else has just decided this step."))
        if (
            decision in (rules.APPROVE, rules.APPROVE_WITH_CHANGES)
            and step == Step.MANAGER
            and request.policy_version is not None
            and request.policy_version.require_suitability
            and queries.suitability_outcome(request.person) not in PASSING
        ):
            raise DomainError(
                "assessment_needed",
                _(
                    "The policy requires a passed suitability assessment before approval. Assess %(person)s "
                    "first."
                )
                % {"person": request.person},
            )
        if decision == rules.APPROVE_WITH_CHANGES:
            changes = {key: value for key, value in (changes or {}).items() if key in CHANGEABLE}
            if not changes:
                raise DomainError("changes_required", _("Say what you change, for example fewer days."))
            _check_period(request.start_date, changes.get("end_date"))
            request.proposed_changes = _plain(changes)
        try:
            with transaction.atomic():
                Decision.objects.create(
                    request=request,
                    round=request.round,
                    step=request.step,
                    role=step,
                    decided_by=actor,
                    decision=decision,
                    comment=comment,
                    changes=request.proposed_changes if changes else {},
                    policy_version=request.policy_version,
                )
        except IntegrityError as error:
            raise Conflict("already_decided", _("Someone else has just decided this step.")) from error
        _transition(actor, request, decision)
        request.save()
        _record(actor, request, decision, comment=[None, comment], step=[None, step])
        _announce_if_approved(actor, request)
        _notify_after(request, decision)
    return request


def _announce_if_approved(actor, request: Request) -> None:
    if request.status == rules.APPROVED:
        hooks.request_approved.announce(actor=actor, request=request)


def _notify_after(request: Request, action: str) -> None:
    if request.status == rules.IN_REVIEW:
        tasks.notify_step(request)
    else:
        tasks.request_notify.enqueue(request.pk, action)


def request_answer_changes(*, actor, request: Request, accept: bool) -> Request:
    action = rules.ACCEPT_CHANGES if accept else rules.DECLINE_CHANGES
    with transaction.atomic():
        request = _locked(request)
        _may_act(actor, request, action, _("Only the employee can answer the proposed changes."))
        changes = request.proposed_changes
        if accept:
            for key, value in changes.items():
                setattr(request, key, value)
            request.full_clean(exclude=["person", "created_by", "policy_version"])
        _transition(actor, request, action)
        request.save()
        _record(actor, request, action, changes=[None, changes])
        _announce_if_approved(actor, request)
        _notify_after(request, action)
    return request


def request_withdraw(*, actor, request: Request) -> Request:
    with transaction.atomic():
        request = _locked(request)
        _may_act(actor, request, rules.WITHDRAW, _("This request cannot be withdrawn now."))
        _transition(actor, request, rules.WITHDRAW)
        request.save()
        _record(actor, request, rules.WITHDRAW)
    return request
