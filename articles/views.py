"""Public story pages. Every queryset here starts from ``Article.objects.published()``."""

from django.contrib.admin.views.decorators import staff_member_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from articles.models import Article, Byline, Correction, Quote, Section
from articles.rendering import QuoteMark, render_story
from articles.search import parse_query, search_organizations, search_people, search_stories

STORIES_PER_PAGE = 20
RELATED_STORIES = 4


class StoryListView(ListView):
    paginate_by = STORIES_PER_PAGE
    template_name = "articles/story_list.html"
    context_object_name = "stories"

    def get_queryset(self):
        return Article.objects.published().for_listing()


class HomeView(StoryListView):
    template_name = "articles/home.html"


class SectionView(StoryListView):
    template_name = "articles/section.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class TagView(StoryListView):
    template_name = "articles/tag.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


def story_queryset(articles):
    """Everything the story page shows, loaded in a fixed number of queries."""
    return articles.select_related("section", "source_outlet").prefetch_related(
        Prefetch("bylines", queryset=Byline.objects.select_related("person")),
        "tags",
        Prefetch(
            "quotes",
            queryset=Quote.objects.exclude(review_state=Quote.ReviewState.REJECTED)
            .select_related("speaker", "organization")
            .order_by("paragraph", "position"),
            to_attr="visible_quotes",
        ),
        Prefetch("corrections", queryset=Correction.objects.order_by("created_at")),
    )


def speaker_names(person):
    """Ways a story may name its speaker: full name, surname, and the aliases editors keep."""
    words = person.name.split()
    return tuple(
        filter(None, (person.name, words[-1] if len(words) > 1 else "", *person.alias_list))
    )


def sources_in(quotes):
    """Each quoted person once, in order of first appearance, with what they spoke as and
    the anchor of their first direct quote (reported speech has none)."""
    sources = {}
    for quote in quotes:
        if quote.speaker is None:
            continue
        source = sources.setdefault(
            quote.speaker_id,
            {
                "person": quote.speaker,
                "title": quote.speaker_title or quote.speaker.title,
                "organization": quote.organization,
                "anchor": "",
            },
        )
        if not source["anchor"] and quote.kind == Quote.Kind.DIRECT:
            source["anchor"] = quote.anchor
    return list(sources.values())


def related_stories(article):
    """Published stories sharing a tag with this one (or, lacking tags, its section)."""
    related = Article.objects.published().for_listing().exclude(pk=article.pk)
    tag_ids = [tag.pk for tag in article.tags.all()]
    if tag_ids:
        related = related.filter(tags__in=tag_ids).distinct()
    else:
        related = related.filter(section_id=article.section_id)
    return related[:RELATED_STORIES]


def story_context(article):
    quotes = article.visible_quotes
    marks = [
        QuoteMark(
            anchor=quote.anchor,
            text=quote.text,
            paragraph=quote.paragraph,
            speaker_name=quote.speaker.name if quote.speaker else "",
            speaker_url=quote.speaker.get_absolute_url() if quote.speaker else "",
            speaker_names=speaker_names(quote.speaker) if quote.speaker else (),
        )
        for quote in quotes
        if quote.kind == Quote.Kind.DIRECT
    ]
    return {
        "article": article,
        "body_html": render_story(article.body, marks, dateline=article.dateline),
        "sources": sources_in(quotes),
        "related": related_stories(article),
    }


class StoryView(DetailView):
    template_name = "articles/story.html"
    context_object_name = "article"

    def get_queryset(self):
        return story_queryset(Article.objects.published())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(story_context(self.object))
        return context


@method_decorator(never_cache, name="dispatch")
@method_decorator(staff_member_required, name="dispatch")
class StoryPreviewView(StoryView):
    """Staff see any story, draft or scheduled, as readers will; never cached."""

    def get_queryset(self):
        return story_queryset(Article.objects.all())

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)


class SearchView(TemplateView):
    """``/search/?q=…&page=…``: matching people and organizations, then ranked stories.

    Not in the page cache: query strings vary without bound, and every one would take a
    cache entry of its own.
    """

    template_name = "articles/search.html"

    def get_context_data(self, **kwargs):
        terms = parse_query(self.request.GET.get("q", ""))
        page_obj = search_stories(terms, self.request.GET.get("page"))
        return super().get_context_data(
            search_query=terms.text,
            page_obj=page_obj,
            stories=page_obj.object_list,
            people=search_people(terms),
            organizations=search_organizations(terms),
            **kwargs,
        )
