"""Descriptors: what the copy says a person is, between commas after the name.

    Kelvin Lovejoy, Lead community organizer at Blue Hill Civic Association, said …
    Mairchal Monts, pastor at the Citadel of Love, said …
    Jane Doe, a Blue Hill Civic Association organizer, said …
    John Roe, 45, who has lived here since 1990, said …

Each reads as a *role* (a job word such as "organizer" or "pastor", with the words that
belong to it) and, optionally, the *organization* the role is held at. Ages, relative
clauses ("who …") and descriptions without a job word ("a longtime resident") give neither.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .names import gender_of_words
from .organizations import (
    CAPITALISED_PHRASE,
    PHRASE_CACHE_SIZE,
    canonical_name,
    looks_like_organization,
    split_phrase,
    with_number,
)
from .titles import TITLE_HEADS, title_end, word_key

_APOSTROPHE_S = re.compile(r"['’]s$")
# Where a role ends and more about the person begins: "director and a former gang member
# who spent nine years in prison" → "director".
_ROLE_END = re.compile(r"\s+(?:and\s+(?:a|an|the)\s+|who\s+|whose\s+|which\s+)")
# How a descriptor opens, read in one match: a relative clause that names the body a
# person owns or runs ("who owns Golden Lantern Bakery"), else words that open no
# descriptor ("who …", "said …", a number), else a determiner before the role ("the",
# "its" …).
_OPENING = re.compile(
    r"who\s+(?:owns|co-owns|runs|founded|co-founded|manages|operates|directs|leads|heads)\s+"
    r"(?P<body>(?:the\s+)?[A-Z].*)$"
    r"|(?P<not_descriptor>(?i:who|which|whose|where|when|that|and|but|or|said|says|told|"
    r"according|adding|noting|saying|\d))"
    r"|(?i:(?P<determiner>the|a|an|its|their|his|her|our))\s+"
)
_OWNER = re.compile(r"^(?:the\s+)?[\w.-]+(?:\s+[\w.-]+){0,3}['’]s\s+", re.IGNORECASE)
_PREPOSITION = re.compile(r"\s+(at|of|for|with|from|in|on|to)\s+(?:the\s+)?")
_CITY_OF = re.compile(
    r"^(?:the\s+)?(city|town|state|county) of ([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?)"
)
# Where a descriptor ends: the next comma, a sentence end, or a speech verb.
# A descriptor: after a comma, up to the next comma, colon, quotation mark or full stop
# that ends a sentence ("U.S." and "St. Paul's" keep theirs inside words).
_DESCRIPTOR = re.compile(r",\s+(?P<body>[^,;:()“”\"·.]+(?:\.(?=\S)[^,;:()“”\"·.]*)*)")


class Descriptor(NamedTuple):
    """A role and the organization it is held at; ``length`` covers the comma and body."""

    title: str = ""
    organization: str = ""
    length: int = 0
    gender: str = ""
    # Only people have an age or a "who" clause: "Name, 45," / "Name, who owns …".
    personal: bool = False
    # Whose role it is, when the descriptor names the body only by reference: "the
    # group's founder" → "group", "its president" → "its", "MART's general manager" →
    # "MART". The finder resolves it to an organization named in the article.
    owner: str = ""


@lru_cache(maxsize=PHRASE_CACHE_SIZE)
def is_role(words: str) -> bool:
    """Whether a phrase names a job: it holds a title head word ("organizer", "pastor")."""
    tokens = words.split()
    if not tokens or len(tokens) > 7:
        return False
    if title_end(tokens, 0) == len(tokens):
        return True
    return any(word_key(token) in TITLE_HEADS for token in tokens)


@lru_cache(maxsize=PHRASE_CACHE_SIZE)
def read_organization(text: str) -> str:
    """The organization a descriptor's tail names ("the Citadel of Love" → its name)."""
    text = text.strip()
    city = " of " in text and _CITY_OF.match(text)
    if city:
        return f"{city.group(1).capitalize()} of {city.group(2)}"
    if text[:4].lower() == "the ":
        text = text[4:]
    match = CAPITALISED_PHRASE.match(text)
    if not match:
        return ""
    pieces = split_phrase(match.group())
    if not pieces or pieces[0][0] != 0:
        return ""
    name = with_number(text, 0, pieces[0][1])
    end = len(name)
    if (
        text[end : end + 1] == " "  # the pattern's first letter: most names end the text
        and _LOWER_NOUN_AFTER.match(text, end)
        and not looks_like_organization(name)
    ):
        return ""  # "a machinist at the Dayton plant": a place naming the plant, no body
    return canonical_name(name)


