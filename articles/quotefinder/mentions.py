"""Keeping track of the people an article has introduced, to resolve later references.

Copy names a person in full once ("Hartford Police Chief Jason Thody") and afterwards
writes "Thody", "the chief" or "he". :class:`PeopleRegistry` is read in step with the
text: every mention is *observed* at its position, and a later reference is *resolved*
against what has been observed so far —

* a surname or first name → the latest person with that name (a relative named after
  another keeps the surname with the first: "Lazlo Brandvold and his wife, Ingeborg" —
  then "Brandvold said" is Lazlo); a courtesy title picks the bearer of that gender ("Mr.
  Calloway" after Ms. Calloway and her brother), and "the younger" or "the elder" the child or
  the parent;
* "his son", "her husband" → someone else of that person's family name, introduced by that
  relation if anyone was, else of the relation's gender;
* "he" / "she" → the subject the last sentences were about, when the gender allows it;
  failing that, the latest person of that gender, when any gender is known (from an
  honorific, a gendered job word, a first name or an earlier pronoun); otherwise the latest
  person mentioned;
* "the chief", "the pastor" → the latest person whose title or honorific ends that way.

A person first met unnamed ("a neighbor … shouting") is a record too: pronouns can point
to them, and they take a name if the story gives one later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter

from .descriptors import Descriptor
from .names import PRONOUN_GENDER, NameParts, gender_of_first_name, surname_of
from .results import Person
from .titles import TITLE_LIKE_HONORIFICS

_COURTESY = frozenset({"Mr.", "Mrs.", "Ms.", "Miss", "Mx."})

Position = tuple[int, int]  # (paragraph, offset)

# Relations by generation, to tell "the younger Ames" from "the elder".
_CHILDREN = frozenset(
    "son daughter grandson granddaughter nephew niece stepson stepdaughter".split()
)
_PARENTS = frozenset(
    """father mother grandfather grandmother stepfather stepmother uncle aunt""".split()
)


@dataclass(eq=False)
class PersonRecord:
    """What the article has said about one person so far.

    Records compare by identity: two unnamed people introduced alike ("a woman") are two
    people, and finding a record in a list must not compare every field of every other.
    """

    name: str
    honorific: str = ""
    title: str = ""
    organization: str = ""
    gender: str = ""
    first_seen: Position = (0, 0)
    last_seen: Position = (0, 0)
    described: bool = False
    quoted: bool = False
    # A weak mention (a capitalised pair of words with nothing else to go on) waits to be
    # confirmed by a cue, a surname reference or a role before it counts as a person.
    confirmed: bool = True
    # "A woman who asked that her name not be used": someone pronouns may point to, who
    # must never be named as a speaker.
    anonymous: bool = False
    # The noun an unnamed person was introduced by ("neighbor"), to know them when named.
    noun: str = ""
    # How the story introduced them to someone else: "son" for "his son, Felix".
    relation: str = ""
    names: set[str] = field(default_factory=set)

    # The surname and the name it was worked out from: a record is asked for its surname
    # far more often than its name changes. Plain class attributes, not fields, so they
    # stay out of the record's __init__, repr and fields().
    _surname_from = None
    _surname = ""

    @property
    def surname(self) -> str:
        if self.name is not self._surname_from:
            self._surname = surname_of(self.name)
            self._surname_from = self.name
        return self._surname

    @property
    def display_title(self) -> str:
        """The title, or failing one a religious rank used as one ("Archbishop")."""
        if self.title:
            return self.title
        if self.honorific in TITLE_LIKE_HONORIFICS:
            return self.honorific
        return ""

    def as_person(self) -> Person:
        # Person's fields in order, by position: cheaper than keywords, once per person.
        return Person(
            self.name, self.honorific, self.title, self.organization, self.surname, self.gender
        )


class PeopleRegistry:
    """The people of one article, in order of first mention."""

    def __init__(self, known_people: tuple[str, ...] = (), aliases: dict[str, str] | None = None):
        self.records: list[PersonRecord] = []
        self._by_word: dict[str, PersonRecord] = {}
        self._indexed: dict[str, bool] = {}
        self.last_speaker: PersonRecord | None = None
        self.last_mentioned: PersonRecord | None = None
        # Family names more than one person of the story bears ("the elder Quade").
        self.shared_surnames: set[str] = set()
        self._surnames: set[str] = set()
        self._known = {name.casefold(): name for name in known_people}
        # Other names of one person ("Bart Ferrante" → "Bartolomeo Ferrante"), by folded name.
        self._aliases = {alias.casefold(): name for alias, name in (aliases or {}).items()}

    def observe(
        self,
        parts: NameParts,
        where: Position,
        descriptor: Descriptor | None = None,
        *,
        described: bool = False,
        confirmed: bool = True,
        by_surname: bool = True,
    ) -> PersonRecord:
        """Record a mention of a named person; returns the (possibly new) record.

        ``by_surname=False`` keeps the surname for whoever holds it: "His wife, Denise"
        is Ingeborg Brandvold, but "Brandvold said" still means Lazlo Brandvold.
        """
        name, honorific, title, organization, gender = parts
        if self._aliases:
            name = self._aliases.get(name.casefold(), name)
        record = self.find(name)
        if record is not None and honorific in _COURTESY and " " not in name:
            record = self._of_gender(record, gender)
        if record is None:
            canonical = self._known.get(name.casefold(), name) if self._known else name
            record = PersonRecord(canonical, first_seen=where, last_seen=where, confirmed=confirmed)
            self.records.append(record)
            surname = record.surname
            if surname in self._surnames:
                self.shared_surnames.add(surname)
            self._surnames.add(surname)
        elif (
            name != record.name
            and name.endswith(record.name)
            and name.count(" ") > (record.name.count(" "))
        ):
            record.name = name  # "Thody" first, "Jason Thody" later: keep the fuller
        if confirmed:
            record.confirmed = True
        if where > record.last_seen:
            record.last_seen = where
        if honorific and not record.honorific:
            record.honorific = honorific
        if title and not record.title:
            record.title = title
        if organization and not record.organization:
            record.organization = organization
        if not record.gender:
            record.gender = gender or gender_of_first_name(name.split(" ", 1)[0])
        if descriptor is not None:
            record.title = record.title or descriptor.title
            record.organization = record.organization or descriptor.organization
            record.gender = record.gender or descriptor.gender
            if descriptor.title or descriptor.organization or descriptor.length:
                described = True
        if title or organization or (honorific and honorific not in _COURTESY):
            described = True
        if described:
            record.described = True
        if name not in record.names or record.confirmed != self._indexed.get(name):
            self._index(record, name, by_surname)  # not indexed yet under this standing
        return record

    def _index(self, record: PersonRecord, name: str, by_surname: bool = True) -> None:
        """File ``record`` under ``name``, its surname and its given name."""
        self._indexed[name] = record.confirmed
        words = name.split()
        keys = {name.casefold(), record.name.casefold()}
        surname = surname_of(name).casefold()
        if by_surname or surname not in self._by_word:
            keys.add(surname)
        if len(words) > 1:
            keys.add(words[0].casefold())
        for key in keys:
            holder = self._by_word.get(key)
            # A weak mention never takes a name away from a confirmed person: "Trattoria
            # DiStefano" must not capture "DiStefano" from Marco DiStefano.
            if holder is None or holder is record or record.confirmed or not holder.confirmed:
                self._by_word[key] = record
        record.names.add(name)

    def find(self, name: str) -> PersonRecord | None:
        """The person a bare name ("Lovejoy", "Kelvin") refers to, if introduced."""
        key = name.casefold()
        if key in self._aliases:
            name = self._aliases[key]
            key = name.casefold()
        found = self._by_word.get(key)
        if found is not None or " " not in name:
            return found
        surname = self._by_word.get(surname_of(name).casefold())
        # "Jane Doe" after "Doe" alone is the same person; after "John Doe" it is not.
        if surname is not None and " " not in surname.name:
            return surname
        return None

    def _of_gender(self, record: PersonRecord, gender: str) -> PersonRecord:
        """The holder of ``record``'s surname whose gender is ``gender``: "Ms. Calloway"
        after Desmond Calloway and his wife, Theodora Calloway, is Theodora."""
        if not gender or record.gender == gender:
            return record
        surname = record.surname
        family = [
            other
            for other in reversed(self.records)
            if other is not record and other.surname == surname and " " in other.name
        ]
        for other in family:
            if other.gender == gender:
                return other
        if not record.gender:
            return record  # nobody known to match better
        for other in family:  # one not known to differ
            if not other.gender:
                return other
        return record

    def observe_anonymous(self, where: Position, gender: str, noun: str = "") -> PersonRecord:
        """Record an unnamed person ("a woman who asked that her name not be used")."""
        record = PersonRecord(
            "", gender=gender, first_seen=where, last_seen=where, anonymous=True, noun=noun
        )
        self.records.append(record)
        return record

    def name_unnamed(self, noun: str, name: str, where: Position) -> None:
        """Give a name to the latest unnamed person called ``noun`` before ``where``:
        "a neighbor … shouting “Everybody out!”", then "That neighbor, Caspar Wendt"."""
        if self.find(name) is not None:
            return
        for record in reversed(self.records):
            if record.anonymous and record.noun == noun and record.first_seen < where:
                record.name = name
                record.anonymous = False
                record.confirmed = True
                self._index(record, name)
                return

    def touch(self, record: PersonRecord, where: Position) -> None:
        record.last_seen = max(record.last_seen, where)

    def resolve_pronoun(
        self,
        pronoun: str,
        where: Position,
        subjects: list[tuple[Position, PersonRecord]] = (),
    ) -> PersonRecord | None:
        """The person before ``where`` whom ``pronoun`` can stand for.

        ``subjects`` are the people the last sentences were about, with where, latest
        first: a pronoun goes on talking about the subject ("Oyelowo said she had toured
        the site with Brill. “…,” she said" is Oyelowo) when the gender allows it — a
        subject whose gender is unknown only if nobody of the pronoun's gender has been
        named since. Otherwise it is the latest person of that gender, or of unknown gender.
        """
        wanted = PRONOUN_GENDER.get(pronoun, "")
        for place, record in subjects:
            if not wanted or record.gender == wanted:
                return record
            if not record.gender and not any(
                other.gender == wanted and place < other.last_seen < where for other in self.records
            ):
                return record
        # Weak mentions take part only when their gender is known: a place name read as
        # a person ("Maple Grove") must not soak up every "he" and "she".
        earlier = [r for r in self.records if r.last_seen < where and (r.confirmed or r.gender)]
        if not earlier:
            return None
        earlier.sort(key=attrgetter("last_seen"), reverse=True)
        if wanted:
            for record in earlier:
                if record.gender == wanted:
                    return record
            for record in earlier:
                if not record.gender:
                    return record
            return None
        return earlier[0]

    def relative_of(self, owner: PersonRecord, relation: str, gender: str) -> PersonRecord | None:
        """Who "his son" or "her husband" is, ``owner`` being "him" or "her": someone else
        of the owner's family name, introduced by that relation if anyone was, else the
        latest of the relation's gender (or of unknown gender)."""
        surname = owner.surname
        family = [
            record
            for record in sorted(self.records, key=attrgetter("last_seen"), reverse=True)
            if record is not owner
            and not record.anonymous
            and " " in record.name
            and record.surname == surname
        ]
        for record in family:
            if record.relation == relation:
                return record
        for wanted in (gender, ""):
            for record in family:
                if record.gender == wanted:
                    return record
        return None

    def of_generation(self, holder: PersonRecord, generation: str) -> PersonRecord | None:
        """Who "the younger" or "the elder" of ``holder``'s family name is, when the story
        introduced one of them as the other's child or parent; ``None`` if it did not."""
        family = [
            record
            for record in self.records
            if record.surname == holder.surname and " " in record.name and not record.anonymous
        ]
        wanted, other = (_CHILDREN, _PARENTS) if generation == "younger" else (_PARENTS, _CHILDREN)
        for record in family:
            if record.relation in wanted:
                return record
        if any(record.relation in other for record in family):
            for record in family:
                if not record.relation:
                    return record
        return None

    def resolve_nominal(self, head: str) -> PersonRecord | None:
        """The latest person whose title or honorific ends in ``head`` ("the chief")."""
        head = head.lower().rstrip(".")
        best: PersonRecord | None = None
        for record in self.records:
            if not record.confirmed:
                continue
            words = f"{record.title} {record.honorific}".lower().replace(".", "").split()
            if head in words and (best is None or record.last_seen > best.last_seen):
                best = record
        return best

    def note_gender(self, record: PersonRecord, pronoun: str) -> None:
        """A pronoun that can only refer to ``record`` gives its gender away."""
        gender = PRONOUN_GENDER.get(pronoun, "")
        if gender and not record.gender:
            record.gender = gender

    def people(self) -> list[Person]:
        """Everyone quoted or described with a role, in order of first mention; not those
        known by a first name alone ("Her neighbor, Frank")."""
        chosen = [
            r
            for r in self.records
            if r.confirmed
            and not r.anonymous
            and (r.quoted or r.described)
            and (" " in r.name or not gender_of_first_name(r.name))
        ]
        chosen.sort(key=attrgetter("first_seen"))
        return [record.as_person() for record in chosen]
