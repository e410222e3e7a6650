"""The attribution lexicons, read from data files once per process and checked.

``reporting_verbs.toml`` (cue verbs and the content each may take),
``speakers.toml`` (which noun phrases can be a speaker, and which report as media),
``cues.toml`` (source phrases such as "according to", audiences, headline
shape), ``hedges.toml``, ``titles.toml`` (honorifics, role words and
abbreviations) and ``first_names.toml`` (given names and their usual
gender). A broken edit fails loudly with the file and key named.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sitroom.lexicons import DataFileError, load_toml, str_list, sub_table, table_list

#: Honorifics that say nothing of a role ("Mr Biden" is resolved by surname, not title).
PLAIN_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mister", "madam"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything attribution reads from data files."""

    speech: frozenset[str]
    thought: frozenset[str]
    infinitive: frozenset[str]
    gerund: frozenset[str]
    """Verbs whose content may be a gerund clause: "denied killing civilians"."""
    result_infinitive: frozenset[str]
    """Verbs that are no cue as an infinitive of result: "returned home to find ..."."""
    result_heads: frozenset[str]
    """Verbs of coming and going that such an infinitive follows ("returned", "woke up")."""
    attempt: frozenset[str]
    """Verbs of trying: "attempting to repeat the Holodomor" is a deed, not a statement."""
    nominal: dict[str, frozenset[str]]
    """Verb lemma -> prepositions whose object is content ("" is the direct object)."""
    nominal_keeps_object: frozenset[str]
    nominal_only: frozenset[str]
    """Verbs whose content is only what [nominal] lists: "saw him as a threat" is a view,
    "see what happens" and "saw the crowd" are not."""
    passive_speech: frozenset[str]
    """Passives whose subject is the source of the verb under them ("was quoted as saying")."""
    clause_not_reported: frozenset[str]
    """Verbs whose "that" clause is no content: "ensure that ..." makes it so."""
    raising: frozenset[str]
    """Verbs whose subject is no source but part of what is presented: "Trump seemed
    unperturbed", "X appears to be moving" (PolNeAR: an attribution with no source)."""
    topic: frozenset[str]
    """Verbs that name what was spoken about ("talked about his work"): views, not quotes."""
    passive_unsourced: frozenset[str]
    """Passives with no agent that present a belief nobody is named for: "X is expected
    to win", "it is believed that ...", "X is widely seen as ..."."""
    predicative: frozenset[str]
    """Verbs whose object and its predicate are content: "called the plan "a disaster"."""
    source_phrases: tuple[tuple[str, ...], ...]
    possessive_view: frozenset[str]
    stance_adjectives: frozenset[str]
    """Adjectives of belief and feeling after "be": "X is confident that ..."."""
    evidence_nouns: frozenset[str]
    """Polls, surveys and reports: "in a new poll, ..." names the poll as the source."""
    clausal_nouns: frozenset[str]
    """Nouns whose possessor is a source and whose clause the content: "X's view that ..."."""
    intention_nouns: frozenset[str]
    """Clausal nouns whose "to" clause is an intention ("plans to visit"): a view."""
    headline_max_tokens: int
    headline_max_speaker_tokens: int
    hedge_words: frozenset[str]
    hedge_phrases: tuple[tuple[str, ...], ...]
    honorifics: dict[str, str]
    """Lower-case honorific -> implied gender ("m", "f", or "")."""
    peerage: frozenset[str]
    roles: frozenset[str]
    abbreviations: dict[str, str]
    gendered_roles: dict[str, str]
    first_names: dict[str, str]
    """Lower-case given name -> "m" or "f" (``first_names.toml``)."""
    cue_verbs: frozenset[str]
    """Every verb lemma that can be a cue."""
    media: frozenset[str]
    visual: frozenset[str]
    """Media that show rather than say ("the video showed"): ownerless, a view."""
    """Documents and media that report ("report", "video", "data"): a source, no actor."""
    non_speakers: frozenset[str]
    """Head nouns of things that say nothing ("dispute", "war")."""
    bare_nouns: frozenset[str]
    """Singular nouns that are a speaker without a determiner ("police", "staff")."""
    fragments: frozenset[str]
    """Words that name no speaker on their own ("those", "what")."""
    people: frozenset[str]
    """Nouns for a person that are no office ("analyst", "witness"): a source described
    so is a person, whom "he" or "she" can take up."""
    groups: frozenset[str]
    """Singular nouns for several people ("family", "crew"): a group "they" takes up."""
    held: frozenset[str]
    """Nouns for what a speaker has ("information", "evidence"), whose relative clause stays
    in the statement that holds it."""
    reader_words: frozenset[str]
    """Words that address the reader ("you", "your")."""
    generic_nouns: frozenset[str]
    """Organisation nouns that, bare and unresolved ("the organisation"), name no actor."""
    anaphors: frozenset[str]
    """Nouns of public standing a definite description points back with ("the Green
    politician")."""
    office_anaphors: frozenset[str]
    """Those of them that the gazetteer's office holders have ("the veteran diplomat"
    after Lavrov; "the journalist" never points back to an office holder)."""
    body_nouns: frozenset[str]
    """Nouns a short definite description points back to an organisation with ("the
    company said")."""



