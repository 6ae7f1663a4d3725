"""Generic agents: the role nouns that name an actor by what it is ("government
forces", "gunmen", "protesters", "a Ugandan attorney").

``data/agents.yaml`` decides first; a role noun it lacks takes its sector from the
Phoenix agents dictionary when that is built (``lexicon/phoenix_agents.py``). The
agent's country comes from the words that modify it ("Syrian rebels", "Kabul police",
"Lebanon's Hezbollah"), a possessor, an "of"/"in" phrase or the institution "at" which
one works, else the article's main country. :class:`AgentReader` serves :class:`~sitrep.extract.actors.ActorFinder`,
whose country helpers it uses.
"""
from __future__ import annotations

from typing import Optional

from ..lexicon.actors import AgentEntry
from ..model import Actor, Evidence
from .affiliations import SECTOR_OF_OFFICERS, affiliation_of, body_of

# what an armed group organised by descent or community is named by (ACLED inter 4)
IDENTITY_WORDS = {"clan", "sub-clan", "subclan", "communal", "ethnic", "tribal", "tribe", "community"}
# ACLED actor types of the PLOVER sectors that determine one (state, rebel, civilian)
INTER_BY_SECTOR = {"GOV": 1, "MIL": 1, "COP": 1, "JUD": 1, "LEG": 1, "SPY": 1, "REB": 2, "UAF": 3, "CVL": 7}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}
MODIFIER_DEPS = ("amod", "compound", "nmod", "poss", "npadvmod", "det", "nummod")
GENERIC_HEADS = {"group", "unit", "faction", "element", "movement", "organisation", "organization", "cell"}
STATE_MODIFIERS = {"government", "govt", "gov't", "regime", "state", "army", "national", "federal", "military",
                   "security", "pro-government", "loyalist", "presidential", "republican", "royal"}
# what makes a gunman or a sniper the state's own ("a regime sniper"; a pro-government
# gunman is a militiaman, ACLED's 3)
STATE_ARMED_MODIFIERS = {"government", "govt", "gov't", "regime", "army", "military", "junta"}
REBEL_MODIFIERS = {"rebel", "opposition", "insurgent", "militant", "jihadist", "islamist", "separatist"}
ARMED_MODIFIERS = {"armed", "masked", "unidentified", "unknown", "hooded", "suspected"}
# sectors of people ACLED counts as civilians (7) when they act or are acted on: firms,
# schools, media, health, labour, farmers, refugees, faiths (CAMEO's religion codes)
CIVILIAN_SECTORS = {"BUS", "EDU", "MED", "HLH", "LAB", "AGR", "REF", "CVL", "REL", "MUS", "CHR", "BUD",
                    "HIN", "JEW", "ENV", "NGO", "HRI"}
SERVICE_MEMBER_NOUNS = {"officer", "official", "agent", "operative", "chief", "head", "director", "employee"}
SPY_WORDS = {"intelligence", "spy", "counterintelligence"}
# offices that name nobody alone ("a speaker at the rally") and an officer "of" a named body
OFFICER_NOUNS = {"speaker", "chairman", "chairwoman", "chairperson", "chair", "secretary", "deputy"}
FORMER_WORDS = {"former", "ex", "ex-"}
FORMER_INTER = 7
# institutions named after their place: "University of Lagos" is in Lagos, where
# "police of Kenya" takes its country only from a country's name
INSTITUTION_NOUNS = {"university", "college", "institute", "academy", "polytechnic", "school", "hospital"}
# agents a generic head takes from its modifier ("a paramilitary group", "a criminal organisation")
ARMED_AGENT_SECTORS = {"PRM", "CRM", "REB", "UAF", "SPY"}
LEADER_NOUNS = {"leader", "leadership"}
# the chief, head or leader "of" a village or a community is a civilian leader
LOCAL_LEADER_NOUNS = {"chief", "head", "leader", "headman", "elder"}
SETTLEMENT_WORDS = {"village", "town", "community", "hamlet", "settlement", "clan", "tribe"}
# "gang members", "Boko Haram elements": the group noun before them names the agent
GROUP_MEMBER_NOUNS = {"member", "supporter", "element", "personnel", "loyalist"}
FORCE_NOUNS = {"force", "forces"}
RELIGION_WORDS = {"jewish", "muslim", "moslem", "christian", "catholic", "protestant", "buddhist", "hindu", "sikh",
                  "islamic", "religious", "church", "orthodox", "evangelical", "clerical"}
# the curated agents name the armed forces' people and the civilians; the dictionary's
# other military nouns are mostly weapons ("artillery fire by an unknown party"), its
# other civilian nouns the victims the counts read ("one victim was killed")
PHOENIX_SECTORS_LEFT_OUT = {"MIL", "CVL"}


