"""``--format junit``: JUnit XML, one test case per file, one failure per finding.

CI systems (GitLab, Jenkins, Azure) show it as a test report: a clean file
is a passing test.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from corpuslint.formats.base import Formatter, Report
from corpuslint.models import Finding

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

#: Characters XML 1.0 cannot carry at all, even escaped; corpus text has them
#: (control characters are what some rules report), so they are spelled out.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _failure_text(f: Finding) -> str:
    record = "" if f.record_id is None else f" [record {f.record_id}, line {f.doc_line}]"
    return f"{f.path}:{f.line}:{f.column}:{record} {f.code} {f.message}"


def junit_tree(report: Report) -> ET.Element:
    import xml.etree.ElementTree as ET  # here: every run registers the format, few use it

    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_path[f.path].append(f)
    paths = sorted(set(report.paths) | set(by_path))
    suite = ET.Element(
        "testsuite",
        name="corpuslint",
        tests=str(len(paths)),
        failures=str(sum(1 for p in paths if by_path.get(p))),
        errors="0",
        skipped="0",
    )
    for path in paths:
        case = ET.SubElement(suite, "testcase", name=xml_safe(path), classname="corpuslint")
        for f in by_path.get(path, ()):
            failure = ET.SubElement(case, "failure", message=xml_safe(f"{f.code} {f.message}"), type=f.code)
            failure.text = xml_safe(_failure_text(f))
    root = ET.Element("testsuites", name="corpuslint", tests=suite.get("tests", "0"))
    root.set("failures", suite.get("failures", "0"))
    root.append(suite)
    return root


class JunitFormatter(Formatter):
    def render(self, report: Report) -> None:
        import xml.etree.ElementTree as ET

        tree = junit_tree(report)
        ET.indent(tree)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(tree, encoding="unicode"))
        self.stream.write("\n")
