"""Speaker resolution: from the words that name a source to the actor they mean.

A mention is read the way an analyst reads it, in this order:

1. a pronoun ("he", "she", "it", "they") is the most recent subject or speaker
   that agrees with it (gender from the gazetteer, honorifics, first names or
   earlier pronouns; organisations and states for "it"); objects and obliques
   ("a press conference with German leader Olaf Scholz") are not candidates;
2. coordinated names ("RIA and TASS") are a group of sources;
3. a person's name: a full name, or a surname or title ("Mr Biden",
   "President Biden") found among the article's people, else in the gazetteer;
4. a role description ("the Prime Minister", "The Russian president"): the
   person the article names in that role (an apposition taught it), else the
   gazetteer's holder of the role on the article's date, in the outlet's
   country unless the description names one;
5. an organisation or state ("Russia's defence ministry", "Nato", "Moscow");
   a definite description of one already named ("the ministry"), or of a company
   the article just named ("Shell said ... The firm said");
6. a short definite description of standing ("the Green politician") is the
   person just named;
7. anything else is a description kept as written ("one Ukrainian military
   official").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sitroom.attribution.discourse import History
from sitroom.attribution.lexicon import Lexicon
from sitroom.attribution.mentions import PERSONAL_HONORIFICS, Named, with_titles, words_of
from sitroom.attribution.names import NameParts, RoleKey, person_name, plain, role_key
from sitroom.attribution.ports import ActorLike, GazetteerLike
from sitroom.attribution.registry import Entity, Registry
from sitroom.attribution.sources import SPOKESPEOPLE, noun_phrase, organisation_name

#: Pronouns that can name a source: the kind of actor they point to and its gender.
PRONOUNS: dict[str, tuple[str, str | None]] = {
    "he": ("person", "m"), "she": ("person", "f"), "it": ("thing", None),
    "they": ("plural", None), "i": ("author", None), "we": ("author", None),
    # possessors of a view ("his aim to ...", "its claim that ...")
    "his": ("person", "m"), "her": ("person", "f"), "its": ("thing", None),
    "their": ("plural", None), "my": ("author", None), "our": ("author", None),
    # the subject of a participle after a verb of reporting ("Reuters reported him adding")
    "him": ("person", "m"), "them": ("plural", None),
}
#: Determiners and quantifiers that make a description indefinite: no unique holder.
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "two", "three",
                        "many", "few", "other", "any", "each", "most"})
#: Words dropped from the front of a description kept as a name.
_LEADING = frozenset({"the", "a", "an", "one", "another", "some", "this", "that", "these"})
#: Titles that belong to how a person is named, not to a role ("Ms Truss", "Lord Richards").
_NAME_TITLES = PERSONAL_HONORIFICS | {"sir", "dame", "lord", "lady", "baroness", "baron"}
#: Words at most in a definite description that points back ("the senior official").
MAX_ANAPHOR = 3
#: How far back (characters) "the Green politician" may point to the person named.
MAX_POINTER_CHARS = 600
#: Head nouns of a definite description of a state ("the country").
_COUNTRY_NOUNS = frozenset({"country", "nation"})
#: Head words of local offices whose holder the place named beside them decides ("the
#: regional governor" of the region the sentence names).
_LOCAL_OFFICES = frozenset({"governor", "mayor"})
#: Named-entity labels that never name a place (the tagger often takes a town for a person
#: or an organisation, so the gazetteer, not the label, decides).
_NOT_PLACES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                         "QUANTITY"})
#: Offices whose holder's name stands for the state in a role phrase ("Putin's spokesman").
#: Each with the words for the leader's own office, whose staff "Putin's spokesman" names.
_LEADERS = {"head-of-state": "presidential office", "head-of-government": "prime minister office"}
#: Nouns that, with "the", name the body of whichever state a story is on at that point ("the
#: government said" after "Ukraine's government" may be Switzerland's): no descriptor.
_IN_FOCUS = frozenset({"government", "authority", "administration", "state", "country",
                       "nation", "leadership", "regime", "cabinet"})
#: Organisation kinds that "it" can stand for.
_THINGS = frozenset({"organisation", "state", "state-media"})


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a mention refers to (None when it could not be resolved) and how."""

    entity: Entity | None
    how: str | None
    words: tuple[int, int] | None = None
    """The tokens that name the entity inside a longer mention ("Liz Truss" in
    "Foreign Secretary Liz Truss"), recorded as the entity's mention."""


