"""The story file formats the importer reads: wire, Markdown, JSON and JSON Lines.

Everything here is plain Python (``articles.formats`` imports nothing from Django), so no
test touches the database. Most inputs are built inline as bytes, the way they arrive.
"""

import datetime
import io
import json
import pathlib
import subprocess
import sys

import pytest

from articles.formats import (
    STDIN,
    FormatError,
    ParsedArticle,
    detect_format,
    iter_paths,
    parse_file,
    parse_stream,
    parse_text,
    read_text,
)

DATA = pathlib.Path(__file__).resolve().parent.parent / "data" / "formats"


def read_stories(data: bytes, origin: str) -> list[ParsedArticle | FormatError]:
    """Everything the importer would get from a file with these bytes and this name."""
    return list(parse_stream(io.BytesIO(data), origin=origin))


def read_story(data: bytes, origin: str = "story.txt") -> ParsedArticle:
    """The one story in a file that is expected to hold exactly one good story."""
    [story] = read_stories(data, origin)
    assert isinstance(story, ParsedArticle), str(story)
    return story


def read_error(data: bytes, origin: str = "story.txt") -> FormatError:
    """The one error a file that is expected to be refused as a whole comes back as."""
    [error] = read_stories(data, origin)
    assert isinstance(error, FormatError), error
    return error


# --- the example article ---------------------------------------------------------------


def test_example_article_has_thirteen_paragraphs_dated_2023_07_25():
    [story] = parse_file(DATA / "example.txt")

    assert isinstance(story, ParsedArticle)
    assert len(story.paragraphs) == 13
    assert story.paragraphs[0].startswith("Following Hartford’s 21st homicide")
    assert story.date == datetime.date(2023, 7, 25)
    assert story.origin == str(DATA / "example.txt")
    assert story.body_format == "text"
    assert (story.headline, story.bylines, story.dek) == ("", [], "")


def test_example_article_keeps_curly_and_straight_quotes_untouched():
    [story] = parse_file(DATA / "example.txt")

    assert story.paragraphs[3] == (
        '“(Police) will have a better understanding they need some cultural awareness," '
        'Archbishop Dexter Burke said. "They need to understand those they are serving.”'
    )
    assert story.paragraphs[12].endswith("we take that very seriously.”")
    assert story.body == "\n\n".join(story.paragraphs)


# --- wire format ------------------------------------------------------------------------


def test_wire_headers_fill_the_article():
    story = read_story(
        b"Title: Leaders call for action\n"
        b"byline: By Ana Ruiz, Bo Li and Cy Young\n"
        b"section: Local\n"
        b"tags: crime, faith, , crime\n"
        b"source: NBC Connecticut\n"
        b"url: https://example.org/story/1\n"
        b"dateline: HARTFORD, Conn.\n"
        b"id: nbc-1234\n"
        b"\n"
        b"date 2023-07-25 First paragraph.\n"
    )

    assert story.headline == "Leaders call for action"
    assert story.bylines == ["Ana Ruiz", "Bo Li", "Cy Young"]
    assert story.section == "Local"
    assert story.tags == ["crime", "faith"]
    assert story.source == "NBC Connecticut"
    assert story.url == "https://example.org/story/1"
    assert story.dateline == "HARTFORD, Conn."
    assert story.external_id == "nbc-1234"
    assert story.paragraphs == ["First paragraph."]


def test_wire_joins_the_lines_of_a_paragraph_and_ignores_extra_blank_lines():
    story = read_story(
        b"\n\n  date 2023-07-25   First line\n  wrapped here.  \n\n\n \t\nSecond.\nStill second."
    )

    assert story.paragraphs == ["First line wrapped here.", "Second. Still second."]


def test_wire_date_line_may_carry_a_time():
    story = read_story(b"date 2023-07-25T14:30 Body.")

    assert story.date == datetime.datetime(2023, 7, 25, 14, 30)


def test_wire_without_date_line_names_the_line_expected():
    error = read_error(b"\nFollowing Hartford's 21st homicide of the year.\n")

    assert error.line == 2
    assert "expected a first line 'date YYYY-MM-DD …'" in error.message


