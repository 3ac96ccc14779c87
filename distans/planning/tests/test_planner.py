"""The planner as a pure module: hard rules hold, soft goals pull, conflicts are named."""

from hypothesis import given, settings
from hypothesis import strategies as st

from distans.planning.planner.blocks import solve
from distans.planning.planner.checker import preference_tally, score, shortfalls, violations
from distans.planning.planner.decomposition import applies
from distans.planning.planner.problem import Person, Problem, Site, Unit, Weights

STABLE = Weights(preferences=0, colocation=0, fairness=0, stability=1, balance=0)


def team(count, **overrides):
    return tuple(
        Person(id=number, name=f"P{number}", unit_id=1, site_id=1, remote_days=2, **overrides)
        for number in range(count)
    )


def test_every_person_gets_exactly_the_agreed_remote_days_and_the_team_day():
    people = team(6)
    solution = solve(Problem(people, (Unit(1, "Support", office_days=(1,)),), (Site(1, "Stockholm", 40),)))
    assert solution.status == "optimal"
    for person in people:
        assert len(solution.office[person.id]) == 3 and 1 in solution.office[person.id]


def test_fixed_remote_days_and_days_away_are_kept():
    person = Person(1, "Åsa", 1, 1, remote_days=2, fixed_remote=(0, 4), unavailable=(2,))
    solution = solve(Problem((person,), (Unit(1, "Support"),), (Site(1, "Stockholm", 5),)))
    assert solution.office[1] == (1, 3)


def test_capacity_spreads_people_over_the_week():
    people = team(10)
    solution = solve(Problem(people, (Unit(1, "Support"),), (Site(1, "Small office", 6),)))
    for day in range(5):
        assert sum(day in days for days in solution.office.values()) <= 6


def test_the_planner_can_choose_the_team_day():
    people = team(4, unavailable=(0,))
    solution = solve(
        Problem(people, (Unit(1, "Support", choose_office_day=True),), (Site(1, "Stockholm", 40),))
    )
    day = solution.chosen_office_days[1]
    assert day != 0 and all(day in days for days in solution.office.values())


def test_with_only_stability_weighted_a_plan_that_fits_is_left_as_it_is():
    people = tuple(Person(n, f"P{n}", 1, 1, remote_days=2, current_office=(0, 1, 2)) for n in range(3))
    solution = solve(Problem(people, (Unit(1, "Support"),), (Site(1, "Stockholm", 40),), STABLE))
    assert all(days == (0, 1, 2) for days in solution.office.values())
    assert solution.parts["stability"] == 0 and solution.changes(Problem(people)) == {}


def test_colocation_puts_a_team_on_the_same_days():
    people = team(4)
    weights = Weights(preferences=0, colocation=5, fairness=0, stability=0, balance=0)
    solution = solve(Problem(people, (Unit(1, "Support"),), (Site(1, "Stockholm", 40),), weights))
    assert len({days for days in solution.office.values()}) == 1


def test_preferences_are_followed_when_nothing_else_matters():
    person = Person(1, "Åsa", 1, 1, remote_days=3, preferred_office=(1, 3))
    weights = Weights(preferences=5, colocation=0, fairness=0, stability=0, balance=0)
    assert solve(Problem((person,), (Unit(1, "Support"),), (Site(1, "Stockholm", 5),), weights)).office[
        1
    ] == (1, 3)


def test_conflicting_rules_are_named_instead_of_a_bare_infeasible():
    people = tuple(Person(n, f"P{n}", 1, 1, remote_days=1, fixed_remote=(0,)) for n in range(3)) + (
        Person(3, "P3", 1, 1, remote_days=1, unavailable=(0,)),
        Person(4, "P4", 1, 1, remote_days=1),
    )
    solution = solve(
        Problem(people, (Unit(1, "Team Support", coverage=((0, 4),)),), (Site(1, "Stockholm", 40),))
    )
    assert solution.status == "infeasible"
    codes = {conflict.code for conflict in solution.conflicts}
    assert "coverage" in codes and "fixed_remote" in codes
    assert not any(conflict.code == "capacity" for conflict in solution.conflicts)


