"""What a cue reports: the content tokens of a reporting verb.

The clause the verb governs (``ccomp``); an infinitive for verbs that take one
("vowed to fight"); an object or prepositional phrase for verbs that take one
("accused leaders of ...", "called for talks", "sees the vote as a rebellion");
the object and its predicate ("called the plan "a disaster"", "calling Trump a
fascist"); or, when the parse hangs the verb under its content, the clause
around it ("It is over, he said", "The move, Carr explained, was ...", "As X
said, ..."). Where the parse hangs parts of the reported clause elsewhere, they
are taken back: "said in a statement that ...", "said it would win if ...",
"said seeing so many officers was ...". Other statements nested in a content
("..., despite Moscow insisting ...") are left out: each is its own quote.
"""

from __future__ import annotations

from typing import Any

from sitroom.attribution.lexicon import Lexicon, verb_lemma
from sitroom.attribution.sources import (
    PASSIVE_SUBJECTS,
    RELATIVE,
    SUBJECTS,
    has_subject,
    noun_phrase,
    own_source,
    source_of,
)

Token = Any  # spacy.tokens.Token: spaCy ships no type information

#: A verb that hangs under its content ("..., he said") carries one of these labels.
_INVERTED = frozenset({"parataxis", "ccomp", "dep"})
#: Punctuation that sets a parenthetical cue off from its content.
_CLAUSE_ENDS = frozenset({",", "”", '"', "’", "'", "—", "–", "''"})


def content_tokens(verb: Token, lemma: str, lex: Lexicon) -> list[Token]:
    """The tokens of what the verb reports, as the parse gives them (maybe none)."""
    heads: list[Token] = []
    nominal = lex.nominal.get(lemma)
    only = lemma in lex.nominal_only
    for child in verb.children:
        dep = child.dep_
        if dep == "ccomp" and not only:
            if child.i > verb.i or (_before_clause(verb, child) and not any(
                    c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
                    and (lemma in lex.speech or lemma in lex.thought)):  # not "..., backed"
                heads.append(child)
        elif dep == "xcomp":
            if child.tag_ == "VBG" and lemma in lex.gerund and child.i > verb.i:
                heads.append(child)  # "denied killing civilians"
            elif lemma in lex.infinitive and child.pos_ in ("VERB", "AUX"):
                heads.append(child)
                heads.extend(_addressee(verb, child))
        elif dep in ("oprd", "attr") and lemma in lex.predicative:
            heads.append(child)  # "called the suspension "arbitrary""
            heads.extend(c for c in verb.children if c.dep_ == "dobj")
        elif nominal is not None:
            if dep == "dobj" and "" in nominal and child.i > verb.i:
                heads.append(child)
            elif dep == "prep" and child.lower_ in nominal:
                objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                heads.extend(g for g in objects
                             if g.ent_type_ not in ("DATE", "TIME"))  # not "for Friday"
                if not objects and child.lower_ == "as":  # "described as “painful”"
                    heads.extend(g for g in child.children if not g.is_punct)
                if lemma in lex.nominal_keeps_object:
                    heads.extend(c for c in verb.children if c.dep_ == "dobj")
            elif dep == "advcl" and child.i > verb.i and any(
                    g.dep_ == "mark" and g.lower_ in nominal for g in child.children):
                heads.append(child)  # "calling for rivals to drop out", "for" parsed as a mark
    if not heads and nominal:
        # "accused the president of blackmail" with "of" hung on the object
        heads = [c for c in verb.children if c.dep_ == "dobj" and any(
            g.dep_ == "prep" and g.lower_ in nominal for g in c.children)]
    if not heads and lemma in lex.speech:
        heads = _clause_of_the_medium(verb) or _complement_read_as_relative(verb) or [
            h for h in _misparsed_clause(verb) if h.lemma_.lower() not in lex.media]
        # "posted a statement saying ...": the statement is no clause; it speaks itself
    naming = not heads and lemma in lex.predicative
    if naming:
        heads = _predicative(verb)
    if lemma in lex.predicative and any(c.dep_ == "dobj" and c.lower_ in ("which", "that",
                                                                          "whom")
                                        for c in verb.children):
        return []  # "a group which researchers have called Mustang Panda": a naming
    if not heads:
        return [] if only else _inverted_content(verb, lex.speech)
    heads.extend(_hung_on_the_verb(verb, heads))
    heads.extend(_conjoined_content(verb, heads))
    nested = _nested_statements(verb, heads, lex)
    tokens: list[Token] = []
    for head in heads:
        tokens.extend(t for t in head.subtree if t.i not in nested and not (
            t.head.i == head.i and t.dep_ == "mark" and t.i < head.i and t.lower_ == "for"))
    if nominal is not None and tokens and not naming and all(
            h.dep_ in ("pobj", "pcomp", "dobj") for h in heads):
        last = max(t.i for t in tokens)  # "called for the conflict to be resolved"
        other = {t.i for c in verb.children if c.i > last and (c.dep_ in ("conj", "cc") or (
            c.dep_ == "advcl" and (any(g.dep_ == "mark" for g in c.children) or (
                verb_lemma(c, lex.cue_verbs) in lex.speech))))
                 for t in c.subtree}  # "accused X of Y | and called on Z to ...", "| charging
        # that ...", "backed X | after Y warned ...": a second statement, or the writer's
        # circumstance
        under = {t.i for t in verb.subtree}
        doc = verb.doc
        k = last + 1
        while k < len(doc) and k in under and k not in nested and k not in other:
            tokens.append(doc[k])  # the rest of the verb's phrase, up to a second statement
            k += 1
    return tokens


def _addressee(verb: Token, infinitive: Token) -> list[Token]:
    """Whom a verb of asking tells to act, before the infinitive: "urged residents | to
    leave", "called on its residents | to evacuate" (the request is about them)."""
    out: list[Token] = []
    for child in verb.children:
        if child.i >= infinitive.i:
            continue
        if child.dep_ == "dobj" and child.i > verb.i:
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ == "on" and child.i == verb.i + 1:
            out.extend(g for g in child.children if g.dep_ == "pobj")
    return out


def _clause_of_the_medium(verb: Token) -> list[Token]:
    """"said in a statement that ...", "told reporters in an interview that ...": the
    parse hangs the reported clause on the medium's noun; it is the verb's content."""
    return [clause for prep in verb.children if prep.dep_ == "prep" and prep.i > verb.i
            for noun in prep.children if noun.dep_ == "pobj"
            for clause in noun.children if clause.dep_ in ("acl", "relcl") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in clause.children)]