def test_wire_with_impossible_date_says_so():
    error = read_error(b"title: A\ndate 2023-02-30 Body.")

    assert str(error) == "story.txt, line 2: 2023-02-30 is not a valid date"


def test_wire_with_loose_date_asks_for_iso_form():
    error = read_error(b"date 25/07/2023 Body.")

    assert "'25/07/2023' is not a date; write it as YYYY-MM-DD" in error.message


def test_wire_unknown_header_names_it_and_the_allowed_headers():
    error = read_error(b"titel: A\ndate 2023-07-25 Body.")

    assert error.line == 1
    assert "unknown header 'titel' (did you mean 'title'?)" in error.message
    assert "allowed headers: byline, dateline," in error.message


def test_wire_date_given_as_a_header_is_explained():
    error = read_error(b"date: 2023-07-25\n\nBody.")

    assert "not in a 'date:' header" in error.message


def test_wire_without_body_is_refused():
    error = read_error(b"title: A\ndate 2023-07-25\n\n  \n")

    assert str(error) == "story.txt, line 2: the story has no body: nothing follows the date"


def test_wire_header_value_errors_point_at_the_header_line():
    error = read_error(b"title: A\nurl: example.org/story\ndate 2023-07-25 Body.")

    assert error.line == 2
    assert "url must be an absolute http:// or https:// address" in error.message


# --- encodings and line endings ---------------------------------------------------------

STORY_TEXT = "date 2023-07-25 “Quoted,” she said.\n\nSecond paragraph – with a dash."


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xef\xbb\xbf" + STORY_TEXT.encode("utf-8"), id="utf-8 with BOM"),
        pytest.param(STORY_TEXT.encode("utf-8"), id="utf-8 without BOM"),
        pytest.param(b"\xff\xfe" + STORY_TEXT.encode("utf-16-le"), id="utf-16 LE"),
        pytest.param(b"\xfe\xff" + STORY_TEXT.encode("utf-16-be"), id="utf-16 BE"),
        pytest.param(STORY_TEXT.encode("cp1252"), id="windows-1252"),
    ],
)
def test_encodings_are_recognised(data):
    story = read_story(data)

    assert story.paragraphs == ["“Quoted,” she said.", "Second paragraph – with a dash."]


def test_windows_1252_curly_quotes_come_from_bytes_0x93_and_0x94():
    assert read_text(b"date 2023-07-25 \x93Yes,\x94 he said.", "a.txt") == (
        "date 2023-07-25 “Yes,” he said."
    )


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"], ids=["CRLF", "CR"])
def test_line_endings_are_normalised(newline):
    data = newline.join([b"title: A", b"date 2023-07-25 One", b"still one.", b"", b"Two."])

    assert read_text(data, "a.txt") == "title: A\ndate 2023-07-25 One\nstill one.\n\nTwo."
    assert read_story(data).paragraphs == ["One still one.", "Two."]


def test_byte_order_mark_is_dropped_from_the_text():
    assert read_text(b"\xef\xbb\xbfdate 2023-07-25 A", "a.txt") == "date 2023-07-25 A"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", id="NUL bytes"),
        pytest.param(bytes(range(1, 9)) * 20 + b"date 2023-07-25 A", id="control characters"),
    ],
)
def test_binary_files_are_refused(data):
    error = read_error(data, "photo.txt")

    assert str(error) == "photo.txt: looks like a binary file, not a story"


@pytest.mark.parametrize(
    "data", [b"", b" \n\t\r\n", b"\xef\xbb\xbf"], ids=["empty", "blank", "BOM"]
)
def test_empty_files_are_refused(data):
    assert str(read_error(data)) == "story.txt: file is empty"


def test_utf16_with_odd_length_is_refused_clearly():
    error = read_error(b"\xff\xfe" + "date 2023-07-25 A".encode("utf-16-le") + b"\x00")

    assert "byte-order mark but is not valid UTF-16" in error.message


# --- Markdown with front matter -----------------------------------------------------------

MARKDOWN_STORY = b"""---
headline: Leaders call for action
dek: Some blame the police; others, the community.
date: 2023-07-25T14:30:00-04:00
byline: [Ana Ruiz, Bo Li]
tags: [crime, faith]
id: 42
---

Following Hartford's **21st** homicide.

## What leaders said

- more patrols
- more programs

```python
first = 1

second = 2
```
"""