def test_progress_is_reported_and_the_search_can_be_stopped():
    seen = []
    solution = solve(
        Problem(team(30), (Unit(1, "Support", choose_office_day=True),), (Site(1, "Stockholm", 40),)),
        report=lambda objective, bound: seen.append(objective),
        stop=lambda: True,
    )
    assert seen and solution.status in ("feasible", "optimal") and len(solution.office) == 30


def test_the_plan_command_prints_the_summary_for_a_demo_unit(db):
    import io

    from django.core.management import call_command

    call_command("demo", "--people", "60")  # the demo as built: its desks, agreements and leave
    out = io.StringIO()
    call_command("plan", "--unit", "CS-SE-1", "--week", "2027-W02", "--time-limit", "5", stdout=out)
    text = out.getvalue()
    assert "people, week 2027-W02: optimal" in text or "feasible" in text
    assert "objective" in text and "parts: preferences" in text


def test_the_plan_command_names_the_conflict(db):
    import io

    from django.core.management import call_command

    from distans.org.models import Unit
    from distans.planning import services

    call_command("demo", "--people", "60")
    team = Unit.objects.get(code="CS-SE-1")
    services.unit_settings_save(
        actor=team.manager, unit=team, coverage={"0": {"min_people": 50, "min_share": 0}}
    )
    out = io.StringIO()
    call_command("plan", "--unit", "CS-SE-1", "--week", "2027-W02", "--time-limit", "5", stdout=out)
    assert "These requirements cannot all be met:" in out.getvalue()
    assert "needs 50 at the office on Monday" in out.getvalue()


problems = st.builds(
    lambda people, coverage, capacity, office_day, choose: Problem(
        tuple(people),
        (
            Unit(
                1,
                "Team",
                office_days=() if choose else office_day,
                choose_office_day=choose,
                coverage=coverage,
            ),
        ),
        (Site(1, "Office", capacity),),
    ),
    st.lists(
        st.builds(
            lambda number, halves, exact, fixed, away, preferred, current, taken: Person(
                number,
                f"P{number}",
                1,
                1,
                halves / 2,
                exact,
                tuple(sorted(fixed)),
                (),
                tuple(sorted(away)),
                tuple(sorted(preferred)),
                (),
                tuple(sorted(current)),
                tuple(sorted(taken - fixed)),
            ),
            st.integers(0, 10_000),
            st.integers(0, 10),  # remote days a week in half days: 0, 0.5, … 5
            st.booleans(),
            st.sets(st.integers(0, 4), max_size=3),
            st.sets(st.integers(0, 4), max_size=2),
            st.sets(st.integers(0, 4), max_size=2),
            st.sets(st.integers(0, 4), max_size=4),
            st.sets(st.integers(0, 4), max_size=1),
        ),
        min_size=1,
        max_size=8,
        unique_by=lambda person: person.id,
    ),
    st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), max_size=2, unique_by=lambda rule: rule[0]).map(
        tuple
    ),
    st.one_of(st.none(), st.integers(1, 8)),
    st.sets(st.integers(0, 4), max_size=1).map(tuple),
    st.booleans(),
)


@settings(max_examples=40, deadline=None)
@given(problems)
def test_every_returned_plan_keeps_every_hard_rule(problem):
    solution = solve(problem, time_limit=5)
    if solution.status in ("optimal", "feasible"):
        assert violations(problem, solution) == []
    else:
        assert solution.status == "infeasible" and solution.conflicts


