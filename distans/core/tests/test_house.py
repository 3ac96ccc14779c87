"""The house's rules, checked: the import-direction script catches an import that runs up or sideways
(even inside a function), and the demo is built in the order its steps need."""

import importlib.util
import pathlib

from distans.core.demo import demo_steps

SCRIPT = pathlib.Path(__file__).resolve().parents[3] / "scripts" / "check_imports.py"


def _checker():
    spec = importlib.util.spec_from_file_location("check_imports", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write(root: pathlib.Path, path: str, text: str) -> None:
    file = root / "distans" / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text)


def test_an_import_up_or_sideways_is_reported_and_one_down_is_not(tmp_path):
    _write(tmp_path, "org/views.py", "from distans.core import permissions\n")  # down: fine
    _write(
        tmp_path,
        "agreements/services.py",
        "def finish():\n    from distans.equipment.services import ask_back\n",
    )  # up, hidden
    _write(tmp_path, "planning/queries.py", "import distans.equipment.models\n")  # sideways
    _write(tmp_path, "urls.py", "from distans.followup import views\n")  # the project: above all
    problems = _checker().wrong_imports(tmp_path)
    assert problems == [
        "distans/agreements/services.py:2: agreements imports distans.equipment.services, which is above it",
        "distans/planning/queries.py:1: planning imports distans.equipment.models, which is beside it",
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
    ]
