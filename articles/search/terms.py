"""What a reader typed into the search box, cleaned and understood once for both databases.

The rules are PostgreSQL's ``websearch_to_tsquery`` rules, which readers know from web
search engines: every word is required, ``"a phrase"`` keeps its words together, ``-word``
leaves out stories with that word, and ``or`` between two words accepts either. Anything
else (``*``, ``(``, ``AND``, ``NEAR(``, an emoji, a stray quotation mark) is just text.

PostgreSQL is given the parsed query written back out as websearch text; SQLite's FTS5,
whose own query language gives ``"``, ``*``, ``-``, ``AND``, ``NEAR`` and parentheses a
meaning, is given an expression in which every term is a quoted string, so nothing a reader
types can change the shape of the query or make it fail. Words PostgreSQL's ``english``
configuration ignores (``the``, ``and``…) are ignored on SQLite too, so that both databases
find the same stories.

Pure Python, no database: it tests in microseconds.
"""

import re
import unicodedata
from dataclasses import dataclass

from newsroom.names import fold

# Longer queries are cut to this many characters: no reader types more, and each extra
# term is one more index lookup.
MAX_QUERY_LENGTH = 200

# PostgreSQL's english stop words (the Snowball list): they are never indexed there.
STOP_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will
    just don should now
    """.split()
)

# An optional run of minus signs, then a "quoted phrase" (its closing mark may be missing)
# or a run of anything but white space and quotation marks.
_TOKEN = re.compile(r'(?P<minus>-*)(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')
_WORD_CHARACTER = re.compile(r"\w")
_SPACES = re.compile(r"\s+")


def clean_query(text):
    """The query as it is searched for and shown back: control characters (a NUL would
    make PostgreSQL refuse the query) and runs of white space made single spaces, then cut
    to at most ``MAX_QUERY_LENGTH`` characters, before the word the limit falls in."""
    visible = "".join(
        " " if unicodedata.category(ch).startswith("C") else ch for ch in str(text or "")
    )
    cleaned = _SPACES.sub(" ", visible).strip()
    if len(cleaned) <= MAX_QUERY_LENGTH:
        return cleaned
    head = cleaned[: MAX_QUERY_LENGTH + 1]
    return head.rsplit(" ", 1)[0] if " " in head else head[:MAX_QUERY_LENGTH]


@dataclass(frozen=True)
class Term:
    """A word, or a phrase whose words must stand together."""

    text: str
    phrase: bool = False

    def websearch(self):
        return f'"{self.text}"' if self.phrase else self.text

    def fts5(self):
        # A double-quoted FTS5 string is tokenized like stored text and never parsed as
        # syntax; a quotation mark inside it is written twice.
        return '"' + self.text.replace('"', '""') + '"'

    @property
    def words(self):
        """Folded words, for matching names (which are not stemmed)."""
        return [word for word in fold(self.text).split() if word not in STOP_WORDS]


@dataclass(frozen=True)
class SearchTerms:
    """A parsed query: stories must match every group (any one term of a group, for the
    groups an ``or`` made) and none of the excluded terms."""

    text: str = ""
    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    def __bool__(self):
        # Only exclusions ("-budget") would match nearly every story; that is not a search.
        return bool(self.groups)

    def websearch(self):
        """Text for PostgreSQL's ``websearch_to_tsquery``."""
        required = " ".join(" or ".join(term.websearch() for term in group) for group in self)
        excluded = " ".join(f"-{term.websearch()}" for term in self.excluded)
        return f"{required} {excluded}".strip()

    def fts5(self):
        """An FTS5 MATCH expression in which every term is a quoted string."""
        required = " AND ".join(
            f"({' OR '.join(term.fts5() for term in group)})" if len(group) > 1 else group[0].fts5()
            for group in self
        )
        if not self.excluded:
            return required
        return f"({required})" + "".join(f" NOT {term.fts5()}" for term in self.excluded)

    def __iter__(self):
        return iter(self.groups)

    def name_groups(self):
        """For matching names: per group, the folded words any one of which may match."""
        groups = []
        for group in self.groups:
            words = [word for term in group for word in term.words]
            if words:
                groups.append(words)
        return groups


def _meaningful(text, phrase):
    """A term the index can look up: it has a word character, and (a lone word) it is not
    a stop word."""
    if not _WORD_CHARACTER.search(text):
        return False
    return phrase or text.casefold() not in STOP_WORDS


def parse_query(text):
    """Read a reader's query with the websearch rules; never fails, whatever the text."""
    if isinstance(text, SearchTerms):
        return text
    cleaned = clean_query(text)
    groups, excluded = [], []
    either = False  # the previous word was "or"
    for match in _TOKEN.finditer(cleaned):
        negated = bool(match["minus"])
        phrase = match["phrase"] is not None
        value = (match["phrase"] if phrase else match["word"]).strip()
        if not phrase and not negated and value.casefold() == "or":
            either = bool(groups)
            continue
        if not _meaningful(value, phrase):
            continue
        term = Term(" ".join(value.split()), phrase=phrase)
        if negated:
            excluded.append(term)
        elif either:
            groups[-1].append(term)
        else:
            groups.append([term])
        either = False
    # A term typed twice is looked up once.
    return SearchTerms(
        text=cleaned,
        groups=tuple(dict.fromkeys(tuple(group) for group in groups)),
        excluded=tuple(dict.fromkeys(excluded)),
    )
