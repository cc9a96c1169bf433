"""Lead images and portraits get smaller renditions, with sizes stored, made with Pillow."""

from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from tests.factories import make_article, make_person

pytestmark = pytest.mark.django_db


def upload(width, height, mode="RGB", fmt="JPEG", name="photo.jpg"):
    buffer = BytesIO()
    Image.new(mode, (width, height), "#336699").save(buffer, fmt)
    return ContentFile(buffer.getvalue(), name=name)


def test_lead_image_gets_renditions_narrower_than_the_original():
    article = make_article()
    article.image.save("rally.jpg", upload(1000, 500), save=False)
    article.image_alt = "Leaders at the rally"
    article.save()

    article.refresh_from_db()
    sizes = article.image_renditions["sizes"]
    assert [(s["width"], s["height"]) for s in sizes] == [(480, 240), (800, 400), (1000, 500)]
    assert (article.image_width, article.image_height) == (1000, 500)
    for size in sizes:
        with default_storage.open(size["name"]) as stored, Image.open(stored) as image:
            assert image.size == (size["width"], size["height"])
    assert article.image_srcset.count("w, ") == 2
    assert article.image_srcset.endswith("1000w")


def test_a_new_upload_replaces_the_renditions_and_transparency_stays_png():
    person = make_person()
    person.image.save("a.jpg", upload(900, 900), save=False)
    person.save()
    person.image.save("b.png", upload(600, 300, "RGBA", "PNG", "b.png"), save=False)
    person.save()

    person.refresh_from_db()
    assert person.image_renditions["source"] == person.image.name
    assert [s["width"] for s in person.image_renditions["sizes"]] == [480, 600]
    assert person.image_renditions["sizes"][0]["name"].endswith(".png")


def test_story_page_serves_srcset_with_width_height_and_alt(client):
    article = make_article()
    article.image.save("rally.jpg", upload(1000, 500), save=False)
    article.image_alt = "Leaders at the rally"
    article.image_credit = "Staff photo"
    article.save()

    html = client.get(article.get_absolute_url()).content.decode()

    assert 'width="1000" height="500" alt="Leaders at the rally"' in html
    assert "480w" in html and "800w" in html
    assert "Staff photo" in html
