"""Who a cue's source is: the subject, agent or modified noun of a reporting verb.

``source_of`` follows the dependency parse: the verb's own subject (``nsubj``),
a passive's agent, the noun a participle or relative clause modifies
("agencies ... claiming", "the official who said"), a subject shared with
another verb ("warned ... but also reminded", "issued a warning, saying ...";
a reporting verb further up is preferred), and, where the parse lost the
subject, an actor's name written right before the verb ("and Vladimir Putin
insisting", "the governor, Serhiy Haidai, said"). ``noun_phrase`` is the
source's words, the clauses about it left out.
"""

from __future__ import annotations

from typing import Any

from sitroom.attribution.lexicon import Lexicon, verb_lemma

Token = Any  # spacy.tokens.Token: spaCy ships no type information

#: Dependency labels of a verb's subject, active and passive.
SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
#: Children dropped from a speaker's noun phrase: clauses about the speaker, not names.
_SPEAKER_DROP = frozenset({"relcl", "acl", "advcl", "punct", "cc", "prep", "parataxis",
                           "advmod"})  # "even she said": the source is "she"
#: Relative pronouns: their antecedent is the speaker.
RELATIVE = frozenset({"who", "that", "which", "whom"})
#: How far up the tree a shared subject is looked for ("said X and added Y").
MAX_CLIMB = 4


#: Participles that carry on the speaker's own statement wherever the parse hangs them
#: ("said the convoy should arrive on Tuesday, adding that ..."); "saying", "insisting"
#: after a reported clause are often its subject's ("Kyiv said Moscow had rejected it,
#: saying it was a trick").
_CONTINUING = frozenset({"add"})


def source_of(verb: Token, lex: Lexicon) -> Token | None:
    """The head token of the verb's source, following shared subjects up the tree."""
    if verb.tag_ == "VBG" and not has_subject(verb):
        before = _actor_before(verb, lex, comma=False) or _with_subject(verb)
        if before is not None:
            return before  # "... and Vladimir Putin insisting "we don't want war""
    current = verb
    for _ in range(MAX_CLIMB):
        subject = subject_of(current)
        if subject is not None:
            return _after_dateline(subject, current)
        if _is_passive(current):
            if current.i != verb.i and current.lemma_.lower() in lex.passive_speech:
                # "X was quoted as saying", "X is said to have warned"
                return next((c for c in current.children if c.dep_ in PASSIVE_SUBJECTS), None)
            return None
        dep = current.dep_
        head = current.head
        if head.i == current.i:
            break
        if _main_verb_read_as_modifier(current, head, climbed=current.i != verb.i):
            return head  # "The German chancellor, Olaf Scholz, conceded ... that ..."
        if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON") and (
                dep == "relcl" or current.tag_ == "VBG"):
            return head  # "agencies ... claiming", "a minister who said"; not "the courage to"
        if dep == "conj":
            if head.tag_ == "VBG" and not has_subject(head):
                shared = _with_subject(head)
                if shared is not None:
                    return shared  # "with Peskov calling the claims ... and saying ..."
            # coordinated verbs share a subject; a cue verb further up is the better source
            reporting = _reporting_ancestor(current, lex)
            current = reporting if reporting is not None else head
            continue
        if dep == "pcomp" and head.pos_ == "ADP" and head.head.pos_ in ("VERB", "AUX"):
            person = next((c for c in head.head.children if c.dep_ == "dobj"
                           and c.i < head.i), None)
            if person is not None and head.lower_ == "as":
                return person  # "Reuters quoted the mayor as saying": the mayor's words
            current = head.head  # "was quoted as saying"
            continue
        if dep == "xcomp" and head.pos_ == "VERB" and current.i == verb.i:
            controller = next((c for c in head.children if c.dep_ == "dobj"
                               and head.i < c.i < current.i), None)
            if controller is not None and (controller.pos_ == "PROPN" or (
                    controller.lemma_.lower() in lex.people | lex.roles)):
                return controller  # "prompting military analysts to suggest that ...";
                # not "used satellite data to discover that ..."
        if dep == "advcl" and current.tag_ == "VBG" and head.dep_ == "ccomp" and (
                current.lemma_.lower() in _CONTINUING) and (
                verb_lemma(head.head, lex.cue_verbs) in lex.speech):
            current = head.head  # "said the column should reach X on Tuesday, | adding that"
            continue
        if dep in ("advcl", "xcomp", "pcomp") and head.pos_ in ("VERB", "AUX"):
            current = head  # "issued a warning, saying ...", "went on to say"
            continue
        break
    if current.i == verb.i and not _is_passive(verb) and not (
            verb.dep_ == "acl" and verb.tag_ == "VBN"):  # "Republicans regarded as ...": none
        return _actor_before(verb, lex)  # a misparse: "It comes as the governor, X, said ..."
    return None


