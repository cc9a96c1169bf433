"""People's names, and the honorifics and titles written in front of them.

News copy introduces a person once in full, usually wrapped in what they are:

    Archbishop Dexter Burke            honorific + name
    Hartford Police Chief Jason Thody  place + title + name  (the place implies the employer)
    state Sen. Jane Doe                title with a modifier + name

and afterwards by surname alone ("Burke said") or by pronoun. This module reads such a
phrase into :class:`NameParts`. It knows words, not articles: resolving "Burke" or "she" to
somebody introduced earlier is the job of :mod:`.mentions`, and the words in front of a
name are listed in :mod:`.titles`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .organizations import (
    KEYWORD_KINDS,
    PHRASE_CACHE_SIZE,
    PLACE_WORDS,
    looks_like_organization,
)
from .records import new_tuple
from .titles import (
    HONORIFICS,
    MULTIWORD_FIRSTS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    gender_of_title,
    title_end_of_keys,
)

# Place words that are never surnames ("Rialto Theatre"); "Hill" and "Hall" can be.
_PLACE_NOT_SURNAME = PLACE_WORDS - {"hill", "hall", "field", "park", "lake", "way", "place"}

NAME_PARTICLES = frozenset(
    {
        "de",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "du",
        "bin",
        "ibn",
        "al",
        "el",
        "st",
        "st.",
        "y",
        "ter",
        "ten",
    }
)
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "phd", "md", "esq"})

# Capitalised words that are never part of a person's name: sentence openers, days,
# months and the words organizations are built from.
NOT_NAME_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "in",
        "on",
        "at",
        "of",
        "for",
        "to",
        "from",
        "by",
        "with",
        "as",
        "after",
        "before",
        "during",
        "following",
        "since",
        "while",
        "when",
        "where",
        "if",
        "although",
        "though",
        "because",
        "other",
        "others",
        "some",
        "many",
        "most",
        "several",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "he",
        "she",
        "they",
        "we",
        "you",
        "it",
        "i",
        "there",
        "here",
        "what",
        "who",
        "which",
        "how",
        "why",
        "also",
        "still",
        "yet",
        "now",
        "then",
        "meanwhile",
        "however",
        "instead",
        "earlier",
        "later",
        "last",
        "next",
        "according",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "police",
        "officials",
        "city",
        "town",
        "state",
        "county",
        "department",
        "association",
        "church",
        "council",
        "board",
        "university",
        "college",
        "school",
        "schools",
        "hospital",
        "center",
        "centre",
        "coalition",
        "committee",
        "commission",
        "office",
        "court",
        "group",
        "news",
        "street",
        "avenue",
        "road",
        "democrats",
        "republicans",
        "democrat",
        "republican",
        "both",
        "each",
        "all",
        "no",
        "not",
        "one",
        "two",
        "three",
        "first",
        "second",
        "third",
        "new",
        "more",
        "less",
        "just",
        "only",
        "even",
        "so",
        "such",
        "about",
        "over",
        "under",
        "between",
        "against",
        "without",
        "through",
        "into",
        "like",
        "unlike",
        "despite",
        "among",
        "around",
        "asked",
        "said",
        "says",
        "told",
        "once",
        "again",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "residents",
        "people",
        "members",
        "leaders",
        "authorities",
        "neither",
        "either",
        "every",
    }
)

# Either of the above: one lookup tells that a capitalised word is no name.
_NEVER_NAME_WORDS = NOT_NAME_WORDS | _PLACE_NOT_SURNAME

# Common first names, to tell "he" from "she" when the copy gives nothing else away. A
# name found in neither list simply leaves the gender unknown.
FEMALE_FIRST_NAMES = frozenset(
    """abena abigail adriana aisha alexis alice alicia allison alma amanda amber amy ana
    andrea angela anita ann anna anne annette april ashley audrey barbara beatrice becky
    bernice beth bethany betty beverly bianca bonnie brenda bridget brittany camille
    candace carla carmen carol caroline carolyn catherine cecilia charlene charlotte chloe
    christina christine cindy claire claudia colleen connie crystal cynthia daisy dana
    danielle daphne darlene dawn debbie deborah debra delores denise diana diane dolores
    donna doris dorothy edith eileen elaine eleanor elena elizabeth ella ellen eloise emily
    emma erica erika erin ernestine esperanza esther ethel eugenia eva evelyn faith fatima
    felicia florence frances gabriela gail gertrude gina gladys gloria grace gwen gwendolyn
    hannah harriet hazel heather heidi helen holly ifeoma imani irene iris isabel isabella
    jacqueline jamila jane janet janice jasmine jean jeanette jennifer jessica jill joan
    joanne josephine joy joyce juanita judith judy julia julie june karen karina kate
    katherine kathleen kathryn katie kayla keisha kelly kimberly kristin kristen lakisha
    latasha latoya laura lauren leah leticia lillian lin linda lisa lois loretta lorraine
    louise lucia lucy luz lydia lynn mabel madison mae marcia margaret maria mariana marie
    marilyn marion marjorie martha mary maureen maxine maya megan mei melanie melissa
    michelle mildred miriam molly monica monique nadia nancy naomi natalie nicole nina
    nora norma odessa olga olivia pamela patricia paula pauline pearl peggy penny phyllis
    priscilla priya rachel ramona rebecca regina renee rhonda rita roberta rosa rosalind
    rose rosemary ruby ruth sabrina sally samantha sandra sara sarah shanice shannon sharon
    sheila shirley sofia sonia sophia stacy stella stephanie sue susan suzanne sylvia
    tamara tamika tammy tanisha tanya tara teresa theresa tiffany tina tonya tracy ursula
    valerie vanessa vera veronica vicki victoria violet virginia wanda wendy whitney
    wilma yesenia yolanda yvonne zoe""".split()
)
MALE_FIRST_NAMES = frozenset(
    """aaron abdul adam adrian ahmed alan albert alejandro alexander alfred ali allen alvin
    andre andrew andy angel anthony antonio arthur barry ben benjamin bernard bill billy
    bob bobby brad bradley brandon brian bruce bryan calvin carl carlos cedric charles
    chris christopher clarence claude clifford clinton cody colin craig curtis dale dan
    daniel danny darius darnell darryl dave david dean dennis derek derrick desmond dexter
    diego dominic don donald douglas duane dwayne dwight earl eddie edgar eduardo edward
    elijah elliott emmanuel enrique eric ernest eugene felipe fernando francis francisco
    frank franklin fred frederick gabriel gary gene geoffrey george gerald gilbert glenn
    gordon greg gregory harold harry hassan hector henry herbert herman howard hugh ian
    ibrahim isaac ivan jack jacob jamal james jared jason javier jay jeff jeffrey jeremy
    jerome jerry jesse jesus jim jimmy joe joel john johnny jon jonathan jorge jose joseph
    joshua juan julian julio justin keith kelvin ken kenneth kevin kofi kwame kyle lamar
    lance larry lawrence lee leo leon leonard leroy lewis lloyd louis luis luke lyle
    malcolm malik manuel marcus mario mark martin marvin matthew maurice max melvin
    michael miguel mike milton mohammed muhammad nathan nathaniel neil nelson nicholas
    nick norman oliver omar oscar otis patrick paul pedro peter philip rafael ralph
    ramon randall randy raul ray raymond reginald ricardo richard rick robert roberto
    roderick rodney roger roland ronald ross roy russell ryan salvador sam samuel scott
    sean sergio seth shawn sidney solomon stanley stephen steve steven stuart sven ted
    terrence terry theo theodore thomas tim timothy tobias todd tom tomas tomás tony
    travis trevor tyrone victor vincent walter warren wayne wesley william willie yusuf
    zachary""".split()
)
# Either list: a set test tells whether any of several lower-case words is a first name.
FIRST_NAMES = FEMALE_FIRST_NAMES | MALE_FIRST_NAMES
# Both lists as one lookup; the female list wins, as it is read first in the lists' order.
_FIRST_NAME_GENDERS = dict.fromkeys(MALE_FIRST_NAMES, "m") | dict.fromkeys(FEMALE_FIRST_NAMES, "f")
# Nouns that say whether the person they describe is a woman or a man ("Gaines' mother,
# Loretta Gaines"; "a man at the back of the room").
FEMALE_NOUNS = frozenset(
    """woman women girl mother mom grandmother grandma wife daughter sister aunt niece
    widow bride lady actress waitress spokeswoman chairwoman councilwoman congresswoman
    businesswoman alderwoman selectwoman policewoman sportswoman""".split()
)
MALE_NOUNS = frozenset(
    """man men boy father dad grandfather grandpa husband son brother uncle nephew widower
    groom gentleman actor waiter spokesman chairman councilman congressman businessman
    alderman selectman policeman sportsman""".split()
)

PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip

_LOWER_WORD = re.compile(r"[a-z]+")
_NAME_PUNCTUATION = str.maketrans("", "", "-'’.")
_TOKEN = re.compile(r"[^\s,;:()\[\]]+")
# What splits words in _TOKEN besides white space, and the quotation marks _clean takes off:
# one set test tells whether a phrase holds either.
_PUNCTUATION = frozenset(",;:()[]\"“”'‘’")


class NameParts(NamedTuple):
    """What one phrase says about a person.

    ``organization`` is only what the phrase itself implies ("Hartford Police Chief" →
    "Hartford Police Department"); descriptors after the name are read elsewhere.
    """

    name: str
    honorific: str = ""
    title: str = ""
    organization: str = ""
    gender: str = ""

    @property
    def surname(self) -> str:
        return surname_of(self.name)

    @property
    def first_name(self) -> str:
        return self.name.split(" ", 1)[0]


def tokens_of(phrase: str) -> list[str]:
    """Split a phrase into words, keeping abbreviation stops and apostrophes inside words."""
    return _TOKEN.findall(phrase)


def _key(token: str) -> str:
    return token.lower().rstrip(".")


def surname_of(name: str) -> str:
    """The family name: the last word that is not a suffix such as "Jr."."""
    last = name.rpartition(" ")[2]
    # Suffixes of letters are three letters at most (and lower-casing never shortens a
    # word), so a longer last word needs no lower-casing to be told from one.
    if last.isalpha() and (len(last) > 3 or last.lower() not in NAME_SUFFIXES):
        return last  # the commonest case, settled without splitting the name
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def gender_of_words(text: str) -> str:
    """The gender a description gives away ("his mother" → "f"), or ``""``."""
    for word in _LOWER_WORD.findall(text.lower()):
        if word in FEMALE_NOUNS:
            return "f"
        if word in MALE_NOUNS:
            return "m"
    return ""


def gender_of_first_name(first_name: str) -> str:
    return _FIRST_NAME_GENDERS.get(first_name.lower(), "")


@lru_cache(maxsize=PHRASE_CACHE_SIZE)
def is_name_word(token: str) -> bool:
    """A capitalised word, an initial ("J."), or an all-capital short surname."""
    if token.isalpha():
        # Most words: letters only, so no stop to take off, no party prefix ("D-…") and
        # nothing to check past the capital and the list of words that are never names.
        return token[0].isupper() and token.lower() not in _NEVER_NAME_WORDS
    if not token[:1].isupper():  # also settles the empty string
        return False
    core = token.rstrip(".")
    if core.lower() in _NEVER_NAME_WORDS:
        return False
    if len(core) == 1:
        return True  # an initial
    if core[1] == "-" and core[0] in "DRI":
        return False  # "D-Brightwater": a lawmaker's party and home town
    # Letters, with hyphens, apostrophes and full stops inside ("O'Neill", "J.R"); most
    # names are letters only, which one test settles.
    return core.isalpha() or (core[0].isalpha() and core.translate(_NAME_PUNCTUATION).isalpha())


def valid_name(tokens: list[str]) -> bool:
    """Whether the words can be a person's name on their own."""
    return _valid_name_from(tokens, [_key(token) for token in tokens], 0)


