"""Scoring the quote finder against the annotated attribution corpus.

The ``evaluate_attribution`` command runs the finder over ``tests/data/attribution/`` and hands
each article's paragraphs, its gold annotation and the finder's answer to :func:`score_file`;
:func:`summarise` adds the files up and :func:`format_report` prints the result. Gold and
prediction share one shape::

    {"quotes": [{"text": ..., "speaker": ..., "paragraph": N, "kind": "direct"}, ...],
     "people": [...], "organizations": [...]}

Quotes are scored by the words they cover, not by exact string equality: every word of the
article is either inside a direct quote or not, and precision and recall count words. A finder
that drops a trailing comma or cuts a quote one word short loses one word, not the whole quote.
To know which words a quote covers, its words are matched in order against the article's words,
starting in its paragraph and allowing gaps, so that a quote split around its attribution
("…,” said X. “…") skips the attribution and one running over several paragraphs crosses them.

Speakers are scored per gold quote: right when a predicted quote covers most of it and names
the same person. People and organizations are scored as sets of normalised names.

Everything here is plain Python; nothing imports Django, so the tests run in milliseconds.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

# The most article words that may lie between two consecutive words of one quote. An
# attribution such as "said Kelvin Lovejoy, Lead community organizer at Blue Hill Civic
# Association." is a dozen words; forty leaves room for long descriptors without letting a
# quote's words be picked out of unrelated sentences further down the story.
MAX_GAP = 40

WORST_FILES = 5

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})

# Honorifics and ranks that come before a name but are not part of it. Job titles ("Mayor",
# "Police Chief") are not here: telling them apart from names is the finder's work, and a
# speaker reported as "Mayor Ana Ruiz" is reported wrongly.
HONORIFICS = frozenset(
    """
    mr mrs ms mx miss dr doctor prof professor rev reverend revd fr father msgr monsignor
    archbishop bishop pastor rabbi imam sister brother sir dame hon honorable honourable
    sgt sergeant lt lieutenant capt captain det detective cpl corporal officer
    """.split()
)

# Words that may close an organization's name without changing which organization it is:
# "Hartford Police" and "Hartford Police Department" are one organization.
GENERIC_ORG_ENDINGS = frozenset(
    "department dept inc incorporated co company corp corporation llc ltd".split()
)


# ---------------------------------------------------------------------------------------------
# Names


def _fold(text: str) -> list[str]:
    """Lower-case, accent-free words of ``text``, with punctuation dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.casefold().replace("&", " and ")
    # Apostrophes and full stops join what they sit in ("O'Neill", "J.R."); any other
    # punctuation, hyphens included, separates words ("Okafor-Bennett").
    plain = re.sub(r"['’‘ʼ.]", "", plain)
    return re.findall(r"\w+", plain)


def normalise_name(name: str) -> str:
    """A person's name reduced to what identifies them, for comparing two spellings.

    Case, accents, punctuation and spacing do not matter, nor do honorifics in front
    ("The Rev. Dr. Clarence Whitmore" → "clarence whitmore"); initials written with or without
    spaces agree ("J. R. Castillo", "J.R. Castillo" → "jr castillo"). Suffixes such as "Jr."
    are kept: they tell a father from his son.
    """
    words = _fold(name or "")
    if words[:1] == ["the"] and len(words) > 1 and words[1] in HONORIFICS:
        words = words[1:]
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(_merge_initials(words))


def _merge_initials(words: list[str]) -> list[str]:
    """Join runs of single letters, so "J. R. Smith" and "J.R. Smith" agree."""
    merged: list[str] = []
    in_run = False
    for word in words:
        initial = len(word) == 1 and word.isalpha()
        if initial and in_run:
            merged[-1] += word
        else:
            merged.append(word)
            in_run = initial
    return merged


def normalise_organization(name: str) -> str:
    """An organization's name folded like a person's, without dropping any leading word."""
    return " ".join(_fold(name or ""))


