"""Every write to agreements: the draft from an approved request, its terms, sending, signing,
amending, suspending, reinstating, ending, and the changes due on a date. One transaction each, the
agreement row locked, an audit row, and a notice to the people concerned."""

import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from distans.agreements import hooks, queries, rules, tasks
from distans.agreements import text as agreement_text
from distans.agreements.audit_actions import AgreementAudit
from distans.agreements.models import (
    LIVE_AGREEMENT,
    Agreement,
    AgreementTemplate,
    AgreementVersion,
    Party,
    Signature,
    VersionStatus,
)
from distans.agreements.pdf import render_pdf, sha256
from distans.agreements.permissions import (
    can_end_agreement,
    can_end_by_agreement,
    can_manage_agreement,
    can_suspend_agreement,
    signing_party,
)
from distans.agreements.terms import AgreementTerms
from distans.arrangements.models import Request, Status
from distans.core.audit import audit_record, field_changes
from distans.core.errors import Conflict, DomainError, NotAllowed, require_allowed
from distans.core.schedule import ensure_schedule
from distans.policy import queries as policy_queries

# Terms HR or the manager may change on a draft; the rest come from the person and the organisation.
EDITABLE_TERMS = (
    "initiator",
    "start_date",
    "end_date",
    "location",
    "abroad_country",
    "place",
    "days_per_week",
    "flexible",
    "weekdays",
    "averaging_weeks",
    "working_hours",
    "reachable_hours",
    "meeting_times",
    "office_weekdays",
    "trial",
    "notice_weeks",
    "equipment",
    "evening_work",
)


def _locked(agreement: Agreement) -> Agreement:
    return (
        Agreement.objects.select_for_update(of=("self",))
        .select_related("person__manager", "person__unit")
        .get(pk=agreement.pk)
    )


def _record(actor, agreement: Agreement, action: AgreementAudit, **changes) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=agreement,
        changes={"status": [None, agreement.status], **changes},
    )


def _rights_changed(actor, agreement: Agreement, since: datetime.date) -> None:
    since = max(since, timezone.localdate())
    hooks.rights_changed.announce(person=agreement.person, since=since, actor=actor)


def _check(agreement: Agreement, action: str) -> None:
    """Refuse, in words, an action the agreement's status does not allow."""
    if not rules.allowed(agreement.status, action):
        raise Conflict(
            "not_now",
            _("This cannot be done while the agreement is “%(status)s”.")
            % {"status": agreement.get_status_display()},
        )


def _move(agreement: Agreement, action: str) -> None:
    _check(agreement, action)
    agreement.status = rules.after(agreement.status, action)


def _template(country: str, language: str) -> AgreementTemplate:
    template = queries.template_for(country, language) or queries.template_for(country, "en")
    if template is None:
        raise DomainError("no_template", _("No agreement template is published for this country. Ask HR."))
    return template


def _pending(agreement: Agreement) -> AgreementVersion | None:
    return agreement.versions.filter(
        status__in=(VersionStatus.DRAFT, VersionStatus.AWAITING_SIGNATURES)
    ).first()


def agreement_draft_from_request(*, actor, request: Request) -> Agreement | None:
    """An approved request becomes a draft agreement, or an amendment of the person's live agreement."""
    if request.status != Status.APPROVED:
        return None
    person = request.person
    language = person.language or "en"
    template = _template(person.country, language)
    policy = request.policy_version or policy_queries.in_force(request.start_date)
    terms = queries.terms_from_request(request, policy)
    with translation.override(template.language):
        note = _("From the approved request starting %(date)s.") % {
            "date": formats.date_format(request.start_date, "DATE_FORMAT")
        }
    with transaction.atomic():
        agreement = queries.live_agreement(person)
        if agreement is None:
            agreement = Agreement.objects.create(
                person=person,
                request=request,
                country=person.country,
                start_date=request.start_date,
                end_date=request.end_date,
                days_per_week=request.days_per_week,
            )
            number = 1
        else:
            agreement = _locked(agreement)
            agreement.versions.filter(
                status__in=(VersionStatus.DRAFT, VersionStatus.AWAITING_SIGNATURES)
            ).update(status=VersionStatus.CANCELLED)
            number = agreement.versions.count() + 1
            if agreement.status == rules.AWAITING:
                agreement.status = rules.DRAFT
                agreement.save()
        AgreementVersion.objects.create(
            agreement=agreement,
            number=number,
            template=template,
            language=template.language,
            terms=terms.to_dict(),
            effective_from=request.start_date,
            created_by=actor,
            change_note=note if number > 1 else "",
        )
        _record(actor, agreement, AgreementAudit.DRAFT, version=[None, number], request=[None, request.pk])
    return agreement