def _valid_name_from(tokens: list[str], keys: list[str], start: int) -> bool:
    """:func:`valid_name` of ``tokens[start:]``, with the words' keys worked out already.

    A key in ``_NEVER_NAME_WORDS`` makes :func:`is_name_word` false, so testing the key
    first settles the commonest failures ("of", "Against") without calling it.
    """
    count = len(tokens)
    if (
        not 0 < count - start <= 5
        or keys[start] in _NEVER_NAME_WORDS
        or not is_name_word(tokens[start])
    ):
        return False
    last = count - 1
    for position in range(start + 1, count):
        key = keys[position]
        if key in NAME_PARTICLES and position < last:
            continue
        if key in NAME_SUFFIXES and position == last:
            continue
        if key in _NEVER_NAME_WORDS or not is_name_word(tokens[position]):
            return False
    return True


def _organization_from_prefix(prefix: list[str], title: str) -> str:
    """What a place or body written before a title says about the employer."""
    if not prefix or not all(t[0].isupper() or t in _CONNECTORS for t in prefix):
        return ""
    place = " ".join(prefix)
    if looks_like_organization(place):
        return place
    lowered = title.lower()
    if "police" in lowered or lowered in {"chief", "deputy chief", "assistant chief"}:
        return f"{place} Police Department"
    if "fire" in lowered:
        return f"{place} Fire Department"
    if lowered.split()[-1] in {
        "mayor",
        "manager",
        "councilman",
        "councilwoman",
        "councilor",
    } and not lowered.startswith("general"):  # a general manager runs a business
        return f"City of {place}"
    if "superintendent" in lowered:
        return f"{place} Public Schools"
    return ""


