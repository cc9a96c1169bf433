"""Attribution cues: who a quote's words are put in the mouth of, and how.

A cue is a speech verb with its subject, read from the text *around* a quote. All functions
here read masked text (see :func:`.marks.mask_quotes`), so nothing inside a quotation can
pass for an attribution. The shapes recognised, with ``Q`` for the quote:

* after the quote, subject first: ``Q," Lovejoy said.`` / ``Q," she told reporters.``
* after the quote, verb first: ``Q," said Kelvin Lovejoy, Lead community organizer at …``
* after the quote: ``Q," according to the police chief.``
* before the quote: ``Lovejoy said: Q`` / ``In a statement, Thody wrote, Q``
* a partial quote inside the sentence: ``He called the plan Q.`` / ``She said it was Q.``
* a verb joined to an earlier one, or a participle, whose subject opens the sentence:
  ``Ocampo said she had watched the tape and called them Q`` / ``She apologized, saying, Q``
* a description of the subject: ``Marr, who campaigned on a pledge to Q, won …``
* someone unnamed shouting: ``woken by a neighbor banging on doors and shouting Q``
* reported speech without marks: ``Thody wrote that the department works …`` (indirect)

A subject that names nobody ("someone in the back row", "it" for a post or a statement)
is read as such, so its quote gets no speaker rather than the last one quoted.

The subject is read by :func:`read_subject` into a :class:`SpeakerRef`: a name (possibly
with title and descriptor), a pronoun, or a noun phrase ("the chief", "a spokesperson");
resolving it against the rest of the article is done by :mod:`.mentions`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain, starmap
from typing import NamedTuple

from .descriptors import Descriptor, read_descriptor, read_descriptor_body, read_organization
from .names import NAME_PARTICLES, NameParts, parse_person_phrase
from .organizations import CAPITALISED_PHRASE, PHRASE_CACHE_SIZE, looks_like_organization
from .titles import TITLE_HEADS, TITLE_MODIFIERS

SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "wrote", "writes", "added", "adds", "asked",
    "asks", "explained", "explains", "noted", "notes", "recalled", "recalls", "argued",
    "argues", "insisted", "insists", "continued", "continues", "replied", "replies",
    "stated", "states", "testified", "testifies", "tweeted", "tweets", "posted", "posts",
    "warned", "warns", "urged", "urges", "acknowledged", "acknowledges", "conceded",
    "concedes", "admitted", "admits", "declared", "declares", "announced", "announces",
    "emphasized", "emphasizes", "emphasised", "emphasises", "remarked", "remarks",
    "responded", "responds", "shouted", "shouts", "yelled", "yells", "screamed", "cried",
    "exclaimed", "whispered", "joked", "jokes", "laughed", "recounted", "recounts",
    "observed", "observes", "pointed out", "points out", "agreed", "agrees", "cautioned",
    "cautions", "predicted", "predicts", "promised", "promises", "vowed", "vows",
    "pledged", "claimed", "claims", "suggested", "suggests", "maintained", "maintains",
    "contended", "contends", "complained", "complains", "lamented", "laments", "boasted",
    "mused", "reflected", "reflects", "confirmed", "confirms", "denied", "denies",
    "countered", "counters", "offered", "concluded", "concludes", "texted", "emailed",
    "messaged", "chanted", "demanded", "demands", "pleaded", "begged", "stressed",
    "stresses", "reiterated", "reiterates", "repeated", "charged", "alleged", "alleges",
    "clarified", "quipped", "sighed", "answered", "answers", "retorted", "interjected",
    "summed up", "went on", "goes on", "wondered", "wonders", "reported", "reports",
    "described", "describes", "recommended", "advised", "assured", "reminded",
    "thanked", "praised", "criticized", "criticised", "blasted",
    "testified", "insisted", "shared", "expressed", "according to", "intoned", "intones",
    "shot back", "fires back", "fired back", "called out", "calls out", "began", "begins",
)  # fmt: skip
# Verbs that attribute a quoted phrase inside a sentence but never a whole quote.
PARTIAL_VERBS = (
    "called", "calls", "described", "describes", "labeled", "labelled", "termed",
    "characterized", "characterised", "branded", "dubbed", "referred to", "likened",
    "compared", "deemed", "considered", "hailed", "praised", "denounced", "condemned",
    "accused", "accuses", "found", "finds",
)  # fmt: skip
# Verbs of reports and audits more than of people: a "name" before them that nothing marks
# as a person's is more likely the end of a body's name.
_FINDING_VERBS = frozenset({"found", "finds"})
# Verbs whose object comes before the words: "told reporters", "told NBC Connecticut".
_RECIPIENT_VERBS = frozenset({"told", "tells", "asked", "asks", "reminded", "assured"})

_SPEECH_SET = frozenset(SPEECH_VERBS)
_PARTIAL_SET = frozenset(PARTIAL_VERBS)
_ALL_VERBS = _SPEECH_SET | _PARTIAL_SET
_VERB_FIRST_WORDS = frozenset(verb.split()[0] for verb in _ALL_VERBS)
# Second words of two-word verbs, by their first: "pointed" → ("out",).
_SECOND_WORDS: dict[str, tuple[str, ...]] = {}
for _verb in sorted(_ALL_VERBS):
    if " " in _verb:
        _first, _second = _verb.split(" ", 1)
        _SECOND_WORDS[_first] = (*_SECOND_WORDS.get(_first, ()), _second)
_ADVERB_WORDS = frozenset(
    """also later then again once previously recently simply further earlier finally first
    often has had have would will""".split()
)
# The last two letters of every adverb ("-ly" words included).
_ADVERB_ENDINGS = frozenset({"ly"} | {word[-2:] for word in _ADVERB_WORDS})


class VerbMatch(NamedTuple):
    """A speech verb found in text; ``start`` includes adverbs before it ("also said")."""

    start: int
    end: int
    verb: str


def word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern for any of ``words`` standing whole in lower-case text.

    The alternatives are grouped by their first letter ("s(?:aid|ays|…)"), so that the
    engine tries only the words that can start at each letter: one pass over the text in
    C, however long the list.
    """
    return re.compile(rf"(?<![\w'’-])(?:{word_alternatives(words)})(?![\w'’-])")


