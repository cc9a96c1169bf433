"""``find_quotes``: the steps that turn an article's paragraphs into an :class:`Extraction`.

1. Pair quotation marks into spans (:mod:`.marks`) and set nicknames aside (Robert “Bobby”
   Hill is Robert Hill, and says nothing; "Bobby Hill" later is still Robert Hill). The
   dateline ("PORT AMBROSE — ") is blanked too: a place, not a name.
2. Mask the spans, so that everything read afterwards is the reporter's own text, and read
   the attribution cue after and before each span (:mod:`.attribution`).
3. Join the halves of a quote split around its attribution ("…," Lovejoy said. "…"), then
   drop what only looks like a quotation: titles of works, labels and scare quotes.
4. Find the organizations named (:mod:`.organizations`) and the reported speech
   ("Thody wrote that …").
5. Walk the article in reading order, feeding every mention of a person to the registry
   (:mod:`.mentions`) and resolving each cue's speaker as it is reached, so "she" means
   whoever "she" could mean at that point of the story — first the subject the last
   sentences were about, then the latest person of that gender. A quote opening a
   paragraph with no cue continues the previous speaker — unless it stands alone and the
   next paragraph names its speaker ("That was Ingrid Solvang, …", or the subject of the
   second paragraph of a story that opens on a quote); quoted words inside a sentence
   that names nobody (a sign, a chant) have no speaker; "someone", "it" or an unnamed
   spokeswoman speak for nobody, unless the story names them later ("That neighbor,
   Caspar Wendt, …").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from operator import itemgetter
from typing import NamedTuple

from .attribution import (
    APPOSITIVE_OPENER,
    LOWER_NAME_WORDS,
    Cue,
    SpeakerRef,
    colon_cue,
    cue_after,
    cue_before,
    ends_with_speech_verb,
    find_reported_speech,
    find_verbs,
    object_reference,
    opens_with_speech_verb,
    sentence_ends,
    sentence_subject,
    word_alternatives,
    word_pattern,
)
from .descriptors import (
    Descriptor,
    is_role,
    read_descriptor,
    read_descriptor_body,
    read_organization,
)
from .marks import QuotedSpan, find_quoted_spans, mask_quotes
from .mentions import PeopleRegistry, PersonRecord
from .names import (
    FIRST_NAMES,
    FRONT_WORDS,
    PRONOUN_GENDER,
    NameParts,
    gender_of_first_name,
    gender_of_words,
    is_name_word,
    parse_person_phrase,
)
from .organizations import (
    KnownOrganizations,
    OrganizationMention,
    Piece,
    canonical_name,
    capitalised_pieces,
    find_organization_mentions,
    looks_like_organization,
    organization_kind,
    split_phrase,
)
from .reading import reading_text
from .records import new_tuple
from .results import DIRECT, INDIRECT, Extraction, Organization, Quote
from .titles import title_end

# Words right before a quoted span that make it a name or a coined term, not somebody's
# words: "a program called “Safe Streets”", "so-called “affordable” units".
_NAMING_WORDS = re.compile(
    r"\b(?:(?:called|calls|call)(?:\s+(?:a|an))?|titled|entitled|named|nicknamed|dubbed|"
    r"so-called|known\s+as|the\s+term|the\s+phrase|the\s+hashtag|the\s+motto)"
    r"\s*[,:]?\s*$",
    re.IGNORECASE,
)
# Somebody doing the calling: "what he called “a museum of my mistakes”" quotes him.
_PERSON_CALLS = re.compile(
    r"(?:\b(?:he|she|they|I|we)|[A-Z][\w'’-]+)\s+(?:[a-z]+ly\s+|once\s+|also\s+)?"
    r"(?:called|calls|dubbed)\s*[,:]?\s*$"
)
# A cue after a span, whoever it names: ", said …" or ", the chief executive said".
_SPOKEN_AFTER = re.compile(
    r"[\s,]*(?:[\w.'’-]+\s+){0,8}?(?:said|says|told|wrote|writes|added|asked|explained)\b"
)
# A lower-case verb right after a span: "“The Orchard Keepers” had been borrowed".
_VERB_AFTER = re.compile(
    r"\s+(?:is|was|are|were|has|had|have|will|would|can|could|did|does|runs|opens|"
    r"[a-z]+ed)\b"
)
# Nouns right before a title-cased span that make it the title of a work: "the play “Our
# Town”", "a resolution titled …".
_WORK_NOUNS = re.compile(
    r"\b(?:book|novels?|film|movie|play|musical|song|album|show|series|documentary|report|"
    r"exhibit|exhibition|program|programme|campaign|initiative|poem|essay|article|op-ed|"
    r"headline|podcast|episode|opera|painting|sculpture|resolution|ordinance|bill|"
    r"measure|act|festival|event|production|memoir|study|hymn|anthem|retrospective|"
    r"exhibit|show|novel|collection|tour|speech|sermon)\s*[,:]?\s*$",
    re.IGNORECASE,
)
# A verb of saying right before the mark: whatever follows is somebody's (or a sign's) words.
_SAYING_BEFORE = re.compile(
    r"\b(?:said|says|say|read|reads|reading|chanted|chanting|shouted|shouting|yelled|"
    r"screamed|cried|sang|singing|wrote|asked|replied|answered|declared|told\s+\w+|"
    r"the\s+words)"
    r"\s*[,:]?\s*$",
    re.IGNORECASE,
)
# Words that may follow a short quoted phrase without making it part of a noun phrase.
_FUNCTION_WORDS = frozenset(
    """and or but nor to of in on at for with as by from that which who whom whose is
    was are were be been will would could should can may might has had have do does did
    not when while because after before if than then so into about over under during
    through against without since until he she they it we i you his her their its a an
    the this these those some any every no all more less""".split()
)
_WORD = re.compile(r"[\w'’-]+")
_NEXT_LOWER_WORD = re.compile(r"\s+([a-z][\w-]*)")
_SENTENCE_INSIDE = re.compile(r"[.!?]\W*\w")
_WORD_START = re.compile(r"\s\w")
_GENDERED_PRONOUN = re.compile(r"\b(?:she|her|he|his|him)\b")
# A capitalised plural of a role noun opening a sentence: "Marchers", "Organizers",
# "Residents", "Officials". Never introduced as a name, it is a group speaking.
_PLURAL_GROUP = re.compile(r"[A-Z][a-z]+(?:ers|ors|ists|ians|ents|ants|ees|als|ives|ites)")
_SMALL_WORDS = frozenset("a an the of in on at for to and or but with from by as".split())
# "he", "she", "his", "her", "him" standing as words. Each holds a lower-case "h" but "He",
# "His", "Her" and "Him", and a pattern opening with one fixed letter is searched far
# faster than one opening with a choice of letters: so one pattern starts at that "h" (the
# "s" of "she" checked behind it), and a second, run only where a capital H stands, reads
# the capitalised forms.
_PRONOUN_AT_H = re.compile(r"h(?:(?<!\w.)(?:e|is|er|im)|(?<=(?<!\w)[Ss]h)e)\b")
_CAPITAL_PRONOUN = re.compile(r"H(?<!\w.)(?:e|is|er|im)\b")


@dataclass
class _Candidate:
    """A quoted span on its way to becoming a quote.

    Its first and last spans are read as ``spans[0]`` and ``spans[-1]``, not through
    properties: a property is a Python call, and the steps read them dozens of times an
    article.
    """

    spans: list[QuotedSpan]
    after: Cue | None = None
    before: Cue | None = None
    after_end: int = 0  # where the cue after the quote stops, in its paragraph
    before_above: bool = False  # the cue closes the paragraph above ("… said:")
    below: bool = False  # the speaker is named in the paragraph below ("That was X, …")
    lead: str = ""  # the sentence's words before the opening mark

    @property
    def cue(self) -> Cue | None:
        return self.after or self.before


class _Resolved(NamedTuple):
    """A quote's resolution, kept until the end so late name changes are honoured."""

    text: str
    record: PersonRecord | None
    reference: SpeakerRef | None
    kind: str
    verb: str
    channel: str
    paragraph: int
    start: int
    end: int
    end_paragraph: int
    confidence: float
    organization: str = ""
    reading: str = ""


def clear_caches() -> None:
    """Forget the phrase readers' remembered answers (for benchmarks and tests)."""
    for reader in (
        find_verbs,
        is_name_word,
        parse_person_phrase,
        looks_like_organization,
        canonical_name,
        organization_kind,
        split_phrase,
        read_descriptor_body,
        read_organization,
        is_role,
    ):
        reader.cache_clear()


