"""Quote finder throughput on the example story, in articles per second on one core.

    python bench/finder_speed.py [--articles 2000] [--runs 5] [--warm | --corpus]

Runs :func:`articles.quotefinder.find_quotes` on the example story (the wire file copied
into ``tests/data/attribution/000.txt``) ``--articles`` times per run, and prints the
median rate over ``--runs`` runs with the machine's CPU model.

The finder's phrase readers remember recent answers (names and organizations recur from
story to story). Feeding it the same story over and over would turn every run after the
first into cache hits, so by default the caches are emptied before every article: the
figure is what a story with names the finder has never seen costs. ``--warm`` leaves them
filled, for the cost of a story whose every phrase was seen before.

``--corpus`` measures what an import sees instead: every story of the annotated corpora
in ``tests/data/`` (127 stories by many writers, none the same), caches kept from story to
story as in one import run and emptied before each pass. Stories differ in length, so the
rate is given in characters per second and in example-sized articles per second (the
characters per second divided by the example story's length).
"""

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.formats import parse_file  # noqa: E402 - needs ROOT on the path first
from articles.quotefinder import find_quotes  # noqa: E402
from articles.quotefinder.finder import clear_caches  # noqa: E402

EXAMPLE = ROOT / "tests" / "data" / "attribution" / "000.txt"


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, or what the platform module knows."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def articles_per_second(paragraphs: list[str], articles: int, warm: bool) -> float:
    """One run: the rate over ``articles`` calls, in CPU time of this process."""
    started = time.process_time()
    for _ in range(articles):
        if not warm:
            clear_caches()
        find_quotes(paragraphs)
    return articles / (time.process_time() - started)


def corpus_rate(stories: list[list[str]], example_size: int) -> tuple[float, float]:
    """One pass over the corpus: (characters per second, example-sized articles per second)."""
    clear_caches()
    characters = sum(len(paragraph) for paragraphs in stories for paragraph in paragraphs)
    started = time.process_time()
    for paragraphs in stories:
        find_quotes(paragraphs)
    rate = characters / (time.process_time() - started)
    return rate, rate / example_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles per run")
    parser.add_argument("--runs", type=int, default=5, help="runs; the median is reported")
    parser.add_argument("--warm", action="store_true", help="keep the phrase caches filled")
    parser.add_argument(
        "--corpus", action="store_true", help="every annotated story, as one import sees them"
    )
    options = parser.parse_args()

    (story,) = list(parse_file(EXAMPLE))
    find_quotes(story.paragraphs)  # import-time work and first-call costs out of the way
    print(f"CPU: {cpu_model()}")
    if options.corpus:
        stories = [
            parsed.paragraphs
            for path in sorted(EXAMPLE.parent.parent.glob("attribution*/*.txt"))
            for parsed in parse_file(path)
        ]
        example_size = sum(map(len, story.paragraphs))
        runs = [corpus_rate(stories, example_size) for _ in range(options.runs)]
        print(f"Python {platform.python_version()}, one core, caches kept within a pass")
        print(f"{options.runs} passes over {len(stories)} stories")
        print("runs: " + ", ".join(f"{articles:,.0f}" for _, articles in runs) + " articles/s")
        print(
            f"median: {statistics.median(c for c, _ in runs):,.0f} characters/second = "
            f"{statistics.median(a for _, a in runs):,.0f} example-sized "
            f"({example_size:,} characters) articles/second"
        )
        return
    rates = [
        articles_per_second(story.paragraphs, options.articles, options.warm)
        for _ in range(options.runs)
    ]
    print(
        f"Python {platform.python_version()}, one core, caches {'warm' if options.warm else 'cold'}"
    )
    print(
        f"{options.runs} runs of {options.articles} articles "
        f"({len(story.paragraphs)} paragraphs, {sum(map(len, story.paragraphs))} characters)"
    )
    print("runs: " + ", ".join(f"{rate:,.0f}" for rate in rates) + " articles/s")
    print(f"median: {statistics.median(rates):,.0f} articles/second")


if __name__ == "__main__":
    main()
