"""Shared fixtures: a small, valid dataset written in code, helpers to break it one way at a time, and the browser."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from tests.browser.support import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parents[1]
REAL_DATA = REPO / "data"

VISITS = """\
- id: rus-pak-2021-04-lavrov
  start_date: 2021-04-06
  end_date: 2021-04-07
  guest_country: RUS
  host_country: PAK
  visitor: {name: Sergey Lavrov, role: foreign_minister}
  cities: [{name: Islamabad, lat: 33.68, lon: 73.05}]
  kind: official
  summary: Talks in Islamabad.
  sectors: [diplomacy, energy]
  outcomes: [pak-rus-2021-pipeline-protocol]
  sources:
    - {url: "https://example.org/lavrov", publisher: Example News, title: Lavrov arrives, published: 2021-04-06}
- id: pak-rus-2022-02-khan
  start_date: 2022-02
  guest_country: PAK
  host_country: RUS
  visitor: {name: Imran Khan, role: head_of_government}
  cities: [{name: Moscow, lat: 55.75, lon: 37.62}]
  kind: official
  summary: Talks in Moscow.
  sectors: [energy]
  sources:
    - {url: "https://example.org/khan", publisher: Example News}  # headline not seen: no title
- id: chn-pak-2015-04-xi
  start_date: 2015-04-20
  end_date: 2015-04-21
  guest_country: CHN
  host_country: PAK
  visitor: {name: Xi Jinping, role: head_of_state}
  cities: [{name: Islamabad, lat: 33.68, lon: 73.05}]
  kind: state
  summary: State visit.
  sectors: [connectivity]
  sources:
    - {url: "https://example.org/xi", publisher: Example Gazette, title: Xi in Islamabad, published: 2015-04}
"""

DEALS = """\
- id: pak-rus-2015-pipeline
  title: North–South gas pipeline agreement
  parties: [PAK, RUS]
  kind: agreement
  sector: energy
  signed: 2015-10-16
  value: {usd: 2000000000, reported: about $2 billion}
  status:
    - {state: signed, date: 2015-10-16}
    - {state: stalled, date: 2019}
  location:
    name: North–South pipeline
    path: [{name: Karachi, lat: 24.86, lon: 67.01}, {name: Lahore, lat: 31.55, lon: 74.34}]
  summary: A gas pipeline from Karachi to Lahore.
  sources:
    - {url: "https://example.org/pipeline", publisher: Example News, title: Pipeline signed}
- id: pak-rus-2021-pipeline-protocol
  title: Amended pipeline protocol
  parties: [PAK, RUS]
  kind: agreement
  sector: energy
  signed: 2021-05
  status:
    - {state: signed, date: 2021-05}
  signed_during: rus-pak-2021-04-lavrov
  summary: Revised terms.
  sources:
    - {url: "https://example.org/protocol", publisher: Example News, title: Protocol}
"""

COOPERATION = """\
- id: pak-rus-energy
  countries: [PAK, RUS]
  sector: energy
  since: 2015
  status: stalled
  summary: Gas pipeline cooperation.
  milestones: [pak-rus-2015-pipeline, rus-pak-2021-04-lavrov]
  sources:
    - {url: "https://example.org/energy", publisher: Example News, title: Energy ties}
"""


STORY = """\
id: pipeline-story
title: A pipeline and a visit
author: Test lecturer
audience: first-year students
summary: Two slides about the fixture records.
slides:
  - title: The pipeline
    narrative: Signed in **2015**, stalled by 2019.
    view: {chart: deals_gantt, pair: [PAK, RUS], highlight: [pak-rus-2015-pipeline]}
    speaker_notes: Ask what stalled it.
    records: [pak-rus-2015-pipeline]
  - title: The visit
    narrative: Lavrov came to Islamabad in April 2021.
    view: {chart: pair_timeline, pair: [PAK, RUS], highlight: [rus-pak-2021-04-lavrov]}
    records: [rus-pak-2021-04-lavrov, pak-rus-2021-pipeline-protocol]
  - title: Where
    narrative: The route.
    view: {chart: visits_map, countries: [RUS]}
    records: [rus-pak-2021-04-lavrov]
"""


DATASET = """\
title: Test dataset
version: "9.9.9"
updated: 2026-01-01
licence: CC BY 4.0
maintainers: Tests
citation_name: Test Dashboard
"""

COUNTRIES = """\
- {iso3: AFG, name: Afghanistan, adjective: Afghan, group: south_asia, color: "#882255",
  capital: {name: Kabul, lat: 34.55, lon: 69.21}}
- {iso3: BTN, name: Bhutan, adjective: Bhutanese, group: south_asia, color: "#88CCEE",
  capital: {name: Thimphu, lat: 27.47, lon: 89.64}}
- {iso3: IND, name: India, adjective: Indian, group: south_asia, color: "#009988",
  capital: {name: New Delhi, lat: 28.61, lon: 77.21}}