def find_quotes(
    paragraphs: list[str],
    known_organizations: Iterable[str] | Mapping[str, str] = (),
    known_people: Iterable[str] = (),
) -> Extraction:
    """Find the quotes, speakers, people and organizations of one article.

    ``paragraphs`` are the article's paragraphs in order (0 is the first).
    ``known_organizations`` are names (and aliases) already on record: a plain iterable of
    names, or a mapping from each name or alias to its canonical name.
    ``known_people`` are names on record; a person written exactly so keeps that spelling.
    """
    paragraphs = list(paragraphs)
    known = KnownOrganizations(known_organizations)
    spans = find_quoted_spans(paragraphs)
    nicknames, spans = _set_aside_nicknames(paragraphs, spans)
    registry = PeopleRegistry(tuple(known_people), _nickname_aliases(paragraphs, nicknames))
    # Names are read with nicknames blanked out: Robert “Bobby” Hill is Robert Hill.
    plain = list(paragraphs)
    if plain:
        plain[0] = _without_dateline(plain[0])
    for paragraph, start, end in nicknames:
        text = plain[paragraph]
        plain[paragraph] = text[:start] + " " * (end - start) + text[end:]
    masked = mask_quotes(plain, spans)
    ends = [sentence_ends(text) for text in masked]
    candidates = _read_cues(masked, ends, spans)
    candidates = _join_split_quotes(candidates, masked)
    kept: list[_Candidate] = []
    for candidate in candidates:
        if _is_quotation(candidate, paragraphs, masked, kept[-1] if kept else None):
            kept.append(candidate)
    candidates = kept
    pieces = [capitalised_pieces(text) for text in plain]
    bodies = find_organization_mentions(
        _mask_non_quotes(plain, spans, candidates), known, _names_a_person, pieces
    )
    reported = _find_reported(masked, ends)
    resolved = _resolve(paragraphs, masked, ends, pieces, candidates, reported, registry, bodies)
    aliases = {mention.name: mention.alias_of for mention in bodies if mention.alias_of}
    for record in registry.records:
        record.organization = aliases.get(record.organization, record.organization)
    organizations = _organizations(bodies, known, registry, resolved)
    _use_fullest_names(registry, resolved, [organization.name for organization in organizations])
    quotes = [_as_quote(item) for item in resolved]
    people = registry.people()
    return Extraction(quotes=quotes, people=people, organizations=organizations)


def _names_a_person(words: str) -> bool:
    if " of " in words or " the " in words:
        return False  # "Friends of the Rialto", "Walk in the Light …": bodies' names
    keys = words.lower().replace(".", "").split()
    if FRONT_WORDS.isdisjoint(keys) and FIRST_NAMES.isdisjoint(keys):
        return False  # no title, no honorific, no first name: nothing says "person"
    parts = parse_person_phrase(words)
    return parts is not None and bool(parts.title or parts.honorific or parts.gender)


def _mask_non_quotes(
    paragraphs: list[str], spans: list[QuotedSpan], candidates: list[_Candidate]
) -> list[str]:
    """The paragraphs with titles of works and scare quotes hidden: "Selection and
    Reconsideration of Library Materials" is a report, not a library."""
    kept = {id(span) for candidate in candidates for span in candidate.spans}
    return mask_quotes(paragraphs, [span for span in spans if id(span) not in kept])


# --- step 1: spans that are not quotations ------------------------------------------------


def _set_aside_nicknames(
    paragraphs: list[str], spans: list[QuotedSpan]
) -> tuple[list[tuple[int, int, int]], list[QuotedSpan]]:
    """Take out ``Robert "Bobby" Hill`` nicknames; return their extents and the rest."""
    nicknames = []
    kept = []
    for span in spans:
        # A nickname is a word or two between a given name and a surname: the cheap tests
        # first, as most spans are whole sentences.
        if len(span.segments) != 1 or span.end - span.start >= 40:
            kept.append(span)
            continue
        text = paragraphs[span.paragraph]
        inner = text[span.start : span.end]
        if (
            inner[:1].isupper()
            and 1 <= len(inner.split()) <= 2
            and not inner.endswith((",", ".", "!", "?"))
            and text[span.mark_end : span.mark_end + 8].lstrip()[:1].isupper()
            and _follows_a_name_word(text[max(0, span.mark_start - 40) : span.mark_start])
        ):
            nicknames.append((span.paragraph, span.mark_start, span.mark_end))
        else:
            kept.append(span)
    return nicknames, kept


# A dateline opening the story: "PORT AMBROSE — ", "HARTFORD, Conn. — ".
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z.'’-]+(?:[ \u00a0][A-Z][A-Z.'’-]*)*(?:,[ \u00a0][A-Z][\w.]*)*"
    r"(?:[ \u00a0]*\([\w. ]+\))?[ \u00a0]*(?:[—–]|--?)[ \u00a0]*"
)


def _without_dateline(text: str) -> str:
    """The first paragraph with its dateline blanked: the place is not a name or a body."""
    match = _DATELINE.match(text)
    return " " * match.end() + text[match.end() :] if match else text


_GIVEN_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*\s*$")
_SURNAME_AFTER = re.compile(r"\s*([A-Z][\w'’-]+)")


def _nickname_aliases(
    paragraphs: list[str], nicknames: list[tuple[int, int, int]]
) -> dict[str, str]:
    """Other names for people introduced with a nickname: Bartolomeo “Bart” Ferrante may
    come back as "Bart Ferrante" or "Bart", and is still Bartolomeo Ferrante."""
    aliases = {}
    for paragraph, start, end in nicknames:
        text = paragraphs[paragraph]
        given = _GIVEN_NAME_BEFORE.search(text, max(0, start - 30), start)
        surname = _SURNAME_AFTER.match(text, end)
        nickname = text[start + 1 : end - 1].strip()
        if given and surname and nickname:
            full = f"{given.group().strip()} {surname.group(1)}"
            aliases[f"{nickname} {surname.group(1)}"] = full
            aliases[nickname] = full
    return aliases


def _follows_a_name_word(before: str) -> bool:
    """Whether ``before`` ends with a capitalised word: "Robert" of "Robert “Bobby” Hill"."""
    before = before.rstrip()
    return before[-1:].isalpha() and before.rsplit(None, 1)[-1][:1].isupper()


def _is_title_case(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() for w in words)


def _modifies_noun(inner: str, after: str) -> bool:
    """A short unpunctuated span followed by a noun is a coinage: a “housing first” pilot."""
    if inner.rstrip().endswith((",", ".", "!", "?", ";", ":")):
        return False
    following = _NEXT_LOWER_WORD.match(after)
    return bool(following) and following.group(1) not in _FUNCTION_WORDS


def _is_quotation(
    candidate: _Candidate,
    paragraphs: list[str],
    masked: list[str],
    previous: _Candidate | None = None,
) -> bool:
    """Keep real quotations; drop titles of works and scare quotes.

    A span attributed right after its closing mark is always a quotation, and so is a
    second span in the sentence of an attributed one ("wrote that she shared “…” and that
    the council would “find the money”"). Otherwise a span right after a naming word
    ("called", "so-called", the title-cased name after "the play") is a name — unless a
    person does the calling ("what he called “a museum of my mistakes”") — and a short one
    modifying a noun ("a “housing first” pilot") a coinage. A title-cased span that nobody
    is said to say is the title of a work, and so is one that goes on as the subject of a
    verb ("said “The Orchard Keepers” had been borrowed 41 times"). A short span (four
    words or fewer, no sentence inside) is a quotation when a verb of saying stands right
    before it (signs, chants), when it is a whole exclamation or sentence ("Say his
    name!"), or when the sentence attributes it to somebody ("He called the plan “a
    disaster for renters”").
    """
    span = candidate.spans[0]
    if candidate.after is not None or len(candidate.spans) > 1:
        return True
    inner = span.text(paragraphs)
    text = masked[span.paragraph]
    lead = text[max(0, span.mark_start - 80) : span.mark_start]
    words = inner.split()
    cue = candidate.before
    if _continues_attributed_sentence(candidate, previous, masked):
        return True
    near = max(0, len(lead) - 40)  # the words these patterns look for end the lead
    naming = _NAMING_WORDS.search(lead, near)
    if (
        naming
        and not (_PERSON_CALLS.search(lead, near) and cue is not None)
        and (len(words) <= 4 or _is_title_case(inner))
    ):
        return False
    if _WORK_NOUNS.search(lead, near) and _is_title_case(inner):
        return False
    after = masked[span.end_paragraph][span.mark_end : span.mark_end + 80]
    unpunctuated = not inner.rstrip("’'\"”)").endswith((".", "!", "?", ","))
    if (not unpunctuated or after[:1] == ",") and _SPOKEN_AFTER.match(after):
        return True  # "“We are disappointed,” CEO Lin Ng said": spoken, though the name
        # after it could not be read
    if _is_title_case(inner) and unpunctuated and _VERB_AFTER.match(after):
        return False  # the span is a clause's subject: the name of something
    if len(words) <= 3 and _modifies_noun(inner, after) and not _SAYING_BEFORE.search(lead, near):
        return False  # a coinage; but "said “I was wrong” twice" is somebody's words
    if (
        cue is None
        and len(words) > 1
        and _is_title_case(inner)
        and not inner.rstrip("’'\"”)").endswith((".", "!", "?"))
        and not _SAYING_BEFORE.search(lead, near)
    ):
        return False  # “Salt, Smoke and Silver: Photographs of the Harbor,” an exhibition
    if len(words) > 4 or _SENTENCE_INSIDE.search(inner):
        return True
    if _SAYING_BEFORE.search(lead, near):
        return True  # signs that said “Save Jefferson”; marchers chanted “Justice”
    if inner.rstrip("’'\"”)").endswith((".", "!", "?")):
        return True  # a whole utterance, however short: "Say his name!"
    if _is_title_case(inner):
        return False
    if cue is None or cue.speaker.kind == "unnamed":
        return False
    # One word is a quotation when a named person is said to have called something so:
    # "called the plan “premature”"; otherwise it is more likely the writer's scare quote.
    return len(words) >= 2 or (cue.partial_only and cue.speaker.kind == "name")


