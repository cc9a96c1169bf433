"""Honorifics and titles: the words written in front of a name.

An *honorific* is a form of address that travels with a person whatever they do
("Archbishop", "Dr.", "Rev.", "Mrs."); a *title* is a job or role ("Police Chief",
"Mayor", "spokeswoman", "Lead community organizer"). Both are matched case-insensitively
and with or without an abbreviation's full stop, because copy writes "Sen." and "sen"
alike. A title is read as any number of modifiers followed by a head word: "Deputy"
"Police" + "Chief", "Lead" "community" + "organizer".
"""

from __future__ import annotations

# Honorific (lower case, no full stop) → (how to write it, the gender it implies).
HONORIFICS: dict[str, tuple[str, str]] = {
    "mr": ("Mr.", "m"),
    "mrs": ("Mrs.", "f"),
    "ms": ("Ms.", "f"),
    "miss": ("Miss", "f"),
    "mx": ("Mx.", ""),
    "dr": ("Dr.", ""),
    "doctor": ("Dr.", ""),
    "prof": ("Prof.", ""),
    "rev": ("Rev.", ""),
    "reverend": ("Rev.", ""),
    "archbishop": ("Archbishop", "m"),
    "bishop": ("Bishop", ""),
    "cardinal": ("Cardinal", "m"),
    "msgr": ("Msgr.", "m"),
    "monsignor": ("Monsignor", "m"),
    "father": ("Father", "m"),
    "fr": ("Fr.", "m"),
    "brother": ("Brother", "m"),
    "sister": ("Sister", "f"),
    "rabbi": ("Rabbi", ""),
    "imam": ("Imam", "m"),
    "pastor": ("Pastor", ""),
    "elder": ("Elder", ""),
    "deacon": ("Deacon", ""),
    "apostle": ("Apostle", ""),
    "evangelist": ("Evangelist", ""),
    "prophet": ("Prophet", ""),
    "prophetess": ("Prophetess", "f"),
    "minister": ("Minister", ""),
    "sheikh": ("Sheikh", "m"),
    "sir": ("Sir", "m"),
    "dame": ("Dame", "f"),
    "lord": ("Lord", "m"),
    "lady": ("Lady", "f"),
    # Ranks go before a name the same way and, like honorifics, are not job titles.
    "sgt": ("Sgt.", ""),
    "sergeant": ("Sgt.", ""),
    "lt": ("Lt.", ""),
    "lieutenant": ("Lt.", ""),
    "capt": ("Capt.", ""),
    "captain": ("Capt.", ""),
    "cpl": ("Cpl.", ""),
    "corporal": ("Cpl.", ""),
    "det": ("Det.", ""),
    "detective": ("Det.", ""),
    "officer": ("Officer", ""),
    "trooper": ("Trooper", ""),
    "cmdr": ("Cmdr.", ""),
    "col": ("Col.", ""),
    "maj": ("Maj.", ""),
    "gen": ("Gen.", ""),
    "hon": ("Hon.", ""),
}

# Honorifics that may stand in for a missing title in a quote's ``speaker_title``: a
# religious rank says what the person is ("Archbishop"); "Mr.", "Dr." or "Sgt." does not.
TITLE_LIKE_HONORIFICS = frozenset(
    {
        "Archbishop",
        "Bishop",
        "Cardinal",
        "Msgr.",
        "Monsignor",
        "Rabbi",
        "Imam",
        "Pastor",
        "Elder",
        "Deacon",
        "Apostle",
        "Evangelist",
        "Prophet",
        "Prophetess",
        "Minister",
        "Sheikh",
    }
)

