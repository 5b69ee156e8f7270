"""Reads the TRX files of a test run, prints 'N passed, N failed, N skipped', and fails when the
real-service tests (FactCheck.Tests.RealServices), the fault tests (FactCheck.Tests.Faults, among
them the embedded app's restart test), the browser tests (FactCheck.Tests.Browser) or the hostile-input tests
(FactCheck.Tests.Hostile) did not all run and pass."""
import glob
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
results_dir = sys.argv[1]
outcomes = {}
aborted = []
for path in glob.glob(f"{results_dir}/**/*.trx", recursive=True):
    root = ET.parse(path).getroot()
    for result in root.iterfind(".//t:UnitTestResult", NS):
        outcomes[result.get("testName")] = result.get("outcome")
    # A crashed test host leaves an error in RunInfos and never reports the tests it did not reach.
    # (The xUnit adapter also echoes each failing test there as "... [FAIL]": counted with the test, not again.)
    errors = [text for info in root.iterfind(".//t:RunInfos/t:RunInfo", NS) if info.get("outcome") == "Error"
              if not (text := info.findtext("t:Text", "", NS).strip()).endswith("[FAIL]")]
    if errors:
        aborted.append(" / ".join(errors))

passed = sum(1 for o in outcomes.values() if o == "Passed")
failed = sum(1 for o in outcomes.values() if o in ("Failed", "Error", "Timeout", "Aborted")) + len(aborted)
skipped = sum(1 for o in outcomes.values() if o == "NotExecuted")
groups = {
    "real-service": {name: o for name, o in outcomes.items() if ".RealServices." in name},
    "fault": {name: o for name, o in outcomes.items() if ".Faults." in name},
    "embedded-restart": {name: o for name, o in outcomes.items() if ".EmbeddedRestartTests." in name},
    "browser": {name: o for name, o in outcomes.items() if ".Browser." in name},
    "hostile-input": {name: o for name, o in outcomes.items() if ".Hostile." in name},
}

problems = [f"the test run was aborted: {text}" for text in aborted]
if not outcomes:
    problems.append("no test results were found")
for group, results in groups.items():
    if not results:
        problems.append(f"no {group} test ran")
    problems += [f"{group} test did not pass ({o}): {name}" for name, o in sorted(results.items()) if o != "Passed"]
for problem in problems:
    print(f"error: {problem}", file=sys.stderr)
for group, results in groups.items():
    print(f"{group} tests passed: {sum(1 for o in results.values() if o == 'Passed')}/{len(results)}")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if problems or failed else 0)
