"""Recognising organizations and giving each one canonical name.

An organization is recognised in four ways, from the most to the least certain:

1. **Known names.** The caller passes the names and aliases already in the database; they
   are matched on word boundaries (ignoring case, except for short all-capital aliases
   such as "HPD", which must match exactly so "hope" never reads as "HOPE").
2. **Shape.** A run of capitalised words ending in, or built around, a word that names a
   body: "… Association", "… Church of God", "… Department", "University of …". A name
   with an all-capital word beside ordinary ones ("COMPASS Peacebuilders", "NBC
   Connecticut") is an organization too: capitals inside a name are a brand, not shouting.
3. **Context.** What surrounds a name: "the group Mothers United Against Violence",
   "organizations like X and Y", "X, an organization that …", "the Blue Lantern club",
   partners joined by "&" ("Hargrove & Pell"), and initials written later: "Ashgrove
   Repertory Theatre" is a body once "ART's artistic director" appears, and "ART" is only
   another name for it.
4. **Descriptors and channels.** "pastor at the Citadel of Love", "in a statement to NBC
   Connecticut" — read by :mod:`.descriptors` and :mod:`.attribution`, canonicalised here.

Capitals alone are not enough: a run of capital words is shouting ("NO ALARMS"), an
acronym after "a" is a thing ("a torn ACL"), and days, counties and the places in
addresses are no bodies.

:func:`canonical_name` folds the spellings of one body into one name: a leading "the" and
a possessive go, "city of Hartford" becomes "City of Hartford" and "Hartford Police"
becomes "Hartford Police Department".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache, partial
from operator import itemgetter
from typing import NamedTuple

from .records import new_tuple
from .titles import MULTIWORD_FIRSTS, TITLE_HEADS, TITLE_MODIFIERS, title_end, title_end_of_keys

# The phrase-level readers (is this a name? an organization?) are pure functions of short
# strings that recur within and across articles, so they keep their recent answers.
PHRASE_CACHE_SIZE = 4096

# Words that make a capitalised phrase an organization, with the kind they suggest.
KEYWORD_KINDS: dict[str, str] = {
    **dict.fromkeys(
        """police sheriff sheriff's troopers marshals corrections fbi atf dea jail prison
        penitentiary""".split(),
        "law enforcement",
    ),
    **dict.fromkeys(
        """church cathedral temple mosque synagogue ministries ministry parish diocese
        archdiocese chapel tabernacle congregation baptist methodist episcopal lutheran
        presbyterian pentecostal fellowship catholic mission missionary ame
        islamic""".split(),
        "faith",
    ),
    **dict.fromkeys(
        """university college school schools academy seminary education elementary
        preschool kindergarten""".split(),
        "education",
    ),
    **dict.fromkeys(
        """department council commission board authority agency office administration
        bureau legislature assembly senate court government municipality district
        service commissioners selectmen aldermen corps""".split(),
        "government",
    ),
    **dict.fromkeys(
        """association coalition alliance collective neighbors neighborhood movement club
        league society union committee united against mothers fathers families
        peacebuilders advocates watch caucus federation players parents friends tenants
        merchants residents stoppers""".split(),
        "community group",
    ),
    **dict.fromkeys(
        """foundation fund center centre project initiative services trust charities
        partnership institute network shelter pantry cross habitat library museum
        orchestra symphony""".split(),
        "nonprofit",
    ),
    **dict.fromkeys(
        """inc inc. llc corp corp. corporation company co co. bank holdings partners
        associates
        enterprises industries group restaurant market store airlines insurance
        manufacturing electric systems technologies solutions bakery hardware kitchen
        cafe café diner grill pizzeria trattoria bistro pub tavern brewery pharmacy
        motors construction paving plumbing realty properties consulting logistics foods
        farms supply studios productions salon grocery co-op cooperative utilities energy
        transit hotel chamber management""".split(),
        "business",
    ),
    **dict.fromkeys(
        """news times post courant journal herald tribune gazette magazine radio
        television tv nbc cbs abc cnn npr fox pbs msnbc press mirror register globe
        chronicle observer media broadcasting bulletin telegraph ledger wnpr wfsb wtnh
        wvit courier sentinel dispatch inquirer beacon""".split(),
        "media",
    ),
    **dict.fromkeys(
        ["hospital", "clinic", "health", "healthcare", "airport", "conference"], "other"
    ),
}
_KEYWORD_SET = frozenset(KEYWORD_KINDS)
# Words that only make an organization at the *end* of a name ("Blue Hill Civic
# Association", "Capitol Police"), never at its start ("Police Chief", "Board member").
_LEADING_ONLY_EXCLUDED = frozenset({"police", "fire", "board", "office", "court", "school"})
# A court is a body ("Harlan County Superior Court"); "Bobby Hill Court" is a place.
_COURT_KINDS = frozenset(
    """superior supreme district circuit appeals appellate probate housing family
    municipal county federal bankruptcy juvenile tax claims criminal civil city state
    magistrate""".split()
)
# Words that end the name of a place or a building, which are not organizations.
PLACE_WORDS = frozenset(
    """street st avenue ave road rd boulevard blvd lane drive way place square plaza park
    parkway hall field stadium arena theatre theater building tower bridge river lake
    mountain hill hills heights valley beach island week day month year falls creek springs
    towers gardens township harbor harbour bay crossing junction terrace""".split()
)
# Named only in front of "the": a newspaper called by its one-word name ("the Ledger").
_MEDIA_SINGLE_WORDS = frozenset(
    """ledger courant times post journal herald tribune gazette globe chronicle observer
    register mirror bulletin telegraph""".split()
)

# Capitalised words that open a sentence or stand alone; never the start of a body's name.
SENTENCE_WORDS = frozenset(
    """a an the and or but in on at of for to from by with as after before during
    following since while when where if although though because other others some many
    most several this that these those his her their its our my your he she they we you
    it i there here what who which how why also still yet now then meanwhile however
    instead earlier later last next according both each every all no not one two three
    democrat democrats republicans
    more just only even so such about over under between without through into like
    unlike despite among around once again today yesterday tomorrow across outside inside
    near behind beyond members""".split()
)
# The same words as they open a sentence ("The", "But"): most runs of one word are one of
# these, found without lower-casing them first.
_SENTENCE_OPENERS = frozenset(word.capitalize() for word in SENTENCE_WORDS)
_CONNECTORS = r"(?:of|the|in|for|on|and|de|la|du|del|der|den|van|von|ter|da|di|&)"
_CAP_WORD = r"[A-ZÀ-Þ][\w'’&.-]*"
# A run of capitalised words, with the small words that may join them ("Walk in the Light
# Church of God"). The capital comes first and the look-behind after it, which lets the
# engine skip quickly to the next capital letter. The possessive quantifiers ("*+") say
# what is true anyway, that a word or a space given back could never start the next
# word, so the engine keeps no note of where to back off to.
CAPITALISED_PHRASE = re.compile(
    rf"[A-ZÀ-Þ](?<![\w'’.-].)[\w'’&.-]*+"
    rf"(?:[ \u00a0]++(?:{_CONNECTORS}[ \u00a0]++){{0,2}}[A-ZÀ-Þ][\w'’&.-]*+)*+"
)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,}$")
NOT_ACRONYMS = frozenset(
    """AM PM TV OK US USA UK ID DNA GPS CEO CFO COO CTO VP COVID AIDS HIV ICU ER PTSD
    LGBTQ LGBT LGBTQIA ASAP STEM DJ MC NW NE SW SE II III IV VI RIP FAQ PDF GED SAT ACT
    MVP AR BLM""".split()
)
ABBREVIATIONS = frozenset(
    """mr mrs ms dr rev st jr sr gov sen rep lt sgt capt col gen cmdr det insp prof msgr
    fr mt ft no inc co corp ltd vs jan feb aug sept sep oct nov dec u.s u.k d.c a.m p.m
    ave blvd rd""".split()
)
# A lower-case noun that, just before a capitalised name, says the name is a body.
_GROUP_NOUNS = (
    r"group|groups|organization|organizations|organisation|organisations|nonprofit|"
    r"nonprofits|non-profit|charity|charities|coalition|network|agency|company|firm|"
    r"ministry|church|outlet|station|newspaper|association|initiative|program|collective|"
    r"restaurant|bakery|shop|store|cafe|café|business|chain|brewery|grocer|grocery|"
    r"startup|manufacturer|developer|contractor|utility|union|team|club|troupe|choir|"
    r"congregation|clinic|hospital|museum|library|school|university|college|paper"
)
_S = r"[ \u00a0]+"  # the spaces between the words of a name
_GROUP_NOUN_SET = frozenset(_GROUP_NOUNS.split("|"))
# Words after which a capitalised name is the body someone owns or runs.
_OWNING_VERBS = frozenset(
    (
        *"owns owned co-owns runs ran founded co-founded manages managed operates".split(),
        *("operated", "owner of", "co-owner of", "founder of", "co-founder of"),
    )
)
# Words between a group noun and the names it introduces: "organizations like …".
_LIST_WORDS = frozenset({"like", "as", "including", "called", "named"})
_MEDIA_BEFORE = re.compile(rf"\b(?:told|to|with|for|in){_S}the{_S}$")
# "The agency, known as MART": a second name for a body already found, not a new one.
_ALIAS_BEFORE = re.compile(rf"(?:known{_S}as|called|or|\()[ \u00a0]*$")
# "X, a developer that …" is a company; "X, a developer who …" a person, and so is "X, a
# junior at the high school": the group noun must head the phrase, not follow "at".
_APPOSITIVE_GROUP = re.compile(
    rf",{_S}(?:a|an|the){_S}(?:(?!(?:at|of|in|for|with|from|on|to){_S})[\w'’-]+{_S}){{0,4}}?"
    rf"(?:{_GROUP_NOUNS})(?![\w'’-])(?!{_S}who(?![\w'’-]))"
)
_CITY_OF = re.compile(
    r"\b([Cc]ity|[Tt]own|[Ss]tate|[Cc]ounty) of ([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?)"
)
_POSSESSIVE = re.compile(r"['’]s?$")
# The same, quick to search running text with: it starts on a letter, not a word boundary
# (the finder checks the word and its boundary afterwards).
_CITY_OF_IN_TEXT = re.compile(
    r"([CcTtSs](?:ity|own|tate|ounty)) of ([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?)"
)
# Where such names may be, found much faster: a search that opens on the plain
# text " of " skips ahead at once, where one that opens on a choice of letters ([CcTtSs])
# tries them at every character of the paragraph.
_PLACE_OF_HINT = re.compile(
    r" of [A-Z](?:(?<=ity of .)|(?<=own of .)|(?<=tate of .)|(?<=ounty of .))"
)
_PLACE_KINDS = frozenset({"city", "town", "state", "county"})


def _places_of(text: str) -> list[re.Match[str]]:
    """What ``_CITY_OF_IN_TEXT.finditer(text)`` finds, found from the hints alone.

    Each such name has a hint right after its first word, whose last letters say where
    that word starts ("…ity of" and "…own of" four letters back, "…tate of" five, "…ounty
    of" six), so the pattern is tried there and nowhere else, rather than at every letter
    of the paragraph. Like ``finditer``, no name is read inside the one before it.
    """
    found = []
    end = 0
    for hint in _PLACE_OF_HINT.finditer(text):
        at = hint.start()
        if text[at - 3 : at] in ("ity", "own"):
            start = at - 4
        else:
            start = at - 5 if text[at - 4 : at] == "tate" else at - 6
        if start < end:
            continue  # before the text (or inside the name read last)
        match = _CITY_OF_IN_TEXT.match(text, start)
        if match is not None:
            found.append(match)
            end = match.end()
    return found


class OrganizationMention(NamedTuple):
    """A canonical organization name and where it was read."""

    paragraph: int
    offset: int
    name: str
    # Set when the name is only another name for a body already read ("known as MART").
    alias_of: str = ""


# Builds an :class:`OrganizationMention` from a plain tuple of all four fields (see
# :mod:`.records`).
_mention = partial(new_tuple, OrganizationMention)


def _key(word: str) -> str:
    return word.lower().rstrip(".,")


def _without_possessive(text: str) -> str:
    """``text`` without a possessive ending ("ART’s" → "ART", "Mothers’" → "Mothers").

    Most words have no apostrophe at all; looking for one first spares them the regular
    expression, which costs more to call than the search does.
    """
    if "'" in text or "’" in text:
        return _POSSESSIVE.sub("", text)
    return text


def is_acronym(word: str) -> bool:
    """An all-capital short name such as "NAACP" or "MART" (not "US" or "COVID")."""
    if len(word) < 2 or not word[1].isupper():
        return False
    core = _without_possessive(word).rstrip(".")
    return core not in NOT_ACRONYMS and _ACRONYM.match(core) is not None


@lru_cache(maxsize=PHRASE_CACHE_SIZE)
def looks_like_organization(name: str) -> bool:
    """Whether a capitalised phrase names a body by its shape alone.

    Most keywords count only where a body's name puts them: last ("Riverside General
    Hospital") or before "of"/"for"/"on" ("Board of Education"); community and faith words
    count anywhere ("Mothers United Against Violence", "Temple Beth Shalom"). A name that
    ends in a place word ("Church Street", "City Hall") is a place, not a body.
    """
    words = name.split()
    if not words:
        return False
    last = len(words) - 1
    if not last and not is_acronym(words[0]):
        return False  # "Police", "Church": a generic word, not a name
    if last and name.isupper():
        return False  # a run of capitals is shouting
    if words[-1].lower().rstrip(".,") in PLACE_WORDS:  # as _key() reads it
        return False
    keys = name.lower()
    if "'" in keys or "’" in keys or "." in keys or "," in keys:
        keys = _WORD_ENDINGS.sub("", keys)  # only these characters make word endings
    keys = keys.split()
    for position, key in enumerate(keys) if not _KEYWORD_SET.isdisjoint(keys) else ():
        if key not in KEYWORD_KINDS or not words[position][0].isupper():
            continue
        if (
            key == "court"
            and (position == 0 or _key(words[position - 1]) not in _COURT_KINDS)
            and (position == last or words[position + 1] != "of")
        ):
            continue  # "Bobby Hill Court" is a street; "Court of Appeals" a court
        if position == last or KEYWORD_KINDS[key] in {"community group", "faith"}:
            return True
        following = _key(words[position + 1])
        if following in {"of", "for", "on", "department", "district", "&", "and"}:
            return True
        if _key(words[last]) in KEYWORD_KINDS and key not in _LEADING_ONLY_EXCLUDED:
            return True  # "Police Benevolent Association": the body word ends it anyway
    if _TWO_CAPITALS.search(name) and any(map(is_acronym, words)):
        # "NVTA General Manager Ulrich Moss" is a person with the body's name before the
        # title, not a body.
        return _cut_at_person(name) == name if last else len(words[0]) >= 3
    return False


# What :func:`looks_like_organization` takes off the end of each word of a phrase, all at
# once: a possessive ending, or full stops and commas.
_WORD_ENDINGS = re.compile(r"(?:['’]s?|[.,]+)(?=\s|$)")


def _plain_key(key: str) -> str:
    """A lower-case word as the keyword lists hold it: without a possessive ending or a
    trailing full stop or comma ("hartford’s" → "hartford")."""
    if key[-1] in "'’":
        key = key[:-1]
    elif key[-2:] in {"'s", "’s"}:
        key = key[:-2]
    return key.rstrip(".,")


@lru_cache(maxsize=PHRASE_CACHE_SIZE)
def organization_kind(name: str) -> str:
    """A guess at the kind of body, from the words in its name.

    The name's own words decide first ("… Police", "… Church of God"); else the last
    keyword that is not a community word ("Friends of the Library" is a nonprofit), else
    a community word anywhere.
    """
    lowered = name.lower()
    if lowered.startswith(("city of", "town of", "state of", "county of")):
        return "government"
    words = lowered.split()
    if "sheriff" in lowered or "police" in words:
        return "law enforcement"
    if " of god" in lowered or "ministr" in lowered:
        return "faith"
    found = "other"
    for word in reversed(words):
        # Only a word ending in one of these letters has an ending to take off.
        kind = KEYWORD_KINDS.get(word if word[-1] not in "'’.,s" else _plain_key(word))
        if kind:
            if kind != "community group":
                return kind
            found = kind
    return found


@lru_cache(maxsize=PHRASE_CACHE_SIZE)
def canonical_name(name: str) -> str:
    """Fold the spellings of one organization into one name."""
    name = " ".join(name.split()).strip(" ,.;:")
    name = _without_possessive(name) if not name.endswith("s'") else name[:-1]
    if name.startswith("the "):
        name = name[4:]
    if name.startswith("The "):
        name = name[4:]
    if " of " in name:
        match = _CITY_OF.fullmatch(name)
        if match:
            return f"{match.group(1).capitalize()} of {match.group(2)}"
    if "police" not in name.lower():
        return name  # most names: nothing more to fold
    words = name.split()
    if len(words) >= 2 and words[-1].lower() == "police":
        words[-1] = "Police"
        return " ".join([*words, "Department"])
    if len(words) >= 3 and [w.lower() for w in words[-2:]] == ["police", "department"]:
        return " ".join([*words[:-2], "Police", "Department"])
    return name


class KnownOrganizations:
    """The caller's organizations, matched by name or alias in running text.

    ``names`` is either an iterable of names (each its own canonical name) or a mapping
    from every name and alias to the canonical name it stands for.
    """

    def __init__(self, names: Iterable[str] | Mapping[str, str] = ()):
        if isinstance(names, Mapping):
            pairs = [(str(alias), str(canonical)) for alias, canonical in names.items()]
        else:
            pairs = [(str(name), str(name)) for name in names]
        self.canonical = {alias.casefold(): canon for alias, canon in pairs if alias.strip()}
        self.pattern = _known_pattern(tuple(sorted({alias for alias, _ in pairs if alias.strip()})))

    def __bool__(self) -> bool:
        return bool(self.canonical)

    def find(self, text: str) -> list[tuple[int, str]]:
        """``(offset, canonical name)`` for every known name in ``text``."""
        if self.pattern is None:
            return []
        return [
            (match.start(), self.canonical[match.group(0).casefold()])
            for match in self.pattern.finditer(text)
        ]

    def lookup(self, name: str) -> str:
        """The canonical name for ``name`` when it is known, else ``""``."""
        if not self.canonical:
            return ""
        return self.canonical.get(canonical_name(name).casefold(), "") or self.canonical.get(
            name.casefold(), ""
        )


@lru_cache(maxsize=32)
def _known_pattern(aliases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not aliases:
        return None
    alternatives = []
    for alias in sorted(aliases, key=len, reverse=True):
        escaped = re.escape(alias.strip()).replace(r"\ ", r"\s+")
        if alias.isupper() and len(alias) <= 6:
            alternatives.append(escaped)
        else:
            alternatives.append(f"(?i:{escaped})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


@lru_cache(maxsize=PHRASE_CACHE_SIZE)
def split_phrase(phrase: str) -> tuple[tuple[int, str], ...]:
    """Cut a capitalised run into name-sized pieces, with their offsets in ``phrase``.

    The run is cut after a word that ends a sentence ("Hartford. The …") and at an "and"
    that ends a name (see :func:`_ends_a_name`). Sentence words at a piece's start are
    dropped.
    """
    space = phrase.find(" ")
    if space < 0:  # most runs are one word: a name, or a sentence's first word
        return () if _key(phrase) in SENTENCE_WORDS else ((0, phrase),)
    if "." in phrase[:-1]:
        return _cut_phrase(phrase)  # a full stop inside may end a sentence
    opens_sentence = phrase[:space].lower().rstrip(".,") in SENTENCE_WORDS  # as _key() reads it
    if not _SMALL_WORD_INSIDE.search(phrase):
        # Capitalised words only, one space apart: nothing cuts the run.
        if not opens_sentence:
            return ((0, phrase),)
        if phrase.isprintable() and "×" not in phrase:
            return _without_sentence_words(phrase)  # "But Hartford Police"
    elif (
        not opens_sentence
        and not _MAY_CUT.search(phrase)
        and _CALENDAR_WORDS.isdisjoint(phrase.lower().split())
    ):
        return ((0, phrase),)  # "Walk in the Light Church of God": nothing cuts it
    return _cut_phrase(phrase)


def _without_sentence_words(phrase: str) -> tuple[tuple[int, str], ...]:
    """:func:`split_phrase` for capitalised words one space apart, the first a sentence
    word: the run less the sentence words that open it ("But Hartford Police" → "Hartford
    Police"), or nothing when they are all it holds.

    The caller makes sure that every word opens on a capital letter (the run's capitals
    include "×", which is no letter) and that no other white space than " " parts them.
    """
    words = phrase.split(" ")
    offset = len(words[0]) + 1
    for word in words[1:]:
        if _key(word) not in SENTENCE_WORDS:
            return ((offset, phrase[offset:]),)
        offset += len(word) + 1
    return ()


def _cut_phrase(phrase: str) -> tuple[tuple[int, str], ...]:
    """:func:`split_phrase` for a run that may hold more than one name, word by word.

    The pieces are found first as ranges of word numbers, ``(begin, end)``, and only
    then trimmed and cut out of ``phrase``.
    """
    words = phrase.split()
    count = len(words)
    # Each word as :func:`_key` reads it, all lower-cased at once: lower-casing keeps the
    # white space where it was, so the keys line up with the words.
    keys = phrase.lower().split()
    if "." in phrase or "," in phrase:
        keys = [key.rstrip(".,") for key in keys]
    ranges = []
    begin = 0
    for index, word in enumerate(words):
        # Only a small word ("of", "on", "and" …) inside a piece may cut it.
        if (
            begin < index
            and word in _CONNECTOR_WORDS
            and (
                (index + 1 < count and keys[index + 1] in _CALENDAR_WORDS)  # "… on Monday"
                # "Golden Lantern Bakery on Canal Street": an address, not a name
                or (word == "on" and keys[index - 1] not in _TAKES_ON)
                # "Linden Elementary School in Westvale": the school, then a place
                or (word == "in" and keys[index - 1] in _KEYWORD_SET)
                or (
                    word == "and"
                    and _ends_a_name(" ".join(words[begin:index]), " ".join(words[index + 1 :]))
                )
            )
        ):
            ranges.append((begin, index))
            begin = index + 1
            continue
        if word[-1] == "." and not _is_abbreviation(word):
            ranges.append((begin, index + 1))
            begin = index + 1
    ranges.append((begin, count))
    pieces = []
    spaced_once = " ".join(words) == phrase  # the usual case: one space between words
    starts: list[int] = []  # where each word starts, found when the spacing is uneven
    for begin, end in ranges:
        # A piece loses the small and sentence words that open it and the small words
        # that end it.
        while begin < end and (keys[begin] in SENTENCE_WORDS or not words[begin][0].isupper()):
            begin += 1
        while begin < end and not words[end - 1][0].isupper():
            end -= 1
        if begin >= end:
            continue
        if spaced_once:
            # The piece is its words joined again, after the words before it and a space.
            if begin == 0:
                pieces.append((0, phrase if end == count else " ".join(words[:end])))
            else:
                first = len(" ".join(words[:begin])) + 1
                pieces.append((first, " ".join(words[begin:end])))
            continue
        if not starts:
            starts = [match.start() for match in _WORD.finditer(phrase)]
        first = starts[begin]
        pieces.append((first, phrase[first : starts[end - 1] + len(words[end - 1])]))
    return tuple(pieces)


# A word of a capitalised run that is not capitalised ("of", "&"), or a doubled space.
_SMALL_WORD_INSIDE = re.compile(r" (?![A-ZÀ-Þ])")
# The small words at which a run may be cut in two, and doubled spaces.
_MAY_CUT = re.compile(r" (?:and|on|in|\s)")
_CALENDAR_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december jan feb mar apr jun
    jul aug sep sept oct nov dec""".split()
)
# Bodies whose names go on with "on": "Council on Aging", "Commission on Human Rights".
_TAKES_ON = frozenset("council commission committee coalition force conference center".split())


def _ends_a_name(left: str, rest: str) -> bool:
    """Whether "and" between ``left`` and ``rest`` separates two names.

    "Mothers United Against Violence and COMPASS Peacebuilders" are two bodies, but
    "Millbrook Water and Sewer Commission" and "Department of Energy and Environmental
    Protection" are one each.
    """
    first = rest.split(" ", 1)[0] if rest else ""
    if is_acronym(first) or title_end([first, "X"], 0) or _key(first) in _HONORIFIC_WORDS:
        return True
    if not looks_like_organization(left):
        return False
    if _key(left.split()[-1]) in _FIELD_NOUNS:
        return False  # "Department of Health and Human Services": one body's two fields
    return " of " not in f" {left} " or looks_like_organization(rest)


# Nouns that name what a body deals with; "and" after one of them joins a second field.
_FIELD_NOUNS = frozenset(
    """health education energy environment environmental housing transportation safety
    science arts art history culture commerce labor industry parks recreation planning
    development research technology water sewer human family youth aging justice
    protection conservation""".split()
)
_HONORIFIC_WORDS = frozenset(
    "mr mrs ms dr rev rabbi imam pastor father sister bishop archbishop mayor".split()
)


# Every word a title can start with.
_TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS | MULTIWORD_FIRSTS
# Every word that can end a title or open the multi-word head that ends one.
_TITLE_ENDS = TITLE_HEADS | MULTIWORD_FIRSTS


def _is_abbreviation(word: str) -> bool:
    core = word.rstrip(".").lower()
    return len(core) <= 1 or core in ABBREVIATIONS or "." in core


def _strip_word_dot(name: str) -> str:
    if name[-1:] == "." and not _is_abbreviation(name.rsplit(None, 1)[-1]):
        return name[:-1]
    return name


def _cut_at_person(name: str) -> str:
    """Drop a person written after a body's name ("Hartford Police Chief Jason Thody")."""
    keys = name.lower().split()  # each word lower-cased, as :func:`word_key` would
    if "." in name:
        keys = [key.rstrip(".") for key in keys]
    if _TITLE_ENDS.isdisjoint(keys[1:-1]):
        # A title ends on a head word or a multi-word head, and a person's name must
        # follow it: with none of those between the first word and the last, no person.
        return name
    words = name.split()
    count = len(words)
    for position in range(1, count):
        if keys[position] not in _TITLE_WORDS:
            continue  # no title starts here (cheaper to see than to ask title_end_of_keys)
        if words[position - 1] in _CONNECTOR_WORDS:
            continue  # "Board of | Education President": still inside the body's name
        if position < title_end_of_keys(keys, position) < count:
            # a title with a name after it; "Office of the State Comptroller" ends in one
            return " ".join(words[:position])
    return name


class Piece(NamedTuple):
    """A name-sized piece of a capitalised run: where its run starts, where it starts,
    its words, and its place in the run (0 for the first)."""

    run_start: int
    offset: int
    text: str
    number: int


def capitalised_pieces(text: str) -> list[Piece]:
    """Every name-sized capitalised piece of ``text``, in order (plain tuples, which are
    quicker to build than :class:`Piece` and unpack the same way)."""
    pieces = []
    for run in CAPITALISED_PHRASE.finditer(text):
        start = run.start()
        phrase = run.group()
        if " " not in phrase:  # most runs: one word, a name or a sentence's first word
            if (
                phrase not in _SENTENCE_OPENERS
                and phrase.lower().rstrip(".,") not in SENTENCE_WORDS  # as _key() reads it
            ):
                pieces.append((start, start, phrase, 0))
            continue
        for number, (relative, piece) in enumerate(split_phrase(phrase)):
            pieces.append((start, start + relative, piece, number))
    return pieces


def find_organization_mentions(
    paragraphs: list[str],
    known: KnownOrganizations,
    is_person: Callable[[str], bool] = lambda words: False,
    pieces: list[list[Piece]] | None = None,
) -> list[OrganizationMention]:
    """Organizations named in the paragraphs, in reading order (repeats included).

    ``is_person`` says whether words name a person, so that "Naomi Feldstein of Temple
    Beth Shalom" yields the temple and not the rabbi. ``pieces`` may pass in the
    paragraphs' :func:`capitalised_pieces` when the caller has them already; a piece whose
    first letter is hidden in ``paragraphs`` (by masking) is passed over.
    """
    found: list[OrganizationMention] = []
    aliases: dict[str, str] = {}
    # Names of more than one word, to spell out an acronym written later ("NVTA" →
    # Northern Valley Transit Authority).
    spelled = _Initials()
    has_known = bool(known)
    for index, text in enumerate(paragraphs):
        taken: list[tuple[int, int]] = []
        for offset, name in known.find(text) if has_known else ():
            found.append(_mention((index, offset, name, "")))
            taken.append((offset, offset + len(name)))
        if " of " in text:
            for match in _places_of(text):
                start = match.start()
                if match[1].lower() not in _PLACE_KINDS or (start and text[start - 1].isalnum()):
                    continue
                if not _overlaps(taken, match.start()):
                    name = canonical_name(match[0])
                    found.append(_mention((index, match.start(), name, "")))
                    taken.append((match.start(), match.end()))
        runs = pieces[index] if pieces is not None else capitalised_pieces(text)
        for run_start, offset, piece, number in runs:
            if text[offset] != piece[0] or (taken and _overlaps(taken, offset)):
                continue
            spaced = " " in piece
            if not spaced:
                if not piece[1:2].isupper():
                    # One ordinary word ("Thody", "Hartford"): a body only when what stands
                    # around it says so, which most often it does not.
                    key = piece.lower().rstrip(".,")
                    if key in _MEDIA_SINGLE_WORDS:
                        if _MEDIA_BEFORE.search(text, max(0, offset - 20), offset):
                            name = _strip_word_dot(piece)
                            found.append(_mention((index, offset, name, "")))  # "the Ledger"
                        continue
                    if key in _CALENDAR_WORDS:
                        continue  # "its management company Thursday": a day, never a body
                    after = offset + len(piece)
                    context = _group_context(text, run_start)
                    if context is None and (
                        text[after : after + 1] != "," or not _APPOSITIVE_GROUP.match(text, after)
                    ):
                        continue
                    capitals = False
                else:
                    capitals = _TWO_CAPITALS.search(piece) is not None
                    context = _group_context(text, run_start)
            else:
                capitals = _TWO_CAPITALS.search(piece) is not None
                if piece.count(" ") > 1:  # only a name of three words or more is spelled out
                    spelled.add(index, offset, piece)
                context = _group_context(text, run_start)
            acronym = capitals and is_acronym(piece)
            if acronym:
                piece = _without_possessive(piece)  # "ART’s artistic director"
            if capitals:
                for word in piece.split():
                    if not is_acronym(word):
                        continue
                    short = _without_possessive(word)
                    if short in aliases:
                        continue
                    full = spelled.find(short)
                    if full is None:
                        continue
                    # "Ashgrove Repertory Theatre … ART": the initials make the full name a
                    # body, whatever it ends with, and the acronym another name for it.
                    name = canonical_name(full[2])
                    if all(mention.name != name for mention in found):
                        found.append(_mention((full[0], full[1], name, "")))
                    aliases[short] = name
                    if short != piece:  # "DSU Faculty Senate": DSU is read here too
                        where = offset + piece.find(word)
                        found.append(_mention((index, where, short, name)))
            if acronym and (
                piece in aliases or _ALIAS_BEFORE.search(text, max(0, offset - 12), offset)
            ):
                # "The agency, known as MART": another name for the body read last.
                if piece not in aliases and found:
                    aliases[piece] = found[-1].name
                found.append(_mention((index, offset, piece, aliases.get(piece, ""))))
                continue
            if (
                acronym
                and _THING_BEFORE.search(text, max(0, offset - 30), offset)
                and not _LOWER_WORD_AFTER.match(text, offset + len(piece))
            ):
                continue  # "a torn ACL": a thing; but "an FBI agent" names the FBI
            if acronym and (
                _CAPITALS_BEFORE.search(text, max(0, offset - 12), offset)
                or _CAPITALS_AFTER.match(text, offset + len(piece))
            ):
                continue  # "NO DYE PACKS, NO ALARMS": a word of a shouted run
            after = offset + len(piece)
            # After "group …" only the first name is a body; after "groups like …", all.
            listed = context is not None and (number == 0 or context)
            if (
                spaced
                and not listed
                and offset >= 4
                and text[offset - 4 : offset].lower() == "the "
                and _NAMED_VENUE_AFTER.match(text, after)
                and _key(piece.rsplit(" ", 1)[-1]) not in _PLACE_ENDINGS
            ):
                listed = True  # "the Blue Lantern club": the club is named Blue Lantern
            # An appositive starts on a comma: "X, a developer that …".
            appositive = text[after : after + 1] == "," and _APPOSITIVE_GROUP.match(text, after)
            if (
                not acronym
                and not listed
                and not appositive
                and not (
                    spaced
                    and (
                        _has_body_word(piece)
                        or " & " in piece  # "Hargrove & Pell": a firm of partners
                        or (capitals and any(map(is_acronym, piece.split())))
                    )
                )
            ):
                continue  # no body word, no context: a person's name, a place, a day
            if spaced:  # one word has no sentence opener to lose
                offset, piece = _without_sentence_opener(text, offset, piece)
            piece = with_number(text, offset, piece)
            offset, name = _body_of_person(offset, _strip_word_dot(piece), is_person)
            end = offset + len(name)
            named_by_context = (
                listed
                or (
                    appositive
                    if end == after
                    else text[end : end + 1] == "," and _APPOSITIVE_GROUP.match(text, end)
                )
                or (" & " in name and _FIRM.fullmatch(name) is not None)
            )
            if not named_by_context:
                name = _cut_at_person(name)
                if not looks_like_organization(name):
                    continue
            canonical = (has_known and known.lookup(name)) or canonical_name(name)
            if canonical and canonical[0].isupper() and not is_person(canonical):
                found.append(_mention((index, offset, canonical, "")))
                taken.append((offset, offset + len(name)))
    found.sort(key=itemgetter(0, 1))  # by paragraph, then offset
    if aliases:
        found = [
            mention._replace(alias_of=aliases[mention.name]) if mention.name in aliases else mention
            for mention in found
        ]
    return found


class _Initials:
    """Capitalised names, looked up by their initials.

    Only a name written with two spaces or more (three words) is spelled out by an
    acronym, so only those are added; :meth:`find` works out initials only when an
    acronym comes.
    """

    def __init__(self) -> None:
        self.pieces: list[tuple[int, int, str]] = []
        self.letters: dict[int, str] = {}  # the initials worked out so far, by piece number

    def add(self, paragraph: int, offset: int, piece: str) -> None:
        self.pieces.append((paragraph, offset, piece))

    def find(self, acronym: str) -> tuple[int, int, str] | None:
        """The earliest name, or leading part of one, whose initials spell ``acronym``
        (three letters at least: two match by chance too often, "CT", "DC")."""
        if len(acronym) < 3:
            return None
        for index, (paragraph, offset, piece) in enumerate(self.pieces):
            if piece[0] != acronym[0]:
                continue  # a piece opens on a capital, the first of its initials
            letters = self.letters.get(index)
            if letters is None:
                letters = self.letters[index] = _initials_of(piece)
            if letters.startswith(acronym):
                words = piece.split()
                found = 0
                for end, word in enumerate(words, start=1):
                    if word not in _INITIAL_SKIPS:
                        found += 1
                        if found == len(acronym):
                            return paragraph, offset, " ".join(words[:end])
        return None


def _initials_of(piece: str) -> str:
    """The initials of a capitalised name, small words skipped, up to its first lower-case
    word ("Dunmore State University Board of Trustees" → "DSUBT"); "-" when it has none."""
    letters = []
    for word in piece.split():
        if word in _INITIAL_SKIPS:
            continue
        if not word[0].isupper():
            break
        letters.append(word[0])
    return "".join(letters) or "-"


_TWO_CAPITALS = re.compile(r"[A-Z][A-Z]")
# "a torn ACL", "an MRI": an acronym after an indefinite article is a thing.
_THING_BEFORE = re.compile(r"\b[Aa]n?[ \u00a0]+(?:[a-z][\w-]*[ \u00a0]+)?$")
_LOWER_WORD_AFTER = re.compile(r"[ \u00a0]+[a-z]")
# Another word in capitals right before or after, in the same run of words: the acronym
# is part of shouting ("NO ALARMS"), not one of a list ("the FBI, ATF and police").
_CAPITALS_BEFORE = re.compile(r"\b[A-Z]{2,} +$")
_CAPITALS_AFTER = re.compile(r" +[A-Z]{2,}\b")
# A capitalised name with a lower-case venue noun after it: "the Blue Lantern club" (but
# "the Millbrook City firm" only says where the firm is).
_NAMED_VENUE_AFTER = re.compile(
    rf"{_S}(?:club|nightclub|restaurant|bar|bakery|cafe|café|diner|tavern|pub|brewery|"
    r"store|shop|gallery|band|choir|troupe)\b"
)
_PLACE_ENDINGS = PLACE_WORDS | frozenset("city county town village state".split())
# Partners' names joined by an ampersand: "Hargrove & Pell", "Pruitt, Hale & Moss".
_FIRM = re.compile(r"[A-Z][\w'’-]+(?:,? [A-Z][\w'’-]+)*,? & [A-Z][\w'’-]+")

_INITIAL_SKIPS = frozenset({"of", "the", "and", "for", "&", "on", "in", "at", "de"})


def _has_body_word(piece: str) -> bool:
    """Whether any word of ``piece`` is one organizations are named with."""
    words = piece.lower()
    if "." in words or "'" in words or "’" in words:  # most names have none of these
        words = (words + " ").replace(".", " ").replace("’s ", " ").replace("'s ", " ")
    return not _KEYWORD_SET.isdisjoint(words.split())


def _group_context(text: str, start: int) -> bool | None:
    """Whether a run follows a word that makes it a body: ``None`` when not, else whether
    that word opens a list ("organizations like X and Y")."""
    if start < 2 or text[start - 1] != " ":
        return None  # no word right before the run
    # The word before (what :func:`_word_before` reads, in fewer steps: no context word
    # is long enough to reach back past the 30 letters it looks at).
    space = text.rfind(" ", 0, start - 1)
    word = text[space + 1 : start - 1].lower()
    start = space + 1
    if word not in _CONTEXT_WORDS:
        return None  # the usual case: the word before says nothing
    if word == "the":
        word, start = _word_before(text, start)
    listing = word in _LIST_WORDS
    if listing:
        word, start = _word_before(text, start)
        if word == "such":  # "such as"
            word, start = _word_before(text, start)
    if word == "of":
        owner, _ = _word_before(text, start)
        word = f"{owner} of"
    if word in _OWNING_VERBS:
        return listing
    if word in _GROUP_NOUN_SET:
        if _word_before(text, start)[0] == "retired":
            return None  # "retired contractor Bogdan Wierzbicki": a person's former trade
        return listing
    return None


# Every word that can stand right before a name in the contexts above.
_CONTEXT_WORDS = (
    _GROUP_NOUN_SET
    | _LIST_WORDS
    | frozenset(verb.split()[-1] for verb in _OWNING_VERBS)
    | frozenset({"the", "of", "such"})
)


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The lower-case word ending one space before ``start``, and where it starts."""
    if start < 2 or text[start - 1] != " ":
        return "", start
    space = text.rfind(" ", max(0, start - 30), start - 1)
    return text[space + 1 : start - 1].lower(), space + 1


_SENTENCE_START = re.compile(r"[.!?][\"”’)]*\s+$")
_WORD = re.compile(r"\S+")
_NUMBER_AFTER = re.compile(r"[ \u00a0]\d{1,5}\b")


def _opens_sentence(text: str, offset: int) -> bool:
    return not text[:offset].strip() or bool(
        _SENTENCE_START.search(text, max(0, offset - 6), offset)
    )


_CONNECTOR_WORDS = frozenset(
    "of the in for on and de la du del der den van von ter da di &".split()
)
_NUMBERED = frozenset("local district chapter lodge precinct ward post unit".split())


def _without_sentence_opener(text: str, offset: int, piece: str) -> tuple[int, str]:
    """ "Members of Mothers Against …" at a sentence's start: the first word is only
    capitalised because it opens the sentence."""
    words = piece.split(" ")
    if (
        len(words) > 2
        and words[1] in _CONNECTOR_WORDS
        and words[1] != "&"  # "Haskell & Drummond Builders": partners' names, both kept
        and _opens_sentence(text, offset)
    ):
        rest = 2
        while rest < len(words) and words[rest] in _CONNECTOR_WORDS:
            rest += 1
        cut = len(" ".join(words[:rest])) + 1
        return offset + cut, piece[cut:]
    return offset, piece


def with_number(text: str, offset: int, piece: str) -> str:
    """A union local or a district keeps its number: "United Steelworkers Local 4412",
    and "Local 311 of the United Bakery Workers Union" is one body."""
    if not text[offset + len(piece) + 1 : offset + len(piece) + 2].isdigit():
        return piece  # the usual case: no number after the name
    if _key(piece.split()[-1]) in _NUMBERED:
        number = _NUMBER_AFTER.match(text, offset + len(piece))
        if number:
            piece += number.group()
            parent = _PARENT_BODY.match(text, offset + len(piece))
            if len(piece.split()) == 2 and parent and looks_like_organization(parent["body"]):
                piece += parent.group()
    return piece


# The body a numbered part belongs to: "[Local 311] of the United … Workers Union".
_PARENT_BODY = re.compile(
    rf"{_S}of{_S}the{_S}(?P<body>{_CAP_WORD}(?:{_S}(?:(?:of|and|for|&){_S})?{_CAP_WORD})*)"
)


def _body_of_person(offset: int, name: str, is_person: Callable[[str], bool]) -> tuple[int, str]:
    """ "Rabbi Naomi Feldstein of Temple Beth Shalom" → the temple, at its offset."""
    if " of " not in name:
        return offset, name
    of = name.find(" of ")
    if of > 0 and is_person(name[:of]):
        rest = name[of + 4 :]
        if rest.startswith("the "):
            rest = rest[4:]
        return offset + len(name) - len(rest), rest
    return offset, name


def _overlaps(taken: list[tuple[int, int]], offset: int) -> bool:
    # A plain loop: a generator for any() costs more to set up than the few spans cost
    # to compare.
    for start, end in taken:  # noqa: SIM110
        if start <= offset < end:
            return True
    return False