class Resolver:
    """Resolves mentions of one article, in reading order."""

    def __init__(self, registry: Registry, lex: Lexicon, gazetteer: GazetteerLike,
                 outlet_country: str | None) -> None:
        self.registry = registry
        self.lex = lex
        self.gazetteer = gazetteer
        self.outlet_country = outlet_country
        self.history = History()
        self.seen = History()
        """Named actors met where they are no subject or speaker (objects, obliques), for a
        pronoun with no subject or speaker before it."""
        self.media_owners: dict[str, Entity] = {}
        """The last owner of each kind of document ("report": Amnesty International), for
        a later "the report" that names none."""

    # --- mentions ---------------------------------------------------------------------

    def resolve(self, doc: Any, start: int, end: int, named: list[Named], base: int, *,
                speaker: bool, group: bool = True, salient: bool = True,
                antecedent: bool = True) -> Resolution:
        """Resolve tokens ``start:end`` of a paragraph ``doc`` that starts at ``base``.

        With ``speaker`` False (a sentence's subject, read only for salience),
        nothing new is created for a description or an unknown organisation.
        With ``salient`` False (a name noted wherever it stands, maybe as an
        object), the mention counts for pronouns only as a last resort, and with
        ``antecedent`` False (a name inside a quotation) not at all.
        """
        pos = base + doc[start].idx
        span = (pos, base + doc[end - 1].idx + len(doc[end - 1].text))
        if end - start == 1 and doc[start].lower_ in PRONOUNS:
            return self._pronoun(doc[start].lower_, pos, span, speaker=speaker)
        found = ((self._group(doc, start, end, named, base, speaker=speaker) if group else None)
                 or self._person(doc, start, end, named, pos)
                 or self._leading_pronoun(doc, start, end, pos, span, speaker)
                 or self._described_again(doc, start, end, pos)
                 or self._role(doc, start, end, pos)
                 or self._possessed_institution(doc, start, end, pos)
                 or self._organisation(doc, start, end, named, pos)
                 or self._definite(doc, start, end, pos)
                 or self._affiliation(doc, start, end, named, pos)
                 or self._pointing_back(doc, start, end, pos))
        if found is None:
            if not speaker:
                return Resolution(None, None)
            found = self._description(doc, start, end)
        if found.entity is not None and found.how == "organisation":
            root = doc[start:end].root  # "Russia's communications regulator": a "regulator"
            if root.pos_ == "NOUN" and root.lemma_.lower() not in _IN_FOCUS:
                found.entity.descriptors.add(root.lemma_.lower())
        if found.entity is not None and (speaker or found.how != "description"):
            if found.words is not None:
                lo, hi = found.words
                found.entity.mention((base + doc[lo].idx, base + doc[hi - 1].idx + len(
                    doc[hi - 1].text)))
            else:
                found.entity.mention(span)
            if salient:
                self.history.add(pos, found.entity)
            elif found.how != "description" and antecedent:
                self.seen.add(pos, found.entity)
        return found

    def _pronoun(self, word: str, pos: int, span: tuple[int, int], *,
                 speaker: bool) -> Resolution:
        kind, gender = PRONOUNS[word]
        if kind == "author":
            return Resolution(None, None)
        entity = self.history.last(pos, kind=kind, gender=gender, lex_gender=self.gender_of)
        if entity is None and kind in ("person", "thing"):
            # no subject or speaker before it (a misparse lost them, or it follows its
            # content): the last person or body named
            entity = self.seen.last(pos, kind=kind, gender=gender, lex_gender=self.gender_of)
        if entity is None:
            return Resolution(None, None)
        if gender and not entity.gender and entity.kind == "person":
            entity.gender = gender  # "he" tells us, for the next "she"
        if speaker:
            entity.mention(span)
        self.history.add(pos, entity)
        return Resolution(entity, "pronoun")

    def _leading_pronoun(self, doc: Any, start: int, end: int, pos: int,
                         span: tuple[int, int], speaker: bool) -> Resolution | None:
        """"She and other analysts said": the person the pronoun stands for leads the
        source, as "John Kirby and other officials" is John Kirby (a group of a person and
        a description names the person)."""
        if end - start < 3 or doc[start].lower_ not in ("he", "she") or \
                doc[start + 1].lower_ != "and":
            return None
        found = self._pronoun(doc[start].lower_, pos, span, speaker=speaker)
        return found if found.entity is not None else None

    def _group(self, doc: Any, start: int, end: int, named: list[Named], base: int, *,
               speaker: bool) -> Resolution | None:
        roots = [t for t in doc[start:end] if (not start <= t.head.i < end or t.head.i == t.i)
                 and t.pos_ not in ("ADV", "PUNCT")]
        if len(roots) > 1 and roots[0].pos_ == "NOUN" and roots[1].pos_ == "PROPN":
            roots = roots[1:]  # "news agencies RIA and TASS": the names are the sources
        while len(roots) > 1 and any(c.dep_ == "case" for c in roots[0].children):
            roots = roots[1:]  # "Russia's | then deputy prime minister Dmitry Rogozin"
        roots = [r for k, r in enumerate(roots) if k == 0 or r.left_edge.i <= start or doc[
            r.left_edge.i - 1].pos_ not in ("VERB", "ADP")]  # "the family of a man jailed
        # for fighting | Russian forces": the object the parse took for a second subject
        root = roots[0] if len(roots) == 1 else doc[start:end].root
        heads = [root, *(t for t in root.conjuncts if start <= t.i < end)]
        if len(roots) > 1:
            heads = [t for r in roots for t in (r, *r.conjuncts) if start <= t.i < end]
        if len(heads) < 2:
            appos = [c for c in root.children if c.dep_ == "appos" and start <= c.i < end
                     and c.pos_ == "PROPN"]  # "agencies RIA and TASS", not "a chancellor and"
            if not appos:
                return None
            heads = [appos[0], *(t for t in appos[0].conjuncts if start <= t.i < end)]
            if len(heads) < 2:
                return None
        heads = list({t.i: t for t in heads}.values())
        members: list[Entity] = []
        described = 0
        for head in sorted(heads, key=lambda t: t.i):
            lo, hi = _conjunct(head, start, end)
            found = self.resolve(doc, lo, hi, named, base, speaker=speaker, group=False)
            if found.entity is None or found.entity.kind == "group":
                return None
            members.append(found.entity)
            described += found.how == "description"
        if described == len(members):
            return None  # "officials and analysts": a description, not named sources
        names = [m.name for m in members]
        name = ", ".join(names[:-1]) + " and " + names[-1]
        group = self.registry.new(name, "group")
        group.members = tuple(m.id for m in members)
        return Resolution(group, "group")

    def _person(self, doc: Any, start: int, end: int, named: list[Named],
                pos: int) -> Resolution | None:
        root = doc[start:end].root
        # "Putin's spokesman" is not Putin, nor "the Biden administration" Biden
        people = [n for n in named if n.label == "PERSON" and n.start < end and n.end > start
                  and not _possessor(doc, n) and not _modifier(doc, n, root)
                  and not _oblique(doc, n, root) and not self._place(doc, n, pos)]
        if people:
            best = next((n for n in people if n.start <= root.i < n.end), people[0])
            lo, hi = max(start, with_titles(doc, best.start, self.lex, start)), min(end, best.end)
            named_lo = best.start
        elif (root.pos_ == "PROPN" or (root.text[:1].isupper() and root.pos_ == "NOUN")) \
                and (self.gazetteer.country(root.text) is None
                     or self._is_surname(root.text, pos)) \
                and root.lower_ not in self.lex.generic_nouns and (
                self._is_surname(" ".join(words_of(doc, start, root.i + 1)[-3:]), pos)
                or self._office_holder(root.text)
                or (root.lower_ in self.lex.first_names and not any(
                    c.dep_ == "compound" for c in root.children))):  # "Olena, 34, said"
            lo = root.i
            while lo > start and not doc[lo - 1].whitespace_:
                lo -= 1  # the whole written word: "Sukholytkyy-Sobchuk"
            while lo > start and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].dep_ == "compound" \
                    and doc[lo - 1].ent_type_ not in ("GPE", "ORG", "NORP"):
                lo -= 1
            named_lo = lo
            lo, hi = with_titles(doc, lo, self.lex, start), root.i + 1
        else:
            return None
        while named_lo > lo and doc[named_lo - 1].lower_.rstrip(".") in _NAME_TITLES:
            named_lo -= 1  # "Ms Truss" names her; "Foreign Secretary" is her role
        parts = person_name(words_of(doc, lo, hi), self.lex)
        if parts is None or self.place_and_country(parts, doc, hi):
            return None
        entity, how = self.registry.person(parts, pos)
        return Resolution(entity, how, (named_lo, hi))

    def place_and_country(self, parts: NameParts, doc: Any, end: int) -> bool:
        """True for a "name" that is a place and its country's possessive ("Lysychansk
        Ukraine's president", a headline run into its text): its last word a country
        with "'s" after it, and no given name before it that people carry ("Jim
        Jordan", "Mark Cuban" stay people)."""
        if not parts.given or end >= len(doc) or doc[end].tag_ != "POS" or \
                self.gazetteer.country(parts.surname) is None:
            return False
        return parts.given[0].lower() not in self.lex.first_names and \
            self.gazetteer.by_name(parts.full or "") is None

    def _place(self, doc: Any, named: Named, pos: int) -> bool:
        """True for a one-word "name" that is a country or capital ("Kyiv" tagged PERSON),
        unless it is the surname of a person the article has named ("Jim Jordan ...
        Jordan said")."""
        word = doc[named.start].text
        return named.end - named.start == 1 and self.gazetteer.country(
            word) is not None and not self._is_surname(word, pos)

    def _office_holder(self, word: str) -> bool:
        """True when a lone proper noun is the surname of someone in office on the date
        ("Zelenskiy said", tagged as an organisation by the entity tagger)."""
        when = self.registry.when
        return any(a.kind == "person" and a.role_at(when) is not None
                   for a in self.gazetteer.by_surname(word, when=when))

    def _is_surname(self, words: str, pos: int) -> bool:
        """True when the last words ("Leyen", "der Leyen", "von der Leyen") are the
        surname of a person the article names."""
        parts = words.split()
        return any(self.registry.surname(" ".join(parts[k:]), pos) is not None
                   for k in range(len(parts)))

    def _role(self, doc: Any, start: int, end: int, pos: int) -> Resolution | None:
        root = doc[start:end].root
        head_words = self.lex.abbreviations.get(root.lower_, root.lower_).split()
        if not head_words:
            return None
        if head_words[-1] not in self.lex.roles and root.lemma_.lower() not in self.lex.roles:
            return None
        if doc[start].lower_ in INDEFINITE:
            return None  # "a spokesperson" is someone new, not the one named before
        words = [t.text for t in doc[start:end]]
        state = self._the_country(doc, start, end, pos)
        if state is not None:  # "the country's president": the state the article is about
            words = [state, "'s", *words[3:]]
        leaders_office = None
        if state is None:
            owned = self._leaders_state(doc, start, end, pos)
            if owned is not None:  # "Putin's spokesman": the spokesman of Putin's state
                state, leaders_office, words_from = owned
                words = [state, "'s", *words[words_from - start:]]
        key = role_key(words, self.lex, self._country)
        if key is None:
            return None
        taught = self._role_holder(key, pos)
        if taught is not None:
            return taught
        if key.past and self._definite_np(doc, start, end):
            return self._former_holder(key, head_words[-1])
        if not self._definite_np(doc, start, end):
            return None
        phrase = _text(doc, start, end) if state is None else " ".join(words)
        country = key.country or self.outlet_country
        actor = self.gazetteer.holder(phrase, when=self.registry.when, country=country)
        if actor is None and leaders_office is not None:  # the Kremlin's, not the ministry's
            office = self.gazetteer.institution(f"{words[0]}'s {leaders_office}")
            actor = self.gazetteer.holder(" ".join([office.name, *words[2:]]),
                                          when=self.registry.when) if office else None
        if actor is None and not key.country:
            actor = self._named_holder(phrase, head_words[-1], pos)
        if actor is None and head_words[-1] in _LOCAL_OFFICES and not any(
                t.lower_ == "of" for t in doc[start:end]):
            actor = self._placed_holder(doc, start, phrase)
        if actor is None:
            return None
        entity = self.registry.from_actor(actor)
        self.registry.learn_role(key, entity, pos, "role")
        return Resolution(entity, "role")

    def _leaders_state(self, doc: Any, start: int, end: int,
                       pos: int) -> tuple[str, str, int] | None:
        """The state whose leader owns a role ("Putin's spokesman", "President Biden's
        national security adviser", "Zelenskiy's chief of staff"), by its name, with the
        words for the leader's own office ("presidential office") and where the role's
        words start; None when the owner is no head of state or government on the
        article's date."""
        k = next((i for i in range(start + 1, end - 1) if doc[i].tag_ == "POS"), None)
        if k is None or doc[k - 1].pos_ != "PROPN":
            return None
        when = self.registry.when
        entity = self.registry.surname(doc[k - 1].text, pos)
        actor = self.gazetteer.get(entity.id) if entity is not None and entity.known else None
        candidates = [actor] if actor is not None else list(
            self.gazetteer.by_surname(doc[k - 1].text, when=when))
        held = {(role.country, role.office) for a in candidates if a.kind == "person"
                for role in [a.role_at(when)]
                if role is not None and role.country and role.office in _LEADERS}
        if len(held) != 1:
            return None
        code, office = held.pop()
        state = self.gazetteer.state(code)
        return (state.name, _LEADERS[office], k + 1) if state is not None else None

    def _placed_holder(self, doc: Any, start: int, phrase: str) -> ActorLike | None:
        """The holder of a bare local office ("the regional governor", "the mayor") of the
        one place in its sentence whose office the gazetteer knows: "Lithuania told the
        Russian region of Kaliningrad it will block ..., the regional governor said" is
        Kaliningrad's governor; two such places leave it unresolved."""
        sent = doc[start].sent
        places = {plain(e.text) for e in sent.ents if e.label_ not in _NOT_PLACES} | {
            t.text for t in sent if t.pos_ == "PROPN"}
        found = {holder.id: holder for place in sorted(places)
                 for holder in [self.gazetteer.holder(f"{phrase} of {place}",
                                                      when=self.registry.when, country=None)]
                 if holder is not None}
        return next(iter(found.values())) if len(found) == 1 else None

    def _named_holder(self, phrase: str, head: str, pos: int) -> ActorLike | None:
        """The person already named in the article who holds a bare title ("the Prime
        Minister") on the article's date, trying the countries of the actors named so
        far, most recently mentioned first; the title must hold the phrase's head word,
        so that "the prime minister" is never a chancellor."""
        named = [e for e in self.registry.entities() if e.known and e.mentions]
        named.sort(key=lambda e: max((m[0] for m in e.mentions if m[0] < pos), default=-1),
                   reverse=True)
        ids = {e.id for e in named if e.kind == "person"}
        tried: set[str] = set()
        for entity in named:
            actor = self.gazetteer.get(entity.id)
            country = actor.country if actor is not None else None
            if country is None or country in tried:
                continue
            tried.add(country)
            holder = self.gazetteer.holder(phrase, when=self.registry.when, country=country)
            if holder is None or holder.id not in ids:
                continue
            role = holder.role_at(self.registry.when)
            if role is not None and head.lower() in role.title.lower():
                return holder
        return None

    def _former_holder(self, key: RoleKey, head: str) -> Resolution | None:
        """"the former Russian president" after "the deputy chair of Russia's security
        council, Dmitry Medvedev": the one person named in the article whom the gazetteer
        knows to have held that office before the article's date."""
        when = self.registry.when
        found: list[Entity] = []
        for entity in self.registry.entities():
            actor = self.gazetteer.get(entity.id) if entity.known and entity.kind == "person" \
                else None
            if actor is None or not entity.mentions:
                continue
            if any(role.end is not None and (when is None or role.end < when)
                   and head in role.title.lower().split()
                   and (key.country is None or role.country == key.country)
                   and all(w in role.title.lower() for w in key.words if w != head)
                   for role in actor.roles):
                found.append(entity)
        if len(found) != 1:
            return None
        return Resolution(found[0], "role")

    def _role_holder(self, key: RoleKey, pos: int) -> Resolution | None:
        """The person the article names in this role: of several ("the president" after
        two presidents), the one last a subject or speaker; else the one taught last
        before ``pos``; else the first taught after it."""
        fits = self.registry.role_holders(key)
        if not fits:
            return None
        seen = [(self.history.last_seen(e.id, pos), p, e, how) for p, e, how in fits]
        best = max(seen, key=lambda f: (f[0], f[1] if f[1] <= pos else -f[1]))
        if best[0] < 0:
            before = [f for f in seen if f[1] <= pos]
            best = max(before, key=lambda f: f[1]) if before else min(seen, key=lambda f: f[1])
        return Resolution(best[2], best[3])

    def _organisation(self, doc: Any, start: int, end: int,
                      named: list[Named], pos: int) -> Resolution | None:
        root = doc[start:end].root
        phrase = _text(doc, start, end)
        actor = self.gazetteer.institution(phrase) or self.gazetteer.by_name(phrase)
        if actor is None and _common_definite(doc, start, end):
            # "the defence ministry" after "the Russian defence ministry": that one, before
            # the outlet's own or the tagger's word that it is an organisation of its own
            earlier = self._definite(doc, start, end, pos)
            if earlier is not None:
                return earlier
        if actor is None and self.outlet_country and root.pos_ == "PROPN" and not any(
                t.ent_type_ in ("GPE", "NORP") for t in root.subtree):
            # "the Ministry of Defence" in a British paper is Britain's; not "... in Moscow"
            actor = self.gazetteer.institution(phrase, country=self.outlet_country)
        if actor is None:
            heads = [root.i, *(c.i for c in root.children if c.dep_ == "appos")]
            for n in named:  # the organisation named by the head or its apposition
                if n.label == "PERSON" or not any(n.start <= h < n.end for h in heads):
                    continue
                text = plain(doc[n.start:n.end].text)
                actor = self.gazetteer.by_name(text)
                if actor is None and n.label in ("GPE", "ORG") and n.end - 1 in heads:
                    # a capital the tagger took for an organisation: "Minsk has denied"
                    code = self.gazetteer.country(text)
                    actor = self.gazetteer.state(code) if code else None
                if actor is None and n.label != "ORG" and self._described_as_body(
                        doc, root, text):
                    # "Tui, Europe's largest holiday company" (tagged a place): a company
                    return Resolution(self.registry.new(text, "organisation"), "organisation")
                if actor is None and n.label == "ORG":
                    # an organisation the gazetteer does not know, named as the article
                    # names it ("Yad Vashem", not "Yad Vashem, Israel's Holocaust memorial")
                    cut = next((t.i for t in doc[root.i:end] if t.is_punct), end)
                    name = _text(doc, start, cut) if root.i == n.end - 1 else text
                    return Resolution(self.registry.new(name, "organisation"), "organisation")
        if actor is None and root.pos_ == "NOUN" and not self._is_role_word(root):
            # "FSB security service", "RIA Novosti news agency"
            actor = next((a for name in _compound_names(root)
                          if (a := self.gazetteer.by_name(name)) is not None
                          and a.kind not in ("person", "state")), None)
        if actor is None and root.pos_ == "NOUN" and not self._is_role_word(root):
            appos = next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                          and start <= c.i < end), None)
            if appos is not None:  # "Russia's state-controlled energy firm, Gazprom,"
                lo, hi = noun_phrase(appos)
                return Resolution(self.registry.new(_text(doc, lo, hi), "organisation"),
                                  "organisation")
        if actor is None and root.pos_ == "PROPN" and all(
                t.i == root.i or t.lower_ == "the" for t in doc[start:end]):
            code = self.gazetteer.country(root.text)  # "Kyiv said": Ukraine
            actor = self.gazetteer.state(code) if code else None
        if actor is None:
            return None
        return Resolution(self.registry.from_actor(actor), "organisation")

    def _possessed_institution(self, doc: Any, start: int, end: int,
                               pos: int) -> Resolution | None:
        """"its defence ministry" after a state: that state's institution ("North Macedonia
        plans to donate tanks, its defence ministry said"). The state is the first subject
        of the sentence when that names a country, else the last state a subject or
        speaker."""
        found = self._possessing_state(doc, start, end, pos)
        if found is None:
            return None
        code, words_from = found
        actor = self.gazetteer.institution(_text(doc, words_from, end), country=code) \
            if code else None
        return Resolution(self.registry.from_actor(actor), "organisation") if actor else None

    def _possessing_state(self, doc: Any, start: int, end: int,
                          pos: int) -> tuple[str | None, int] | None:
        """The country code of the state that owns a mention's institution and where the
        institution's words start: "the country's | military command" (``_the_country``),
        "its | defence ministry"; None for any other mention."""
        state = self._the_country(doc, start, end, pos)
        if state is not None:
            return self.gazetteer.country(state), start + 3
        if end - start < 2 or doc[start].lower_ != "its":
            return None
        sent = doc[start].sent
        subjects = [t for t in doc[sent.start:start] if t.dep_ in ("nsubj", "nsubjpass")
                    and t.pos_ == "PROPN"]
        code = None
        if subjects:
            head = subjects[0]
            lo = min([head.i, *(c.i for c in head.children if c.dep_ == "compound")])
            code = self.gazetteer.country(_text(doc, lo, head.i + 1))
        if code is None:
            owner = self.history.last(pos, kind="thing", gender=None, lex_gender=self.gender_of)
            if owner is None or owner.kind != "state":
                return None
            code = self.gazetteer.country(owner.name)
        return code, start + 1

    def _the_country(self, doc: Any, start: int, end: int, pos: int) -> str | None:
        """The name of the state "the country's" stands for at the head of a mention ("the
        country's defence ministry", "the nation's president"): the last country its
        sentence names before it ("Ukraine's second city, Kharkiv, came under fire, the
        country's military command said"), else the state last a subject or speaker;
        None for any other mention."""
        if end - start < 4 or doc[start].lower_ != "the" or doc[start + 1].lower_ not in \
                _COUNTRY_NOUNS or doc[start + 2].dep_ != "case":
            return None
        before = [e for e in doc[start].sent.ents if e.end <= start and e.label_ == "GPE"
                  and self.gazetteer.country(e.text) is not None]
        if before:
            return str(before[-1].text)
        state = self.history.last(pos, kind="state", gender=None, lex_gender=self.gender_of)
        return state.name if state is not None else None

    def _definite(self, doc: Any, start: int, end: int, pos: int) -> Resolution | None:
        """"the ministry" after "Britain's defence ministry": the last organisation named so."""
        root = doc[start:end].root
        if doc[start].lower_ != "the" or not (root.pos_ == "NOUN" or _common_definite(
                doc, start, end)):
            return None
        word = root.lemma_.lower()
        if word in _COUNTRY_NOUNS and root.tag_ == "NNS":
            return None  # "the two countries" are no one state
        if word in _COUNTRY_NOUNS:  # "the country said": the state last subject or speaker
            entity = self.history.last(pos, kind="state", gender=None, lex_gender=self.gender_of)
        else:  # "the ministry": the last so named a subject or speaker, else only named
            entity = self.history.last_named(pos, word, kinds=_THINGS) or \
                self.seen.last_named(pos, word, kinds=_THINGS)
        if entity is None and word in self.lex.body_nouns and end - start <= MAX_ANAPHOR and \
                not any(t.pos_ == "PROPN" for t in doc[start:end]):
            entity = self._last_body(pos)  # "Shell said ... The firm said": Shell
        return Resolution(entity, "definite") if entity is not None else None

    def _described_as_body(self, doc: Any, root: Any, text: str) -> bool:
        """True for a name no country has whose apposition is a company or outlet noun
        ("Uniper, Germany's largest gas importer")."""
        return self.gazetteer.country(text) is None and any(
            c.dep_ == "appos" and c.lemma_.lower() in self.lex.body_nouns
            for c in root.children)

    def _last_body(self, pos: int) -> Entity | None:
        """The organisation last a subject or speaker, else last named, close before
        ``pos``: one the article names that the gazetteer does not know (the gazetteer's
        are ministries, armies and international bodies: "the company" after "Poland's
        defence ministry" is someone else); none that is only described."""
        for history in (self.history, self.seen):
            entity = history.last(pos, kind="body", gender=None, lex_gender=self.gender_of)
            if entity is not None and entity.kind == "organisation" and not entity.known \
                    and not entity.described and \
                    pos - history.last_seen(entity.id, pos) <= MAX_POINTER_CHARS:
                return entity
        return None

    def _affiliation(self, doc: Any, start: int, end: int, named: list[Named],
                     pos: int) -> Resolution | None:
        """"researchers at the security firm SentinelOne", "analysts at Rusi": people
        described only by the organisation they speak "at" or "with" are that organisation
        (a place is none; "from" names where people come from: "refugees from Mariupol");
        so is "a spokesperson for Greenpeace", an unnamed spokesperson "for" a named body."""
        root = doc[start:end].root
        spokes = root.lemma_.lower() in SPOKESPEOPLE
        if not spokes and (root.tag_ != "NNS" or not (root.lemma_.lower() in self.lex.people
                                                      or self._is_role_word(root))):
            return None
        for prep in root.children:
            if prep.dep_ != "prep" or prep.lower_ not in (("for",) if spokes else (
                    "at", "with")) or not start <= prep.i < end:
                continue
            for obj in prep.children:
                name = organisation_name(obj) if obj.dep_ == "pobj" else None
                if name is None:
                    continue
                lo, hi = noun_phrase(name)
                hi = min(hi, end)
                return self._organisation(doc, lo, hi, named, pos) or Resolution(
                    self.registry.new(_text(doc, lo, hi), "organisation"), "organisation")
        return None

    def _described_again(self, doc: Any, start: int, end: int, pos: int) -> Resolution | None:
        """"The official" after "a European official": the unnamed source already met."""
        root = doc[start:end].root
        if doc[start].lower_ != "the" or root.pos_ != "NOUN" or end - start > MAX_ANAPHOR:
            return None
        entity = self.history.last_described(pos, root.lower_)
        return Resolution(entity, "definite") if entity is not None else None

    def _pointing_back(self, doc: Any, start: int, end: int, pos: int) -> Resolution | None:
        """"the Green politician" after "Germany's energy minister, Robert Habeck", "The
        veteran Russian diplomat" after Lavrov: a short definite description of public
        standing (``Lexicon.anaphors``) is the person last a subject or speaker, named
        and close before it, unless the description's nationality is not theirs."""
        root = doc[start:end].root
        if doc[start].lower_ != "the" or root.tag_ != "NN" or end - start > MAX_ANAPHOR + 1 \
                or root.lemma_.lower() not in self.lex.anaphors or root.i != end - 1:
            return None  # "the leader of the republic" says whom it leads: no pointer
        gender = self.lex.gendered_roles.get(root.lower_)
        entity = self.history.last(pos, kind="person", gender=gender, lex_gender=self.gender_of)
        if entity is None or entity.described or \
                pos - self.history.last_seen(entity.id, pos) > MAX_POINTER_CHARS:
            return None
        if entity.known and root.lemma_.lower() not in self.lex.office_anaphors:
            return None  # "The journalist denied it" after Peskov is the arrested reporter
        countries = {self._country(t.text) for t in doc[start + 1:root.i]} - {None}
        if countries and self._person_country(entity) not in countries | {None}:
            return None  # "the Russian diplomat" is not Blinken
        return Resolution(entity, "definite")

    def _person_country(self, entity: Entity) -> str | None:
        """The country a person serves: the gazetteer's, else a role the article taught."""
        actor = self.gazetteer.get(entity.id) if entity.known else None
        if actor is not None and actor.country:
            return actor.country
        return next((key.country for key, e, _, _ in self.registry.roles
                     if e is entity and key.country), None)

    def _description(self, doc: Any, start: int, end: int) -> Resolution:
        root = doc[start:end].root
        kind = "group" if root.tag_ in ("NNS", "NNPS") or root.lemma_.lower() in \
            self.lex.groups else (
            "person" if self._is_role_word(root) or root.lemma_.lower() in self.lex.people
            else "organisation")
        cut = next((t.i for t in doc[root.i:end] if t.is_punct and t.text != "-"), end)
        cut = min([cut, *(t.left_edge.i for t in doc[root.i + 1:cut] if t.dep_ == "relcl"
                          and t.left_edge.i > root.i)])  # "experts | who are tracking ..."
        entity = self.registry.new(_text(doc, start, max(cut, root.i + 1)), kind)
        entity.described = True
        entity.gender = entity.gender or self.lex.gendered_roles.get(root.lower_)  # spokeswoman
        return Resolution(entity, "description")

    # --- helpers ----------------------------------------------------------------------

    def _is_role_word(self, tok: Any) -> bool:
        return tok.lemma_.lower() in self.lex.roles or tok.lower_ in self.lex.roles

    def _definite_np(self, doc: Any, start: int, end: int) -> bool:
        first = doc[start].lower_
        if first in INDEFINITE:
            return False
        return doc[start:end].root.tag_ not in ("NNS", "NNPS")

    def _country(self, word: str) -> str | None:
        return self.gazetteer.country(word)

    def gender_of(self, entity: Entity) -> str | None:
        """A person's gender ("m" or "f"): known, else the usual one of their given name."""
        if entity.gender or not entity.given:
            return entity.gender
        return self.lex.first_names.get(entity.given[0].lower())