@st.composite
def teams_at_a_full_office(draw):
    """Two or three teams at an office often over its desks today, with wishes pulling people in; a
    team's day given, chosen by the planner, or none, sometimes a minimum at the office; half days,
    booked days and days changed to remote work; some people at no office or with no team."""
    people, units = [], []
    for unit_id in range(1, draw(st.integers(2, 3)) + 1):
        team_day = tuple(draw(st.sets(st.integers(0, 4), max_size=1)))
        choose = not team_day and draw(st.booleans())
        coverage = tuple(draw(st.lists(st.tuples(st.integers(0, 4), st.integers(1, 2)), max_size=1)))
        if draw(st.integers(0, 9)):  # one team in ten is not in the problem's units
            units.append(
                Unit(unit_id, f"Team {unit_id}", team_day, choose_office_day=choose, coverage=coverage)
            )
        for _member in range(draw(st.integers(1, 4))):
            number = len(people)
            current = draw(st.sets(st.integers(0, 4), min_size=1, max_size=4))
            people.append(
                Person(
                    number,
                    f"P{number}",
                    unit_id,
                    draw(st.sampled_from((1, 1, 1, None))),
                    draw(st.integers(4, 8)) / 2,  # two to four remote days, half days too
                    exact=False,
                    fixed_office=tuple(sorted(draw(st.sets(st.sampled_from(sorted(current)), max_size=1)))),
                    unavailable=tuple(sorted(draw(st.sets(st.integers(0, 4), max_size=1)))),
                    preferred_office=tuple(sorted(draw(st.sets(st.integers(0, 4), max_size=2)))),
                    current_office=tuple(sorted(current)),
                    taken_remote=tuple(sorted(draw(st.sets(st.integers(0, 4), max_size=1)) - current)),
                )
            )
    capacity = draw(st.integers(2, 6))
    taken = tuple(draw(st.lists(st.integers(0, 2), min_size=5, max_size=5)))
    return Problem(tuple(people), tuple(units), (Site(1, "Office", capacity, taken),))


@settings(max_examples=200, deadline=None)
@given(teams_at_a_full_office())
def test_every_plan_made_in_blocks_keeps_every_hard_rule(problem):
    """Each team planned as its own block, on an office often over its desks today: a block cannot
    see the others' plans, and the whole plan still keeps every rule."""
    solution = solve(problem, time_limit=5, whole_model_limit=0, block=1, decompose_from=10**6)
    if solution.status in ("optimal", "feasible"):
        assert violations(problem, solution) == []
    else:
        assert solution.status == "infeasible" and solution.conflicts


def test_the_independent_score_agrees_with_the_solvers_parts():
    people = tuple(
        Person(
            n,
            f"P{n}",
            1 + n % 2,
            1,
            remote_days=2,
            preferred_office=(n % 5,),
            unwanted_office=((n + 1) % 5,),
            current_office=(0, 1, 2),
        )
        for n in range(8)
    )
    problem = Problem(people, (Unit(1, "A", office_days=(1,)), Unit(2, "B")), (Site(1, "Office", 6),))
    solution = solve(problem, time_limit=5)
    assert score(problem, solution.office) == solution.parts


def test_a_large_site_planned_in_blocks_keeps_every_rule_and_the_desks_across_blocks():
    units = tuple(Unit(u, f"Team {u}", office_days=(u % 5,), coverage=((u % 5, 2),)) for u in range(1, 7))
    people = tuple(
        Person(10 * u + n, f"P{u}.{n}", u, 1, remote_days=2, preferred_office=(n % 5,), current_office=(0, 1))
        for u in range(1, 7)
        for n in range(5)
    )
    problem = Problem(people, units, (Site(1, "Office", 20, taken=(2, 0, 0, 0, 0)),))
    solution = solve(problem, time_limit=5, whole_model_limit=10, block=10)
    assert solution.status == "feasible" and solution.bound is None, "no bound is claimed for blocks"
    assert violations(problem, solution) == []
    assert solution.parts == score(problem, solution.office)


def _two_teams_sharing_monday(taken: tuple[int, ...]) -> Problem:
    """Team A (planned first) would like Monday, where none of it is today; team B is in Monday to
    Wednesday today and, off Friday and with no desks Thursday, cannot leave Monday: three desks."""
    team_a = tuple(
        Person(n, f"A{n}", 1, 1, remote_days=4, exact=False, preferred_office=(0,), current_office=(4,))
        for n in range(2)
    )
    team_b = tuple(
        Person(10 + n, f"B{n}", 2, 1, remote_days=1, unavailable=(4,), current_office=(0, 1, 2))
        for n in range(3)
    )
    return Problem(team_a + team_b, (Unit(1, "A"), Unit(2, "B")), (Site(1, "Office", 3, taken),))


