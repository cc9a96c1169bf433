"""Measure the quote finder against an annotated corpus, without touching the database.

    python manage.py evaluate_attribution tests/data/attribution

The folder holds pairs: ``NNN.txt`` (a story in the wire format) and ``NNN.json`` (its gold
annotation). Each story goes through :func:`articles.quotefinder.find_quotes` and is scored
by :mod:`articles.evaluation`; the report's last line carries the four headline figures,
``quote_f1=… speaker_acc=… people_f1=… org_f1=…``, for scripts to read.
"""

import json
import pathlib

from django.core.management.base import BaseCommand, CommandError

from articles.evaluation import format_report, score_file, summarise
from articles.formats import FormatError, parse_file
from articles.quotefinder import find_quotes


class Command(BaseCommand):
    help = "Score the quote finder against annotated pairs NNN.txt + NNN.json in a folder."

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR", help="folder of NNN.txt + NNN.json pairs")
        parser.add_argument(
            "--json", action="store_true", help="print the figures as JSON instead of a report"
        )

    def handle(self, directory, **options):
        folder = pathlib.Path(directory)
        if not folder.is_dir():
            raise CommandError(f"{directory} is not a folder.")
        pairs = [
            (text, text.with_suffix(".json"))
            for text in sorted(folder.glob("*.txt"))
            if text.with_suffix(".json").is_file()
        ]
        if not pairs:
            raise CommandError(f"{directory} holds no NNN.txt + NNN.json pairs.")
        scores = [self._score(text, gold) for text, gold in pairs]
        summary = summarise(scores)
        if options["json"]:
            self.stdout.write(json.dumps(_figures(summary, scores), indent=2))
        else:
            self.stdout.write(format_report(summary))

    def _score(self, text_path: pathlib.Path, gold_path: pathlib.Path):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise CommandError(f"{gold_path}: cannot read the gold annotation: {err}") from err
        article = next(iter(parse_file(text_path)))
        if isinstance(article, FormatError):
            raise CommandError(str(article))
        predicted = find_quotes(article.paragraphs).as_dict()
        return score_file(text_path.stem, article.paragraphs, gold, predicted)


def _figures(summary, scores) -> dict:
    """The corpus figures and each file's, for machines."""
    return {
        "files": summary.files,
        "quote_precision": round(summary.quote_precision, 4),
        "quote_recall": round(summary.quote_recall, 4),
        "quote_f1": round(summary.quote_f1, 4),
        "speaker_acc": round(summary.speaker_accuracy, 4),
        "people_f1": round(summary.people_f1, 4),
        "org_f1": round(summary.org_f1, 4),
        "per_file": {
            score.name: {
                "quote_f1": round(score.quote_f1, 4),
                "speaker_acc": round(score.speaker_accuracy, 4),
                "people_f1": round(score.people_f1, 4),
                "org_f1": round(score.org_f1, 4),
            }
            for score in scores
        },
    }