def word_alternatives(words: Iterable[str]) -> str:
    """An alternation of ``words`` grouped by first letter ("m(?:other|an)|w(?:oman)"): the
    engine then tries only the words that begin with the letter it stands on, instead of
    every word at every place. Longer words come first within a letter."""
    by_letter: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        by_letter.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(
        f"{re.escape(letter)}(?:{'|'.join(rests)})" for letter, rests in sorted(by_letter.items())
    )


# The first words of the verbs with the character before them, in text searched with a space
# put in front. A pattern opening with a class of characters lets the engine skip from one
# word boundary to the next; one opening with a look-behind is tried at every character.
_VERB_AFTER_BOUNDARY = re.compile(
    rf"[^\w'’-](?P<verb>{word_alternatives(_VERB_FIRST_WORDS)})(?![\w'’-])"
)


@lru_cache(maxsize=PHRASE_CACHE_SIZE)
def find_verbs(text: str, *, partial: bool = False) -> tuple[VerbMatch, ...]:
    """Every speech verb in ``text``, in order (with "called"-like verbs if ``partial``)."""
    return tuple(starmap(VerbMatch, _verbs_in(text, _ALL_VERBS if partial else _SPEECH_SET)))


def _verbs_in(text: str, wanted: frozenset[str]) -> Iterator[tuple[int, int, str]]:
    """The verbs of ``wanted`` in ``text``, one at a time: a caller that stops at the first
    verb that suits it spares the scan of the rest of the text.

    Each comes as a plain ``(start, end, verb)`` tuple, the fields of :class:`VerbMatch`:
    a named tuple costs several times as much to build, and most verbs found are read once.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: read word by word
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    spaced = f" {lowered}"
    # A loop of searches rather than ``finditer``: most texts hold one verb or none, and
    # an iterator costs more to set up than the one or two searches it would save.
    searched_to = 0
    while (match := _VERB_AFTER_BOUNDARY.search(spaced, searched_to)) is not None:
        # The match opens on the character before the verb: its start in ``spaced`` is the
        # verb's in ``text``.
        position, searched_to = match.span()
        if text[position].isupper():
            continue  # a capitalised "States" or "Reports" is a name's word, not a verb
        verb = match[1]
        if verb in _SECOND_WORDS:  # "pointed out", "went on"
            verb = _verb_at(lowered, verb, match.end() - 1, wanted)
        elif verb not in wanted:
            continue
        if verb:
            yield _adverbs_start(text, position), position + len(verb), verb


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "'’-") and not (after.isalnum() or after in "'’-")


def _verb_at(lowered: str, word: str, end: int, wanted: frozenset[str]) -> str:
    """The verb starting with ``word`` (ending at ``end``): "pointed out", "said", or ""."""
    for second in _SECOND_WORDS.get(word, ()):
        if lowered.startswith(second, end + 1) and lowered[end] == " ":
            after = end + 1 + len(second)
            if _whole_word(lowered, end + 1, after) and f"{word} {second}" in wanted:
                return f"{word} {second}"
    return word if word in wanted else ""


def _adverbs_start(text: str, start: int) -> int:
    """Where the adverbs before a verb begin: "also said", "later told" (but "Kelly said").

    Adverbs are lower-case words; a capitalised "-ly" word is a name.
    """
    for _ in range(2):
        # Most words before a verb are names ("Monts said"). When a space and two letters
        # stand right before the verb, the letters end the word before it: unless an adverb
        # ends in them, that word is none.
        ending = text[start - 3 : start - 1]
        if ending.isalpha() and ending not in _ADVERB_ENDINGS and text[start - 1] == " ":
            break
        head = text[max(0, start - 20) : start]
        if not head.endswith(" "):
            break
        previous = head.rstrip().rsplit(" ", 1)[-1]
        if not previous.islower() or not (previous in _ADVERB_WORDS or previous.endswith("ly")):
            break
        start -= len(head) - len(head.rstrip()) + len(previous)
    return start


def opens_with_speech_verb(text: str, position: int = 0) -> bool:
    """Whether ``text[position:]`` starts with a speech verb (after optional adverbs)."""
    words = text[position : position + 40].split(None, 3)
    while words and words[0].islower() and (words[0] in _ADVERB_WORDS or words[0].endswith("ly")):
        words.pop(0)
    if not words:
        return False
    first = words[0].lower().rstrip(",.;:")
    return first in _SPEECH_SET or (
        first in _SECOND_WORDS
        and len(words) > 1
        and f"{first} {words[1].lower().rstrip(',.;:')}" in _SPEECH_SET
    )


def ends_with_speech_verb(text: str) -> bool:
    """Whether ``text`` ends with a speech verb and a space ("… said ")."""
    if not text[-1:].isspace():
        return False
    words = text.split()
    if not words:
        return False
    last = words[-1].lower()
    return last in _SPEECH_SET or (len(words) > 1 and f"{words[-2].lower()} {last}" in _SPEECH_SET)


_WEEKDAY_OR_TIME = (
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|"
    r"today|tonight|last\s+\w+|earlier\s+this\s+\w+|this\s+(?:week|month|year)|recently)\b"
)
# How a channel opens: "in a statement", "on Twitter", "during an interview".
_CHANNEL_OPENER = re.compile(
    r"\s*,?\s*(?P<channel>(?:in|on|at|during|through|via|over|by|before)\s+"
    r"(?:a|an|the|his|her|their|its|social|Twitter|Facebook|X|Instagram|TikTok|"
    r"LinkedIn|YouTube|email|e-mail|text|phone|court|testimony|writing|person|"
    r"response|remarks|interviews?|statements?)\b)",
    re.IGNORECASE,
)
# Where a channel stops: punctuation, a quotation mark, "that", or a time ("Tuesday").
# Marks that cannot open a channel (it opens with white space, a comma or a preposition).
_CLOSING_MARKS = frozenset('.;:!?)"”')
_CHANNEL_PUNCTUATION = re.compile(r"[,.;:!?“”\"·]")
_THAT_WORD = re.compile(r"\bthat\b", re.IGNORECASE)
_TIME_AFTER_SPACE = re.compile(rf"\s+{_WEEKDAY_OR_TIME}", re.IGNORECASE)
_RECIPIENT = re.compile(
    r"^\s*(?P<recipient>reporters|journalists|the\s+(?:crowd|audience|council|board|"
    r"committee|court|jury|judge|paper|newspaper|station|outlet)|"
    r"(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’&.-]*)*|"
    r"(?:him|her|them|us|me))"
)
_PRONOUNS = frozenset({"he", "she", "they"})
_RELATIVE_TAIL = re.compile(r",\s+who(?:\s+[a-z]+ly|\s+(?:once|also|later|then|has|had))*\s*$")
# "Ambrose Kettering, 79, who has lived here since 1961 and who said": the second "who"
# stands for the same antecedent as the first.
_AGE_END = re.compile(r",\s*\d{1,3}$")
_LATER_WHO = re.compile(r"\s(?:and|but)\s+who(?:\s+[a-z]+ly|\s+(?:once|also|later|then))*\s*$")
_FIRST_WHO = re.compile(r",\s+who\s")
# Subjects that name nobody: "someone in the front row", "it" (a post, a statement, a
# body). The quote they speak has no speaker, and must not fall to the last one. The
# words alone are looked for first: most subjects hold none of them. (Every alternative
# opens with a letter, "it" checking the one before it, so the search tries only at those.)
_UNNAMED_WORDS = re.compile(r"some|one\b|nobody|voice|i(?<!\wi)t$")
_UNNAMED_SUBJECT = re.compile(
    r"(?:^|\s)(?P<phrase>(?:someone|somebody|anyone|everyone|nobody|it|a\s+voice)"
    r"(?:\s+(?:in|at|from|on|near|outside|inside|behind|among)\s+[^,;:]{1,40})?)$",
    re.IGNORECASE,
)
# The first word of a description standing before a name: a determiner or an owner's
# name ("the district's superintendent", "an alumnus", "Casa Olvera's chef"), never a
# preposition opening an adverbial ("In a statement, …") nor a lower-case word ("has
# proposed closing the Northside, Maple Hill …"), whatever the flags of the pattern using it.
APPOSITIVE_OPENER = (
    r"(?:the|a|an|its|their|his|her|our|"
    r"(?!(?:in|on|at|during|after|before|for|with|from|by|to|as|since|while|when|if|but|"
    r"and)\s)(?-i:[A-Z])[\w.-]*(?:['’]s)?)"
)
_APPOSITIVE = re.compile(rf"^{APPOSITIVE_OPENER}\s+[^,;:()·]{{1,60}}$", re.IGNORECASE)
_NOMINAL = re.compile(
    r"(?:^|\s)(?P<phrase>(?:the|a|an|one|another|his|her|their|its)\s+"
    r"(?:[\w'’-]+\s+){0,4}[\w'’-]+)$",
    re.IGNORECASE,
)
_BARE_GROUP = re.compile(
    r"(?:^|\s)(?P<phrase>(?:[A-Z][\w'’-]*\s+)?(?:police|officials|authorities|prosecutors|"
    r"organizers|residents|witnesses|investigators|neighbors|advocates|critics|experts|"
    r"leaders|students|parents))$",
)
_SUBJECT_WORD = re.compile(r"[^\s]+")
# A lower-case word that may sit inside a subject phrase, before a name ("police
# spokesman Lt. Paul Cicero", "state Sen. Jane Doe").
# What ends a sentence, and what may stand between that mark and the space after it.
_SENTENCE_MARKS = ".!?"
_SENTENCE_CLOSERS = frozenset('"”’)')
# Words written with a full stop that does not end the sentence ("Mr.", "a.m.", "U.S.").
_ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Dr Rev St Jr Sr Gov Sen Rep Lt Sgt Capt Col Gen Cmdr Det Insp Prof Msgr Fr
    Mt Ft No Inc Co Corp Ltd vs Jan Feb Aug Sept Sep Oct Nov Dec U.S U.K D.C a.m p.m""".split()
)