def test_blocks_bring_nobody_new_to_a_day_that_stays_over_its_desks():
    # Monday is over its desks today (two free for B's three). Planned in turn, A once took both
    # free desks and B then kept its own: five people at three desks, two of them new.
    problem = _two_teams_sharing_monday(taken=(1, 0, 0, 3, 0))
    solution = solve(problem, time_limit=5, whole_model_limit=4, block=2, decompose_from=10**6)
    assert solution.status == "feasible" and solution.bound is None, "planned in blocks"
    assert violations(problem, solution) == []
    assert [solution.office[person.id] for person in problem.people[:2]] == [(4,), (4,)]


def test_blocks_that_cannot_share_the_desks_leave_the_site_to_the_whole_model():
    # Monday has room for today's three, so every block must keep it within its desks: A takes two,
    # B, which needs all three, finds one left and has no plan; the whole model plans the office.
    problem = _two_teams_sharing_monday(taken=(0, 1, 1, 3, 0))
    solution = solve(problem, time_limit=5, whole_model_limit=4, block=2, decompose_from=10**6)
    assert solution.status == "optimal"
    assert violations(problem, solution) == []
    assert sum(0 in solution.office[person.id] for person in problem.people) <= 3


def test_half_a_day_is_planned_as_a_half_day_at_the_office():
    """2.5 days: two whole remote days and one office day worked half remotely (it takes a desk)."""
    person = Person(1, "Åsa", 1, 1, remote_days=2.5)
    problem = Problem((person,), (Unit(1, "Support", office_days=(1,)),), (Site(1, "Stockholm", 5),))
    solution = solve(problem, time_limit=5)
    assert len(solution.office[1]) == 3 and 1 in solution.office[1]
    (half,) = solution.half_days[1]
    assert half in solution.office[1] and half != 1, "the half day is not the team day"
    assert violations(problem, solution) == []


def test_fixed_weekdays_with_a_half_day_meet_the_team_on_one_of_them():
    """2.5 days fixed on Monday, Wednesday and Friday (three weekdays, as the request form asks): the
    team day on Wednesday is her half day at the office. Rounded down to 2 days, no plan fit."""
    person = Person(1, "Åsa", 1, 1, remote_days=2.5, fixed_remote=(0, 2, 4))
    colleague = Person(2, "Björn", 1, 1, remote_days=2)
    problem = Problem(
        (person, colleague), (Unit(1, "Support", office_days=(2,)),), (Site(1, "Stockholm", 5),)
    )
    solution = solve(problem, time_limit=5)
    assert solution.status == "optimal" and violations(problem, solution) == []
    assert solution.office[1] == (1, 2, 3) and solution.half_days[1] == (2,)
    assert 2 not in solution.half_days


def test_a_day_changed_to_remote_work_is_never_the_half_day():
    person = Person(1, "Åsa", 1, 1, remote_days=2.5, fixed_remote=(0, 2, 4), taken_remote=(2,))
    problem = Problem((person,), (Unit(1, "Support"),), (Site(1, "Stockholm", 5),))
    solution = solve(problem, time_limit=5)
    assert 2 not in solution.office[1] and solution.half_days[1][0] in (0, 4)
    assert violations(problem, solution) == []


def test_an_unmet_half_day_rule_is_named_with_its_half():
    people = (Person(1, "Åsa", 1, 1, remote_days=2.5),)
    coverage = tuple((day, 1) for day in range(4))
    solution = solve(Problem(people, (Unit(1, "Support", coverage=coverage),), (Site(1, "S", 5),)))
    assert solution.status == "infeasible"
    assert ("days", 2.5) in next(c for c in solution.conflicts if c.code == "remote_days").params


