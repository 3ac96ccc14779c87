import datetime
import json
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from distans.checklists.rules import reminder_moments
from distans.core.errors import DomainError
from distans.core.testing import post_page, run_due_tasks
from distans.followup import rules, services
from distans.followup.models import Deviation, Evaluation

MONDAY = datetime.date(2027, 3, 1)


def test_first_evaluation_is_the_end_of_the_trial_else_after_the_interval():
    assert rules.first_evaluation(MONDAY, 12, 6) == ("trial", datetime.date(2027, 5, 24))
    assert rules.first_evaluation(MONDAY, None, 6) == ("periodic", datetime.date(2027, 9, 1))
    assert rules.next_evaluation(datetime.date(2027, 8, 31), 6) == datetime.date(2028, 2, 29)


def test_working_days_skip_weekends_and_holidays():
    friday = datetime.date(2027, 3, 5)
    assert rules.add_working_days(friday, 2) == datetime.date(2027, 3, 9)
    assert rules.add_working_days(friday, 2, frozenset({datetime.date(2027, 3, 8)})) == datetime.date(
        2027, 3, 10
    )


def test_attachment_is_the_average_against_the_warning_level():
    assert rules.attachment([3, 3, 2, 4], Decimal("2.5")) == (Decimal("3.0"), True)
    assert rules.attachment([2, 3, 2, 3], Decimal("2.5")) == (Decimal("2.5"), False)


def _around(moment: datetime.datetime, hours: float):
    return time_machine.travel(moment + datetime.timedelta(hours=hours), tick=False)


def _opens(evaluation):
    """When the evaluation's checklist is due to go out: two weeks ahead, on a working day at 9."""
    return reminder_moments(evaluation.due_date, days_before=14, time_zone="Europe/Stockholm", hour=9)[0]


def _escalates(deviation):
    return reminder_moments(deviation.respond_by, days_before=0, time_zone="Europe/Stockholm", hour=9)[1]


def _at(day: datetime.date):
    return time_machine.travel(
        timezone.make_aware(datetime.datetime.combine(day, datetime.time(10))), tick=False
    )


def test_the_sweep_books_the_trial_evaluation_and_opens_its_checklist_two_weeks_ahead(cast, active):
    active.versions.filter(status="signed").update(
        terms={**active.versions.get(status="signed").terms, "trial": True, "trial_weeks": 12}
    )
    services.followup_sweep(today=active.start_date)
    evaluation = Evaluation.objects.get(agreement=active)
    assert (evaluation.kind, evaluation.due_date) == (
        "trial",
        active.start_date + datetime.timedelta(weeks=12),
    )
    with _around(_opens(evaluation), -1):
        run_due_tasks()
    evaluation.refresh_from_db()
    assert evaluation.assignment is None, "not yet"
    with _around(_opens(evaluation), 1):
        run_due_tasks()
    evaluation.refresh_from_db()
    assert evaluation.assignment.version.template.key == "follow-up"
    assert (
        evaluation.assignment.assessor == cast["manager"]
        and evaluation.assignment.due_date == evaluation.due_date
    )


@pytest.fixture
def evaluation(active):
    return services.evaluation_schedule_first(active)


def test_fewer_days_starts_an_amendment_with_the_new_days(cast, active, evaluation):
    manager = cast["manager"]
    with pytest.raises(DomainError, match="more or fewer"):
        services.evaluation_hold(
            actor=manager, evaluation=evaluation, outcome="fewer_days", note="x", days=Decimal(3)
        )
    with pytest.raises(DomainError):
        services.evaluation_hold(actor=cast["employee"], evaluation=evaluation, outcome="continue")
    services.evaluation_hold(
        actor=manager,
        evaluation=evaluation,
        outcome="fewer_days",
        days=Decimal(1),
        note="One day while the new system is introduced",
    )
    amendment = active.versions.get(number=2)
    assert amendment.status == "draft" and amendment.terms["days_per_week"] == "1"
    assert amendment.terms["weekdays"] == [0], "the first of the fixed days stays"
    assert active.versions.get(number=1).status == "signed"
    following = Evaluation.objects.get(agreement=active, status="scheduled")
    assert following.kind == "periodic" and following.due_date > timezone.localdate()