# The word a title ends on (lower case, no full stop). Multi-word heads are listed whole.
TITLE_HEADS = frozenset(
    {
        "chief",
        "mayor",
        "governor",
        "gov",
        "lt gov",
        "senator",
        "sen",
        "representative",
        "rep",
        "congressman",
        "congresswoman",
        "councilman",
        "councilwoman",
        "councilor",
        "councillor",
        "councilmember",
        "alderman",
        "alderwoman",
        "alder",
        "selectman",
        "selectwoman",
        "president",
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "ceo",
        "cfo",
        "coo",
        "director",
        "superintendent",
        "principal",
        "commissioner",
        "secretary",
        "judge",
        "justice",
        "sheriff",
        "officer",
        "detective",
        "det",
        "sergeant",
        "sgt",
        "lieutenant",
        "lt",
        "captain",
        "capt",
        "commander",
        "cmdr",
        "trooper",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "coach",
        "professor",
        "organizer",
        "founder",
        "co-founder",
        "cofounder",
        "manager",
        "treasurer",
        "trustee",
        "dean",
        "provost",
        "chancellor",
        "administrator",
        "coordinator",
        "advocate",
        "activist",
        "leader",
        "head",
        "owner",
        "partner",
        "attorney",
        "lawyer",
        "prosecutor",
        "defender",
        "teacher",
        "nurse",
        "physician",
        "economist",
        "analyst",
        "researcher",
        "scientist",
        "historian",
        "editor",
        "reporter",
        "columnist",
        "pastor",
        "minister",
        "bishop",
        "archbishop",
        "rabbi",
        "imam",
        "priest",
        "chaplain",
        "deacon",
        "elder",
        "clerk",
        "registrar",
        "comptroller",
        "controller",
        "auditor",
        "assessor",
        "marshal",
        "warden",
        "inspector",
        "firefighter",
        "paramedic",
        "planner",
        "engineer",
        "member",
        "volunteer",
        "supporter",
        "ambassador",
        "envoy",
        "delegate",
        "legislator",
        "lawmaker",
        "official",
        "executive",
        "vice-president",
        "counsel",
        "strategist",
        "consultant",
        "fellow",
        "curator",
        "lifeguard",
        "carrier",
        "meteorologist",
        "forecaster",
        "librarian",
        "pharmacist",
        "dentist",
        "surgeon",
        "psychologist",
        "therapist",
        "counselor",
        "social worker",
        "mediator",
        "examiner",
        "medical examiner",
        "investigator",
        "architect",
        "designer",
        "artist",
        "photographer",
        "musician",
        "writer",
        "author",
        "poet",
        "chef",
        "baker",
        "farmer",
        "mechanic",
        "machinist",
        "electrician",
        "plumber",
        "contractor",
        "developer",
        "landlord",
        "steward",
        "negotiator",
        "ranger",
        "guard",
        "supervisor",
        "foreman",
        "organiser",
        "cantor",
        "usher",
        "agent",
        # positions on a team, written before a player's name like a job
        "forward",
        "quarterback",
        "linebacker",
        "lineman",
        "receiver",
        "pitcher",
        "catcher",
        "shortstop",
        "striker",
        "midfielder",
        "goalkeeper",
        "goalie",
        "sponsor",
        "narrator",
    }
)
MULTIWORD_TITLE_HEADS = frozenset(
    {
        ("attorney", "general"),
        ("state's", "attorney"),
        ("state’s", "attorney"),
        ("chief", "of", "police"),
        ("chief", "of", "staff"),
        ("secretary", "of", "state"),
        ("council", "member"),
        ("council", "president"),
        ("board", "member"),
        ("city", "manager"),
        ("town", "manager"),
        ("first", "selectman"),
        ("first", "selectwoman"),
        ("executive", "director"),
        ("managing", "director"),
        ("chief", "executive"),
        ("chief", "executive", "officer"),
        ("police", "chief"),
        ("fire", "chief"),
        ("public", "defender"),
        ("majority", "leader"),
        ("minority", "leader"),
        ("house", "speaker"),
        ("speaker", "of", "the", "house"),
    }
)
# Words that may stand before a title head and belong to it ("Deputy Police Chief").
TITLE_MODIFIERS = frozenset(
    {
        "deputy",
        "assistant",
        "associate",
        "acting",
        "interim",
        "former",
        "retired",
        "senior",
        "junior",
        "executive",
        "vice",
        "chief",
        "lead",
        "head",
        "state",
        "city",
        "county",
        "town",
        "police",
        "fire",
        "school",
        "schools",
        "board",
        "community",
        "youth",
        "program",
        "general",
        "managing",
        "founding",
        "co",
        "outreach",
        "district",
        "regional",
        "national",
        "federal",
        "u.s",
        "us",
        "public",
        "press",
        "media",
        "communications",
        "campaign",
        "policy",
        "legal",
        "field",
        "news",
        "staff",
        "city's",
        "department",
        "neighborhood",
        "faith",
        "church",
        "parish",
        "principal",
        "democratic",
        "republican",
        "majority",
        "minority",
        "council",
        "civic",
        "local",
        "longtime",
        "veteran",
        "then",
        "then-",
        "newly",
        "elected",
        "appointed",
        "street",
        "peace",
        "violence",
        "prevention",
        "safety",
        "health",
        "housing",
        "education",
        "development",
        "operations",
        "family",
        "victim",
        "victims",
        "services",
        "social",
        "university",
        "college",
        "hospital",
        "medical",
        "emergency",
        "patrol",
        "homicide",
        "major",
        "crimes",
        "crime",
        "special",
        "chief's",
        "battalion",
        "division",
        "unit",
        # department words of "Public Works Director", "Economic Development Director"
        *"""economic works transportation parks planning finance financial human resources
        information technology nursing science research sales marketing engineering charge
        student government art arts museum library water sewer utilities traffic building
        zoning elections election recreation environmental sanitation""".split(),
    }
)