def _continues_attributed_sentence(
    candidate: _Candidate, previous: _Candidate | None, masked: list[str]
) -> bool:
    """Whether a quotation stands earlier in the candidate's sentence, attributed or
    listed with it ("Signs read “Staff Our Wards” and “Ask Me About …”")."""
    if previous is None:
        return False
    last, span = previous.spans[-1], candidate.spans[0]
    if last.end_paragraph != span.paragraph:
        return False
    gap = masked[span.paragraph][last.mark_end : span.mark_start]
    if sentence_ends(gap):
        return False
    listed = gap.strip(" ,;").split(" ", 1)[0]
    return previous.cue is not None or listed in {"", "and", "or"}


# --- step 2: cues ---------------------------------------------------------------------


def _sentence_start(ends: tuple[int, ...], offset: int) -> int:
    """Where the sentence holding ``offset`` starts, given the sentence ends."""
    index = bisect_right(ends, offset)
    return ends[index - 1] if index else 0


def _read_cues(
    masked: list[str], ends: list[tuple[int, ...]], spans: list[QuotedSpan]
) -> list[_Candidate]:
    """Read the cue after and before every span."""
    candidates = []
    last = len(spans) - 1
    for index, span in enumerate(spans):
        following = spans[index + 1] if index < last else None
        previous = spans[index - 1] if index else None
        candidate = _Candidate([span])
        # After the closing mark, up to the next quote or the end of the sentence.
        text = masked[span.end_paragraph]
        tail_end = len(text)
        if following is not None and following.paragraph == span.end_paragraph:
            tail_end = following.mark_start
        later = ends[span.end_paragraph]
        end_index = bisect_right(later, span.mark_end)
        if end_index < len(later) and later[end_index] < tail_end:
            tail_end = later[end_index]
        tail = text[span.mark_end : tail_end]
        if span.closed and tail and not tail.isspace():
            # The tail stops at the end of its sentence (or at the next quote); an empty
            # one (the quote ends its paragraph) holds no cue.
            found = cue_after(tail, span.mark_end, one_clause=True)
            if found is not None:
                candidate.after, covered = found
                candidate.after_end = span.mark_end + covered
        # Before the opening mark, back to the sentence start or the previous quote.
        text = masked[span.paragraph]
        lead_start = _sentence_start(ends[span.paragraph], span.mark_start)
        if previous is not None and previous.end_paragraph == span.paragraph:
            lead_start = max(lead_start, previous.mark_end)
        lead = text[lead_start : span.mark_start]
        candidate.lead = lead.strip(" \t,;:—–-")
        blank_lead = lead.isspace() or not lead
        if candidate.after is not None:
            pass  # attributed after its closing mark: the words before do not matter
        elif not blank_lead:
            candidate.before = cue_before(lead, lead_start) or colon_cue(lead, lead_start)
        elif span.paragraph > 0 and not text[: span.mark_start].strip():
            # "… told the crowd outside headquarters:" closing the paragraph above.
            above = masked[span.paragraph - 1].rstrip()
            if above.endswith(":"):
                start = _sentence_start(ends[span.paragraph - 1], len(above) - 1)
                cue = cue_before(above[start:], start)
                if cue is not None:
                    candidate.before = cue
                    candidate.before_above = True
        if (
            span.closed
            and candidate.after is None
            and candidate.before is None
            and blank_lead
            and span.end_paragraph + 1 < len(masked)
            and not text[span.mark_end :].strip()
        ):
            cue = _named_below(masked[span.end_paragraph + 1], opening=span.paragraph == 0)
            if cue is not None:
                candidate.before, candidate.below = cue, True
        candidates.append(candidate)
    return candidates


# A paragraph naming who said the quote standing alone above it: "That was Ingrid Solvang,
# 58, who spent the night …", "That’s Marguerite Tollefsen, on her porch."
_THAT_WAS = re.compile(r"\s*(?:That['’]s|That\s+(?:is|was)|This\s+is|Those\s+were)\s+(?=[A-Z])")


def _named_below(below: str, *, opening: bool) -> Cue | None:
    """The speaker of a quote standing alone as a paragraph, named in ``below``.

    "That was …" names them wherever the quote stands. A story that opens with a quote
    names its speaker as the subject of the next paragraph: "Marguerite Tollefsen has listened
    that question a lot."
    """
    that = _THAT_WAS.match(below)
    if that:
        reference = object_reference(below[that.end() :], that.end())
    elif opening:
        reference = sentence_subject(below, 0, any_verb=True)
    else:
        return None
    if reference is None or reference.kind != "name" or " " not in reference.parts.name:
        return None
    return Cue(reference._replace(weak=False), "said")


# --- step 3: split quotes -------------------------------------------------------------


def _join_split_quotes(candidates: list[_Candidate], masked: list[str]) -> list[_Candidate]:
    """Join ``“A,” said X. “B.”`` into one quote when only the attribution stands between.

    The second part joins unless it is attributed on its own after its closing mark
    (``"A," she said. "B," he said.`` are two quotes).
    """
    joined: list[_Candidate] = []
    for candidate in candidates:
        if joined and (candidate.after is None or _continues_speaker(joined[-1], candidate)):
            previous = joined[-1]
            last = previous.spans[-1]
            span = candidate.spans[0]
            if last.closed and last.end_paragraph == span.paragraph:
                gap = masked[span.paragraph][last.mark_end : span.mark_start]
                if _only_attribution(gap, previous):
                    previous.spans.extend(candidate.spans)
                    continue
        joined.append(candidate)
    return joined


def _continues_speaker(previous: _Candidate, candidate: _Candidate) -> bool:
    """A second part running on over paragraphs and closed by "she said" is still the
    first speaker's quote: "…,” said Patricia Gomez. “… / “…,” she said."""
    cue = candidate.after
    if cue is None or len(candidate.spans[0].segments) < 2 or previous.after is None:
        return False
    first = previous.after.speaker
    return cue.speaker.kind == "pronoun" or (
        cue.speaker.parts is not None
        and first.parts is not None
        and cue.speaker.parts.surname == first.parts.surname
    )


def _only_attribution(gap: str, previous: _Candidate) -> bool:
    """Whether nothing but the first part's attribution stands in ``gap``."""
    if not gap.strip(" ,;:—–-"):
        return previous.after is not None or previous.before is not None
    if previous.after is None:
        return False
    if len(previous.spans) > 1:
        return False  # the attribution stood after the first part, not this gap
    covered = previous.after_end - previous.spans[-1].mark_end
    return not gap[covered:].strip(" ,;:.—–-")


# --- step 4: reported speech ----------------------------------------------------------


class _ReportedAt(NamedTuple):
    paragraph: int
    start: int
    end: int
    cue: Cue


def _find_reported(masked: list[str], ends: list[tuple[int, ...]]) -> list[_ReportedAt]:
    """Reported speech in every sentence that could hold it."""
    found = []
    for index, text in enumerate(masked):
        if " that " not in text and "ccording" not in text:
            continue  # neither "said that …" nor "according to …": nothing to report
        start = 0
        for end in [*ends[index], len(text)]:
            if end <= start:
                continue
            reported = find_reported_speech(text[start:end], start)
            if reported is not None:
                found.append(
                    new_tuple(_ReportedAt, (index, reported.start, reported.end, reported.cue))
                )
            start = end
    return found


# --- step 5: reading in order ---------------------------------------------------------


class _Mention(NamedTuple):
    """A named person in the reporter's text."""

    parts: NameParts
    descriptor: Descriptor
    strong: bool  # a title, a descriptor, a speech verb or a known first name
    # "That neighbor, Caspar Wendt,": the noun of an unnamed person this name is given to
    names_unnamed: str = ""
    # "His daughter, Beatrix Farrow,": a relative ("daughter"), who leaves the bare surname to
    # the person the story is about
    kin: str = ""


class _Anonymous(NamedTuple):
    """An unnamed person who speaks: "A woman who asked that her name not be used"."""

    gender: str
    noun: str = ""


class _Relative(NamedTuple):
    """Someone named by first name after a relation: "His wife, Henrietta," or "Quill's son,
    Ned,". The family name is the relation's: Henrietta Pennington, Ned Quill."""

    first_name: str
    owner: str  # "his", "her", "their", the name before "'s", or "" (not family)
    gender: str
    relation: str = ""


