"""Dataframes carry typed, derived columns; filters select the rows a user expects."""

from __future__ import annotations

from components.data.filters import Filters, apply_filters
from components.data.frames import pair_key


def test_pair_is_order_independent():
    assert pair_key("RUS", "PAK") == pair_key("PAK", "RUS") == "PAK–RUS"


def test_visit_table_types_and_derived_columns(tables):
    visits = tables.visits.set_index("id")
    assert str(visits.start.dtype).startswith("datetime64")
    assert visits.loc["pak-rus-2022-02-khan", "start_precision"] == "month"
    assert visits.loc["pak-rus-2022-02-khan", "dates"] == "February 2022"
    assert visits.loc["rus-pak-2021-04-lavrov", "pair"] == "PAK–RUS"
    assert visits.loc["chn-pak-2015-04-xi", "year"] == 2015
    assert str(visits.guest.dtype) == "category"


def test_deal_table_keeps_status_history_and_current_state(tables):
    deals = tables.deals.set_index("id")
    assert deals.loc["pak-rus-2015-pipeline", "status"] == "stalled"
    assert deals.loc["pak-rus-2015-pipeline", "value_usd"] == 2e9
    assert deals.loc["pak-rus-2015-pipeline", "has_path"]
    history = tables.status[tables.status.deal_id == "pak-rus-2015-pipeline"]
    assert list(history.state) == ["signed", "stalled"]
    assert list(tables.paths.name) == ["Karachi", "Lahore"]


def test_sources_table_has_one_row_per_source(tables):
    assert len(tables.sources) == 9  # six records, two meetings, one sideline meeting
    assert set(tables.sources.record_kind) == {"visit", "deal", "cooperation", "meeting", "sideline"}


def test_default_filters_keep_everything(tables):
    assert apply_filters(tables, Filters()) is tables


def test_pair_filter_in_either_order(tables):
    for pair in (("RUS", "PAK"), ("PAK", "RUS")):
        view = apply_filters(tables, Filters(pair=pair))
        assert set(view.visits.id) == {"rus-pak-2021-04-lavrov", "pak-rus-2022-02-khan"}
        assert len(view.deals) == 2
        assert list(view.cooperation.id) == ["pak-rus-energy"]


def test_country_filter_keeps_records_involving_any(tables):
    view = apply_filters(tables, Filters(countries=("CHN",)))
    assert list(view.visits.id) == ["chn-pak-2015-04-xi"]
    assert view.deals.empty and view.cooperation.empty
    assert list(view.meetings.id) == ["sco-heads-of-state-2019-bishkek"], "China attended Bishkek"
    assert set(view.participants.meeting_id) == {"sco-heads-of-state-2019-bishkek"}
    assert view.sidelines.empty, "China met no one on the sidelines"
    assert set(view.sources.record_id) == {"chn-pak-2015-04-xi", "sco-heads-of-state-2019-bishkek"}


def test_year_range_sector_role_and_status(tables):
    assert list(apply_filters(tables, Filters(years=(2021, 2021))).visits.id) == ["rus-pak-2021-04-lavrov"]
    assert list(apply_filters(tables, Filters(sectors=("connectivity",))).visits.id) == ["chn-pak-2015-04-xi"]
    assert list(apply_filters(tables, Filters(roles=("head_of_government",))).visits.id) == ["pak-rus-2022-02-khan"]
    assert list(apply_filters(tables, Filters(statuses=("stalled",))).deals.id) == ["pak-rus-2015-pipeline"]


def test_cooperation_counts_from_its_start_year(tables):
    assert apply_filters(tables, Filters(years=(2000, 2014))).cooperation.empty
    assert len(apply_filters(tables, Filters(years=(2016, 2020))).cooperation) == 1


def test_filter_that_matches_nothing_gives_empty_tables(tables):
    view = apply_filters(tables, Filters(pair=("BTN", "USA")))
    assert view.visits.empty and view.deals.empty and view.cooperation.empty and view.sources.empty


def test_describe_names_the_filters():
    text = Filters(pair=("PAK", "RUS"), years=(2010, 2021)).describe({"PAK": "Pakistan", "RUS": "Russia"})
    assert text == "pair Pakistan – Russia; 2010–2021"
    assert Filters().describe() == "all records"