def agreement_terms_update(
    *, actor, agreement: Agreement, values: dict, change_note: str | None = None
) -> AgreementVersion:
    """Change the terms of the draft version; only a draft can change. `values` are terms in their stored
    form (as `TermsForm.terms()` gives them); DomainError when one is not valid."""
    with transaction.atomic():
        agreement = _locked(agreement)
        require_allowed(
            can_manage_agreement(actor, agreement), _("Only HR or the manager can prepare the agreement.")
        )
        version = _pending(agreement)
        if version is None or version.status != VersionStatus.DRAFT:
            raise Conflict("not_draft", _("Only a draft can be changed. Start an amendment to change terms."))
        stored = version.terms
        before = {key: stored.get(key) for key in values}
        terms = AgreementTerms.from_dict(
            {**stored, **{key: values[key] for key in values if key in EDITABLE_TERMS}}
        )
        if terms.start_date is None:
            raise DomainError("missing_terms", _("Give the start date."), field="start_date")
        version.agreement_terms = terms
        if change_note is not None:
            version.change_note = change_note
        if version.number == 1:
            agreement.start_date = terms.start_date
            agreement.end_date = terms.end_date
            agreement.days_per_week = terms.days
            agreement.save()
        version.effective_from = terms.start_date
        version.save()
        _record(
            actor,
            agreement,
            AgreementAudit.TERMS,
            version=[None, version.number],
            **field_changes(before, values),
        )
    return version


def compose(version: AgreementVersion) -> str:
    """The full text of a version from its template and terms; stops and names what is missing."""
    terms = version.agreement_terms
    missing = rules.missing_terms(terms)
    if missing:
        names = ", ".join(str(agreement_text.TERM_LABELS[key]) for key in missing)
        raise DomainError(
            "missing_terms",
            _("The agreement cannot be generated: fill in %(fields)s.") % {"fields": names},
            field=missing[0],
        )
    policy = policy_queries.in_force(version.effective_from) or policy_queries.in_force()
    screen_days = policy.dk_screen_days if policy else Decimal(2)
    template = version.template
    return agreement_text.compose(template.title, template.sections, terms, version.language, screen_days)


def agreement_send(*, actor, agreement: Agreement) -> AgreementVersion:
    """Freeze the draft's text and ask both parties to sign it."""
    with transaction.atomic():
        agreement = _locked(agreement)
        require_allowed(
            can_manage_agreement(actor, agreement), _("Only HR or the manager can send the agreement.")
        )
        version = _pending(agreement)
        if version is None or version.status != VersionStatus.DRAFT:
            raise Conflict("not_draft", _("There is no draft to send."))
        version.text = compose(version)
        version.text_sha256 = agreement_text.sha256(version.text)
        version.status = VersionStatus.AWAITING_SIGNATURES
        version.sent_at = timezone.now()
        version.save()
        if agreement.status == rules.DRAFT:
            _move(agreement, rules.SEND)
            agreement.save()
        _record(
            actor,
            agreement,
            AgreementAudit.SEND,
            version=[None, version.number],
            text_sha256=[None, version.text_sha256],
        )
        tasks.agreement_notify.enqueue(agreement.pk, "sign")
        ensure_schedule()
    return version


def agreement_sign(
    *,
    actor,
    agreement: Agreement,
    accepted: bool,
    password: str,
    ip_address: str | None = None,
    user_agent: str = "",
) -> Signature:
    """The user signs the version waiting for signatures, for her side. The password confirms it is her."""
    if not accepted:
        raise DomainError("not_accepted", _("Tick “I have read and accept” to sign."), field="accepted")
    if not actor.check_password(password or ""):
        raise DomainError(
            "wrong_password", _("The password is not right. Type your password to sign."), field="password"
        )
    with transaction.atomic():
        agreement = _locked(agreement)
        party = signing_party(actor, agreement)
        if party is None:
            raise NotAllowed("not_allowed", _("You cannot sign this agreement."))
        version = _pending(agreement)
        if version is None or version.status != VersionStatus.AWAITING_SIGNATURES:
            raise Conflict("nothing_to_sign", _("There is nothing waiting for your signature."))
        if agreement_text.sha256(version.text) != version.text_sha256:
            raise Conflict(
                "text_changed", _("The text does not match what was sent. Ask HR to send it again.")
            )
        with translation.override(version.language):  # the role is printed in the agreement's language
            role = (
                _("Employee")
                if party == Party.EMPLOYEE
                else (_("Line manager") if agreement.person.manager_id == actor.pk else _("HR"))
            )
        try:
            with transaction.atomic():
                signature = Signature.objects.create(
                    version=version,
                    party=party,
                    person=actor,
                    name=actor.full_name,
                    role=role,
                    ip_address=ip_address,
                    user_agent=(user_agent or "")[:400],
                    text_sha256=version.text_sha256,
                )
        except IntegrityError as error:
            raise Conflict("already_signed", _("This side has already signed.")) from error
        _record(actor, agreement, AgreementAudit.SIGN, version=[None, version.number], party=[None, party])
        if version.signatures.count() == 2:
            _complete(actor, agreement, version)
        else:
            tasks.agreement_notify.enqueue(agreement.pk, "sign")
    return signature