class _Kin(NamedTuple):
    """A relative referred to without a name: "Her husband shrugged." """

    owner: str  # "his" or "her"
    relation: str
    gender: str


_RELATION_BEFORE = re.compile(
    r"(?:\b(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir)|(?P<owner>[A-Z][\w'’-]*)['’]s?)\s+"
    r"(?:(?:late|former|older|younger|elder|eldest|oldest|youngest|twin|adult|teenage|"
    r"\d+-year-old)\s+)?"
    r"(?P<relation>wife|husband|son|daughter|mother|father|brother|sister|grandson|"
    r"granddaughter|grandmother|grandfather|nephew|niece|uncle|aunt|widow|widower|"
    r"stepson|stepdaughter|stepfather|stepmother|neighbor|neighbour|friend|roommate|"
    r"coworker|co-worker|colleague|partner|boyfriend|girlfriend|fiancé|fiancée|fiance|"
    r"fiancee),\s*$"
)
# A relative written without a name after "his" or "her": "His son", "her late husband"
# (not "His son, Felix," nor "her husband’s truck").
_KIN_AFTER = re.compile(
    r"\s+(?:(?:late|older|younger|elder|eldest|oldest|youngest|twin|adult|teenage)\s+)?"
    r"(?P<relation>wife|husband|son|daughter|mother|father|brother|sister|grandson|"
    r"granddaughter|grandmother|grandfather|widow|widower)(?![\w'’-]|,?\s+[A-Z])"
)
# "the younger" or "the elder" before a surname shared in a family.
_GENERATION_BEFORE = re.compile(r"\b[Tt]he\s+(younger|elder|older)\s+(?:[A-Z][\w.]*\s+)?$")
# A relative named right after a possessive: "Brody’s sister, Ada Brody,".
_RELATIVE_NAMED_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:wife|husband|son|daughter|mother|father|brother|sister|grandson|"
    r"granddaughter|grandmother|grandfather|nephew|niece|uncle|aunt|widow|widower|friend|"
    r"neighbor|neighbour|partner|lawyer|attorney),"
)
# Relations that share a family name; a neighbor or a friend is only a first name.
_FAMILY = frozenset(
    """wife husband son daughter mother father brother sister grandson granddaughter
    grandmother grandfather nephew niece uncle aunt widow widower stepson stepdaughter
    stepfather stepmother""".split()
)


def _relative_before(text: str, offset: int, name: str) -> _Relative | None:
    """ "His wife, Henrietta," before a lone first name, or ``None``."""
    if text[offset + len(name) : offset + len(name) + 1] not in {",", ""}:
        return None
    match = _RELATION_BEFORE.search(text, max(0, offset - 50), offset)
    if match is None:
        return None
    owner = (match.group("pronoun") or "").lower() or match.group("owner")
    relation = match.group("relation")
    if relation not in _FAMILY:
        owner = ""  # "Her neighbor, Frank,": known by his first name only
    gender = gender_of_words(relation) or gender_of_first_name(name)
    return new_tuple(_Relative, (name, owner, gender, relation if owner else ""))


_APPOSITIVE_BEFORE = re.compile(
    r"(?:^|[,;:(.!?]\s*|\b(?:and|but|by|from|with|to|for|of|as|said|says)\s+)"
    rf"(?P<body>{APPOSITIVE_OPENER}\s+[^,;:()·“”\"]{{1,60}}?),\s*$",
    re.IGNORECASE,
)
_NAMED_BEFORE = re.compile(r"\b(?P<body>(?:a|an|the)\s+[\w\s-]{1,40}?)\s+named\s+$")
# "A", "An", "Another" or "One": the letter first and the word boundary checked after it,
# so the engine skips quickly between candidate letters.
# The nouns that introduce an unnamed person: "a woman", "one neighbor", "another resident".
_UNNAMED_NOUNS = """woman man girl boy mother father grandmother grandfather wife husband
    daughter son resident neighbor neighbour witness parent student worker employee nurse
    teacher driver customer shopper passenger volunteer protester marcher spokesperson
    spokeswoman spokesman official person caller member owner organizer tenant renter
    landlord supervisor manager clerk guard patient doctor bystander passerby motorist
    commuter rider fan vendor shopkeeper veteran survivor victim""".split()


_ANONYMOUS = re.compile(
    r"[AaOo](?<![\w'’-].)(?:(?<=[Aa])(?:n(?:other)?)?|(?<=[Oo])ne)\s+(?:[a-z][\w-]*\s+){0,2}?"
    rf"(?P<noun>{word_alternatives(_UNNAMED_NOUNS)})\b(?P<rest>[^.!?]*)"
)
_UNNAMED_NOUN_AFTER_SPACE = re.compile(rf" (?:{word_alternatives(_UNNAMED_NOUNS)})\b")
_ANONYMITY = re.compile(
    r"name\s+not\s+be\s+(?:used|published|printed)|not\s+to\s+be\s+(?:named|identified)|"
    r"condition\s+of\s+anonymity|declined\s+to\s+(?:give|be\s+named|be\s+identified)|"
    r"would\s+not\s+give|did\s+not\s+want\s+(?:his|her|their)\s+name|"
    r"withheld|only\s+by\s+(?:his|her|their)\s+first\s+name"
)
_NAME_SPLIT = re.compile(r" (?:and|&) ")
# The person nouns above, singular and plural: a paragraph with none of them (most) is
# settled by a set test instead of the pattern.
_PERSON_NOUNS = frozenset(
    """woman women man men girl girls boy boys mother mothers father fathers grandmother
    grandfather wife husband daughter son resident residents neighbor neighbors neighbour
    witness witnesses parent parents student students worker workers employee employees
    nurse nurses teacher teachers driver drivers customer customers shopper shoppers
    passenger passengers volunteer volunteers protester protesters marcher marchers
    spokesperson spokeswoman spokesman official officials person people caller member
    members owner owners organizer organizers tenant tenants renter renters landlord
    supervisor manager clerk guard patient doctor bystander passerby motorist commuter rider
    fan vendor shopkeeper veteran survivor victim""".split()
)
_PERSON_NOUN = word_pattern(_PERSON_NOUNS)
_AFTER_NAME = re.compile(r"[A-Z][\w'’.-]*,\s*$")


def _name_segments(piece: str) -> list[tuple[int, str, str]]:
    """``(offset, name words, body after "of")`` for each person a capitalised run may hold.

    People are never joined by "and" ("Rabbi Naomi Feldstein of Temple Beth Shalom and Imam
    Yusuf Abdullahi of the Islamic Center" holds two), and "Name of Body" is a person and
    the organization they belong to.
    """
    joined = " and " in piece or " & " in piece
    if not joined and " of " not in piece:
        return ((0, piece, ""),)  # one name, nothing after it
    # Without "and" or "&" there is nothing for _NAME_SPLIT to cut at: no pattern to run.
    cuts = [*_NAME_SPLIT.finditer(piece)] if joined else []
    segments = []
    cursor = 0
    for match in [*cuts, None]:
        end = match.start() if match else len(piece)
        segment = piece[cursor:end]
        of = segment.find(" of ")
        if of > 0 and parse_person_phrase(segment) is None:
            segments.append((cursor, segment[:of], segment[of + 4 :]))
        else:
            segments.append((cursor, segment, ""))
        if match:
            cursor = match.end()
    return segments


def _shared_surname(segments: list[tuple[int, str, str]]) -> str:
    """The family name two given names share, as in "Margaret and Louise Brezina"; or ``""``.

    Only for exactly two people, the first a lone given name and the second a given name
    and a surname, at least one of the given names known as one.
    """
    if len(segments) != 2 or segments[0][2] or segments[1][2]:
        return ""
    first, second = segments[0][1], segments[1][1].split()
    if len(second) != 2 or not first.isalpha() or not second[1][:1].isupper():
        return ""
    if not (gender_of_first_name(first) or gender_of_first_name(second[0])):
        return ""
    return second[1].rstrip(".")


def _appositive_before(before: str) -> Descriptor | None:
    """A description written before a name: "the district's superintendent, Name"."""
    before = before[-100:]
    ending = before.rstrip()
    if ending.endswith(","):
        match = _APPOSITIVE_BEFORE.search(before)
    elif ending.endswith("named"):
        match = _NAMED_BEFORE.search(before)
    else:
        return None  # neither shape: spare the patterns their search
    if not match:
        return None
    found = read_descriptor_body(match.group("body"))
    return found._replace(length=max(found.length, 1))


