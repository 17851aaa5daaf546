"""The officeholder knowledge base: integrity of the shipped file, names, titles, mentions."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
import yaml

from corpuslint.anachronism import kb, kbfile, kbyaml
from corpuslint.anachronism.kbfile import KBData
from corpuslint.anachronism.labels import office_titles
from corpuslint.anachronism.names import aliases, key
from corpuslint.anachronism.terms import Office, Term, parse_day_span
from corpuslint.anachronism.titles import surface_key

MANUAL = Path(str(resources.files("corpuslint").joinpath("data/kb/manual.yaml")))


@pytest.fixture(scope="module")
def data() -> KBData:
    return kbfile.read_data(kb.shipped_dir())


def test_the_shipped_file_is_versioned_and_dated(data: KBData) -> None:
    assert data.meta["corpuslint officeholder knowledge base"].startswith("version ")
    assert data.meta["snapshot"] == str(yaml.safe_load(MANUAL.read_text(encoding="utf-8"))["as_of"])


def test_no_term_ends_before_it_starts(data: KBData) -> None:
    bad = [t for t in data.terms if t.latest < t.earliest or (t.ended_by and t.ended_by < t.earliest)]
    assert bad == []


def test_every_office_and_person_a_term_names_exists(data: KBData) -> None:
    assert {t.office for t in data.terms} <= set(data.offices)
    assert {t.person for t in data.terms} <= set(data.persons)


def test_every_office_and_person_has_a_term(data: KBData) -> None:
    assert set(data.offices) <= {t.office for t in data.terms}
    assert set(data.persons) <= {t.person for t in data.terms}


def test_office_knowledge_dates_are_consistent(data: KBData) -> None:
    for office in data.offices.values():
        assert office.complete_from is None or office.complete_from <= office.known_until, office.label


def test_stored_name_keys_match_the_name_rules(data: KBData) -> None:
    """The file stores name keys; a change to the name rules needs a rebuild."""
    held: dict[str, list[Office]] = defaultdict(list)
    for term in sorted(data.terms, key=lambda t: t.earliest):
        held[term.person].append(data.offices[term.office])
    loaded = kb.load()
    stored: dict[str, set[str]] = defaultdict(set)
    for name_key, people in loaded.full.items():
        for pid in people.split("|"):
            stored[pid].add(name_key)
    for person in list(data.persons.values())[::50]:
        assert kbfile.name_keys(person, held[person.id])[0] == stored[person.id], person.name


def test_stored_title_keys_match_the_label_rules(data: KBData) -> None:
    """The file stores each office's title keys; a change to the label rules needs a rebuild."""
    for office in data.offices.values():
        assert office.titles == (office.fixed_titles or office_titles(office.label, office.kind, office.country)), (
            office.label
        )


def curated_offices() -> list[dict[str, object]]:
    return list(yaml.safe_load(MANUAL.read_text(encoding="utf-8"))["offices"])


def test_every_curated_holder_is_in_the_shipped_file(data: KBData) -> None:
    """The shipped file was rebuilt after the last edit of the curated list."""
    terms: dict[tuple[str, str], list[Term]] = defaultdict(list)
    for t in data.terms:
        terms[(key(data.persons[t.person].name), data.offices[t.office].label.casefold())].append(t)
    for spec in curated_offices():
        for holder in spec.get("holders") or []:  # type: ignore[attr-defined]
            start = parse_day_span(holder[1].isoformat() if isinstance(holder[1], date) else str(holder[1]))
            found = terms[(key(str(holder[0])), str(spec["office"]).casefold())]
            assert start and any(t.possibly_on(start.first, start.last) for t in found), (holder, spec["office"])


def test_curated_holders_of_a_complete_office_follow_one_another() -> None:
    """In a list marked complete, a holder starts about when the previous one leaves."""
    for spec in curated_offices():
        if not spec.get("current"):
            continue
        holders = [h for h in spec.get("holders") or [] if len(h) < 4]  # type: ignore[attr-defined]
        for before, after in zip(holders, holders[1:], strict=False):
            assert len(before) > 2, (spec["office"], before)
            assert str(after[1])[:4] >= str(before[2])[:4], (spec["office"], before, after)


