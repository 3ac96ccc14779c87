"""Benchmark: load the demo organisation of N people into a fresh SQLite database.

    .venv/bin/python bench/demo_load.py [N ...]

Target (issue 2): 100,000 people in under a minute. Prints one line per size; record the
results in docs/benchmarks.md.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(people: int) -> float:
    with tempfile.TemporaryDirectory() as var:
        env = {**os.environ, "DEBUG": "1", "VAR_DIR": var}
        env.pop("DATABASE_URL", None)
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        started = time.monotonic()
        subprocess.run(
            [*manage, "demo", "--people", str(people)], env=env, check=True, stdout=subprocess.DEVNULL
        )
        return time.monotonic() - started


if __name__ == "__main__":
    for size in [int(arg) for arg in sys.argv[1:]] or [300, 10_000, 100_000]:
        print(f"demo --people {size}: {run(size):.1f} s")