@cache
def lexicon() -> Lexicon:
    """The lexicons of the package data files, loaded once.

    Raises:
        DataFileError: a file is missing or has the wrong shape.
    """
    verbs = load_toml("reporting_verbs")
    cues = load_toml("cues")
    hedges = load_toml("hedges")
    titles = load_toml("titles")
    names = load_toml("first_names")
    speakers = load_toml("speakers")
    where = "reporting_verbs.toml"
    speech, thought = _words(verbs, "speech", where), _words(verbs, "thought", where)
    infinitive = _words(verbs, "infinitive", where)
    gerund = _words(verbs, "gerund", where)
    nominal = {verb: frozenset(_strs(preps, f"{where} [nominal] {verb}"))
               for verb, preps in sub_table(verbs, "nominal", where=where).items()}
    headline = sub_table(cues, "headline", where="cues.toml")
    return Lexicon(
        speech=speech,
        thought=thought,
        infinitive=infinitive,
        gerund=gerund,
        result_infinitive=_words(verbs, "result_infinitive", where),
        result_heads=_words(verbs, "result_infinitive", where, key="after"),
        attempt=_words(verbs, "attempt", where),
        nominal=nominal,
        nominal_keeps_object=_words(verbs, "nominal_keeps_object", where),
        nominal_only=_words(verbs, "nominal_only", where),
        passive_speech=_words(verbs, "passive_speech", where),
        clause_not_reported=_words(verbs, "clause_not_reported", where),
        raising=_words(verbs, "raising", where),
        topic=_words(verbs, "topic", where),
        passive_unsourced=_words(verbs, "passive_unsourced", where),
        predicative=_words(verbs, "predicative", where),
        source_phrases=tuple(
            tuple(w.lower() for w in str_list(t, "words", where=f"cues.toml [[source_phrase]] {i}"))
            for i, t in enumerate(table_list(cues, "source_phrase", where="cues.toml"))),
        possessive_view=_words(cues, "possessive_view", "cues.toml", key="nouns"),
        clausal_nouns=_words(cues, "clausal_noun", "cues.toml", key="nouns"),
        intention_nouns=_words(cues, "clausal_noun", "cues.toml", key="intentions"),
        evidence_nouns=_words(cues, "evidence_noun", "cues.toml", key="nouns"),
        stance_adjectives=_words(cues, "stance_adjective", "cues.toml", key="adjectives"),
        headline_max_tokens=_int(headline, "max_tokens", "cues.toml [headline]"),
        headline_max_speaker_tokens=_int(headline, "max_speaker_tokens", "cues.toml [headline]"),
        hedge_words=_words(hedges, "words", "hedges.toml", key="list"),
        hedge_phrases=tuple(tuple(p.lower().split()) for p in str_list(
            sub_table(hedges, "phrases", where="hedges.toml"), "list", where="hedges.toml")),
        honorifics={k.lower(): _str(v, f"titles.toml [honorifics] {k}")
                    for k, v in sub_table(titles, "honorifics", where="titles.toml").items()},
        peerage=_words(titles, "peerage", "titles.toml", key="list"),
        roles=_words(titles, "roles", "titles.toml", key="list"),
        abbreviations={k.lower(): _str(v, f"titles.toml [abbreviations] {k}").lower() for k, v in
                       sub_table(titles, "abbreviations", where="titles.toml").items()},
        gendered_roles={k.lower(): _str(v, f"titles.toml [gendered_roles] {k}") for k, v in
                        sub_table(titles, "gendered_roles", where="titles.toml").items()},
        first_names=_genders(names),
        cue_verbs=speech | thought | infinitive | gerund | frozenset(nominal)
        | _words(verbs, "raising", where) | _words(verbs, "passive_unsourced", where),
        media=_words(speakers, "medium", "speakers.toml", key="nouns"),
        visual=_words(speakers, "visual", "speakers.toml", key="nouns"),
        non_speakers=_words(speakers, "non_speaker", "speakers.toml", key="nouns"),
        bare_nouns=_words(speakers, "bare_noun", "speakers.toml", key="nouns"),
        fragments=_words(speakers, "fragment", "speakers.toml", key="words"),
        people=_words(speakers, "person", "speakers.toml", key="nouns"),
        groups=_words(speakers, "group", "speakers.toml", key="nouns"),
        held=_words(speakers, "held", "speakers.toml", key="nouns"),
        reader_words=_words(speakers, "reader", "speakers.toml", key="words"),
        generic_nouns=_words(speakers, "generic", "speakers.toml", key="nouns"),
        anaphors=_words(speakers, "anaphor", "speakers.toml", key="nouns"),
        office_anaphors=_words(speakers, "anaphor", "speakers.toml", key="office_nouns"),
        body_nouns=_words(speakers, "body", "speakers.toml", key="nouns"),
    )


def verb_lemma(tok: Any, cue_verbs: frozenset[str]) -> str:
    """A verb's lemma, mended where spaCy's small model cuts a final "e" from a cue verb:
    it lemmatises "hopes", "hoped" and "hoping" as "hop", which is no cue."""
    lemma: str = tok.lemma_.lower()
    if lemma in cue_verbs:
        return lemma
    mended = lemma + "e"
    if mended in cue_verbs and tok.lower_ in (mended + "s", mended + "d", lemma + "ing"):
        return mended
    return lemma


def _words(doc: dict[str, Any], table: str, where: str, *, key: str = "verbs") -> frozenset[str]:
    """A set of lower-case words from ``[table] key = [...]``."""
    return frozenset(w.lower() for w in str_list(sub_table(doc, table, where=where), key,
                                                 where=f"{where} [{table}]"))


def _genders(names: dict[str, Any]) -> dict[str, str]:
    """Given name -> "m" or "f" from ``first_names.toml``."""
    where = "first_names.toml"
    male = dict.fromkeys(_words(names, "male", where, key="names"), "m")
    female = dict.fromkeys(_words(names, "female", where, key="names"), "f")
    return {**male, **female}


def _strs(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(f"{where}: must be a list of strings")
    return [v.lower() for v in value]


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise DataFileError(f"{where}: must be a string")
    return value


def _int(table: dict[str, Any], key: str, where: str) -> int:
    value = table.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise DataFileError(f"{where}: {key!r} must be a positive integer")
    return value