def _possessor(doc: Any, named: Named) -> bool:
    """True for a name written as a possessor ("Drueke's mother")."""
    last = doc[named.end - 1]
    return last.dep_ == "poss" or (named.end < len(doc) and doc[named.end].tag_ == "POS")


def _oblique(doc: Any, named: Named, root: Any) -> bool:
    """True for a name inside a prepositional phrase of the mention ("a friend of
    Vladimir Putin", "an adviser to Zelenskiy"): the mention is someone else."""
    tok = doc[named.end - 1]
    for _ in range(len(doc)):
        if tok.i == root.i or tok.head.i == tok.i:
            return False
        if tok.dep_ in ("pobj", "prep"):
            # "the head of the Commission, Ursula von der Leyen": set off by commas, the
            # name is in apposition to the whole mention, whatever the parse says
            return not (named.start > 0 and doc[named.start - 1].text == ",")
        tok = tok.head
    return False


def _modifier(doc: Any, named: Named, root: Any) -> bool:
    """True for a name that only modifies the head noun ("the Biden administration")."""
    return root.pos_ == "NOUN" and not named.start <= root.i < named.end and all(
        (doc[i].head.i == root.i and doc[i].dep_ in ("compound", "nmod", "amod"))
        or named.start <= doc[i].head.i < named.end for i in range(named.start, named.end))


