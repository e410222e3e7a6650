"""Attribution: who said what, in each article, with speakers resolved to actors.

``attribute(article, outlet=...)`` finds the article's direct, indirect and
mixed quotations with their cues and speakers, resolves each speaker to a
canonical actor (people by name, surname, title, role and pronoun;
organisations, states and groups of sources), and lists every actor the
article refers to. See ``article.py`` for the passes and ``resolve.py`` for
the order in which a mention is read.
"""

from sitroom.attribution.article import Attribution, attribute

__all__ = ["Attribution", "attribute"]
