"""Find the place mentions of a parsed article: the names, not yet what they refer to.

Sources of mentions: spaCy's GPE/LOC/FAC entities; any proper-noun run the gazetteer
knows (spaCy calls Palmyra a PERSON and Raqqa a NORP); country words and demonyms
("U.S.", "Russian"), also at the head of an organisation's or actor's name;
division abbreviations ("W.Va."); datelines ("BEIRUT:"); names the parser cuts
apart ("Port-au-Prince"). Each mention keeps its "X city" / "X province" hint, its
"northern X" region word and its "X's Roman Theatre" site.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span

from .context import abbreviated_division, division_follows
from .cues import (PLACE_NOUNS, after_a_place, cuts_hyphenated_word, in_headline, in_place_parentheses,
                   is_a_surname, locative_cue, modifies_actor, placed_by_syntax, site_after, state_office_follows,
                   surnames_of)
from .demonyms import demonyms_left
from .gazetteer import Gazetteer
from .landmarks import LandmarkMatcher
from .names import DIRECTION_WORDS, PLACE_SUFFIXES, fold, mis_decoded, without_arabic_article, without_article

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# other labels spaCy puts on place names; accepted only when the gazetteer is sure
RELABEL_LABELS = {"PERSON", "ORG", "NORP", "LANGUAGE", "PRODUCT", "WORK_OF_ART", "EVENT", ""}
MIN_POPULATION_RELABEL = 20_000
# "Murree road", "Halfaya bridge": a thing named after a place need not be in it
NAMED_AFTER_NOUNS = {"road", "street", "highway", "avenue", "bridge", "gate", "river", "dam", "boulevard", "club"}
# "Abha airport", "Kabul university": a facility is a site in the place it is named for
FACILITY_NOUNS = {"airport", "university", "hospital", "stadium", "prison", "station", "hotel", "port", "camp",
                  "market", "refinery", "airbase", "base", "mosque", "church", "cathedral"}
_TITLES = {"mr", "mrs", "ms", "dr", "president", "minister", "general", "gen", "sheikh", "king", "prince"}
_MAX_TOKENS = 6
POSSESSIVES = ("'s", "\u2019s")
# offices named after the place they serve: "Anderson County Sheriff", "Dublin Mayor"
LOCAL_OFFICE_WORDS = {"sheriff", "mayor", "police", "councilman", "councilwoman", "councillor", "alderman",
                      "commissioner", "governor", "judge", "superintendent", "fire"}
DATELINE_MARKS = {":", "\u2014", "\u2013", "-", "--", "(", ","}
# words that name a kind of place, never one place, whatever namesake the gazetteer has
# ("Minbya Town", "the Mine", "Zone 3")
GENERIC_PLACE_WORDS = PLACE_NOUNS | set(PLACE_SUFFIXES) | FACILITY_NOUNS | {
    "mine", "zone", "union", "sector", "border", "coast", "coast region", "township", "ward", "commune",
    "port", "capital", "center", "centre", "downtown", "island", "valley", "mountain", "hill", "lake", "river",
    "police"}
# the last word of a natural feature's name ("the Nile Delta", "Botany Bay"): never a
# place of its own there, whatever division bears it alone (Delta State)
FEATURE_WORDS = {"delta", "bay", "harbor", "harbour", "gulf", "peninsula", "desert", "basin", "plateau",
                 "valley", "coast", "island", "islands", "lake", "mountains", "hills", "strait", "sea"}
# a bare direction or a word of a state's name is no place ("the Western Trust", "the
# Republic"), though "Western Province" and "Northern Region" are
COMPASS_WORDS = {"central", "western", "eastern", "northern", "southern", "northwest", "northeast", "southwest",
                 "southeast", "north", "south", "east", "west", "republic", "federation", "kingdom", "national",
                 "federal", "united"}
# the last words of facilities and streets the gazetteer cannot know ("Barclays Center",
# "Royal Street"): placed in the town the article puts them in
SITE_WORDS = {"street", "road", "avenue", "boulevard", "square", "center", "centre", "stadium", "arena",
              "hospital", "school", "college", "university", "park", "bridge", "airport", "church", "cathedral",
              "mosque", "temple", "court", "courthouse", "hall", "tower", "estate", "plaza", "market", "mall",
              "prison", "station", "camp", "hotel", "museum", "palace", "building", "library", "theatre", "theater"}
# "D-W.Va.", "(R-Ohio)": a US politician's party and the state or town they represent
PARTY_LETTERS = {"D", "R", "I"}
DESIGNATION_ENDS = {",", ";", ")", ".", ":"}


def site_mentions(doc, spans: list[ToponymSpan]) -> list[tuple[int, int]]:
    """Character offsets of facilities and streets named in the text that no place
    mention covers: spaCy's FAC entities, and names ending in a site word."""
    found = []
    for ent in doc.ents:
        if ent.ent_id_ or not (ent.label_ == "FAC" or (ent.label_ in ("ORG", "LOC", "GPE")
                                                       and ent[-1].lower_ in SITE_WORDS)):
            continue
        first = ent.start + 1 if ent[0].lower_ == "the" else ent.start
        if first >= ent.end or not doc[first].text[:1].isupper():
            continue
        start, end = doc[first].idx, ent.end_char
        if all(end <= s.span_start or s.span_end <= start for s in spans):
            found.append((start, end))
    return found


