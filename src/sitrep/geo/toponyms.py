"""Find place mentions in a parsed article and resolve them against the gazetteer.

Recognition: spaCy's GPE/LOC/FAC entities, plus any proper-noun run the gazetteer
knows (spaCy calls Palmyra a PERSON and Raqqa a NORP), with "X city" / "X province"
hints, "northern X" regions and "X's Roman Theatre" sites inside places.

Disambiguation scores every candidate on population, feature type, the hint and
the article's country context (countries named, unambiguous places, demonyms, national
actors the lexicon knows), so
"Palmyra" in a Syrian story is Tadmur, not Palmyra, New Jersey.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span

from ..model import Evidence, Place
from .apposition import abbreviated_division, division_follows, pinned_pairs
from .coherence import anchors_of, nearby_support
from .gazetteer import Candidate, Gazetteer
from .names import DIRECTION_WORDS, PLACE_SUFFIXES, fold

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# other labels spaCy puts on place names; accepted only when the gazetteer is sure
RELABEL_LABELS = {"PERSON", "ORG", "NORP", "LANGUAGE", "PRODUCT", "WORK_OF_ART", "EVENT", ""}
MIN_POPULATION_RELABEL = 20_000
FOREIGN_TOWN_MIN_POPULATION = 200_000
ALTERNATE_NAME_PENALTY = 0.25
# "Murree road", "Halfaya bridge": a thing named after a place need not be in it
NAMED_AFTER_NOUNS = {"road", "street", "highway", "avenue", "bridge", "gate", "river", "dam", "boulevard", "club"}
# "Abha airport", "Kabul university": a facility is a site in the place it is named for
FACILITY_NOUNS = {"airport", "university", "hospital", "stadium", "prison", "station", "hotel", "port", "camp",
                  "market", "refinery", "airbase", "base", "mosque", "church", "cathedral"}
_TITLES = {"mr", "mrs", "ms", "dr", "president", "minister", "general", "gen", "sheikh", "king", "prince"}
_PRECISION_BY_FEATURE = {"PCLI": "country", "ADM1": "province", "ADM2": "district", "PPL": "town",
                         "CONT": "region", "RGN": "region"}
_MAX_TOKENS = 6
POSSESSIVES = ("'s", "\u2019s")
LOCATIVE_PREPS = {"in", "near", "at", "outside", "around", "inside", "across", "towards", "toward", "from", "into"}
PLACE_NOUNS = {"town", "city", "village", "district", "province", "region", "area", "municipality", "county",
               "governorate", "state", "suburb", "neighbourhood", "neighborhood", "camp", "outskirts"}
# words that name a kind of place, never one place, whatever namesake the gazetteer has
# ("Minbya Town", "the Mine", "Zone 3")
GENERIC_PLACE_WORDS = PLACE_NOUNS | set(PLACE_SUFFIXES) | FACILITY_NOUNS | {
    "mine", "zone", "union", "sector", "border", "coast", "coast region", "township", "ward", "commune",
    "port", "capital", "center", "centre", "downtown", "island", "valley", "mountain", "hill", "lake", "river"}
# a country used as a noun's modifier ("US dollar", "Syria war") names no place where something happened
MODIFIER_DEPS = ("compound", "amod", "nmod")


def _cuts_hyphenated_word(doc, start: int, end: int) -> bool:
    """Does tokens[start:end] begin or end inside a hyphenated word ("Mayo-Sava")?"""
    def glued(i: int) -> bool:      # token i is a hyphen written without spaces around it
        return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_
    return glued(start - 1) or glued(end)


def _own_evidence(cands: list[Candidate]) -> Counter:
    """What a name says by itself about the article's country: a name with one country
    among its readings, or a country's own name."""
    countries = {c.country3 for c in cands}
    if len(countries) == 1:
        return Counter({countries.pop(): 2})
    country = next((c.country3 for c in cands if c.feature_code == "PCLI"), None)
    if country is None or any(c.feature_code == "ADM1" for c in cands):
        return Counter()        # "Georgia" names a country and a state: it says nothing by itself
    return Counter({country: 2})


