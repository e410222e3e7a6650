"""The actor gazetteer: people, organisations, states and state media, with
aliases and roles bounded by dates.

The data lives in ``sitroom/data``: ``countries.toml`` (countries, their names,
adjectives, capitals and metonyms, local office titles, institution words, the
office vocabulary and outlets' home countries) and ``actors.toml`` with any
``actors-*.toml`` beside it (the actors and their dated roles). Users add their
own files of the same format through ``SITROOM_ACTORS`` (paths, or folders of
``*.toml``, separated by ``os.pathsep``); an entry with an existing id replaces
it, or extends it with ``extend = true``. Each file's header describes the
format.

Lookups, all case-, accent- and punctuation-insensitive (see ``normalise``):

- ``by_name``: a canonical name or an alias ("Nato", "RIA", "the Kremlin").
- ``by_surname``: people whose surname matches, holders of a role on a date first.
- ``holder``: who held a role on a date ("the Russian president", "Nato
  secretary-general", "the head of the IAEA", "Foreign Secretary").
- ``institution``: a country's institution ("Russia's defence ministry").
- ``country``, ``state``, ``outlet_country``: ISO codes and state actors.

"the Kremlin", "the White House", "Downing Street" and "the Pentagon" are
organisation actors of their own (the Russian presidential administration, the
US presidency, the UK prime minister's office, the US defence department);
``country()`` still reads them as their country, for context.
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from sitroom.lexicons import DataFileError, load_toml

__all__ = [
    "ENV_VAR",
    "KINDS",
    "Actor",
    "Country",
    "DataFileError",
    "Gazetteer",
    "Role",
    "RoleQuery",
    "normalise",
]

#: The environment variable naming users' own gazetteer files (``os.pathsep``-separated).
ENV_VAR = "SITROOM_ACTORS"

#: The kinds of actor.
KINDS = frozenset({"person", "organisation", "state", "state-media", "group"})

_GENDERS = frozenset({"male", "female"})
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_CODE = re.compile(r"[A-Z]{2}")

_TOP_KEYS = frozenset({"offices", "titles", "heads", "institutions", "institution_names",
                       "country", "actor"})
_ACTOR_KEYS = frozenset({"id", "name", "kind", "country", "gender", "aliases", "surname",
                         "roles", "head", "institution", "titles", "places", "extend",
                         "note"})
_ROLE_KEYS = frozenset({"title", "office", "country", "org", "start", "end", "note"})
_COUNTRY_KEYS = frozenset({"name", "state", "aliases", "adjectives", "demonyms", "capitals",
                           "metonyms", "leader", "titles", "outlets", "extend", "note"})
_LIST_KEYS = frozenset({"aliases", "roles", "adjectives", "demonyms", "capitals", "metonyms",
                        "outlets", "places"})

# --- normalisation ---------------------------------------------------------------------

_FOLD = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ß": "ss",
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'",
})
_SPLIT = re.compile(r"[^0-9a-z']+")
_LEADING_THE = re.compile(r"^\W*the\s+", re.IGNORECASE)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

#: Short words that are also acronyms ("US", "WHO", "UN"): matched only when written in capitals.
_COMMON_WORDS = frozenset({
    "us", "who", "it", "no", "in", "is", "am", "an", "as", "at", "be", "by", "do", "go",
    "he", "if", "me", "my", "of", "on", "or", "so", "to", "up", "we", "un",
})

#: Words that make a role phrase name someone other than the current holder.
_NOT_HOLDER = frozenset({"former", "ex", "late", "previous", "past", "future", "next",
                         "would", "designate", "elect"})
#: Words that leave the role as it is ("the then prime minister", "the acting president").
_ROLE_NOISE = frozenset({"then", "current", "incumbent", "acting", "sitting", "serving",
                         "outgoing", "new", "interim", "caretaker"})

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord",
                         "lady", "prof", "professor"})


#: Distinct phrases whose keys are kept: resolution looks the same names up many times.
NORMALISE_CACHE = 65536


@lru_cache(maxsize=NORMALISE_CACHE)
def normalise(text: str) -> str:
    """The lookup key of a name, alias, title or phrase.

    Case and accents are dropped ("Erdoğan" is "erdogan"), dots vanish ("U.S."
    is "us"), a possessive "'s" or "s'" is dropped ("Russia's" is "russia"), other
    punctuation and dashes separate words, every "the" goes, and runs of single
    letters join ("J. D. Vance" is "jd vance", "G-7" is "g7").
    """
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = folded.replace("&", " and ").replace(".", "")
    tokens: list[str] = []
    for raw in _SPLIT.split(folded):
        token = raw[:-2] if raw.endswith("'s") else raw
        token = token.replace("'", "")
        if token and token != "the":
            tokens.append(token)
    joined: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1:
            run.append(token)
            continue
        if run:
            joined.append("".join(run))
            run = []
        if token:
            joined.append(token)
    return " ".join(joined)


def _is_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _guarded(text: str, key: str) -> bool:
    """True when ``text`` is a common word written as one ("us", "Who"), not an acronym."""
    return key in _COMMON_WORDS and not _is_capitals(_LEADING_THE.sub("", text))


def _slug(name: str) -> str:
    return normalise(name).replace(" ", "-")


# --- records ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Role:
    """An office held between two dates (both inclusive; None is open)."""

    title: str
    office: str
    country: str | None
    org: str | None
    start: date | None
    end: date | None

    def held_on(self, when: date | None) -> bool:
        """True when the role was held on ``when``; for None, when it is still held."""
        if when is None:
            return self.end is None
        return (self.start is None or self.start <= when) and (self.end is None
                                                                or when <= self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation, state, state medium or group."""

    id: str
    name: str
    kind: str
    country: str | None
    gender: str | None
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]

    def role_at(self, when: date | None) -> Role | None:
        """The role held on ``when`` (the latest-starting if several).

        For ``when`` None, the most recent role: one still held if any (the
        latest-starting), else the one that ended last.
        """
        if when is None:
            if not self.roles:
                return None
            return max(self.roles, key=lambda r: (r.end or date.max, r.start or date.min))
        held = [r for r in self.roles if r.held_on(when)]
        return max(held, key=lambda r: r.start or date.min) if held else None

    def ref(self) -> dict[str, str]:
        """The actor reference of the output contract: ``{"id": ..., "name": ...}``."""
        return {"id": self.id, "name": self.name}