_COMMA = re.compile(r", ")
# Where a name written after its verb stops: "said Smith in a statement", "said Smith, who".
_AFTER_OBJECT = re.compile(r"\s+(?:in|on|at|during|through|via|to|who|after|before|while|as)\s")
_ACCORDING_OPENS_TAIL = re.compile(r"^[\s,]*according\s+to\s+", re.IGNORECASE)
_ACCORDING_ENDS_LEAD = re.compile(r"according\s+to\s+(?P<who>[^,]+),\s*$", re.IGNORECASE)
_ACCORDING_OPENS = re.compile(r"^\s*according\s+to\s+(?P<who>[^,]+),\s+", re.IGNORECASE)
_ACCORDING_ENDS = re.compile(r",\s+according\s+to\s+(?P<who>[^,]+?)\s*[.!?]?\s*$", re.IGNORECASE)
_TIME_WORDS_ONLY = re.compile(rf"\s*(?:{_WEEKDAY_OR_TIME}\s*)*", re.IGNORECASE)


class SpeakerRef(NamedTuple):
    """The words a cue uses for its speaker, before they are resolved.

    ``kind`` is "name" (``parts`` holds the name), "pronoun", "nominal" (a noun phrase
    such as "the chief", whose head is ``head``) or "organization".
    """

    kind: str
    phrase: str
    offset: int
    parts: NameParts | None = None
    descriptor: Descriptor = Descriptor()
    # Where the whole subject starts, a description before the name included.
    start: int = -1
    # Read from the sentence's opening words rather than next to a verb: a lone word
    # ("Twice, groups of them …") counts only as someone the article has introduced.
    weak: bool = False

    @property
    def subject_start(self) -> int:
        return self.offset if self.start < 0 else self.start

    @property
    def head(self) -> str:
        return self.phrase.split()[-1].lower() if self.phrase else ""


