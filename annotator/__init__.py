"""annotator: annotate entities and events in news-like documents (core library, no Qt)."""

from annotator.errors import AnnotatorError

__version__ = "0.1.0"
__all__ = ["AnnotatorError", "__version__"]
