"""The NLP stage: the spaCy model, loaded once per process, and parsed paragraphs.

``parse(text)`` splits an article body into its paragraphs, parses them in one
batch and returns each paragraph's ``Doc`` with the offset where it starts in
the body, so that every token maps back to ``Article.text``.
"""

from sitroom.nlp.model import MODEL_PACKAGES, ModelNotInstalled, load_model, model_name
from sitroom.nlp.paragraphs import Paragraph, doc_text, parse, per_doc, split_paragraphs

__all__ = [
    "MODEL_PACKAGES",
    "ModelNotInstalled",
    "Paragraph",
    "doc_text",
    "load_model",
    "model_name",
    "parse",
    "per_doc",
    "split_paragraphs",
]