def _complete(actor, agreement: Agreement, version: AgreementVersion) -> None:
    """Both have signed: the version is in force from its date, the earlier one is replaced."""
    agreement.versions.filter(status=VersionStatus.SIGNED).update(status=VersionStatus.SUPERSEDED)
    version.status = VersionStatus.SIGNED
    version.signed_at = timezone.now()
    terms = version.agreement_terms
    version.pdf = render_pdf(version, terms.employer)
    version.pdf_sha256 = sha256(version.pdf)
    version.save()
    agreement.end_date = terms.end_date
    agreement.days_per_week = terms.days
    if agreement.status == rules.AWAITING:
        _move(agreement, rules.SIGN_COMPLETE)
    agreement.save()
    if agreement.status == rules.ACTIVE:
        _rights_changed(actor, agreement, version.effective_from)
    _record(
        actor,
        agreement,
        AgreementAudit.SIGNED,
        version=[None, version.number],
        pdf_sha256=[None, version.pdf_sha256],
    )
    tasks.agreement_notify.enqueue(agreement.pk, "signed")
    _activate_if_due(actor, agreement, timezone.localdate())


def _activate_if_due(actor, agreement: Agreement, today: datetime.date) -> bool:
    if agreement.status != rules.SIGNED or agreement.start_date > today:
        return False
    if queries.checklists_missing_for(agreement):
        return False
    _move(agreement, rules.ACTIVATE)
    agreement.save()
    _record(actor, agreement, AgreementAudit.ACTIVATE)
    _rights_changed(actor, agreement, agreement.start_date)
    tasks.agreement_notify.enqueue(agreement.pk, "active")
    return True


def agreement_amend(*, actor, agreement: Agreement, change_note: str) -> AgreementVersion:
    """Start a new version from the one in force; both sign it again."""
    if not (change_note or "").strip():
        raise DomainError("note_required", _("Say what changes and why."), field="change_note")
    with transaction.atomic():
        agreement = _locked(agreement)
        require_allowed(
            can_manage_agreement(actor, agreement), _("Only HR or the manager can amend the agreement.")
        )
        _check(agreement, rules.AMEND)
        if _pending(agreement) is not None:
            raise Conflict("amendment_open", _("An amendment is already being prepared or signed."))
        current = agreement.versions.get(status=VersionStatus.SIGNED)
        template = _template(agreement.country, current.language)
        effective = max(timezone.localdate(), agreement.start_date)
        terms = current.agreement_terms
        terms = terms.replace(
            start_date=effective,
            equipment=queries.contributed_terms(agreement.person).get("equipment") or terms.equipment,
        )
        version = AgreementVersion.objects.create(
            agreement=agreement,
            number=agreement.versions.count() + 1,
            template=template,
            language=template.language,
            terms=terms.to_dict(),
            change_note=change_note.strip(),
            effective_from=effective,
            created_by=actor,
        )
        _record(
            actor, agreement, AgreementAudit.AMEND, version=[None, version.number], note=[None, change_note]
        )
    return version


def agreement_suspend(*, actor, agreement: Agreement, reason: str) -> Agreement:
    return _with_reason(
        actor,
        agreement,
        rules.SUSPEND,
        AgreementAudit.SUSPEND,
        reason,
        can_suspend_agreement,
        _("Only the line manager or HR can suspend the agreement."),
    )


def agreement_reinstate(*, actor, agreement: Agreement, reason: str) -> Agreement:
    return _with_reason(
        actor,
        agreement,
        rules.REINSTATE,
        AgreementAudit.REINSTATE,
        reason,
        can_suspend_agreement,
        _("Only the line manager or HR can reinstate the agreement."),
    )


def _with_reason(actor, agreement, action, audit, reason, may, refusal) -> Agreement:
    if not (reason or "").strip():
        raise DomainError("reason_required", _("Give the reason; the employee will see it."), field="reason")
    with transaction.atomic():
        agreement = _locked(agreement)
        require_allowed(may(actor, agreement), refusal)
        _move(agreement, action)
        agreement.reason = reason.strip()
        agreement.save()
        _record(actor, agreement, audit, reason=[None, agreement.reason])
        _rights_changed(actor, agreement, timezone.localdate())
        tasks.agreement_notify.enqueue(agreement.pk, action)
    return agreement