def test_markdown_front_matter_fills_the_article_and_body_stays_markdown():
    story = read_story(MARKDOWN_STORY, "story.md")

    assert story.headline == "Leaders call for action"
    assert story.dek == "Some blame the police; others, the community."
    assert story.date == datetime.datetime(
        2023, 7, 25, 14, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=-4))
    )
    assert story.bylines == ["Ana Ruiz", "Bo Li"]
    assert story.tags == ["crime", "faith"]
    assert story.external_id == "42"
    assert story.body_format == "markdown"
    assert story.paragraphs == [
        "Following Hartford's **21st** homicide.",
        "## What leaders said",
        "- more patrols\n- more programs",
        "```python\nfirst = 1\n\nsecond = 2\n```",
    ]


def test_markdown_plain_yaml_date_is_a_date():
    story = read_story(b"---\ntitle: A\ndate: 2023-07-25\n---\nBody.", "a.md")

    assert story.date == datetime.date(2023, 7, 25)


def test_markdown_without_closing_delimiter_is_refused():
    error = read_error(b"---\ntitle: A\n\nBody.\n", "a.md")

    assert (
        str(error)
        == "a.md, line 1: the front matter opened on line 1 is never closed by a '---' line"
    )


def test_markdown_yaml_syntax_error_names_its_line():
    error = read_error(b"---\ntitle: A\ndek: one: two\n---\nBody.", "a.md")

    assert str(error) == (
        "a.md, line 3: the front matter is not valid YAML: mapping values are not allowed here"
    )


def test_markdown_front_matter_must_be_a_mapping():
    error = read_error(b"---\n- title\n- dek\n---\nBody.", "a.md")

    assert "the front matter must be a mapping of 'key: value' lines, not a list" in str(error)


def test_markdown_unknown_key_names_its_line():
    error = read_error(b"---\ntitle: A\nauthor: Ana Ruiz\n---\nBody.", "a.md")

    assert error.line == 3
    assert "unknown key 'author'" in error.message


def test_markdown_impossible_date_is_refused_on_its_line():
    error = read_error(b"---\ntitle: A\ndate: 2023-02-30\n---\nBody.", "a.md")

    assert str(error) == "a.md, line 3: 2023-02-30 is not a valid date"


def test_markdown_without_body_is_refused():
    error = read_error(b"---\ntitle: A\n---\n\n\n", "a.md")

    assert "the story has no body" in error.message


def test_markdown_title_and_headline_together_are_refused():
    error = read_error(b"---\ntitle: A\nheadline: B\n---\nBody.", "a.md")

    assert "'title' and 'headline' both give the headline; keep one" in error.message


# --- JSON ------------------------------------------------------------------------------


def test_json_object_becomes_one_story():
    data = {
        "Title": " Leaders call for action ",
        "date": "2023-07-25",
        "byline": "Ana Ruiz and Bo Li",
        "tags": "crime, faith",
        "url": "https://example.org/1",
        "external_id": 1234,
        "body": "First line\nwrapped.\n\nSecond.",
    }

    story = read_story(json.dumps(data).encode(), "story.json")

    assert story.headline == "Leaders call for action"
    assert story.bylines == ["Ana Ruiz", "Bo Li"]
    assert story.tags == ["crime", "faith"]
    assert story.external_id == "1234"
    assert story.paragraphs == ["First line wrapped.", "Second."]
    assert story.origin == "story.json"


def test_json_list_gives_each_story_with_its_line_and_one_bad_story_does_not_stop_the_rest():
    data = b"""[
  {"title": "One", "paragraphs": ["A.", "", "B."]},
  {"title": "Two", "tags": 7, "body": "C."},
  {"title": "Three", "body": "D."}
]"""

    one, two, three = read_stories(data, "feed.json")

    assert (one.headline, one.paragraphs, one.origin) == ("One", ["A.", "B."], "feed.json:2")
    assert str(two) == "feed.json, line 3: tags must be a list or a comma-separated string"
    assert (three.headline, three.origin) == ("Three", "feed.json:4")


def test_invalid_json_gives_line_and_column():
    error = read_error(b'{\n  "title": "A",\n  "body" "B"\n}', "story.json")

    assert error.line == 3
    assert error.message == "invalid JSON: Expecting ':' delimiter (column 10)"