- {iso3: PAK, name: Pakistan, adjective: Pakistani, group: south_asia, color: "#117733",
  capital: {name: Islamabad, lat: 33.68, lon: 73.05}}
- {iso3: CHN, name: China, adjective: Chinese, group: great_power, color: "#CC3311",
  capital: {name: Beijing, lat: 39.9, lon: 116.4}}
- {iso3: RUS, name: Russia, adjective: Russian, group: great_power, color: "#0077BB",
  capital: {name: Moscow, lat: 55.75, lon: 37.62}}
- {iso3: USA, name: United States, adjective: American, group: great_power, color: "#EE7733",
  capital: {name: Washington, lat: 38.9, lon: -77.04}}
"""

SECTORS = """\
- {id: energy, name: Energy, description: "Oil, gas and power."}
- {id: connectivity, name: Connectivity, description: "Roads, rail and corridors."}
- {id: diplomacy, name: Diplomacy, description: Talks and statements.}
- {id: defence, name: Defence, description: Arms and exercises.}
"""


SERIES = """\
- id: sco-heads-of-state
  name: SCO Council of Heads of State
  organisation: Shanghai Cooperation Organisation
  description: Annual summit.
  members:
    - {country: CHN, joined: 2001}
    - {country: RUS, joined: 2001}
    - {country: IND, joined: 2017}
    - {country: PAK, joined: 2017}
"""

MEETINGS = """\
- id: sco-heads-of-state-2019-bishkek
  series: sco-heads-of-state
  name: SCO summit, Bishkek 2019
  start_date: 2019-06-13
  end_date: 2019-06-14
  host_country: RUS
  city: {name: Bishkek, lat: 42.87, lon: 74.57}
  status: held
  participants:
    - {country: CHN, name: Xi Jinping, role: head_of_state}
    - {country: RUS, name: Vladimir Putin, role: head_of_state}
    - {country: PAK, name: Imran Khan, role: head_of_government}
    - {country: IND, name: Narendra Modi, role: head_of_government}
  summary: Annual summit.
  sectors: [diplomacy]
  sidelines:
    - countries: [PAK, RUS]
      date: 2019-06-13
      people: [Imran Khan, Vladimir Putin]
      summary: A brief meeting.
      sources:
        - {url: "https://example.org/khan-putin", publisher: Example News, title: Khan meets Putin}
  sources:
    - {url: "https://example.org/bishkek", publisher: Example News, title: Leaders meet in Bishkek}
- id: sco-heads-of-state-2016-tashkent
  series: sco-heads-of-state
  name: SCO summit, Tashkent 2016
  start_date: 2016-06-23
  host_country: CHN
  status: cancelled
  status_note: Called off in the fixture.
  summary: Called off.
  sources:
    - {url: "https://example.org/tashkent", publisher: Example News, title: Summit called off}
"""


def write_dataset(
    root: Path,
    visits: str = VISITS,
    deals: str = DEALS,
    cooperation: str = COOPERATION,
    story: str = STORY,
    meetings: str = MEETINGS,
) -> Path:
    """Write a complete small data/ folder at root, reference files included, independent of the real data."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "stories").mkdir(exist_ok=True)
    (root / "stories" / "fixture.yaml").write_text(textwrap.dedent(story), encoding="utf-8")
    for name, text in (("dataset", DATASET), ("countries", COUNTRIES), ("sectors", SECTORS), ("series", SERIES)):
        (root / f"{name}.yaml").write_text(text, encoding="utf-8")
    for kind, text in (("visits", visits), ("deals", deals), ("cooperation", cooperation), ("meetings", meetings)):
        (root / kind).mkdir(exist_ok=True)
        (root / kind / "fixture.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture(autouse=True, scope="session")
def compiled_cache(tmp_path_factory) -> Path:
    """The app's compiled data cache in a folder of the test session's own (servers started by tests inherit it)."""
    from components.data.compiled import CACHE_DIR_ENV

    folder = tmp_path_factory.mktemp("compiled")
    os.environ[CACHE_DIR_ENV] = str(folder)
    return folder


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A valid dataset: three visits, two deals, one cooperation area, two meetings (one called off)."""
    return write_dataset(tmp_path / "data")


@pytest.fixture
def dataset(data_dir: Path):
    """The fixture dataset, loaded and validated."""
    from components.data.loading import load_dataset

    return load_dataset(data_dir)


@pytest.fixture
def tables(dataset):
    """The fixture dataset as dataframes."""
    from components.data.frames import build_tables

    return build_tables(dataset)


@pytest.fixture(scope="session")
def browser():
    """Chromium driven by Playwright, shared by the browser and deployment tests; fails (never skips) when missing."""
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Error as error:
            pytest.fail(
                f"Browser tests need Chromium ({error.message.splitlines()[0]}). `make test` installs it: "
                "`apt-get install -y chromium` as root, else `python -m playwright install chromium`.",
                pytrace=False,
            )
        yield instance
        instance.close()
