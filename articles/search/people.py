"""People and organizations whose name or aliases match a query, for the top of the search
page. Only public records: ``Person.objects.public()`` and ``Organization.objects.public()``.

Names are matched word by word from the start of a word, so ``love`` finds Kelvin Lovejoy
and ``hill`` the Blue Hill Civic Association, while ``ove`` finds neither; every word of the
query must match (or one of the words joined by ``or``). The person's or organization's
folded ``match_key`` makes case and accents not count in the name; aliases are compared
case-insensitively as typed.
"""

from functools import reduce
from operator import and_, or_

from django.db.models import Q

from articles.search.terms import parse_query
from people.models import Organization, Person

NAMES_SHOWN = 5


def _starts_a_word(word):
    return (
        Q(match_key__startswith=word)
        | Q(match_key__contains=f" {word}")
        | Q(aliases__istartswith=word)
        | Q(aliases__icontains=f" {word}")
        | Q(aliases__icontains=f"\n{word}")
    )


def _name_matches(query):
    groups = parse_query(query).name_groups()
    if not groups:
        return None
    return reduce(and_, (reduce(or_, map(_starts_a_word, words)) for words in groups))


def search_people(query, limit=NAMES_SHOWN):
    """Up to ``limit`` public people whose name or aliases match ``query``, by name."""
    matches = _name_matches(query)
    if matches is None:
        return []
    return list(Person.objects.public().filter(matches).order_by("name", "pk")[:limit])


def search_organizations(query, limit=NAMES_SHOWN):
    """Up to ``limit`` public organizations whose name or aliases match ``query``, by name."""
    matches = _name_matches(query)
    if matches is None:
        return []
    return list(Organization.objects.public().filter(matches).order_by("name", "pk")[:limit])