def agreement_end(
    *, actor, agreement: Agreement, last_day: datetime.date | None, reason: str, by_agreement: bool = False
) -> Agreement:
    """Give notice: the agreement ends after its last day. A signed one keeps its notice, unless both
    sides agree on an earlier day (HR records that); an unsigned one is withdrawn at once."""
    today = timezone.localdate()
    with transaction.atomic():
        agreement = _locked(agreement)
        require_allowed(can_end_agreement(actor, agreement), _("You cannot end this agreement."))
        if agreement.status == rules.DRAFT:
            raise Conflict(
                "not_in_force",
                _(
                    "This agreement is a draft and not in force, so there is nothing to end. Change the "
                    "draft's terms, or leave it unsent: it takes effect only when both parties have signed."
                ),
            )
        _check(agreement, rules.END)
        party = Party.EMPLOYEE if actor.pk == agreement.person_id else Party.EMPLOYER
        if agreement.status == rules.AWAITING:
            agreement.versions.filter(
                status__in=(VersionStatus.DRAFT, VersionStatus.AWAITING_SIGNATURES)
            ).update(status=VersionStatus.CANCELLED)
            last_day = today - datetime.timedelta(days=1)
        elif by_agreement:
            require_allowed(
                can_end_by_agreement(actor, agreement),
                _("Only HR or the manager can record an earlier last day agreed by both sides."),
            )
            if last_day is None or last_day < today - datetime.timedelta(days=1):
                raise DomainError("bad_date", _("Choose a last day from today on."), field="last_day")
        else:
            in_force = queries.current_version(agreement)
            notice = (in_force.agreement_terms.notice_weeks if in_force else None) or 0
            earliest = rules.notice_end(today, notice)
            if last_day is not None and last_day < earliest:
                raise DomainError(
                    "notice",
                    _("The notice is %(weeks)s weeks: the last day can be %(date)s at the earliest.")
                    % {"weeks": notice, "date": earliest.isoformat()},
                    field="last_day",
                )
            last_day = last_day or earliest
        agreement.ends_on = last_day
        agreement.ended_by = party
        agreement.reason = (reason or "").strip()
        signed_before = agreement.status not in (rules.DRAFT, rules.AWAITING)
        if last_day < today:
            _move(agreement, rules.END)
        agreement.save()
        if agreement.status == rules.ENDED and signed_before:
            _finished(agreement, today)
        _record(actor, agreement, AgreementAudit.END, ends_on=[None, last_day.isoformat()], by=[None, party])
        if signed_before:
            _rights_changed(actor, agreement, last_day + datetime.timedelta(days=1))
        tasks.agreement_notify.enqueue(agreement.pk, "ended" if agreement.status == rules.ENDED else "ending")
    return agreement


def _finished(agreement: Agreement, today: datetime.date) -> None:
    """After the last day: the apps above react (what was lent is due back, no more evaluations)."""
    hooks.agreement_finished.announce(agreement=agreement, today=today)


def agreement_apply_due(*, today: datetime.date | None = None) -> dict[str, int]:
    """What the dates call for: activate signed agreements whose start has come (checklists passed), end
    those whose notice has run or whose employee has left, expire those past their end date."""
    today = today or timezone.localdate()
    counts = {"activated": 0, "ended": 0, "expired": 0}
    due = Agreement.objects.filter(status__in=LIVE_AGREEMENT).filter(
        Q(status=rules.SIGNED, start_date__lte=today)
        | Q(ends_on__lt=today)
        | Q(status__in=(rules.SIGNED, rules.ACTIVE, rules.SUSPENDED), end_date__lt=today)
        | Q(person__is_active=False)
    )
    for agreement_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            agreement = (
                Agreement.objects.select_for_update(of=("self",))
                .select_related("person")
                .get(pk=agreement_id)
            )
            if not agreement.person.is_active or (agreement.ends_on and agreement.ends_on < today):
                if not agreement.person.is_active and not agreement.ends_on:
                    agreement.reason = _("The employment has ended.")
                    agreement.ends_on = today
                agreement.status = rules.ENDED
                agreement.save()
                _record(None, agreement, AgreementAudit.END)
                tasks.agreement_notify.enqueue(agreement.pk, "ended")
                _finished(agreement, today)
                counts["ended"] += 1
            elif (
                agreement.end_date
                and agreement.end_date < today
                and rules.allowed(agreement.status, rules.EXPIRE)
            ):
                _move(agreement, rules.EXPIRE)
                agreement.save()
                _record(None, agreement, AgreementAudit.EXPIRE)
                tasks.agreement_notify.enqueue(agreement.pk, "expired")
                _finished(agreement, today)
                counts["expired"] += 1
            elif _activate_if_due(None, agreement, today):
                counts["activated"] += 1
    return counts
