"""Uploaded records: every limit refuses in one sentence, every record passes the curated data's own rules."""

from __future__ import annotations

import io
import stat
import time
import zipfile

import pytest

from components.data import uploads
from components.data.csvfile import CSV_COLUMNS, YAML_ONLY, model_fields_without_column, template
from components.data.frames import YOURS, build_tables
from components.data.schema import RECORD_MODELS
from components.data.uploads import Refused, UploadFile, combine, read_upload, target_file
from tests.conftest import COUNTRIES, DEALS
from tests.test_hostile_data import billion_laughs

NEW_VISIT = """\
- id: ind-pak-2015-12-modi
  start_date: 2015-12-25
  guest_country: IND
  host_country: PAK
  visitor: {name: Narendra Modi, role: head_of_government}
  cities: [{name: Lahore, lat: 31.55, lon: 74.34}]
  kind: working
  summary: A stop in Lahore on the way home.
  sectors: [diplomacy]
  sources:
    - {url: "https://example.org/modi-lahore", publisher: Example News}
"""

VISIT_ROW = (
    "ind-pak-2015-12-modi,2015-12-25,,IND,PAK,Narendra Modi,head_of_government,,working,Lahore,31.55,74.34,"
    "A stop in Lahore.,diplomacy;energy,,,,https://example.org/a;https://example.org/b,Example;Other,,,,\n"
)


def zipped(entries: dict[str, bytes | str], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip built in memory from path → content."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for path, content in entries.items():
            archive.writestr(path, content)
    return buffer.getvalue()


def load(dataset, name: str, content: bytes | str, *, replace_it: bool = False, kind: str | None = None):
    """The fixture dataset with one uploaded file added (or in its place)."""
    data = content.encode() if isinstance(content, str) else content
    return combine(dataset, [read_upload([UploadFile(name, data)], kind)], replace_it=replace_it)


def refusal(*files: UploadFile) -> str:
    with pytest.raises(Refused) as caught:
        read_upload(files)
    return str(caught.value)


# The limits: each refuses the whole upload with one sentence.


def test_an_upload_over_the_size_limit_is_refused_before_reading():
    message = refusal(UploadFile("big.yaml", b"#" * (uploads.MAX_UPLOAD_BYTES + 1)))
    assert message == "The upload is 10.0 MB; at most 10 MB can be loaded."


def test_an_upload_over_the_record_limit_is_refused():
    rows = "id,guest_country\n" + "a-visit,PAK\n" * (uploads.MAX_RECORDS + 1)
    message = refusal(UploadFile("many.csv", rows.encode()))
    assert message == "The upload holds 20,001 records; at most 20,000 can be loaded at once."


def test_a_zip_with_too_many_files_is_refused():
    archive = zipped({f"visits/{n}.yaml": "[]" for n in range(uploads.MAX_ZIP_FILES + 1)})
    assert refusal(UploadFile("d.zip", archive)) == "d.zip holds 501 files; at most 500 can be loaded at once."


def test_a_zip_bomb_is_refused_by_its_compression_ratio():
    archive = zipped({"visits/zeros.yaml": b"\0" * 5_000_000})
    assert refusal(UploadFile("bomb.zip", archive)).startswith("bomb.zip looks like a zip bomb: visits/zeros.yaml is")


def test_a_zip_too_large_uncompressed_is_refused(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UNCOMPRESSED_BYTES", 1_000)
    archive = zipped({"visits/a.yaml": "#" * 600, "visits/b.yaml": "#" * 600}, method=zipfile.ZIP_STORED)
    assert refusal(UploadFile("d.zip", archive)) == "d.zip would be 0 MB uncompressed; at most 0 MB can be loaded."


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/etc/visits.yaml", "d.zip contains an absolute path (/etc/visits.yaml); zip the data folder itself."),
        ("C:/visits.yaml", "d.zip contains an absolute path (C:/visits.yaml); zip the data folder itself."),
        ("visits/../../x.yaml", "d.zip contains a path that leaves its folder (visits/../../x.yaml)."),
    ],
)
def test_a_zip_with_a_path_outside_its_folder_is_refused(path, message):
    assert refusal(UploadFile("d.zip", zipped({path: "[]"}))) == message


