"""Checks every image upload passes, whichever form takes it."""

import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

# Enough for any photo or scanned page; a "decompression bomb" claims far more.
MAX_IMAGE_PIXELS = 40_000_000


def validate_image_dimensions(upload):
    """Refuse an image whose pixel dimensions would take too much memory to open."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        width, height = MAX_IMAGE_PIXELS, 2
    except (OSError, ValueError, SyntaxError) as error:
        raise ValidationError(
            _("This image cannot be read. Save it again as PNG or JPEG and retry."),
            code="invalid_image",
        ) from error
    finally:
        upload.seek(0)
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError(
            _("The image is %(width)s × %(height)s pixels; make it smaller than %(limit)s "
              "million pixels."),
            code="image_dimensions",
            params={"width": width, "height": height, "limit": MAX_IMAGE_PIXELS // 1_000_000},
        )  # fmt: skip
