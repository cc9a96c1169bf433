"""The finder's results are frozen dataclasses with hand-written, faster constructors."""

import dataclasses
import inspect

import pytest

from articles.quotefinder.results import Organization, Person, Quote


@pytest.mark.parametrize("result", [Quote, Person, Organization])
def test_constructor_takes_the_fields_in_order_with_their_defaults(result):
    parameters = list(inspect.signature(result.__init__).parameters.values())[1:]
    fields = dataclasses.fields(result)
    assert [p.name for p in parameters] == [f.name for f in fields]
    for parameter, field in zip(parameters, fields, strict=True):
        expected = (
            inspect.Parameter.empty if field.default is dataclasses.MISSING else field.default
        )
        assert parameter.default == expected, field.name


def test_results_cannot_be_changed():
    quote = Quote("We need action.", "Ana Ruiz")
    with pytest.raises(dataclasses.FrozenInstanceError):
        quote.speaker = "Someone else"
    assert quote == Quote("We need action.", "Ana Ruiz", reading="We need action!")
    assert quote.reading == "We need action."  # the words themselves, unless told otherwise