def test_a_zip_with_a_symbolic_link_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("visits/link.yaml")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    message = refusal(UploadFile("d.zip", buffer.getvalue()))
    assert message == "d.zip contains a symbolic link (visits/link.yaml); zip the files themselves."


def test_a_file_that_is_not_a_zip_is_refused():
    assert refusal(UploadFile("d.zip", b"PK not really")) == "d.zip is not a zip file that can be opened."


@pytest.mark.parametrize("name", ["visits.yaml", "visits.csv"])
def test_text_that_is_not_utf8_is_refused(name):
    message = refusal(UploadFile(name, "- id: café\n".encode("latin-1")))
    assert message == f"{name} is not UTF-8 text (byte 0xe9 at position 9); save it as UTF-8 and upload it again."


def test_a_non_utf8_file_inside_a_zip_is_refused():
    archive = zipped({"visits/a.yaml": "- note: café\n".encode("latin-1")})
    assert refusal(UploadFile("d.zip", archive)).startswith("d.zip/visits/a.yaml is not UTF-8 text")


def test_an_unknown_file_type_is_refused():
    assert refusal(UploadFile("notes.txt", b"hello")) == "notes.txt is not a .yaml, .zip or .csv file."


# What the YAML loader refuses inside a file: listed as problems by file:line, the other records kept.


def test_aliases_are_refused_quickly_and_the_valid_record_kept(dataset):
    started = time.perf_counter()
    own = load(dataset, "mine.yaml", NEW_VISIT + billion_laughs(), kind="visits")
    assert time.perf_counter() - started < 5
    assert any("YAML aliases (*name) are not allowed" in str(p) for p in own.problems)
    assert "ind-pak-2015-12-modi" in {v.id for v in own.visits}


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['true']", "!!python/name:os.system", "!custom x"])
def test_custom_tags_are_refused_with_their_line(dataset, tag):
    own = load(dataset, "mine.yaml", NEW_VISIT + f"  note: {tag}\n")
    (problem,) = map(str, own.problems)
    assert problem.startswith("mine.yaml:12: -: -: YAML tags such as !!python/... are not allowed")
    assert len(own.visits) == len(dataset.visits)


def test_nesting_beyond_the_cap_is_refused_without_a_crash(dataset):
    own = load(dataset, "mine.yaml", NEW_VISIT + "  note: " + "[" * 5000 + "]" * 5000 + "\n")
    (problem,) = map(str, own.problems)
    assert problem.startswith("mine.yaml:12: -: -: ") and "nesting depth" in problem


# Reading: YAML, CSV and zip, with the curated data's own messages.


def test_yaml_records_are_told_apart_by_their_fields(dataset):
    deal = DEALS.replace("pak-rus-2015-pipeline", "pak-rus-2016-other").split("- id: pak-rus-2021")[0]
    own = load(dataset, "mixed.yaml", NEW_VISIT + deal)
    assert own.problems == []
    assert own.uploaded == {"ind-pak-2015-12-modi": "mixed.yaml", "pak-rus-2016-other": "mixed.yaml"}


def test_a_record_of_no_recognisable_kind_says_so(dataset):
    own = load(dataset, "mine.yaml", "- {id: something, summary: Hello}\n")
    (problem,) = map(str, own.problems)
    assert problem.startswith("mine.yaml:1: something: -: cannot tell which kind of record this is")


def test_a_chosen_kind_gives_that_models_messages(dataset):
    own = load(dataset, "mine.yaml", NEW_VISIT.replace("  kind: working\n", ""), kind="visits")
    assert [str(p) for p in own.problems] == ["mine.yaml:1: ind-pak-2015-12-modi: kind: required field is missing"]