_MULTIWORD_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _words in sorted(MULTIWORD_TITLE_HEADS, key=len, reverse=True):
    _MULTIWORD_BY_FIRST.setdefault(_words[0], []).append(_words)
# The first words of the multi-word heads ("attorney" of "attorney general").
MULTIWORD_FIRSTS = frozenset(_MULTIWORD_BY_FIRST)
# Every word a title can open with: most words are none of these, and end a title at once.
_TITLE_OPENERS = TITLE_HEADS | TITLE_MODIFIERS | MULTIWORD_FIRSTS


def word_key(token: str) -> str:
    """A word as the lexicons list it: lower case, without a trailing full stop."""
    return token.lower().rstrip(".")


def gender_of_title(title: str) -> str:
    """Gendered job words ("spokeswoman", "Councilman") give a person's gender away."""
    last = title.lower().split()[-1] if title else ""
    if last.endswith("woman") or last in {"chairwoman", "alderwoman", "selectwoman"}:
        return "f"
    if last.endswith("man") and last not in {"human"}:
        return "m"
    return ""


def title_end(tokens: list[str], index: int) -> int:
    """If a title starts at ``tokens[index]``, the index just after it; else ``index``.

    A title is any number of modifiers followed by a head ("Deputy Police Chief",
    "Lead community organizer", "state Sen."), or a listed multi-word head
    ("Attorney General", "Chief of Police").
    """
    return title_end_of_keys([token.lower().rstrip(".") for token in tokens], index)


def title_end_of_keys(keys: list[str], index: int) -> int:
    """:func:`title_end` over words already in :func:`word_key` form."""
    if index >= len(keys) or keys[index] not in _TITLE_OPENERS:
        return index
    end = index
    position = index
    count = len(keys)
    while position < count:
        key = keys[position]
        multiword = _MULTIWORD_BY_FIRST.get(key)
        if multiword is not None:
            for words in multiword:
                size = len(words)
                if position + size <= count and tuple(keys[position : position + size]) == words:
                    end = position + size
                    break
            else:
                multiword = None
        if multiword is None:
            if end > index and key in HONORIFICS:
                break  # "police spokesperson | Lt. Aaron Boisvert": the rank is the name's
            if key in TITLE_HEADS:
                end = position + 1
            elif key not in TITLE_MODIFIERS:
                break
        position = max(position + 1, end)
    return end
