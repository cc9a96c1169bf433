"""Import stories from files, folders or standard input, finding their quotes and speakers.

    python manage.py import_articles archive/ partner.jsonl - --status published

Each story is saved in its own transaction: a bad story costs one line on standard error
naming the file (and line), nothing of it is written, and the rest go on. The exit status is
non-zero when any story failed. Importing the same input twice creates nothing new.
"""

import json
import time
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection, transaction

from articles.formats import FormatError, iter_stories
from articles.importing import ImportOptions, StoryImporter, StoryResult
from articles.models import Article

OUTCOMES = ("created", "updated", "unchanged", "changed", "failed")

# Pages of SQLite's write-ahead log (4 KiB each) between checkpoints during an import.
CHECKPOINT_PAGES = 10_000


@contextmanager
def fewer_checkpoints():
    """On SQLite, checkpoint the write-ahead log every ``CHECKPOINT_PAGES`` pages instead of
    every 1,000 while importing, and once at the end.

    A story's commit dirties some 45 pages (its row, quotes and links, and a page of every
    index and of the full-text index), so the default checkpoints every 20-odd stories, and
    each checkpoint waits for the disk twice. Every story is still committed on its own.
    With ``synchronous=NORMAL`` a commit reaches the log at once but is forced to disk only
    by the next checkpoint, here as before; the one at the end leaves the whole import on
    disk when the command returns.
    """
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_autocheckpoint")
        (default,) = cursor.fetchone()
        cursor.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA wal_autocheckpoint = {int(default)}")
            if not connection.in_atomic_block:
                # PASSIVE: readers of the site are never made to wait for it.
                cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")


class Command(BaseCommand):
    help = (
        "Import stories (wire text, Markdown with front matter, JSON, JSON Lines) from files, "
        "folders and '-' for standard input; find their quotes, speakers and organizations."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or '-'")
        parser.add_argument(
            "--status",
            choices=Article.Status.values,
            default=None,
            help="status of imported stories (default: draft for new stories; a story "
            "re-imported with --update keeps its status)",
        )
        parser.add_argument("--section", default="", help="section for stories that name none")
        parser.add_argument(
            "--tag", action="append", default=[], dest="tags", help="add a tag (repeatable)"
        )
        parser.add_argument("--source", default="", help="the outlet that published the copy")
        parser.add_argument(
            "--update", action="store_true", help="re-import stories that changed since"
        )
        parser.add_argument("--dry-run", action="store_true", help="find everything, write nothing")
        parser.add_argument(
            "--json", action="store_true", help="print a machine-readable report on stdout"
        )

    def handle(self, *paths, **options):
        self.verbosity = options["verbosity"]
        self.as_json = options["json"]
        self.dry_run = options["dry_run"]
        # With --json, standard output carries only the report; people read standard error.
        self.out = self.stderr if self.as_json else self.stdout
        self.progress = self.verbosity >= 1 and self.out.isatty() and not self.as_json
        started = time.monotonic()
        self.counts = dict.fromkeys(OUTCOMES, 0)
        # Kept only for the JSON report: a plain import of any size holds counts alone.
        self.results = [] if self.as_json else None
        importer = StoryImporter(
            ImportOptions(
                status=options["status"],
                section=options["section"],
                tags=tuple(options["tags"]),
                source=options["source"],
                update=options["update"],
            )
        )
        try:
            with fewer_checkpoints():
                if self.dry_run:
                    # Everything is written as usual, inside one transaction rolled back at
                    # the end, so the report shows exactly what a real run would create.
                    with transaction.atomic():
                        self.import_all(importer, options["paths"])
                        transaction.set_rollback(True)
                else:
                    self.import_all(importer, options["paths"])
        except OSError as err:
            raise CommandError(f"Cannot read {err.filename or 'input'}: {err.strerror}") from err
        self.report(importer, time.monotonic() - started)
        if self.counts["failed"]:
            total = sum(self.counts.values())
            raise CommandError(f"{self.counts['failed']} of {total} stories failed.")

    def import_all(self, importer, paths):
        for _, story in iter_stories(paths):
            result = self.import_one(importer, story)
            self.counts[result.outcome] += 1
            if self.results is not None:
                self.results.append(result)
            self.note(result, sum(self.counts.values()))

    def import_one(self, importer, story):
        if isinstance(story, FormatError):
            return StoryResult(story.origin, "failed", message=str(story))
        try:
            # Each save is one transaction of its own (a savepoint in a dry run): a database
            # error undoes that story only.
            return importer.save(story)
        except DatabaseError as err:
            importer.forget_unsaved()
            return StoryResult(story.origin, "failed", message=f"{story.origin}: {err}")

    def note(self, result, count):
        if result.outcome == "failed":
            self.clear_progress()
            self.stderr.write(self.style.ERROR(f"failed: {result.message}"))
        elif self.dry_run and result.outcome in ("created", "updated") and self.verbosity >= 1:
            self.clear_progress()
            self.out.write(
                f"would be {result.outcome}: {result.origin} “{result.headline}” — "
                f"{result.quotes} quotes; people: {', '.join(result.people) or 'none'}; "
                f"organizations: {', '.join(result.organizations) or 'none'}"
            )
        elif self.verbosity >= 2:
            self.clear_progress()
            detail = f" — {result.message}" if result.message else ""
            self.out.write(f"{result.outcome}: {result.origin} “{result.headline}”{detail}")
        if self.progress and count % 25 == 0:
            self.out.write(f"\r{count} stories read…", ending="")
            self.out.flush()

    def clear_progress(self):
        if self.progress:
            self.out.write("\r\033[K", ending="")

    def report(self, importer, seconds):
        self.clear_progress()
        counts = self.counts
        total = sum(counts.values())
        directory = importer.directory
        summary = {
            "stories": total,
            **counts,
            "people_created": directory.people_created,
            "organizations_created": directory.organizations_created,
            "quotes_created": importer.quotes_created,
            "dry_run": self.dry_run,
            "seconds": round(seconds, 3),
        }
        if self.as_json:
            report = {"summary": summary, "stories": [r.as_dict() for r in self.results]}
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
        if self.verbosity == 0:
            return
        changed = counts["changed"]
        line = (
            f"{'Dry run, nothing written: ' if self.dry_run else ''}"
            f"{total} stories: {counts['created']} created, {counts['updated']} updated, "
            f"{counts['unchanged'] + changed} skipped"
            f"{f' ({changed} changed; use --update)' if changed else ''}, "
            f"{counts['failed']} failed; {directory.people_created} people, "
            f"{directory.organizations_created} organizations and {importer.quotes_created} "
            f"quotes created in {seconds:.1f}s."
        )
        style = self.style.ERROR if counts["failed"] else self.style.SUCCESS
        self.out.write(style(line))
