"""The actor gazetteer: names, surnames, roles by date, institutions, user files."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from sitroom.attribution.gazetteer import (
    ENV_VAR,
    Actor,
    DataFileError,
    Gazetteer,
    Role,
    normalise,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_files([])


def _holder(gaz: Gazetteer, phrase: str, when: date | None,
            country: str | None = None) -> str | None:
    actor = gaz.holder(phrase, when=when, country=country)
    return actor.name if actor else None


# --- normalisation and names -----------------------------------------------------------


def test_normalise_folds_case_accents_dots_possessives_and_the() -> None:
    assert normalise("the U.S.") == "us"
    assert normalise("Russia's") == "russia"
    assert normalise("Belarus'") == "belarus"
    assert normalise("Recep Tayyip Erdoğan") == "recep tayyip erdogan"
    assert normalise("Nato secretary-general") == "nato secretary general"
    assert normalise("J. D. Vance") == normalise("J.D. Vance") == "jd vance"
    assert normalise("Mariusz Błaszczak") == "mariusz blaszczak"


def test_by_name_canonical_and_aliases(gaz: Gazetteer) -> None:
    nato = gaz.by_name("Nato")
    assert nato is not None and nato.name == "NATO" and nato.id == "nato"
    ria = gaz.by_name("RIA")
    assert ria is not None and ria.name == "RIA Novosti" and ria.kind == "state-media"
    assert gaz.by_name("TASS") == gaz.get("tass")
    kremlin = gaz.by_name("the Kremlin")
    assert kremlin is not None and kremlin.id == "kremlin" and kremlin.kind == "organisation"
    assert gaz.by_name("Joseph R. Biden Jr.") == gaz.get("joe-biden")
    assert gaz.by_name("Recep Tayyip Erdogan") == gaz.get("recep-tayyip-erdogan")
    lpr_mgb = gaz.by_name("Ministry of State Security of the Luhansk People's Republic")
    assert lpr_mgb is not None and lpr_mgb.kind == "organisation"
    lpr = gaz.by_name("LPR")
    assert lpr is not None and lpr.name == "Luhansk People's Republic"


def test_by_name_states_with_punctuation_and_possessive(gaz: Gazetteer) -> None:
    us = gaz.by_name("the U.S.")
    assert us is not None and us.id == "united-states" and us.kind == "state"
    assert gaz.by_name("Russia's") == gaz.get("russia")
    assert gaz.by_name("Britain") == gaz.get("united-kingdom")


def test_short_acronyms_that_are_words_match_only_in_capitals(gaz: Gazetteer) -> None:
    assert gaz.by_name("US") is not None
    assert gaz.by_name("us") is None
    assert gaz.by_name("WHO") == gaz.get("world-health-organization")
    assert gaz.by_name("who") is None


def test_by_name_is_no_surname_lookup(gaz: Gazetteer) -> None:
    assert gaz.by_name("Mr Biden") is None
    assert gaz.by_name("Biden") is None


def test_by_surname_prefers_holders_on_the_date(gaz: Gazetteer) -> None:
    assert [a.name for a in gaz.by_surname("Biden")] == ["Joe Biden"]
    assert gaz.by_surname("Mr Biden")[0].name == "Joe Biden"
    johnsons = gaz.by_surname("Johnson", when=date(2022, 2, 15))
    assert johnsons[0].name == "Boris Johnson"
    assert gaz.by_surname("Johnson", when=date(2024, 3, 1))[0].name == "Mike Johnson"
    assert gaz.by_surname("Li", when=date(2024, 1, 1))[0].name == "Li Qiang"
    assert gaz.by_surname("Zelenskyy", when=date(2022, 3, 1))[0].name == "Volodymyr Zelensky"
    assert gaz.by_surname("Xi")[0].name == "Xi Jinping"
    assert gaz.by_surname("von der Leyen")[0].name == "Ursula von der Leyen"


# --- roles by date ---------------------------------------------------------------------


@pytest.mark.parametrize(("when", "name"), [
    (date(2022, 2, 15), "Boris Johnson"),
    (date(2022, 10, 1), "Liz Truss"),
    (date(2023, 1, 1), "Rishi Sunak"),
    (date(2025, 1, 1), "Keir Starmer"),
])
def test_uk_prime_minister_by_date(gaz: Gazetteer, when: date, name: str) -> None:
    assert _holder(gaz, "the Prime Minister", when, country="GB") == name
    assert _holder(gaz, "British prime minister", when) == name


def test_handover_day_goes_to_the_successor(gaz: Gazetteer) -> None:
    assert _holder(gaz, "UK prime minister", date(2022, 9, 6)) == "Liz Truss"
    assert _holder(gaz, "UK prime minister", date(2022, 9, 5)) == "Boris Johnson"


def test_heads_of_state_and_government_by_date(gaz: Gazetteer) -> None:
    assert _holder(gaz, "US President", date(2022, 2, 15)) == "Joe Biden"
    assert _holder(gaz, "the US president", date(2025, 6, 1)) == "Donald Trump"
    assert _holder(gaz, "the German chancellor", date(2022, 2, 15)) == "Olaf Scholz"
    assert _holder(gaz, "the German chancellor", date(2025, 6, 1)) == "Friedrich Merz"
    assert _holder(gaz, "the chancellor", date(2022, 2, 15), country="DE") == "Olaf Scholz"
    assert _holder(gaz, "the Russian president", date(2022, 2, 15)) == "Vladimir Putin"
    assert _holder(gaz, "Russia's president", date(2022, 2, 15)) == "Vladimir Putin"
    assert _holder(gaz, "President of the Russian Federation", date(2022, 2, 15)) \
        == "Vladimir Putin"
    assert _holder(gaz, "the Russian leader", date(2022, 2, 15)) == "Vladimir Putin"
    assert _holder(gaz, "German leader", date(2022, 2, 15)) == "Olaf Scholz"


def test_ministers_by_date(gaz: Gazetteer) -> None:
    assert _holder(gaz, "Foreign Secretary", date(2022, 2, 15)) == "Liz Truss"
    assert _holder(gaz, "Foreign Secretary", date(2022, 2, 15), country="US") == "Liz Truss"
    assert _holder(gaz, "Defence Secretary", date(2022, 2, 15), country="GB") == "Ben Wallace"
    assert _holder(gaz, "the US secretary of state", date(2022, 2, 15)) == "Antony Blinken"
    assert _holder(gaz, "Secretary of State", date(2022, 2, 15), country="GB") \
        == "Antony Blinken"
    assert _holder(gaz, "Ukraine's defence minister", date(2022, 5, 1)) == "Oleksii Reznikov"
    assert _holder(gaz, "Moscow's top diplomat", date(2022, 5, 1)) == "Sergei Lavrov"
    assert _holder(gaz, "the Russian defence minister", date(2023, 1, 1)) == "Sergei Shoigu"
    assert _holder(gaz, "the Russian defence minister", date(2024, 6, 1)) == "Andrei Belousov"


def test_organisation_roles(gaz: Gazetteer) -> None:
    assert _holder(gaz, "Nato Secretary General", date(2022, 2, 15)) == "Jens Stoltenberg"
    assert _holder(gaz, "Nato secretary-general", date(2025, 1, 1)) == "Mark Rutte"
    assert _holder(gaz, "Nato chief", date(2022, 2, 15)) == "Jens Stoltenberg"
    assert _holder(gaz, "the UN secretary-general", date(2022, 2, 15)) == "António Guterres"
    assert _holder(gaz, "the head of the IAEA", date(2022, 3, 4)) == "Rafael Grossi"
    assert _holder(gaz, "Kremlin spokesman", date(2022, 2, 15)) == "Dmitry Peskov"
    assert _holder(gaz, "the Russian foreign ministry spokeswoman", date(2022, 2, 15)) \
        == "Maria Zakharova"
    assert _holder(gaz, "Russian defence ministry spokesman", date(2022, 3, 1)) \
        == "Igor Konashenkov"
    assert _holder(gaz, "President of the European Commission", date(2022, 3, 1)) \
        == "Ursula von der Leyen"
    assert _holder(gaz, "EU foreign policy chief", date(2022, 3, 1)) == "Josep Borrell"
    assert _holder(gaz, "EU foreign policy chief", date(2025, 3, 1)) == "Kaja Kallas"
    assert _holder(gaz, "Pentagon chief", date(2022, 3, 1)) == "Lloyd Austin"
    assert _holder(gaz, "White House press secretary", date(2022, 3, 1)) == "Jen Psaki"
    assert _holder(gaz, "Ukraine's military intelligence chief", date(2023, 5, 1)) \
        == "Kyrylo Budanov"


def test_unknown_ambiguous_or_past_roles_give_none(gaz: Gazetteer) -> None:
    assert gaz.holder("the chancellor", when=date(2022, 2, 15)) is None  # DE or GB?
    assert gaz.holder("the president", when=date(2022, 2, 15), country="GB") is None
    assert gaz.holder("former prime minister", when=date(2022, 2, 15), country="GB") is None
    assert gaz.holder("deputy foreign minister", when=date(2022, 2, 15), country="GB") is None
    assert gaz.holder("the head chef", when=date(2022, 2, 15)) is None
    assert gaz.holder("Nato Secretary General", when=date(2010, 1, 1)) is None


def test_current_holder_when_no_date(gaz: Gazetteer) -> None:
    assert _holder(gaz, "Russian president", None) == "Vladimir Putin"
    assert _holder(gaz, "Nato Secretary General", None) == "Mark Rutte"


def test_holder_role_gives_the_role_title(gaz: Gazetteer) -> None:
    found = gaz.holder_role("US President", when=date(2022, 2, 15))
    assert found is not None
    actor, role = found
    assert actor.id == "joe-biden" and role.title == "President of the United States"


def test_role_at(gaz: Gazetteer) -> None:
    truss = gaz.get("liz-truss")
    assert truss is not None and truss.gender == "female"
    role = truss.role_at(date(2022, 2, 15))
    assert role is not None and role.office == "foreign-minister" and role.country == "GB"
    role = truss.role_at(date(2022, 10, 1))
    assert role is not None and role.office == "head-of-government"
    assert truss.role_at(date(2023, 1, 1)) is None
    latest = truss.role_at(None)
    assert latest is not None and latest.office == "head-of-government"
    trump = gaz.get("donald-trump")
    assert trump is not None
    now = trump.role_at(None)
    assert now is not None and now.start == date(2025, 1, 20) and now.end is None


def test_role_country_defaults(gaz: Gazetteer) -> None:
    peskov = gaz.get("dmitry-peskov")
    assert peskov is not None
    role = peskov.role_at(date(2022, 2, 15))
    assert role is not None and role.org == "kremlin" and role.country == "RU"
    stoltenberg = gaz.get("jens-stoltenberg")
    assert stoltenberg is not None
    role = stoltenberg.role_at(date(2022, 2, 15))
    assert role is not None and role.org == "nato" and role.country is None


# --- institutions, countries, outlets --------------------------------------------------


@pytest.mark.parametrize(("phrase", "name"), [
    ("Russia's defence ministry", "Russian Ministry of Defence"),
    ("the Russian defence ministry", "Russian Ministry of Defence"),
    ("Russian Defence Ministry", "Russian Ministry of Defence"),
    ("the ministry of defence of Russia", "Russian Ministry of Defence"),
    ("Moscow's foreign ministry", "Russian Ministry of Foreign Affairs"),
    ("Ukraine's armed forces", "Armed Forces of Ukraine"),
    ("Ukraine's general staff", "General Staff of the Armed Forces of Ukraine"),
    ("the Pentagon", "US Department of Defense"),
    ("the British government", "UK Government"),
    ("Belarus' defence ministry", "Belarusian Ministry of Defence"),
])
def test_institution(gaz: Gazetteer, phrase: str, name: str) -> None:
    actor = gaz.institution(phrase)
    assert actor is not None and actor.name == name


def test_institution_falls_back_to_context_country_and_to_the_state(gaz: Gazetteer) -> None:
    mod = gaz.institution("the defence ministry", country="GB")
    assert mod is not None and mod.id == "uk-ministry-of-defence"
    assert gaz.institution("the defence ministry") is None
    assert gaz.institution("the US government") == gaz.get("united-states")
    assert gaz.institution("Russia") is None
    assert gaz.institution("Joe Biden") is None


def test_country_words(gaz: Gazetteer) -> None:
    assert gaz.country("Russian") == "RU"
    assert gaz.country("Russia") == "RU"
    assert gaz.country("Moscow") == "RU"
    assert gaz.country("the Kremlin") == "RU"
    assert gaz.country("British") == "GB"
    assert gaz.country("U.S.") == "US"
    assert gaz.country("Kiev") == gaz.country("Kyiv") == "UA"
    assert gaz.country("Belarusian") == "BY"
    assert gaz.country("us") is None
    assert gaz.country("Narnia") is None


def test_state(gaz: Gazetteer) -> None:
    russia = gaz.state("RU")
    assert russia is not None and russia.name == "Russia" and russia.kind == "state"
    eu = gaz.state("EU")
    assert eu is not None and eu.name == "European Union"
    assert gaz.state("XX") is None


def test_outlet_country(gaz: Gazetteer) -> None:
    assert gaz.outlet_country("LBC") == "GB"
    assert gaz.outlet_country("The Guardian") == "GB"
    assert gaz.outlet_country("The New York Times") == "US"
    assert gaz.outlet_country("TASS") == "RU"
    assert gaz.outlet_country("Reuters") is None
    assert gaz.outlet_country(None) is None


# --- the founding example --------------------------------------------------------------


def test_lbc_example_speakers(gaz: Gazetteer) -> None:
    when = date(2022, 2, 15)
    country = gaz.outlet_country("LBC")
    assert _holder(gaz, "the Prime Minister", when, country) == "Boris Johnson"
    assert _holder(gaz, "Foreign Secretary", when, country) == "Liz Truss"
    assert _holder(gaz, "Foreign Sec", when, country) == "Liz Truss"
    assert _holder(gaz, "The Russian president", when, country) == "Vladimir Putin"
    assert _holder(gaz, "Nato secretary-general", when, country) == "Jens Stoltenberg"
    assert _holder(gaz, "German leader", when, country) == "Olaf Scholz"
    mod = gaz.institution("Russia's defence ministry")
    assert mod is not None and mod.ref() == {"id": "russian-ministry-of-defence",
                                              "name": "Russian Ministry of Defence"}
    assert [a.id for a in gaz.by_surname("Putin", when=when)] == ["vladimir-putin"]
    assert gaz.by_name("Olaf Scholz") == gaz.get("olaf-scholz")


# --- the package data ------------------------------------------------------------------


def test_package_data_is_consistent(gaz: Gazetteer) -> None:
    kinds = Counter(actor.kind for actor in gaz)
    assert kinds["person"] > 200 and kinds["state"] > 20 and kinds["state-media"] >= 9
    for actor in gaz:
        if actor.kind == "person":
            assert actor.gender in ("male", "female"), actor.id
        for role in actor.roles:
            assert role.office in gaz.offices
            assert role.start is None or role.end is None or role.start <= role.end


def test_no_name_or_alias_names_two_actors() -> None:
    """Each key of the package's files names one actor (later files may override)."""
    gaz = Gazetteer.from_files([])
    seen: dict[str, str] = {}
    clashes = []
    for actor in gaz:
        for name in {normalise(n) for n in (actor.name, *actor.aliases)}:
            if name in seen and seen[name] != actor.id:
                clashes.append((name, seen[name], actor.id))
            seen[name] = actor.id
    assert clashes == []


