"""Actor mentions: named actors from the lexicon, generic agents, countries, people.

A mention's country comes from the words that modify it ("Syrian rebels",
"Lebanon's Hezbollah") or, for generic agents, from the article's main country.
Backing is read off the modifiers ("US-backed militias", "Turkish-backed rebels");
the relations stage turns those into records. Pronouns and definite descriptions
("the group", "he", "the commander") are resolved by :class:`ActorIndex`.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from types import MappingProxyType
from typing import Mapping, Optional

from ..geo.names import fold, without_article
from ..lexicon.actors import ActorEntry, ActorLexicon, AgentEntry
from ..model import Actor, Evidence
from .affiliations import affiliation_of

BACKING_WORDS = {"backed", "supported", "sponsored", "funded", "armed", "allied", "aligned", "affiliated"}
LEADING_WORDS = {"led"}
STATE_MODIFIERS = {"government", "regime", "state", "army", "national", "federal", "military", "security",
                   "pro-government", "loyalist", "presidential", "republican", "royal"}
REBEL_MODIFIERS = {"rebel", "opposition", "insurgent", "militant", "jihadist", "islamist", "separatist"}
ARMED_MODIFIERS = {"armed", "masked", "unidentified", "unknown", "hooded", "suspected"}
# what an armed group organised by descent or community is named by (ACLED inter 4)
IDENTITY_WORDS = {"clan", "sub-clan", "subclan", "communal", "ethnic", "tribal", "tribe", "community"}
# ACLED actor types of the PLOVER sectors that determine one (state, rebel, civilian)
_INTER_BY_SECTOR = {"GOV": 1, "MIL": 1, "COP": 1, "JUD": 1, "LEG": 1, "SPY": 1, "REB": 2, "UAF": 3, "CVL": 7}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}
SERVICE_MEMBER_NOUNS = {"officer", "official", "agent", "operative", "chief", "head", "director", "employee"}
SPY_WORDS = {"intelligence", "spy", "counterintelligence"}
# a country named as an actor ("Turkey backs ...", "Washington said") is the state as a
# whole: PLOVER (its gold records, NGEC's cases) gives it a country and no sector
STATE_SECTOR = None
FORMER_WORDS = {"former", "ex", "ex-"}
MODIFIER_DEPS = ("amod", "compound", "nmod", "poss", "npadvmod", "det", "nummod")
DOMINANT_CITY = 100_000     # a modifier's reading this populous, ten times any other, is the one meant
# a title stands just before a name, as its compound or modifier: "US Senator Marco Rubio"
TITLE_WINDOW = 6
TITLE_DEPS = {"compound", "amod", "nmod", "punct", "npadvmod", "poss", "case"}
GENERIC_HEADS = {"group", "unit", "faction", "element", "movement", "organisation", "organization", "cell"}
# agents a generic head takes from its modifier ("a paramilitary group", "a criminal organisation")
ARMED_AGENT_SECTORS = {"PRM", "CRM", "REB", "UAF", "SPY"}
LEADER_NOUNS = {"leader", "leadership"}
RELIGION_WORDS = {"jewish", "muslim", "moslem", "christian", "catholic", "protestant", "buddhist", "hindu", "sikh",
                  "islamic", "religious", "church", "orthodox", "evangelical", "clerical"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative", "agent", "ROOT"}
PRONOUNS_PERSON = {"he", "she", "him", "her", "his"}
PRONOUNS_GROUP = {"it", "they", "them", "its", "their", "itself", "themselves"}


def country_name(gazetteer, iso3: Optional[str]) -> str:
    if not iso3:
        return "Unknown"
    cand = gazetteer.country(iso3) if gazetteer is not None else None
    return cand.name if cand else iso3


class ActorFinder:
    """Turns a parsed article into actor mentions."""

    def __init__(self, lexicon: ActorLexicon, gazetteer=None, phoenix=None):
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        # the compiled Phoenix dictionaries (sitrep.lexicon.phoenix), when built
        self.phoenix = phoenix

    def country_of_word(self, text: str) -> Optional[str]:
        word = text.strip()
        word = without_article(word)        # "The United States", "the Netherlands"
        code = self.lexicon.country_code(word)
        if code is None and self.gazetteer is not None and word[:1].isupper():
            code = self.gazetteer.demonym_country(word)
            if code is None:
                cands = [c for c in self.gazetteer.lookup(fold(word)) if c.feature_code == "PCLI"]
                code = cands[0].country3 if cands else None
        return code

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
                     acled_inter=1, kind=kind, evidence=_evidence(tok.doc.text, tok.idx, tok.idx + len(tok)))

    def find(self, doc, text: str, pub_date: date, main_country: Optional[str]) -> tuple[Actor, ...]:
        mentions: list[Actor] = []
        covered: set[int] = set()
        for ent in doc.ents:
            entry = self.lexicon.actors.get(ent.ent_id_) if ent.ent_id_ else None
            if entry is not None:
                mentions.append(self._named(entry, ent, text, pub_date))
                covered.update(range(ent.start, ent.end))
            elif ent.label_ in ("GPE", "ORG") or self.lexicon.breakaway_parent(without_article(ent.text)):
                named = self._state_named_by(ent, text) if ent.root.dep_ in ARGUMENT_DEPS else None
                if named is not None:
                    mentions.append(named)
                    covered.update(range(ent.start, ent.end))
            elif ent.label_ == "NORP" and ent.root.tag_ in ("NNS", "NNPS") and ent.root.dep_ in ARGUMENT_DEPS \
                    and not any(t.lower_ == "the" for t in ent.root.lefts):
                # "168 Liberians", "Palestinians": people of that country ("the Russians"
                # in war reporting often means an army, so it is left alone)
                code = self.country_of_word(ent.root.text[:-1] if ent.root.text.endswith("s") else ent.root.text)
                if code:
                    mentions.append(Actor(name=f"Civilians ({country_name(self.gazetteer, code)})", country=code,
                                          sector="CVL", acled_inter=7, kind="agent",
                                          evidence=_evidence(text, ent.start_char, ent.end_char)))
                    covered.update(range(ent.start, ent.end))
            elif ent.label_ in ("PERSON", "ORG") and (known := self._from_phoenix(ent, text, pub_date)) is not None:
                mentions.append(known)
                covered.update(range(ent.start, ent.end))
            elif ent.label_ == "PERSON" and len(ent) >= 2 and not (
                    ent.root.text.islower() and self.lexicon.agent_for(ent.root.lemma_.lower())):
                # ("antiwar protesters", tagged a person, is an agent: left to the loop below)
                mentions.append(self._titled_person(ent, text, main_country))
                covered.update(range(ent.start, ent.end))
        for tok in doc:
            if tok.i in covered or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            agent_mention = self._agent(tok, text, main_country)
            if agent_mention is not None:
                mentions.append(agent_mention)
        return tuple(sorted(mentions, key=lambda a: a.evidence.start))

    def _titled_person(self, ent, text: str, main_country: Optional[str]) -> Actor:
        """A person the lexicons do not know: the title before the name says the office
        ("US Senator Marco Rubio": LEG), a country word beside it whose ("French
        President ..."), else the article's country. The name alone says nothing."""
        doc = ent.doc
        start = ent.start
        while start > 0 and ent.start - start < TITLE_WINDOW and doc[start - 1].dep_ in TITLE_DEPS:
            start -= 1
        words = list(doc[start:ent.end])
        # the longest title first: "deputy minister" before "minister"
        phrases = (" ".join(t.lower_ for t in words[k:k + size]) for size in (3, 2, 1)
                   for k in range(len(words) - size + 1))
        sector = next((self.lexicon.titles[p] for p in phrases if p in self.lexicon.titles), None)
        # "Sen. Feliciano Valencia", "President X": a title inside the entity is no part of the name
        name_tokens = list(ent)
        while len(name_tokens) > 1 and (name_tokens[0].lower_ in self.lexicon.titles or name_tokens[0].text == "."):
            name_tokens = name_tokens[1:]
        name_start = name_tokens[0].idx
        country = None
        if sector:
            # a country word before the name: "US Senator", "French President", "Russia's"
            before = [t for t in words if t.i < name_tokens[0].i and t.text not in ("'s", "\u2019s")]
            country = next((c for t in before for c in [self.country_of_word(t.text)] if c), None) or main_country
        name = text[name_start:ent.end_char]
        return Actor(name=name, country=country, sector=sector, acled_inter=_inter_for(sector, country),
                     kind="person", evidence=_evidence(text, ent.start_char, ent.end_char))

    def _from_phoenix(self, ent, text: str, pub_date: date) -> Optional[Actor]:
        """A person or organisation the Phoenix dictionaries know, in the role it held
        on the publication date ("Angela Merkel" is DEU GOV from November 2005)."""
        if self.phoenix is None:
            return None
        found = self.phoenix.lookup(text[ent.start_char:ent.end_char], pub_date)
        if found is None:
            return None
        return Actor(name=found.name, country=found.country, sector=found.sector,
                     acled_inter=_inter_for(found.sector, found.country),
                     kind="person" if ent.label_ == "PERSON" else "group", lexicon_id=f"phoenix:{found.code}",
                     evidence=_evidence(text, ent.start_char, ent.end_char))

    def _state_named_by(self, ent, text: str) -> Optional[Actor]:
        """The state a GPE stands for as an actor: its name ("the United States"), the
        country as a whole, with no sector; as the subject or object of a clause, its
        capital ("Washington demanded ..."), its government (PLOVER's GSR convention); a
        breakaway region ("Abkhazia"), a pre-state (PRE) of the country it broke from.
        An ORG counts only when it is a country's name ("the Democratic People's
        Republic of Korea", "DRC")."""
        words = text[ent.start_char:ent.end_char]
        evidence = _evidence(text, ent.start_char, ent.end_char)
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

    def _named(self, entry: ActorEntry, ent, text: str, pub_date: date) -> Actor:
        backers = self.backers_of(ent.root, ent.start, text)
        sector, country = entry.sector_on(pub_date), entry.country_on(pub_date)
        # a dated role decides the actor type too: a leader out of office is no state force
        inter = _inter_for(sector, country) if entry.roles else entry.inter
        return Actor(name=entry.name, country=country, sector=sector, acled_inter=inter, kind=entry.kind,
                     lexicon_id=entry.id, evidence=_evidence(text, ent.start_char, ent.end_char), backers=backers)

    def _agent(self, tok, text: str, main_country: Optional[str]) -> Optional[Actor]:
        mods = [c for c in tok.lefts if c.dep_ in MODIFIER_DEPS]
        if tok.dep_ == "compound":
            # "a Nigerian army unit", "Minsk police station": the agent word modifies a noun,
            # and the words before it modify that noun too
            mods += [c for c in tok.head.lefts if c.i < tok.i and c.dep_ in MODIFIER_DEPS]
        named = [m for m in mods if m.ent_id_ and m.dep_ in ("compound", "nmod", "poss")]
        if named and tok.lemma_.lower() in SERVICE_MEMBER_NOUNS and any(
                m.lemma_.lower() in FORMER_WORDS for m in mods):
            # "a former CIA official": no longer of the agency, an elite (PLOVER's ELI)
            entry = self.lexicon.actors.get(named[0].ent_id_)
            country = entry.country if entry is not None else None
            start = min(m.left_edge.idx for m in mods if m.dep_ != "det")
            return Actor(name=self._former_name(tok, country),
                         country=country, sector="ELI", acled_inter=None, kind="agent",
                         evidence=_evidence(text, start, tok.idx + len(tok)))
        if named:
            return None     # "IS fighters", "Hezbollah's men": the named actor stands for them
        mod_lemmas = {m.lemma_.lower() for m in mods} | {m.text.lower() for m in mods}
        entry = self._agent_entry(tok, mods, mod_lemmas)
        if entry is None:
            return None
        group = self._identity_group_of(mods)
        if group is not None and (entry.sector in ("PRM", "UAF", "CRM", "AGR") or entry.inter == 4):
            # "Tiv militias", "Fulani herdsmen", "armed Afar men": ACLED's ethnic militias
            # (ethnic rebels, "Rakhine rebels", stay rebels)
            entry = self.lexicon.agent_for("tribesman")
        else:
            group = None
        country = None
        # the modifiers, then anything else the noun phrase holds before the agent word
        # ("Somalia" under "state" in "Somalia state news agency")
        nested = [t for t in tok.doc[tok.left_edge.i: tok.i] if t not in mods and t.dep_ in MODIFIER_DEPS]
        for m in mods + nested:
            if self._is_backer_word(m):
                continue
            code = self._country_of_name(m) or self._country_of_place_word(m)
            if code:
                country = code
                break
        if country is None:
            country = self._country_from_possessor(tok) or self._country_from_of(tok)
        if country is None and group is not None:
            country = group[1]      # "Tiv militias" are Nigerian wherever the story's country is
        if country is None and _says_foreign(tok):
            country = None      # "a non-Syrian": not the article's country, and unknown
        else:
            country = country or main_country
        backers = self.backers_of(tok, tok.left_edge.i, text)
        start = min([tok.idx] + [m.left_edge.idx for m in mods if m.dep_ != "det"])
        evidence = _evidence(text, start, tok.idx + len(tok))
        name = entry.name.format(country=country_name(self.gazetteer, country))
        if group is not None:
            name = f"{group[0]} Ethnic Militia ({country_name(self.gazetteer, country)})"
        sector, inter = entry.sector, entry.inter
        if mod_lemmas & FORMER_WORDS and sector in STATE_SECTORS:
            # "a former minister" holds no office: an elite, in PLOVER's terms
            sector, inter, name = "ELI", None, self._former_name(tok, country)
        if entry.kind == "person":
            affiliation = affiliation_of(tok, text, self.lexicon)
            name = f"{tok.lemma_.capitalize()} ({affiliation})" if affiliation else tok.lemma_.capitalize()
        return Actor(name=name, country=country, sector=sector, acled_inter=inter,
                     kind=entry.kind, evidence=evidence, backers=backers)

    def _former_name(self, tok, country: Optional[str]) -> str:
        """'Former minister (Nigeria)': one who held the office a noun names."""
        return f"Former {tok.lemma_.lower()} ({country_name(self.gazetteer, country)})"

    def _agent_entry(self, tok, mods, mod_lemmas: set[str]) -> Optional[AgentEntry]:
        lemma = tok.lemma_.lower()
        compounds = [m for m in mods if m.dep_ == "compound"]
        if lemma in LEADER_NOUNS and mod_lemmas & RELIGION_WORDS:
            # "Muslim leaders", "a Jewish community leader": religious figures
            return self.lexicon.agent_for("religious leader")
        before = tok.doc[tok.i - 1] if tok.i > 0 else None
        if before is not None and before in mods and tok.i > 1 and tok.doc[tok.i - 2] in mods:
            # "state news agency": a three-word agent before its two-word tail
            three = self.lexicon.agent_for(f"{tok.doc[tok.i - 2].lower_} {before.lower_} {lemma}")
            if three:
                return three
        for word in ([compounds[-1]] if compounds else []) + ([before] if before is not None and before in mods else []):
            # "police station" ... "central bank": a two-word agent
            two = self.lexicon.agent_for(f"{word.lemma_.lower()} {lemma}") or self.lexicon.agent_for(
                f"{word.text.lower()} {tok.text.lower()}")
            if two:
                return two
        if lemma in SERVICE_MEMBER_NOUNS and {t.lemma_.lower() for t in tok.doc[tok.left_edge.i:tok.i]} & SPY_WORDS:
            # "a national intelligence agency officer": one of the intelligence service's own
            return self.lexicon.agent_for("intelligence officer")
        if lemma in GENERIC_HEADS or lemma in ("force", "forces"):
            if mod_lemmas & REBEL_MODIFIERS:
                return self.lexicon.agent_for("rebel")
            if compounds and lemma in ("force", "forces"):
                # "police forces", "security forces", "army forces"
                by_compound = self.lexicon.agent_for(compounds[-1].lemma_.lower())
                if by_compound is not None and by_compound.kind == "agent" and by_compound.sector in (
                        "COP", "MIL", "REB", "PRM", "UAF"):
                    return by_compound
            if lemma in GENERIC_HEADS:
                # "an armed group", "an unidentified group"
                if mod_lemmas & ARMED_MODIFIERS:
                    return self.lexicon.agent_for("gunman")
                # "a paramilitary organisation", "a criminal group": the modifier names the agent
                by_modifier = next((e for m in mods if m.dep_ in ("amod", "compound")
                                    for e in [self.lexicon.agent_for(m.lemma_.lower())]
                                    if e is not None and e.sector in ARMED_AGENT_SECTORS), None)
                if by_modifier is not None:
                    return by_modifier
                # "two farmer groups": groups of civilians
                by_compound = self.lexicon.agent_for(compounds[-1].lemma_.lower()) if compounds else None
                return by_compound if by_compound is not None and by_compound.inter == 7 else None
        if lemma in ("member", "supporter", "element", "personnel", "loyalist") and compounds:
            # "gang members", "Boko Haram elements": the group noun names the agent
            entry = self.lexicon.agent_for(compounds[-1].lemma_.lower())
            if entry is not None:
                return entry
        entry = self.lexicon.agent_for(lemma) or self.lexicon.agent_for(tok.text.lower())
        if entry is None and tok.tag_ == "NNPS" and tok.lower_.endswith("s"):
            # "Malay Muslim Separatists": a plural the tagger took for a name keeps its lemma
            entry = self.lexicon.agent_for(tok.lower_[:-1])
        if entry is None:
            return None
        if entry.inter == 7 and mod_lemmas & ARMED_MODIFIERS:
            # "armed men", "masked individuals", "unidentified people": an armed group;
            # armed herders are a communal militia (ACLED)
            return self.lexicon.agent_for("tribesman" if entry.sector == "AGR" else "gunman")
        if entry.id in ("militia", "unidentified_armed_group") and (
                mod_lemmas & IDENTITY_WORDS or _from_a_community(tok)
                or (entry.id == "militia" and ("local" in mod_lemmas or self._from_a_village(tok)))):
            # "clan militias", "militiamen from the Ayr sub-clan", "local militiamen",
            # "militias from Umumubu and Omor": ACLED's identity (communal) militias
            return self.lexicon.agent_for("tribesman")
        if lemma in entry.requires_state_modifier or tok.text.lower() in entry.requires_state_modifier:
            has_state = bool(mod_lemmas & STATE_MODIFIERS) or any(
                self.country_of_word(m.text) for m in mods if not self._is_backer_word(m))
            if not has_state and self._country_from_possessor(tok) is None and self._country_from_of(tok) is None:
                return None
        return entry

    def _from_a_village(self, tok) -> bool:
        """'militias from Umumubu and Omor': from places that are not countries."""
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if obj.pos_ == "PROPN" and self.country_of_word(obj.text) is None and not obj.ent_id_:
                    return True
        return False

    def _identity_group_of(self, mods) -> Optional[tuple[str, Optional[str]]]:
        """The ethnic group or clan a noun phrase's modifiers name ("Tiv", "Habar Gidir")."""
        words = [m for m in mods if m.dep_ in ("amod", "compound", "nmod") and m.text[:1].isupper()]
        for a, b in zip(words, words[1:]):
            found = self.lexicon.identity_group(f"{a.text} {b.text}")
            if found:
                return found
        return next((found for m in words for found in [self.lexicon.identity_group(m.text)] if found), None)

    def _country_of_place_word(self, tok) -> Optional[str]:
        """'Rakhine rebels', 'Kabul police', 'Madras High Court': a place name as modifier,
        when all its readings are in one country, or one reading is a city that dwarfs
        the others (Chennai, once Madras, against two villages of that name)."""
        if self.gazetteer is None or tok.pos_ not in ("PROPN", "ADJ") or not tok.text[:1].isupper():
            return None
        readings = [c for c in self.gazetteer.lookup(fold(tok.text)) if c.country3]
        countries = {c.country3 for c in readings}
        if len(countries) == 1:
            return countries.pop()
        if not (tok.pos_ == "PROPN" or tok.ent_type_ == "GPE") or not readings:
            return None
        largest = max(readings, key=lambda c: c.population)
        others = max((c.population for c in readings if c.country3 != largest.country3), default=0)
        return largest.country3 if largest.population >= DOMINANT_CITY and largest.population >= 10 * others else None

    def _country_of_name(self, tok) -> Optional[str]:
        """The country a word names, read on its whole name first ("Ivory Coast rebels",
        "Burkina Faso's junta"), then on the word alone. (The parser's text differs from
        the article's only in masked acronyms, none of them a country word.)"""
        if tok.left_edge.i < tok.i:
            code = self.country_of_word(tok.doc[tok.left_edge.i: tok.i + 1].text)
            if code:
                return code
        return self.country_of_word(tok.text)

    def _country_from_of(self, tok) -> Optional[str]:
        """'military forces of Armenia', 'police of Kenya'; 'people in the UK', 'Muslim
        leaders in France' (a country, or a place whose readings are all in one)."""
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                code = self._country_of_name(obj)
                if code is None and prep.lower_ == "in":
                    code = self._country_of_place_word(obj)
                if code:
                    return code
        return None

    def _country_from_possessor(self, tok) -> Optional[str]:
        for child in tok.children:
            if child.dep_ == "poss":
                entry = self.lexicon.actors.get(child.ent_id_) if child.ent_id_ else None
                if entry is not None and entry.country:
                    return entry.country
                return self._country_of_name(child)
        return None

    @staticmethod
    def _is_backer_word(tok) -> bool:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        after = tok.nbor(2) if tok.i + 2 < len(tok.doc) else None
        return (nxt is not None and nxt.text == "-" and after is not None
                and after.lower_ in BACKING_WORDS | LEADING_WORDS) or tok.lower_ == "pro"

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
        evidence = _evidence(text, tok.idx, tok.idx + len(tok))
        code = self.country_of_word(tok.text)
        if code:
            return Actor(name=country_name(self.gazetteer, code), country=code, sector=STATE_SECTOR, acled_inter=1,
                         kind="state", evidence=evidence)
        entry = self.lexicon.actors.get(tok.ent_id_) if tok.ent_id_ else self.lexicon.by_alias(tok.text)
        if entry is not None:
            return Actor(name=entry.name, country=entry.country, sector=entry.sector, acled_inter=entry.inter,
                         kind=entry.kind, evidence=evidence, lexicon_id=entry.id)
        return None


def _says_foreign(tok) -> bool:
    """'the commander, a non-Syrian': an apposition that denies the country."""
    for child in tok.children:
        if child.dep_ != "appos":
            continue
        doc = tok.doc
        for t in child.subtree:
            if t.lower_ == "non" and t.i + 2 < len(doc) and doc[t.i + 1].text == "-":
                return True
    return False


def _inter_for(sector: Optional[str], country: Optional[str]) -> Optional[int]:
    """ACLED's actor type for a sector; state forces only with a state to belong to."""
    inter = _INTER_BY_SECTOR.get(sector or "")
    return None if inter == 1 and country is None else inter


def _from_a_community(tok) -> bool:
    """'militiamen from the Ayr and Saleban sub clans', 'gunmen of the Tiv community'."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            words = {obj.lemma_.lower()} | {c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod")}
            if words & IDENTITY_WORDS:
                return True
    return False


def _evidence(text: str, start: int, end: int) -> Evidence:
    return Evidence(start, end, text[start:end])


def with_inter_for_location(actor: Actor, location_country: Optional[str],
                            inside_places: frozenset[str] = frozenset(),
                            mentions: Mapping[str, int] = MappingProxyType({})) -> Actor:
    """ACLED codes state forces acting outside their own country as external forces (8).

    The place is taken as abroad unless the story has places inside the forces' own
    country (``inside_places``) and names the foreign country only at the event's place
    (``mentions`` per country): then a village the gazetteer puts abroad is more often a
    wrong reading than a foreign deployment ("Afghan police in Chora, Uruzgan" is not in
    Greece), while "an attack on Abha airport in Saudi Arabia" stays abroad."""
    if not (actor.acled_inter == 1 and actor.country and location_country and actor.country != location_country):
        return actor
    if actor.country in inside_places and mentions.get(location_country, 0) < 2:
        return actor
    return replace(actor, acled_inter=8)