def _complement_read_as_relative(verb: Token) -> list[Token]:
    """"informed customers that gas prices may rise": the parse hung the reported clause
    on the addressee as a relative clause, but its "that" is a conjunction (a mark), not
    a relative pronoun, so the clause is the verb's content."""
    return [clause for obj in verb.children if obj.dep_ == "dobj" and obj.i > verb.i
            for clause in obj.children if clause.dep_ == "relcl" and any(
                g.dep_ == "mark" and g.lower_ == "that" and g.i < clause.i
                for g in clause.children)]


#: Tags of a finite verb: a clause has one, a noun phrase object does not.
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _misparsed_clause(verb: Token) -> list[Token]:
    """A reported clause the parse took for an object or a participle: "said seeing so many
    officers was a welcome sight" (xcomp), "say the more delegates he takes, the more ..."
    (dobj). Taken when the object holds a finite verb and follows the verb directly;
    "said a prayer" and "told reporters" hold none."""
    for child in verb.children:
        if child.left_edge.i == verb.i + 1 and child.dep_ in ("dobj", "xcomp") and (any(
                t.tag_ in FINITE and not _in_relative_clause(t, child) for t in child.subtree
        ) or _past_read_as_participle(child)) and not any(
                t.tag_ in ("WDT", "WP") for t in child.subtree):  # "a man who was ..."
            return [child, *(c for c in verb.children if c.i > child.i and c.dep_ not in (
                "punct", "cc", "conj") and not _circumstance(c))]
    return []


#: Subordinators of the writer's circumstances, not of what was said: "..., while the
#: German chancellor expressed shock", "after talks in Kyiv".
_CIRCUMSTANCE_MARKS = frozenset({"while", "whereas", "after", "before", "when"})