def test_schema_and_cross_check_messages_are_the_curated_datas(dataset):
    broken = NEW_VISIT.replace("host_country: PAK", "host_country: XXX").replace("https://", "javascript://")
    problems = [str(p) for p in load(dataset, "mine.yaml", broken).problems]
    assert problems == [
        "mine.yaml:11: ind-pak-2015-12-modi: sources.0.url: 'javascript://example.org/modi-lahore' is not an "
        "http(s) address; only http:// and https:// links are allowed (got 'javascript://example.org/modi-lahore')"
    ]
    unknown = NEW_VISIT.replace("host_country: PAK", "host_country: XXX")
    problems = [str(p) for p in load(dataset, "mine.yaml", unknown).problems]
    assert problems == ["mine.yaml:4: ind-pak-2015-12-modi: host_country: unknown country code 'XXX'"]


def test_an_id_the_curated_data_has_is_a_clash_naming_both(dataset):
    clash = NEW_VISIT.replace("ind-pak-2015-12-modi", "rus-pak-2021-04-lavrov")
    own = load(dataset, "mine.yaml", clash)
    assert [str(p) for p in own.problems] == [
        "mine.yaml:1: rus-pak-2021-04-lavrov: id: duplicate id; already used by the record in data/visits/fixture.yaml"
    ]
    assert len(own.visits) == len(dataset.visits)


def test_replacing_drops_the_curated_records_but_keeps_the_vocabularies(dataset):
    own = load(dataset, "mine.yaml", NEW_VISIT, replace_it=True)
    assert [v.id for v in own.visits] == ["ind-pak-2015-12-modi"] and own.deals == [] and own.problems == []
    assert own.countries == dataset.countries
    clash = load(
        dataset, "mine.yaml", NEW_VISIT.replace("ind-pak-2015-12-modi", "rus-pak-2021-04-lavrov"), replace_it=True
    )
    assert clash.problems == [], "replacing, the curated ids are free again"


def test_csv_rows_become_records_with_lists_and_nested_fields(dataset):
    own = load(dataset, "visits.csv", template("visits") + VISIT_ROW)
    assert own.problems == []
    visit = own.visits[-1]
    assert visit.visitor.name == "Narendra Modi" and visit.sectors == ["diplomacy", "energy"]
    assert [s.publisher for s in visit.sources] == ["Example", "Other"]
    assert visit.cities[0].lat == 31.55


def test_csv_problems_name_the_row_and_column(dataset):
    row = VISIT_ROW.replace("head_of_government", "king").replace(",31.55,", ",north,")
    problems = [str(p) for p in load(dataset, "visits.csv", template("visits") + VISIT_ROW + row).problems]
    assert problems[0].startswith("visits.csv:3:visitor_role: ind-pak-2015-12-modi: visitor.role: Input should be")
    assert problems[1].startswith("visits.csv:3:city_lat: ind-pak-2015-12-modi: cities.0.lat: Input should be")
    assert len(problems) == 2
    twice = [str(p) for p in load(dataset, "visits.csv", template("visits") + VISIT_ROW + VISIT_ROW).problems]
    assert twice == ["visits.csv:3:id: ind-pak-2015-12-modi: id: duplicate id; already used at visits.csv:2"]


def test_a_csv_with_an_unknown_column_is_refused_with_the_templates_columns(dataset):
    own = load(dataset, "visits.csv", template("visits").replace("kind,", "kind,colour,", 1) + VISIT_ROW)
    (problem,) = map(str, own.problems)
    assert problem.startswith("visits.csv:1: -: -: unknown column(s) 'colour' (the visits template's columns: id,")


def test_a_zip_laid_out_like_data_is_read_with_its_reference_files(dataset):
    countries = COUNTRIES + "- {iso3: JPN, name: Japan, adjective: Japanese, group: partner, color: '#AA4499',\n"
    countries += "  capital: {name: Tokyo, lat: 35.68, lon: 139.69}}\n"
    visit = NEW_VISIT.replace("ind-pak", "ind-jpn").replace("host_country: PAK", "host_country: JPN")
    archive = zipped(
        {
            "data/countries.yaml": countries,
            "data/visits/ind-jpn.yaml": visit,
            "data/deals/other.yaml": DEALS.replace("pak-rus-2015-pipeline", "pak-rus-2015-other").split(
                "- id: pak-rus-2021"
            )[0],
            "data/README.md": "ignored",
        }
    )
    upload = read_upload([UploadFile("mine.zip", archive)])
    assert upload.ignored == ["README.md"]
    own = combine(dataset, [upload], replace_it=True)
    assert own.problems == []
    assert "JPN" in own.countries and [v.id for v in own.visits] == ["ind-jpn-2015-12-modi"]
    assert own.uploaded["ind-jpn-2015-12-modi"] == "mine.zip/visits/ind-jpn.yaml"