@dataclass(frozen=True, slots=True)
class RoleQuery:
    """An office, in a country or an organisation, as a role phrase names it."""

    office: str
    country: str | None = None
    org: str | None = None


@dataclass(frozen=True, slots=True)
class Country:
    """A country of ``countries.toml`` (or the EU, as a pseudo-country)."""

    code: str
    name: str
    state: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    metonyms: tuple[str, ...]
    leader: str | None
    titles: tuple[tuple[str, str], ...]
    outlets: tuple[str, ...]


# --- loading ---------------------------------------------------------------------------

_Spec = tuple[str, str | None]   # (office, org)
#: Words after a country that say who holds a place ("Ukraine-controlled Luhansk").
_HELD_BY = frozenset({"controlled", "held", "run"})


def _package_documents() -> list[tuple[dict[str, Any], str]]:
    """The package's data files, in loading order: countries, actors, actors-*."""
    folder = files("sitroom").joinpath("data")
    extra = sorted(entry.name for entry in folder.iterdir()
                   if entry.name.startswith("actors-") and entry.name.endswith(".toml"))
    names = ["countries.toml", "actors.toml", *extra]
    return [(load_toml(name), f"data/{name}") for name in names]


def _user_documents(path: Path) -> list[tuple[dict[str, Any], str]]:
    """One user file, or every ``*.toml`` of a folder in name order."""
    if path.is_dir():
        return [doc for child in sorted(path.glob("*.toml")) for doc in _user_documents(child)]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read gazetteer file: {exc.strerror or exc}"
                            ) from exc
    try:
        return [(tomllib.loads(raw.decode("utf-8")), str(path))]
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: not a valid TOML gazetteer file: {exc}") from exc


