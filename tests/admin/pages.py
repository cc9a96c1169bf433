"""Reading and filling in admin pages from tests.

``change_form_data`` builds the POST data of a change form from the page that rendered it;
tests change only what they mean to change and post the rest back as a browser would,
management forms of every inline included, so they don't depend on the fieldsets.
"""

from django import forms
from django.urls import reverse


def changelist_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def add_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def shown(response):
    """The rows a changelist response lists, by their text."""
    assert response.status_code == 200, "an unknown filter redirects with ?e=1"
    return {str(obj) for obj in response.context["cl"].result_list}


def _field_data(bound_field):
    widget = bound_field.field.widget
    # The admin wraps relation widgets to add its "+" and pencil links.
    widget = getattr(widget, "widget", widget)
    value = bound_field.value()
    name = bound_field.html_name
    if isinstance(bound_field.field, forms.FileField):
        return {}  # nothing uploaded: the stored file stays
    if isinstance(widget, forms.CheckboxInput):
        return {name: "on"} if value else {}
    if isinstance(widget, forms.MultiWidget):  # e.g. a date and a time box
        parts = value if isinstance(value, list) else widget.decompress(value)
        return {
            f"{name}{suffix}": subwidget.format_value(part) or ""
            for suffix, subwidget, part in zip(
                widget.widgets_names, widget.widgets, parts, strict=True
            )
        }
    if isinstance(widget, forms.SelectMultiple):
        return {name: [str(item) for item in value or []]}
    return {name: widget.format_value(value) or ""}


def _form_data(form):
    data = {}
    for bound_field in form:
        data.update(_field_data(bound_field))
    return data


def change_form_data(response):
    """Everything the change form at ``response`` would post if saved untouched."""
    data = _form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form_data(formset.management_form))
        for form in formset.forms:
            data.update(_form_data(form))
    return data


def add_inline_row(data, prefix, **fields):
    """Append one new row to the inline ``prefix`` (e.g. "quotes"), as "Add another" would."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    data.update({f"{prefix}-{index}-{name}": value for name, value in fields.items()})
    return data