class Cue(NamedTuple):
    """A speech verb with its subject: who said it, how, and through what."""

    speaker: SpeakerRef
    verb: str
    channel: str = ""
    partial_only: bool = False


def sentence_ends(text: str) -> tuple[int, ...]:
    """Offsets just after each sentence-ending mark in ``text`` (abbreviations skipped).

    A mark ends a sentence when white space or the end of the text follows it, after any
    closing quotation marks or brackets ("… said.” Then"). The marks are found with
    ``str.find``: a paragraph holds few of them, and a scan in C for one character costs
    far less than a regular expression trying every character.
    """
    ends = []
    for mark in _SENTENCE_MARKS:
        if mark not in text:
            continue
        stop = text.find(mark)
        while stop >= 0:
            end = stop + 1
            while end < len(text) and text[end] in _SENTENCE_CLOSERS:
                end += 1
            if (
                (end == len(text) or text[end].isspace())
                and not (
                    mark == "."
                    # five letters before the stop make a word, not an abbreviation: most do
                    and not (stop >= 5 and text[stop - 5 : stop].isalpha())
                    and _ends_abbreviation(text, stop)
                )
            ):
                ends.append(end)
            stop = text.find(mark, end) if end < len(text) else -1
    if len(ends) > 1:
        ends.sort()
    return tuple(ends)