def test_no_office_has_two_holders_at_once() -> None:
    """Overlaps are only handover days: the data has no double-booked office."""
    gaz = Gazetteer.from_files([])
    by_seat: dict[tuple[str, str | None, str | None], list[tuple[Actor, Role]]] = {}
    for actor in gaz:
        for role in actor.roles:
            if role.office in ("head-of-state", "head-of-government", "foreign-minister",
                               "defence-minister", "secretary-general") \
                    and role.start is not None:
                by_seat.setdefault((role.office, role.country, role.org), []).append(
                    (actor, role))
    overlaps = []
    for seat, pairs in by_seat.items():
        pairs.sort(key=lambda p: p[1].start or date.min)
        for (a, ra), (b, rb) in itertools.pairwise(pairs):
            if a.id == b.id or "Acting" in ra.title or "Acting" in rb.title:
                continue
            assert ra.start is not None and rb.start is not None
            if ra.end is None or ra.end > rb.start:
                overlaps.append((seat, a.id, b.id))
    # Monarchs reign over several realms; Korea's acting presidents are marked "Acting".
    assert overlaps == []


# --- user files ------------------------------------------------------------------------


def test_places_qualify_the_titles_of_the_bodies_that_govern_them(gaz: Gazetteer) -> None:
    when = date(2022, 6, 10)
    assert _holder(gaz, "the governor of the Luhansk region", when) == "Serhiy Haidai"
    assert _holder(gaz, "Luhansk governor", when) == "Serhiy Haidai"
    assert _holder(gaz, "the Luhansk regional governor", when) == "Serhiy Haidai"
    assert _holder(gaz, "the head of Ukraine-controlled Luhansk's regional civil "
                        "administration", when) == "Serhiy Haidai"
    # a place held by the other side names no Ukrainian body
    assert _holder(gaz, "the head of Russian-controlled Luhansk", when) is None
    # one place, two bodies: the title decides
    assert _holder(gaz, "the governor of Kharkiv", when) == "Oleh Synehubov"
    assert _holder(gaz, "Kharkiv's mayor", when) == "Ihor Terekhov"
    # Kyiv is also Ukraine's capital: its mayor is still the city's
    assert _holder(gaz, "the mayor of Kyiv", when) == "Vitali Klitschko"
    # bare titles name no one among many cities and regions
    assert _holder(gaz, "the mayor", when, country="UA") is None
    assert _holder(gaz, "the governor", when, country="UA") is None
    # a place is no speaker: "Kharkiv said" is no council
    assert gaz.by_name("Kharkiv") is None or gaz.by_name("Kharkiv").kind == "state"