def _title_before(before: str) -> tuple[str, str] | None:
    """A lower-case job written before a name: "Lincoln High School principal Name".

    Returns the title and the body named before it, if that is an organization.
    """
    if len(before) < 2 or not before[-2].islower() or not before[-1].isspace():
        return None  # the word before the name is not a lower-case job word
    tokens = before[-120:].split()
    # The lower-case words just before the name, four at most ("community organizer").
    first = len(tokens)
    while first > 0 and len(tokens) - first < 4 and _LOWER_TOKEN.fullmatch(tokens[first - 1]):
        first -= 1
    words = tokens[first:]
    if not words:
        return None
    singular = _singular(words[-1])
    for start in range(len(words)):
        if title_end(words, start) == len(words) or (
            singular and title_end([*words[start:-1], singular], 0) == len(words) - start
        ):
            # "council members Douglas Pruitt and …": each of them is a council member
            title = " ".join([*words[start:-1], singular or words[-1]])
            body = "" if start else _body_before(tokens, first)
            if body and not looks_like_organization(body):
                body = ""
            return title, canonical_name(body) if body else ""
    return None


_LOWER_TOKEN = re.compile(r"[a-z][\w-]*")
_BODY_TOKEN = re.compile(r"[A-Z][\w'’&.-]*")


def _body_before(tokens: list[str], end: int) -> str:
    """The capitalised name standing right before ``tokens[end]`` ("Lincoln High School"
    of "Lincoln High School principal"), with the small words inside it; or ``""``."""
    start = end
    while start > 0 and (
        tokens[start - 1] in {"of", "the", "and", "&"} or _BODY_TOKEN.fullmatch(tokens[start - 1])
    ):
        start -= 1
    while start < end and not tokens[start][0].isupper():
        start += 1  # a name starts with a capital, not with "the"
    return " ".join(tokens[start:end])


def _singular(word: str) -> str:
    """ "members" → "member", "councilmen" → "councilman"; ``""`` if not a plural."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return ""


# A plural title over a list of names: "council members Douglas Pruitt and [Name]".
_LISTED_AFTER_TITLE = re.compile(
    r"(?<![\w'’.])(?P<words>(?:[a-z][\w-]*+[ \u00a0]++){1,4})"
    r"(?:[A-Z][\w'’.-]*+[ \u00a0]++){1,4}(?:and|&|,|,[ \u00a0]+and)[ \u00a0]+$"
)


def _listed_title(before: str) -> str:
    """The plural title that heads a list a name closes, singular, or ``""``."""
    if not before.endswith(("and ", "& ", ", ")):
        return ""
    match = _LISTED_AFTER_TITLE.search(before[-120:])
    if not match:
        return ""
    words = match.group("words").split()
    singular = _singular(words[-1])
    if not singular:
        return ""
    for start in range(len(words)):
        if title_end([*words[start:-1], singular], 0) == len(words) - start:
            return " ".join([*words[start:-1], singular])
    return ""


def _person_mentions(
    text: str, pieces: list[Piece], bodies: set[str]
) -> list[tuple[int, _Mention | _Anonymous | str]]:
    """People named in one masked paragraph, with bare surnames to be checked later.

    ``pieces`` are the paragraph's capitalised pieces; those hidden by the mask (inside a
    quote) are passed over.
    """
    found: list[tuple[int, _Mention | _Anonymous | str]] = []
    for _, piece_offset, piece, _ in pieces:
        if text[piece_offset] != piece[0]:
            continue
        if " " not in piece:  # most pieces: one word, a surname or a first name
            name = piece.rstrip(".") if piece[-1] == "." else piece  # the test spares a call
            if name[-2:] in {"’s", "'s"}:
                if _RELATIVE_NAMED_AFTER.match(text, piece_offset + len(piece)):
                    continue  # "Brody’s sister, Ada Brody, said": the sister is the subject
                name = name[:-2]  # "Brody’s advice is …": Brody, opening the sentence
            if is_name_word(name) and name.casefold() not in bodies:
                if text[piece_offset - 2 : piece_offset - 1] == ",":
                    found.append((piece_offset, _relative_before(text, piece_offset, name) or name))
                else:
                    found.append((piece_offset, name))  # "Lovejoy": a reference, if anyone's
            continue
        segments = _name_segments(piece)
        for inner, words, belongs_to in segments:
            offset = piece_offset + inner
            name = words.rstrip(".") if not words.endswith(("Jr.", "Sr.")) else words
            if name.casefold() in bodies:
                continue
            shared = _shared_surname(segments) if " " not in name and inner == 0 else ""
            if shared:
                # "Greta and Oskar Lindqvist": Greta Lindqvist, with the surname they share
                mention = _read_mention(text, offset, words, f"{name} {shared}", "")
                if mention is not None:
                    found.append((offset, mention))
                continue
            if " " not in name:
                if is_name_word(name):
                    relative = (
                        _relative_before(text, offset, name)
                        if text[offset - 2 : offset - 1] == ","
                        else None
                    )
                    # "Lovejoy": a reference, if anyone's
                    found.append((offset, relative or name))
                continue
            mention = _read_mention(text, offset, words, name, belongs_to)
            if mention is not None:
                found.append((offset, mention))
    if _may_introduce_unnamed(text):
        for match in _ANONYMOUS.finditer(text):
            if _AFTER_NAME.search(text, max(0, match.start() - 40), match.start()):
                continue  # "J.R. Castillo, a parent of two, said": a description
            rest = match.group("rest")
            if _ANONYMITY.search(rest) or _speaks(rest) or _SHOUTING.search(rest):
                noun = match.group("noun")
                gender = gender_of_words(noun) or _pronoun_gender(rest)
                found.append((match.start(), new_tuple(_Anonymous, (gender, noun))))
    return found


def _may_introduce_unnamed(text: str) -> bool:
    """Whether a paragraph has an article ("a", "an", "one") and a person noun standing
    whole: the paragraphs in which unnamed people are looked for.

    The tests run cheapest first. A pattern scanning a whole paragraph costs far more than
    a substring test, and the noun pattern (a look-behind before every alternative) most of
    all, so it runs last, on the few paragraphs the introduction pattern itself matched.
    """
    # The articles are looked for in the paragraph lower-cased as ASCII, each other
    # character a "?": str.lower() goes through the Unicode tables character by character
    # once a paragraph holds any non-ASCII character (every quote's mask does), bytes are
    # lowered by a table. No other character lower-cases to a space or a letter of "a",
    # "an" or "one", so the tests answer as they would on text.lower().
    ascii_lowered = text.encode("ascii", "replace").lower().decode("ascii")
    if not (
        " a " in ascii_lowered
        or " an " in ascii_lowered
        or "one " in ascii_lowered
        or ascii_lowered[:2] in {"a ", "an"}
    ):
        return False
    if text.isprintable() and _UNNAMED_NOUN_AFTER_SPACE.search(text) is None:
        # The noun follows white space; in printable text the only white space is the
        # space, so a pattern opening with one (which the engine skips to quickly) settles
        # the paragraphs with no such noun at all.
        return False
    return _ANONYMOUS.search(text) is not None and _PERSON_NOUN.search(text.lower()) is not None


# Speaking as a participle: "a neighbor banging on doors and shouting “Out, now!”".
_SHOUTING = re.compile(r"\b(?:shouting|yelling|screaming|crying\s+out|calling\s+out)\b")
# An unnamed person named after all: "That neighbor, Caspar Wendt, 44, …".
_NAMED_AFTER_ALL = re.compile(
    r"\b(?:[Tt]hat|[Tt]he|[Tt]his)\s+(?:[a-z][\w-]*\s+)?(?P<noun>[a-z]+),\s*$"
)


def _read_mention(
    text: str, offset: int, words: str, name: str, belongs_to: str
) -> _Mention | str | None:
    """A multi-word name at ``offset``, with what the words around it say of the person."""
    parts = parse_person_phrase(name)
    if parts is None and ("'" in name or "’" in name) and _POSSESSIVE_END.search(name):
        # "Mayor Elliot Brandt’s office": a person with a title, owning something
        parts = parse_person_phrase(_POSSESSIVE_END.sub("", name))
        if parts is None or not (parts.title or parts.honorific):
            return None
    if parts is None:
        return None
    if not (parts.title or parts.honorific) and looks_like_organization(name):
        return None
    end = offset + len(words)
    if belongs_to:
        end += 4 + len(belongs_to)
    if _NUMBER_AFTER.match(text, end):
        return None  # "House Bill 1142", "Route 9": a numbered thing, not a person
    before = text[max(0, offset - 120) : offset]
    if before.endswith(("the ", "The ")) and not (parts.title or parts.honorific):
        return None  # "the North Meadows": people are not written with "the"
    if _THING_BEFORE.search(before, len(before) - 24):
        return None  # "the trawler Ellen Marie": a vessel's or a storm's name
    descriptor = read_descriptor(text, end)
    if belongs_to and not descriptor.organization:
        body = read_organization(belongs_to)
        if body:
            descriptor = descriptor._replace(organization=body)
    if not parts.title and " " in parts.name:
        role = _title_before(before)
        if role is not None:
            parts = parts._replace(title=role[0], organization=parts.organization or role[1])
        elif listed := _listed_title(before):
            parts = parts._replace(title=listed)
    elif parts.title and not parts.organization and not descriptor.owner:
        # "university President Alicia Moreau-Banerjee": the university named before.
        word = before.rstrip().rsplit(" ", 1)[-1]
        if word.islower() and word in _OWNER_NOUNS:
            descriptor = descriptor._replace(owner=word)
    appositive = _appositive_before(before)
    if appositive is not None and not (descriptor.title or descriptor.organization):
        descriptor = appositive._replace(
            length=max(descriptor.length, appositive.length),
            gender=descriptor.gender or appositive.gender,
            personal=descriptor.personal,
        )
    if " " not in parts.name and not (parts.title or parts.honorific):
        return parts.name
    strong = bool(
        parts.title
        or parts.honorific
        or descriptor.title
        or descriptor.organization
        or descriptor.personal
        or appositive is not None
        or opens_with_speech_verb(text, _skip_comma(text, end + descriptor.length))
        or ends_with_speech_verb(before[-30:])
        or parts.gender
    )
    named = None
    kin = ""
    if before[-2:] == ", ":
        named = _NAMED_AFTER_ALL.search(before, len(before) - 40)
        word = before[-24:-2].rsplit(" ", 1)[-1]
        if word in _FAMILY and _RELATION_BEFORE.search(before, len(before) - 50):
            kin = word
    return new_tuple(
        _Mention, (parts, descriptor, strong, named.group("noun") if named else "", kin)
    )


_NUMBER_AFTER = re.compile(r" \d")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_THING_BEFORE = re.compile(
    r"\b(?:the|a)\s+(?:trawler|boat|ship|vessel|schooner|ferry|tugboat|tug|barge|yacht|"
    r"steamer|freighter|tanker|sloop|hurricane|storm|typhoon|cyclone|racehorse|horse|dog)\s+$"
)


def _skip_comma(text: str, position: int) -> int:
    return position + 1 if text[position : position + 1] == "," else position


def _speaks(rest: str) -> bool:
    return any(opens_with_speech_verb(rest[m.start() :]) for m in _WORD_START.finditer(rest))


def _pronoun_gender(text: str) -> str:
    match = _GENDERED_PRONOUN.search(text)
    if not match:
        return ""
    return "f" if match.group().startswith(("s", "her")) else "m"


def _resolve(
    paragraphs: list[str],
    masked: list[str],
    ends: list[tuple[int, ...]],
    pieces: list[list[Piece]],
    candidates: list[_Candidate],
    reported: list[_ReportedAt],
    registry: PeopleRegistry,
    bodies: list[OrganizationMention],
) -> list[_Resolved]:
    """Read the article in order, resolving each quote's speaker where its cue stands."""
    body_names = {mention.name.casefold() for mention in bodies}
    body_words = {mention.name.split()[0].casefold(): mention.name for mention in bodies}
    # Events: (paragraph, offset, order, sequence, payload). Mentions come before the cue
    # that uses them at the same place; pronouns after.
    events: list[tuple[int, int, int, int, object]] = []
    mentions = [
        _person_mentions(text, pieces[index], body_names) for index, text in enumerate(masked)
    ]
    # A lone capitalised word matters only as the surname or first name of someone the
    # article names in full somewhere; the rest ("Tuesday", "Hartford") are not followed.
    name_words = {
        word
        for found in mentions
        for _, mention in found
        if isinstance(mention, _Mention)
        for word in mention.parts.name.split()
    }
    cues = [cue for c in candidates for cue in (c.after, c.before) if cue is not None]
    for cue in [*cues, *(item.cue for item in reported)]:
        if cue.speaker.parts is not None:
            name_words.update(cue.speaker.parts.name.split())
    for index, text in enumerate(masked):
        for offset, mention in mentions[index]:
            if isinstance(mention, str) and mention not in name_words:
                continue
            events.append((index, offset, 0, len(events), mention))
        for start, end, pronoun in _pronouns(text):
            events.append((index, start, 2, len(events), pronoun))
            if pronoun in {"his", "her"}:
                kin = _KIN_AFTER.match(text, end)
                if kin:  # "Her husband shrugged."
                    relation = kin.group("relation")
                    payload = new_tuple(_Kin, (pronoun, relation, gender_of_words(relation)))
                    events.append((index, start, 0, len(events), payload))
    for candidate in candidates:
        events.append((*_cue_position(candidate), 1, len(events), candidate))
    for item in reported:
        events.append((item.paragraph, item.cue.speaker.offset, 1, len(events), item))
    events.sort()  # the sequence number is unique, so payloads are never compared

    context = _Context(registry, masked, ends, body_words, bodies)
    results: list[tuple[tuple[int, int], _Resolved]] = []
    for paragraph, offset, order, _, payload in events:
        where = (paragraph, offset)
        if order == 2:
            context.pronoun(payload, where)
        elif order == 0:
            kind = type(payload)
            if kind is str:  # a lone name: "Lovejoy"
                record = registry.find(payload)
                if record is not None and payload.casefold() not in body_words:
                    record.confirmed = True
                    registry.touch(record, where)
                    context.reference(record, where)
            elif kind is _Mention:
                context.mention(payload, where)
            elif kind is _Relative:
                context.relative(payload, where)
            elif kind is _Kin:
                context.kin(payload, where)
            else:
                record = registry.observe_anonymous(where, payload.gender, payload.noun)
                context.reference(record, where)
        elif type(payload) is _Candidate:
            item = _resolve_candidate(payload, paragraphs, context, where)
            first, last = payload.spans[0], payload.spans[-1]
            results.append(((first.paragraph, first.start), item))
            context.last_quote_end = (last.end_paragraph, last.mark_end)
        else:  # reported speech
            record, confidence, organization = context.speaker_of(payload.cue, where)
            text = paragraphs[paragraph][payload.start : payload.end]
            resolved = new_tuple(_Resolved, (
                text, record, payload.cue.speaker, INDIRECT, payload.cue.verb,
                payload.cue.channel, paragraph, payload.start, payload.end, paragraph,
                confidence, organization, "",
            ))  # fmt: skip
            results.append(((paragraph, payload.start), resolved))
            if record is not None:
                context.add(record, where)
                context.subject(record, where)
    results.sort(key=itemgetter(0))
    return [item for _, item in results]