def _clean(tokens: list[str]) -> list[str]:
    cleaned = [t.strip("\"“”'‘’") for t in tokens]
    return [t for t in cleaned if t]


@lru_cache(maxsize=PHRASE_CACHE_SIZE)
def parse_person_phrase(phrase: str) -> NameParts | None:
    """Read "[place] [title] [honorific] Name" into its parts; ``None`` if it is no name.

    >>> parse_person_phrase("Hartford Police Chief Jason Thody")
    NameParts(name='Jason Thody', honorific='', title='Police Chief', \
organization='Hartford Police Department', gender='m')
    """
    if " " not in phrase:  # a bare surname, the commonest reference
        if phrase.isalpha():  # letters only: no quotation mark to take off, no possessive
            word = phrase
        else:
            word = phrase.strip(_QUOTE_CHARS)
            if word.endswith(_POSSESSIVE_ENDINGS):
                return None
        if not is_name_word(word):
            return None
        return new_tuple(NameParts, (word, "", "", "", gender_of_first_name(word)))
    # "Kelvin Lovejoy", the commonest shape: two plain name words, neither a title or an
    # honorific. The general reading below comes to the same parts. For a word of letters
    # only, is_name_word() is a capital and a key outside _NEVER_NAME_WORDS, so one set
    # test settles both words and the title test at once.
    first, _, last = phrase.partition(" ")
    if (
        first.isalpha()
        and last.isalpha()
        and first[0].isupper()
        and last[0].isupper()
        and _NOT_PLAIN_NAME_WORDS.isdisjoint((first_key := first.lower(), last.lower()))
    ):
        return new_tuple(NameParts, (phrase, "", "", "", _FIRST_NAME_GENDERS.get(first_key, "")))
    if _PUNCTUATION.isdisjoint(phrase):
        # As tokens_of(phrase): with no punctuation that separates words and no quotation
        # mark to clean off (the common case), a plain split gives the same words.
        tokens = phrase.split()
        # Lower-casing the phrase neither makes nor takes away white space, so its words
        # are the words' keys, unless a full stop has to come off the end of one.
        keys = (
            phrase.lower().split()
            if "." not in phrase
            else [token.lower().rstrip(".") for token in tokens]
        )
    else:
        tokens = _TOKEN.findall(phrase)
        if _QUOTE_AT_EDGE.search(phrase):
            tokens = _clean(tokens)
        keys = [token.lower().rstrip(".") for token in tokens]
    # "The", "a" and "an" in front go; "A." is an initial.
    while keys and keys[0] in _ARTICLES and tokens[0][-1] != ".":
        tokens = tokens[1:]
        keys = keys[1:]
    count = len(tokens)
    if not count or count > 9 or tokens[-1].endswith(_POSSESSIVE_ENDINGS):
        return None  # "Burke's" belongs to a longer phrase
    last_key = keys[-1]
    if (last_key in _NEVER_NAME_WORDS or not is_name_word(tokens[-1])) and (
        last_key not in NAME_SUFFIXES
    ):
        return None  # a name ends with a name: "… Association" is no one (the key says so)
    if FRONT_WORDS.isdisjoint(keys):
        if count == 2:  # "Kelvin Lovejoy", the commonest shape: no title, two words
            if is_name_word(tokens[0]):
                name = f"{tokens[0]} {tokens[1]}"
                return new_tuple(NameParts, (name, "", "", "", gender_of_first_name(tokens[0])))
            if tokens[1][0].isupper() and is_name_word(tokens[1]):
                return new_tuple(
                    NameParts, (tokens[1], "", "", "", gender_of_first_name(tokens[1]))
                )
            return None
        count_front = 0  # no honorific or title anywhere: the name stands alone
    else:
        count_front = count - 1
    for start in range(count_front):  # a title or honorific leaves a word for the name
        if start and keys[start - 1] in _CONNECTORS:
            continue  # "Eastfield Board of | Education President …" cuts a body in two
        if keys[start] not in FRONT_WORDS:
            continue  # neither honorific nor title word: nothing to read from here
        honorific, title, position = _read_front(tokens, keys, start)
        if position == start or not _valid_name_from(tokens, keys, position):
            continue
        if count == 2 and start == 0 and not honorific and gender_of_first_name(tokens[0]):
            return _parts(tokens, "", "", "")  # "Dean Fairweather": a first name, not a dean
        prefix = tokens[:start]
        organization = _organization_from_prefix(prefix, title) if title else ""
        return _parts(tokens[position:], honorific, title, organization)
    # No title: the whole phrase, or a name after a description ("longtime resident Jane
    # Doe", "Longtime resident Jane Doe" when it opens the sentence): a name may start at
    # a capitalised word with only lower-case words between it and the first.
    lower_case_between = True  # whether tokens[1:start] all start lower-case
    for start in range(count):
        if start:
            initial = tokens[start][0]
            if not initial.isupper():
                lower_case_between = lower_case_between and initial.islower()
                continue
            if not lower_case_between:
                return None
            lower_case_between = False  # this word stands between any later start and the first
        if count - start <= 4 and _valid_name_from(tokens, keys, start):
            rest = tokens[start:]
            if (
                start == 0
                and len(rest) >= 3
                and gender_of_first_name(rest[1])
                and not gender_of_first_name(rest[0])
                and keys[0] not in KEYWORD_KINDS
            ):
                # "Lifeguard Maya Tran": an unlisted job word before a first name.
                return _parts(rest[1:], "", rest[0], "")
            return _parts(rest, "", "", "")
    return None