def organization_keys(name: str) -> frozenset[str]:
    """The forms under which an organization may be named.

    Its normalised name, that name without a leading "the", and either of those without a
    generic last word ("Department", "Inc", "Co"), so "the Hartford Police Department" and
    "Hartford Police" share a key.
    """
    words = _fold(name or "")
    forms = {tuple(words)}
    if words[:1] == ["the"] and len(words) > 1:
        forms.add(tuple(words[1:]))
    for form in list(forms):
        if len(form) > 1 and form[-1] in GENERIC_ORG_ENDINGS:
            forms.add(form[:-1])
    return frozenset(" ".join(form) for form in forms if form)


# ---------------------------------------------------------------------------------------------
# Where quotes lie in the article


@dataclass(frozen=True)
class TokenisedArticle:
    """An article's words in reading order, with where each paragraph starts and ends."""

    words: tuple[str, ...]
    paragraph_spans: tuple[tuple[int, int], ...]

    @classmethod
    def from_paragraphs(cls, paragraphs: Sequence[str]) -> TokenisedArticle:
        words: list[str] = []
        spans: list[tuple[int, int]] = []
        for paragraph in paragraphs:
            start = len(words)
            words.extend(tokenise(paragraph))
            spans.append((start, len(words)))
        return cls(tuple(words), tuple(spans))

    def positions_of(self) -> dict[str, list[int]]:
        index: dict[str, list[int]] = defaultdict(list)
        for position, word in enumerate(self.words):
            index[word].append(position)
        return index


