"""Ingestion: read an article file and extract its quotes, speakers, figures, dates and
actors with rules (no network, no models). Pure Python: no Textual, Rich or TinyDB."""

from .claims import ExtractionTimeout
from .loader import IngestError, Loaded, load_bytes, load_path
from .pipeline import Extraction, article_id, extract

__all__ = [
    "Extraction",
    "ExtractionTimeout",
    "IngestError",
    "Loaded",
    "article_id",
    "extract",
    "load_bytes",
    "load_path",
]