def test_today_s_shortfalls_and_preferences_beside_the_proposal():
    people = tuple(
        Person(n, f"P{n}", 1, 1, remote_days=3, unwanted_office=(0,), current_office=(0, 1, 2))
        for n in range(4)
    )
    problem = Problem(
        people,
        (Unit(1, "Support", office_days=(3,), coverage=((4, 2),)),),
        (Site(1, "Stockholm", 4, taken=(1, 1, 1, 0, 0)),),
    )
    today = {person.id: person.current_office for person in people}
    found = {
        (conflict.code, dict(conflict.params)["weekday"])
        for conflict in shortfalls(problem, today, {1: (3,)})
    }
    assert found == {("capacity", 0), ("capacity", 1), ("capacity", 2), ("office_day", 3), ("coverage", 4)}
    solution = solve(problem, time_limit=5)
    assert solution.status == "optimal" and shortfalls(problem, solution.office, {1: (3,)}) == []
    assert (
        preference_tally(problem, today)["unwanted"]
        == 4
        > preference_tally(problem, solution.office)["unwanted"]
    )


def _teams_sharing_an_office(choose: bool) -> Problem:
    """Six teams at one office with too few desks for everyone's favourite days, coverage minimums,
    preferred and unwanted days: the teams compete for desks, so the prices matter."""
    units = tuple(
        Unit(
            u,
            f"Team {u}",
            office_days=() if choose else (u % 5,),
            choose_office_day=choose,
            coverage=((u % 3, 3),),
        )
        for u in range(1, 7)
    )
    people = tuple(
        Person(
            10 * u + n,
            f"P{u}.{n}",
            u,
            1,
            remote_days=1 + (n % 4) + 0.5 * (n == 3),
            exact=n % 2 == 0,
            preferred_office=(1, 2) if n % 3 else (0,),
            unwanted_office=(4,) if n % 4 == 1 else (),
            current_office=((u + n) % 5, (u + 2 * n) % 5),
        )
        for u in range(1, 7)
        for n in range(6)
    )
    return Problem(people, units, (Site(1, "Office", 21, taken=(1, 0, 2, 0, 0)),))


def test_the_decomposition_keeps_every_rule_and_its_bound_never_passes_the_optimum():
    """The teams planned apart (Lagrangian decomposition of the desk limits), against the whole model:
    the bound is at most the optimum, the plan keeps every rule, its parts are the checker's."""
    for choose in (False, True):
        problem = _teams_sharing_an_office(choose)
        assert applies(problem), "no office already over its desks: the decomposition plans"
        whole = solve(problem, time_limit=10)
        split = solve(problem, time_limit=10, decompose_from=1)
        assert whole.objective is not None and whole.bound is not None and split.bound is not None
        # Each bound is at most the optimum, which is at most each plan's objective (the whole model
        # proves its plan optimal here in a few seconds on a quiet machine).
        assert split.bound <= whole.objective and whole.bound <= split.objective
        assert violations(problem, split) == [] and split.parts == score(problem, split.office)


@settings(max_examples=25, deadline=None)
@given(problems)
def test_every_decomposed_plan_keeps_every_hard_rule(problem):
    solution = solve(problem, time_limit=5, decompose_from=1)
    if solution.status in ("optimal", "feasible"):
        assert violations(problem, solution) == []
    else:
        assert solution.status == "infeasible" and solution.conflicts


def test_a_large_site_is_planned_within_half_a_percent_of_a_proven_bound():
    """1,500 people in teams at one office (bench/planner.py's instance), team days given and chosen:
    planned team by team with a proven lower bound, every rule kept (issue 20: within 0.5 %)."""
    from bench.planner import instance

    for choose in (False, True):
        problem = instance(1500, seed=1500, choose=choose)
        solution = solve(problem, time_limit=20)
        assert violations(problem, solution) == [] and solution.parts == score(problem, solution.office)
        assert solution.bound is not None and solution.gap is not None and solution.gap <= 0.005
