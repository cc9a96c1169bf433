"""Show what the quote finder reads in story files, without touching the database.

    python manage.py extract_quotes story.txt archive/ --json

Each story is read with :mod:`articles.formats` (wire text, Markdown, JSON, JSON Lines;
``-`` for standard input) and handed to :func:`articles.quotefinder.find_quotes`. A story
that cannot be read costs one line on standard error and the rest go on; the command exits
non-zero at the end if any failed.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from articles.formats import FormatError, iter_stories
from articles.quotefinder import find_quotes


class Command(BaseCommand):
    help = (
        "Print the quotes, speakers, people and organizations the quote finder reads in "
        "story files (wire, Markdown, JSON, JSON Lines; '-' for standard input)."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or '-'")
        parser.add_argument(
            "--json", action="store_true", help="print one JSON list of stories on stdout"
        )

    def handle(self, *args, **options):
        stories = []
        failed = 0
        try:
            for path, story in iter_stories(options["paths"]):
                if isinstance(story, FormatError):
                    self.stderr.write(self.style.ERROR(str(story)))
                    failed += 1
                    continue
                stories.append(_describe(story, str(path)))
                if not options["json"]:
                    self._write_listing(stories[-1], options["verbosity"])
        except OSError as err:
            raise CommandError(f"Cannot read {err.filename or 'input'}: {err.strerror}") from err
        if options["json"]:
            self.stdout.write(json.dumps(stories, ensure_ascii=False, indent=2))
        if failed:
            raise CommandError(f"{failed} of {failed + len(stories)} stories could not be read.")

    def _write_listing(self, story: dict, verbosity: int) -> None:
        """A readable summary of one story: its quotes, then who and what it names."""
        heading = story["headline"] or story["file"]
        dated = f" ({story['date']})" if story["date"] else ""
        self.stdout.write(self.style.MIGRATE_HEADING(f"{heading}{dated}"))
        for quote in story["quotes"]:
            speaker = quote["speaker"] or "(no speaker)"
            role = ", ".join(
                part for part in (quote["speaker_title"], quote["speaker_org"]) if part
            )
            how = " ".join(part for part in (quote["verb"], quote["channel"]) if part)
            details = "; ".join(part for part in (role, how) if part)
            self.stdout.write(
                f"  [{quote['paragraph']}] {quote['kind']}  {speaker}"
                + (f" ({details})" if details else "")
            )
            if verbosity >= 1:
                self.stdout.write(f"      {quote['text']}")
        self.stdout.write(f"  people: {', '.join(story['people']) or '-'}")
        self.stdout.write(f"  organizations: {', '.join(story['organizations']) or '-'}")


def _joined(separator: str, *parts: str) -> str:
    return separator.join(part for part in parts if part)


def _describe(story, path: str) -> dict:
    """The JSON-ready record for one story: where it came from and what the finder read."""
    date = story.date.isoformat() if story.date else None
    return {
        "file": story.origin or path,
        "headline": story.headline,
        "date": date,
        **find_quotes(story.paragraphs).as_dict(),
    }
