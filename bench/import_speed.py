"""Import throughput and memory: generated stories into a fresh SQLite database.

    python bench/import_speed.py [--stories 10000] [--small 1000]

Writes JSON Lines of generated stories (varied people, organizations, quotes) to a
temporary folder, imports them with ``manage.py import_articles`` in a child process
against a throwaway SQLite file, and prints stories per second and the child's peak
memory. It runs a small and a large import side by side: flat memory means the large run's
peak is close to the small one's, not ten times it.

The child's CPU time is printed too: on a machine busy with other work the wall clock
(and so stories per second) moves with the load, the CPU time much less. Compare two
versions by running them alternately, a few times each.
"""

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIRST = "Ana José Kelvin Dexter Mairchal Jason Renée Sam Maria Luis Grace Omar Priya Tom".split()
LAST = (
    "Ruiz Ramírez Lovejoy Burke Monts Thody Okafor Lee Santos Ortiz Park Haddad Rao Byrne".split()
)
TITLES = ["Mayor", "Police Chief", "Superintendent", "Council President", "Fire Chief"]
GROUPS = [
    "Blue Hill Civic Association",
    "Frog Hollow Tenants Union",
    "Northend Youth Coalition",
    "Asylum Hill Neighborhood Association",
    "Parkville Business Association",
]
VERBS = ["said", "said", "said", "told reporters", "added", "wrote"]


def story(n, rng):
    """One generated story: six to ten paragraphs, three to five quotes."""
    paragraphs = [
        f"The city council on Tuesday took up item {n} of a long agenda, "
        "and residents packed the chamber to weigh in."
    ]
    for _ in range(rng.randint(3, 5)):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        surname = name.split()[-1]
        if rng.random() < 0.5:
            paragraphs.append(
                f"“We have waited a long time for this vote,” said {name}, "
                f"president of the {rng.choice(GROUPS)}. “It matters to every family here.”"
            )
        else:
            paragraphs.append(
                f"{rng.choice(TITLES)} {name} said the plan would be reviewed next month."
            )
            paragraphs.append(f"“There is more work to do,” {surname} {rng.choice(VERBS)}.")
        paragraphs.append("Council members are expected to vote again before the budget deadline.")
    return {
        "id": f"bench-{n}",
        "title": f"Council weighs agenda item {n}",
        "date": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
        "section": rng.choice(["City hall", "Schools", "Transit"]),
        "tags": ["Council", rng.choice(["Budget", "Housing", "Parks"])],
        "byline": rng.choice(["Renée Okafor", "Sam Lee"]),
        "body": "\n\n".join(paragraphs),
    }


def import_run(count, folder):
    rng = random.Random(count)
    source = folder / f"stories-{count}.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for n in range(count):
            out.write(json.dumps(story(n, rng), ensure_ascii=False) + "\n")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / f'bench-{count}.sqlite3'}"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], check=True, env=env, cwd=ROOT)
    started = time.perf_counter()
    child = subprocess.Popen(
        [*manage, "import_articles", str(source), "--status", "published", "-v0"],
        env=env,
        cwd=ROOT,
    )
    # wait4 reports the resources of this one child: its own peak memory and CPU time.
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"import failed with exit status {child.returncode}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    args = parser.parse_args()
    print(
        f"machine: {cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for count in (args.small, args.stories):
            seconds, cpu_seconds, peak_kib = import_run(count, Path(tmp))
            print(
                f"{count:>6} stories: {seconds:6.1f}s  {count / seconds:7.1f} stories/s  "
                f"CPU {cpu_seconds:6.1f}s  peak memory of the import {peak_kib / 1024:.0f} MiB"
            )


if __name__ == "__main__":
    main()
