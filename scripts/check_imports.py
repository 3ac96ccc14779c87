"""Dependencies run one way: an app imports only the apps below it, never one above, not even inside a
function (ARCHITECTURE.md, "The house"). This reads every import in the apps' code and tests (absolute
and relative) and every URL name ("followup:deviation_new") in their code, templates and e-mails, and
fails on one that runs up, or sideways between apps of the same level, and on an app with no level.

    python scripts/check_imports.py          # exit 1 and one line per wrong import

The project package's own modules (urls.py, api.py, settings.py) sit above every app and may import
any of them; so do the system tests under tests/, which exercise the whole product.
"""

import ast
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
# From the bottom up; apps on one line are at the same level and do not import each other.
LEVELS = [
    ["core"],
    ["org"],
    ["identity", "scim"],
    ["checklists"],
    ["policy"],
    ["arrangements"],
    ["agreements"],
    ["planning", "equipment"],
    ["followup"],
    ["reports", "privacy"],
]
LEVEL = {app: number for number, apps in enumerate(LEVELS) for app in apps}


# A URL name such as "followup:deviation_new" in code or a template names the app that owns it.
URL_NAME = re.compile(r"""["'](?P<app>[a-z]+):[a-z_]+["']""")


def _module_of(path: pathlib.Path, root: pathlib.Path) -> list[str]:
    return list(path.relative_to(root).with_suffix("").parts)


def imported_apps(path: pathlib.Path, root: pathlib.Path = ROOT):
    """(line, what, app) for every `distans.<app>` the file imports, absolutely or relatively, and every
    URL name of an app it names."""
    text = path.read_text()
    package = _module_of(path, root)[:-1]
    tree = (
        ast.parse(text, filename=str(path)) if path.suffix == ".py" else ast.Module(body=[], type_ignores=[])
    )
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module.split(".") if node.module else []
            if node.level:  # from . import x / from ..agreements import y
                base = package[: len(package) - node.level + 1] + base
            modules = [".".join(base)]
            if base == ["distans"]:  # from distans import followup
                modules = [f"distans.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        else:
            continue
        for module in modules:
            parts = module.split(".")
            if parts[0] == "distans" and len(parts) > 1 and parts[1] in LEVEL:
                yield node.lineno, module, parts[1]
    for number, line in enumerate(text.splitlines(), start=1):
        for match in URL_NAME.finditer(line):
            if match["app"] in LEVEL:
                yield number, match.group(0).strip("\"'"), match["app"]


def _files(app_dir: pathlib.Path):
    yield from sorted(app_dir.rglob("*.py"))
    yield from sorted(app_dir.rglob("*.html"))
    yield from sorted(app_dir.rglob("*.txt"))


def wrong_imports(root: pathlib.Path = ROOT) -> list[str]:
    problems = []
    for app_dir in sorted(path for path in (root / "distans").iterdir() if path.is_dir()):
        app = app_dir.name
        if app not in LEVEL:
            if (app_dir / "apps.py").exists():
                problems.append(
                    f"distans/{app}: an app with no level; add it to LEVELS in scripts/check_imports.py"
                )
            continue
        for path in _files(app_dir):
            for line, what, other in imported_apps(path, root):
                if other != app and LEVEL[other] >= LEVEL[app]:
                    where = "above" if LEVEL[other] > LEVEL[app] else "beside"
                    problems.append(
                        f"{path.relative_to(root)}:{line}: {app} names {what}, which is {where} it"
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