def _strings(value: Any, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(f"{where}: {key!r} must be a list of non-empty strings")
    return [v.strip() for v in value]


def _string(value: Any, where: str, key: str, *, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise DataFileError(f"{where}: missing key {key!r}")
        return None
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(f"{where}: {key!r} must be a non-empty string")
    return value.strip()


def _date(value: Any, where: str, key: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise DataFileError(f"{where}: {key!r} must be a date such as 2022-02-15, not {value!r}")


def _check_keys(table: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise DataFileError(f"{where}: unknown key(s) {', '.join(map(repr, unknown))} "
                            f"(allowed: {', '.join(sorted(allowed))})")


def _merge(old: dict[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """``new`` laid over ``old``: lists appended, tables merged, other values replaced."""
    merged = dict(old)
    for key, value in new.items():
        if key == "extend":
            continue
        if key in _LIST_KEYS and isinstance(value, list):
            merged[key] = [*old.get(key, []), *value]
        elif key == "titles" and isinstance(value, dict):
            merged[key] = {**old.get(key, {}), **value}
        else:
            merged[key] = value
    return merged


class _Collector:
    """Gathers the documents' entries, later files overriding or extending earlier ones."""

    def __init__(self) -> None:
        self.offices: dict[str, str] = {}
        self.titles: dict[str, tuple[str, str]] = {}          # title -> (spec, where)
        self.heads: set[str] = set()
        self.institutions: dict[str, list[str]] = {}
        self.institution_names: dict[str, str] = {}
        self.countries: dict[str, tuple[dict[str, Any], str]] = {}
        self.actors: dict[str, tuple[dict[str, Any], str]] = {}

    def add(self, doc: Mapping[str, Any], where: str) -> None:
        _check_keys(doc, _TOP_KEYS, where)
        for key, value in self._table(doc, "offices", where).items():
            self.offices[key] = _string(value, f"{where} [offices] {key}", key) or ""
        for key, value in self._table(doc, "titles", where).items():
            spec = _string(value, f"{where} [titles] {key!r}", key, required=True)
            assert spec is not None
            self.titles[key] = (spec, f"{where} [titles] {key!r}")
        if "heads" in doc:
            self.heads.update(_strings(doc["heads"], f"{where} heads", "heads"))
        for key, value in self._table(doc, "institutions", where).items():
            nouns = _strings(value, f"{where} [institutions] {key}", key)
            self.institutions.setdefault(key, []).extend(nouns)
        for key, value in self._table(doc, "institution_names", where).items():
            name = _string(value, f"{where} [institution_names] {key}", key, required=True)
            assert name is not None
            self.institution_names[key] = name
        for code, table in self._table(doc, "country", where).items():
            here = f"{where} [country.{code}]"
            if not _CODE.fullmatch(code):
                raise DataFileError(f"{here}: a country key is a two-letter upper-case code")
            if not isinstance(table, dict):
                raise DataFileError(f"{here}: must be a table")
            _check_keys(table, _COUNTRY_KEYS, here)
            self.countries[code] = self._laid(self.countries.get(code), table, here)
        entries = doc.get("actor", [])
        if not isinstance(entries, list):
            raise DataFileError(f"{where}: 'actor' must be an array of tables ([[actor]])")
        for number, table in enumerate(entries, start=1):
            here = f"{where} [[actor]] {number}"
            if not isinstance(table, dict):
                raise DataFileError(f"{here}: must be a table")
            actor_id = _string(table.get("id"), here, "id", required=True)
            assert actor_id is not None
            here = f"{where} [[actor]] {number} ({actor_id!r})"
            if not _ID.fullmatch(actor_id):
                raise DataFileError(f"{here}: an id is lower-case words joined by hyphens")
            _check_keys(table, _ACTOR_KEYS, here)
            previous = self.actors.pop(actor_id, None)
            self.actors[actor_id] = self._laid(previous, table, here)

    @staticmethod
    def _table(doc: Mapping[str, Any], key: str, where: str) -> dict[str, Any]:
        value = doc.get(key, {})
        if not isinstance(value, dict):
            raise DataFileError(f"{where}: {key!r} must be a table ([{key}])")
        return value

    @staticmethod
    def _laid(previous: tuple[dict[str, Any], str] | None, table: dict[str, Any],
              here: str) -> tuple[dict[str, Any], str]:
        extend = table.get("extend", False)
        if not isinstance(extend, bool):
            raise DataFileError(f"{here}: 'extend' must be true or false")
        if extend:
            if previous is None:
                raise DataFileError(f"{here}: 'extend = true' but no earlier entry has this key")
            return _merge(previous[0], table), f"{previous[1]}; {here}"
        return {k: v for k, v in table.items() if k != "extend"}, here


def _spec(text: str, offices: frozenset[str], where: str) -> _Spec:
    office, _, org = text.partition("@")
    if office not in offices:
        raise DataFileError(f"{where}: unknown office {office!r} (see [offices])")
    return office, (org or None)


# --- the gazetteer ---------------------------------------------------------------------


class Gazetteer:
    """Actors with aliases and dated roles, and the lookups over them.

    Build one with ``default()`` (the package's files plus ``SITROOM_ACTORS``,
    once per process) or ``from_files()``.
    """

    def __init__(self, documents: Sequence[tuple[Mapping[str, Any], str]]) -> None:
        """Load from parsed documents, each with the name used in error messages.

        Raises:
            DataFileError: an entry is malformed; the message names its file and entry.
        """
        collected = _Collector()
        for doc, where in documents:
            collected.add(doc, where)
        self._offices = frozenset(collected.offices)
        self._heads = frozenset(normalise(h) for h in collected.heads)
        self._titles: dict[str, _Spec] = {}
        for title, (spec, where) in collected.titles.items():
            self._titles[normalise(title)] = _spec(spec, self._offices, where)
        self._nouns: dict[str, str] = {}
        self._institution_kinds = frozenset(collected.institutions)
        self._institution_names = dict(collected.institution_names)
        for kind in self._institution_names:
            if kind not in self._institution_kinds:
                raise DataFileError(f"[institution_names] {kind}: not a kind of [institutions]")
        for kind, nouns in collected.institutions.items():
            for noun in nouns:
                self._nouns[normalise(noun)] = kind
        self._countries: dict[str, Country] = {}
        self._local_titles: dict[str, dict[str, _Spec]] = {}
        self._country_wheres: dict[str, str] = {}
        for code, (table, where) in collected.countries.items():
            self._countries[code] = self._country(code, table, where)
            self._country_wheres[code] = where
        # States come first, so that the files' actors (and their aliases) override them.
        raw: dict[str, tuple[dict[str, Any], str]] = {}
        for code, country in self._countries.items():
            if country.state not in collected.actors:
                raw[country.state] = ({"id": country.state, "name": country.name,
                                       "kind": "state", "country": code,
                                       "aliases": list(country.aliases)},
                                      self._country_wheres[code])
        raw.update(collected.actors)
        self._build_actors(raw)
        self._index()

    # construction helpers --------------------------------------------------------------

    def _country(self, code: str, table: Mapping[str, Any], where: str) -> Country:
        name = _string(table.get("name"), where, "name", required=True)
        assert name is not None
        state = _string(table.get("state"), where, "state") or _slug(name)
        if not _ID.fullmatch(state):
            raise DataFileError(f"{where}: 'state' must be an actor id")
        leader = _string(table.get("leader"), where, "leader")
        if leader is not None and leader not in self._offices:
            raise DataFileError(f"{where}: unknown office {leader!r} for 'leader'")
        self._local_titles[code] = self._read_titles(table, where)
        titles = table.get("titles", {})
        return Country(
            code=code, name=name, state=state,
            aliases=tuple(_strings(table.get("aliases"), where, "aliases")),
            adjectives=tuple(_strings(table.get("adjectives"), where, "adjectives")),
            demonyms=tuple(_strings(table.get("demonyms"), where, "demonyms")),
            capitals=tuple(_strings(table.get("capitals"), where, "capitals")),
            metonyms=tuple(_strings(table.get("metonyms"), where, "metonyms")),
            leader=leader,
            titles=tuple((t, s) for t, s in titles.items()),
            outlets=tuple(_strings(table.get("outlets"), where, "outlets")),
        )

    def _build_actors(self, raw: Mapping[str, tuple[dict[str, Any], str]]) -> None:
        self._org_head: dict[str, str] = {}
        self._org_titles: dict[str, dict[str, _Spec]] = {}
        self._places: dict[str, list[str]] = {}
        self._surname_override: dict[str, list[str]] = {}
        self._institutions: dict[tuple[str, str], str] = {}
        shells: dict[str, tuple[Actor, dict[str, Any], str]] = {}
        for actor_id, (table, where) in raw.items():
            name = _string(table.get("name"), where, "name", required=True)
            kind = _string(table.get("kind"), where, "kind", required=True)
            assert name is not None and kind is not None
            if kind not in KINDS:
                raise DataFileError(f"{where}: unknown kind {kind!r} "
                                    f"(one of {', '.join(sorted(KINDS))})")
            country = _string(table.get("country"), where, "country")
            if country is not None and country not in self._countries:
                raise DataFileError(f"{where}: unknown country {country!r} "
                                    "(add it to a [country.XX] table)")
            gender = _string(table.get("gender"), where, "gender")
            if gender is not None and gender not in _GENDERS:
                raise DataFileError(f"{where}: 'gender' is 'male' or 'female', not {gender!r}")
            if gender is not None and kind != "person":
                raise DataFileError(f"{where}: only a person has a gender")
            aliases = tuple(dict.fromkeys(_strings(table.get("aliases"), where, "aliases")))
            if "surname" in table:
                value = table["surname"]
                surnames = [value] if isinstance(value, str) else _strings(value, where,
                                                                           "surname")
                self._surname_override[actor_id] = [normalise(s) for s in surnames]
            head = _string(table.get("head"), where, "head")
            if head is not None:
                if head not in self._offices:
                    raise DataFileError(f"{where}: unknown office {head!r} for 'head'")
                self._org_head[actor_id] = head
            self._org_titles[actor_id] = self._read_titles(table, where)
            for place in _strings(table.get("places"), where, "places"):
                if kind == "person":
                    raise DataFileError(f"{where}: only a body governs places")
                ids = self._places.setdefault(normalise(place), [])
                if actor_id not in ids:
                    ids.append(actor_id)
            institution = _string(table.get("institution"), where, "institution")
            if institution is not None:
                if institution not in self._institution_kinds:
                    raise DataFileError(f"{where}: unknown institution {institution!r} "
                                        "(see [institutions])")
                if country is None:
                    raise DataFileError(f"{where}: an institution needs a 'country'")
                self._institutions[(country, institution)] = actor_id
            if not isinstance(table.get("roles", []), list):
                raise DataFileError(f"{where}: 'roles' must be an array of tables")
            shell = Actor(id=actor_id, name=name, kind=kind, country=country, gender=gender,
                          aliases=aliases, roles=())
            shells[actor_id] = (shell, table, where)
        self._actors: dict[str, Actor] = {}
        for actor_id, (shell, table, where) in shells.items():
            roles = tuple(self._role(shell, entry, f"{where} role {n}", shells)
                          for n, entry in enumerate(table.get("roles", []), start=1))
            self._actors[actor_id] = Actor(id=shell.id, name=shell.name, kind=shell.kind,
                                           country=shell.country, gender=shell.gender,
                                           aliases=shell.aliases, roles=roles)
        for actor_id, local in self._org_titles.items():
            for title, (_, org) in local.items():
                if org is not None and org not in self._actors:
                    raise DataFileError(f"{raw[actor_id][1]}: title {title!r} names unknown "
                                        f"actor {org!r}")
        for code, local in self._local_titles.items():
            for title, (_, org) in local.items():
                if org is not None and org not in self._actors:
                    raise DataFileError(f"{self._country_wheres[code]}: title {title!r} "
                                        f"names unknown actor {org!r}")
        for title, (_, org) in self._titles.items():
            if org is not None and org not in self._actors:
                raise DataFileError(f"[titles] {title!r} names unknown actor {org!r}")

    def _role(self, actor: Actor, entry: Any, where: str,
              shells: Mapping[str, tuple[Actor, dict[str, Any], str]]) -> Role:
        if not isinstance(entry, dict):
            raise DataFileError(f"{where}: a role is a table {{ title = ..., office = ... }}")
        _check_keys(entry, _ROLE_KEYS, where)
        title = _string(entry.get("title"), where, "title", required=True)
        office = _string(entry.get("office"), where, "office", required=True)
        assert title is not None and office is not None
        if office not in self._offices:
            raise DataFileError(f"{where}: unknown office {office!r} (see [offices])")
        org = _string(entry.get("org"), where, "org")
        if org is not None and org not in shells:
            raise DataFileError(f"{where}: unknown organisation {org!r} in 'org'")
        country = _string(entry.get("country"), where, "country")
        if country is not None and country not in self._countries:
            raise DataFileError(f"{where}: unknown country {country!r}")
        if country is None:
            country = shells[org][0].country if org is not None else actor.country
        start = _date(entry.get("start"), where, "start")
        end = _date(entry.get("end"), where, "end")
        if start is not None and end is not None and end < start:
            raise DataFileError(f"{where}: start {start} is after end {end}")
        return Role(title=title, office=office, country=country, org=org, start=start, end=end)

    def _index(self) -> None:
        self._names: dict[str, str] = {}
        self._aliases: dict[str, str] = {}
        self._surnames: dict[str, list[str]] = {}
        self._by_office: dict[str, list[tuple[Actor, Role]]] = {}
        for actor in self._actors.values():
            self._names[normalise(actor.name)] = actor.id
            for alias in actor.aliases:
                self._aliases[normalise(alias)] = actor.id
            for role in actor.roles:
                self._by_office.setdefault(role.office, []).append((actor, role))
            if actor.kind == "person":
                for key in self._surname_keys(actor):
                    ids = self._surnames.setdefault(key, [])
                    if actor.id not in ids:
                        ids.append(actor.id)
        self._state_of: dict[str, str] = {}
        self._code_of: dict[str, str] = {}
        self._country_words: dict[str, str] = {}
        self._title_countries: dict[str, list[str]] = {}
        self._outlets: dict[str, str] = {}
        for code, country in self._countries.items():
            if country.state not in self._actors:
                raise DataFileError(f"{self._country_wheres[code]}: state {country.state!r} "
                                    "is not an actor")
            self._state_of[code] = country.state
            self._code_of[country.state] = code
            words = (country.name, *country.aliases, *country.adjectives, *country.demonyms,
                     *country.capitals, *country.metonyms)
            for word in words:
                self._country_words[normalise(word)] = code
            for title in self._local_titles[code]:
                self._title_countries.setdefault(title, []).append(code)
            for outlet in country.outlets:
                self._outlets[normalise(outlet)] = code

    def _surname_keys(self, actor: Actor) -> list[str]:
        override = self._surname_override.get(actor.id)
        if override is not None:
            return [key for key in override if key]
        keys: list[str] = []
        for name in (actor.name, *actor.aliases):
            tokens = [t for t in normalise(name).split() if t not in _NAME_SUFFIXES]
            if len(tokens) >= 2 and not _is_capitals(name.replace(" ", "")):
                keys.append(tokens[-1])
        return list(dict.fromkeys(keys))

    # constructors ----------------------------------------------------------------------

    @classmethod
    def default(cls) -> Gazetteer:
        """The package's gazetteer plus the files named in ``SITROOM_ACTORS``, loaded once."""
        return _default(os.environ.get(ENV_VAR, ""))

    @classmethod
    def from_files(cls, paths: Sequence[Path | str], *, with_defaults: bool = True
                   ) -> Gazetteer:
        """A gazetteer of these files (each a file or a folder of ``*.toml``).

        Args:
            paths: user files, read in order after the package's files; an entry
                with an id (or country code) already loaded replaces it, or extends
                it when it says ``extend = true``.
            with_defaults: read the package's files first.

        Raises:
            DataFileError: a file is missing, is not TOML, or holds a malformed entry.
        """
        documents: list[tuple[Mapping[str, Any], str]] = []
        if with_defaults:
            documents.extend(_package_documents())
        for path in paths:
            documents.extend(_user_documents(Path(path)))
        return cls(documents)

    # lookups ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    @property
    def offices(self) -> frozenset[str]:
        """The office vocabulary ("head-of-state", "foreign-minister", ...)."""
        return self._offices

    @property
    def countries(self) -> Mapping[str, Country]:
        """The countries by ISO code."""
        return self._countries

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this id."""
        return self._actors.get(actor_id)

    def by_name(self, name: str) -> Actor | None:
        """The actor whose canonical name or alias this is.

        Case, accents, punctuation ("U.S."), a leading "the" and a possessive are
        ignored; a canonical name wins over another actor's alias. Short acronyms
        that are also words ("US", "WHO", "UN") match only in capitals.
        """
        key = normalise(name)
        if not key or _guarded(name, key):
            return None
        return self._lookup(key)

    def _lookup(self, key: str) -> Actor | None:
        actor_id = self._names.get(key) or self._aliases.get(key)
        return self._actors[actor_id] if actor_id else None

    def by_surname(self, surname: str, *, when: date | None = None) -> list[Actor]:
        """People whose surname this is, those holding a role on ``when`` first.

        The surname is the ``surname`` the data gives, else the last word of the
        name and of each alias ("Biden", "Zelenskyy"). Honorifics before it ("Mr")
        are ignored. Then come people whose roles are nearest in time; for
        ``when`` None, people holding a role now come first.
        """
        tokens = normalise(surname).split()
        while tokens and tokens[0] in _HONORIFICS:
            tokens = tokens[1:]
        ids = self._surnames.get(" ".join(tokens), [])
        people = [self._actors[i] for i in ids]
        return sorted(people, key=lambda actor: _distance(actor, when))

    def parse_role(self, phrase: str, *, country: str | None = None) -> RoleQuery | None:
        """The office and the country or organisation a role phrase names.

        "the Russian president", "Russia's president", "President of Russia",
        "Nato secretary-general", "the head of the IAEA", "Kremlin spokesman",
        "Foreign Secretary" (a title only the UK uses), "the chancellor" (with
        ``country`` "DE", the fallback for phrases that name no country). None when
        the phrase is no role the data knows, or names a past holder ("former").
        """
        return next(self._readings(phrase, country), None)

    def _readings(self, phrase: str, country: str | None) -> Iterator[RoleQuery]:
        """The readings of a role phrase, the likeliest first.

        A bare title first; then a qualifier before the title, the longest
        qualifier first ("Ukraine's military intelligence | chief" before
        "Ukraine's military | intelligence chief"); then "title of qualifier".
        """
        tokens = normalise(phrase).split()
        if any(t in _NOT_HOLDER for t in tokens):
            return
        tokens = [t for t in tokens if t not in _ROLE_NOISE]
        if not tokens:
            return
        fallback = country.strip().upper() if country else None
        query = self._bare_title(" ".join(tokens), fallback)
        if query is not None:
            yield query
        for i in range(len(tokens) - 1, 0, -1):
            for scope in self._scopes(" ".join(tokens[:i])):
                query = self._title_in(scope, " ".join(tokens[i:]))
                if query is not None:
                    yield query
        for i, token in enumerate(tokens):
            if token in ("of", "for", "in", "at") and 0 < i < len(tokens) - 1:
                for scope in self._scopes(" ".join(tokens[i + 1:])):
                    query = self._title_in(scope, " ".join(tokens[:i]))
                    if query is not None:
                        yield query
            if token == "to" and 0 < i < len(tokens) - 1:
                yield from self._envoy_readings(tokens[:i], " ".join(tokens[i + 1:]))

    def _envoy_readings(self, title: list[str], to: str) -> Iterator[RoleQuery]:
        """"the US ambassador to the United Nations": an office in an organisation, held
        for the country named before the title."""
        scope = self._scope(to)
        if scope is None or scope[0] == "country":
            return
        for j in range(1, len(title)):
            sender = self._scope(" ".join(title[:j]))
            if sender is None or sender[0] != "country":
                continue
            query = self._title_in(scope, " ".join(title[j:]))
            if query is not None:
                yield RoleQuery(query.office, country=sender[1], org=query.org)

    def holder(self, role_phrase: str, *, when: date | None,
               country: str | None = None) -> Actor | None:
        """Who held the role a phrase names on ``when`` (None: who holds it now).

        Args:
            role_phrase: "the Prime Minister", "the Russian president", "Nato
                Secretary General", "the head of the IAEA", "Kremlin spokesman".
            when: the date (the article's); None for the current holder.
            country: the country the article's context implies (the outlet's),
                used when the phrase names none.
        """
        found = self.holder_role(role_phrase, when=when, country=country)
        return found[0] if found else None

    def holder_role(self, role_phrase: str, *, when: date | None,
                    country: str | None = None) -> tuple[Actor, Role] | None:
        """Like ``holder``, with the role held.

        The phrase's readings are tried in turn; the first with a holder on
        ``when`` wins.
        """
        for query in self._readings(role_phrase, country):
            found = self.find_holder(query, when=when)
            if found is not None:
                return found
        return None

    def find_holder(self, query: RoleQuery, *, when: date | None) -> tuple[Actor, Role] | None:
        """Who held an office on ``when``; the latest-starting holder on a handover day.

        In a country, roles held outside any organisation come first; a role
        held in an organisation counts only when one organisation has it ("the
        Russian foreign ministry spokeswoman" is asked of the ministry itself).
        """
        pairs = self._by_office.get(query.office, [])
        if query.org is not None:
            found = [(a, r) for a, r in pairs if r.org == query.org and r.held_on(when)
                     and (query.country is None or r.country == query.country)]
            org = self._actors.get(query.org)
            if not found and org is not None and org.country is not None \
                    and self._org_head.get(query.org) == query.office:
                found = [(a, r) for a, r in pairs if r.country == org.country
                         and r.org is None and r.held_on(when)]
            return _latest(found)
        if query.country is None:
            return None
        held = [(a, r) for a, r in pairs if r.country == query.country and r.held_on(when)]
        direct = [(a, r) for a, r in held if r.org is None]
        if direct:
            return _latest(direct)
        if len({r.org for _, r in held}) == 1:
            return _latest(held)
        return None

    def institution(self, phrase: str, *, country: str | None = None) -> Actor | None:
        """The organisation a phrase names: by name, or a country's institution.

        "the Pentagon", "Russia's defence ministry", "the Russian defence
        ministry", "Moscow's foreign ministry", "Ukraine's armed forces",
        "ministry of defence of Belarus"; with ``country`` (the context's),
        also "the defence ministry". States and people are not institutions.
        """
        key = normalise(phrase)
        if not key or _guarded(phrase, key):
            return None
        actor = self._lookup(key)
        if actor is not None:
            return actor if actor.kind not in ("person", "state") else None
        tokens = key.split()
        for i in range(1, len(tokens)):
            found = self._institution_of(" ".join(tokens[:i]), " ".join(tokens[i:]))
            if found is not None:
                return found
        for i, token in enumerate(tokens):
            if token == "of" and 0 < i < len(tokens) - 1:
                found = self._institution_of(" ".join(tokens[i + 1:]), " ".join(tokens[:i]))
                if found is not None:
                    return found
        if country:
            kind = self._nouns.get(key)
            if kind is not None:
                return self._institution_in(country.upper(), kind)
        return None

    def country(self, word: str) -> str | None:
        """The ISO code a country's name, alias, adjective, capital or metonym stands for.

        "Russian", "Russia", "Moscow", "the Kremlin", "British", "U.S." -> "RU",
        "RU", "RU", "RU", "GB", "US". An upper-case code is itself.
        """
        stripped = word.strip()
        if stripped in self._countries:
            return stripped
        key = normalise(word)
        if not key or _guarded(word, key):
            return None
        return self._country_code(key)

    def _country_code(self, key: str) -> str | None:
        code = self._country_words.get(key)
        if code is not None:
            return code
        actor_id = self._names.get(key) or self._aliases.get(key)
        return self._code_of.get(actor_id) if actor_id else None

    def state(self, code: str) -> Actor | None:
        """The state actor of an ISO code ("RU" -> Russia); the EU for "EU"."""
        actor_id = self._state_of.get(code.strip().upper())
        return self._actors.get(actor_id) if actor_id else None

    def _read_titles(self, table: Mapping[str, Any], where: str) -> dict[str, _Spec]:
        """A data table's local ``titles`` (title = office), checked and normalised."""
        titles = table.get("titles", {})
        if not isinstance(titles, dict):
            raise DataFileError(f"{where}: 'titles' must be a table of title = office")
        local: dict[str, _Spec] = {}
        for title, spec in titles.items():
            text = _string(spec, f"{where} titles", title, required=True)
            assert text is not None
            local[normalise(title)] = _spec(text, self._offices, f"{where} titles {title!r}")
        return local

    def outlet_country(self, outlet: str | None) -> str | None:
        """The home country of a news outlet ("LBC" -> "GB", "TASS" -> "RU"); None if unknown.

        International wires (Reuters, AFP) have none: their role phrases always
        name the country.
        """
        if not outlet:
            return None
        return self._outlets.get(normalise(outlet))

    def resolve(self, phrase: str, *, when: date | None = None,
                country: str | None = None) -> Actor | None:
        """A phrase read as a name, else an institution, else a role held on ``when``."""
        return (self.by_name(phrase) or self.institution(phrase, country=country)
                or self.holder(phrase, when=when, country=country))

    # parsing helpers -------------------------------------------------------------------

    def _bare_title(self, title: str, fallback: str | None) -> RoleQuery | None:
        """A title with no country in it: the context's, or the one country that uses it."""
        if fallback is not None and fallback in self._countries:
            local = self._local_titles[fallback].get(title)
            if local is not None:
                return _query(local, fallback)
            if title in self._titles:
                return _query(self._titles[title], fallback)
        users = self._title_countries.get(title, [])
        if len(users) == 1:
            return _query(self._local_titles[users[0]][title], users[0])
        if fallback is not None and fallback in self._countries and title in self._heads:
            leader = self._countries[fallback].leader
            return RoleQuery(leader, fallback) if leader else None
        return None

    def _scopes(self, text: str) -> list[tuple[str, str]]:
        """What a qualifier names: a country or organisation (``_scope``), else each body
        that governs the place it names ("Kharkiv": the regional administration, whose
        governor it is, and the city council, whose mayor)."""
        scope = self._scope(text)
        bodies = self._places.get(text, [])
        words = text.split()
        if not bodies and len(words) > 2 and words[1] in _HELD_BY:
            code = self._country_code(words[0])  # "Ukraine-controlled Luhansk"
            bodies = [b for b in self._places.get(" ".join(words[2:]), [])
                      if self._actors[b].country == code]
        return [*([scope] if scope is not None else []), *(("org", b) for b in bodies)]

    def _scope(self, text: str) -> tuple[str, str] | None:
        """The country ("country", code) or organisation ("org", id) a qualifier names."""
        actor_id = self._names.get(text) or self._aliases.get(text)
        if actor_id is not None:
            code = self._code_of.get(actor_id)
            if code is not None:
                return ("country", code)
            if self._actors[actor_id].kind != "person":
                return ("org", actor_id)
            return None
        code = self._country_words.get(text)
        if code is not None:
            return ("country", code)
        tokens = text.split()
        for i in range(1, len(tokens)):
            found = self._institution_of(" ".join(tokens[:i]), " ".join(tokens[i:]))
            if found is not None:
                return ("org", found.id)
        return None

    def _title_in(self, scope: tuple[str, str], title: str) -> RoleQuery | None:
        kind, ref = scope
        if kind == "country":
            spec = self._local_titles[ref].get(title) or self._titles.get(title)
            if spec is not None:
                return _query(spec, ref)
            leader = self._countries[ref].leader
            if title in self._heads and leader:
                return RoleQuery(leader, ref)
            return None
        office = title.replace(" ", "-")
        if office in self._offices:
            return RoleQuery(office, org=ref)
        spec = self._org_titles.get(ref, {}).get(title) or self._titles.get(title)
        if spec is not None:
            return RoleQuery(spec[0], org=spec[1] or ref)
        head = self._org_head.get(ref)
        if title in self._heads and head:
            return RoleQuery(head, org=ref)
        return None

    def _institution_of(self, qualifier: str, noun: str) -> Actor | None:
        kind = self._nouns.get(noun)
        if kind is None:
            return None
        code = self._country_code(qualifier)
        return self._institution_in(code, kind) if code else None

    def _institution_in(self, code: str, kind: str) -> Actor | None:
        actor_id = self._institutions.get((code, kind))
        if actor_id is None and kind == "government":
            actor_id = self._state_of.get(code)
        if actor_id is None:
            return self._generic_institution(code, kind)
        return self._actors.get(actor_id)

    def _generic_institution(self, code: str, kind: str) -> Actor | None:
        """A country's institution that no actor file describes, named from
        [institution_names]: "North Macedonian Ministry of Defence" (its first adjective),
        or "Ministry of Defence of Palau" for a country listed with none. Made on the
        first lookup and kept in the gazetteer, so that every mention in every article
        gets the same id; at most one per country and kind."""
        country = self._countries.get(code)
        title = self._institution_names.get(kind)
        if country is None or title is None or code == "EU":
            return None
        name = f"{country.adjectives[0]} {title}" if country.adjectives else \
            f"{title} of {country.name}"
        actor = self._actors.get(_slug(name))
        if actor is None:
            actor = Actor(id=_slug(name), name=name, kind="organisation", country=code,
                          gender=None, aliases=(), roles=())
            self._actors[actor.id] = actor
            self._institutions[(code, kind)] = actor.id
        return actor


def _query(spec: _Spec, country: str) -> RoleQuery:
    office, org = spec
    return RoleQuery(office, org=org) if org else RoleQuery(office, country)


def _latest(found: Iterable[tuple[Actor, Role]]) -> tuple[Actor, Role] | None:
    pairs = list(found)
    return max(pairs, key=lambda p: p[1].start or date.min) if pairs else None


def _distance(actor: Actor, when: date | None) -> int:
    """How far in days the actor's nearest role is from ``when`` (0: held then)."""
    if not actor.roles:
        return 10**7
    if when is None:
        return 0 if any(r.end is None for r in actor.roles) else 1
    gaps = []
    for role in actor.roles:
        if role.held_on(when):
            return 0
        if role.start is not None and when < role.start:
            gaps.append((role.start - when).days)
        elif role.end is not None:
            gaps.append((when - role.end).days)
    return min(gaps)


@cache
def _default(env: str) -> Gazetteer:
    paths = [p for p in env.split(os.pathsep) if p.strip()]
    return Gazetteer.from_files(paths)