def test_a_place_in_a_user_file_must_belong_to_a_body(tmp_path: Path) -> None:
    user = tmp_path / "places.toml"
    user.write_text('''
[[actor]]
id = "jan-novak"
name = "Jan Novak"
kind = "person"
places = ["Brno"]
''', encoding="utf-8")
    with pytest.raises(DataFileError, match="only a body governs places"):
        Gazetteer.from_files([user])


def test_user_file_adds_an_actor_and_overrides_an_alias(tmp_path: Path) -> None:
    user = tmp_path / "mine.toml"
    user.write_text('''
[[actor]]
id = "emma-soteriou"
name = "Emma Soteriou"
kind = "person"
gender = "female"
country = "GB"
roles = [{ title = "Journalist at LBC", office = "editor-in-chief", start = 2021-01-01 }]

[[actor]]
id = "ria-fan"
name = "RIA FAN"
kind = "state-media"
country = "RU"
aliases = ["RIA"]

[[actor]]
id = "nato"
extend = true
aliases = ["the Alliance of 32"]
''', encoding="utf-8")
    gaz = Gazetteer.from_files([user])
    emma = gaz.by_name("Emma Soteriou")
    assert emma is not None and emma.gender == "female"
    ria = gaz.by_name("RIA")
    assert ria is not None and ria.id == "ria-fan"
    assert gaz.by_name("RIA Novosti") == gaz.get("ria-novosti")
    nato = gaz.by_name("the Alliance of 32")
    assert nato is not None and nato.name == "NATO" and "Nato" in nato.aliases
    assert gaz.by_surname("Soteriou")[0].id == "emma-soteriou"