def _pronouns(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, pronoun)`` for each "he", "she", "his", "her" or "him" in ``text``, in
    order, the pronoun in lower case."""
    found = []
    for match in _PRONOUN_AT_H.finditer(text):
        start, end = match.span()
        if start and text[start - 1] in "Ss":  # the "h" of "she"
            found.append((start - 1, end, "she"))
        else:
            found.append((start, end, match.group()))
    if "He" in text or "Hi" in text:  # "He", "His", "Her" or "Him" may stand here
        found.extend(
            (match.start(), match.end(), match.group().lower())
            for match in _CAPITAL_PRONOUN.finditer(text)
        )
        found.sort()
    return found


# Nouns by which a descriptor refers to a body named earlier ("the group's founder", "its
# president"), each with the words one of the body's names must hold; an empty set lets
# any body answer. Places ("the city's") are left alone: a city is not named there as a body.
_OWNER_NOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        """its their group organization nonprofit agency company firm business program
        coalition network collective""".split(),
        frozenset(),
    ),
    "union": frozenset({"union", "association", "federation", "local"}),
    "department": frozenset({"department", "police"}),
    "district": frozenset({"district", "schools"}),
    "school": frozenset({"school", "academy", "elementary"}),
    "church": frozenset({"church", "temple", "mosque", "synagogue", "congregation"}),
    "hospital": frozenset({"hospital", "clinic"}),
    "co-op": frozenset({"co-op", "cooperative"}),
    **{
        noun: frozenset({noun})
        for noun in """university college museum club association board council
        commission federation team paper newspaper station utility alliance society center
        foundation institute committee chamber restaurant bakery store shop library
        congregation""".split()
    },
}


class _Context:
    """The registry plus what the walk has seen lately: who was mentioned in which
    sentence, who spoke last, and where the last quote ended."""

    def __init__(
        self,
        registry: PeopleRegistry,
        masked: list[str],
        ends: list[tuple[int, ...]],
        body_words: dict[str, str],
        bodies: list[OrganizationMention],
    ):
        self.registry = registry
        self.masked = masked
        self.ends = ends
        # Who each sentence was about (its subject, or the speaker of its cue), latest last:
        # "Pike said Renner had played hurt. “…,” he said." means Pike.
        self.subjects: list[tuple[tuple[int, int], PersonRecord]] = []
        self.body_words = body_words
        named = [mention for mention in bodies if not mention.alias_of]
        self.body_places = [(mention.paragraph, mention.offset) for mention in named]
        self.body_names = [mention.name for mention in named]
        self.body_by_name = {mention.name.casefold(): mention.name for mention in named}
        for mention in bodies:
            if mention.alias_of:
                self.body_by_name[mention.name.casefold()] = mention.alias_of
        self.sentence_people: dict[tuple[int, int], list[PersonRecord]] = {}
        self.last_quote_end: tuple[int, int] = (-1, -1)
        self.last_quote_sentence: tuple[int, int] = (-1, -1)
        self.last_quote_speaker: PersonRecord | None = None
        self.last_quote_verb = ""

    def sentence(self, where: tuple[int, int]) -> tuple[int, int]:
        """The sentence holding ``where``: its paragraph and where it starts."""
        paragraph, offset = where
        ends = self.ends[paragraph]
        index = bisect_right(ends, offset)
        return paragraph, ends[index - 1] if index else 0

    def add(self, record: PersonRecord, where: tuple[int, int]) -> None:
        people = self.sentence_people.setdefault(self.sentence(where), [])
        if record not in people:
            people.append(record)
        if record.confirmed or record.anonymous:
            self.registry.last_mentioned = record

    def subject(self, record: PersonRecord, where: tuple[int, int]) -> None:
        """Note ``record`` as the subject of the sentence at ``where``."""
        if self.subjects and self.subjects[-1][1] is record:
            self.subjects[-1] = (where, record)
        else:
            self.subjects.append((where, record))

    def opens_sentence(self, where: tuple[int, int]) -> bool:
        """Whether only an introduction ("In a statement, ") stands before ``where`` in
        its sentence, and nobody was named there yet."""
        paragraph, offset = where
        sentence = self.sentence(where)
        if self.sentence_people.get(sentence):
            return False
        start = sentence[1]
        before = self.masked[paragraph][start:offset].rstrip()
        while before:
            cut = before.rfind(" ") + 1
            if before[cut:].lower() not in LOWER_NAME_WORDS:
                return before.endswith(",")
            before = before[:cut].rstrip()  # "The other holdover, senior forward [Name]"
        return True

    def recent_subjects(self, where: tuple[int, int]) -> list[tuple[tuple[int, int], PersonRecord]]:
        """The subjects of the sentences before ``where`` since the previous paragraph
        began, with where each was the subject, latest first."""
        found = []
        seen = set()
        for place, record in reversed(self.subjects):
            if place >= where:
                continue
            if place[0] < where[0] - 1:
                break
            if id(record) not in seen:
                seen.add(id(record))
                found.append((place, record))
        return found

    def owned(self, descriptor: Descriptor, where: tuple[int, int]) -> Descriptor:
        """Fill in the body a descriptor names by reference: "the group's founder" → the
        group last named before ``where``; "MART's general manager" → the body MART
        stands for."""
        if descriptor.organization:
            return descriptor
        owner = descriptor.owner
        first = descriptor.title.split(" ", 1)[0]
        if not owner and " " in descriptor.title and first.lower() in _OWNER_NOUNS:
            owner = first  # "a department spokesperson": the department named before
        if not owner:
            return descriptor
        if owner[:1].isupper():
            key = owner.casefold()
            # "Stonebridge's managing partner": Stonebridge Partners, named before.
            body = self.body_by_name.get(key, "") or self.body_words.get(key, "")
            if not body and looks_like_organization(owner):
                body = canonical_name(owner)
        else:
            noun = owner.lower().rsplit(" ", 1)[-1]  # "the watershed group's" → group
            body = self._latest_body(noun, where) if noun in _OWNER_NOUNS else ""
        return descriptor._replace(organization=body) if body else descriptor

    def _body_starting(self, phrase: str) -> str:
        """The body whose name opens with ``phrase``: "St. Brigid said" after "St. Brigid
        Regional Hospital" is the hospital speaking."""
        prefix = phrase.casefold() + " "
        for name in self.body_names:
            if name.casefold().startswith(prefix):
                return name
        return ""

    def _body_ending(self, reference: SpeakerRef, where: tuple[int, int]) -> str:
        """The body whose name the reference only ends: "Hale" of "for Ostrowski & Hale"."""
        before = self.masked[where[0]][max(0, reference.offset - 60) : reference.offset]
        suffix = " " + reference.phrase.casefold()
        for name in self.body_names:
            if name.casefold().endswith(suffix) and before.endswith(name[: -len(suffix) + 1]):
                return name
        return ""

    def _latest_body(self, noun: str, where: tuple[int, int]) -> str:
        """The body last named before ``where`` that ``noun`` can refer to: "the club"
        is the latest body with "Club" in its name; "the group" or "its" any body."""
        index = bisect_right(self.body_places, where)
        words = _OWNER_NOUNS[noun]
        for name in reversed(self.body_names[:index]):
            if not words or not words.isdisjoint(name.lower().split()):
                return name
        return ""

    def mention(self, mention: _Mention, where: tuple[int, int]) -> None:
        if mention.names_unnamed:
            self.registry.name_unnamed(mention.names_unnamed, mention.parts.name, where)
        known = self.registry.find(mention.parts.name)
        record = self.registry.observe(
            mention.parts,
            where,
            self.owned(mention.descriptor, where),
            confirmed=mention.strong or bool(known),
            by_surname=not mention.kin,
        )
        if mention.kin and not record.relation:
            record.relation = mention.kin
        self.reference(record, where)

    def relative(self, relative: _Relative, where: tuple[int, int]) -> None:
        """ "His wife, Henrietta,": Henrietta with the family name of the man just named;
        "Her neighbor, Frank,": Frank, whom the story names no further."""
        if not relative.owner:
            parts = NameParts(relative.first_name, gender=relative.gender)
            self.reference(self.registry.observe(parts, where, by_surname=False), where)
            return
        if relative.owner in PRONOUN_GENDER or relative.owner == "their":
            people = self.sentence_people.get(self.sentence(where))
            subjects = [] if people else self.recent_subjects(where)
            owner = self.registry.resolve_pronoun(relative.owner, where, subjects)
        else:
            owner = self.registry.find(relative.owner)
        if owner is None or owner.anonymous or " " not in owner.name:
            return
        name = f"{relative.first_name} {owner.surname}"
        parts = NameParts(name, gender=relative.gender)
        record = self.registry.observe(parts, where, described=True, by_surname=False)
        record.relation = record.relation or relative.relation
        self.reference(record, where)

    def kin(self, kin: _Kin, where: tuple[int, int]) -> None:
        """ "Her husband shrugged.": the relative opening a sentence is its subject."""
        if self.opens_sentence(where):
            record = self.relative_of(kin.owner, kin.relation, kin.gender, where)
            if record is not None:
                record.confirmed = True  # a relative of someone named: a person
                record.gender = record.gender or kin.gender  # not that of "her" in "her son"
                self.registry.touch(record, where)
                self.reference(record, where)

    def relative_of(
        self, owner: str, relation: str, gender: str, where: tuple[int, int]
    ) -> PersonRecord | None:
        """The person "his son" or "her husband" stands for at ``where``."""
        people = self.sentence_people.get(self.sentence(where))
        subjects = [] if people else self.recent_subjects(where)
        record = self.registry.resolve_pronoun(owner, where, subjects)
        if record is None or record.anonymous or " " not in record.name:
            return None
        return self.registry.relative_of(record, relation, gender)

    def reference(self, record: PersonRecord, where: tuple[int, int]) -> None:
        """A person named at ``where``: the sentence's subject when it opens with them."""
        if record.confirmed and self.opens_sentence(where):
            self.subject(record, where)
        self.add(record, where)

    def pronoun(self, pronoun: str, where: tuple[int, int]) -> None:
        """ "Monts … said that he appreciates …": with one person in the sentence so far,
        a gendered pronoun tells that person's gender. "He" or "she" opening a sentence
        keeps the person it stands for as the subject."""
        people = self.sentence_people.get(self.sentence(where), [])
        if len(people) == 1:
            self.registry.note_gender(people[0], pronoun)
        elif not people and pronoun in {"he", "she"} and self.opens_sentence(where):
            record = self.registry.resolve_pronoun(pronoun, where, self.recent_subjects(where))
            if record is not None and not record.anonymous:
                self.subject(record, where)

    def speaker_of(
        self, cue: Cue, where: tuple[int, int]
    ) -> tuple[PersonRecord | None, float, str]:
        """Resolve a cue's speaker: the record, a confidence, and a body speaking."""
        registry = self.registry
        reference = cue.speaker
        if reference.kind == "name" and reference.parts is not None:
            parts = reference.parts
            existing = registry.find(parts.name)
            if (
                existing is not None
                and registry.shared_surnames  # most stories: no two people share a surname
                and " " not in parts.name
                and existing.surname in registry.shared_surnames
            ):
                end = reference.offset + len(reference.phrase) - len(parts.name)
                generation = _GENERATION_BEFORE.search(
                    self.masked[where[0]], max(0, reference.offset - 16), end
                )
                if generation:  # "the younger Rev. Ames", "the elder Quade"
                    record = registry.of_generation(existing, generation.group(1).lower())
                    if record is not None:
                        registry.touch(record, where)
                        return record, 0.8, ""
            if existing is None and not (parts.title or parts.honorific):
                body = (
                    self.body_words.get(parts.name.casefold())
                    or self.body_by_name.get(parts.name.casefold(), "")
                    or self._body_starting(reference.phrase)
                )
                body = body or self._body_ending(reference, where)
                if body or parts.name.split()[0].casefold() in self.body_words:
                    # "Hollister said" after "Hollister Manufacturing": a company speaks.
                    return None, 0.0, body or self.body_words[parts.name.split()[0].casefold()]
            if existing is None and _PLURAL_GROUP.fullmatch(parts.name):
                return None, 0.0, ""  # "Marchers chanted": a crowd, not a Mr. Marchers
            if existing is None and reference.weak and " " not in parts.name:
                return None, 0.0, ""  # "Twice, groups of them chanted": no one's name
            record = registry.observe(parts, where, self.owned(reference.descriptor, where))
            confidence = 1.0 if len(parts.name.split()) > 1 or existing is not None else 0.8
            return record, confidence, ""
        if reference.kind == "pronoun":
            # The subjects before count only for a pronoun that nobody named earlier in its
            # sentence stands nearer to ("… sent to a tenant, after she reported …").
            people = self.sentence_people.get(self.sentence(where))
            subjects = [] if people else self.recent_subjects(where)
            record = registry.resolve_pronoun(reference.phrase, where, subjects)
            return record, 0.8 if record is not None else 0.0, ""
        if reference.kind == "nominal":
            if reference.phrase.split()[0].lower() in {"a", "an", "one", "another"}:
                people = self.sentence_people.get(self.sentence(where), [])
                unnamed = [record for record in people if record.anonymous]
                return (unnamed[-1] if unnamed else None), 0.5, ""
            owner, _, relation = reference.phrase.lower().partition(" ")
            if relation in _FAMILY and owner in {"his", "her", "their"}:
                # "his wife said": the relative of the person "his" stands for
                gender = gender_of_words(relation)
                record = self.relative_of(owner, relation, gender, where)
                return record, 0.6 if record is not None else 0.0, ""
            record = registry.resolve_nominal(reference.head)
            return record, 0.7 if record is not None else 0.0, ""
        if reference.kind == "organization":
            return None, 0.0, canonical_name(reference.phrase)
        return None, 0.0, ""