def tokenise(text: str) -> list[str]:
    """Words of ``text`` for matching: case-folded, accents and apostrophe styles unified."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return [match.group().casefold() for match in _WORD.finditer(plain)]


class _Path(NamedTuple):
    cost: tuple[int, int, int, int]  # words skipped, breaks, words jumped over, first position
    positions: tuple[int, ...]


def locate_quote(
    text: str,
    paragraph: int | None,
    article: TokenisedArticle,
    index: Mapping[str, list[int]] | None = None,
) -> frozenset[int]:
    """The positions of the article's words that the quote ``text`` covers.

    The quote's words are matched in order, each at most :data:`MAX_GAP` words after the one
    before, preferring the alignment with the fewest breaks and then the smallest gaps, so a
    quote lands on its own words rather than on the same words scattered around it. The first
    word must lie in ``paragraph``; when the quote cannot be matched whole from there, the
    whole article is tried. Quote words missing from the article (a finder that rewrote the
    text) are skipped, so the rest still counts.
    """
    words = tokenise(text)
    if not words:
        return frozenset()
    index = index if index is not None else article.positions_of()
    best: _Path | None = None
    if paragraph is not None and 0 <= paragraph < len(article.paragraph_spans):
        best = _align(words, index, range(*article.paragraph_spans[paragraph]))
    if best is None or best.cost[0]:
        anywhere = _align(words, index, range(len(article.words)))
        if anywhere is not None and (best is None or anywhere.cost[0] < best.cost[0]):
            best = anywhere
    return frozenset(best.positions) if best else frozenset()


def _align(words: Sequence[str], index: Mapping[str, list[int]], starts: range) -> _Path | None:
    """Cheapest in-order matching of ``words`` whose first matched word lies in ``starts``.

    A small dynamic programme: after each quote word, ``paths`` maps the article position of
    the last matched word to the cheapest way of getting there.
    """
    paths: dict[int, _Path] = {}
    for skipped_before_start, word in enumerate(words):
        extended: dict[int, _Path] = {}
        for position in index.get(word, ()):
            candidates = []
            if position in starts:
                candidates.append(_Path((skipped_before_start, 0, 0, position), (position,)))
            for last in _recent(paths, position):
                path = paths[last]
                gap = position - last - 1
                skipped, breaks, jumped, first = path.cost
                cost = (skipped, breaks + (gap > 0), jumped + gap, first)
                candidates.append(_Path(cost, (*path.positions, position)))
            if candidates:
                extended[position] = min(candidates)
        # Skipping this quote word keeps every path where it was, one skip dearer.
        for last, path in paths.items():
            skipped, breaks, jumped, first = path.cost
            kept = _Path((skipped + 1, breaks, jumped, first), path.positions)
            if last not in extended or kept.cost < extended[last].cost:
                extended[last] = kept
        paths = extended
    return min(paths.values()) if paths else None


def _recent(paths: Mapping[int, _Path], position: int) -> Iterable[int]:
    """Ends of ``paths`` close enough before ``position`` to be continued there."""
    low = position - MAX_GAP - 1
    if len(paths) <= MAX_GAP + 1:
        return [last for last in paths if low <= last < position]
    return [last for last in range(max(low, 0), position) if last in paths]


# ---------------------------------------------------------------------------------------------
# Scores


def _ratio(part: int, whole: int) -> float:
    # Nothing to find, or nothing claimed, is not a mistake.
    return part / whole if whole else 1.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


class _Metrics:
    """Precision, recall, F1 and accuracy from the counts of a file or of the whole corpus."""

    quote_tp: int
    quote_fp: int
    quote_fn: int
    speaker_correct: int
    speaker_total: int
    people_tp: int
    people_fp: int
    people_fn: int
    org_tp: int
    org_fp: int
    org_fn: int

    @property
    def quote_precision(self) -> float:
        return _ratio(self.quote_tp, self.quote_tp + self.quote_fp)

    @property
    def quote_recall(self) -> float:
        return _ratio(self.quote_tp, self.quote_tp + self.quote_fn)

    @property
    def quote_f1(self) -> float:
        return _f1(self.quote_precision, self.quote_recall)

    @property
    def speaker_accuracy(self) -> float:
        return _ratio(self.speaker_correct, self.speaker_total)

    @property
    def people_precision(self) -> float:
        return _ratio(self.people_tp, self.people_tp + self.people_fp)

    @property
    def people_recall(self) -> float:
        return _ratio(self.people_tp, self.people_tp + self.people_fn)

    @property
    def people_f1(self) -> float:
        return _f1(self.people_precision, self.people_recall)

    @property
    def org_precision(self) -> float:
        return _ratio(self.org_tp, self.org_tp + self.org_fp)

    @property
    def org_recall(self) -> float:
        return _ratio(self.org_tp, self.org_tp + self.org_fn)

    @property
    def org_f1(self) -> float:
        return _f1(self.org_precision, self.org_recall)


@dataclass
class FileScore(_Metrics):
    """The counts for one article; quote counts are in words, speaker counts in gold quotes."""

    name: str
    quote_tp: int = 0
    quote_fp: int = 0
    quote_fn: int = 0
    speaker_correct: int = 0
    speaker_total: int = 0
    people_tp: int = 0
    people_fp: int = 0
    people_fn: int = 0
    org_tp: int = 0
    org_fp: int = 0
    org_fn: int = 0

    @property
    def combined(self) -> float:
        """Quote F1 plus speaker accuracy: the measure by which the worst files are chosen."""
        return self.quote_f1 + self.speaker_accuracy


@dataclass
class Summary(_Metrics):
    """The counts of every file added together (micro-averages), and the worst files."""

    files: int = 0
    quote_tp: int = 0
    quote_fp: int = 0
    quote_fn: int = 0
    speaker_correct: int = 0
    speaker_total: int = 0
    people_tp: int = 0
    people_fp: int = 0
    people_fn: int = 0
    org_tp: int = 0
    org_fp: int = 0
    org_fn: int = 0
    worst: list[FileScore] = field(default_factory=list)


_COUNTS = (
    "quote_tp quote_fp quote_fn speaker_correct speaker_total "
    "people_tp people_fp people_fn org_tp org_fp org_fn"
).split()


def score_file(
    name: str, paragraphs: Sequence[str], gold: Mapping[str, Any], predicted: Mapping[str, Any]
) -> FileScore:
    """Compare the finder's answer for one article with its gold annotation."""
    article = TokenisedArticle.from_paragraphs(paragraphs)
    index = article.positions_of()

    def place(quote: Mapping[str, Any]) -> frozenset[int]:
        return locate_quote(quote.get("text") or "", quote.get("paragraph"), article, index)

    gold_quotes = [(quote, place(quote)) for quote in gold.get("quotes", [])]
    found_quotes = [
        (quote, place(quote))
        for quote in predicted.get("quotes", [])
        if (quote.get("kind") or "direct") == "direct"
    ]
    gold_words = frozenset().union(*(positions for _, positions in gold_quotes))
    found_words = frozenset().union(*(positions for _, positions in found_quotes))

    speaker_correct = sum(
        _speaker_found(quote, positions, found_quotes) for quote, positions in gold_quotes
    )
    people = _set_counts(
        {normalise_name(n) for n in gold.get("people", [])},
        {normalise_name(n) for n in predicted.get("people", [])},
    )
    orgs = _organization_counts(gold.get("organizations", []), predicted.get("organizations", []))
    return FileScore(
        name=name,
        quote_tp=len(gold_words & found_words),
        quote_fp=len(found_words - gold_words),
        quote_fn=len(gold_words - found_words),
        speaker_correct=speaker_correct,
        speaker_total=len(gold_quotes),
        people_tp=people[0],
        people_fp=people[1],
        people_fn=people[2],
        org_tp=orgs[0],
        org_fp=orgs[1],
        org_fn=orgs[2],
    )


