"""Site search: Article.search_names, and the full-text index of each database.

PostgreSQL gets a trigger-maintained ``search_document`` tsvector column with the GIN index
``articles_article_search``; SQLite gets the FTS5 table ``articles_article_fts`` and its
triggers. Each runs only on its own database; the SQL is in articles/search/schema.py.
"""

from collections import defaultdict

from django.db import migrations, models

from articles.search import schema


def fill_search_names(apps, schema_editor):
    """Tag names and non-rejected quoted people's names for the stories already saved."""
    db = schema_editor.connection.alias
    Article = apps.get_model("articles", "Article")
    Quote = apps.get_model("articles", "Quote")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    ContentType = apps.get_model("contenttypes", "ContentType")
    names = defaultdict(set)
    article_type = ContentType.objects.using(db).filter(app_label="articles", model="article")
    tagged = TaggedItem.objects.using(db).filter(content_type__in=article_type)
    for article_id, name in tagged.values_list("object_id", "tag__name"):
        names[article_id].add(name)
    quotes = Quote.objects.using(db).filter(speaker__isnull=False).exclude(review_state="rejected")
    for article_id, name in quotes.values_list("article_id", "speaker__name"):
        names[article_id].add(name)
    articles = list(Article.objects.using(db).filter(pk__in=names).only("pk"))
    for article in articles:
        article.search_names = "\n".join(sorted(names[article.pk], key=str.casefold))
    Article.objects.using(db).bulk_update(articles, ["search_names"], batch_size=500)


def install_index(apps, schema_editor):
    schema.install(schema_editor)


def uninstall_index(apps, schema_editor):
    schema.uninstall(schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0002_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_names",
            field=models.TextField(blank=True, default="", editable=False),
            preserve_default=False,
        ),
        migrations.RunPython(fill_search_names, migrations.RunPython.noop),
        migrations.RunPython(install_index, uninstall_index),
    ]
