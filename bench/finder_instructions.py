"""Quote finder cost in CPU instructions per example article, counted by valgrind.

    python bench/finder_instructions.py

Wall-clock rates on a shared machine move by 15% from run to run; an instruction count
does not, whatever else the machine is doing. This runs the finder on the example story
(caches emptied before each article) by running ``finder_speed.py`` under
``valgrind --tool=callgrind`` twice, for 10 and for 60 articles, and prints the difference
divided by 50: start-up and import costs cancel out. String hashing is seeded so that sets
and dicts are laid out the same way every run. Needs ``valgrind`` (Debian's package);
takes about half a minute.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

SPEED = Path(__file__).resolve().parent / "finder_speed.py"


def instructions(articles: int) -> int:
    """Instructions valgrind counted for one run of ``finder_speed.py`` over ``articles``
    articles (caches emptied before each, as it does by default)."""
    result = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            str(SPEED),
            f"--articles={articles}",
            "--runs=1",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    match = re.search(r"Collected : (\d+)", result.stderr)
    if match is None:
        raise SystemExit(f"valgrind printed no instruction count:\n{result.stderr[-2000:]}")
    return int(match.group(1))


def main() -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    few, many = instructions(10), instructions(60)
    print(f"{(many - few) / 50:,.0f} instructions per example article (caches cold)")


if __name__ == "__main__":
    main()