def _circumstance(clause: Token) -> bool:
    return clause.dep_ == "advcl" and any(
        g.dep_ == "mark" and g.lower_ in _CIRCUMSTANCE_MARKS for g in clause.children)


def _past_read_as_participle(obj: Token) -> bool:
    """"said the “despicable” killings | added to evidence of war crimes": a past tense the
    tagger read as a participle modifying the object, right after it, with an object or
    preposition of its own and no auxiliary or "by" agent ("the killings committed by
    troops" is a noun phrase)."""
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.i == obj.i + 1 and not any(
        g.dep_ in ("aux", "auxpass", "agent") for g in c.children) and any(
        g.dep_ in ("prep", "dobj") for g in c.children) for c in obj.children)


def _in_relative_clause(tok: Token, top: Token) -> bool:
    """True when a token sits in a relative clause below ``top``: "charged a man who | was
    arrested", "posted a loss that | has alarmed investors" (an auxiliary included)."""
    node = tok
    while node.i != top.i:
        if _relative_clause(node):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _relative_clause(verb: Token) -> bool:
    """True for the verb of a relative clause opened by a pronoun ("a prayer that we knew")."""
    return bool(verb.dep_ == "relcl" and any(
        c.lower_ in RELATIVE and c.i < verb.i for c in verb.children))


#: Subordinators of a clause that the parse hangs on the cue verb although it belongs to
#: the reported clause: "said it would win | if turnout held", "| because ..."
_CONTENT_MARKS = frozenset({"if", "because", "unless", "although", "though", "since",
                            "while", "whereas", "so"})


def _clauses_after(verb: Token, heads: list[Token]) -> list[Token]:
    """The reported clauses among the content heads that follow the verb."""
    return [h for h in heads if h.dep_ == "ccomp" and h.i > verb.i]


def _hung_on_the_verb(verb: Token, heads: list[Token]) -> list[Token]:
    """Conditional and causal clauses right after a reported clause that the parse hangs
    on the cue verb: "said the party would win if turnout held" reports the condition too.
    Only clauses after the content, opened by a subordinator (not "adding ...", "as ...")."""
    clauses = _clauses_after(verb, heads)
    if not clauses:
        return []
    end = max(t.i for h in clauses for t in h.subtree)
    return [c for c in verb.children if c.dep_ == "advcl" and c.i > end and any(
        g.dep_ == "mark" and g.lower_ in _CONTENT_MARKS and g.i < c.i for g in c.children)]


#: Tags of a verb that can head a reporting clause of its own ("said ... and added").
_REPORTING_FORMS = frozenset({"VBD", "VBZ", "VBP", "VBN", "VBG"})


def _conjoined_content(verb: Token, heads: list[Token]) -> list[Token]:
    """Parts of a reported clause that the parse coordinates with the cue verb instead:
    "said the decision made her “stomach ache”, but that ... it was vital" (a second
    clause opened by "that", which ``quotes`` then gives as a statement of its own),
    "said it would leave the partnership, unbolt its modules and use them ..." (bare
    infinitives after a modal, which a finite "said" cannot share). Only after the
    content, and never a verb with a subject of its own."""
    clauses = _clauses_after(verb, heads)
    if not clauses:
        return []
    end = max(t.i for h in clauses for t in h.subtree)
    modal = any(c.tag_ == "MD" for h in clauses for c in h.children)
    out: list[Token] = []
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i <= end:
            continue
        if any(g.dep_ == "mark" and g.lower_ == "that" and g.i < conj.i for g in conj.children):
            out.append(conj)
        elif modal and conj.tag_ == "VB" and verb.tag_ in _REPORTING_FORMS and not \
                has_subject(conj):
            out.append(conj)
            out.extend(c for c in conj.children if c.dep_ == "conj" and c.tag_ == "VB")
    return out


#: Children of a naming verb that hold what it names and what it calls it, as the parse
#: splits "called Trump a fascist" (xcomp + dobj), "called his actions “a step”" (appos).
_NAMING_PARTS = frozenset({"dobj", "xcomp", "ccomp", "dative", "oprd", "attr", "npadvmod"})


