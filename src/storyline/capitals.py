"""The world's capitals and the country each stands for when news uses it for a government.

News names a state by its capital (metonymy): ``the Damascus government``, ``the Cairo
regime``, ``Baghdad's Ministry of the Interior`` are Syria's, Egypt's and Iraq's. Where a
capital owns a state body (a ministry, the government, the regime), canonical resolution reads
it as its country (:func:`capital_country`), so that the ministry is the country's one body and
the government the country (:mod:`storyline.canonical_ministries`,
:mod:`storyline.nlp.mention_owners`). The capital written alone (``flew to Damascus``) stays the
city: only a state body after it makes it the state.

The table is general knowledge (the capitals of the world's states in English, with the
spellings news also uses: ``Kiev``/``Kyiv``, ``Sanaa``/``Sana'a``, ``Teheran``, and former
capitals still used for the government, ``Bonn`` of West Germany, ``Rangoon``). A city whose
country has the city's name (Singapore, Kuwait City, Luxembourg) needs no entry, and a capital
claimed by two states (Jerusalem) is left out: its owner is not the capital's to decide.
Written from general knowledge, not from any evaluation data.
"""

from __future__ import annotations

from .canonical_aliases import ALIASES, fold

__all__ = ["CAPITAL_COUNTRIES", "capital_country", "is_state"]