def _ends_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at ``text[stop]`` closes an abbreviation ("Mr.", "U.S.", "J.")."""
    end = stop - 1 if text[stop - 1 : stop] == "\n" else stop
    head = text[max(0, end - 5) : end]  # no abbreviation is longer than four characters
    if not head or head[-1].isspace():
        return False
    # The word before the stop, after white space or an opening bracket (or at the start).
    word = head.rsplit(None, 1)[-1].rsplit("(", 1)[-1]
    if word in _ABBREVIATIONS:
        return True
    # An initial: one capital after white space, a bracket or another initial's stop.
    before = text[end - 2] if end >= 2 else " "
    return "A" <= head[-1] <= "Z" and (before in "(." or before.isspace())


def read_subject(text: str, base: int = 0) -> tuple[SpeakerRef | None, str]:
    """Read the speaker at the end of ``text`` (the words before a verb).

    Returns the reference and any introductory words before it ("In a statement to NBC
    Connecticut"), which may hold a channel. ``base`` is added to offsets.
    """
    stripped = text.rstrip()
    relative = _RELATIVE_TAIL.search(stripped) if "who" in stripped else None
    if relative:  # "Chief Marcus Delacroix-Hale, who once [called]": the antecedent speaks
        stripped = stripped[: relative.start()]
        age = _AGE_END.search(stripped)
        if age:  # "was Anselm Brody, 81, who said": the age is not the antecedent
            stripped = stripped[: age.start()]
    elif stripped.endswith("who") and _LATER_WHO.search(stripped):
        whos = list(_FIRST_WHO.finditer(stripped))
        if whos:  # read the antecedent with its descriptors ("…, 81,")
            return read_subject(stripped[: whos[-1].start() + 1], base)
    if not stripped:
        return None, ""
    if stripped.endswith(","):
        found = _subject_with_descriptor(stripped[:-1], base)
        if found is not None:
            return found
        stripped = stripped[:-1].rstrip()
    cut = stripped.rfind(", ")
    intro = stripped[:cut] if cut >= 0 else ""
    clause_start = cut + 2 if cut >= 0 else 0
    clause = stripped[clause_start:]
    reference = None
    of = clause.find(" of ")
    if of > 0 and parse_person_phrase(clause[:of]) is not None:
        # "Ezekiel Marsh of the Brookfield Housing Clinic": a person and their body
        reference = object_reference(clause, base + clause_start)
        if reference is not None and reference.kind != "name":
            reference = None
    if reference is None:
        reference = _trailing_reference(clause, base + clause_start)
    if reference is not None and reference.kind == "name" and intro:
        # "the company's spokesman, Lyle Abernathy": a description before the name.
        previous = intro.rfind(", ")
        appositive = intro[previous + 2 :] if previous >= 0 else intro
        if _APPOSITIVE.match(appositive):
            descriptor = read_descriptor_body(appositive)
            descriptor = descriptor._replace(length=max(descriptor.length, 1))
            start = base + (previous + 2 if previous >= 0 else 0)
            reference = reference._replace(descriptor=descriptor, start=start)
            intro = intro[:previous] if previous >= 0 else ""
    return reference, intro


def _subject_with_descriptor(text: str, base: int) -> tuple[SpeakerRef, str] | None:
    """``Name, descriptor`` (the trailing comma already gone), with intro words before.

    The name is the first clause that is nothing but a name ("Nadia Okonkwo, the director
    of Riverside Commons, a nonprofit …": not "Commons"); failing that, the last clause
    ending in one ("On Tuesday Jason Thody, chief").
    """
    commas = [m.start() for m in _COMMA.finditer(text)]
    found = _descriptor_subject(text, base, commas, whole=True)
    return found if found is not None else _descriptor_subject(text, base, commas[::-1])


def _descriptor_subject(
    text: str, base: int, commas: list[int], *, whole: bool = False
) -> tuple[SpeakerRef, str] | None:
    for position in commas:
        before = text[:position]
        previous = before.rfind(", ")
        clause_start = previous + 2 if previous >= 0 else 0
        reference = _trailing_reference(before[clause_start:], base + clause_start)
        if reference is None or reference.kind != "name":
            continue
        if whole and reference.offset != base + clause_start:
            continue
        bodies = text[position + 2 :].split(", ")
        descriptor = Descriptor()
        for body in bodies:
            descriptor = read_descriptor_body(body)
            if descriptor.title or descriptor.organization:
                break
        intro = text[:previous] if previous >= 0 else ""
        return (
            SpeakerRef(
                reference.kind, reference.phrase, reference.offset, reference.parts, descriptor
            ),
            intro,
        )
    return None


def _trailing_reference(clause: str, base: int) -> SpeakerRef | None:
    """The speaker phrase that ends ``clause``: a name, a pronoun or a noun phrase."""
    words = clause.split()
    if not words:
        return None
    end = len(clause.rstrip())  # where the last word ends
    last = words[-1].lower()
    if last in _PRONOUNS:
        return SpeakerRef("pronoun", last, base + end - len(words[-1]))
    lowered = clause.lower()
    if _UNNAMED_WORDS.search(lowered):
        unnamed = _UNNAMED_SUBJECT.search(clause)
        if unnamed:
            phrase = unnamed.group("phrase")
            return SpeakerRef("unnamed", phrase, base + unnamed.start("phrase"))
    # The longest run of words at the end that reads as a name, optionally with title.
    starts: list[int] = []  # where each of those words starts, the last word first
    for word in reversed(words[-8:]):
        if not (word[0].isupper() or word[0] in '“"' or word.lower() in LOWER_NAME_WORDS):
            break
        end = clause.rfind(word, 0, end)  # the word itself: only white space follows it
        starts.append(end)
    for start in reversed(starts):
        phrase = clause[start:]
        if looks_like_organization(phrase):
            return SpeakerRef("organization", phrase, base + start)
        parts = parse_person_phrase(phrase)
        if parts is not None:
            return SpeakerRef("name", phrase, base + start, parts)
    nominal = _NOMINAL.search(clause) or _BARE_GROUP.search(clause)
    if nominal and len(nominal.group("phrase").split()) <= 6:
        phrase = nominal.group("phrase")
        return SpeakerRef("nominal", phrase, base + nominal.start("phrase"))
    return None


# Lower-case words that may stand inside a subject before a name ("union president Kevin
# O'Brien", "police spokesman Lt. Paul Cicero", "longtime resident Jane Doe").
LOWER_NAME_WORDS = (
    TITLE_HEADS
    | TITLE_MODIFIERS
    | NAME_PARTICLES
    | frozenset(
        """of resident residents neighbor parent mother father grandmother grandfather
        student senior junior nurse worker owner longtime lifelong union""".split()
    )
)


def _channel_after(rest: str) -> str:
    """The channel opening ``rest``: "in a statement to NBC Connecticut", or ``""``."""
    if not rest or rest[0] in _CLOSING_MARKS:
        return ""  # "…," Monts said.": no channel, and no need to try the pattern
    opener = _CHANNEL_OPENER.match(rest)
    if not opener:
        return ""
    start = opener.start("channel")
    text = rest[start : _channel_stop(rest, opener.end())].strip()
    return text[0].lower() + text[1:]  # "In a statement, …" opening a sentence


def _channel_stop(rest: str, start: int) -> int:
    """Where a channel's words, from ``start``, stop: at punctuation, "that" or a time.

    Neither "that" nor a time can run past punctuation, so they are sought only before it.
    Their patterns try every position, so in plain ASCII words they are sought only when a
    lower-case copy holds their words. (The white space before a stop is not found; the
    caller strips it.)
    """
    punctuation = _CHANNEL_PUNCTUATION.search(rest, start)
    end = punctuation.start() if punctuation else len(rest)
    stop = end
    window = rest[start:end]
    # Outside ASCII, case-blind matching knows letters lower() does not ("ı" for "i").
    lowered = window.lower() if window.isascii() else ""
    if not lowered or "that" in lowered:
        that = _THAT_WORD.search(rest, start, end)
        if that:
            stop = that.start()
    # Every time holds one of these words in lower case (tested one by one: a generator
    # over a tuple of them costs twice as much).
    if not lowered or (
        "day" in lowered
        or "this" in lowered
        or "last" in lowered
        or "tonight" in lowered
        or "earlier" in lowered
        or "recently" in lowered
    ):
        # Searched up to the punctuation, not to "that": "last that" is a time.
        time = _TIME_AFTER_SPACE.search(rest, start, end)
        if time:
            stop = min(stop, time.start())
    return stop


def object_reference(rest: str, base: int) -> SpeakerRef | None:
    """The speaker written after a verb: ``said Kelvin Lovejoy, Lead … Association.``"""
    end = len(rest)
    for stop in (",", ";", ":"):
        found = rest.find(stop)
        if 0 <= found < end:
            end = found
    channel_start = _AFTER_OBJECT.search(rest, 0, end)
    if channel_start:
        end = channel_start.start()
    ends = sentence_ends(rest[:end])
    if ends:
        end = ends[0] - 1
    phrase = rest[:end].strip()
    if not phrase:
        return None
    if phrase.lower() in _PRONOUNS:
        return SpeakerRef("pronoun", phrase.lower(), base)
    of = phrase.find(" of ")
    if of > 0 and parse_person_phrase(phrase[:of]) is not None:
        # "Fire Chief Reginald Osei of the Hartford Fire Department"
        body = read_organization(phrase[of + 4 :])
        parts = parse_person_phrase(phrase[:of])
        return SpeakerRef("name", phrase[:of], base, parts, Descriptor(organization=body, length=1))
    if looks_like_organization(phrase):
        body = _organization_in(phrase)
        return SpeakerRef("organization", body, base + phrase.find(body))
    parts = parse_person_phrase(phrase)
    if parts is not None:
        descriptor = read_descriptor(rest[len(rest[:end].rstrip()) :])
        return SpeakerRef("name", phrase, base, parts, descriptor)
    nominal = _NOMINAL.match(phrase) or _BARE_GROUP.match(phrase)
    if nominal:
        return SpeakerRef("nominal", phrase, base)
    return None


def _organization_in(phrase: str) -> str:
    """The body a phrase names: "a new analysis by the Harlan Legal Aid Society" → it."""
    for match in reversed(list(CAPITALISED_PHRASE.finditer(phrase))):
        if looks_like_organization(match.group()):
            return match.group()
    return phrase


def cue_after(tail: str, base: int, *, one_clause: bool = False) -> tuple[Cue, int] | None:
    """A cue that opens ``tail``, the text right after a closing quotation mark.

    Returns the cue and the length of ``tail`` it covers: up to the end of its sentence,
    which is the whole of ``tail`` when the caller cut it there (``one_clause``).
    """
    cue = _cue_after(tail, base)
    if cue is None:
        return None
    return cue, len(tail) if one_clause else _clause_length(tail)


def _cue_after(tail: str, base: int) -> Cue | None:
    if not tail:
        return None
    if "ccording" in tail:
        according = _ACCORDING_OPENS_TAIL.match(tail)
        if according:
            reference = object_reference(tail[according.end() :], base + according.end())
            if reference is not None:
                return Cue(reference, "according to")
            return None
    # The verbs are read one at a time: the first one usually has its subject next to it,
    # and the rest of the tail need not be scanned.
    verbs = _verbs_in(tail, _SPEECH_SET)
    first = next(verbs, None)
    if first is None:
        return None
    start, end, verb = first
    if not tail[:start].strip(" ,"):
        # Verb first: "…," said Kelvin Lovejoy, Lead community organizer at …
        rest = tail[end:]
        skipped = len(rest) - len(rest.lstrip())
        reference = object_reference(rest[skipped:], base + end + skipped)
        if reference is not None:
            channel = _channel_after(rest[skipped + len(reference.phrase) :])
            return Cue(reference, verb, channel)
    for start, end, verb in chain((first,), verbs):
        subject_text = tail[:start]
        # (32 characters hold 16 words at most: shorter subjects need not be split.)
        if (len(subject_text) > 32 and len(subject_text.split()) > 16) or verb == "according to":
            break
        stripped = subject_text.lstrip(" ,")
        reference, intro = read_subject(stripped, base + len(subject_text) - len(stripped))
        if reference is None or intro:
            continue
        before = stripped[: reference.subject_start - base - len(subject_text) + len(stripped)]
        if before and not _GENERATION.fullmatch(f"{before}{reference.phrase.split()[0]} "):
            continue  # other words stand before the subject: not an attribution
        return _cue_from(reference, verb, tail[end:], "")
    return None


# "the elder Ames said": one of a family, by generation.
_GENERATION = re.compile(r"[Tt]he\s+(?:younger|elder|older)\s+(?:\S+\s+)?")


def _cue_from(
    reference: SpeakerRef, verb_text: str, rest: str, intro: str, rest_channel: str | None = None
) -> Cue:
    """The cue of the verb ``verb_text``, followed by ``rest``; ``rest_channel`` is the
    channel opening ``rest`` if already read."""
    channel = _channel_after(rest) if rest_channel is None else rest_channel
    if not channel and intro:
        channel = _channel_after(intro)
    if verb_text in _RECIPIENT_VERBS:
        recipient = _RECIPIENT.match(rest)
        if recipient and not channel:
            channel = f"{verb_text} {recipient.group('recipient')}"
    return Cue(reference, verb_text, channel, verb_text in _PARTIAL_SET)


def _clause_length(tail: str) -> int:
    ends = sentence_ends(tail)
    return ends[0] if ends else len(tail)


def cue_before(lead: str, base: int) -> Cue | None:
    """A cue in ``lead``, the words of the sentence before an opening quotation mark."""
    according = _ACCORDING_ENDS_LEAD.search(lead) if "ccording" in lead else None
    if according:
        reference = object_reference(according.group("who"), base + according.start("who"))
        if reference is not None:
            return Cue(reference, "according to")
    actor = _SHOUTER.search(lead) if lead.rstrip(" ,:").endswith(_SHOUTS) else None
    if actor is not None:
        # "woke to a neighbor banging on doors and shouting Q": the neighbor shouts.
        phrase = actor.group("phrase")
        reference = SpeakerRef("nominal", phrase, base + actor.start("phrase"))
        return Cue(reference, actor.group("verb"))
    verbs = find_verbs(lead, partial=True)
    later: VerbMatch | None = None  # "… said he had watched film and called [him] Q"
    for index in range(len(verbs) - 1, -1, -1):
        verb = verbs[index]
        if later is None and _OPEN_RELATIVE.search(lead, verb.end):
            # "thanked volunteers at the hall, who answered him with chants of Q":
            # the words belong to the relative clause's subject, not to this verb's.
            return None
        before = lead[: verb.start]
        if _COORDINATED.search(before, len(before) - 16):
            later = later or verb
            continue
        reference, intro = read_subject(before, base)
        if reference is None:
            continue
        if (
            reference.kind == "nominal"
            and index
            and lead[verbs[index - 1].end : reference.offset - base].strip() == "that"
        ):
            # "Halvorsen wrote that the new wing reflected Q": the words are the writer's
            continue
        if (
            verb.verb in _FINDING_VERBS
            and reference.kind == "name"
            and not (reference.parts.title or reference.parts.honorific or reference.parts.gender)
        ):
            # "the Office of the County Auditor found", "a study by the Center for Rural
            # Policy found": a body's finding, not Mr. Auditor's
            reference = SpeakerRef("nominal", reference.phrase, reference.offset)
        speech = later or verb
        return _cue_from(reference, speech.verb, lead[speech.end :], intro)
    participle = later or _last_participle(lead) or _own_words_noun(lead)
    if participle is not None:
        # "She later apologized from the dais, saying, Q": the sentence's subject speaks,
        # and so it does in "Lucinda Marr, who campaigned on a pledge to Q".
        reference = sentence_subject(lead, base)
        if reference is not None:
            return _cue_from(reference, participle.verb, lead[participle.end :], "")
    return None


# Nouns for words a person stands by, right before the quote: "on a pledge to Q".
_OWN_WORDS = re.compile(
    r"\b(?:his|her|their|a|an|the)\s+(?:campaign\s+)?"
    r"(?P<verb>promise|pledge|vow|motto|mantra|catchphrase|slogan)\s*(?:to|of|that|,|:)?\s*$"
)


def _own_words_noun(lead: str) -> VerbMatch | None:
    found = _OWN_WORDS.search(lead, len(lead) - 40)
    if found is None:
        return None
    return VerbMatch(found.start("verb"), found.end("verb"), found.group("verb"))


_SHOUTS = ("shouting", "yelling", "screaming", "crying", "crying out", "calling out")
# Someone unnamed shouting the words: "a neighbor banging on doors and shouting".
_SHOUTER = re.compile(
    r"\b(?P<phrase>(?:a|an|one|another)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:woman|man|girl|boy|neighbor|neighbour|resident|witness|passer-by|bystander|"
    r"student|worker|protester|marcher|voice|person|customer|fan|parent|driver))\s+"
    r"(?:[^\s,;:.!?]+\s+){0,8}?(?P<verb>shouting|yelling|screaming|crying(?:\s+out)?|"
    r"calling\s+out)\s*[,:]?\s*$"
)
# A verb joined to an earlier one: its subject is that verb's ("said … and called").
_COORDINATED = re.compile(r"(?:\s|,)(?:and|but|then|and\s+then|and\s+later)\s*$")
# A relative clause opened after the verb and still open at the quote.
_OPEN_RELATIVE = re.compile(r",\s+(?:who|which)\s+[^,;:]*$")
# Speech verbs as participles, after a comma or "and": "…, saying,", "…, telling them".
_PARTICIPLE = re.compile(
    r"(?:,|\band)\s+(?P<verb>saying|telling|adding|writing|noting|calling|asking|arguing|"
    r"explaining|warning|insisting|describing|vowing|promising|declaring|urging)\b"
)
# Where the sentence's subject ends: the first comma, or the first lower-case word that
# cannot stand inside a name ("She later apologized", "Coach Ana Ocampo, reached …").
_SUBJECT_START = re.compile(r"\s*(?P<pronoun>He|She|They|I|We)\b")


_PREDICATES = frozenset(
    """is was are were has had have will would can could did does do took takes made makes
    turned turns spoke speaks stood stands sat sits went goes came comes""".split()
)


def _last_participle(lead: str) -> VerbMatch | None:
    participles = list(_PARTICIPLE.finditer(lead))
    if not participles:
        return None
    found = participles[-1]
    return VerbMatch(found.start("verb"), found.end("verb"), found.group("verb"))


def sentence_subject(lead: str, base: int = 0, *, any_verb: bool = False) -> SpeakerRef | None:
    """The person a sentence opens with: a pronoun, or a name with its title.

    The name must be followed by a verb-like word ("Pike smiled"); with ``any_verb`` any
    lower-case word will do ("Pike didn't hesitate").
    """
    pronoun = _SUBJECT_START.match(lead)
    if pronoun:
        phrase = pronoun.group("pronoun").lower()
        return SpeakerRef("pronoun", phrase, base + pronoun.start("pronoun"))
    end = 0
    for word in _SUBJECT_WORD.finditer(lead):
        text = word.group()
        if not (text[0].isupper() or text.lower().rstrip(",") in LOWER_NAME_WORDS):
            # The name must be the whole subject: "Pike smiled and", not "Tenant
            # organizers cheered and".
            if not (
                any_verb or text.endswith("ed") or text in _ADVERB_WORDS or text in _PREDICATES
            ):
                return None
            break
        end = word.end()
        if text.endswith(","):
            end -= 1
            break
    if not end:
        return None
    reference = _trailing_reference(lead[:end], base)
    if reference is None or reference.kind != "name":
        return None
    if lead[: reference.offset - base].strip():
        return None  # other words before the name: not the subject
    return reference._replace(weak=True)


# "Said ferry captain Odile Marchbanks:": the verb before its subject, the quote after a colon.
_VERB_FIRST = re.compile(r"\s*(?P<verb>Said|Says|Added|Adds|Wrote|Writes)\s+(?=\w)")
# An opening clause before the subject: "Asked what he would do first, ", "Before leaving, ".
_OPENING_CLAUSE = re.compile(
    r"\s*(?:Asked|Pressed|Reached|After|Before|When|While|Later|Afterward|Afterwards|"
    r"Earlier|Moments\s+later|Speaking|Standing|Sitting|Outside|Inside)\b[^,:;“”\"]{0,80},\s+"
)

_LOWER_PRONOUN = re.compile(r"(?P<pronoun>he|she|they)\s")


def colon_cue(lead: str, base: int = 0) -> Cue | None:
    """The speaker of a quote introduced by a colon and no speech verb.

    ``Said Odile Marchbanks, a ferry captain: Q`` names the speaker after the verb;
    otherwise the person the sentence opens with introduces their own words: ``Wrenfield
    didn't hesitate: Q``, ``Asked about the vote, she was blunt: Q``.
    """
    if not lead.rstrip().endswith(":"):
        return None
    inverted = _VERB_FIRST.match(lead)
    if inverted:
        rest = lead[inverted.end() :].rstrip().rstrip(":")
        reference = object_reference(rest, base + inverted.end())
        if reference is None or reference.kind not in {"name", "pronoun"}:
            return None
        return Cue(reference, inverted.group("verb").lower())
    opening = _OPENING_CLAUSE.match(lead)
    start = opening.end() if opening else 0
    pronoun = _LOWER_PRONOUN.match(lead, start) if opening else None
    if pronoun:  # "Before adjourning, she spoke to them:"
        phrase = pronoun.group("pronoun")
        return Cue(SpeakerRef("pronoun", phrase, base + pronoun.start("pronoun")), "said")
    reference = sentence_subject(lead[start:], base + start, any_verb=True)
    return Cue(reference, "said") if reference is not None else None


class Reported(NamedTuple):
    """Reported speech without quotation marks: the cue and the reported words' span."""

    cue: Cue
    start: int
    end: int


_THAT = re.compile(r"\s+that\s+")


def find_reported_speech(sentence: str, base: int) -> Reported | None:
    """``X said/wrote (channel) that …`` or ``According to X, …`` in one masked sentence."""
    if "·" in sentence or "“" in sentence or "”" in sentence or '"' in sentence:
        return None  # a quotation, or words masked out of one: cues read those
    if " that " not in sentence and "ccording" not in sentence:
        return None  # neither shape can match: skip the patterns
    # The according patterns ignore case, but only ASCII letters match "ccord" (unlike
    # "i", which "İ" matches): they are tried only when a lower-case copy holds it.
    maybe_according = "ccord" in sentence.lower()
    according = _ACCORDING_OPENS.match(sentence) if maybe_according else None
    if according:
        reference = object_reference(according.group("who"), base + according.start("who"))
        if reference is not None and reference.kind != "nominal":
            return Reported(
                Cue(reference, "according to"),
                base + according.end(),
                base + _content_end(sentence),
            )
    trailing = _ACCORDING_ENDS.search(sentence) if maybe_according else None
    if trailing:
        reference = object_reference(trailing.group("who"), base + trailing.start("who"))
        if reference is not None and reference.kind != "nominal":  # not "district figures"
            start = len(sentence) - len(sentence.lstrip())
            return Reported(Cue(reference, "according to"), base + start, base + trailing.start())
    # Only a verb before the last "that" can report: the verbs are read up to there, and
    # no further than the first one that does.
    last_that = sentence.rfind("that")
    verbs = _verbs_in(sentence[:last_that], _SPEECH_SET) if last_that > 0 else ()
    for verb_start, verb_end, verb_text in verbs:
        if verb_text == "according to":
            continue
        rest = sentence[verb_end:]
        that = _that_in(rest)
        if that is None:
            continue
        between = rest[: that.start()]
        channel = _channel_after(between)
        recipient = _RECIPIENT.match(between) if verb_text in _RECIPIENT_VERBS else None
        covered = len(channel) + (len(recipient.group()) if recipient else 0)
        if len(between.strip()) > covered + 2 and not _only_time_words(between):
            continue
        reference, intro = read_subject(sentence[:verb_start], base)
        if reference is None or reference.kind not in {"name", "pronoun"}:
            continue
        cue = _cue_from(reference, verb_text, between, intro, channel)
        start = verb_end + that.end()
        return Reported(cue, base + start, base + _content_end(sentence))
    return None


def _that_in(text: str) -> re.Match[str] | None:
    """The first " that " in ``text`` (white space of any kind and length around it).

    The pattern is tried from the white space before the first "that" on: no match can
    start sooner, and it would try every space up to there.
    """
    first = text.find("that")
    if first < 0:
        return None
    return _THAT.search(text, len(text[:first].rstrip()))


def _only_time_words(text: str) -> bool:
    return bool(_TIME_WORDS_ONLY.fullmatch(text))


def _content_end(sentence: str) -> int:
    end = len(sentence.rstrip())
    while end > 0 and sentence[end - 1] in ".!?":
        end -= 1
    return end