def _common_definite(doc: Any, start: int, end: int) -> bool:
    """"the defence ministry": "the" and lower-case words only, whatever the tagger calls
    them (after a quotation it may take them for a name)."""
    return end - start > 1 and doc[start].lower_ == "the" and all(
        t.text.islower() or not t.is_alpha for t in doc[start + 1:end])


def _compound_names(root: Any) -> list[str]:
    """The proper names compounded onto a noun, each whole and then word by word ("RIA
    Novosti news agency": "RIA Novosti", "Novosti", "RIA")."""
    names = [c for c in root.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    whole = [root.doc[c.left_edge.i:c.i + 1] for c in names]
    return [w.text for w in whole if len(w) > 1 and all(t.pos_ == "PROPN" for t in w)] + [
        t.text for w in whole for t in w if t.pos_ == "PROPN"]


def _text(doc: Any, start: int, end: int) -> str:
    """The words of tokens ``start:end`` as written, leading articles left out."""
    while end - start > 1 and doc[start].lower_ in _LEADING:
        start += 1
    return plain(doc[start:end].text)  # a Span's text: Doc.text is rebuilt on every call


def _conjunct(head: Any, start: int, end: int) -> tuple[int, int]:
    """The tokens of one conjunct of a coordination, its own conjuncts left out."""
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in ("conj", "cc", "punct", "appos"):
            skip.update(t.i for t in child.subtree)
    kept = [t.i for t in head.subtree if t.i not in skip and start <= t.i < end]
    lo, hi = min(kept, default=head.i), max(kept, default=head.i)
    return lo, hi + 1
