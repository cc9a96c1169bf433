"""``find_quotes``: the steps that turn an article's paragraphs into an :class:`Extraction`.

1. Pair quotation marks into spans (:mod:`.marks`) and set nicknames aside (Robert “Bobby”
   Hill is Robert Hill, and says nothing).
2. Mask the spans, so that everything read afterwards is the reporter's own text, and read
   the attribution cue after and before each span (:mod:`.attribution`).
3. Join the halves of a quote split around its attribution ("…," Lovejoy said. "…"), then
   drop what only looks like a quotation: titles of works and scare quotes.
4. Find the organizations named (:mod:`.organizations`) and the reported speech
   ("Thody wrote that …").
5. Walk the article in reading order, feeding every mention of a person to the registry
   (:mod:`.mentions`) and resolving each cue's speaker as it is reached, so "she" means
   whoever "she" could mean at that point of the story. A quote opening a paragraph with
   no cue continues the previous speaker; quoted words inside a sentence that names
   nobody (a sign, a chant) have no speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from .attribution import (
    APPOSITIVE_OPENER,
    Cue,
    SpeakerRef,
    cue_after,
    cue_before,
    ends_with_speech_verb,
    find_reported_speech,
    opens_with_speech_verb,
    sentence_ends,
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
from .names import NameParts, gender_of_words, is_name_word, parse_person_phrase
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
from .results import DIRECT, INDIRECT, Extraction, Organization, Quote
from .titles import title_end

# Words right before a quoted span that make it a name or a coined term, not somebody's
# words: "a program called “Safe Streets”", "so-called “affordable” units".
_NAMING_WORDS = re.compile(
    r"\b(?:called|calls|call|titled|entitled|named|nicknamed|dubbed|so-called|known\s+as|"
    r"the\s+words?|the\s+term|the\s+phrase|the\s+slogan|the\s+hashtag|the\s+motto)"
    r"\s*[,:]?\s*$",
    re.IGNORECASE,
)
# Nouns right before a title-cased span that make it the title of a work: "the play “Our
# Town”", "a resolution titled …".
_WORK_NOUNS = re.compile(
    r"\b(?:book|novels?|film|movie|play|musical|song|album|show|series|documentary|report|"
    r"exhibit|exhibition|program|programme|campaign|initiative|poem|essay|article|op-ed|"
    r"headline|podcast|episode|opera|painting|sculpture|resolution|ordinance|bill|"
    r"measure|act|festival|event|production|memoir|study)\s*[,:]?\s*$",
    re.IGNORECASE,
)
# A verb of saying right before the mark: whatever follows is somebody's (or a sign's) words.
_SAYING_BEFORE = re.compile(
    r"\b(?:said|says|say|read|reads|reading|chanted|chanting|shouted|shouting|yelled|"
    r"screamed|cried|sang|singing|wrote|asked|replied|answered|declared|told\s+\w+)"
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
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")


@dataclass
class _Candidate:
    """A quoted span on its way to becoming a quote."""

    spans: list[QuotedSpan]
    after: Cue | None = None
    before: Cue | None = None
    after_end: int = 0  # where the cue after the quote stops, in its paragraph
    before_above: bool = False  # the cue closes the paragraph above ("… said:")
    lead: str = ""  # the sentence's words before the opening mark

    @property
    def first(self) -> QuotedSpan:
        return self.spans[0]

    @property
    def last(self) -> QuotedSpan:
        return self.spans[-1]

    @property
    def cue(self) -> Cue | None:
        return self.after or self.before


@dataclass
class _Resolved:
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


def clear_caches() -> None:
    """Forget the phrase readers' remembered answers (for benchmarks and tests)."""
    for reader in (
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
    registry = PeopleRegistry(tuple(known_people))
    spans = find_quoted_spans(paragraphs)
    nicknames, spans = _set_aside_nicknames(paragraphs, spans)
    # Names are read with nicknames blanked out: Robert “Bobby” Hill is Robert Hill.
    plain = list(paragraphs)
    for paragraph, start, end in nicknames:
        text = plain[paragraph]
        plain[paragraph] = text[:start] + " " * (end - start) + text[end:]
    masked = mask_quotes(plain, spans)
    ends = [sentence_ends(text) for text in masked]
    candidates = _read_cues(masked, ends, spans)
    candidates = _join_split_quotes(candidates, masked)
    candidates = [c for c in candidates if _is_quotation(c, paragraphs, masked)]
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
        text = paragraphs[span.paragraph]
        inner = span.text(paragraphs)
        before = text[: span.mark_start].rstrip()
        after = text[span.mark_end :].lstrip()
        if (
            len(span.segments) == 1
            and 1 <= len(inner.split()) <= 2
            and inner[:1].isupper()
            and before[-1:].isalpha()
            and before.split()[-1][:1].isupper()
            and after[:1].isupper()
            and not inner.endswith((",", ".", "!", "?"))
        ):
            nicknames.append((span.paragraph, span.mark_start, span.mark_end))
        else:
            kept.append(span)
    return nicknames, kept


def _is_title_case(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() for w in words)


def _modifies_noun(inner: str, after: str) -> bool:
    """A short unpunctuated span followed by a noun is a coinage: a “housing first” pilot."""
    if inner.rstrip().endswith((",", ".", "!", "?", ";", ":")):
        return False
    following = _NEXT_LOWER_WORD.match(after)
    return bool(following) and following.group(1) not in _FUNCTION_WORDS


def _is_quotation(candidate: _Candidate, paragraphs: list[str], masked: list[str]) -> bool:
    """Keep real quotations; drop titles of works and scare quotes.

    A span attributed right after its closing mark is always a quotation. Otherwise a
    span right after a naming word ("called", "so-called", the title-cased name after
    "the play") is a name, and a short one modifying a noun ("a “housing first” pilot") a
    coinage. A short span (four words or fewer, no sentence inside) is a quotation when a
    verb of saying stands right before it (signs, chants), when it is a whole exclamation
    or sentence ("Say his name!"), or when the sentence attributes it to somebody ("He
    called the plan “a disaster for renters”").
    """
    span = candidate.first
    if candidate.after is not None or len(candidate.spans) > 1:
        return True
    inner = span.text(paragraphs)
    lead = masked[span.paragraph][max(0, span.mark_start - 80) : span.mark_start]
    words = inner.split()
    if _NAMING_WORDS.search(lead) and (len(words) <= 4 or _is_title_case(inner)):
        return False
    if _WORK_NOUNS.search(lead) and _is_title_case(inner):
        return False
    after = masked[span.end_paragraph][span.mark_end : span.mark_end + 40]
    if len(words) <= 3 and _modifies_noun(inner, after):
        return False
    if len(words) > 4 or _SENTENCE_INSIDE.search(inner):
        return True
    if _SAYING_BEFORE.search(lead):
        return True  # signs that said “Save Jefferson”; marchers chanted “Justice”
    if inner.rstrip("’'\"”)").endswith((".", "!", "?")):
        return True  # a whole utterance, however short: "Say his name!"
    if _is_title_case(inner):
        return False
    cue = candidate.before
    return (
        cue is not None and cue.speaker.kind in {"name", "pronoun", "nominal"} and (len(words) >= 2)
    )


# --- step 2: cues ---------------------------------------------------------------------


def _sentence_start(ends: list[int], offset: int) -> int:
    """Where the sentence holding ``offset`` starts, given the sentence ends."""
    index = bisect_right(ends, offset)
    return ends[index - 1] if index else 0


def _read_cues(
    masked: list[str], ends: list[list[int]], spans: list[QuotedSpan]
) -> list[_Candidate]:
    """Read the cue after and before every span."""
    candidates = []
    for index, span in enumerate(spans):
        following = spans[index + 1] if index + 1 < len(spans) else None
        previous = spans[index - 1] if index > 0 else None
        candidate = _Candidate([span])
        # After the closing mark, up to the next quote or the end of the sentence.
        text = masked[span.end_paragraph]
        tail_end = len(text)
        if following is not None and following.paragraph == span.end_paragraph:
            tail_end = following.mark_start
        later = ends[span.end_paragraph]
        index = bisect_right(later, span.mark_end)
        if index < len(later):
            tail_end = min(tail_end, later[index])
        if span.closed and not text[span.mark_end : tail_end].isspace():
            found = cue_after(text[span.mark_end : tail_end], span.mark_end)
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
        if candidate.after is not None:
            pass  # attributed after its closing mark: the words before do not matter
        elif lead.strip():
            candidate.before = cue_before(lead, lead_start)
        elif span.paragraph > 0 and not text[: span.mark_start].strip():
            # "… told the crowd outside headquarters:" closing the paragraph above.
            above = masked[span.paragraph - 1].rstrip()
            if above.endswith(":"):
                start = _sentence_start(ends[span.paragraph - 1], len(above) - 1)
                cue = cue_before(above[start:], start)
                if cue is not None:
                    candidate.before = cue
                    candidate.before_above = True
        candidates.append(candidate)
    return candidates


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
            last = previous.last
            span = candidate.first
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
    if cue is None or len(candidate.first.segments) < 2 or previous.after is None:
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
    covered = previous.after_end - previous.last.mark_end
    return not gap[covered:].strip(" ,;:.—–-")


# --- step 4: reported speech ----------------------------------------------------------


@dataclass
class _ReportedAt:
    paragraph: int
    start: int
    end: int
    cue: Cue


def _find_reported(masked: list[str], ends: list[list[int]]) -> list[_ReportedAt]:
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
                found.append(_ReportedAt(index, reported.start, reported.end, reported.cue))
            start = end
    return found


# --- step 5: reading in order ---------------------------------------------------------


@dataclass
class _Mention:
    """A named person in the reporter's text."""

    parts: NameParts
    descriptor: Descriptor
    strong: bool  # a title, a descriptor, a speech verb or a known first name


@dataclass
class _Anonymous:
    """An unnamed person who speaks: "A woman who asked that her name not be used"."""

    gender: str


_APPOSITIVE_BEFORE = re.compile(
    r"(?:^|[,;:(.!?]\s*|\b(?:and|but|by|from|with|to|for|of|as|said|says)\s+)"
    rf"(?P<body>{APPOSITIVE_OPENER}\s+[^,;:()·“”\"]{{1,60}}?),\s*$",
    re.IGNORECASE,
)
_NAMED_BEFORE = re.compile(r"\b(?P<body>(?:a|an|the)\s+[\w\s-]{1,40}?)\s+named\s+$")
_ANONYMOUS = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?P<noun>woman|man|girl|boy|mother|father|grandmother|grandfather|wife|husband|"
    r"daughter|son|resident|neighbor|neighbour|witness|parent|student|worker|employee|"
    r"nurse|teacher|driver|customer|shopper|passenger|volunteer|protester|marcher|"
    r"spokesperson|spokeswoman|spokesman|official|person|caller|member|owner|"
    r"organizer|tenant|veteran|survivor|victim)\b(?P<rest>[^.!?]*)"
)
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
    members owner owners organizer organizers tenant tenants veteran survivor victim""".split()
)
_AFTER_NAME = re.compile(r"[A-Z][\w'’.-]*,\s*$")


def _name_segments(piece: str) -> list[tuple[int, str, str]]:
    """``(offset, name words, body after "of")`` for each person a capitalised run may hold.

    People are never joined by "and" ("Rabbi Naomi Feldstein of Temple Beth Shalom and Imam
    Yusuf Abdullahi of the Islamic Center" holds two), and "Name of Body" is a person and
    the organization they belong to.
    """
    if " and " not in piece and " & " not in piece and " of " not in piece:
        return ((0, piece, ""),)
    segments = []
    cursor = 0
    for match in [*_NAME_SPLIT.finditer(piece), None]:
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
    return replace(found, length=max(found.length, 1))


_LOWER_TITLE_BEFORE = re.compile(
    r"(?:(?P<body>[A-Z][\w'’&.-]*(?:[ \u00a0]+(?:of|the|and|&|[A-Z][\w'’&.-]*))*)[ \u00a0]+)?"
    r"(?P<words>(?:[a-z][\w-]*[ \u00a0]+){1,4})$"
)


def _title_before(before: str) -> tuple[str, str] | None:
    """A lower-case job written before a name: "Lincoln High School principal Name".

    Returns the title and the body named before it, if that is an organization.
    """
    if len(before) < 2 or not before[-2].islower():
        return None  # the word before the name is not a lower-case job word
    match = _LOWER_TITLE_BEFORE.search(before[-120:])
    if not match:
        return None
    words = match.group("words").split()
    for start in range(len(words)):
        if title_end(words, start) == len(words):
            title = " ".join(words[start:])
            body = match.group("body") or ""
            if start or not looks_like_organization(body):
                body = ""
            return title, canonical_name(body) if body else ""
    return None


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
        for inner, words, belongs_to in _name_segments(piece):
            offset = piece_offset + inner
            name = words.rstrip(".") if not words.endswith(("Jr.", "Sr.")) else words
            if name.casefold() in bodies:
                continue
            if " " not in name:
                if is_name_word(name):
                    found.append((offset, name))  # "Lovejoy": a reference, if anyone's
                continue
            mention = _read_mention(text, offset, words, name, belongs_to)
            if mention is not None:
                found.append((offset, mention))
    lowered = text.lower()
    if (" a " in lowered or " an " in lowered or "one " in lowered) and not (
        _PERSON_NOUNS.isdisjoint(_WORD.findall(lowered))
    ):
        for match in _ANONYMOUS.finditer(text):
            if _AFTER_NAME.search(text, max(0, match.start() - 40), match.start()):
                continue  # "J.R. Castillo, a parent of two, said": a description
            rest = match.group("rest")
            if _ANONYMITY.search(rest) or _speaks(rest):
                gender = gender_of_words(match.group("noun")) or _pronoun_gender(rest)
                found.append((match.start(), _Anonymous(gender)))
    return found


def _read_mention(
    text: str, offset: int, words: str, name: str, belongs_to: str
) -> _Mention | str | None:
    """A multi-word name at ``offset``, with what the words around it say of the person."""
    parts = parse_person_phrase(name)
    if parts is None:
        return None
    if not (parts.title or parts.honorific) and looks_like_organization(name):
        return None
    end = offset + len(words)
    if belongs_to:
        end += 4 + len(belongs_to)
    before = text[max(0, offset - 120) : offset]
    if before.endswith(("the ", "The ")) and not (parts.title or parts.honorific):
        return None  # "the North Meadows": people are not written with "the"
    descriptor = read_descriptor(text, end)
    if belongs_to and not descriptor.organization:
        body = read_organization(belongs_to)
        if body:
            descriptor = replace(descriptor, organization=body)
    if not parts.title and " " in parts.name:
        role = _title_before(before)
        if role is not None:
            parts = replace(parts, title=role[0], organization=parts.organization or role[1])
    elif parts.title and not parts.organization and not descriptor.owner:
        # "university President Alicia Moreau-Banerjee": the university named before.
        word = before.rstrip().rsplit(" ", 1)[-1]
        if word.islower() and word in _OWNER_NOUNS:
            descriptor = replace(descriptor, owner=word)
    appositive = _appositive_before(before)
    if appositive is not None and not (descriptor.title or descriptor.organization):
        descriptor = replace(
            appositive,
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
    return _Mention(parts, descriptor, strong)


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
    ends: list[list[int]],
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
        for match in _PRONOUN.finditer(text):
            events.append((index, match.start(), 2, len(events), match.group().lower()))
    for candidate in candidates:
        events.append((*_cue_position(candidate), 1, len(events), candidate))
    for item in reported:
        events.append((item.paragraph, item.cue.speaker.offset, 1, len(events), item))
    events.sort()  # the sequence number is unique, so payloads are never compared

    context = _Context(registry, ends, body_words, bodies)
    results: list[tuple[tuple[int, int], _Resolved]] = []
    for paragraph, offset, _, _, payload in events:
        where = (paragraph, offset)
        if isinstance(payload, _Mention):
            context.mention(payload, where)
        elif isinstance(payload, _Anonymous):
            context.add(registry.observe_anonymous(where, payload.gender), where)
        elif isinstance(payload, str) and payload[:1].isupper():
            record = registry.find(payload)
            if record is not None and payload.casefold() not in body_words:
                record.confirmed = True
                registry.touch(record, where)
                context.add(record, where)
        elif isinstance(payload, str):
            context.pronoun(payload, where)
        elif isinstance(payload, _Candidate):
            item = _resolve_candidate(payload, paragraphs, context, where)
            results.append(((payload.first.paragraph, payload.first.start), item))
            context.last_quote_end = (payload.last.end_paragraph, payload.last.mark_end)
        elif isinstance(payload, _ReportedAt):
            record, confidence, organization = context.speaker_of(payload.cue, where)
            text = paragraphs[paragraph][payload.start : payload.end]
            resolved = _Resolved(
                text, record, payload.cue.speaker, INDIRECT, payload.cue.verb,
                payload.cue.channel, paragraph, payload.start, payload.end, paragraph,
                confidence, organization,
            )  # fmt: skip
            results.append(((paragraph, payload.start), resolved))
            if record is not None:
                context.add(record, where)
    results.sort(key=lambda pair: pair[0])
    return [item for _, item in results]


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
        ends: list[list[int]],
        body_words: dict[str, str],
        bodies: list[OrganizationMention],
    ):
        self.registry = registry
        self.ends = ends
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
        paragraph, offset = where
        return paragraph, _sentence_start(self.ends[paragraph], offset)

    def add(self, record: PersonRecord, where: tuple[int, int]) -> None:
        people = self.sentence_people.setdefault(self.sentence(where), [])
        if record not in people:
            people.append(record)
        if record.confirmed or record.anonymous:
            self.registry.last_mentioned = record

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
        return replace(descriptor, organization=body) if body else descriptor

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
        known = self.registry.find(mention.parts.name)
        record = self.registry.observe(
            mention.parts,
            where,
            self.owned(mention.descriptor, where),
            confirmed=mention.strong or bool(known),
        )
        self.add(record, where)

    def pronoun(self, pronoun: str, where: tuple[int, int]) -> None:
        """ "Monts … said that he appreciates …": with one person in the sentence so far,
        a gendered pronoun tells that person's gender."""
        people = self.sentence_people.get(self.sentence(where), [])
        if len(people) == 1:
            self.registry.note_gender(people[0], pronoun)

    def speaker_of(
        self, cue: Cue, where: tuple[int, int]
    ) -> tuple[PersonRecord | None, float, str]:
        """Resolve a cue's speaker: the record, a confidence, and a body speaking."""
        registry = self.registry
        reference = cue.speaker
        if reference.kind == "name" and reference.parts is not None:
            parts = reference.parts
            existing = registry.find(parts.name)
            if existing is None and not (parts.title or parts.honorific):
                body = self.body_words.get(parts.name.casefold()) or (
                    parts.name if parts.name.casefold() in self.body_words.values() else ""
                )
                if body or parts.name.split()[0].casefold() in self.body_words:
                    # "Hollister said" after "Hollister Manufacturing": a company speaks.
                    return None, 0.0, body or self.body_words[parts.name.split()[0].casefold()]
            if existing is None and _PLURAL_GROUP.fullmatch(parts.name):
                return None, 0.0, ""  # "Marchers chanted": a crowd, not a Mr. Marchers
            record = registry.observe(parts, where, self.owned(reference.descriptor, where))
            confidence = 1.0 if len(parts.name.split()) > 1 or existing is not None else 0.8
            return record, confidence, ""
        if reference.kind == "pronoun":
            record = registry.resolve_pronoun(reference.phrase, where)
            return record, 0.8 if record is not None else 0.0, ""
        if reference.kind == "nominal":
            if reference.phrase.split()[0].lower() in {"a", "an", "one", "another"}:
                people = self.sentence_people.get(self.sentence(where), [])
                unnamed = [record for record in people if record.anonymous]
                return (unnamed[-1] if unnamed else None), 0.5, ""
            record = registry.resolve_nominal(reference.head)
            return record, 0.7 if record is not None else 0.0, ""
        if reference.kind == "organization":
            return None, 0.0, canonical_name(reference.phrase)
        return None, 0.0, ""


def _cue_position(candidate: _Candidate) -> tuple[int, int]:
    """Where a quote is resolved: at its cue's subject, or at its opening mark."""
    if candidate.after is not None:
        return candidate.last.end_paragraph, candidate.after.speaker.offset
    if candidate.before is not None:
        paragraph = candidate.first.paragraph - (1 if candidate.before_above else 0)
        return paragraph, candidate.before.speaker.offset
    return candidate.first.paragraph, candidate.first.mark_start


def _resolve_candidate(
    candidate: _Candidate,
    paragraphs: list[str],
    context: _Context,
    where: tuple[int, int],
) -> _Resolved:
    registry = context.registry
    first, last = candidate.first, candidate.last
    text = " ".join(span.text(paragraphs) for span in candidate.spans)
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
        if record.anonymous:
            record = None
        else:
            record.quoted = True
            record.confirmed = True
    elif cue is not None:
        registry.last_speaker = None
    return _Resolved(
        text, record, cue.speaker if cue else None, DIRECT, verb, channel, first.paragraph,
        first.start, last.end, last.end_paragraph, confidence, organization,
    )  # fmt: skip


def _follow_on(candidate: _Candidate, context: _Context) -> tuple[PersonRecord | None, float]:
    """An unattributed quote opening a paragraph continues the previous speaker, unless
    someone new was introduced after that quote ended."""
    registry = context.registry
    start = (candidate.first.paragraph, candidate.first.mark_start)
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
    record = item.record
    return Quote(
        text=item.text,
        speaker=record.name if record else None,
        speaker_title=record.display_title if record else "",
        speaker_org=(record.organization if record else "") or item.organization,
        kind=item.kind,
        verb=item.verb,
        channel=item.channel,
        paragraph=item.paragraph,
        start=item.start,
        end=item.end,
        end_paragraph=item.end_paragraph,
        confidence=item.confidence if record else 0.0,
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
    for record in registry.records:
        if record.organization and record.confirmed:
            found.append((record.first_seen, record.organization))
    for item in resolved:
        if item.organization:
            found.append(((item.paragraph, item.start), item.organization))
    found.sort(key=lambda pair: pair[0])
    seen: dict[str, Organization] = {}
    for _, name in found:
        canonical = known.lookup(name) or aliases.get(name, name)
        key = canonical.casefold()
        if key not in seen:
            seen[key] = Organization(canonical, organization_kind(canonical))
    # Each body once, in its fullest form: "Islamic Center" is "Islamic Center of Millbrook".
    words = {key: tuple(key.split()) for key in seen}
    parts_of_longer = set()
    for name in words.values():
        for size in range(1, len(name)):
            parts_of_longer.add(name[:size])
            parts_of_longer.add(name[-size:])
    return [
        organization
        for key, organization in seen.items()
        if words[key] not in parts_of_longer or known.lookup(organization.name)
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
    for item in resolved:
        item.organization = fullest(item.organization)