_CONNECTORS = frozenset({"of", "the", "and", "for", "&", "in", "on", "at"})
_ARTICLES = frozenset({"the", "a", "an"})


# Words that may open a title or stand as an honorific: a title starts with a modifier,
# a head word or the first word of a multi-word head ("attorney general").
FRONT_WORDS = frozenset(HONORIFICS) | TITLE_HEADS | TITLE_MODIFIERS | MULTIWORD_FIRSTS
# Keys that keep a word of letters from being a plain name word of its own: no name at
# all, or the start of an honorific or a title.
_NOT_PLAIN_NAME_WORDS = _NEVER_NAME_WORDS | FRONT_WORDS
_QUOTE_CHARS = "\"“”'‘’"
# A quotation mark at either end of a word, which :func:`_clean` takes off. The mark comes
# first and what stands around it is checked after, so the engine skips from one mark to
# the next instead of trying every position.
_QUOTE_AT_EDGE = re.compile(r"[\"“”'‘’](?:(?<![^\s].)|(?=\s|$))")
_POSSESSIVE_ENDINGS = ("'", "’", "'s", "’s")


def _read_front(tokens: list[str], keys: list[str], start: int) -> tuple[str, str, int]:
    """Honorifics and titles from ``start`` on, leaving at least one word for a name."""
    honorific = ""
    title = ""
    position = start
    count = len(tokens)
    while position < count - 1:
        entry = HONORIFICS.get(keys[position])
        # "Sister"/"Brother"/"Father" are honorifics only before a capitalised name.
        if entry is not None and tokens[position][0].isupper():
            honorific = honorific or entry[0]
            position += 1
            continue
        end = title_end_of_keys(keys, position)
        if position < end < count:
            title = title or " ".join(tokens[position:end])
            position = end
            continue
        break
    return honorific, title, position


def _parts(words: list[str], honorific: str, title: str, organization: str) -> NameParts:
    gender = (
        (HONORIFICS[_key(honorific)][1] if honorific else "")
        or (gender_of_title(title) if title else "")  # no title gives no gender away
        or gender_of_first_name(words[0])
    )
    return new_tuple(NameParts, (" ".join(words), honorific, title, organization, gender))