# A lower-case word right after a capitalised name, which the name only qualifies.
_LOWER_NOUN_AFTER = re.compile(r" (?!(?:of|and|in|on|at|for|to|with|from|since|who|which)\b)[a-z]")


@lru_cache(maxsize=PHRASE_CACHE_SIZE)
def read_descriptor_body(body: str) -> Descriptor:
    """Read a descriptor's words (without the commas) into a role and an organization.

    The gender its head noun gives away ("his mother") comes along.
    """
    found = _read_body(body)
    gender = gender_of_words(_head_words(body))
    return found._replace(gender=gender) if gender else found


_AFTER_HEAD = frozenset("of who whose with at for from in to".split())


def _head_words(body: str) -> str:
    """The words before a descriptor's first "of"/"who"/"at"…: "his mother" of "his mother
    of three"."""
    head = []
    for word in body.split():
        if word.lower() in _AFTER_HEAD:
            break
        head.append(word)
    return " ".join(head)


def _read_body(body: str) -> Descriptor:
    body = body.strip()
    opening = _OPENING.match(body)
    if opening:
        if opening["body"]:  # "who owns Golden Lantern Bakery"
            return Descriptor(organization=read_organization(opening["body"]))
        if opening["not_descriptor"]:
            return Descriptor()
        body = body[opening.end() :]
        if opening["determiner"].lower() in {"its", "their"}:  # "its president"
            return Descriptor(body, owner="its") if is_role(body) else Descriptor()
    elif not body:
        return Descriptor()
    # The owner's name ends in an apostrophe ("the group's founder"): without one, there
    # is no need to try.
    owner = ("'" in body or "’" in body) and _OWNER.match(body)
    if owner:  # "the group's founder", "MART's general manager"
        rest = _ROLE_END.split(body[owner.end() :], 1)[0]
        whose = _APOSTROPHE_S.sub("", owner.group().strip())
        if whose.lower().startswith("the "):
            whose = whose[4:]
        if not is_role(rest):
            return Descriptor()
        return Descriptor(rest, owner=whose)
    first_role = ""
    for match in _PREPOSITION.finditer(body):
        title = body[: match.start()]
        if not is_role(title):
            continue
        first_role = first_role or title
        organization = read_organization(body[match.end() :])
        in_place = match.group(1) in {"in", "from"}
        if organization and (not in_place or looks_like_organization(organization)):
            return Descriptor(title, organization)
    if first_role:  # "director of youth programs": a role whose body is not named
        return Descriptor(first_role)
    # "a Blue Hill Civic Association organizer": the body first, the role after it.
    capitalised = CAPITALISED_PHRASE.match(body)
    if capitalised and capitalised.end() < len(body):
        name = capitalised.group()
        role = body[capitalised.end() :].strip()
        if is_role(role) and role[:1].islower():
            if looks_like_organization(name):
                return Descriptor(role, canonical_name(name))
            return Descriptor(role, _employer_from_place(name, role))
    if is_role(body):
        return Descriptor(body)
    return Descriptor()


def _employer_from_place(place: str, role: str) -> str:
    lowered = role.lower()
    if "police" in lowered:
        return f"{place} Police Department"
    if "fire" in lowered:
        return f"{place} Fire Department"
    return ""


def read_descriptor(text: str, position: int = 0) -> Descriptor:
    """Read the descriptor that opens ``text[position:]`` (the text right after a name).

    An age may come first and the role after it ("Gerald Pruitt, 58, the owner of …"),
    so up to three comma-separated parts are read while they describe the person.
    ``length`` counts from ``position``.
    """
    if text[position : position + 1] != ",":
        return _NO_DESCRIPTOR  # the usual case: no comma after the name
    title = organization = gender = owner = ""
    personal = False
    cursor = position
    for _ in range(3):
        match = _DESCRIPTOR.match(text, cursor)
        if not match:
            break
        body = match.group("body").rstrip()
        found = read_descriptor_body(body)
        is_personal = bool(_PERSONAL.match(body))
        if cursor > position and not (found.title or found.organization or is_personal):
            break
        title = title or found.title
        organization = organization or found.organization
        gender = gender or found.gender
        owner = owner or found.owner
        personal = personal or is_personal or bool(found.title or found.gender)
        cursor = match.end()
        if found.title or found.organization:
            break
    return Descriptor(title, organization, cursor - position, gender, personal, owner)


_NO_DESCRIPTOR = Descriptor()
_PERSONAL = re.compile(r"^(?:who|whose|\d{1,3}$|\d{1,3}\b(?!\s*(?:%|percent)))", re.IGNORECASE)
