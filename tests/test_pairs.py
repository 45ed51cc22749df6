"""Pair summaries, facts from the data and the visit → deal chain, on fixtures including edge cases."""

from __future__ import annotations

from datetime import date

from components.data import pairs
from tests.conftest import COOPERATION, DEALS, VISITS, write_dataset

EXTRA_VISITS = """\
- id: rus-pak-2012-10-lavrov
  start_date: 2012-10-04
  guest_country: RUS
  host_country: PAK
  visitor: {name: Sergey Lavrov, role: foreign_minister}
  cities: [{name: Islamabad, lat: 33.68, lon: 73.05}]
  kind: official
  summary: Earlier talks.
  sources:
    - {url: "https://example.org/lavrov-2012", publisher: Example News, title: Lavrov 2012}
"""


def context(tables):
    return {
        "names": tables.countries.name.to_dict(),
        "adjectives": tables.countries.adjective.to_dict(),
        "today": date(2026, 11, 27),
    }


def load(tmp_path, visits=VISITS, deals=DEALS, cooperation=COOPERATION):
    from components.data.frames import build_tables
    from components.data.loading import load_dataset

    return build_tables(load_dataset(write_dataset(tmp_path / "data", visits, deals, cooperation)))


def test_check_pair_names_the_unknown_code():
    codes = {"PAK", "RUS"}
    assert pairs.check_pair(codes, "RUS", "PAK") is None
    assert "“XXX”" in pairs.check_pair(codes, "XXX", "PAK")
    assert pairs.check_pair(codes, "PAK", "PAK") == "Choose two different countries."
    assert pairs.check_pair(codes, "PAK", None) == "Choose two countries."


def test_summary_counts_each_direction_and_status(tables):
    view = pairs.pair_tables(tables, "RUS", "PAK")
    summary = pairs.summarise(view, "RUS", "PAK")
    assert (summary.visits_ab, summary.visits_ba) == (1, 1)
    assert summary.levels_ab == {"foreign_minister": 1}
    assert summary.levels_ba == {"head_of_government": 1}
    assert summary.deals_by_status == {"signed": 1, "stalled": 1}
    assert summary.value_usd == 2e9 and summary.deals_without_value == 1
    assert (summary.first_contact, summary.latest_contact) == ("2015-10-16", "2022-02")
    assert summary.top_sectors[0] == ("energy", 5)


def test_summary_order_of_countries_does_not_change_the_records(tables):
    one = pairs.summarise(pairs.pair_tables(tables, "PAK", "RUS"), "PAK", "RUS")
    other = pairs.summarise(pairs.pair_tables(tables, "RUS", "PAK"), "RUS", "PAK")
    assert one.records == other.records == 6  # two visits, two deals, one area, one sideline meeting
    assert (one.visits_ab, one.visits_ba) == (other.visits_ba, other.visits_ab)


def test_pair_with_a_single_record(tables):
    view = pairs.pair_tables(tables, "CHN", "PAK")
    summary = pairs.summarise(view, "CHN", "PAK")
    assert summary.records == 1 and summary.first_contact == summary.latest_contact == "2015-04-20"
    found = pairs.facts(view, "CHN", "PAK", **context(tables))
    assert [f.text for f in found] == [
        "No Chinese head of state has visited Pakistan since 20 April 2015 (Xi Jinping).",
        "No visit from Pakistan to China is recorded.",
    ]


def test_pair_with_no_records_offers_the_nearest_pairs(tables):
    view = pairs.pair_tables(tables, "BTN", "PAK")
    assert pairs.summarise(view, "BTN", "PAK").records == 0
    assert pairs.facts(view, "BTN", "PAK", **context(tables)) == []
    assert pairs.nearest_pairs(tables, "BTN", "PAK") == [("PAK–RUS", 5), ("CHN–PAK", 1)]


def test_fact_first_visit_since_a_long_gap_links_both_visits(tmp_path):
    tables = load(tmp_path, visits=VISITS + EXTRA_VISITS)
    found = pairs.facts(pairs.pair_tables(tables, "PAK", "RUS"), "PAK", "RUS", **context(tables))
    gap = next(f for f in found if "since 2012" in f.text)
    assert gap.text == (
        "Sergey Lavrov's visit (6 April 2021) was the first by a Russian foreign minister to Pakistan since 2012."
    )
    assert gap.record_ids == ("rus-pak-2012-10-lavrov", "rus-pak-2021-04-lavrov")


def test_facts_about_deal_outcomes(tables):
    found = pairs.facts(pairs.pair_tables(tables, "PAK", "RUS"), "PAK", "RUS", **context(tables))
    texts = [f.text for f in found]
    assert "1 of 2 recorded deals are stalled or cancelled today." in texts
    largest = next(f for f in found if f.text.startswith("The largest reported deal"))
    assert "about $2 billion" in largest.text and "stalled as of 2019" in largest.text
    assert largest.record_ids == ("pak-rus-2015-pipeline",)


def test_no_top_level_visit_fact_needs_five_years(tables):
    found = pairs.facts(pairs.pair_tables(tables, "PAK", "RUS"), "PAK", "RUS", **context(tables))
    assert not any("head of government has visited" in f.text for f in found), "2022 is under five years before"


def test_visit_chain_follows_outcomes_and_signed_during(tables):
    chains = pairs.visit_chains(pairs.pair_tables(tables, "PAK", "RUS"))
    assert [c.visit.id for c in chains] == ["rus-pak-2021-04-lavrov"]
    deal, history = chains[0].deals[0]
    assert deal.id == "pak-rus-2021-pipeline-protocol" and list(history.state) == ["signed"]


def test_activity_and_sector_profile(tables):
    view = pairs.pair_tables(tables, "PAK", "RUS")
    per_year = pairs.yearly_activity(view, "PAK", "RUS")
    assert per_year.loc[2021].to_dict() == {"PAK→RUS": 0, "RUS→PAK": 1, "deals": 1}
    assert per_year.loc[2022, "PAK→RUS"] == 1
    profile = pairs.sector_profile(view).set_index(["period", "sector"]).records
    assert profile[("2015–2019", "energy")] == 2
    assert profile[("2020–2024", "energy")] == 3
