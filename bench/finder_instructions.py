"""Quote finder cost in CPU instructions per example article, counted by valgrind.

    python bench/finder_instructions.py

Wall-clock rates on a shared machine move by 15% from run to run; an instruction count
does not, whatever else the machine is doing. This runs the finder on the example story
(caches emptied before each article, as ``finder_speed.py`` does by default) under
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
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What the child process runs: the finder, ``sys.argv[1]`` times, cold caches each time.
CHILD = """
import sys
sys.path.insert(0, {root!r})
from articles.formats import parse_file
from articles.quotefinder import find_quotes
from articles.quotefinder.finder import clear_caches
(story,) = list(parse_file({example!r}))
find_quotes(story.paragraphs)
for _ in range(int(sys.argv[1])):
    clear_caches()
    find_quotes(story.paragraphs)
"""


def instructions(script: Path, articles: int) -> int:
    """Instructions valgrind counted for one child run of ``articles`` articles."""
    result = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            str(script),
            str(articles),
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
    example = ROOT / "tests" / "data" / "attribution" / "000.txt"
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "finder_child.py"
        script.write_text(CHILD.format(root=str(ROOT), example=str(example)))
        few, many = instructions(script, 10), instructions(script, 60)
    print(f"{(many - few) / 50:,.0f} instructions per example article (caches cold)")


if __name__ == "__main__":
    main()