def _without_overlaps(spans: list[ToponymSpan]) -> list[ToponymSpan]:
    """One span per stretch of text, the longest: a run "Ad Dali" and spaCy's entity
    "Dali" inside it are one place mention."""
    kept: list[ToponymSpan] = []
    for span in sorted(spans, key=lambda s: (-(s.span_end - s.span_start), s.span_start)):
        if all(span.span_end <= k.span_start or k.span_end <= span.span_start for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


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
    # the text says it is a place (a place label, "in X", "the town of X", "X, Texas"),
    # not only that a name of the gazetteer was read: weaker evidence of the story's country
    cued: bool = True

    @property
    def landmark(self) -> bool:
        """A landmark pinned to its town ("the Kremlin"): often the body it houses, so
        no evidence of where the story is."""
        return self.pinned is not None and self.site is not None

    @property
    def reading(self) -> tuple:
        """What the gazetteer is asked: the same words as a country's name ("Canadian")
        and as a town's ("Canadian, Texas") are two questions; so are a country's name
        and its adjective ("Georgia" may be the US state, "Georgia's" in "Georgia's
        schools" too, but a demonym is the country's only)."""
        return (self.key, self.country, self.pinned, self.adjectival and self.country is not None)


def pinned_span(start: int, end: int, geonameid: int, hint: Optional[str] = None,
                adjectival: bool = False) -> ToponymSpan:
    """A mention that stands for one gazetteer entry ("W.Va.", "European"), keyed by its id."""
    return ToponymSpan(start, end, f"#{geonameid}", hint, None, None, start, end, pinned=geonameid,
                       adjectival=adjectival)


class ToponymFinder:
    """Recognises the place mentions of one article."""

    def __init__(self, gazetteer: Gazetteer, country_word=None):
        self.gazetteer = gazetteer
        # callable: text -> ISO3 for demonyms / short country forms (from the lexicon)
        self.country_word = country_word or (lambda text: None)
        self.landmarks = LandmarkMatcher(gazetteer)

    def find_spans(self, doc, text: str) -> list[ToponymSpan]:
        surnames = surnames_of(doc)
        spans, taken = self._landmark_spans(doc, text)
        hyphenated, hyphenated_tokens = self._hyphenated_names(doc, text)
        spans += hyphenated
        taken |= hyphenated_tokens
        datelines, dateline_tokens = self._datelines(doc, text)
        spans += datelines
        taken |= dateline_tokens
        designations, designation_tokens = self._party_designations(doc, text, taken)
        spans += designations
        taken |= designation_tokens
        for ent in self._rejoined_entities(doc, text):
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
            if ent.label_ not in PLACE_LABELS and is_a_surname(doc, ent.start, ent.end, surnames):
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
            elif ent.label_ == "PERSON" and len(ent) > 1:
                # "Anderson County Sheriff Greg Taylor", "Dublin Mayor Marilee ...": a place
                # before a local office, never a name's first word on its own ("Paris Hilton")
                found = self._place_before_office(doc, text, ent)
                if found:
                    spans.append(found)
                    taken.update(range(ent.start, ent.end))
            elif ent.label_ in ("ORG", "FAC", "GPE", "LOC") and len(ent) > 1:
                # "Zimbabwe Football Association", "Coles County Police": a place inside a name
                inner = self._spans_in_run(doc, text, ent.start, ent.end)
                if not inner or inner[0].start > ent.start_char:
                    # "the U.S. House of Representatives", "the S.C. Highway Patrol"
                    inner = [*filter(None, [self._leading_country_word(ent)]), *inner]
                spans.extend(inner)
                if inner:
                    taken.update(range(ent.start, ent.end))
        # proper-noun runs spaCy did not label at all
        tokens = list(doc)          # one Token object per word: doc[i] makes a new one each time
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.pos_ == "PROPN" and i not in taken and not tok.ent_type_:
                j = i
                # the run stops at a labelled name ("Deputy" + the person "David Ro")
                while j < len(tokens) and j - i < _MAX_TOKENS and (
                        (tokens[j].pos_ == "PROPN" and (j == i or not tokens[j].ent_type_))
                        or (tokens[j].text in ("-", "al", "el", "ad", "ar", "as", "az", "ez")
                            and j + 1 < len(tokens) and tokens[j + 1].pos_ == "PROPN")):
                    j += 1
                if not is_a_surname(doc, i, j, surnames):
                    spans.extend(self._spans_in_run(doc, text, i, j))
                i = max(j, i + 1)
            else:
                i += 1
        # demonyms no rule above took ("anti-Russian", "Egyptian pounds"): adjectival places
        for word in demonyms_left(doc, spans, self.gazetteer, self.country_word):
            spans.append(pinned_span(word.start, word.end, word.region, adjectival=True) if word.region else
                         ToponymSpan(word.start, word.end, fold(text[word.start:word.end]), None, None, None,
                                     word.start, word.end, country=word.country, adjectival=True, cued=False))
        return _without_overlaps(spans)

    def _rejoined_entities(self, doc, text: str) -> list:
        """The NER's entities, with a name it cut after "of" or "the", or into two places,
        joined again when the whole is a gazetteer name ("the Democratic Republic of the"
        + "Congo", "Baja" + "California")."""
        out = []
        for ent in doc.ents:
            prev = out[-1] if out else None
            # the words between them, if any, are "of" and "the" ("Democratic Republic" of the "Congo")
            between = doc[prev.end:ent.start] if prev is not None and prev.end <= ent.start else None
            cut_at_article = between is not None and (len(between) > 0 or prev[-1].lower_ in ("of", "the"))
            if (between is not None and all(t.lower_ in ("of", "the") for t in between)
                    and not prev.ent_id_ and not ent.ent_id_ and prev.label_ in PLACE_LABELS
                    and (cut_at_article or ent.label_ in PLACE_LABELS)
                    and self.gazetteer.has_key(fold(without_article(text[prev.start_char:ent.end_char])))):
                out[-1] = Span(doc, prev.start, ent.end, label=prev.label_)
            else:
                out.append(ent)
        return out

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
            region = self.gazetteer.region_of_demonym(words)
            if region is None:
                return None
            start = ent.end_char - len(words)       # "European", "South Ossetians"
            return pinned_span(start, ent.end_char, region.geonameid, adjectival=True)
        # a demonym the parser calls a place ("Sri Lankan" as GPE) is still an adjective
        adjectival = (ent.label_ == "NORP" or (ent.label_ == "ORG" and words.endswith(("an", "ish", "ese", "i")))
                      or modifies_actor(ent.doc, ent.end)
                      or (self.gazetteer.demonym_country(words) == code and not self.gazetteer.has_key(fold(words))))
        start = ent.end_char - len(words)
        return ToponymSpan(start, ent.end_char, fold(words), None, None, None, start, ent.end_char,
                           country=code, adjectival=adjectival)

    def _place_before_office(self, doc, text: str, ent) -> Optional[ToponymSpan]:
        # the office word inside the entity or right after it
        for j in range(ent.start + 1, min(ent.end + 1, len(doc), ent.start + _MAX_TOKENS)):
            if doc[j].lower_ in LOCAL_OFFICE_WORDS:
                # in a headline, whose capitals join other words to the name ("Ex-Minister
                # Joins Sochi Mayor Race"), the words right before the office, longest first
                starts = [ent.start, *range(ent.start + 2, j)] if in_headline(doc, ent.start) else [ent.start]
                return next((span for k in starts
                             for span in [self._span_from_tokens(doc, text, k, j, strong=k == ent.start)] if span),
                            None)
        return None

    def _datelines(self, doc, text: str) -> tuple[list[ToponymSpan], set[int]]:
        """'BEIRUT:', 'TORRINGTON —': a report's dateline names the place it comes from."""
        spans: list[ToponymSpan] = []
        taken: set[int] = set()
        for sent in doc.sents:
            j = sent.start
            while j < sent.end and j - sent.start < 4 and doc[j].is_alpha and doc[j].is_upper and len(doc[j]) > 1:
                j += 1
            if j == sent.start or j >= len(doc) or doc[j].text not in DATELINE_MARKS:
                continue
            span = self._span_from_tokens(doc, text, sent.start, j, strong=True)
            if span is not None:
                spans.append(span)
                taken.update(range(sent.start, j))
        return spans, taken

    def _party_designations(self, doc, text: str, taken: set[int]) -> tuple[list[ToponymSpan], set[int]]:
        """'Sen. Jane Doe, D-W.Va.,', '(R-Ohio)': the place an American politician is
        from, written after the party's letter. A state's abbreviation is pinned to the
        state; a town or county name is read as any place is, cued by the designation."""
        spans: list[ToponymSpan] = []
        tokens: set[int] = set()
        if "-" not in text:
            return spans, tokens
        for i in range(1, len(doc) - 2):
            letter, hyphen = doc[i], doc[i + 1]
            if letter.text not in PARTY_LETTERS or hyphen.text != "-" or letter.whitespace_ or hyphen.whitespace_ \
                    or doc[i - 1].text not in ("(", ",") or i + 2 in taken:
                continue
            j = i + 2
            while j < len(doc) and j - i - 2 < 3 and doc[j].text[:1].isupper():
                j += 1
            if j == i + 2 or (j < len(doc) and doc[j].text not in DESIGNATION_ENDS):
                continue
            words = doc[i + 2:j]
            division = self.gazetteer.division_by_abbreviation(words.text)
            if division is not None:
                span = pinned_span(words.start_char, words.end_char, division.geonameid, hint="province")
            else:
                span = self._span_from_tokens(doc, text, i + 2, j, strong=True)
            if span is not None:
                spans.append(span)
                tokens.update(range(i, j))
        return spans, tokens

    def _landmark_spans(self, doc, text: str) -> tuple[list[ToponymSpan], set[int]]:
        """'the White House', 'the Kremlin': a landmark is a site in its town."""
        spans: list[ToponymSpan] = []
        taken: set[int] = set()
        for found in self.landmarks.find(text):
            tokens = doc.char_span(found.start, found.end, alignment_mode="expand")
            if tokens is None:
                continue
            town = found.town
            spans.append(ToponymSpan(found.start, found.end, f"#{town.geonameid}", None, None,
                                     text[found.start:found.end], found.start, found.end, pinned=town.geonameid))
            taken.update(range(tokens.start, tokens.end))
        return spans, taken

    def _hyphenated_names(self, doc, text: str) -> tuple[list[ToponymSpan], set[int]]:
        """Names written with hyphens that the parser cuts apart ("Port-au-Prince" into
        "Port-", "au" ...), found whole when the gazetteer knows them."""
        spans: list[ToponymSpan] = []
        taken: set[int] = set()
        if "-" not in text:
            return spans, taken
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
                return pinned_span(toks.start_char, toks.end_char, division.geonameid, adjectival=True)
            code = self.country_word(words) if words[:1].isupper() else None
            if code is not None:
                return ToponymSpan(toks.start_char, toks.end_char, fold(words), None, None, None,
                                   toks.start_char, toks.end_char, country=code, adjectival=True)
            region = self.gazetteer.region_of_demonym(words) if words[:1].isupper() else None
            if region is not None:      # "European Commission", "EU leaders"
                return pinned_span(toks.start_char, toks.end_char, region.geonameid, adjectival=True)
        return None

    def _abbreviation_span(self, ent) -> Optional[ToponymSpan]:
        """'W.Va.', 'Calif.': a division's abbreviation, pinned to that division."""
        division = abbreviated_division(self.gazetteer, ent)
        if division is None:
            return None
        return pinned_span(ent.start_char, ent.end_char, division.geonameid, hint="province")

    def _spans_in_run(self, doc, text, start: int, end: int) -> list[ToponymSpan]:
        """Gazetteer names inside a proper-noun run ('Hodeidah Red Sea port'), longest first."""
        found: list[ToponymSpan] = []
        i = start
        while i < end:
            for j in range(end, i, -1):
                if cuts_hyphenated_word(doc, i, j):
                    continue        # "Sava" of "Mayo-Sava" is no place of its own
                if j == i + 1 and i > start and doc[i].lower_ in FEATURE_WORDS:
                    continue        # "Delta" of "the Nile Delta" is the kind of feature, not Delta State
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
        # "Palmyra's Roman Theatre": a site inside a place; not "the People's Republic of China"
        whole = self.gazetteer.has_key(fold(text[toks[0].idx: toks[-1].idx + len(toks[-1])])) \
            if any(tok.text in POSSESSIVES for tok in toks) else False
        for k, tok in enumerate(toks):
            if tok.text in ("'s", "\u2019s") and 0 < k < len(toks) - 1 and not whole:
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
            elif state_office_follows(doc, last.i):
                hint = "province"       # "New York's governor", "Georgia Gov. Smith"
        prev = doc[toks[0].i - 1] if toks[0].i > 0 else None
        if region_word is None and prev is not None and prev.lower_ in DIRECTION_WORDS:
            region_word = prev.lower_
        if site is None:
            site, site_end = site_after(doc, text, toks[-1].i)
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
        bare = without_arabic_article(name)
        if bare is not None and not self.gazetteer.has_key(key) and placed_by_syntax(doc, toks[0].i, following) \
                and self.gazetteer.has_key(bare):
            key = bare      # "in Ar-Raqqa" is Raqqa, whose names in the gazetteer lack the article
        if len(key) < 3 or key in GENERIC_PLACE_WORDS or (hint is None and key in COMPASS_WORDS) \
                or mis_decoded(name) or not self.gazetteer.has_key(key):
            return None
        before_prev = doc[toks[0].i - 2] if toks[0].i > 1 else None
        if not strong and (locative_cue(prev, before_prev) or division_follows(self.gazetteer, doc, toks[-1].i)
                           or (following is not None and following.lower_ in LOCAL_OFFICE_WORDS)
                           or in_place_parentheses(doc, toks[0].i) or after_a_place(prev, before_prev)):
            strong = True
        if not strong:
            if prev is not None and prev.lower_.rstrip(".") in _TITLES:
                return None
            if len(toks) == 1 and toks[0].is_stop:
                return None     # "Harwinton First Selectman": a common word is no place of its own
            # a name found inside a longer run of names must be a town's own name, not one
            # of its alternate names ("Khail" of "Rahim Khail" is also Ha'il)
            # nor a county's name without its "County" ("Hall" of "National Concert Hall")
            best = max((c.population if c.feature_code == "PPL" else 10**7 for c in self.gazetteer.lookup(key)
                        if (not part_of_run or c.feature_code != "PPL" or c.own_key == key)
                        and (not part_of_run or c.feature_code != "ADM2" or c.own_key == key
                             or hint is not None)), default=0)
            if best < MIN_POPULATION_RELABEL and site is None:
                return None
        span_start = min(name_start, prev.idx if (region_word and prev is not None and prev.lower_ == region_word)
                         else name_start)
        span_end = name_end
        if site:
            span_end = toks[0].doc[end - 1].idx + len(toks[0].doc[end - 1])
        return ToponymSpan(name_start, name_end, key, hint, region_word, site, span_start, span_end,
                           cued=strong or hint is not None)

    def _named_with_direction(self, text: str, toks) -> bool:
        """Does the gazetteer know the name with its direction word, as a division, a
        country or a region ("North Darfur", "South Sudan", "North America")?"""
        name = text[toks[0].idx: toks[-1].idx + len(toks[-1])]
        key = fold(name)
        # a capitalised direction word may also begin a town's own name ("South Bend",
        # "East Hampton"), where "northern Aleppo" never does
        capitalised = toks[0].text[:1].isupper()
        return any(c.feature_code in ("ADM1", "ADM2", "PCLI", "CONT", "RGN")
                   or (capitalised and c.feature_code == "PPL" and c.own_key == key)
                   for c in self.gazetteer.lookup(key))

