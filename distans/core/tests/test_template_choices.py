"""Templates compare a status with its TextChoices member, never with a string literal: a renamed or
mistyped value then fails loudly instead of silently hiding a notice or a button."""

import re
from pathlib import Path

import distans

# The planner's `result.status` is the pure solver's plain data (optimal, feasible…), not a TextChoices.
LITERAL = re.compile(r"""(?<!result\.)\b(status|party|location)\s*(==|!=)\s*["']""")


def test_no_template_compares_a_status_with_a_string():
    root = Path(distans.__file__).parent
    found = [
        f"{path.relative_to(root)}: {match.group(0)}"
        for path in root.glob("*/templates/**/*.*")
        for match in LITERAL.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []
