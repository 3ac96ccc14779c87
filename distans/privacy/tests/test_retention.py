"""Retention by time travel: each kind of record goes when its period has passed, not a day before;
a legal hold keeps everything about the person; the audit log gets counts, never contents."""

import datetime

import pytest
import time_machine
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from distans.agreements import services as agreement_services
from distans.agreements.demo import pass_checklist
from distans.agreements.models import Agreement, Signature
from distans.checklists.models import Assignment, ChecklistTemplate
from distans.core import services as core_services
from distans.core.audit import audit_record
from distans.core.audit_actions import CoreAudit
from distans.core.errors import DomainError
from distans.core.models import ApiToken, AuditEntry
from distans.core.schedule import daily_jobs
from distans.core.testing import bearer, post_page, session_client
from distans.followup import services as followup_services
from distans.followup.models import Deviation
from distans.planning.models import DayChange, WorkPattern
from distans.privacy import services
from distans.privacy.models import LegalHold, RetentionRule, RetentionRun

YEAR = datetime.timedelta(days=365)
DAY = datetime.timedelta(days=1)


def run_at(moment: datetime.datetime) -> dict[str, int]:
    with time_machine.travel(moment, tick=False):
        return services.retention_daily()


def later(delta: datetime.timedelta) -> datetime.datetime:
    return timezone.now() + delta


@pytest.fixture
def ended(cast, active):
    """The agreement ended by HR and both sides, today its last day."""
    agreement_services.agreement_end(
        actor=cast["hr"], agreement=active, last_day=timezone.localdate(), reason="Moving", by_agreement=True
    )
    agreement_services.agreement_apply_due(today=timezone.localdate() + DAY)
    active.refresh_from_db()
    assert active.status == "ended"
    return active


def test_an_ended_agreement_goes_after_ten_years_in_sweden(cast, ended):
    assert run_at(later(10 * YEAR - 2 * DAY))["retention.agreements"] == 0
    assert Agreement.objects.filter(pk=ended.pk).exists()
    assert run_at(later(10 * YEAR + 2 * DAY))["retention.agreements"] == 1
    assert not Agreement.objects.filter(pk=ended.pk).exists()
    assert not Signature.objects.filter(version__agreement_id=ended.pk).exists()


def test_a_norwegian_period_applies_to_a_norwegian_employee(cast, ended):
    person = ended.person
    person.country = "NO"
    person.save()
    assert run_at(later(3 * YEAR + 2 * DAY))["retention.agreements"] == 1


def test_an_agreement_in_force_is_never_deleted(cast, active):
    run_at(later(30 * YEAR))
    assert Agreement.objects.filter(pk=active.pk).exists()


def test_signature_address_and_browser_go_after_a_year_and_the_signature_stays(cast, active):
    signature = Signature.objects.filter(version__agreement=active).first()
    Signature.objects.filter(pk=signature.pk).update(ip_address="192.0.2.7", user_agent="Firefox")
    assert run_at(later(YEAR - DAY))["retention.signature_details"] == 0
    assert run_at(later(YEAR + DAY))["retention.signature_details"] >= 1
    signature.refresh_from_db()
    assert signature.ip_address is None and signature.user_agent == "" and signature.name


def test_completed_checklists_go_after_three_years(cast, active):
    mine = Assignment.objects.filter(person=cast["employee"], status="completed")
    count = mine.count()
    assert count
    assert run_at(later(3 * YEAR - DAY))["retention.checklists"] == 0
    assert run_at(later(3 * YEAR + DAY))["retention.checklists"] == count
    assert not mine.exists()


def test_a_closed_deviation_goes_after_ten_years(cast):
    employee, manager = cast["employee"], cast["manager"]
    deviation = followup_services.deviation_report(
        actor=employee,
        person=employee,
        kind="other",
        description="Fell on the stairs",
        occurred_on=timezone.localdate(),
    )
    followup_services.deviation_close(
        actor=manager, deviation=deviation, actions_taken="Railing fitted", consequence="none"
    )
    assert run_at(later(10 * YEAR - DAY))["retention.deviations"] == 0
    assert run_at(later(10 * YEAR + DAY))["retention.deviations"] == 1
    assert not Deviation.objects.exists()