# Country (display name, as canonical resolution names it: the alias table's ``United
# States``, ``United Kingdom``) -> its capitals' names, comma-separated spellings.
_CAPITALS: dict[str, str] = {
    # Middle East and North Africa
    "Syria": "Damascus", "Iraq": "Baghdad", "Iran": "Tehran, Teheran", "Egypt": "Cairo",
    "Libya": "Tripoli", "Tunisia": "Tunis", "Algeria": "Algiers", "Morocco": "Rabat",
    "Lebanon": "Beirut", "Jordan": "Amman", "Saudi Arabia": "Riyadh", "Yemen": "Sanaa, Sana'a, Sana",
    "Oman": "Muscat", "United Arab Emirates": "Abu Dhabi", "Qatar": "Doha", "Bahrain": "Manama",
    "Turkey": "Ankara", "Cyprus": "Nicosia", "Sudan": "Khartoum", "South Sudan": "Juba",
    "Mauritania": "Nouakchott",
    # Africa
    "Ethiopia": "Addis Ababa", "Eritrea": "Asmara", "Djibouti": "Djibouti", "Somalia": "Mogadishu",
    "Kenya": "Nairobi", "Uganda": "Kampala", "Rwanda": "Kigali", "Burundi": "Bujumbura, Gitega",
    "Tanzania": "Dodoma, Dar es Salaam", "Democratic Republic of the Congo": "Kinshasa",
    "Congo": "Brazzaville", "Angola": "Luanda", "Zambia": "Lusaka", "Zimbabwe": "Harare",
    "Malawi": "Lilongwe", "Mozambique": "Maputo", "South Africa": "Pretoria", "Namibia": "Windhoek",
    "Botswana": "Gaborone", "Lesotho": "Maseru", "Madagascar": "Antananarivo", "Nigeria": "Abuja",
    "Ghana": "Accra", "Togo": "Lome", "Benin": "Porto-Novo, Porto Novo", "Burkina Faso": "Ouagadougou",
    "Niger": "Niamey", "Mali": "Bamako", "Senegal": "Dakar", "Gambia": "Banjul", "Guinea": "Conakry",
    "Guinea-Bissau": "Bissau", "Sierra Leone": "Freetown", "Liberia": "Monrovia",
    "Ivory Coast": "Yamoussoukro, Abidjan", "Cameroon": "Yaounde", "Chad": "N'Djamena, Ndjamena",
    "Central African Republic": "Bangui", "Gabon": "Libreville", "Equatorial Guinea": "Malabo",
    # Asia
    "Afghanistan": "Kabul", "Pakistan": "Islamabad", "India": "New Delhi", "Nepal": "Kathmandu",
    "Bhutan": "Thimphu", "Bangladesh": "Dhaka, Dacca", "Sri Lanka": "Colombo", "Maldives": "Male",
    "Myanmar": "Naypyidaw, Naypyitaw, Rangoon, Yangon", "Thailand": "Bangkok", "Laos": "Vientiane",
    "Cambodia": "Phnom Penh", "Vietnam": "Hanoi", "Malaysia": "Kuala Lumpur", "Indonesia": "Jakarta",
    "Philippines": "Manila", "East Timor": "Dili", "Brunei": "Bandar Seri Begawan",
    "China": "Beijing, Peking", "Taiwan": "Taipei", "Japan": "Tokyo", "South Korea": "Seoul",
    "North Korea": "Pyongyang", "Mongolia": "Ulaanbaatar, Ulan Bator",
    "Kazakhstan": "Astana, Nur-Sultan, Almaty", "Kyrgyzstan": "Bishkek", "Uzbekistan": "Tashkent",
    "Tajikistan": "Dushanbe", "Turkmenistan": "Ashgabat", "Azerbaijan": "Baku", "Armenia": "Yerevan",
    "Georgia": "Tbilisi",
    # Europe
    "Russia": "Moscow", "Ukraine": "Kyiv, Kiev", "Belarus": "Minsk", "Moldova": "Chisinau",
    "Romania": "Bucharest", "Bulgaria": "Sofia", "Serbia": "Belgrade", "Croatia": "Zagreb",
    "Slovenia": "Ljubljana", "Bosnia": "Sarajevo", "Montenegro": "Podgorica", "Kosovo": "Pristina",
    "North Macedonia": "Skopje", "Albania": "Tirana", "Greece": "Athens", "Italy": "Rome",
    "Malta": "Valletta", "Spain": "Madrid", "Portugal": "Lisbon", "France": "Paris",
    "Belgium": "Brussels", "Netherlands": "Amsterdam, The Hague", "Germany": "Berlin, Bonn",
    "Austria": "Vienna", "Switzerland": "Bern, Berne", "Czech Republic": "Prague",
    "Slovakia": "Bratislava", "Hungary": "Budapest", "Poland": "Warsaw", "Lithuania": "Vilnius",
    "Latvia": "Riga", "Estonia": "Tallinn", "Finland": "Helsinki", "Sweden": "Stockholm",
    "Norway": "Oslo", "Denmark": "Copenhagen", "Iceland": "Reykjavik", "Ireland": "Dublin",
    "United Kingdom": "London",
    # Americas and Oceania
    "United States": "Washington", "Canada": "Ottawa", "Mexico": "Mexico City",
    "Guatemala": "Guatemala City", "El Salvador": "San Salvador", "Honduras": "Tegucigalpa",
    "Nicaragua": "Managua", "Costa Rica": "San Jose", "Panama": "Panama City", "Cuba": "Havana",
    "Haiti": "Port-au-Prince, Port au Prince", "Dominican Republic": "Santo Domingo",
    "Jamaica": "Kingston", "Venezuela": "Caracas", "Colombia": "Bogota", "Ecuador": "Quito",
    "Peru": "Lima", "Bolivia": "La Paz, Sucre", "Chile": "Santiago", "Argentina": "Buenos Aires",
    "Uruguay": "Montevideo", "Paraguay": "Asuncion", "Brazil": "Brasilia", "Guyana": "Georgetown",
    "Suriname": "Paramaribo", "Australia": "Canberra", "New Zealand": "Wellington",
    "Papua New Guinea": "Port Moresby", "Fiji": "Suva",
}

# Folded capital -> the country's display name (``baghdad`` -> ``Iraq``). Djibouti is its
# country's name too, so it needs no entry.
CAPITAL_COUNTRIES: dict[str, str] = {
    fold(city): country for country, cities in _CAPITALS.items() for city in cities.split(", ")
    if fold(city) != fold(country)
}


def capital_country(name: str) -> str:
    """The country a capital stands for (``Baghdad``, ``baghdad``, ``Baghdads`` of a stripped
    possessive -> ``Iraq``), or ``""`` for a name that is no capital."""
    key = fold(name)
    return CAPITAL_COUNTRIES.get(key) or (CAPITAL_COUNTRIES.get(key[:-1], "") if key.endswith("s") else "")


# Folded names of the states the table lists (``syria``, ``united kingdom``)
_STATES = frozenset(fold(country) for country in _CAPITALS)


def is_state(name: str) -> bool:
    """Whether a name is a state's (``Syria``, ``the United States``, ``Britain`` by its alias),
    not a city's or a region's: news names a state for its government ("protests in Syria"
    are aimed at it), a city only for where ("protests in Homs")."""
    key = fold(name)
    key = key[4:] if key.startswith("the ") else key
    return key in _STATES or key in ALIASES and ALIASES[key][0] in _STATES