def _cue_position(candidate: _Candidate) -> tuple[int, int]:
    """Where a quote is resolved: at its cue's subject, or at its opening mark."""
    if candidate.after is not None:
        return candidate.spans[-1].end_paragraph, candidate.after.speaker.offset
    if candidate.before is not None:
        if candidate.below:
            return candidate.spans[-1].end_paragraph + 1, candidate.before.speaker.offset
        paragraph = candidate.spans[0].paragraph - (1 if candidate.before_above else 0)
        return paragraph, candidate.before.speaker.offset
    return candidate.spans[0].paragraph, candidate.spans[0].mark_start


def _resolve_candidate(
    candidate: _Candidate,
    paragraphs: list[str],
    context: _Context,
    where: tuple[int, int],
) -> _Resolved:
    registry = context.registry
    first, last = candidate.spans[0], candidate.spans[-1]
    if len(candidate.spans) == 1:
        text = reading = first.text(paragraphs)
    else:
        parts = [span.text(paragraphs) for span in candidate.spans]
        text = " ".join(parts)
        reading = reading_text(parts, _attributions_between(candidate.spans, paragraphs))
    cue = candidate.cue
    organization = ""
    if cue is not None:
        record, confidence, organization = context.speaker_of(cue, where)
        verb, channel = cue.verb, cue.channel
    elif candidate.lead and context.last_quote_sentence == context.sentence(where):
        # A second quote in the sentence of an attributed one: "praised her as “…” who
        # “…”" — the same speaker, through the same verb.
        record, confidence = context.last_quote_speaker, 0.7
        verb, channel = context.last_quote_verb, ""
    elif candidate.lead:
        # Quoted words inside a sentence that names no speaker: a sign, a chant.
        record, confidence, verb, channel = None, 0.0, "", ""
    else:
        record, confidence = _follow_on(candidate, context)
        verb, channel = "", ""
    context.last_quote_sentence = context.sentence((last.end_paragraph, last.mark_end))
    context.last_quote_speaker = record
    context.last_quote_verb = verb
    if record is not None:
        registry.last_speaker = record
        registry.touch(record, where)
        context.add(record, where)
        if cue is not None:
            context.subject(record, where)
        # An unnamed speaker stays on the quote: the story may name them further down.
        record.quoted = True
        record.confirmed = record.confirmed or not record.anonymous
    elif cue is not None:
        registry.last_speaker = None
    return new_tuple(_Resolved, (
        text, record, cue.speaker if cue else None, DIRECT, verb, channel, first.paragraph,
        first.start, last.end, last.end_paragraph, confidence, organization, reading,
    ))  # fmt: skip