def country_name(gazetteer, iso3: Optional[str]) -> str:
    if not iso3:
        return "Unknown"
    cand = gazetteer.country(iso3) if gazetteer is not None else None
    return cand.name if cand else iso3


class AgentReader:
    """Reads a role noun, with its modifiers, as an agent."""

    def __init__(self, finder):
        self.finder = finder
        self.lexicon = finder.lexicon
        self._heads: Optional[frozenset[str]] = None

    def could_be_agent(self, tok) -> bool:
        """False for a noun no rule of ``agent`` can read: it is none of the words an
        agent noun, phrase or role ends with (most nouns of a text are skipped so)."""
        if self._heads is None:
            phoenix = self.phoenix.agent_heads() if self.phoenix is not None else frozenset()
            self._heads = (self.lexicon.agent_heads() | phoenix | LEADER_NOUNS | SERVICE_MEMBER_NOUNS
                           | GENERIC_HEADS | GROUP_MEMBER_NOUNS | FORCE_NOUNS | OFFICER_NOUNS)
        heads = self._heads
        return tok.lemma_.lower() in heads or tok.text.lower() in heads or tok.lower_[:-1] in heads

    @property
    def phoenix(self):
        return self.finder.phoenix

    def agent(self, tok, text: str, main_country: Optional[str],
              sentence_country: Optional[str] = None) -> Optional[Actor]:
        """The agent a noun names ("gunmen", "Syrian troops", "the police"), or None.
        One no word gives a country to is of ``sentence_country`` (where its sentence is
        set) if it is no state's agent, else of ``main_country``: the article's army
        negotiating abroad is still its army; gunmen in a sentence set abroad are not."""
        if not self.could_be_agent(tok):
            return None
        mods = [c for c in tok.lefts if c.dep_ in MODIFIER_DEPS]
        if tok.dep_ == "compound":
            # "a Nigerian army unit", "a Lagos police station": the agent word modifies a noun,
            # and the words before it modify that noun too
            mods += [c for c in tok.head.lefts if c.i < tok.i and c.dep_ in MODIFIER_DEPS]
        # (a named organisation the parser made an adjective: "Anti-Balaka militiamen")
        named = [m for m in mods if m.ent_id_ and (m.dep_ in ("compound", "nmod", "poss") or m.ent_type_ == "ORG")]
        if not named and tok.i > 0 and tok.doc[tok.i - 1].ent_id_ and tok.doc[tok.i - 1] not in mods:
            # a named actor just before the noun is its modifier even where the parser
            # makes it the subject of a clause ("<group> gunmen" read as "X gunned")
            named = [tok.doc[tok.i - 1]]
        if named and tok.lemma_.lower() in SERVICE_MEMBER_NOUNS and any(
                m.lemma_.lower() in FORMER_WORDS for m in mods):
            # "a former CIA official": no longer of the agency, an elite (PLOVER's ELI)
            entry = self.lexicon.actors.get(named[0].ent_id_)
            country = entry.country if entry is not None else None
            start = min(m.left_edge.idx for m in mods if m.dep_ != "det")
            return Actor(name=self._former_name(tok, country),
                         country=country, sector="ELI", acled_inter=FORMER_INTER, kind="agent",
                         evidence=evidence_of(text, start, tok.idx + len(tok)))
        role = self.lexicon.agent_for(tok.lemma_.lower())
        if named and role is not None and role.id == "legislature":
            # "African Union legislators", "the EU legislature": not the body as a whole
            # but its legislature (PLOVER's LEG), of the body's country or family
            entry = self.lexicon.actors.get(named[0].ent_id_)
            start = min(m.left_edge.idx for m in mods if m.dep_ != "det")
            return Actor(name=f"Legislature ({entry.name})" if entry else tok.lemma_.capitalize(),
                         country=entry.country if entry else None, sector="LEG", acled_inter=None, kind="agent",
                         lexicon_id=entry.id if entry else None, evidence=evidence_of(text, start, tok.idx + len(tok)))
        if named:
            return None     # "IS fighters", "Hezbollah's men": the named actor stands for them
        # anything else the noun phrase holds before the agent word: the modifiers' own
        # ("Armed Afar men", where "Armed" hangs on "Afar"; "Kenya" under "state" in "Kenya
        # state news agency")
        nested = [t for t in tok.doc[tok.left_edge.i: tok.i] if t not in mods and t.dep_ in MODIFIER_DEPS]
        words = mods + [t for t in nested if t.dep_ in ("amod", "compound")]
        mod_lemmas = {m.lemma_.lower() for m in words} | {m.text.lower() for m in words}
        entry = self._agent_entry(tok, mods, mod_lemmas)
        if entry is None and tok.lemma_.lower() in OFFICER_NOUNS and body_of(tok, self.lexicon) is not None:
            # "the speaker of the Storting": an office of a named body, read as an official's
            entry = self.lexicon.agent_for("official")
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
        # the modifiers, then the nested ones
        for m in mods + nested:
            if self.finder.is_backer_word(m) or (group is not None and self.lexicon.identity_group(m.text)):
                continue    # ("Nuer militia": the group's name is no place, whatever town shares it)
            code = self.finder.country_of_name(m) or self.finder.country_of_place_word(m)
            if code:
                country = code
                break
        # an officer of a named body ("the speaker of the Storting", "a spokesman for
        # the EU") is of the body's country, or of none when the body is international
        body = body_of(tok, self.lexicon) if entry.kind == "person" or entry.id == "government" else None
        if country is None:
            country = self.finder.country_from_possessor(tok) or (body.country if body is not None else None)
        if country is None and body is None:
            # (an institution's own reader ends with the "of"/"in" phrases: not asked twice)
            country = (self.finder.institution_country(tok) if tok.lemma_.lower() in INSTITUTION_NOUNS
                       else self.finder.country_from_of(tok, places_of=True))
        if country is None and group is not None:
            country = group[1]      # "Tiv militias" are Nigerian wherever the story's country is
        if country is None and (body is not None or _says_foreign(tok)):
            # an international body's officer is of no country; "a non-Syrian" is not of
            # the article's country, and of none we know
            country = None
        else:
            country = country or (sentence_country if entry.sector not in STATE_SECTORS else None) or main_country
        backers = self.finder.backers_of(tok, tok.left_edge.i, text)
        start = min([tok.idx] + [m.left_edge.idx for m in mods if m.dep_ != "det"])
        evidence = evidence_of(text, start, tok.idx + len(tok))
        name = entry.name.format(country=country_name(self.finder.gazetteer, country))
        if group is not None:
            name = f"{group[0]} Ethnic Militia ({country_name(self.finder.gazetteer, country)})"
        sector, inter = entry.sector, entry.inter
        if mod_lemmas & FORMER_WORDS and sector in STATE_SECTORS:
            # "a former minister" holds no office: an elite, in PLOVER's terms; for ACLED,
            # a former soldier or official is a civilian
            sector, inter, name = "ELI", FORMER_INTER, self._former_name(tok, country)
        if entry.kind == "person":
            affiliation = affiliation_of(tok, text, self.lexicon)
            name = f"{tok.lemma_.capitalize()} ({affiliation})" if affiliation else tok.lemma_.capitalize()
        lexicon_id = None
        if body is not None:
            name = f"{tok.lemma_.capitalize()} ({body.name})"
            if body.sector in SECTOR_OF_OFFICERS:
                sector, inter = body.sector, body.inter
            if body.country is None:
                # the body's id carries its family (the EU's, the UN's) and its ACLED type
                lexicon_id, inter = body.id, body.inter
        return Actor(name=name, country=country, sector=sector, acled_inter=inter,
                     kind=entry.kind, evidence=evidence, backers=backers, lexicon_id=lexicon_id)

    def _former_name(self, tok, country: Optional[str]) -> str:
        """'Former minister (Nigeria)': one who held the office a noun names."""
        return f"Former {tok.lemma_.lower()} ({country_name(self.finder.gazetteer, country)})"

    def _agent_entry(self, tok, mods, mod_lemmas: set[str]) -> Optional[AgentEntry]:
        lemma = tok.lemma_.lower()
        compounds = [m for m in mods if m.dep_ == "compound"]
        if lemma in LEADER_NOUNS and mod_lemmas & RELIGION_WORDS:
            # "Muslim leaders", "a Jewish community leader": religious figures
            return self.lexicon.agent_for("religious leader")
        if lemma in LOCAL_LEADER_NOUNS and _of_a_settlement(tok):
            # "the chief of Dogo village", "the head of the community": a civilian leader
            return self.lexicon.agent_for("village chief")
        before = tok.doc[tok.i - 1] if tok.i > 0 else None
        if before is not None and before in mods and tok.i > 1 and (
                tok.doc[tok.i - 2] in mods or tok.doc[tok.i - 2].head == before):
            # "state news agency", "Self Defense Forces" (self -> defense -> forces): a
            # three-word agent before its two-word tail
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
        if lemma in GENERIC_HEADS or lemma in FORCE_NOUNS:
            if mod_lemmas & REBEL_MODIFIERS:
                return self.lexicon.agent_for("rebel")
            if compounds and lemma in FORCE_NOUNS:
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
        if lemma in GROUP_MEMBER_NOUNS and compounds:
            # "gang members", "Boko Haram elements": the group noun names the agent
            entry = self.lexicon.agent_for(compounds[-1].lemma_.lower())
            if entry is not None:
                return entry
        entry = self.lexicon.agent_for(lemma) or self.lexicon.agent_for(tok.text.lower())
        if entry is None and tok.tag_ == "NNPS" and tok.lower_.endswith("s"):
            # "Malay Muslim Separatists": a plural the tagger took for a name keeps its lemma
            entry = self.lexicon.agent_for(tok.lower_[:-1])
        if entry is None:
            return self._phoenix_agent(tok, compounds)
        if entry.id == "unidentified_armed_group" and mod_lemmas & STATE_ARMED_MODIFIERS \
                and not any(m == "pro" or m.startswith("pro-") for m in mod_lemmas):
            return self.lexicon.agent_for("soldier")
        if entry.inter == 7 and mod_lemmas & ARMED_MODIFIERS:
            # "armed men", "masked individuals", "unidentified people": an armed group;
            # armed herders are a communal militia (ACLED)
            # armed families and clans too ("two armed families clashed")
            communal = entry.sector == "AGR" or lemma in ("family", "clan", "tribe")
            return self.lexicon.agent_for("tribesman" if communal else "gunman")
        if entry.id in ("militia", "unidentified_armed_group") and (
                mod_lemmas & IDENTITY_WORDS or _from_a_community(tok)
                or (entry.id == "militia" and ("local" in mod_lemmas or self._from_a_village(tok)))):
            # "clan militias", "militiamen from the Ayr sub-clan", "local militiamen",
            # "militias from Umumubu and Omor": ACLED's identity (communal) militias
            return self.lexicon.agent_for("tribesman")
        if lemma in entry.requires_state_modifier or tok.text.lower() in entry.requires_state_modifier:
            has_state = bool(mod_lemmas & STATE_MODIFIERS) or any(
                self.finder.country_of_word(m.text) for m in mods if not self.finder.is_backer_word(m))
            if not has_state and self.finder.country_from_possessor(tok) is None and self.finder.country_from_of(tok) is None:
                return None
        return entry

    def _phoenix_agent(self, tok, compounds) -> Optional[AgentEntry]:
        """A role noun the curated agents lack, by the Phoenix agents dictionary: its
        two-word form first ("defense attorney"), then the noun ("attorney": JUD)."""
        if self.phoenix is None or tok.pos_ != "NOUN" or tok.dep_ == "compound":
            return None     # ("prison guards": the guards are the agent, not the prison)
        lemma = tok.lemma_.lower()
        phrases = [f"{compounds[-1].lemma_.lower()} {lemma}"] if compounds else []
        found = next((a for p in phrases + [lemma] for a in [self.phoenix.agent(p)] if a is not None), None)
        if found is None or found.sector in PHOENIX_SECTORS_LEFT_OUT:
            return None
        sector = found.sector
        return AgentEntry(id=f"phoenix-agent:{found.code}", nouns=(found.phrase,),
                          name=f"{found.phrase.title()} ({{country}})", sector=sector,
                          inter=INTER_BY_SECTOR.get(sector, 7 if sector in CIVILIAN_SECTORS else None),
                          kind="agent")

    def _from_a_village(self, tok) -> bool:
        """'militias from Umumubu and Omor': from places that are not countries."""
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if obj.pos_ == "PROPN" and self.finder.country_of_word(obj.text) is None and not obj.ent_id_:
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


def evidence_of(text: str, start: int, end: int) -> Evidence:
    return Evidence(start, end, text[start:end])


def inter_for(sector: Optional[str], country: Optional[str]) -> Optional[int]:
    """ACLED's actor type for a sector; state forces only with a state to belong to."""
    inter = INTER_BY_SECTOR.get(sector or "")
    return None if inter == 1 and country is None else inter


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


def _of_a_settlement(tok) -> bool:
    """'chief of Dogo village', 'head of the community'."""
    return any(obj.lemma_.lower() in SETTLEMENT_WORDS for prep in tok.children
               if prep.dep_ == "prep" and prep.lower_ == "of" for obj in prep.children if obj.dep_ == "pobj")


def _from_a_community(tok) -> bool:
    """'militiamen from the Ayr and Saleban sub clans', 'gunmen of the Tiv community'."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            words = {obj.lemma_.lower()} | {c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod")}
            if words & IDENTITY_WORDS:
                return True
    return False
