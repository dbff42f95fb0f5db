"""The datasheet (datasets/README.md), the licences and the LAC bloc memberships.

The membership facts below were checked on 2026-11-23 against the blocs' published member lists
(addresses in datasets/lac_country_groups/membership_sources.csv). They are read from the CSV, so a
wrong edit of a flag makes these tests fail.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

from course_tools.data import manifest

ROOT = Path(__file__).resolve().parents[2]
DATASETS = ROOT / "datasets"
README = DATASETS / "README.md"
GROUPS_CSV = DATASETS / "lac_country_groups" / "lac_country_groups.csv"
SOURCES_CSV = DATASETS / "lac_country_groups" / "membership_sources.csv"

DATASET_FOLDERS = sorted(p.name for p in DATASETS.iterdir() if p.is_dir())
LICENCE_FILE = re.compile(r"LICENSE[\w.-]*\.(?:txt|md)")

# Columns that other course code reads: names and order must not change (adding columns is fine).
ORIGINAL_COLUMNS = [
    "iso3", "m49", "name_en", "name_es", "m49_intermediate_region", "sids", "eclac_member_state",
    "aladi", "mercosur_state_party", "mercosur_note", "mercosur_associated", "andean_community_can",
    "caricom_member", "caricom_associate", "oecs_member", "oecs_associate", "sica_member",
    "central_american_common_market_sieca", "pacific_alliance",
]
FLAG_COLUMNS = [
    "eclac_member_state", "eclac_associate_member", "aladi", "mercosur_state_party",
    "mercosur_associated", "andean_community_can", "caricom_member", "caricom_associate",
    "oecs_member", "oecs_associate", "sica_member", "central_american_common_market_sieca",
    "pacific_alliance",
]


def _readme() -> str:
    return README.read_text(encoding="utf-8")


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _members(column: str) -> set[str]:
    return {r["iso3"] for r in _rows(GROUPS_CSV) if r[column] == "1"}


# --- the datasheet documents every shipped file ---------------------------------------------------

def test_there_are_datasets_to_document():
    assert len(DATASET_FOLDERS) >= 14, DATASET_FOLDERS


@pytest.mark.parametrize("folder", DATASET_FOLDERS)
def test_every_dataset_folder_has_a_section_in_the_datasheet(folder):
    assert f"### `{folder}`" in _readme(), f"datasets/README.md has no section '### `{folder}`'"


def test_every_file_in_the_manifest_is_named_in_the_datasheet():
    text = _readme()
    undocumented = []
    for rel in manifest.read_manifest(DATASETS):
        parts = rel.split("/")
        name = parts[-1]
        # A file directly in a dataset folder must be named. Files in a sub-folder (e.g. the 132
        # IBGE .xls tables) may instead be covered by naming the sub-folder, as `sub-folder/`.
        named = name in text or (len(parts) > 2 and f"{parts[-2]}/" in text)
        if not named:
            undocumented.append(rel)
    assert not undocumented, f"not mentioned in datasets/README.md: {undocumented}"


def test_datasheet_states_the_non_commercial_condition():
    text = _readme()
    assert "CC BY-NC 4.0" in text
    assert "free and non-commercial" in text
    assert "## Checksums" in text and "MANIFEST.sha256" in text and "sha256sum -c" in text
    assert "## Bring your own data" in text and "read_trade_file" in text


# --- provenance and licence files -----------------------------------------------------------------

@pytest.mark.parametrize("folder", DATASET_FOLDERS)
def test_every_dataset_folder_has_source_md(folder):
    source = DATASETS / folder / "SOURCE.md"
    assert source.is_file(), f"datasets/{folder}/SOURCE.md is missing"
    assert source.read_text(encoding="utf-8").strip(), f"datasets/{folder}/SOURCE.md is empty"


@pytest.mark.parametrize("folder", DATASET_FOLDERS)
def test_licence_files_named_in_source_md_are_shipped(folder):
    text = (DATASETS / folder / "SOURCE.md").read_text(encoding="utf-8")
    missing = [n for n in set(LICENCE_FILE.findall(text)) if not (DATASETS / folder / n).is_file()]
    assert not missing, f"datasets/{folder}/SOURCE.md says to keep {missing}, but they are not there"


def test_licences_that_must_be_kept_are_there():
    # MIT and BSD require their notice to travel with every copy.
    required = {
        "classif_growthlab": "LICENSE_BSD3_GrowthLab.txt",
        "concordances_kim": "LICENSE.md",
        "io_brazil_2020_51s": "LICENSE_fio_MIT.md",
        "io_brazil_ibge_tru": "LICENSE_iotbr_MIT.txt",
        "io_world_mrio_2000_26r23s": "LICENSE_fio_MIT.md",
        "trade_atlas_derived_panels_monicact": "LICENSE_repo_MIT.txt",
    }
    for folder, name in required.items():
        assert (DATASETS / folder / name).is_file(), f"datasets/{folder}/{name} is missing"


def test_every_shipped_licence_file_is_named_in_the_datasheet():
    text = _readme()
    for path in DATASETS.glob("*/LICENSE*"):
        assert path.name in text, f"{path.relative_to(ROOT)} is not named in datasets/README.md"


def test_repository_licence():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in text
    assert "Copyright (c) 2026 Nichos course authors" in text
    assert "CC BY 4.0" in text and "creativecommons.org/licenses/by/4.0" in text
    assert "datasets/README.md" in text and "NON-COMMERCIAL" in text


# --- checksums ------------------------------------------------------------------------------------

def test_manifest_lists_exactly_the_data_files_on_disk():
    listed = set(manifest.read_manifest(DATASETS))
    on_disk = set(manifest.data_files(DATASETS))
    assert listed - on_disk == set(), f"listed but missing on disk: {sorted(listed - on_disk)}"
    assert on_disk - listed == set(), (
        f"on disk but not in datasets/MANIFEST.sha256: {sorted(on_disk - listed)}; "
        "run `course data manifest` after adding a dataset"
    )


def test_manifest_checksums_match_the_files():
    wrong = [rel for rel, digest in manifest.read_manifest(DATASETS).items()
             if manifest.sha256_of(DATASETS / rel) != digest]
    assert not wrong, f"checksum differs for {wrong}"


def test_manifest_is_in_sha256sum_format():
    for line in (DATASETS / "MANIFEST.sha256").read_text(encoding="utf-8").splitlines():
        assert re.fullmatch(r"[0-9a-f]{64}  \S.*", line), line


# --- LAC bloc memberships (verified 2026-11-23) ---------------------------------------------------

def test_group_table_shape_and_columns():
    rows = _rows(GROUPS_CSV)
    assert len(rows) == 52  # every M49 "Latin America and the Caribbean" country or territory
    assert len({r["iso3"] for r in rows}) == 52
    columns = list(rows[0])
    assert columns[: len(ORIGINAL_COLUMNS)] == ORIGINAL_COLUMNS
    for col in FLAG_COLUMNS:
        assert {r[col] for r in rows} <= {"0", "1"}, col


def test_as_of_is_one_iso_date():
    dates = {r["as_of"] for r in _rows(GROUPS_CSV)}
    assert len(dates) == 1
    dt.date.fromisoformat(dates.pop())


def test_eclac_has_33_member_states_in_the_region():
    members = _members("eclac_member_state")
    assert len(members) == 33
    assert members == {
        "ARG", "ATG", "BHS", "BLZ", "BOL", "BRA", "BRB", "CHL", "COL", "CRI", "CUB", "DMA", "DOM",
        "ECU", "GRD", "GTM", "GUY", "HND", "HTI", "JAM", "KNA", "LCA", "MEX", "NIC", "PAN", "PER",
        "PRY", "SLV", "SUR", "TTO", "URY", "VCT", "VEN",
    }


def test_eclac_members_are_the_independent_states_of_the_region():
    with open(DATASETS / "country_codes_datahub" / "country-codes.csv", encoding="utf-8") as f:
        independent = {r["ISO3166-1-Alpha-3"] for r in csv.DictReader(f)
                       if r["Sub-region Name"] == "Latin America and the Caribbean"
                       and r["is_independent"] == "Yes"}
    assert _members("eclac_member_state") == independent


def test_eclac_associate_members():
    assert _members("eclac_associate_member") == {
        "ABW", "AIA", "CUW", "CYM", "GLP", "MSR", "MTQ", "PRI", "SXM", "TCA", "VGB", "VIR"}
    assert not _members("eclac_associate_member") & _members("eclac_member_state")


def test_pacific_alliance():
    assert _members("pacific_alliance") == {"CHL", "COL", "MEX", "PER"}


def test_andean_community():
    assert _members("andean_community_can") == {"BOL", "COL", "ECU", "PER"}


def test_caricom_has_15_full_members():
    members = _members("caricom_member")
    assert len(members) == 15
    assert members == {"ATG", "BHS", "BLZ", "BRB", "DMA", "GRD", "GUY", "HTI", "JAM", "KNA", "LCA",
                       "MSR", "SUR", "TTO", "VCT"}


def test_caricom_associate_members_include_curacao():
    # Bermuda is also an associate member but is outside the M49 region of this table.
    assert _members("caricom_associate") == {"AIA", "CUW", "CYM", "TCA", "VGB"}


def test_mercosur_states_parties_with_bolivia_and_suspended_venezuela():
    assert _members("mercosur_state_party") == {"ARG", "BOL", "BRA", "PRY", "URY", "VEN"}
    notes = {r["iso3"]: r["mercosur_note"] for r in _rows(GROUPS_CSV)}
    assert "suspended" in notes["VEN"].lower()
    assert "2024" in notes["BOL"]


def test_mercosur_associated_states_with_panama():
    assert _members("mercosur_associated") == {"CHL", "COL", "ECU", "GUY", "PAN", "PER", "SUR"}
    assert not _members("mercosur_associated") & _members("mercosur_state_party")


def test_aladi_has_13_members_without_nicaragua():
    assert _members("aladi") == {"ARG", "BOL", "BRA", "CHL", "COL", "CUB", "ECU", "MEX", "PAN",
                                 "PER", "PRY", "URY", "VEN"}


def test_oecs():
    assert _members("oecs_member") == {"ATG", "DMA", "GRD", "KNA", "LCA", "MSR", "VCT"}
    assert _members("oecs_associate") == {"AIA", "GLP", "MTQ", "VGB"}


def test_sica_and_sieca():
    assert _members("sica_member") == {"BLZ", "CRI", "DOM", "GTM", "HND", "NIC", "PAN", "SLV"}
    assert _members("central_american_common_market_sieca") == {"CRI", "GTM", "HND", "NIC", "PAN",
                                                                 "SLV"}


def test_every_group_has_a_dated_source_that_matches_the_table():
    sources = {r["group"]: r for r in _rows(SOURCES_CSV)}
    assert set(sources) == set(FLAG_COLUMNS)
    for group, row in sources.items():
        assert row["source_url"].startswith("http"), group
        dt.date.fromisoformat(row["checked"])
        assert set(row["members_in_file"].split()) == _members(group), (
            f"{group}: membership_sources.csv and lac_country_groups.csv disagree")


def test_datasheet_membership_table_matches_the_csv():
    table = re.findall(r"^\| `(\w+)`(?: \(new\))? \| ([A-Z ]+?)(?: \(.*?\))? \| (\d+) \|$",
                       _readme(), flags=re.M)
    seen = {col for col, _, _ in table}
    assert seen == set(FLAG_COLUMNS)
    for col, codes, count in table:
        assert set(codes.split()) == _members(col), col
        assert int(count) == len(_members(col)), col