def test_ending_at_the_evaluation_gives_notice(cast, active, evaluation):
    services.evaluation_hold(actor=cast["manager"], evaluation=evaluation, outcome="end", note="Not working")
    active.refresh_from_db()
    assert (
        active.ends_on == timezone.localdate() + datetime.timedelta(weeks=4) and active.ended_by == "employer"
    )


def test_a_late_deviation_is_escalated_to_the_manager_above_and_hr(cast, active):
    person = cast["employee"]
    deviation = services.deviation_report(
        actor=person,
        person=person,
        kind="security",
        occurred_on=timezone.localdate(),
        description="Phishing link clicked",
    )
    assert deviation.handler == cast["manager"]
    run_due_tasks()
    assert any(m.to == [cast["manager"].email] and "needs your response" in m.subject for m in mail.outbox)
    mail.outbox.clear()
    with _around(_escalates(deviation), 1):
        run_due_tasks()
    deviation.refresh_from_db()
    assert deviation.escalated_at is not None
    recipients = {address for message in mail.outbox for address in message.to}
    assert {cast["skip"].email, cast["hr"].email} <= recipients


def test_an_answered_deviation_is_not_escalated(cast, active):
    person = cast["employee"]
    deviation = services.deviation_report(
        actor=person, person=person, kind="other", occurred_on=timezone.localdate(), description="x"
    )
    services.deviation_respond(actor=cast["manager"], deviation=deviation, note="Talk on Monday")
    with _around(_escalates(deviation), 1):
        run_due_tasks()
    deviation.refresh_from_db()
    assert deviation.escalated_at is None and deviation.status == "in_progress"


def test_suspension_and_reinstatement_go_through_the_agreement(cast, active):
    person, manager = cast["employee"], cast["manager"]
    first = services.deviation_report(
        actor=manager,
        person=person,
        kind="not_reachable",
        occurred_on=timezone.localdate(),
        description="Not reachable all week",
    )
    services.deviation_close(
        actor=manager,
        deviation=first,
        actions_taken="Talk held",
        consequence="suspended",
        reason="Not reachable in the agreed hours",
    )
    active.refresh_from_db()
    assert active.status == "suspended" and active.reason == "Not reachable in the agreed hours"
    second = services.deviation_report(
        actor=manager,
        person=person,
        kind="other",
        occurred_on=timezone.localdate(),
        description="Follow-up of the suspension",
    )
    services.deviation_close(
        actor=manager, deviation=second, actions_taken="Better routines agreed", consequence="reinstated"
    )
    active.refresh_from_db()
    assert active.status == "active"


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("employee", 200),
        ("manager", 200),
        ("skip", 200),
        ("hr", 200),
        ("outsider", 404),
        ("admin", 404),
        ("hr_approver", 404),
    ],
)
def test_a_deviation_is_never_shown_to_colleagues(client, cast, role, status):
    deviation = services.deviation_report(
        actor=cast["employee"],
        person=cast["employee"],
        kind="injury",
        occurred_on=timezone.localdate(),
        description="Fell over a cable",
    )
    client.force_login(cast[role])
    assert client.get(reverse("followup:deviation", args=[deviation.pk])).status_code == status


def test_a_colleague_cannot_report_about_someone_else(cast):
    with pytest.raises(DomainError):
        services.deviation_report(
            actor=cast["outsider"],
            person=cast["employee"],
            kind="other",
            occurred_on=timezone.localdate(),
            description="Gossip",
        )
    assert not Deviation.objects.exists()


def test_an_injury_shows_the_country_s_reporting_route(client, cast):
    deviation = services.deviation_report(
        actor=cast["employee"],
        person=cast["employee"],
        kind="injury",
        occurred_on=timezone.localdate(),
        description="Fell over a cable",
    )
    client.force_login(cast["employee"])
    assert (
        "anmalarbetsskada.se"
        in client.get(reverse("followup:deviation", args=[deviation.pk])).content.decode()
    )


