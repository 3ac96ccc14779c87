"""Dependencies run one way: an app imports only the apps below it, never one above, not even inside a
function (ARCHITECTURE.md, "The house"). This reads every import in the apps' code and tests and fails
on one that runs up, or sideways between apps of the same level.

    python scripts/check_imports.py          # exit 1 and one line per wrong import

The project package's own modules (urls.py, api.py, settings.py) sit above every app and may import
any of them; so do the system tests under tests/, which exercise the whole product.
"""

import ast
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
# From the bottom up; apps on one line are at the same level and do not import each other.
LEVELS = [
    ["core"],
    ["org"],
    ["checklists"],
    ["policy"],
    ["arrangements"],
    ["agreements"],
    ["planning", "equipment"],
    ["followup"],
    ["reports"],
]
LEVEL = {app: number for number, apps in enumerate(LEVELS) for app in apps}


def imported_apps(path: pathlib.Path):
    """(line, module, app) for every `distans.<app>` the file imports."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules = [node.module]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        else:
            continue
        for module in modules:
            parts = module.split(".")
            if parts[0] == "distans" and len(parts) > 1 and parts[1] in LEVEL:
                yield node.lineno, module, parts[1]


def wrong_imports(root: pathlib.Path = ROOT) -> list[str]:
    problems = []
    for path in sorted((root / "distans").rglob("*.py")):
        app = path.relative_to(root / "distans").parts[0]
        if app not in LEVEL:
            continue
        for line, module, other in imported_apps(path):
            if other != app and LEVEL[other] >= LEVEL[app]:
                where = "above" if LEVEL[other] > LEVEL[app] else "beside"
                problems.append(
                    f"{path.relative_to(root)}:{line}: {app} imports {module}, which is {where} it"
                )
    return problems


def main() -> int:
    problems = wrong_imports()
    for problem in problems:
        print(problem)
    if problems:
        print(
            f"\n{len(problems)} imports run against the direction (see ARCHITECTURE.md, 'The house'). "
            "Let the lower app announce through a hook of its own instead.",
            file=sys.stderr,
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
