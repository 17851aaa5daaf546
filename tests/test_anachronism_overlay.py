"""Users' knowledge files patched into the shipped tables equal the whole base rebuilt."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from corpuslint.anachronism import kb, kbfile, kbyaml
from corpuslint.anachronism.kb import FIELD, ROW, Tables
from corpuslint.anachronism.overlay import extended_tables, read_specs

MANUAL = Path(str(resources.files("corpuslint").joinpath("data/kb/manual.yaml")))


def rebuilt(paths: list[Path]) -> tuple[Tables, Tables]:
    """The reference: every table materialised, the files applied, everything written anew."""
    data = kbfile.read_data(kb.shipped_dir())
    for path, spec in read_specs(paths):
        kbyaml.apply(data, spec, f"user:{path.name}", str(path))
    return kbfile.tables(data)


def assert_same(paths: list[Path]) -> None:
    names, rows = extended_tables(kb.shipped_dir(), paths)
    want_names, want_rows = rebuilt(paths)
    assert names == want_names
    assert rows["persons"] == want_rows["persons"]
    assert rows["offices"] == want_rows["offices"]


def write(tmp_path: Path, name: str, spec: dict[str, Any]) -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return path


def shipped_offices() -> list[tuple[str, list[str], list[list[str]]]]:
    rows = json.loads((kb.shipped_dir() / kb.ROWS_FILE).read_bytes())
    offices = []
    for oid, blob in rows["offices"].items():
        office, *terms = blob.split(ROW)
        offices.append((oid, office.split(FIELD), [t.split(FIELD) for t in terms]))
    return offices


def test_the_curated_list_as_a_users_file(tmp_path: Path) -> None:
    """Hundreds of offices, merged holders, aliases: every kind of edit at once."""
    assert_same([MANUAL])


def test_new_offices_people_and_aliases_over_two_files(tmp_path: Path) -> None:
    first = write(
        tmp_path,
        "first.yaml",
        {
            "as_of": "2025-06-30",
            "offices": [
                {
                    "office": "Prime Minister of the United Kingdom",
                    "country": "GB",
                    "current": True,
                    "qualifiers": ["Downing Street"],
                    "holders": [["Liz Truss", "2022-09-06", "2022-10-25"], ["Keir Starmer", "2024-07-05"]],
                },
                {
                    "office": "Grand Vizier of Ruritania",
                    "country": "RU-X",
                    "kind": "head_of_government",
                    "established": "1990-01-01",
                    "holders": [["Rudolf Rassendyll", "1990", "1999-05"], ["Flavia Elphberg", "2000", "", "acting"]],
                },
            ],
            "persons": [{"name": "Luiz Inácio Lula da Silva", "aliases": ["Lula"]}],
        },
    )
    second = write(
        tmp_path,
        "second.yaml",
        {
            "offices": [
                {
                    "office": "grand vizier of ruritania",
                    "country": "RU-X",
                    "titles": ["king"],
                    "holders": [["Flavia Elphberg", "2001", "2003"]],
                }
            ],
            "persons": [{"name": "Rudolf Rassendyll", "aliases": ["Red Elphberg"]}, {"name": "Nobody At All"}],
        },
    )
    assert_same([first, second])


def test_holders_changed_in_a_sample_of_shipped_offices(tmp_path: Path) -> None:
    """Overlapping terms replaced, titles and qualifiers changed, in every 25th office."""
    persons = json.loads((kb.shipped_dir() / kb.ROWS_FILE).read_bytes())["persons"]
    offices = []
    for n, (_, office, terms) in enumerate(shipped_offices()[::25]):
        country, _kind, label = office[:3]
        person, start = terms[-1][0], terms[-1][1]
        holders = [[persons[person].split(FIELD)[0], start[:4], "2030-12-31"], [f"Newcomer {n}", "2031"]]
        entry: dict[str, Any] = {"office": label, "country": country, "holders": holders}
        if n % 3 == 0:
            entry["titles"] = ["king"]  # a monarch's title changes every holder's name keys
        if n % 4 == 0:
            entry["qualifiers"] = [f"Palace {n}"]
        offices.append(entry)
    assert_same([write(tmp_path, "sample.yaml", {"offices": offices})])


def test_a_malformed_file_is_reported_as_before(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", {"offices": [{"office": "X", "country": "XX", "holders": [["Someone"]]}]})
    with pytest.raises(kbyaml.KnowledgeError, match="bad.yaml"):
        extended_tables(kb.shipped_dir(), [path])