def _without_overlaps(spans: list[ToponymSpan]) -> list[ToponymSpan]:
    """One span per stretch of text, the longest: a run "Ad Dali" and spaCy's entity
    "Dali" inside it are one place mention."""
    kept: list[ToponymSpan] = []
    for span in sorted(spans, key=lambda s: (-(s.span_end - s.span_start), s.span_start)):
        if all(span.span_end <= k.span_start or k.span_end <= span.span_start for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def span_end_token(doc, span: ToponymSpan) -> int:
    """Index of the token just after a span's name."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return found.end if found is not None else len(doc)


def _modifies_noun(doc, span: ToponymSpan) -> bool:
    """'the US dollar', 'the Syria conflict': a country name modifying a common noun."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return found is not None and found.root.dep_ in MODIFIER_DEPS and found.root.head.pos_ == "NOUN"


def _modifies_actor(doc, end: int) -> bool:
    """'UK-based organisation', 'US-backed militias': the place describes an actor."""
    return (end + 1 < len(doc) and doc[end].text == "-"
            and doc[end + 1].lower_ in ("based", "backed", "led", "born", "headquartered", "sponsored", "funded"))


def _site_after(doc, text: str, last_i: int) -> tuple[Optional[str], int]:
    """'Palmyra's Roman Theatre' split by the NER: the named thing after the possessive."""
    if last_i + 2 >= len(doc) or doc[last_i + 1].text not in ("'s", "\u2019s"):
        return None, 0
    first = doc[last_i + 2]
    # "Lebanon's Hezbollah" is an actor, not a site; only facilities or unnamed things
    if not first.text[:1].isupper() or first.ent_type_ not in ("FAC", "LOC", ""):
        return None, 0
    j = first.i
    while j + 1 < len(doc) and doc[j + 1].text[:1].isupper() and doc[j + 1].pos_ in ("PROPN", "NOUN"):
        j += 1
    return text[first.idx: doc[j].idx + len(doc[j])], j + 1


def _locative_cue(prev, before_prev) -> bool:
    """'in X', 'near X', 'the town of X': the syntax says X is a place."""
    if prev is None:
        return False
    if prev.lower_ in LOCATIVE_PREPS:
        return True
    return prev.lower_ == "of" and before_prev is not None and before_prev.lemma_.lower() in PLACE_NOUNS


@dataclass(frozen=True)
class ToponymSpan:
    start: int              # character offsets of the name itself
    end: int
    key: str                # folded lookup key
    hint: Optional[str]     # precision asked for by "city", "province" ...
    region_word: Optional[str]
    site: Optional[str]     # "Roman Theatre" in "Palmyra's Roman Theatre"
    span_start: int         # offsets of the whole expression
    span_end: int
    country: Optional[str] = None     # ISO3 when the words name a country ("U.S.", "Britain")
    adjectival: bool = False          # a demonym ("Russian")
    pinned: Optional[int] = None      # GeoNames id an abbreviation stands for ("W.Va.")


class ToponymResolver:
    """Recognises and resolves the places of one article."""

    def __init__(self, gazetteer: Gazetteer, country_word=None, actor_country=None):
        self.gazetteer = gazetteer
        # callable: text -> ISO3 for demonyms / short country forms (from the lexicon)
        self.country_word = country_word or (lambda text: None)
        # callable: lexicon actor id -> the ISO3 it belongs to, or None ("houthis" -> YEM)
        self.actor_country = actor_country or (lambda actor_id: None)

    # -- recognition ---------------------------------------------------------------
    def find_spans(self, doc, text: str) -> list[ToponymSpan]:
        spans, taken = self._hyphenated_names(doc, text)
        for ent in doc.ents:
            if ent.ent_id_:
                # "Russian forces", "U.S. Special Forces": the actor's country word is a place
                # named adjectivally
                spans.extend(filter(None, [self._leading_country_word(ent)]))
                continue
            if taken.intersection(range(ent.start, ent.end)):
                continue
            if len(ent) > 1 and ent[-1].text in POSSESSIVES:
                ent = Span(doc, ent.start, ent.end - 1, label=ent.label_)     # "the United Kingdom's"
            if ent.label_ not in PLACE_LABELS and ent.label_ not in RELABEL_LABELS:
                continue
            country = self._country_span(ent, text)
            if country is None:
                country = self._abbreviation_span(ent)
            if country is not None:
                spans.append(country)
                taken.update(range(ent.start, ent.end))
                continue
            found = self._span_from_tokens(doc, text, ent.start, ent.end, strong=ent.label_ in PLACE_LABELS)
            if found:
                spans.append(found)
                taken.update(range(ent.start, ent.end))
            elif ent.label_ in ("ORG", "FAC") and len(ent) > 1:
                # "Zimbabwe Football Association", "Toronto Police": a place inside a name
                inner = self._spans_in_run(doc, text, ent.start, ent.end)
                if not inner or inner[0].start > ent.start_char:
                    # "the U.S. House of Representatives", "the S.C. Highway Patrol"
                    inner = [*filter(None, [self._leading_country_word(ent)]), *inner]
                spans.extend(inner)
                if inner:
                    taken.update(range(ent.start, ent.end))
        # proper-noun runs spaCy did not label at all
        i = 0
        while i < len(doc):
            tok = doc[i]
            if tok.pos_ == "PROPN" and i not in taken and not tok.ent_type_:
                j = i
                while j < len(doc) and j - i < _MAX_TOKENS and (
                        doc[j].pos_ == "PROPN" or (doc[j].text in ("-", "al", "el", "ad", "ar", "as", "az", "ez")
                                                   and j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN")):
                    j += 1
                spans.extend(self._spans_in_run(doc, text, i, j))
                i = max(j, i + 1)
            else:
                i += 1
        return _without_overlaps(spans)

    def _country_span(self, ent, text: str) -> Optional[ToponymSpan]:
        """'U.S.', 'Britain' (short forms) and 'Russian', 'Syrian' (demonyms) name a country."""
        words = text[ent.start_char:ent.end_char]
        if words.lower().startswith("the "):
            words = words[4:]
        prev = ent.doc[ent.start - 1] if ent.start > 0 else None
        if prev is not None and prev.lower_ in DIRECTION_WORDS:
            return None         # "northern Syria": a region, resolved on the general path
        code = self.country_word(words)
        if code is None and words.endswith("s"):
            code = self.gazetteer.demonym_country(words[:-1])      # "Russians", "Palestinians"
        if code is None:
            region = self.gazetteer.region_of_demonym(words) or (
                self.gazetteer.region_of_demonym(words[:-1]) if words.endswith("s") else None)
            if region is None:
                return None
            start = ent.end_char - len(words)       # "European", "South Ossetians"
            return ToponymSpan(start, ent.end_char, f"#{region.geonameid}", None, None, None, start, ent.end_char,
                               pinned=region.geonameid, adjectival=True)
        adjectival = (ent.label_ == "NORP" or (ent.label_ == "ORG" and words.endswith(("an", "ish", "ese", "i")))
                      or _modifies_actor(ent.doc, ent.end))
        start = ent.end_char - len(words)
        return ToponymSpan(start, ent.end_char, fold(words), None, None, None, start, ent.end_char,
                           country=code, adjectival=adjectival)

    def _hyphenated_names(self, doc, text: str) -> tuple[list[ToponymSpan], set[int]]:
        """Names written with hyphens that the parser cuts apart ("Port-au-Prince" into
        "Port-", "au" ...), found whole when the gazetteer knows them."""
        spans: list[ToponymSpan] = []
        taken: set[int] = set()
        i = 0
        while i < len(doc):
            j = i + 1
            while j + 1 < len(doc) and not doc[j - 1].whitespace_ and "-" in (doc[j].text, doc[j - 1].text):
                j += 1
            if j - i >= 3 and doc[i].text[:1].isupper() and doc[j - 1].text != "-":
                span = self._span_from_tokens(doc, text, i, j, strong=True)
                if span is not None and "-" in text[span.start:span.end]:
                    spans.append(span)
                    taken.update(range(i, j))
            i = j
        return spans, taken

    def _leading_country_word(self, ent) -> Optional[ToponymSpan]:
        """The country word or division abbreviation an organisation's or actor's name
        starts with ("Russian Foreign Ministry", "S.C. Highway Patrol"), as an adjectival place."""
        first = 1 if ent[0].lower_ == "the" else 0
        for width in (2, 1):
            toks = ent[first:first + width]
            if len(toks) < width:
                continue
            words = toks.text
            if words.endswith(("'s", "\u2019s")):
                continue
            division = self.gazetteer.division_by_abbreviation(words) if "." in words else None
            if division is not None:
                return ToponymSpan(toks.start_char, toks.end_char, f"#{division.geonameid}", None, None, None,
                                   toks.start_char, toks.end_char, pinned=division.geonameid, adjectival=True)
            code = self.country_word(words) if words[:1].isupper() else None
            if code is not None:
                return ToponymSpan(toks.start_char, toks.end_char, fold(words), None, None, None,
                                   toks.start_char, toks.end_char, country=code, adjectival=True)
            region = self.gazetteer.region_of_demonym(words) if words[:1].isupper() else None
            if region is not None:      # "European Commission", "EU leaders"
                return ToponymSpan(toks.start_char, toks.end_char, f"#{region.geonameid}", None, None, None,
                                   toks.start_char, toks.end_char, pinned=region.geonameid, adjectival=True)
        return None

    def _abbreviation_span(self, ent) -> Optional[ToponymSpan]:
        """'W.Va.', 'Calif.': a division's abbreviation, pinned to that division."""
        division = abbreviated_division(self.gazetteer, ent)
        if division is None:
            return None
        return ToponymSpan(ent.start_char, ent.end_char, f"#{division.geonameid}", "province", None, None,
                           ent.start_char, ent.end_char, pinned=division.geonameid)

    def _spans_in_run(self, doc, text, start: int, end: int) -> list[ToponymSpan]:
        """Gazetteer names inside a proper-noun run ('Hodeidah Red Sea port'), longest first."""
        found: list[ToponymSpan] = []
        i = start
        while i < end:
            for j in range(end, i, -1):
                if _cuts_hyphenated_word(doc, i, j):
                    continue        # "Sava" of "Mayo-Sava" is no place of its own
                span = self._span_from_tokens(doc, text, i, j, strong=False, part_of_run=(i, j) != (start, end))
                if span is not None:
                    found.append(span)
                    i = j
                    break
            else:
                i += 1
        return found

    def _span_from_tokens(self, doc, text, start: int, end: int, strong: bool,
                          part_of_run: bool = False) -> Optional[ToponymSpan]:
        toks = list(doc[start:end])
        while toks and toks[0].lower_ in ("the", "a"):
            toks = toks[1:]
        if not toks:
            return None
        site = None
        # "Palmyra's Roman Theatre": a site inside a place
        for k, tok in enumerate(toks):
            if tok.text in ("'s", "\u2019s") and 0 < k < len(toks) - 1:
                site = text[toks[k + 1].idx: toks[-1].idx + len(toks[-1])]
                toks = toks[:k]
                break
        region_word = None
        # "northern Syria" is a region of Syria; "North Darfur", "West Virginia" are names
        if toks[0].lower_ in DIRECTION_WORDS and len(toks) > 1 and not self._named_with_direction(text, toks):
            region_word, toks = toks[0].lower_, toks[1:]
        hint = None
        # "Raqqa city", "Deir al-Zor province": the word may be inside or right after the
        # entity, unless it is part of the name ("Cape Town", "Kuwait City")
        last = toks[-1]
        full_key = fold(text[toks[0].idx: last.idx + len(last)])
        if last.lower_ in PLACE_SUFFIXES and len(toks) > 1 and not self.gazetteer.has_key(full_key):
            hint, toks = PLACE_SUFFIXES[last.lower_], toks[:-1]
        else:
            nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
            if nxt is not None and nxt.lower_ in PLACE_SUFFIXES:
                hint = PLACE_SUFFIXES[nxt.lower_]
        prev = doc[toks[0].i - 1] if toks[0].i > 0 else None
        if region_word is None and prev is not None and prev.lower_ in DIRECTION_WORDS:
            region_word = prev.lower_
        if site is None:
            site, site_end = _site_after(doc, text, toks[-1].i)
            if site is not None:
                end = site_end
        name_start, name_end = toks[0].idx, toks[-1].idx + len(toks[-1])
        following = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
        if following is not None and following.lower_ in NAMED_AFTER_NOUNS:
            return None
        if following is not None and following.lower_ in FACILITY_NOUNS and site is None:
            site = text[toks[0].idx: following.idx + len(following)]
            end = following.i + 1
        name = text[name_start:name_end]
        key = fold(name)
        if len(key) < 3 or key in GENERIC_PLACE_WORDS or not self.gazetteer.has_key(key):
            return None
        before_prev = doc[toks[0].i - 2] if toks[0].i > 1 else None
        if not strong and (_locative_cue(prev, before_prev) or division_follows(self.gazetteer, doc, toks[-1].i)):
            strong = True
        if not strong:
            if prev is not None and prev.lower_.rstrip(".") in _TITLES:
                return None
            # a name found inside a longer run of names must be a town's own name, not one
            # of its alternate names ("Khail" of "Rahim Khail" is also Ha'il)
            best = max((c.population if c.feature_code == "PPL" else 10**7 for c in self.gazetteer.lookup(key)
                        if not part_of_run or c.feature_code != "PPL" or fold(c.name) == key), default=0)
            if best < MIN_POPULATION_RELABEL and site is None:
                return None
        span_start = min(name_start, prev.idx if (region_word and prev is not None and prev.lower_ == region_word)
                         else name_start)
        span_end = name_end
        if site:
            span_end = toks[0].doc[end - 1].idx + len(toks[0].doc[end - 1])
        return ToponymSpan(name_start, name_end, key, hint, region_word, site, span_start, span_end)

    def _named_with_direction(self, text: str, toks) -> bool:
        """Does the gazetteer know the name with its direction word, as a division, a
        country or a region ("North Darfur", "South Sudan", "North America")?"""
        name = text[toks[0].idx: toks[-1].idx + len(toks[-1])]
        return any(c.feature_code in ("ADM1", "ADM2", "PCLI", "CONT", "RGN") for c in self.gazetteer.lookup(fold(name)))

    # -- disambiguation ------------------------------------------------------------
    def _candidates(self, span: ToponymSpan) -> list[Candidate]:
        if span.pinned is not None:
            division = self.gazetteer.by_id(span.pinned)
            return [division] if division else []
        if span.country:
            country = self.gazetteer.country(span.country)
            # "Georgia" in a story from Atlanta is the state
            return [country, *self._division_readings(span)] if country else []
        return self.gazetteer.lookup(span.key)

    def _division_readings(self, span: ToponymSpan) -> list[Candidate]:
        """A country word's other readings as a first-level division ("Georgia" the state)."""
        if span.country is None or span.adjectival:
            return []
        return [c for c in self.gazetteer.lookup(span.key) if c.feature_code == "ADM1"]

    def country_context(self, spans: list[ToponymSpan], doc, candidates: dict[str, list[Candidate]]) -> Counter:
        """Countries the article talks about: named countries, sure places, demonyms."""
        counts: Counter = Counter()
        for span in spans:
            if span.adjectival:
                continue        # demonyms count once, below, as weaker evidence than a place named
            counts.update(_own_evidence(candidates[span.key]))
        for ent in doc.ents:
            # demonyms, and national actors the lexicon knows ("Houthis" fight in Yemen),
            # are weaker evidence than a place named
            if ent.ent_id_:
                code = self.actor_country(ent.ent_id_)
            elif ent.label_ == "NORP":
                code = self.country_word(ent.text.split("-")[-1])
            else:
                continue
            if code:
                counts[code] += 1
        return counts

    def division_context(self, spans: list[ToponymSpan], candidates: dict[str, list[Candidate]]) -> Counter:
        """First-level divisions the article is in: divisions named ("Louisiana") and
        the divisions of places with only one reading."""
        counts: Counter = Counter()
        for span in spans:
            cands = candidates[span.key]
            divisions = [c for c in cands if c.feature_code == "ADM1"]
            if len(divisions) == 1:
                counts[(divisions[0].country2, divisions[0].admin1_code)] += 2
            elif len(cands) == 1 and cands[0].admin1_code:
                counts[(cands[0].country2, cands[0].admin1_code)] += 1
        return counts

    def score(self, cand: Candidate, span: ToponymSpan, context: Counter, main: Optional[str],
              divisions: Optional[Counter] = None) -> float:
        # a division's population is the sum of its cities': damp it so a bare
        # "Brest" is the city unless the text says "province"
        population = cand.population // 20 if cand.feature_code in ("ADM1", "ADM2") else cand.population
        score = math.log10(population + 10) / 7.0
        if cand.feature_code == "PPL" and fold(cand.name) != span.key:
            # found through one of its alternate names ("Jerusalem" is also a name of
            # Funkstown, Maryland): less likely than a town of that very name
            score -= ALTERNATE_NAME_PENALTY
        if cand.country3 == main:
            score += 0.6
        elif context.get(cand.country3):
            score += 0.3
        if divisions and cand.feature_code == "PPL" and divisions.get((cand.country2, cand.admin1_code)):
            score += 0.25       # a town in a division the article names or is otherwise in
        if cand.feature_code in ("PCLI", "CONT", "RGN"):
            score += 0.5
        elif span.hint == "province":
            score += 0.6 if cand.feature_code == "ADM1" else 0.0
        elif span.hint == "district":
            # "Butler County", "Al Hali district": the county, not a town of that name
            score += 0.6 if cand.feature_code == "ADM2" else 0.0
        elif span.hint == "town":
            score += 0.6 if cand.feature_code == "PPL" else 0.0
        elif cand.feature_code == "PPL":
            score += 0.05       # a bare name in news is usually the town
        return score

    def resolve(self, doc, text: str) -> tuple[list[Place], Optional[str]]:
        """Resolved places in text order, and the article's main country (ISO3)."""
        spans = self.find_spans(doc, text)
        candidates = {span.key: self._candidates(span) for span in spans}
        context = self.country_context(spans, doc, candidates)
        divisions = self.division_context(spans, candidates)
        votes = context + self._first_readings(spans, candidates, context, divisions)
        main = votes.most_common(1)[0][0] if votes else None
        narrowed = pinned_pairs(spans, [candidates[span.key] for span in spans], text, self._division_readings)
        base = [[(self.score(c, span, context, main, divisions), c) for c in narrowed.get(n) or candidates[span.key]]
                for n, span in enumerate(spans)]
        first = [max(scored, key=lambda sc: (sc[0], sc[1].population))[1] if scored and not span.adjectival else None
                 for span, scored in zip(spans, base)]
        anchors = anchors_of(first, [span.key for span in spans])
        places = []
        for n, span in enumerate(spans):
            if not base[n]:
                continue
            cands = [c for _, c in base[n]]
            # the other places weigh in only where the text does not say what kind of place it is
            coherent = len(cands) > 1 and span.hint is None
            scored = sorted(((score + (nearby_support(c, span.key, anchors) if coherent else 0.0), c)
                             for score, c in base[n]), key=lambda sc: (-sc[0], -sc[1].population))
            best_score, best = scored[0]
            # a small place abroad with no support from context is more likely a misreading;
            # when the article's country is known, only a large city abroad stands. A name
            # with one reading is evidence for its country, but not support for itself.
            own = 0 if span.adjectival else _own_evidence(cands).get(best.country3, 0)
            if (n not in narrowed and best.country3 != main and context.get(best.country3, 0) <= own
                    and best.feature_code == "PPL"
                    and (best.population < 5000 or (main is not None and best.population < FOREIGN_TOWN_MIN_POPULATION))):
                continue
            places.append(self._place(span, best, best_score, scored, text, doc))
        return places, main

    def _first_readings(self, spans: list[ToponymSpan], candidates: dict[str, list[Candidate]],
                        context: Counter, divisions: Counter) -> Counter:
        """One country per story: each mention's best reading, under the context known so
        far, votes for the article's main country; the first place named (a report's lede)
        counts double. The votes choose the main country only: a reading does not support
        itself as context."""
        main = context.most_common(1)[0][0] if context else None
        votes: Counter = Counter()
        first = True
        for span in spans:
            cands = candidates[span.key]
            if span.adjectival or not cands:
                continue
            best = max(cands, key=lambda c: (self.score(c, span, context, main, divisions), c.population))
            if best.country3:
                votes[best.country3] += 2 if first else 1
                first = False
        return votes

    def _place(self, span: ToponymSpan, cand: Candidate, score: float, scored, text: str, doc) -> Place:
        precision = _PRECISION_BY_FEATURE.get(cand.feature_code, "town")
        name, feature, gid = self._display_name(cand), cand.feature_code, cand.geonameid
        if span.region_word and cand.feature_code in ("PCLI", "ADM1"):
            precision, feature = "region", "RGN"
            name = f"{span.region_word.capitalize()} {name}"
        if span.site:
            precision, feature, gid = "site", "SITE", None
            name = f"{span.site}, {name}"
        if gid is not None and gid < 0:
            gid = None          # a region of sitrep's own list has no GeoNames id
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        confidence = max(0.05, min(1.0, 0.5 + (score - runner_up)))
        return Place(
            evidence=Evidence(span.span_start, span.span_end, text[span.span_start:span.span_end]),
            name=name, geonameid=gid, lat=round(cand.lat, 5), lon=round(cand.lon, 5),
            country=cand.country3, admin1=cand.admin1_name if cand.feature_code != "PCLI" else None,
            feature_code=feature, precision=precision, score=round(confidence, 3),
            parent_geonameid=cand.geonameid if span.site and cand.geonameid > 0 else None,
            adjectival=span.adjectival or _modifies_actor(doc, span_end_token(doc, span))
            or (cand.feature_code == "PCLI" and _modifies_noun(doc, span)),
        )

    @staticmethod
    def _display_name(cand: Candidate) -> str:
        if cand.feature_code == "ADM1" and cand.admin1_name:
            return cand.admin1_name
        return cand.name