def _speaker_found(
    gold: Mapping[str, Any],
    gold_positions: frozenset[int],
    found_quotes: Sequence[tuple[Mapping[str, Any], frozenset[int]]],
) -> bool:
    """Whether a predicted quote covers more than half of this gold quote with its speaker."""
    wanted = normalise_name(gold.get("speaker") or "")
    for quote, positions in found_quotes:
        covers_most = 2 * len(gold_positions & positions) > len(gold_positions)
        if covers_most and normalise_name(quote.get("speaker") or "") == wanted:
            return True
    return False


def _set_counts(gold: set[str], found: set[str]) -> tuple[int, int, int]:
    gold.discard("")
    found.discard("")
    return len(gold & found), len(found - gold), len(gold - found)


def _organization_counts(gold: Iterable[str], found: Iterable[str]) -> tuple[int, int, int]:
    """True positives, false positives and false negatives, pairing each name at most once."""
    gold_keys = _distinct_organizations(gold)
    found_keys = _distinct_organizations(found)
    unmatched = list(found_keys)
    matched = 0
    for keys in gold_keys:
        partner = next((other for other in unmatched if keys & other), None)
        if partner is not None:
            unmatched.remove(partner)
            matched += 1
    return matched, len(found_keys) - matched, len(gold_keys) - matched


def _distinct_organizations(names: Iterable[str]) -> list[frozenset[str]]:
    seen: set[str] = set()
    distinct = []
    for name in names:
        normalised = normalise_organization(name)
        if normalised and normalised not in seen:
            seen.add(normalised)
            distinct.append(organization_keys(name))
    return distinct


def summarise(scores: Sequence[FileScore]) -> Summary:
    """Add up the files' counts and pick the :data:`WORST_FILES` weakest files."""
    totals = {count: sum(getattr(score, count) for score in scores) for count in _COUNTS}
    worst = sorted(scores, key=lambda score: (score.combined, score.name))[:WORST_FILES]
    return Summary(files=len(scores), worst=worst, **totals)


def format_report(summary: Summary) -> str:
    """Readable lines for a person, then one line of the four headline figures for a machine."""
    lines = [
        f"Attribution evaluation over {summary.files} files",
        f"  quotes (words)  precision {summary.quote_precision:.3f}  "
        f"recall {summary.quote_recall:.3f}  F1 {summary.quote_f1:.3f}  "
        f"(tp {summary.quote_tp}, fp {summary.quote_fp}, fn {summary.quote_fn})",
        f"  speakers        accuracy {summary.speaker_accuracy:.3f}  "
        f"({summary.speaker_correct} of {summary.speaker_total} gold quotes)",
        f"  people          precision {summary.people_precision:.3f}  "
        f"recall {summary.people_recall:.3f}  F1 {summary.people_f1:.3f}",
        f"  organizations   precision {summary.org_precision:.3f}  "
        f"recall {summary.org_recall:.3f}  F1 {summary.org_f1:.3f}",
    ]
    if summary.worst:
        lines.append("  worst files:")
        lines.extend(
            f"    {score.name}  quote F1 {score.quote_f1:.3f}  "
            f"speaker accuracy {score.speaker_accuracy:.3f}"
            for score in summary.worst
        )
    lines.append(
        f"quote_f1={summary.quote_f1:.3f} speaker_acc={summary.speaker_accuracy:.3f} "
        f"people_f1={summary.people_f1:.3f} org_f1={summary.org_f1:.3f}"
    )
    return "\n".join(lines)
