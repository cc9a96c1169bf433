from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class NewsroomConfig(AppConfig):
    """The project itself: wires page-cache invalidation to every public model."""

    name = "newsroom"

    def ready(self):
        from newsroom.caching import on_public_change

        for name, signal in [("save", post_save), ("delete", post_delete), ("m2m", m2m_changed)]:
            signal.connect(on_public_change, dispatch_uid=f"pages-changed-on-{name}")