def _predicative(verb: Token) -> list[Token]:
    """What a naming verb ("call", "label", "brand") says, where the parse gives no
    predicate: its object when a second noun phrase goes with it ("calling Trump a
    fascist", "called his actions “a crucial step”") or the words are quoted. "called
    the police" and "called a press conference" have neither, and are no statement."""
    parts = [c for c in verb.children if c.i > verb.i and c.dep_ in _NAMING_PARTS]
    if not parts:
        return []
    words = [c for c in verb.children if c.i > parts[-1].i and not c.is_punct
             and c.dep_ not in ("cc", "conj")]  # "| and saying ...": a statement of its own
    after = parts[-1].right_edge.i + 1
    if parts[-1].dep_ == "dobj" and words and after < len(verb.doc) and verb.doc[after].is_quote:
        return [*parts, *words]  # "called the decision “better late than never”"
    second = len(parts) >= 2 or any(
        g.i > part.i and g.dep_ in ("appos", "dobj", "oprd", "attr")
        for part in parts for g in part.children)
    quoted = any(t.is_quote for part in parts for t in part.subtree)
    return parts if second or quoted else []


def _nested_statements(verb: Token, heads: list[Token], lex: Lexicon) -> set[int]:
    """Tokens of other statements inside a content: "..., despite Russia claiming ...",
    "warned that ... but also reminded the public that ..." (each is its own quote)."""
    out: set[int] = set()
    cue_verbs = lex.cue_verbs
    for head in heads:
        for tok in head.subtree:
            if tok.i == head.i or tok.i in out or tok.pos_ != "VERB":
                continue
            lemma = verb_lemma(tok, cue_verbs)
            if lemma not in cue_verbs or not _takes_content(tok, lex) or result_infinitive(
                    tok, lemma, lex):
                continue
            source = source_of(tok, lex) if tok.dep_ in ("pcomp", "advcl", "relcl") else None
            if source is not None and tok.dep_ == "relcl" and _held(source, lex):
                continue  # "had information that indicated ...": what the speaker has
            if (tok.dep_ == "conj" and not has_subject(tok)) or source is not None:
                top = tok
                if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
                    top = tok.head
                out.update(t.i for t in top.subtree)
                if source is not None and source.i < tok.i and not source.is_ancestor(tok) \
                        and own_source(tok, source):
                    # "..., despite Moscow insisting ...": the nested source goes too
                    lo, _ = noun_phrase(source)
                    if source.dep_ == "pobj" and source.head.i < lo:
                        lo = source.head.i
                    if lo > 0 and source.doc[lo - 1].dep_ == "cc":
                        lo -= 1  # "... and Vladimir Putin insisting"
                    out.update(range(lo, tok.i))
                out.update(t.i for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i
                           for t in c.subtree)  # "but also"
    return out


def _held(noun: Token, lex: Lexicon) -> bool:
    """A noun for what a speaker has ("information", "evidence"): a relative clause on it
    says what the outer speaker knows, not a statement of its own (unlike "a report that
    said ..." or "the facility, which describes itself as ...")."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in lex.held


def result_infinitive(verb: Token, lemma: str, lex: Lexicon) -> bool:
    """True for an infinitive that tells what happened next, after a verb of coming and
    going: "returned home to find a rocket had hit", "woke up to discover"."""
    return lemma in lex.result_infinitive and verb.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and (
        verb.head.lemma_.lower() in lex.result_heads)


def _takes_content(verb: Token, lex: Lexicon) -> bool:
    """True when a cue verb has a statement of its own: a clause, an infinitive, a
    quotation or a prepositional content ("and called for talks"). A verb with only an
    object ("he fears returning home and is seeking asylum", "for Ginsburg to criticize
    Trump") is part of the content around it, not a second statement cut out of it."""
    lemma = verb_lemma(verb, lex.cue_verbs)
    nominal = lex.nominal.get(lemma, frozenset())
    for child in verb.children:
        if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and lemma in lex.infinitive):
            return True
        if child.is_quote or (child.dep_ == "prep" and child.lower_ in nominal):
            return True
        if child.dep_ == "dobj" and "" in nominal and lemma in lex.speech and any(
                t.lower_ == "also" for t in verb.doc[max(0, verb.i - 2):verb.i]):
            return True  # "said ... but also blamed the policies of ...": a second statement
    return False


