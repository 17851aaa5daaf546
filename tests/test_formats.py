"""Output formats: SARIF (schema-valid), GitHub annotations, JUnit, JSON lines, full, statistics."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import jsonschema
import pytest

from corpuslint.formats.base import Formatter, Report
from corpuslint.formats.builtin import corpuslint_register_formats
from corpuslint.formats.github import annotation, escape_data, escape_property
from corpuslint.formats.json import finding_to_dict
from corpuslint.formats.statistics import render_statistics
from corpuslint.models import Edit, Finding, Fix, Location
from corpuslint.rules.system import EncodingError, ReadErrorRule

#: The official OASIS SARIF 2.1.0 schema (errata01), vendored: tests run offline.
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
RULES = {rule.code: rule for rule in (EncodingError, ReadErrorRule)}


def finding(
    path: str = "corpus/a.txt",
    line: int = 3,
    message: str = "bad text",
    snippet: str = "Bad text",
    **extra: object,
) -> Finding:
    values: dict[str, object] = {
        "column": 5,
        "end_line": line,
        "end_column": 9,
        "code": "CL001",
        "rule": "encoding-error",
        "severity": "warning",
    }
    values.update(extra)
    return Finding(path=path, line=line, message=message, snippet=snippet, **values)  # type: ignore[arg-type]


def render(name: str, findings: Sequence[Finding], **report: object) -> str:
    stream = io.StringIO()
    formatter: Formatter = corpuslint_register_formats()[name](stream)
    formatter.render(Report(findings, 2, RULES, **report))  # type: ignore[arg-type]
    return stream.getvalue()


SAMPLE = [
    finding(),
    finding(line=7, severity="info", related=(Location("corpus/b.txt", 2, 1),)),
    finding(
        path="corpus/records.jsonl",
        line=4,
        code="CL002",
        rule="read-error",
        severity="error",
        record_id="doc-17",
        doc_line=2,
        related=(Location("corpus/records.jsonl", 1, 1, "doc-3"),),
    ),
    finding(path="corpus/with space,comma.txt", fix=Fix((Edit(0, 1, ""),))),
]


def test_sarif_validates_against_the_official_schema() -> None:
    log = json.loads(render("sarif", SAMPLE))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.validate(log, schema, cls=jsonschema.Draft4Validator)
    assert log["version"] == "2.1.0"


def test_sarif_describes_rules_and_locates_results() -> None:
    run = json.loads(render("sarif", SAMPLE))["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert rules["CL001"]["name"] == "encoding-error"
    assert rules["CL001"]["defaultConfiguration"]["level"] == "error"
    assert "## Why is this bad?" in rules["CL001"]["help"]["markdown"]
    assert rules["CL001"]["fullDescription"]["text"].startswith("Reports a file that is not valid UTF-8")
    first, info, record, spaced = run["results"]
    region = first["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 9}
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "corpus/a.txt"
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "CL001"
    assert info["level"] == "note"
    assert info["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 2
    assert record["properties"]["record_id"] == "doc-17" and record["properties"]["doc_line"] == 2
    assert "startColumn" not in record["locations"][0]["physicalLocation"]["region"]
    assert spaced["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "corpus/with%20space%2Ccomma.txt"


def _fingerprints(findings: Sequence[Finding]) -> list[str]:
    results = json.loads(render("sarif", findings))["runs"][0]["results"]
    return [next(iter(r["partialFingerprints"].values())) for r in results]


def test_sarif_fingerprints_follow_the_text_not_the_line() -> None:
    moved = _fingerprints([finding(line=3)]) == _fingerprints([finding(line=30)])
    respaced = _fingerprints([finding(snippet="Bad  text")]) == _fingerprints([finding(snippet="bad\ntext")])
    assert moved and respaced
    assert _fingerprints([finding(snippet="Bad text")]) != _fingerprints([finding(snippet="Other text")])
    assert _fingerprints([finding(path="a.txt")]) != _fingerprints([finding(path="b.txt")])
    repeated = _fingerprints([finding(line=3), finding(line=9)])
    assert len(set(repeated)) == 2


def test_github_escapes_data_and_properties() -> None:
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = annotation(finding(path="dir:x/a,b.txt", message="50% off:\nnow, here"))
    assert line == (
        "::warning file=dir%3Ax/a%2Cb.txt,line=3,endLine=3,col=5,endColumn=9,title=CL001 encoding-error"
        "::50%25 off:%0Anow, here"
    )


def test_github_levels_and_records() -> None:
    out = render("github", SAMPLE).splitlines()
    assert [line.split(" ", 1)[0] for line in out] == ["::warning", "::notice", "::error", "::warning"]
    assert "col=" not in out[2] and "::record doc-17, line 2: bad text" in out[2]


def test_junit_has_a_testcase_per_file_and_a_failure_per_finding() -> None:
    hostile = finding(path="b.txt", message="zero\x00width \x1b here & <there>")
    xml = render("junit", [*SAMPLE, hostile], paths=["clean.txt", "corpus/a.txt"])
    suite = ET.fromstring(xml).find("testsuite")
    assert suite is not None
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert set(cases) == {"clean.txt", "corpus/a.txt", "corpus/records.jsonl", "corpus/with space,comma.txt", "b.txt"}
    assert cases["clean.txt"].find("failure") is None
    assert len(cases["corpus/a.txt"].findall("failure")) == 2
    assert suite.get("tests") == "5" and suite.get("failures") == "4"
    failure = cases["b.txt"].find("failure")
    assert failure is not None and failure.get("message") == "CL001 zero\\u0000width \\u001b here & <there>"


def test_jsonl_is_one_json_finding_per_line() -> None:
    text = render("jsonl", [*SAMPLE, finding(message="line\u2028separator")])
    lines = text.split("\n")
    assert lines[-1] == "" and len(lines) == len(SAMPLE) + 2
    assert [json.loads(line) for line in lines[:-2]] == [finding_to_dict(f) for f in SAMPLE]
    assert "\u2028" not in text and json.loads(lines[-2])["message"] == "line\u2028separator"


def test_full_shows_the_line_with_carets_under_the_span(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("first\r\nSome bad\u200b words here\r\n", encoding="utf-8")
    flagged = finding(path=str(path), line=2, column=9, end_column=10, snippet="\u200b")
    out = render("full", [flagged])
    assert f"{path}:2:9: CL001 bad text\n  |\n2 | Some bad· words here\n  |         ^\n" in out
    assert out.rstrip().endswith("in 2 files checked.")


def test_full_shows_the_flagged_text_of_a_record() -> None:
    out = render("full", [SAMPLE[2]], quiet=True)
    assert "2 | Bad text\n  | ^^^^^^^^\n" in out and "Found" not in out


def test_full_cuts_long_lines_around_the_span(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("x" * 500 + "BAD" + "y" * 500 + "\n", encoding="utf-8")
    out = render("full", [finding(path=str(path), line=1, column=501, end_column=504)])
    shown = out.splitlines()[2]
    assert len(shown) < 200 and "…" in shown
    assert out.splitlines()[3].index("^^^") == shown.index("BAD")


@pytest.mark.parametrize("as_json", [False, True])
def test_statistics_count_per_rule(as_json: bool) -> None:
    stream = io.StringIO()
    render_statistics(Report(SAMPLE, 2, RULES), stream, as_json)
    if as_json:
        rows = json.loads(stream.getvalue())
        assert rows[0] == {"code": "CL001", "rule": "encoding-error", "count": 3, "fixable": 1, "severity": "warning"}
        assert rows[1]["code"] == "CL002" and rows[1]["count"] == 1
    else:
        assert stream.getvalue().splitlines() == [
            "3  CL001  encoding-error [*] warning",
            "1  CL002  read-error         error",
        ]
