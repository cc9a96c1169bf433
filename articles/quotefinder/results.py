"""The plain data the quote finder hands back.

Everything here is a frozen dataclass: a caller can compare results and hand them around
without worrying that another part of the program changes them behind its back.

:class:`Quote`, :class:`Person` and :class:`Organization` are built many times per article,
so each writes its own ``__init__``: the one a frozen dataclass generates calls
``object.__setattr__`` once per field, which costs several times more than filling the
new instance's ``__dict__`` directly. Assigning an attribute afterwards still raises
``FrozenInstanceError``; repr, equality, hashing and :func:`dataclasses.fields` are the
dataclass's own. The defaults in each ``__init__`` must match the fields'.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DIRECT = "direct"
INDIRECT = "indirect"


@dataclass(frozen=True, init=False)
class Quote:
    """One quotation and who said it.

    ``text`` holds the words without the enclosing quotation marks; when a quote is split
    around its attribution, or runs over several paragraphs, the parts are joined by one
    space. ``start`` is the offset of the first quoted character in paragraph
    ``paragraph``; ``end`` is the offset just after the last one in ``end_paragraph``.
    """

    text: str
    speaker: str | None
    speaker_title: str = ""
    speaker_org: str = ""
    kind: str = DIRECT
    verb: str = ""
    channel: str = ""
    paragraph: int = 0
    start: int = 0
    end: int = 0
    end_paragraph: int = 0
    confidence: float = 1.0
    # How the words read out of the story (see .reading): a split quote's pieces joined as
    # the speaker said them. Not part of the evaluation format, so not compared or shown.
    reading: str = field(default="", repr=False, compare=False)

    def __init__(
        self,
        text: str,
        speaker: str | None,
        speaker_title: str = "",
        speaker_org: str = "",
        kind: str = DIRECT,
        verb: str = "",
        channel: str = "",
        paragraph: int = 0,
        start: int = 0,
        end: int = 0,
        end_paragraph: int = 0,
        confidence: float = 1.0,
        reading: str = "",
    ) -> None:
        values = self.__dict__
        values["text"] = text
        values["speaker"] = speaker
        values["speaker_title"] = speaker_title
        values["speaker_org"] = speaker_org
        values["kind"] = kind
        values["verb"] = verb
        values["channel"] = channel
        values["paragraph"] = paragraph
        values["start"] = start
        values["end"] = end
        values["end_paragraph"] = end_paragraph
        values["confidence"] = confidence
        values["reading"] = reading or text

    def as_dict(self) -> dict:
        """The fields an importer or a JSON report needs, in a stable order."""
        return {
            "text": self.text,
            "speaker": self.speaker,
            "speaker_title": self.speaker_title,
            "speaker_org": self.speaker_org,
            "kind": self.kind,
            "verb": self.verb,
            "channel": self.channel,
            "paragraph": self.paragraph,
        }


@dataclass(frozen=True, init=False)
class Person:
    """A person the article quotes or describes with a role.

    ``honorific`` is a form of address that goes before the name ("Archbishop", "Dr.");
    ``title`` is the job or role the text gives ("Police Chief", "pastor").
    """

    name: str
    honorific: str = ""
    title: str = ""
    organization: str = ""
    surname: str = ""
    gender: str = ""

    def __init__(
        self,
        name: str,
        honorific: str = "",
        title: str = "",
        organization: str = "",
        surname: str = "",
        gender: str = "",
    ) -> None:
        values = self.__dict__
        values["name"] = name
        values["honorific"] = honorific
        values["title"] = title
        values["organization"] = organization
        values["surname"] = surname
        values["gender"] = gender


@dataclass(frozen=True, init=False)
class Organization:
    """An organization named in the article, under its canonical name."""

    name: str
    kind: str = ""

    def __init__(self, name: str, kind: str = "") -> None:
        values = self.__dict__
        values["name"] = name
        values["kind"] = kind


@dataclass(frozen=True)
class Extraction:
    """Everything the finder found in one article."""

    quotes: list[Quote] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)

    def as_dict(self) -> dict:
        """A JSON-ready summary: quotes as dicts, people and organizations as names."""
        return {
            "quotes": [quote.as_dict() for quote in self.quotes],
            "people": [person.name for person in self.people],
            "organizations": [organization.name for organization in self.organizations],
        }