def test_an_open_deviation_stays(cast):
    employee = cast["employee"]
    followup_services.deviation_report(
        actor=employee,
        person=employee,
        kind="other",
        description="Chair broke",
        occurred_on=timezone.localdate(),
    )
    run_at(later(30 * YEAR))
    assert Deviation.objects.exists()


def test_day_changes_go_after_two_years_and_five_in_denmark(cast):
    employee, dane = cast["employee"], cast["outsider"]
    dane.country = "DK"
    dane.save()
    today = timezone.localdate()
    DayChange.objects.create(person=employee, date=today, kind="remote")
    DayChange.objects.create(person=dane, date=today, kind="remote")
    assert run_at(later(2 * YEAR + 2 * DAY))["retention.day_changes"] == 1
    assert list(DayChange.objects.values_list("person", flat=True)) == [dane.pk]
    assert run_at(later(5 * YEAR + 2 * DAY))["retention.day_changes"] == 1
    assert not DayChange.objects.exists()


def test_a_replaced_usual_week_goes_and_the_one_in_force_stays(cast):
    employee = cast["employee"]
    today = timezone.localdate()
    old = WorkPattern.objects.create(person=employee, valid_from=today - YEAR)
    current = WorkPattern.objects.create(person=employee, valid_from=today)
    assert run_at(later(2 * YEAR - 2 * DAY))["retention.work_patterns"] == 0
    assert run_at(later(2 * YEAR + 2 * DAY))["retention.work_patterns"] == 1
    assert list(WorkPattern.objects.all()) == [current]
    assert old.pk != current.pk


def test_pulse_answers_go_after_two_years_and_other_checklists_keep_their_own_period(cast):
    employee, manager = cast["employee"], cast["manager"]
    pass_checklist(employee, "it-security", manager)
    assignment = Assignment.objects.get(person=employee)
    pulse_version = ChecklistTemplate.objects.get(key="pulse").versions.filter(status="published").first()
    Assignment.objects.create(
        version=pulse_version,
        person=employee,
        due_date=timezone.localdate(),
        status="completed",
        completed_at=timezone.now(),
    )
    counts = run_at(later(2 * YEAR + DAY))
    assert counts["retention.pulse"] == 1 and counts["retention.checklists"] == 0
    assert list(Assignment.objects.all()) == [assignment]


def test_the_audit_log_keeps_five_years_and_the_run_writes_counts_only(cast):
    audit_record(actor=cast["employee"], action=CoreAudit.PERSON_PREFERENCES, obj=cast["employee"])
    counts = run_at(later(5 * YEAR + DAY))
    assert counts["retention.audit"] == 1
    run = AuditEntry.objects.get(action="privacy.retention_run")
    assert run.changes["audit"] == 1 and set(run.changes) == {
        "agreements",
        "signature_details",
        "checklists",
        "deviations",
        "day_changes",
        "work_patterns",
        "pulse",
        "audit",
        "sessions_tokens",
        "leavers",
    }


def test_revoked_tokens_and_expired_sessions_go(cast):
    employee = cast["employee"]
    bearer(employee)
    token = ApiToken.objects.get(person=employee)
    core_services.token_revoke(actor=employee, token=token)
    session = SessionStore()
    session["x"] = 1
    session.set_expiry(60)
    session.save()
    assert run_at(later(90 * DAY - DAY))["retention.sessions_tokens"] == 1  # the session has expired
    assert not Session.objects.exists() and ApiToken.objects.exists()
    assert run_at(later(90 * DAY + DAY))["retention.sessions_tokens"] == 1
    assert not ApiToken.objects.exists()


def test_retention_is_a_daily_job_of_the_schedule(cast):
    assert "privacy.retention" in daily_jobs.subscribers
    counts = daily_jobs.run_one("privacy.retention")
    assert counts["retention.agreements"] == 0
    assert RetentionRun.objects.get().counts == {key[len("retention.") :]: n for key, n in counts.items()}


def test_a_legal_hold_keeps_everything_about_the_person(cast, ended):
    services.legal_hold_place(actor=cast["hr"], person=cast["employee"], reason="Claim pending")
    assert run_at(later(10 * YEAR + 2 * DAY))["retention.agreements"] == 0
    assert Agreement.objects.filter(pk=ended.pk).exists()
    hold = LegalHold.objects.get()
    services.legal_hold_lift(actor=cast["hr"], hold=hold, reason="Claim settled")
    assert run_at(later(10 * YEAR + 3 * DAY))["retention.agreements"] == 1


