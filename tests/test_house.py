"""The house's rules, checked: the import-direction script catches an import that runs up or sideways
(even inside a function), and the demo is built in the order its steps need."""

import importlib.util
import pathlib

from distans.core.demo import demo_steps
from distans.core.schedule import hourly_jobs

SCRIPT = pathlib.Path(__file__).resolve().parents[1] / "scripts" / "check_imports.py"


def _checker():
    spec = importlib.util.spec_from_file_location("check_imports", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write(root: pathlib.Path, path: str, text: str) -> None:
    file = root / "distans" / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text)


def test_an_import_or_url_name_up_or_sideways_is_reported_and_one_down_is_not(tmp_path):
    _write(tmp_path, "org/views.py", "from distans.core import permissions\n")  # down: fine
    _write(
        tmp_path,
        "agreements/services.py",
        "def finish():\n    from distans.equipment.services import ask_back\n",
    )  # up, hidden
    _write(tmp_path, "planning/queries.py", "import distans.equipment.models\n")  # sideways
    _write(tmp_path, "policy/views.py", "from distans import followup\n")  # up, by package
    _write(tmp_path, "org/forms.py", "from ..checklists import models\n")  # up, relative
    _write(
        tmp_path,
        "equipment/templates/equipment/loan.html",
        "<a href=\"{% url 'followup:deviation_new' %}\">Report</a>\n",
    )  # up, by URL name
    _write(tmp_path, "newapp/apps.py", "")  # an app the house does not place
    _write(tmp_path, "urls.py", "from distans.followup import views\n")  # the project: above all
    assert _checker().wrong_imports(tmp_path) == [
        "distans/agreements/services.py:2: agreements names distans.equipment.services, which is above it",
        "distans/equipment/templates/equipment/loan.html:1: equipment names followup:deviation_new, "
        "which is above it",
        "distans/newapp: an app with no level; add it to LEVELS in scripts/check_imports.py",
        "distans/org/forms.py:1: org names distans.checklists, which is above it",
        "distans/planning/queries.py:1: planning names distans.equipment.models, which is beside it",
        "distans/policy/views.py:1: policy names distans.followup, which is above it",
    ]


def test_the_demo_steps_run_in_the_order_each_needs():
    assert [step.key for step in demo_steps.in_order()] == [
        "planning.team_settings",
        "checklists",
        "arrangements",
        "agreements",
        "followup",
        "agreements.history",
        "followup.evaluations",
        "planning.plans",
        "privacy",
    ]


def test_the_apps_register_their_hourly_jobs_in_the_order_of_the_house():
    """Agreements start and end before follow-up books evaluations for those in effect."""
    assert hourly_jobs.subscribers == ["agreements.apply_due", "followup.sweep"]


def test_the_tree_keeps_the_direction():
    """The same check `make check` runs, so `make test` alone also catches an import that runs up."""
    assert _checker().wrong_imports() == []
