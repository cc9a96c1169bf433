"""Pictures with alt text, caption, credit and responsive renditions.

Both a story's lead image and a person's photo are an ``Illustrated`` model: the original
upload plus smaller JPEG/PNG copies made with Pillow at a few widths, whose sizes are
stored so that ``<img width height srcset>`` keeps the page from shifting while it loads.
"""

from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from PIL import Image, ImageOps

RENDITION_WIDTHS = (480, 800, 1200)


def make_renditions(field_file, widths=RENDITION_WIDTHS):
    """Write scaled copies of an uploaded image next to it; return their names and sizes.

    Only widths smaller than the original are made (never upscale); the original itself
    is always part of the set, so a small image still gets a valid ``srcset``.
    """
    field_file.open("rb")
    try:
        with Image.open(field_file) as original:
            original = ImageOps.exif_transpose(original)
            width, height = original.size
            keeps_alpha = original.mode in ("RGBA", "LA", "P")
            fmt, ext = ("PNG", "png") if keeps_alpha else ("JPEG", "jpg")
            stem = PurePosixPath(field_file.name)
            sizes = []
            for target in sorted(w for w in widths if w < width):
                scaled = original.resize(
                    (target, max(1, round(height * target / width))), Image.Resampling.LANCZOS
                )
                if fmt == "JPEG" and scaled.mode != "RGB":
                    scaled = scaled.convert("RGB")
                buffer = BytesIO()
                scaled.save(buffer, fmt, quality=82, optimize=True)
                name = f"{stem.parent}/renditions/{stem.stem}-{target}w.{ext}"
                if default_storage.exists(name):
                    default_storage.delete(name)
                saved = default_storage.save(name, ContentFile(buffer.getvalue()))
                sizes.append({"name": saved, "width": scaled.width, "height": scaled.height})
    finally:
        field_file.close()
    sizes.append({"name": field_file.name, "width": width, "height": height})
    return {"source": field_file.name, "sizes": sizes}


class Illustrated(models.Model):
    """An abstract picture: the upload, what it shows, who made it, and its renditions."""

    image = models.ImageField(
        upload_to="images/%Y/%m/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        "alt text",
        max_length=300,
        blank=True,
        help_text="What the picture shows, for readers who cannot see it.",
    )
    image_caption = models.CharField("caption", max_length=500, blank=True)
    image_credit = models.CharField("credit", max_length=200, blank=True)
    # Derived from the upload in save(); keyed by "source" so a new upload is noticed.
    image_renditions = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.image:
            self.image_renditions = {}
        super().save(*args, **kwargs)
        if self.image and self.image_renditions.get("source") != self.image.name:
            self.image_renditions = make_renditions(self.image)
            type(self).objects.filter(pk=self.pk).update(image_renditions=self.image_renditions)

    @property
    def image_srcset(self):
        sizes = self.image_renditions.get("sizes", [])
        return ", ".join(f"{default_storage.url(s['name'])} {s['width']}w" for s in sizes)