def _before_clause(verb: Token, clause: Token) -> bool:
    """True for a content clause before its verb, set off by a comma: "X, she said"."""
    words = [t.i for t in clause.subtree if not t.is_punct]
    if not words:
        return False
    doc = verb.doc
    return any(doc[i].text in _CLAUSE_ENDS for i in range(max(words) + 1, verb.i))


def _inverted_content(verb: Token, speech: frozenset[str]) -> list[Token]:
    """The clause around a verb that the parse hangs under it: "It is over, he said",
    "The move, Carr explained, was ..."; or what follows a misparsed "that"."""
    doc = verb.doc
    head = verb.head
    words = [t.i for t in verb.subtree if not t.is_punct]
    left, right = min(words), max(words)
    if head.i != verb.i and verb.dep_ in _INVERTED and head.pos_ in ("VERB", "AUX"):
        comma_before = left > 0 and doc[left - 1].text in _CLAUSE_ENDS
        if head.i < verb.i and comma_before:
            return [t for t in head.subtree if t.i < left]
        comma_after = right + 1 < len(doc) and doc[right + 1].text in _CLAUSE_ENDS
        if head.i > verb.i and comma_before and comma_after:
            # "The move, Carr explained, was ...": the subject before the cue belongs to the
            # content; "After all, she argued, Obama ...": an opening phrase does not
            subject_before = any(c.dep_ in SUBJECTS | PASSIVE_SUBJECTS and c.i < left
                                 for c in head.children)
            return [t for t in head.subtree if t.i > right + 1
                    or (subject_before and t.i < left - 1)]
    if _inverted_conjunct(verb, head, left, right, speech):
        return [t for t in head.subtree if t.i < left - 1]  # "Y, the ministry has said in ..."
    if verb.dep_ == "advcl" and verb.lemma_.lower() in speech and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return [t for t in head.subtree if not left <= t.i <= right and not (
            t.is_punct and t.i in (left - 1, right + 1))]  # "As X said, Y"
    after = [t for t in verb.subtree if t.i > verb.i]
    if after and after[0].lower_ == "that" and len(after) > 2:
        return after[1:]  # "noting that ..." where the parse lost the clause
    return []


def _inverted_conjunct(verb: Token, head: Token, left: int, right: int,
                       speech: frozenset[str]) -> bool:
    """A cue clause after its content that the parse joined to the content's verb as a
    conjunct: "Russia has been forced to merge units, the UK's Ministry of Defence has
    said in its latest report released on Saturday." Taken when a comma, not "and" or
    "but", sets the clause off, it has its own subject and it ends the sentence. (The
    surface rule ``cues._closing_attribution`` reads such clauses first when only
    adverbials follow the verb; this one keeps those with a participle after it.)"""
    doc = verb.doc
    if verb.dep_ != "conj" or head.i > verb.i or head.pos_ not in ("VERB", "AUX") or (
            verb.lemma_.lower() not in speech):
        return False
    if left == 0 or doc[left - 1].text != "," or any(c.dep_ == "cc" for c in verb.children):
        return False
    if not any(c.dep_ in SUBJECTS and left <= c.i < verb.i for c in verb.children):
        return False
    sent = verb.sent
    return all(doc[i].is_punct or doc[i].is_space for i in range(right + 1, sent.end))


def char_span(doc: Any, tokens: list[Token]) -> tuple[int, int] | None:
    """The character span of a set of tokens, without a leading "that" or edge punctuation."""
    if not tokens:
        return None
    lo = min(t.i for t in tokens)
    hi = max(t.i for t in tokens) + 1
    while lo < hi and ((doc[lo].is_punct and not doc[lo].is_quote) or (doc[lo].lower_ == "that"
                       and doc[lo].dep_ in ("mark", "dobj", "nsubj") and lo + 1 < hi)):
        lo += 1
    while hi > lo and doc[hi - 1].is_punct and not doc[hi - 1].is_quote:
        hi -= 1
    if lo >= hi:
        return None
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
