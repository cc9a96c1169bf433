"""Every admin page an editor can reach renders, for every registered model."""

import pytest
from django.apps import apps
from django.contrib import admin

from tests.admin.pages import add_url, change_url, changelist_url

pytestmark = pytest.mark.django_db

ADMIN_APPS = ("articles", "people", "taggit")

REGISTERED_MODELS = [
    model
    for app_label in ADMIN_APPS
    for model in apps.get_app_config(app_label).get_models()
    if admin.site.is_registered(model)
]


def test_the_editors_models_are_all_registered():
    labels = {model._meta.label for model in REGISTERED_MODELS}
    assert {
        "articles.Article",
        "articles.Section",
        "articles.Quote",
        "people.Person",
        "people.Organization",
        "taggit.Tag",
    } <= labels


@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=lambda model: model._meta.label)
def test_changelist_add_and_change_pages_load(admin_client, one_of_everything, model):
    obj = model.objects.first()
    assert obj is not None, f"one_of_everything makes no {model._meta.label}"

    assert admin_client.get(changelist_url(model)).status_code == 200
    assert admin_client.get(add_url(model)).status_code == 200
    assert admin_client.get(change_url(obj)).status_code == 200


@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=lambda model: model._meta.label)
def test_changelist_search_runs(admin_client, one_of_everything, model):
    if not admin.site.get_model_admin(model).search_fields:
        pytest.skip("no search box")
    response = admin_client.get(changelist_url(model), {"q": "Hartford"})
    assert response.status_code == 200