def _main_verb_read_as_modifier(verb: Token, head: Token, *, climbed: bool = False) -> bool:
    """True for a sentence's main verb that the parse hung on its subject as a participle
    ("The chancellor, Olaf Scholz, conceded in an interview that ..." with "chancellor" as
    the root): the sentence has no other verb, and the verb reports a clause, or a cue
    below it was ``climbed`` from ("The EU's foreign affairs chief, Josep Borrell, hit
    back by saying ...")."""
    return bool(verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and head.dep_ == "ROOT"
                and head.pos_ in ("NOUN", "PROPN") and verb.i > head.i
                and (climbed or any(c.dep_ == "ccomp" and c.i > verb.i
                                    for c in verb.children)))


def _with_subject(verb: Token) -> Token | None:
    """The subject of a participle in a "with" clause that the parse hung on the main
    verb ("The Kremlin denied it, with Putin's spokesperson, Dmitry Peskov, calling the
    claims unjustified"): the object of a "with" set off by a comma, whose phrase ends
    right before the participle or at a comma closing its apposition. "Scholz spoke by
    phone with Putin, urging him ..." is Scholz's: that "with" is no clause of its own."""
    doc = verb.doc
    j = verb.i - 1
    comma = j >= 0 and doc[j].text == ","
    if comma:
        j -= 1
    if j < 0:
        return None
    last = doc[j]
    noun = last
    while noun.dep_ in ("appos", "compound", "flat") and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ != "pobj" or noun.head.lower_ != "with" or noun.right_edge.i < j or (
            noun.pos_ not in ("NOUN", "PROPN")):
        return None
    opening = noun.head.i
    if opening > noun.sent.start and doc[opening - 1].text != ",":
        return None  # "spoke by phone with Putin, urging him": Putin is no subject
    if comma and not (last.dep_ == "appos" or any(c.dep_ == "appos" for c in noun.children)):
        return None  # the comma must close an apposition: "with X, a local official, saying"
    return noun


def own_source(verb: Token, source: Token) -> bool:
    """True when the source is the verb's own: its subject or agent, the noun it
    modifies, or the name written right before it."""
    if source.head.i == verb.i or verb.head.i == source.i:
        return True
    if source.head.dep_ == "agent" and source.head.head.i == verb.i:
        return True
    return bool(verb.i - 2 <= source.i < verb.i)


def speaker_phrase(head: Token, cue: int | None = None) -> tuple[int, int]:
    """The source's noun phrase, with a second subject right after it that the parse
    split off ("news agencies | RIA and TASS reported": one source, in apposition).

    The phrase never reaches the cue word ``cue``: where a misparse hangs the verb
    under its own subject, the phrase stops at the verb ("Ukraine | said on Monday ...").
    """
    lo, hi = noun_phrase(head)
    lo = max(lo, min(dateline_end(head.doc), head.i))  # "BAKHMUT, Ukraine — | Russia's ..."
    if head.dep_ in SUBJECTS:
        for sibling in head.head.children:
            if sibling.i > head.i and sibling.dep_ in SUBJECTS and _adjoins(head, hi,
                                                                             sibling):
                hi = noun_phrase(sibling)[1]
    if cue is not None and lo <= cue < hi and cue != head.i:
        if head.i < cue:
            hi = cue
        else:
            lo = cue + 1
        doc = head.doc
        while hi - 1 > head.i and doc[hi - 1].is_punct:
            hi -= 1
    return lo, hi


#: Dashes that end a place dateline ("BAKHMUT, Ukraine — ...", "LONDON, June 1 (Reuters) -").
_DATELINE_DASHES = frozenset({"—", "–", "--", "-"})
#: The most tokens of a place dateline before its dash.
MAX_DATELINE_TOKENS = 10


def dateline_end(doc: Any) -> int:
    """The first token after a place dateline that opens the paragraph ("BAKHMUT,
    Ukraine — Russia's defence ministry said": "Russia's" is 4), else 0.

    A dateline is a place in capitals, then a comma or the dash at once; after the
    comma only capitalised words, numbers (a date) and a bracketed agency ("(AP)")
    come before the dash. "FBI Director Christopher Wray — testifying before Congress
    — said" has no comma after "FBI": no dateline.
    """
    if len(doc) < 3 or not (doc[0].text.isupper() and len(doc[0].text) > 2
                            and doc[0].is_alpha):
        return 0
    if doc[1].text in _DATELINE_DASHES:
        return 2
    if doc[1].text != ",":
        return 0
    for tok in doc[2:MAX_DATELINE_TOKENS + 1]:
        if tok.text in _DATELINE_DASHES:
            return int(tok.i) + 1
        if not (tok.text[:1].isupper() or tok.like_num or tok.text in ("(", ")", ",")):
            return 0
    return 0


