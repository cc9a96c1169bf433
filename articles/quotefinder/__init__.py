"""The quote finder: quotations, their speakers, and the organizations in a news story.

Plain Python with no Django import, so the importer, the admin and the tests can all call
it on bare text::

    from articles.quotefinder import find_quotes

    extraction = find_quotes(paragraphs, known_organizations=["Blue Hill Civic Association"])
    for quote in extraction.quotes:
        print(quote.speaker, quote.verb, quote.text)

Rules over the text only: no model, no download, the same answer every time. The modules,
in the order the finder uses them: :mod:`.marks` pairs quotation marks, :mod:`.titles`
and :mod:`.names` read people's names, :mod:`.organizations` recognises bodies,
:mod:`.descriptors` reads "pastor at the Citadel of Love", :mod:`.attribution` reads the
speech cues around a quote, :mod:`.mentions` resolves "Thody" and "she" within the
article, and :mod:`.finder` puts them together.
"""

from .finder import find_quotes
from .results import Extraction, Organization, Person, Quote

__all__ = ["Extraction", "Organization", "Person", "Quote", "find_quotes"]