@pytest.mark.parametrize(
    ("name", "country", "wanted"),
    [
        ("Rex W. Tillerson", "US", {"rex tillerson"}),
        ("Khawaja Muhammad Asif", "PK", {"khawaja muhammad asif", "khawaja asif"}),
        ("Karl Otto Pöhl", "DE", {"karl otto poehl", "karl otto pohl"}),
        ("James A. Baker III", "US", {"james baker iii", "james baker"}),
    ],
)
def test_full_names_have_their_short_forms(name: str, country: str, wanted: set[str]) -> None:
    assert wanted <= aliases(name, country)[0]


@pytest.mark.parametrize(
    ("name", "country", "surname"),
    [
        ("Zhao Ziyang", "CN", "zhao"),
        ("Carlos Salinas de Gortari", "MX", "salinas"),
        ("Miguel de la Madrid", "MX", "de la madrid"),
    ],
)
def test_surnames_follow_the_naming_custom(name: str, country: str, surname: str) -> None:
    assert surname in aliases(name, country)[1]


def test_monarchs_are_known_by_their_first_name() -> None:
    assert "fahd" in aliases("Fahd bin Abdulaziz Al Saud", "SA", monarch=True)[1]


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("Secretary of State", "secretary of state"),
        ("Treasury Secretary", "finance minister"),
        ("Chancellor of the Exchequer", "finance minister"),
        ("FM", "foreign minister"),
        ("Premier", "prime minister"),
        ("Vice-President", "vice president"),
        ("Commerce Secretary", "secretary:commerce"),
        ("pm", ""),
    ],
)
def test_title_variants(written: str, title: str) -> None:
    assert surface_key(written) == title


@pytest.mark.parametrize(
    ("label", "kind", "country", "has", "lacks"),
    [
        ("United States Secretary of State", "foreign_minister", "US", {"secretary", "foreign minister"}, set()),
        ("Secretary of State for the Home Department (United Kingdom)", "interior_minister", "GB", {"interior minister"}, {"secretary"}),
        ("Deputy Attorney General (United States)", "justice_minister", "US", set(), {"justice minister"}),
        ("United States Secretary of the Navy", "defence_minister", "US", {"secretary"}, {"defence minister"}),
        ("Federal Chancellor of Germany", "head_of_government", "DE", {"chancellor"}, {"prime minister"}),
        ("Chair of the Federal Reserve (United States)", "central_bank_governor", "US", {"chairman"}, {"governor"}),
    ],
)  # fmt: skip
def test_office_titles_come_from_the_label(label: str, kind: str, country: str, has: set[str], lacks: set[str]) -> None:
    titles = office_titles(label, kind, country)
    assert has <= titles and not lacks & titles


def test_a_knowledge_file_error_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "offices:\n  - office: X\n    country: XX\n    holders:\n      - [Someone, 2020-13-01]\n", encoding="utf-8"
    )
    with pytest.raises(kbyaml.KnowledgeError, match="bad.yaml"):
        kb.load((str(bad),))


def test_a_term_is_possibly_in_force_anywhere_in_its_coarse_dates() -> None:
    term = kb.parse_term("o", ["p", "2019", "2020-03", "0", "s"])
    assert term is not None
    assert (term.earliest.isoformat(), term.latest.isoformat()) == ("2019-01-01", "2020-03-31")
    bounded = kb.parse_term("o", ["p", "2022-04-11", "<=2023-08-14", "0", "s"])
    assert bounded is not None and bounded.latest.isoformat() == "2023-08-14"


def test_every_office_has_a_known_kind_and_a_country(data: KBData) -> None:
    kinds = {
        "head_of_state", "deputy_head_of_state", "head_of_government", "deputy_head_of_government",
        "governor_general", "foreign_minister", "finance_minister", "defence_minister", "interior_minister",
        "justice_minister", "central_bank_governor", "spokesperson", "international_org", "other_minister",
        "ambassador", "party_leader",
    }  # fmt: skip
    assert {o.kind for o in data.offices.values()} <= kinds
    assert all(o.country and o.country not in ("False", "True") for o in data.offices.values())
