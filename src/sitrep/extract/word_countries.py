"""The country a word or a phrase names: the readers an :class:`ActorFinder` is built on.

"Syrian rebels", "Kabul police", "the military forces of Armenia", "a professor at
Cairo University", "Lebanon's Hezbollah": a mention's country is read off the words
that modify it, from the lexicon's country words and demonyms first, then from the
gazetteer's places (a place name as modifier, when all its readings are in one
country or one city dwarfs the rest). A word the text makes a backer ("US-backed")
is not the mention's own country.
"""
from __future__ import annotations

from typing import Optional

from ..geo.names import fold, without_article
from ..lexicon.actors import ActorLexicon
from .agents import INSTITUTION_NOUNS

BACKING_WORDS = {"backed", "supported", "sponsored", "funded", "armed", "allied", "aligned", "affiliated"}
LEADING_WORDS = {"led"}
DOMINANT_CITY = 100_000     # a modifier's reading this populous, ten times any other, is the one meant
ALTERNATE_READING_POPULATION = 10_000  # smaller places found by an alternate name do not rival an own name


class CountryWords:
    """Reads countries off words, with the actor lexicon and the gazetteer."""

    def __init__(self, lexicon: ActorLexicon, gazetteer=None):
        self.lexicon = lexicon
        self.gazetteer = gazetteer

    def country_of_word(self, text: str) -> Optional[str]:
        """The country (ISO3) a country word names: its name, short form or demonym
        ("the Netherlands", "U.S.", "Syrian"), by the lexicon, then the gazetteer."""
        word = text.strip()
        word = without_article(word)        # "The United States", "the Netherlands"
        code = self.lexicon.country_code(word)
        if code is None and self.gazetteer is not None and word[:1].isupper():
            code = self.gazetteer.demonym_country(word)
            if code is None:
                cands = [c for c in self.gazetteer.lookup(fold(word)) if c.feature_code == "PCLI"]
                code = cands[0].country3 if cands else None
        return code

    @staticmethod
    def _with_of_phrase(tok) -> bool:
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)

    def _country_named_with_of(self, tok, start: int) -> Optional[str]:
        """The country that the words from ``start`` through ``tok``'s "of" phrase name
        ("Republic of Korea"), when they are a name's words (proper nouns, "of", "the",
        "'s"). (The parser's text differs from the article's only in masked acronyms.)"""
        words = tok.doc[start: tok.right_edge.i + 1]
        if any(t.pos_ not in ("PROPN", "ADP", "DET", "PART") for t in words):
            return None
        return self.country_of_word(words.text)

    def country_of_place_word(self, tok) -> Optional[str]:
        """'Rakhine rebels', 'Kabul police', 'a Calcutta court': a place name as modifier,
        when all its readings are in one country, or one reading is a city that dwarfs
        the others (a city under its former name, against villages of that name). A name
        of several words is read whole ("San Pedro"), and so is a country's name with its
        "of" phrase ("Republic of Korea"); a title is no place ("Minister")."""
        if self.gazetteer is None or not tok.text[:1].isupper():
            return None
        if tok.pos_ == "NOUN":
            # "Rakhine villagers": the tagger takes a name it does not know as a noun; a
            # modifier so tagged counts only as the name of a division or a country
            return self._country_of_division_name(tok) if tok.dep_ in ("compound", "amod") else None
        if tok.pos_ not in ("PROPN", "ADJ"):
            return None
        if self.is_role_word(tok):
            return None     # "Minister", "General": a title, not the hamlet of that name
        run = self._name_run(tok)
        if self._with_of_phrase(tok):
            # "Republic of China troops": the name with its "of" phrase is a country's
            code = self._country_named_with_of(tok, run.start if run is not tok else tok.i)
            if code:
                return code
        if run is not tok:
            # "San Pedro Defense Committee", "Northern Territory": the whole name first,
            # by places of that very name ("White House" is also a name of Casablanca)
            code = self._country_of_place_name(run.text, own_name=True)
            if code:
                return code
        return self._country_of_place_name(tok.text, dominant=tok.pos_ == "PROPN" or tok.ent_type_ == "GPE")

    def is_role_word(self, tok) -> bool:
        """A title or a role noun of the lexicons ("Minister", "General", "Police")."""
        lower = tok.lower_
        return lower in self.lexicon.titles or self.lexicon.agent_for(tok.lemma_.lower()) is not None \
            or self.lexicon.agent_for(lower) is not None

    def _name_run(self, tok):
        """The proper nouns compounded onto ``tok`` from its left ("Santa" + "Marta"), as
        one span; ``tok`` itself when there are none or one of them is a role word."""
        start = tok.i
        while start > 0 and tok.doc[start - 1].pos_ == "PROPN" and tok.doc[start - 1].dep_ == "compound" \
                and tok.doc[start - 1].head.i in range(start, tok.i + 1) and not self.is_role_word(tok.doc[start - 1]):
            start -= 1
        return tok if start == tok.i else tok.doc[start: tok.i + 1]

    def _country_of_place_name(self, name: str, dominant: bool = True, own_name: bool = False) -> Optional[str]:
        key = fold(name)
        readings = [c for c in self.gazetteer.lookup(key) if c.country3 and (not own_name or c.own_key == key)]
        countries = {c.country3 for c in readings}
        if len(countries) == 1:
            return countries.pop()
        # "Kachin": the Burmese state's own name, and an alternate name of a Ukrainian
        # hamlet; places found by another of their names count only when they are large.
        # (A town's own name is no such evidence: "Malay" is also a Philippine town.)
        own = [c for c in readings if c.own_key == key]
        if (len({c.country3 for c in own}) == 1 and any(c.feature_code in ("ADM1", "PCLI") for c in own)
                and all(c.population < ALTERNATE_READING_POPULATION for c in readings
                        if c.country3 != own[0].country3)):
            return own[0].country3
        if not dominant or not readings:
            return None
        largest = max(readings, key=lambda c: c.population)
        others = max((c.population for c in readings if c.country3 != largest.country3), default=0)
        return largest.country3 if largest.population >= DOMINANT_CITY and largest.population >= 10 * others else None

    def _is_country_name(self, words: str) -> bool:
        """Are the words a country's own name ("Benin"), not its demonym ("Beninese")?"""
        key = fold(without_article(words))
        readings = self.gazetteer.lookup(key) if self.gazetteer is not None else []
        # (Antarctica is also a continent, and no state)
        return any(c.feature_code == "PCLI" and c.own_key == key for c in readings) \
            and not any(c.feature_code == "CONT" for c in readings)

    def _country_of_division_name(self, tok) -> Optional[str]:
        """The country of the division or country ``tok`` names by its own name, if one."""
        if self.is_role_word(tok):
            return None
        key = fold(tok.text)
        countries = {c.country3 for c in self.gazetteer.lookup(key)
                     if c.feature_code in ("ADM1", "PCLI") and c.own_key == key}
        return countries.pop() if len(countries) == 1 else None

    def country_of_name(self, tok) -> Optional[str]:
        """The country a word names, read on its whole name first ("Ivory Coast rebels",
        "Burkina Faso's junta"), then on the word alone. (The parser's text differs from
        the article's only in masked acronyms, none of them a country word.)"""
        if tok.left_edge.i < tok.i:
            code = self.country_of_word(tok.doc[tok.left_edge.i: tok.i + 1].text)
            if code:
                return code
        return self.country_of_word(tok.text)

    def country_from_of(self, tok, places_of: bool = False) -> Optional[str]:
        """'military forces of Armenia', 'police of Kenya'; 'people in the UK', 'Muslim
        leaders in France' (a country, or a place whose readings are all in one); with
        ``places_of``, a place after "of" too ("University of Lagos"); an institution
        after "at" ("a professor at Cairo University") is where its people are."""
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "at")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if prep.lower_ == "at":
                    code = self.institution_country(obj)
                    if code:
                        return code
                    continue
                # "the Republic of Kenya": the object's name with its own "of" phrase first
                code = self._country_named_with_of(obj, obj.left_edge.i) if self._with_of_phrase(obj) else None
                code = code or self.country_of_name(obj)
                if code is None:
                    # "the leader of the Kenyan Farmers Union": a demonym modifying the
                    # object ("US-backed" is a backer; "Benin City" is a town, not Benin)
                    code = next((c for m in obj.lefts if m.dep_ in ("amod", "compound", "nmod")
                                 and not self.is_backer_word(m) and not self._is_country_name(m.text)
                                 for c in [self.country_of_word(m.text)] if c), None)
                if code is None and (prep.lower_ == "in" or places_of) and not _names_a_body_or_person(obj, prep):
                    code = self.country_of_place_word(obj)
                if code:
                    return code
        return None

    def institution_country(self, tok) -> Optional[str]:
        """The country of a university, school or hospital: the place it is named after
        ("Cairo University", "the University of Lagos") or, first, said to be in (a
        namesake is no evidence against "in Scotland")."""
        if tok.lemma_.lower() not in INSTITUTION_NOUNS:
            return None
        located = next((c for p in tok.children if p.dep_ == "prep" and p.lower_ == "in"
                        for o in p.children if o.dep_ == "pobj"
                        for c in [self.country_of_name(o) or self.country_of_place_word(o)] if c), None)
        named = next((c for m in tok.lefts if m.dep_ == "compound"
                      for c in [self.country_of_place_word(m)] if c), None)
        return located or named or self.country_from_of(tok, places_of=True)

    def country_from_possessor(self, tok) -> Optional[str]:
        for child in tok.children:
            if child.dep_ == "poss":
                entry = self.lexicon.actors.get(child.ent_id_) if child.ent_id_ else None
                if entry is not None and entry.country:
                    return entry.country
                return self.country_of_name(child)
        return None

    @staticmethod
    def is_backer_word(tok) -> bool:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        after = tok.nbor(2) if tok.i + 2 < len(tok.doc) else None
        return (nxt is not None and nxt.text == "-" and after is not None
                and after.lower_ in BACKING_WORDS | LEADING_WORDS) or tok.lower_ == "pro"


def _names_a_body_or_person(obj, prep) -> bool:
    """A preposition's object that is a person's or a body's own name, no place ("the
    cabinet of Jean Avril", "the leader of the Farmers Union"); a place's name within a
    body's ("University of Lagos", tagged as one organisation) is still a place."""
    ent = next((e for e in obj.doc.ents if e.start <= obj.i < e.end), None)
    return ent is not None and (ent.label_ == "PERSON" or (ent.label_ == "ORG" and ent.start > prep.i))