def test_user_file_replaces_an_actor_by_id(tmp_path: Path) -> None:
    user = tmp_path / "replace.toml"
    user.write_text('''
[[actor]]
id = "tass"
name = "TASS Russian News Agency"
kind = "state-media"
country = "RU"
''', encoding="utf-8")
    gaz = Gazetteer.from_files([user])
    tass = gaz.get("tass")
    assert tass is not None and tass.name == "TASS Russian News Agency"
    assert gaz.by_name("ITAR-TASS") is None


def test_user_file_extends_a_country(tmp_path: Path) -> None:
    user = tmp_path / "country.toml"
    user.write_text('''
[country.GB]
extend = true
outlets = ["Northern Courier"]
''', encoding="utf-8")
    gaz = Gazetteer.from_files([user])
    assert gaz.outlet_country("Northern Courier") == "GB"
    assert gaz.outlet_country("LBC") == "GB"


@pytest.mark.parametrize(("text", "message"), [
    ('[[actor]]\nid = "x"\nname = "X"\nkind = "robot"\n', "unknown kind 'robot'"),
    ('[[actor]]\nname = "X"\nkind = "person"\n', "missing key 'id'"),
    ('[[actor]]\nid = "x"\nname = "X"\nkind = "person"\nroles = [{ title = "T", '
     'office = "emperor-of-mars" }]\n', "unknown office 'emperor-of-mars'"),
    ('[[actor]]\nid = "x"\nname = "X"\nkind = "person"\nroles = [{ title = "T", '
     'office = "mayor", start = 2022-02-01, end = 2021-01-01 }]\n', "is after end"),
    ('[[actor]]\nid = "x"\nname = "X"\nkind = "person"\nstrat = 2020-01-01\n',
     "unknown key(s) 'strat'"),
    ('[[actor]]\nid = "x"\nname = "X"\nkind = "person"\ncountry = "ZZ"\n',
     "unknown country 'ZZ'"),
    ('[[actor]]\nid = "x"\nname = "X"\nkind = "person"\nroles = [{ title = "T", '
     'office = "mayor", org = "no-such-org" }]\n', "unknown organisation 'no-such-org'"),
    ('[[actor]]\nid = "Bad Id"\nname = "X"\nkind = "person"\n', "lower-case words"),
    ('[[actor]]\nid = "x"\nextend = true\n', "no earlier entry"),
    ('[[actor]\nid = "x"\n', "not a valid TOML"),
])
def test_malformed_user_file_names_file_and_entry(tmp_path: Path, text: str,
                                                  message: str) -> None:
    user = tmp_path / "broken.toml"
    user.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        Gazetteer.from_files([user])
    assert str(user) in str(caught.value)
    assert message in str(caught.value)


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        Gazetteer.from_files([tmp_path / "nowhere.toml"])


