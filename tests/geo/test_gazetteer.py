"""The compiled gazetteer answers the lookups the seed report needs."""
from sitrep.geo.names import fold


def test_variants_resolve_to_geonames_ids(resources):
    g = resources.gazetteer
    assert 163808 in {c.geonameid for c in g.lookup(fold("Palmyra"))}          # Tadmur
    assert 170794 in {c.geonameid for c in g.lookup(fold("Deir al-Zor"))}      # Deir ez-Zor city
    assert 170792 in {c.geonameid for c in g.lookup(fold("Deir ez-Zor"))}      # the governorate
    assert 172955 in {c.geonameid for c in g.lookup(fold("Raqqa"))}            # Ar Raqqah city
    assert 170063 in {c.geonameid for c in g.lookup(fold("Halab"))}            # Aleppo


def test_unknown_words_are_not_places(resources):
    for word in ("Hezbollah", "Daesh", "Friday", "Kurdish"):
        assert resources.gazetteer.lookup(fold(word)) == []


def test_demonyms_and_countries(resources):
    g = resources.gazetteer
    assert g.demonym_country("Syrian") == "SYR"
    assert g.demonym_country("American") == "USA"
    assert g.country("SYR").feature_code == "PCLI"


def test_second_level_divisions_sit_among_their_towns(resources):
    from sitrep.geo.points import haversine_km

    g = resources.gazetteer
    counties = [c for c in g.lookup(fold("Butler County")) if c.feature_code == "ADM2"]
    kansas = next(c for c in counties if c.admin1_code == "KS")
    el_dorado = next(c for c in g.lookup(fold("El Dorado")) if c.admin1_code == "KS")   # its seat
    assert haversine_km(kansas.lat, kansas.lon, el_dorado.lat, el_dorado.lon) < 40
    assert len({c.admin1_code for c in counties}) > 3           # many states have a Butler County


def test_countries_sit_at_the_geonames_point(resources):
    from sitrep.geo.points import haversine_km

    g = resources.gazetteer
    # countryinfo's point where it agrees with GeoNames, the data file's where it does not
    assert (g.country("RUS").lat, g.country("RUS").lon) == (60.0, 100.0)
    usa = g.country("USA")
    assert haversine_km(usa.lat, usa.lon, 39.76, -98.5) < 1


def test_division_names_read_as_news_write_them(resources):
    g = resources.gazetteer
    assert g.division_by_abbreviation("W. Va.").admin1_name == "West Virginia"
    assert g.division_by_abbreviation("Calif").admin1_name == "California"
    assert g.division_by_abbreviation("Smith") is None
    texas = next(c for c in g.lookup(fold("Texas")) if c.feature_code == "ADM1")
    assert texas.admin1_name == "Texas"                          # not "Estado de Texas"
    deir = next(c for c in g.lookup(fold("Deir ez-Zor")) if c.feature_code == "ADM1")
    assert deir.admin1_name == "Deir ez-Zor"                     # not "Dayr az Zawr"


def test_a_country_alias_that_names_one_of_its_divisions_is_the_division(resources):
    g = resources.gazetteer
    readings = g.lookup(fold("Wales"))
    assert "PCLI" not in {c.feature_code for c in readings}
    assert any(c.feature_code == "ADM1" and c.country3 == "GBR" for c in readings)
    assert any(c.feature_code == "PCLI" for c in g.lookup(fold("Djibouti")))   # its own name stays


def test_only_other_versions_count_as_stale(tmp_path, monkeypatch):
    from sitrep.geo import gazetteer

    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    current = gazetteer.default_gazetteer_path()
    for name in (current.name, "gazetteer-v5.sqlite", "gazetteer-v6-00000000.sqlite", "phoenix-v1.sqlite"):
        (tmp_path / name).write_bytes(b"")
    assert sorted(p.name for p in gazetteer.stale_gazetteers()) == ["gazetteer-v5.sqlite",
                                                                    "gazetteer-v6-00000000.sqlite"]


def test_remembered_lookups_cannot_be_changed_by_a_caller(resources):
    g = resources.gazetteer
    first = g.lookup(fold("Palmyra"))
    first.clear()
    assert g.lookup(fold("Palmyra")) and g.has_key(fold("Palmyra"))
    assert g.lookup(fold("no such place anywhere")) == [] and not g.has_key(fold("no such place anywhere"))


def test_a_name_is_found_without_its_arabic_article(resources):
    g = resources.gazetteer
    assert any(c.country3 == "SYR" for c in g.lookup(fold("Qamishli")))      # "Al Qamishli"
    # a remainder shorter than five letters is no key of its own ("Al Ain" is not "Ain")
    assert all(c.country3 != "ARE" for c in g.lookup(fold("Ain")))


def test_a_division_whose_middle_falls_off_its_land_is_placed_at_its_town_nearest_the_middle():
    from sitrep.geo.points import OFF_LAND_KM, division_point, haversine_km

    # an L of towns: the middle of their range is far from every one of them
    lats = [30.0, 30.0, 30.0, 26.0, 25.0]
    lons = [-87.0, -85.0, -83.0, -81.0, -81.0]
    lat, lon = division_point(lats, lons)
    assert (lat, lon) in set(zip(lats, lons))
    # a compact division keeps the middle of its range
    lats, lons = [40.0, 40.5, 41.0, 40.2], [-90.0, -89.5, -89.0, -89.8]
    lat, lon = division_point(lats, lons)
    assert (lat, lon) == (40.5, -89.5)
    assert min(haversine_km(lat, lon, la, lo) for la, lo in zip(lats, lons)) <= OFF_LAND_KM


def test_florida_is_placed_on_its_land(resources):
    from sitrep.geo.points import OFF_LAND_KM, haversine_km

    [florida] = [c for c in resources.gazetteer.lookup("florida") if c.feature_code == "ADM1" and c.country3 == "USA"]
    # the middle of its towns' range lies in the Gulf of Mexico, off its west coast
    towns = [c for name in ("tampa", "st. petersburg", "clearwater", "largo", "sarasota", "bradenton")
             for c in resources.gazetteer.lookup(name) if c.admin1_name == "Florida" and c.feature_code == "PPL"]
    assert towns and min(haversine_km(florida.lat, florida.lon, t.lat, t.lon) for t in towns) <= OFF_LAND_KM