def test_lifting_a_hold_asks_to_confirm_with_a_reason_kept_in_its_history(cast):
    hr, asa = cast["hr"], cast["employee"]
    hold = services.legal_hold_place(actor=hr, person=asa, reason="Claim pending")
    client = session_client(hr)
    overview = client.get(reverse("privacy:overview")).content.decode()
    assert f'href="{reverse("privacy:hold_lift", args=[hold.pk])}"' in overview  # a link, not a button
    page = client.get(reverse("privacy:hold_lift", args=[hold.pk])).content.decode()
    assert "Lift the legal hold" in page and "cannot be undone" in page and "Claim pending" in page
    token = client.cookies["csrftoken"].value
    url = reverse("privacy:hold_lift", args=[hold.pk])
    refused = client.post(url, {"reason": "  ", "csrfmiddlewaretoken": token})
    assert refused.status_code == 400
    assert "This field is required." in refused.content.decode()  # beside the reason, on this page
    assert fresh_hold(hold).lifted_at is None
    lifted = client.post(url, {"reason": "Claim settled", "csrfmiddlewaretoken": token}, follow=True)
    assert "The legal hold is lifted." in lifted.content.decode()
    hold = fresh_hold(hold)
    assert hold.lifted_by == hr and hold.lift_reason == "Claim settled"
    entry = AuditEntry.objects.get(action="privacy.hold_lift")
    assert entry.changes == {"reason": "Claim settled"} and entry.object_id == str(asa.pk)
    history = client.get(url).content.decode()
    assert "Claim pending" in history and "Claim settled" in history and hr.full_name in history
    again = client.post(url, {"reason": "Twice", "csrfmiddlewaretoken": token})
    assert again.status_code == 400 and "already lifted" in again.content.decode()


def test_the_service_refuses_to_lift_a_hold_without_a_reason(cast):
    hold = services.legal_hold_place(actor=cast["hr"], person=cast["employee"], reason="Claim")
    with pytest.raises(DomainError) as refused:
        services.legal_hold_lift(actor=cast["hr"], hold=hold, reason=" ")
    assert refused.value.field == "reason"
    assert fresh_hold(hold).lifted_at is None


def fresh_hold(hold):
    return LegalHold.objects.get(pk=hold.pk)


def test_hr_shortens_a_period_on_the_page_and_it_applies(cast, ended):
    response = post_page(cast["hr"], "/privacy/hr/retention/", {**_all_periods(), "agreements:SE": "30"})
    assert response.status_code == 302
    assert RetentionRule.objects.get().days == 30
    assert AuditEntry.objects.get(action="privacy.rule_change").changes["days"] == [3650, 30]
    assert run_at(later(31 * DAY))["retention.agreements"] == 1


def test_a_period_counts_in_the_organisation_s_days_not_utc(cast, ended):
    """Half past midnight in Stockholm is still the day before in UTC: a 30-day period that ended with
    the agreement's last day is over then, as HR counts days."""
    services.retention_rules_set(actor=cast["hr"], days={("agreements", "SE"): 30})
    half_past_midnight = datetime.datetime.combine(
        ended.ends_on + 31 * DAY, datetime.time(0, 30), tzinfo=timezone.get_current_timezone()
    )
    assert half_past_midnight.astimezone(datetime.UTC).date() == ended.ends_on + 30 * DAY
    assert run_at(half_past_midnight)["retention.agreements"] == 1


def test_a_period_must_be_a_positive_number(cast):
    response = post_page(cast["hr"], "/privacy/hr/retention/", {**_all_periods(), "audit:": "0"})
    assert response.status_code == 400
    assert not RetentionRule.objects.exists()


@pytest.mark.parametrize("role", ["employee", "manager", "hr_approver"])
def test_only_hr_and_admin_change_periods(cast, role):
    client = session_client(cast[role])
    client.get("/privacy/")  # a page they may open sets the CSRF cookie
    assert client.get("/privacy/hr/retention/").status_code == 403
    data = {**_all_periods(), "audit:": "30", "csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    assert client.post("/privacy/hr/retention/", data).status_code == 403
    assert not RetentionRule.objects.exists()


def _all_periods() -> dict[str, str]:
    from distans.privacy import retention

    return {
        f"{key}:{country}": str(days)
        for key, by_country in retention.periods().items()
        for country, days in by_country.items()
    }