def _after_dateline(subject: Token, verb: Token) -> Token:
    """The subject, or the phrase the parse set in apposition to a dateline's place
    ("BAKHMUT, Ukraine — Russia's defence ministry said": the ministry, not Ukraine),
    else the phrase between the dateline and the verb."""
    doc = subject.doc
    end = dateline_end(doc)
    if subject.i >= end:
        return subject
    appos = next((c for c in subject.children if c.dep_ == "appos" and c.i >= end), None)
    if appos is not None:
        return appos
    between = [t for t in doc[end:verb.i] if t.pos_ in ("NOUN", "PROPN", "PRON")]
    words = {t.i for t in doc[end:verb.i]}
    roots = [t for t in between if t.head.i not in words]
    return roots[0] if roots else subject


def _adjoins(head: Token, hi: int, sibling: Token) -> bool:
    """True when the second subject starts where the first one's phrase ends, over at most
    one word of the first or an adverb ("Russia's | then | deputy prime minister ...")."""
    doc = head.doc
    gap = range(hi, sibling.left_edge.i)
    if len(gap) == 1 and doc[gap[0]].text == "," and sibling.pos_ == "PROPN" and \
            head.pos_ == "NOUN":
        return True  # "Meta's lawyer, Victoria Shagina had said": the name in apposition
    return len(gap) <= 1 and all(doc[k].head.i == head.i or doc[k].pos_ == "ADV" for k in gap)


#: Verbs whose subject owns the document it puts out ("the ministry released a video").
_PUBLISHING = frozenset({"publish", "release", "issue", "post", "put", "share", "circulate",
                         "distribute", "air", "broadcast"})


#: Participles whose agent wrote a document ("The report, compiled by two thinktanks").
_AUTHORING = frozenset({"compile", "write", "produce", "prepare", "author", "draft",
                        "publish", "release", "issue", "conduct", "carry"})


def owner_of(noun: Token) -> Token | None:
    """Whose a document, statement or view is: its "by" agent ("the announcement by X",
    "a tweet by the Ministry of Defence"), else its possessor unless that is a time
    ("Check Point's report", not "this week's announcement"), else the agent of a
    participle of writing ("The report, compiled by two thinktanks, ..."), else who put
    it out ("the Global Times has published a number of articles accusing ...")."""
    agent = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                  for g in c.children if g.dep_ == "pobj"), None) or next(
        (c for c in noun.children if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")),
        None) or next((g for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                       and c.lemma_.lower() in _AUTHORING for a in c.children
                       if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
    if agent is not None:
        return agent
    publisher = noun
    while publisher.dep_ == "pobj" and publisher.head.dep_ == "prep" and \
            publisher.head.lower_ == "of":
        publisher = publisher.head.head  # "a number | of articles"
    if publisher.dep_ == "dobj" and publisher.head.lemma_.lower() in _PUBLISHING:
        return subject_of(publisher.head)
    return None


def issued_from(noun: Token) -> Token | None:
    """The object of a document's "from" ("reports from RIA Novosti", "a statement from the
    Kremlin"), which may name who issued it, or only where it comes from ("a report from
    Kharkiv"): the caller decides by what it resolves to."""
    return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"
                 for g in c.children if g.dep_ == "pobj"), None)


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECTS or c.dep_ in PASSIVE_SUBJECTS for c in verb.children)


def _actor_before(verb: Token, lex: Lexicon, *, comma: bool = True) -> Token | None:
    """An actor's name right before the verb (over adverbs and one comma; before the
    comma, the name an apposition closed by it belongs to), or None."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and doc[j].dep_ in ("advmod", "aux", "neg") and doc[j].head.i == verb.i:
        j -= 1
    if comma and j >= 0 and doc[j].text == ",":
        anchor = doc[j].head  # the comma closing an apposition hangs on the name it follows
        if anchor.i < j and anchor.pos_ == "PROPN" and _names_actor(anchor, lex):
            return anchor  # "Jan Egeland, the head of the agency, which ... Sievierodonetsk,"
        j -= 1
    if j >= 0 and _names_actor(doc[j], lex):
        return _holder_of_place(doc[j], lex)
    return None


def _holder_of_place(tok: Token, lex: Lexicon) -> Token:
    """The role noun whose "at"/"of" phrase ends in ``tok`` ("the former permanent secretary
    at the Ministry of | Defence said"): the speaker is the person, not the ministry."""
    top = tok
    while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.i < top.i and \
            top.head.head.pos_ in ("NOUN", "PROPN"):
        top = top.head.head
    return top if top is not tok and top.pos_ == "NOUN" and top.lemma_.lower() in lex.roles \
        else tok


def _names_actor(tok: Token, lex: Lexicon) -> bool:
    """True for a word that ends the name of an actor: a proper name or a role noun."""
    if tok.pos_ == "PROPN":
        return tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.roles


def subject_of(verb: Token) -> Token | None:
    """The verb's own subject, or its passive agent; None for expletive "it"/"there"."""
    passive = verb.dep_ == "acl" and verb.tag_ == "VBN"  # "troops, described by X as ..."
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            if child.dep_ == "nsubj" and child.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            if child.tag_ == "EX":
                return None
            return child
        if child.dep_ in PASSIVE_SUBJECTS or child.dep_ == "auxpass":
            passive = True
    if passive:
        for child in verb.children:
            if child.dep_ == "agent":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children)