@pytest.mark.parametrize(
    ("story", "message"),
    [
        ({"title": "A"}, "the story has no body: give 'body'"),
        ({"body": "  \n\n "}, "the story has no body: its text is empty"),
        ({"body": "A", "paragraphs": ["B"]}, "give either 'body' or 'paragraphs', not both"),
        ({"body": ["A"]}, "body must be a string with paragraphs separated by blank lines"),
        ({"paragraphs": "A"}, "paragraphs must be a list of strings"),
        ({"body": "A", "byline": 3}, "byline must be a name, 'A and B'"),
        ({"body": "A", "title": ["A"]}, "title must be a string, not a list"),
        ({"body": "A", "date": "July 25, 2023"}, "'July 25, 2023' is not a date"),
        ({"body": "A", "tagz": "x", "headlin": "y"}, "unknown keys 'tagz' (did you mean 'tags'?)"),
    ],
)
def test_json_story_problems_are_named(story, message):
    error = read_error(json.dumps(story).encode(), "story.json")

    assert message in error.message


def test_json_that_is_neither_object_nor_list_is_refused():
    assert "expected an object or a list of objects, not a string" in str(
        read_error(b'"just text"', "story.json")
    )


# --- JSON Lines -------------------------------------------------------------------------


def test_json_lines_bad_line_is_one_error_and_the_others_come_through():
    data = (
        b'{"title": "One", "body": "A."}\n'
        b'{"title": "Two", "body": \n'
        b"\n"
        b'{"title": "Three", "body": "C."}\n'
        b"[1, 2]\n"
    )

    one, two, three, five = read_stories(data, "feed.jsonl")

    assert (one.headline, one.origin) == ("One", "feed.jsonl:1")
    assert isinstance(two, FormatError)
    assert two.line == 2
    assert str(two).startswith("feed.jsonl, line 2: invalid JSON:")
    assert (three.headline, three.origin) == ("Three", "feed.jsonl:4")
    assert str(five) == "feed.jsonl, line 5: expected a story object, not a list"


def test_json_lines_from_text_behave_like_json_lines_from_a_stream():
    text = '{"body": "A."}\r\n{"body": 1}\r\n'

    first, second = parse_text(text, "feed.ndjson")

    assert first.paragraphs == ["A."]
    assert str(second).startswith("feed.ndjson, line 2: body must be a string")


class ChunkOnlyStream(io.BytesIO):
    """A stream that refuses to be read whole, as a JSON Lines reader should never ask."""

    def read(self, size=-1):
        assert size is not None and size > 0, "the whole stream was read at once"
        return super().read(size)


def test_json_lines_are_streamed_in_chunks_not_read_whole():
    lines = [json.dumps({"id": number, "body": "x" * 100}) for number in range(2000)]
    stream = ChunkOnlyStream("\n".join(lines).encode())

    stories = list(parse_stream(stream, origin="big.jsonl"))

    assert len(stories) == 2000
    assert stories[-1].external_id == "1999"
    assert stories[-1].origin == "big.jsonl:2000"


def test_json_lines_stream_handles_utf16_and_windows_1252_lines():
    utf16 = b"\xff\xfe" + '{"body": "“A”"}\r\n{"body": "B"}'.encode("utf-16-le")
    cp1252 = b'{"body": "\x93C\x94"}\n{"body": "D"}'

    assert [s.paragraphs for s in read_stories(utf16, "a.jsonl")] == [["“A”"], ["B"]]
    assert [s.paragraphs for s in read_stories(cp1252, "b.jsonl")] == [["“C”"], ["D"]]


def test_empty_json_lines_file_is_refused():
    assert str(read_error(b"\n\n", "feed.jsonl")) == "feed.jsonl: file is empty"