def _attributions_between(spans: list[QuotedSpan], paragraphs: list[str]) -> list[str]:
    """The story's words between each piece of a split quote and the next ("she said,")."""
    gaps = []
    for before, after in pairwise(spans):
        if before.end_paragraph == after.paragraph:
            gaps.append(paragraphs[after.paragraph][before.mark_end : after.mark_start])
        else:  # the attribution closes one paragraph, the next piece opens another
            gaps.append(paragraphs[before.end_paragraph][before.mark_end :])
    return gaps


def _follow_on(candidate: _Candidate, context: _Context) -> tuple[PersonRecord | None, float]:
    """An unattributed quote opening a paragraph continues the previous speaker, unless
    someone new was introduced after that quote ended."""
    registry = context.registry
    start = (candidate.spans[0].paragraph, candidate.spans[0].mark_start)
    newcomer = registry.last_mentioned
    if (
        newcomer is not None
        and newcomer is not registry.last_speaker
        and context.last_quote_end < newcomer.first_seen < start
    ):
        return newcomer, 0.5
    if registry.last_speaker is not None:
        return registry.last_speaker, 0.6
    if newcomer is not None:
        return newcomer, 0.4
    return None, 0.0


def _as_quote(item: _Resolved) -> Quote:
    record = item.record if item.record is not None and not item.record.anonymous else None
    # The fields in Quote's order, passed by position: a dozen keywords cost a call twice
    # as much, once for every quote.
    return Quote(
        item.text,
        record.name if record else None,  # speaker
        record.display_title if record else "",  # speaker_title
        (record.organization if record else "") or item.organization,  # speaker_org
        item.kind,
        item.verb,
        item.channel,
        item.paragraph,
        item.start,
        item.end,
        item.end_paragraph,
        item.confidence if record else 0.0,
        item.reading,
    )


# --- organizations --------------------------------------------------------------------


def _organizations(
    bodies: list[OrganizationMention],
    known: KnownOrganizations,
    registry: PeopleRegistry,
    resolved: list[_Resolved],
) -> list[Organization]:
    """Every body named, in order of first appearance, one entry per canonical name."""
    aliases = {mention.name: mention.alias_of for mention in bodies if mention.alias_of}
    found: list[tuple[tuple[int, int], str]] = [
        ((mention.paragraph, mention.offset), mention.name)
        for mention in bodies
        if mention.name not in aliases
    ]
    found.extend(
        (record.first_seen, record.organization)
        for record in registry.records
        if record.organization and record.confirmed
    )
    found.extend(
        ((item.paragraph, item.start), item.organization) for item in resolved if item.organization
    )
    found.sort(key=itemgetter(0))
    seen: dict[str, str] = {}
    lookup = known.lookup if known else None
    for _, name in found:
        canonical = (lookup and lookup(name)) or aliases.get(name, name)
        key = canonical.casefold()
        if key not in seen:
            seen[key] = canonical
    # Each body once, in its fullest form: "Islamic Center" is "Islamic Center of Millbrook".
    # A name is part of a longer one when that one opens or closes with its words. With the
    # names written one a line, words joined by single spaces, that is a line opening with
    # the name and a space, or closing with a space and the name: two substring tests a
    # name, where gathering every name's opening and closing words took a slice and a set
    # entry for each of its words.
    spaced = {key: " ".join(key.split()) for key in seen}
    lines = "\n" + "\n".join(spaced.values()) + "\n"
    spelled_out = {name.casefold() for name in aliases.values()}
    return [
        Organization(name, organization_kind(name))
        for key, name in seen.items()
        if (f"\n{spaced[key]} " not in lines and f" {spaced[key]}\n" not in lines)
        or (lookup and lookup(name))
        # "Dunmore State University", whose initials "DSU" stand on their own
        or key in spelled_out
    ]


def _use_fullest_names(
    registry: PeopleRegistry, resolved: list[_Resolved], names: list[str]
) -> None:
    """Give people and quotes the fullest name of their body: "Islamic Center" is the
    "Islamic Center of Millbrook" the article lists."""
    listed = {name.casefold(): name for name in names}

    def fullest(name: str) -> str:
        if not name or name.casefold() in listed:
            return name
        words = name.casefold().split()
        size = len(words)
        for key, full in listed.items():
            longer = key.split()
            if len(longer) > size and (longer[:size] == words or longer[-size:] == words):
                return full
        return name

    for record in registry.records:
        record.organization = fullest(record.organization)
    for index, item in enumerate(resolved):
        if item.organization:
            resolved[index] = item._replace(organization=fullest(item.organization))
