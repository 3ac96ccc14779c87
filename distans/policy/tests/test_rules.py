"""The policy rules as pure functions, including property tests over the parameter space."""

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from distans.policy import rules
from distans.policy.rules import Context, PersonSpec, PolicyParams, RequestSpec

START = datetime.date(2027, 1, 4)
POLICY = PolicyParams(version=1)
SWEDE = PersonSpec(country="SE", suitability="partly", employment_start=datetime.date(2020, 1, 1))


ASSESSED = Context(assessment="pass")


def evaluate(days="2", person=SWEDE, policy=POLICY, context=ASSESSED, **request):
    return rules.evaluate(RequestSpec(days=Decimal(days), start=START, **request), person, policy, context)


def test_two_days_in_sweden_goes_to_the_manager_alone():
    result = evaluate("2")
    assert result.route == ("manager",)
    assert not result.blocked


def test_three_days_goes_on_to_the_hr_approver_with_an_attachment_warning():
    result = evaluate("3")
    assert result.route == ("manager", "hr_approver")
    assert {"above_manager_limit", "attachment_warning"} <= set(result.codes())


def test_on_site_position_is_blocked_or_goes_to_hr_for_an_exception():
    onsite = PersonSpec(country="SE", suitability="onsite")
    blocked = evaluate("1", person=onsite, policy=PolicyParams(version=1, onsite_exception_by_hr=False))
    assert blocked.blocked and "position_onsite" in blocked.codes()
    exception = evaluate("1", person=onsite, policy=PolicyParams(version=1, onsite_exception_by_hr=True))
    assert not exception.blocked and exception.route == ("manager", "hr_approver")


def test_abroad_is_routed_to_hr_with_the_cross_border_findings():
    result = evaluate("5", location="abroad", abroad_country="Thailand")
    assert result.route == ("manager", "hr_approver")
    assert {"abroad_review", "abroad_social_security", "abroad_framework", "abroad_tax_days"} <= set(
        result.codes()
    )


def test_denmark_never_gets_the_framework_agreement_route():
    dane = PersonSpec(country="DK", suitability="fully")
    result = evaluate("2", person=dane, location="abroad", abroad_country="Sverige")
    assert "abroad_dk_no_framework" in result.codes() and "abroad_framework" not in result.codes()


def test_a_short_stay_abroad_stays_under_the_tax_threshold():
    result = evaluate("5", location="abroad", end=START + datetime.timedelta(days=30))
    assert "abroad_tax_days" not in result.codes()


def test_norway_home_work_needs_a_written_agreement_unless_sporadic():
    norwegian = PersonSpec(country="NO", suitability="partly")
    assert "no_regulation" in evaluate("3", person=norwegian).codes()
    assert "no_sporadic" in evaluate("0.5", person=norwegian).codes()
    assert "no_regulation" not in evaluate("3", person=norwegian, location="other_private").codes()


def test_denmark_screen_work_rules_above_two_days():
    dane = PersonSpec(country="DK", suitability="partly")
    assert "dk_screen_work" in evaluate("2.5", person=dane).codes()
    assert "dk_screen_work" not in evaluate("2", person=dane).codes()


def test_suitability_gate():
    assert "suitability_pending" in evaluate(context=Context()).codes()
    assert evaluate(context=Context(assessment="fail")).blocked
    assert (
        "suitability_pending"
        not in evaluate(policy=PolicyParams(version=1, require_suitability=False), context=Context()).codes()
    )


def test_tenure_below_the_minimum_is_noted():
    newcomer = PersonSpec(country="SE", suitability="partly", employment_start=datetime.date(2026, 11, 4))
    finding = next(f for f in evaluate(person=newcomer).findings if f.code == "tenure_below_minimum")
    assert finding.params == {"months": 2, "minimum": 6}


def test_fixed_days_must_match_the_number_of_days():
    assert evaluate("2", flexible=False, weekdays=(0, 4)).codes().count("weekdays_mismatch") == 0
    assert evaluate("2.5", flexible=False, weekdays=(0, 4)).blocked
    assert evaluate("2", end=START - datetime.timedelta(days=1)).blocked


def test_coverage_shortfalls_from_planning_become_warnings():
    result = evaluate(context=Context(assessment="pass", shortfalls=(rules.Shortfall(0, 4, 2),)))
    finding = next(f for f in result.findings if f.code == "coverage_shortfall")
    assert finding.severity == "warning" and finding.params["needed"] == 4


days = st.integers(1, 10).map(lambda halves: Decimal(halves) / 2)
policies = st.builds(
    PolicyParams,
    version=st.just(1),
    manager_max_days=days,
    max_days=days,
    trial_days=days,
    attachment_warning_days=days,
    require_suitability=st.booleans(),
    min_tenure_months=st.integers(0, 24),
    onsite_exception_by_hr=st.booleans(),
    abroad_social_security_pct=st.integers(1, 100),
    abroad_framework_pct=st.integers(1, 100),
    abroad_tax_days=st.integers(1, 365),
    no_sporadic_days=days,
    dk_screen_days=days,
)
people = st.builds(
    PersonSpec,
    country=st.sampled_from(["SE", "NO", "DK", "OTHER"]),
    suitability=st.sampled_from(["", "onsite", "partly", "fully"]),
    employment_start=st.dates(datetime.date(2000, 1, 1), datetime.date(2027, 1, 1)),
)
requests = st.builds(
    RequestSpec,
    days=days,
    start=st.just(START),
    flexible=st.just(True),
    location=st.sampled_from(["home", "other_private", "abroad"]),
    trial=st.booleans(),
)
contexts = st.builds(Context, assessment=st.sampled_from([None, "pass", "pass_with_actions", "fail"]))


@given(requests, people, policies, contexts)
def test_route_starts_with_the_manager_and_adds_hr_exactly_when_the_policy_says(
    request, person, policy, context
):
    result = rules.evaluate(request, person, policy, context)
    assert result.route[0] == "manager"
    needs_hr = (
        policy.manager_max_days < request.days <= policy.max_days
        or request.location == "abroad"
        or (person.suitability == "onsite" and policy.onsite_exception_by_hr)
    )
    assert (result.route == ("manager", "hr_approver")) == needs_hr


@given(requests, people, policies, contexts)
def test_blocking_exactly_when_a_hard_rule_is_broken(request, person, policy, context):
    result = rules.evaluate(request, person, policy, context)
    hard = (
        request.days > policy.max_days
        or (person.suitability == "onsite" and not policy.onsite_exception_by_hr)
        or (policy.require_suitability and context.assessment == "fail")
    )
    assert result.blocked == hard


@given(requests, people, policies, contexts)
def test_every_finding_has_a_known_code_and_severity(request, person, policy, context):
    from distans.policy.findings import MESSAGES

    for finding in rules.evaluate(request, person, policy, context).findings:
        assert finding.code in MESSAGES and finding.severity in ("info", "warning", "blocking")