def test_default_reads_env_and_is_cached(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "actors"
    folder.mkdir()
    (folder / "a.toml").write_text(
        '[[actor]]\nid = "lbc"\nname = "LBC"\nkind = "organisation"\ncountry = "GB"\n',
        encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(folder))
    first = Gazetteer.default()
    assert first is Gazetteer.default()
    lbc = first.by_name("LBC")
    assert lbc is not None and lbc.id == "lbc"
    monkeypatch.delenv(ENV_VAR)
    assert Gazetteer.default().by_name("LBC") is None


def test_without_defaults_only_the_users_file(tmp_path: Path) -> None:
    user = tmp_path / "alone.toml"
    user.write_text('''
[offices]
mayor = "mayor of a city"

[country.XY]
name = "Exampleland"
adjectives = ["Examplish"]
[country.XY.titles]
"mayor" = "mayor"

[[actor]]
id = "jo-bloggs"
name = "Jo Bloggs"
kind = "person"
country = "XY"
roles = [{ title = "Mayor of Example City", office = "mayor", start = 2020-01-01 }]
''', encoding="utf-8")
    gaz = Gazetteer.from_files([user], with_defaults=False)
    assert len(gaz) == 2  # the person and the state made from [country.XY]
    assert _holder(gaz, "the Examplish mayor", date(2021, 1, 1)) == "Jo Bloggs"
    assert gaz.by_name("Joe Biden") is None