def test_attachment_watch_lists_a_report_above_the_warning_level(client, cast):
    from distans.planning.models import WorkPattern

    # A usual week of three remote days, in place since before the 8 weeks looked at.
    WorkPattern.objects.create(
        person=cast["employee"],
        valid_from=timezone.localdate() - datetime.timedelta(weeks=10),
        mon="remote",
        tue="remote",
        wed="remote",
    )
    client.force_login(cast["manager"])
    page = client.get(reverse("followup:attachment")).content.decode()
    assert "Åsa Öberg" in page
    assert "<td>3</td><td>no agreement</td>" in page  # three days a week planned, none agreed


def test_pulse_below_five_answers_shows_nothing(client, cast):
    from distans.agreements.demo import pass_checklist

    pass_checklist(cast["employee"], "pulse", cast["manager"])
    client.force_login(cast["hr"])
    page = client.get(reverse("followup:pulse")).content.decode()
    row = page[page.index("<td>Support Sweden</td>") :]
    assert "Too few people to show" in row[: row.index("</tr>")], "not even that one person answered"


def test_the_api_lists_holds_and_handles_deviations(client, cast, active, evaluation):
    client.force_login(cast["manager"])
    rows = client.get("/api/v1/followups", {"person": cast["employee"].pk}).json()
    assert [row["id"] for row in rows] == [evaluation.pk]
    held = client.post(
        f"/api/v1/followups/{evaluation.pk}/outcome",
        json.dumps({"outcome": "continue"}),
        content_type="application/json",
    ).json()
    assert held["status"] == "held"
    created = client.post(
        "/api/v1/deviations",
        json.dumps(
            {
                "person": cast["employee"].pk,
                "kind": "security",
                "description": "Lost a badge",
                "occurred_on": timezone.localdate().isoformat(),
            }
        ),
        content_type="application/json",
    )
    assert created.status_code == 201
    closed = client.post(
        f"/api/v1/deviations/{created.json()['id']}/close",
        json.dumps({"actions_taken": "Badge blocked", "consequence": "talk"}),
        content_type="application/json",
    ).json()
    assert closed["status"] == "closed" and closed["consequence"] == "talk"
    assert [note["text"] for note in closed["handling"]] == ["Badge blocked"]
    assert closed["handling"][0]["author_id"] is not None and "T" in closed["handling"][0]["at"]


def test_the_handling_log_shows_who_did_what_when_in_the_readers_format(cast, client):
    """Each step is kept with its time as data, so a Norwegian reads 30.11.2026 14:05, not the ISO
    stamp the log used to write into its text."""
    manager = cast["manager"]
    deviation = services.deviation_report(
        actor=manager,
        person=cast["employee"],
        kind="security",
        description="Lost a badge",
        occurred_on=datetime.date(2026, 11, 30),
    )
    with time_machine.travel(datetime.datetime(2026, 11, 30, 14, 5, tzinfo=timezone.get_current_timezone())):
        services.deviation_respond(actor=manager, deviation=deviation, note="Badge blocked")
    manager.language = "nb"
    manager.save()
    client.force_login(manager)
    page = client.get(reverse("followup:deviation", args=[deviation.pk])).content.decode()
    log = page.split('<ol class="handling-log">')[1].split("</ol>")[0]
    assert ">30.11.2026 14:05</time>" in log and "2026-11-30 14:05" not in log
    assert f"{manager.full_name}</span><br>Badge blocked" in log


def test_the_pulse_goes_every_n_weeks_to_people_with_an_agreement_in_effect(cast, active):
    from distans.checklists.models import Assignment

    today = timezone.localdate()
    assert services.pulses_send_due(today=today) == 1
    assert services.pulses_send_due(today=today + datetime.timedelta(weeks=2)) == 0, (
        "not again within 6 weeks"
    )
    with _at(today + datetime.timedelta(weeks=6)):
        assert services.pulses_send_due(today=today + datetime.timedelta(weeks=6)) == 1
    pulses = Assignment.objects.filter(version__template__key="pulse")
    assert set(pulses.values_list("person", flat=True)) == {cast["employee"].pk}