def _reporting_ancestor(verb: Token, lex: Lexicon) -> Token | None:
    """The nearest ancestor that is a reporting verb with a subject of its own."""
    cue_verbs = lex.cue_verbs
    for ancestor in verb.ancestors:
        if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in cue_verbs and subject_of(
                ancestor) is not None:
            return ancestor
    return None


def noun_phrase(head: Token) -> tuple[int, int]:
    """The token range of a source's noun phrase, clauses about it left out."""
    keep = [head]
    stack = [c for c in head.children if c.dep_ not in _SPEAKER_DROP or _keeps(c)]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(tok.children)
    lo = min(t.i for t in keep)
    hi = max(t.i for t in keep) + 1
    doc = head.doc
    while lo < head.i and (doc[lo].is_punct or doc[lo].dep_ == "cc"):
        lo += 1
    while hi - 1 > head.i and (doc[hi - 1].is_punct or doc[hi - 1].dep_ == "cc"):
        hi -= 1
    if hi < len(doc) and doc[hi].text == ")" and any(doc[k].text == "(" for k in range(lo, hi)):
        hi += 1  # "the Federation of German Industries (BDI)" keeps its closing bracket
    while hi < len(doc) and not doc[hi - 1].whitespace_ and "-" in (doc[hi - 1].text,
                                                                    doc[hi].text):
        hi += 1  # a hyphenated word the parse split: "Île-de-France", not "Île"
    return lo, hi


#: Role nouns whose "to" phrase is part of the role ("the US ambassador to Kyiv").
_ROLE_TO = frozenset({"ambassador", "envoy", "adviser", "advisor", "representative", "aide",
                      "delegate", "emissary", "counsellor", "counselor", "attaché", "attache",
                      "spokesman", "spokeswoman", "spokesperson", "successor", "heir"})


def _affiliation(prep: Token) -> bool:
    """"researchers at the security firm SentinelOne", "analysts at Rusi": people with the
    named organisation they speak from (a plural noun, a proper name after "at")."""
    if prep.lower_ not in ("at", "with") or prep.head.tag_ != "NNS":
        return False
    return any(obj.dep_ == "pobj" and organisation_name(obj) is not None
               for obj in prep.children)


#: Nouns of people who speak for a body: "a spokesperson for Greenpeace" is Greenpeace.
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative",
                          "mouthpiece"})


def _workplace(prep: Token) -> bool:
    """"a source at one of the UK's largest energy firms", "an official at the ministry":
    where a described person works belongs to the description; a place does not ("a
    resident at Kharkiv" is a resident)."""
    if prep.lower_ != "at" or prep.head.tag_ != "NN":
        return False  # plurals keep "at" for a named organisation only (``_affiliation``)
    return any(obj.dep_ == "pobj" and obj.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME")
               for obj in prep.children)


#: Entity types of a proper name that is no organisation ("residents at Kharkiv" is a place).
_NOT_ORGANISATIONS = frozenset({"GPE", "LOC", "NORP", "FAC", "PERSON", "DATE", "TIME"})


def organisation_name(obj: Token) -> Token | None:
    """The proper name of an organisation an object gives ("Rusi", "the security firm
    SentinelOne"), or None for a place, a people or a common noun."""
    name = next((c for c in obj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), obj)
    if name.pos_ != "PROPN" or name.ent_type_ in _NOT_ORGANISATIONS:
        return None
    return name


def _keeps(child: Token) -> bool:
    """Prepositions that belong to a role ("the governor of Luhansk", "the ambassador to
    Kyiv, Bridget Brink"), and "and" in groups."""
    if child.dep_ == "prep":
        return bool(child.lower_ == "of" or (child.lower_ == "to" and
                                             child.head.lemma_.lower() in _ROLE_TO)
                    or _affiliation(child) or _workplace(child)
                    or (child.lower_ == "for" and child.head.lemma_.lower() in SPOKESPEOPLE))
    return child.dep_ == "cc" and any(s.dep_ == "conj" for s in child.head.children)