def test_the_fingerprint_covers_the_uploaded_content(dataset):
    first = load(dataset, "mine.yaml", NEW_VISIT)
    second = load(dataset, "mine.yaml", NEW_VISIT.replace("A stop", "A short stop"))
    assert len({dataset.fingerprint, first.fingerprint, second.fingerprint}) == 3
    assert "mine.yaml" in first.info.citation_name and "not reviewed" in first.info.citation_name


def test_tables_mark_each_records_origin(dataset):
    tables = build_tables(load(dataset, "mine.yaml", NEW_VISIT))
    origin = dict(zip(tables.visits.id, tables.visits.origin, strict=True))
    assert origin["ind-pak-2015-12-modi"] == YOURS
    assert set(origin.values()) == {"curated", YOURS}
    assert set(tables.deals.origin) == {"curated"}


def test_the_form_records_are_read_as_a_yaml_upload(dataset):
    record = {"id": "x-visit", "summary": "Hi"}
    upload = uploads.form_upload([record])
    assert upload.record_files[0][0].data == [record]


@pytest.mark.parametrize(
    ("kind", "record", "path"),
    [
        ("visits", {"guest_country": "PAK", "host_country": "IND"}, "data/visits/ind-pak.yaml"),
        ("deals", {"parties": ["RUS", "PAK"]}, "data/deals/pak-rus.yaml"),
        ("cooperation", {"countries": ["USA", "IND"]}, "data/cooperation/ind-usa.yaml"),
        ("meetings", {"series": "saarc-summit"}, "data/meetings/saarc-summit.yaml"),
        ("visits", {}, "data/visits/aaa-bbb.yaml"),
    ],
)
def test_a_record_belongs_in_its_pairs_file(kind, record, path):
    assert target_file(kind, record) == path


@pytest.mark.parametrize("kind", sorted(RECORD_MODELS))
def test_every_field_of_every_kind_has_a_csv_column_or_is_yaml_only(kind):
    assert model_fields_without_column(kind) == set(YAML_ONLY.get(kind, ()))
    assert set(CSV_COLUMNS) == set(RECORD_MODELS)


def test_visits_csv_columns_in_the_readme_match_the_template():
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for kind in CSV_COLUMNS:
        assert template(kind).strip() in readme, f"the README shows the {kind} template's header"


def test_the_yaml_template_is_a_valid_record_of_the_real_data():
    from components.data.loading import load_dataset

    own = combine(load_dataset(), [read_upload([UploadFile("template.yaml", uploads.YAML_TEMPLATE.encode())])])
    assert [str(p) for p in own.problems] == [] and list(own.uploaded) == ["ind-jpn-2024-05-example"]


def test_too_many_records_are_refused_before_any_yaml_is_parsed(monkeypatch):
    parsed = []
    monkeypatch.setattr(uploads.YamlFile, "from_text", classmethod(lambda cls, *a: parsed.append(a)))
    message = refusal(UploadFile("many.yaml", b"- {}\n" * (uploads.MAX_RECORDS + 1)))
    assert message == "The upload holds 20,001 records; at most 20,000 can be loaded at once."
    assert parsed == []


def test_nesting_just_past_the_data_files_cap_names_the_cap(dataset):
    own = load(dataset, "mine.yaml", NEW_VISIT + "  note: " + "[" * 60 + "]" * 60 + "\n")
    (problem,) = map(str, own.problems)
    assert problem.startswith("mine.yaml:12: ind-pak-2015-12-modi: note.0.0") and problem.endswith("50 levels")