def test_my_page_shows_the_deviation_to_answer_and_the_conversation_due(client, cast, active, evaluation):
    services.deviation_report(
        actor=cast["employee"],
        person=cast["employee"],
        kind="other",
        occurred_on=timezone.localdate(),
        description="x",
    )
    Evaluation.objects.filter(pk=evaluation.pk).update(
        due_date=timezone.localdate() + datetime.timedelta(days=3)
    )
    client.force_login(cast["manager"])
    page = client.get(reverse("core:my_page")).content.decode()
    assert "1 deviation waits for your response." in page
    assert "1 follow-up conversation is due within two weeks." in page


def test_without_javascript_the_person_is_named_by_e_mail_number_or_name(cast):
    """The "About" field is a text field the server resolves: HR types an e-mail, a manager a name."""
    data = {"kind": "other", "occurred_on": timezone.localdate().isoformat(), "description": "x"}
    url = reverse("followup:deviation_new")
    refused = post_page(cast["hr"], url, {**data, "person": "", "person_text": "nobody@example.com"})
    assert "No one you can choose here matches “nobody@example.com”." in refused.content.decode()
    assert not Deviation.objects.exists()
    post_page(cast["hr"], url, {**data, "person": "", "person_text": cast["employee"].email.upper()})
    assert Deviation.objects.get().person == cast["employee"]
    post_page(cast["manager"], url, {**data, "person": cast["manager"].pk, "person_text": "oberg"})
    assert Deviation.objects.latest("pk").person == cast["employee"]


def test_the_overview_lists_a_manager_s_conversations_and_open_deviations(client, cast, active, evaluation):
    services.deviation_report(
        actor=cast["employee"],
        person=cast["employee"],
        kind="security",
        occurred_on=timezone.localdate(),
        description="Phishing",
    )
    client.force_login(cast["manager"])
    page = client.get(reverse("followup:overview")).content.decode()
    assert reverse("followup:evaluation", args=[evaluation.pk]) in page
    assert "Åsa Öberg: Security incident" in page


def test_an_evaluation_is_booked_only_for_an_agreement_in_effect_and_replaces_the_booked_one(cast, active):
    """Booking on a suspended agreement is refused; booking on one in effect cancels the earlier booking,
    audited, so one evaluation is booked at a time."""
    from distans.agreements import services as agreement_services
    from distans.core.errors import Conflict
    from distans.core.models import AuditEntry

    manager, due = cast["manager"], timezone.localdate() + datetime.timedelta(days=10)
    first = services.evaluation_on_demand(actor=manager, agreement=active, due=due)
    second = services.evaluation_on_demand(actor=manager, agreement=active, due=due)
    first.refresh_from_db()
    assert first.status == Evaluation.Status.CANCELLED and second.status == Evaluation.Status.SCHEDULED
    assert AuditEntry.objects.filter(action="evaluation.cancel", object_id=str(first.pk)).exists()
    agreement_services.agreement_suspend(actor=manager, agreement=active, reason="Move of office")
    with pytest.raises(Conflict):
        services.evaluation_on_demand(actor=manager, agreement=active, due=due)
    assert active.evaluations.filter(status=Evaluation.Status.SCHEDULED).count() == 1


def test_when_the_agreement_ends_its_booked_evaluations_are_cancelled_and_audited(cast, active):
    from distans.agreements import services as agreement_services
    from distans.core.models import AuditEntry

    services.followup_sweep(today=active.start_date)
    booked = active.evaluations.get(status=Evaluation.Status.SCHEDULED)
    agreement_services.agreement_end(actor=cast["employee"], agreement=active, last_day=None, reason="Moving")
    agreement_services.agreement_apply_due(today=timezone.localdate() + datetime.timedelta(days=400))
    booked.refresh_from_db()
    assert booked.status == Evaluation.Status.CANCELLED
    assert AuditEntry.objects.get(action="evaluation.cancel", object_id=str(booked.pk)).actor is None
