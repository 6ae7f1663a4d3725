"""Actor mentions: named actors from the lexicon, generic agents (``agents``), countries, people.

A mention's country comes from the words that modify it ("Syrian rebels",
"Lebanon's Hezbollah") or, for generic agents, from the article's main country.
Backing is read off the modifiers ("US-backed militias", "Turkish-backed rebels");
the relations stage turns those into records. Pronouns and definite descriptions
("the group", "he", "the commander") are resolved by :class:`ActorIndex`.
"""
from __future__ import annotations

from datetime import date
from types import MappingProxyType
from typing import Mapping, Optional

from ..geo.names import fold, without_article
from ..geo.namesakes import acronym
from ..lexicon.actors import ActorEntry, ActorLexicon
from ..model import Actor, Evidence
from .agents import FORMER_WORDS, AgentReader, country_name, evidence_of, inter_for
from .word_countries import BACKING_WORDS, CountryWords

# a country named as an actor ("Turkey backs ...", "Washington said") is the state as a
# whole: PLOVER (its gold records, NGEC's cases) gives it a country and no sector
STATE_SECTOR = None
# a title stands just before a name, as its compound or modifier: "US Senator Marco Rubio"
TITLE_WINDOW = 8
TITLE_DEPS = {"compound", "amod", "nmod", "punct", "npadvmod", "poss", "case"}
# where a town's name is an actor rather than a place (see ActorFinder._place_as_actor)
PLACE_ACTOR_DEPS = {"nsubj", "nsubjpass", "dobj", "ROOT"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative", "agent", "ROOT"}
PRONOUNS_PERSON = {"he", "she", "him", "her", "his"}
PRONOUNS_GROUP = {"it", "they", "them", "its", "their", "itself", "themselves"}


class ActorFinder(CountryWords):
    """Turns a parsed article into actor mentions."""

    def __init__(self, lexicon: ActorLexicon, gazetteer=None, phoenix=None):
        super().__init__(lexicon, gazetteer)
        # the compiled Phoenix dictionaries (sitrep.lexicon.phoenix), when built
        self.phoenix = phoenix
        self.agents = AgentReader(self)

    def forces_of(self, tok) -> Optional[Actor]:
        """'Russian' in 'a Russian missile strike': the armed forces of that country."""
        return self._of_country_word(tok, "Military Forces of {}", "MIL", "agent")

    def state_of(self, tok) -> Optional[Actor]:
        """'Senegalese' in 'a Senegalese peace plan': that country as a whole, which in
        PLOVER has a country and no sector (STATE_SECTOR)."""
        return self._of_country_word(tok, "Government of {}", STATE_SECTOR, "state")

    def _of_country_word(self, tok, name: str, sector: str, kind: str) -> Optional[Actor]:
        if tok.pos_ not in ("ADJ", "PROPN") or not tok.text[:1].isupper():
            return None
        code = self.country_of_word(tok.text)
        if code is None:
            return None
        return Actor(name=name.format(country_name(self.gazetteer, code)), country=code, sector=sector,
                     acled_inter=1, kind=kind, evidence=Evidence(tok.idx, tok.idx + len(tok), tok.text))

    def find(self, doc, text: str, pub_date: date, main_country: Optional[str],
             sentence_countries: Mapping[int, str] = MappingProxyType({})) -> tuple[Actor, ...]:
        """The actor mentions of a parsed article. ``sentence_countries``: by a sentence's
        first character, the one country its places are in (``AgentReader.agent``)."""
        mentions: list[Actor] = []
        covered: set[int] = set()
        for ent in doc.ents:
            entry = self.lexicon.actors.get(ent.ent_id_) if ent.ent_id_ else None
            if entry is not None:
                mentions.append(self._named(entry, ent, text, pub_date))
                covered.update(range(ent.start, ent.end))
            elif ent.label_ in ("GPE", "ORG") or self.lexicon.breakaway_parent(without_article(ent.text)) \
                    or (ent.label_ == "LOC" and self._is_country_name(ent.text)):
                # (a country's name the model labels a location, "South Sudan", is the state too)
                named = self._state_named_by(ent, text) if ent.root.dep_ in ARGUMENT_DEPS else None
                # (an organisation's acronym is no town: "an APC" is not Apc, Hungary)
                if named is None and ent.end - ent.start <= 3 and not (ent.label_ == "ORG" and acronym(ent.text)):
                    named = self._place_as_actor(ent.root, ent.start_char, ent.end_char, text)
                if named is None and ent.label_ == "ORG":
                    named = self._from_phoenix(ent, text, pub_date)
                if named is not None:
                    mentions.append(named)
                    covered.update(range(ent.start, ent.end))
            elif ent.label_ == "NORP" and ent.root.tag_ in ("NNS", "NNPS") and ent.root.dep_ in ARGUMENT_DEPS \
                    and not any(t.lower_ == "the" for t in ent.root.lefts):
                # "168 Liberians", "Palestinians": people of that country, civilians as
                # PLOVER's gold records code them (NGEC's cases give them no sector); "the
                # Russians" in war reporting often means an army, so it is left alone
                code = self.country_of_word(ent.root.text[:-1] if ent.root.text.endswith("s") else ent.root.text)
                if code:
                    mentions.append(Actor(name=f"Civilians ({country_name(self.gazetteer, code)})", country=code,
                                          sector="CVL", acled_inter=7, kind="agent",
                                          evidence=evidence_of(text, ent.start_char, ent.end_char)))
                    covered.update(range(ent.start, ent.end))
            elif ent.label_ == "NORP" and len(ent) == 1 and ent.root.pos_ == "ADJ" and ent.root.dep_ in PLACE_ACTOR_DEPS \
                    and not any(c.dep_ in ("conj", "cc") for c in ent.root.children):
                # "the British said", "British" alone: a demonym standing for its state (in
                # "Kyrgyz and Tajik villagers" the parser may make the first word the subject)
                state = self.state_of(ent.root)
                if state is not None:
                    mentions.append(state)
                    covered.update(range(ent.start, ent.end))
            elif ent.label_ == "PERSON" and ((len(_without_possessive(ent)) < len(ent)
                                              and self.country_of_word(_without_possessive(ent).text))
                                             or self._is_country_name(ent.text)):
                # "Burkina Faso's", or "Jordan", tagged a person: a country's name (the state
                # when it is an argument; a possessor is read by the agent it modifies)
                name = _without_possessive(ent)
                named = self._state_named_by(name, text) if name.root.dep_ in ARGUMENT_DEPS else None
                if named is not None:
                    mentions.append(named)
                covered.update(range(ent.start, ent.end))
            elif ent.label_ == "PERSON" and (known := self._from_phoenix(ent, text, pub_date)) is not None:
                mentions.append(self._as_titled(known, ent))
                covered.update(range(ent.start, ent.end))
            elif ent.label_ == "PERSON" and len(ent) >= 2 and not (
                    ent.root.text.islower() and self.lexicon.agent_for(ent.root.lemma_.lower())):
                # ("antiwar protesters", tagged a person, is an agent: left to the loop below)
                mentions.append(self._titled_person(ent, text, main_country))
                covered.update(range(ent.start, ent.end))
        for tok in doc:
            if tok.i in covered or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if not tok.ent_type_ and (tok.pos_ == "PROPN" or tok.text.isupper()) and not list(tok.lefts) \
                    and self.lexicon.agent_for(tok.lemma_.lower()) is None:
                # a country's name the tagger missed ("Republic of China"), or a place
                # standing alone as an actor ("TEHRAN")
                place = self._country_phrase_as_actor(tok, text) or \
                    self._place_as_actor(tok, tok.idx, tok.idx + len(tok), text)
                if place is not None:
                    mentions.append(place)
                    continue
            agent_mention = self.agents.agent(tok, text, main_country, sentence_countries.get(tok.sent.start_char))
            if agent_mention is not None:
                mentions.append(agent_mention)
        return tuple(sorted(mentions, key=lambda a: a.evidence.start))

    def _as_titled(self, known: Actor, ent) -> Actor:
        """A known person as the text's title, and a country before or after the name, say
        ("German Chancellor Helmut Kohl", "King Hassan of Morocco"), whatever the dictionary's
        dates say of the report's date; "former" or "ousted" leaves the dictionary's reading."""
        sector, title_words, _ = self._title_before(ent)
        if sector is None or any(t.lower_ in FORMER_WORDS or t.lower_ in ("ousted", "deposed", "late")
                                 for t in title_words):
            return known
        after = [g for c in ent.root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i >= ent.end
                 for g in c.children if g.dep_ == "pobj"]
        country = self._country_in(title_words) or self._country_in(after) or known.country
        # of another country, it is another person of that name
        lexicon_id = known.lexicon_id if country == known.country or known.country is None else None
        return Actor(name=known.name, country=country, sector=sector, acled_inter=inter_for(sector, country),
                     kind=known.kind, evidence=known.evidence, lexicon_id=lexicon_id)

    def _title_before(self, ent) -> tuple[Optional[str], list, list]:
        """(the sector of the title before a name, the title's words, the name's tokens)."""
        doc = ent.doc
        start = ent.start
        while start > 0 and ent.start - start < TITLE_WINDOW and (
                doc[start - 1].dep_ in TITLE_DEPS or self._in_capitalised_title(doc, start - 1)):
            start -= 1
        words = list(doc[start:ent.end])
        # "Sen. Maria Lopez", "President X": a title inside the entity is no part of the name
        name_tokens = list(ent)
        while len(name_tokens) > 1 and (name_tokens[0].lower_ in self.lexicon.titles or name_tokens[0].text == "."):
            name_tokens = name_tokens[1:]
        return self._title_sector(words), [t for t in words if t.i < name_tokens[0].i], name_tokens

    def _country_in(self, title_words) -> Optional[str]:
        """A country word in a title: "US Senator", "French President", "Russia's"."""
        return next((c for t in title_words if t.text not in ("'s", "\u2019s")
                     for c in [self.country_of_word(t.text)] if c), None)

    def _titled_person(self, ent, text: str, main_country: Optional[str]) -> Actor:
        """A person the lexicons do not know: the title before the name says the office
        ("US Senator Marco Rubio": LEG), a country word beside it whose ("French
        President ..."), else the article's country; with no title before it, a title in
        apposition ("X, Kenya's deputy foreign minister"). The name alone says nothing."""
        sector, title_words, name_tokens = self._title_before(ent)
        name_start = name_tokens[0].idx
        if sector is None:
            appos = next((c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end), None)
            title_words = list(appos.subtree) if appos is not None else []
            sector = self._title_sector(title_words)
        country = (self._country_in(title_words) or main_country) if sector else None
        name = text[name_start:ent.end_char]
        return Actor(name=name, country=country, sector=sector, acled_inter=inter_for(sector, country),
                     kind="person", evidence=evidence_of(text, ent.start_char, ent.end_char))

    def _title_sector(self, words) -> Optional[str]:
        """The sector of the longest title among ``words``: "deputy minister" before "minister"."""
        phrases = (" ".join(t.lower_ for t in words[k:k + size]) for size in (3, 2, 1)
                   for k in range(len(words) - size + 1))
        return next((self.lexicon.titles[p] for p in phrases if p in self.lexicon.titles), None)

    @staticmethod
    def _in_capitalised_title(doc, i: int) -> bool:
        """A word of a capitalised title the parser cut up: "Deputy Minister of Interior
        Major-General" before a name is one title run, its "of" and hyphen included."""
        tok = doc[i]
        if tok.pos_ == "PROPN" and tok.text[:1].isupper():
            return True
        return (tok.lower_ == "of" or tok.text == "-") and i > 0 and doc[i - 1].text[:1].isupper()

    def _from_phoenix(self, ent, text: str, pub_date: date) -> Optional[Actor]:
        """A person or organisation the Phoenix dictionaries know, in the role it held
        on the publication date ("Angela Merkel" is DEU GOV from November 2005)."""
        if self.phoenix is None:
            return None
        found = self.phoenix.lookup(text[ent.start_char:ent.end_char], pub_date)
        if found is None:
            return None
        return Actor(name=found.name, country=found.country, sector=found.sector,
                     acled_inter=inter_for(found.sector, found.country),
                     kind="person" if ent.label_ == "PERSON" else "group", lexicon_id=f"phoenix:{found.code}",
                     evidence=evidence_of(text, ent.start_char, ent.end_char))

    def _state_named_by(self, ent, text: str) -> Optional[Actor]:
        """The state a GPE stands for as an actor: its name ("the United States"), the
        country as a whole, with no sector; as the subject or object of a clause, its
        capital ("Washington demanded ..."), its government (PLOVER's GSR convention); a
        breakaway region ("Abkhazia"), a pre-state (PRE) of the country it broke from.
        An ORG counts only when it is a country's name ("the Democratic People's
        Republic of Korea", "DRC")."""
        words = text[ent.start_char:ent.end_char]
        evidence = evidence_of(text, ent.start_char, ent.end_char)
        parent = self.lexicon.breakaway_parent(without_article(words))
        if parent is not None:
            return Actor(name=without_article(words), country=parent, sector="PRE", acled_inter=None,
                         kind="state", evidence=evidence)
        sector = STATE_SECTOR
        if ent.label_ == "ORG":
            cands = self.gazetteer.lookup(fold(without_article(words))) if self.gazetteer is not None else []
            code = next((c.country3 for c in cands if c.feature_code == "PCLI"), None) or \
                self.lexicon.country_code(without_article(words))
        else:
            code = self.country_of_word(words)
            if code is None and self.gazetteer is not None and ent.root.dep_ in ("nsubj", "dobj", "ROOT"):
                code, sector = self.gazetteer.capital_country(words), "GOV"
        if code is None:
            return None
        return Actor(name=f"Government of {country_name(self.gazetteer, code)}", country=code, sector=sector,
                     acled_inter=1, kind="state", evidence=evidence)

    def _place_as_actor(self, root, start: int, end: int, text: str) -> Optional[Actor]:
        """A town standing for an actor, as the subject or object of a clause or said
        alone: a capital is its country's government ("Tehran warned ..."), any other
        town its people ("Mariupol": Civilians (Ukraine)), as PLOVER and NGEC code them.
        Under a preposition ("in Mariupol") a town is a place, not an actor."""
        if self.gazetteer is None or root.dep_ not in PLACE_ACTOR_DEPS:
            return None
        words = text[start:end]
        if self.lexicon.country_code(words) or self.country_of_word(words):
            return None     # a country's name is the state (_state_named_by)
        evidence = evidence_of(text, start, end)
        capital_of = self.gazetteer.capital_country(words)
        if capital_of is not None:
            return Actor(name=f"Government of {country_name(self.gazetteer, capital_of)}", country=capital_of,
                         sector="GOV", acled_inter=1, kind="state", evidence=evidence)
        key = fold(words)
        if not any(c.feature_code == "PPL" and c.own_key == key for c in self.gazetteer.lookup(key)):
            return None
        code = self._country_of_place_name(words)
        if code is None:
            return None
        return Actor(name=f"Civilians ({country_name(self.gazetteer, code)})", country=code, sector="CVL",
                     acled_inter=7, kind="agent", evidence=evidence)

    def _country_phrase_as_actor(self, tok, text: str) -> Optional[Actor]:
        """'Republic of China' unlabelled: a name with an "of" phrase that is a country's."""
        if tok.dep_ not in PLACE_ACTOR_DEPS or not self._with_of_phrase(tok):
            return None
        code = self._country_named_with_of(tok, tok.i)
        if code is None:
            return None
        end = tok.right_edge
        return Actor(name=f"Government of {country_name(self.gazetteer, code)}", country=code, sector=STATE_SECTOR,
                     acled_inter=1, kind="state", evidence=evidence_of(text, tok.idx, end.idx + len(end)))

    def _named(self, entry: ActorEntry, ent, text: str, pub_date: date) -> Actor:
        backers = self.backers_of(ent.root, ent.start, text)
        sector, country = entry.sector_on(pub_date), entry.country_on(pub_date)
        # a dated role decides the actor type too: a leader out of office is no state force
        inter = inter_for(sector, country) if entry.roles else entry.inter
        return Actor(name=entry.name, country=country, sector=sector, acled_inter=inter, kind=entry.kind,
                     lexicon_id=entry.id, evidence=evidence_of(text, ent.start_char, ent.end_char), backers=backers)

    def backers_of(self, head, left_limit: int, text: str) -> tuple[Actor, ...]:
        """The backers in 'US-backed', 'Turkish-backed', 'Iranian-backed' before ``head``."""
        doc = head.doc
        backers: list[Actor] = []
        start = max(0, min(left_limit, head.left_edge.i) - 1)
        for i in range(start, head.i):
            tok = doc[i]
            if tok.lower_ in BACKING_WORDS and i >= 2 and doc[i - 1].text == "-":
                backer = self.actor_for_word(doc[i - 2], text)
                if backer is not None and all(b.name != backer.name for b in backers):
                    backers.append(backer)
        return tuple(backers)

    def actor_for_word(self, tok, text: str) -> Optional[Actor]:
        """A one-word actor reference: a country word ("US", "Turkish") or a lexicon alias."""
        evidence = evidence_of(text, tok.idx, tok.idx + len(tok))
        code = self.country_of_word(tok.text)
        if code:
            return Actor(name=country_name(self.gazetteer, code), country=code, sector=STATE_SECTOR, acled_inter=1,
                         kind="state", evidence=evidence)
        entry = self.lexicon.actors.get(tok.ent_id_) if tok.ent_id_ else self.lexicon.by_alias(tok.text)
        if entry is not None:
            return Actor(name=entry.name, country=entry.country, sector=entry.sector, acled_inter=entry.inter,
                         kind=entry.kind, evidence=evidence, lexicon_id=entry.id)
        return None


def _without_possessive(span):
    """``span`` less a possessive ending the tagger put inside it ("Burkina Faso's")."""
    end = span.end
    while end - 1 > span.start and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[span.start:end]