# --- recognising the format ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("origin", "text", "expected"),
    [
        ("a.TXT", "{}", "wire"),
        ("a.markdown", "", "markdown"),
        ("a.ndjson", "", "jsonl"),
        ("<stdin>", '  {"body": "A"}', "json"),
        ("<stdin>", '{\n  "body": "A"\n}\n', "json"),
        ("<stdin>", '{"body": "A"}\n{"body": "B"}', "jsonl"),
        ("<stdin>", "[]", "json"),
        ("<stdin>", "---\ntitle: A\n---\nBody.", "markdown"),
        ("<stdin>", " date 2023-07-25 Body.", "wire"),
        ("notes", "Title: A\nbyline: B\n\ndate 2023-07-25 Body.", "wire"),
    ],
)
def test_format_comes_from_extension_or_from_the_text(origin, text, expected):
    assert detect_format(origin, text) == expected


def test_unrecognised_format_lists_the_formats():
    with pytest.raises(FormatError) as caught:
        detect_format("notes", "Just some words.")

    message = str(caught.value)
    assert message.startswith("notes: cannot tell which story format this is")
    for name in ("wire (.txt, .wire)", "markdown (.md", "json (.json)", "jsonl (.jsonl"):
        assert name in message


def test_standard_input_is_sniffed_and_named_stdin():
    stories = list(parse_stream(io.BytesIO(b'{"body": "A"}\n{"body": "B"}\n')))

    assert [story.origin for story in stories] == ["<stdin>:1", "<stdin>:2"]


def test_parse_text_refuses_an_unknown_format_name_at_once():
    with pytest.raises(ValueError, match="unknown story format 'xml'"):
        parse_text("<story/>", "a.xml", format="xml")


# --- files and folders ------------------------------------------------------------------


def test_folders_expand_to_story_files_in_name_order(tmp_path):
    stories = tmp_path / "stories"
    for name in [
        "b.md",
        "a.txt",
        "notes.docx",
        ".hidden.txt",
        "c/inner.jsonl",
        "c/deeper/x.JSON",
        ".git/config.txt",
        "d.ndjson",
    ]:
        (stories / name).parent.mkdir(parents=True, exist_ok=True)
        (stories / name).write_text("date 2023-07-25 A")

    found = list(iter_paths([str(stories), STDIN, str(tmp_path / "missing.txt")]))

    assert found == [
        stories / "a.txt",
        stories / "b.md",
        stories / "c" / "deeper" / "x.JSON",
        stories / "c" / "inner.jsonl",
        stories / "d.ndjson",
        STDIN,
        tmp_path / "missing.txt",
    ]


def test_file_named_directly_is_read_whatever_its_extension(tmp_path):
    path = tmp_path / "story"
    path.write_bytes(b"date 2023-07-25 Body.")

    assert list(iter_paths([str(path)])) == [path]
    [story] = parse_file(path)
    assert story.paragraphs == ["Body."]


def test_missing_file_is_one_error_not_an_exception(tmp_path):
    [error] = parse_file(tmp_path / "gone.txt")

    assert isinstance(error, FormatError)
    assert str(error) == f"{tmp_path / 'gone.txt'}: cannot be read: No such file or directory"


# --- the package itself -----------------------------------------------------------------


def test_format_error_reads_as_file_line_and_problem():
    assert str(FormatError("what is wrong", origin="file.txt", line=3)) == (
        "file.txt, line 3: what is wrong"
    )
    assert str(FormatError("what is wrong", origin="file.txt")) == "file.txt: what is wrong"


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Ana Ruiz", ["Ana Ruiz"]),
        ("Ana Ruiz and Bo Li", ["Ana Ruiz", "Bo Li"]),
        ("Ana Ruiz, Bo Li and Cy Young", ["Ana Ruiz", "Bo Li", "Cy Young"]),
        ("By Ana Ruiz, Bo Li, and Cy Young", ["Ana Ruiz", "Bo Li", "Cy Young"]),
        ("Ana Ruiz & Bo Li", ["Ana Ruiz", "Bo Li"]),
        ("Sandy Anderson", ["Sandy Anderson"]),
    ],
)
def test_bylines_are_split_into_names(byline, names):
    story = read_story(json.dumps({"byline": byline, "body": "A"}).encode(), "a.json")

    assert story.bylines == names


def test_formats_package_does_not_import_django():
    code = (
        "import sys, articles.formats; "
        "sys.exit(any(name.split('.')[0] == 'django' for name in sys.modules))"
    )
    root = pathlib.Path(__file__).resolve().parents[2]

    assert subprocess.run([sys.executable, "-c", code], cwd=root).returncode == 0
