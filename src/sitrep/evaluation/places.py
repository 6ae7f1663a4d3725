"""``sitrep eval places``: toponym recognition and resolution on GWN, LGL, GeoVirus.

Gold toponyms are those with coordinates. LGL and GeoVirus coordinates are first
corrected with the published patch files (``*_patches.tsv``: name, old lat/lon,
corrected lat/lon). Articles go through the pipeline's own parse and the places
stage (``ToponymResolver``); a gold toponym is matched by the first predicted place
whose span overlaps it.

Reported, over all gold toponyms (an unmatched one counts as wrong):
- accuracy within 161 km (100 miles), the field's standard;
- exact GeoNames match (over gold toponyms that have an id);
- median error in km over matched toponyms;
- toponym recall (matched / gold) and precision (predicted that overlap a gold toponym).
"""
from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional

from ..coder import toponym_resolver
from ..geo.points import haversine_km
from ..nlp.spacy_model import masked_doc
from .acled import EVALDATA

GEO_DIR = EVALDATA / "geo"
DATASETS = {"gwn": "GWN.xml", "lgl": "lgl.xml", "geovirus": "GeoVirus.xml"}
PATCHES = {"lgl": "lgl_patches.tsv", "geovirus": "GeoVirus_patches.tsv"}
KM = 161.0
# a place this far off is on the wrong continent or across one
FAR_KM = 2000.0
# Place.score at or above this is a confident reading
CONFIDENT = 0.5


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float
    lon: float
    geonameid: Optional[int]


@dataclass(frozen=True)
class GeoDoc:
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(node, *tags) -> Optional[float]:
    for tag in tags:
        found = node.find(tag)
        if found is not None and (found.text or "").strip():
            try:
                return float(found.text)
            except ValueError:
                return None
    return None


def _patches(name: str) -> dict[str, tuple[tuple[float, float], tuple[float, float]]]:
    path = GEO_DIR / PATCHES[name] if name in PATCHES else None
    out = {}
    if path is None or not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < 3:
            continue
        try:
            old = tuple(float(x) for x in cols[1].split(","))
            new = tuple(float(x) for x in cols[2].split(","))
        except ValueError:
            continue
        out[cols[0]] = (old, new)
    return out


def load_geo(name: str, root: Path = GEO_DIR) -> Iterator[GeoDoc]:
    patches = _patches(name)
    tree = ET.parse(root / DATASETS[name])
    for article in tree.getroot().iter("article"):
        text = article.findtext("text") or ""
        golds = []
        # GWN and LGL call them <toponym>, GeoVirus <location>
        for top in [*article.iter("toponym"), *article.iter("location")]:
            start, end = top.findtext("start"), top.findtext("end")
            if start is None or end is None:
                continue
            gaz = top.find("gaztag")
            node = gaz if gaz is not None else top
            lat, lon = _float(node, "lat", "latitude"), _float(node, "lon", "longitude")
            if lat is None or lon is None:
                continue
            phrase = (top.findtext("phrase") or top.findtext("extractedName") or top.findtext("name")
                      or text[int(start):int(end)])
            patch = patches.get(phrase.strip())
            if patch and abs(patch[0][0] - lat) < 0.05 and abs(patch[0][1] - lon) < 0.05:
                lat, lon = patch[1]
            gid = (gaz.get("geonameid") if gaz is not None else None) or top.findtext("geonamesID")
            golds.append(GoldToponym(int(start), int(end), phrase, lat, lon,
                                     int(gid) if gid and str(gid).isdigit() else None))
        yield GeoDoc(text, tuple(golds))


def evaluate_places(resources, name: str, limit: Optional[int] = None) -> dict[str, Any]:
    resolver = toponym_resolver(resources)
    docs = list(load_geo(name))[:limit] if limit else list(load_geo(name))
    n_gold = n_with_id = hits_161 = exact = matched = predicted = predicted_ok = 0
    errors: list[float] = []
    far = far_confident = confident = confident_ok = 0
    for doc in docs:
        parsed = next(iter(resources.nlp.pipe([masked_doc(resources.nlp, resources.actors, doc.text)])))
        places, _ = resolver.resolve(parsed, doc.text)
        predicted += len(places)
        predicted_ok += sum(1 for p in places if any(p.evidence.start < g.end and g.start < p.evidence.end
                                                    for g in doc.toponyms))
        for gold in doc.toponyms:
            n_gold += 1
            n_with_id += gold.geonameid is not None
            place = next((p for p in places if p.evidence.start < gold.end and gold.start < p.evidence.end), None)
            if place is None:
                continue
            matched += 1
            km = haversine_km(place.lat, place.lon, gold.lat, gold.lon)
            errors.append(km)
            hits_161 += km <= KM
            far += km > FAR_KM
            far_confident += km > FAR_KM and place.score >= CONFIDENT
            confident += place.score >= CONFIDENT
            confident_ok += place.score >= CONFIDENT and km <= KM
            exact += gold.geonameid is not None and place.geonameid == gold.geonameid
    return {
        "dataset": name, "documents": len(docs), "gold_toponyms": n_gold,
        "accuracy_161km": round(hits_161 / max(1, n_gold), 4),
        "accuracy_161km_on_matched": round(hits_161 / max(1, matched), 4),
        "exact_geonames": round(exact / n_with_id, 4) if n_with_id else None,
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
        "toponym_recall": round(matched / max(1, n_gold), 4),
        "toponym_precision": round(predicted_ok / max(1, predicted), 4),
        # issue #3: an unsure place should be coarse and unsure, not confidently on another continent
        "far_errors": far, "far_errors_confident": far_confident,
        # is the confidence worth reading: how many matched places are confident, and how
        # many of those are right
        "confident_share": round(confident / max(1, matched), 4),
        "confident_accuracy_161km": round(confident_ok / max(1, confident), 4),
    }


def format_places_report(reports: list[dict[str, Any]]) -> str:
    lines = ["dataset    docs  gold   acc@161km  (on matched)  exact id  median km  recall  precision"
             f"  >{FAR_KM:.0f} km (confident)  confident: share  acc"]
    for r in reports:
        lines.append(f"{r['dataset']:<10} {r['documents']:>4} {r['gold_toponyms']:>5}   {r['accuracy_161km']:.3f}"
                     f"      ({r['accuracy_161km_on_matched']:.3f})     "
                     f"{format(r['exact_geonames'], '.3f') if r['exact_geonames'] is not None else '  n/a'}    "
                     f"{r['median_error_km'] if r['median_error_km'] is not None else '-':>7}   "
                     f"{r['toponym_recall']:.3f}   {r['toponym_precision']:.3f}"
                     f"     {r['far_errors']:>4} ({r['far_errors_confident']:>3})"
                     f"           {r['confident_share']:.3f}  {r['confident_accuracy_161km']:.3f}")
    return "\n".join(lines)
