"""The documentation keeps up with the code (after sqlite-utils' tests/test_docs.py).

Every CLI command has an example in its --help and a row in the README's command table; every
rule in `findings.RULES` is explained in the docstring of the check module that raises it, listed
in docs/RULES.md and in the contract (when the shared folder is beside the checkout), and has at
least one mutant in the mutation corpus. A new command or rule without these fails here.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

import annualcheck.checks
from annualcheck.cli import cli
from annualcheck.model.findings import RULES
from helpers.paths import ROOT, committed

README = ROOT / "README.md"
RULES_DOC = ROOT / "docs" / "RULES.md"
#: The contract: the shared one beside the checkout when there, else the copy in docs/ (kept
#: identical; a clone without shared/ still checks every rule against it).
SHARED_CONTRACT = ROOT.parent / "shared" / "spec" / "CONTRACT.md"
CONTRACT = SHARED_CONTRACT if SHARED_CONTRACT.exists() else ROOT / "docs" / "CONTRACT.md"
MUTATIONS = ROOT / "tests" / "test_mutations.py"
CHECKS_DIR = Path(annualcheck.checks.__file__).parent
COMMANDS = sorted(cli.commands)

RULE_ROW = re.compile(r"^\|\s*`([a-z][a-z-]*)`\s*\|\s*([^|]*?)\s*\|", re.M)


def rule_table(markdown: str) -> dict[str, str]:
    """`| \\`rule\\` | what it flags | ...` rows of a markdown table: rule -> description."""
    return {m.group(1): m.group(2) for m in RULE_ROW.finditer(markdown)}


@cache
def documented_rules() -> dict[str, str]:
    return rule_table(committed(RULES_DOC).read_text(encoding="utf-8"))


def test_docs_contract_is_the_shared_one():
    """docs/CONTRACT.md is a copy of the shared contract for clones without shared/: the two
    must not drift apart."""
    if not SHARED_CONTRACT.exists():
        pytest.skip("the shared contract (../shared/spec/CONTRACT.md) is not beside this checkout")
    assert (ROOT / "docs" / "CONTRACT.md").read_text(encoding="utf-8") == SHARED_CONTRACT.read_text(
        encoding="utf-8"
    )


@cache
def contract_rules() -> dict[str, str]:
    text = committed(CONTRACT).read_text(encoding="utf-8")
    return rule_table(text[text.index("## Findings") :])


@cache
def mutant_rules() -> set[str]:
    """The rules of the mutants in test_mutations.MUTANTS, read from its source (a test
    module is not imported as a library): Mutant(name, rule, ...) or rule=..."""
    tree = ast.parse(committed(MUTATIONS).read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Mutant":
            rule = next((k.value for k in node.keywords if k.arg == "rule"), None)
            if rule is None and len(node.args) > 1:
                rule = node.args[1]
            if isinstance(rule, ast.Constant) and isinstance(rule.value, str):
                out.add(rule.value)
    return out


@cache
def modules_raising() -> dict[str, list[Path]]:
    """Rule -> the check modules whose code names it as a string constant."""
    out: dict[str, list[Path]] = {}
    for path in sorted(CHECKS_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in RULES:
                if path not in out.setdefault(node.value, []):
                    out[node.value].append(path)
    return out


def module_docstring(path: Path) -> str:
    return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""


# -- commands --------------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_has_an_example(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0, result.output
    example = re.search(r"Examples?:\s*\n\s+(annualcheck \S+)", result.output)
    assert example, f"`annualcheck {command} --help` has no 'Example:' section"
    assert example.group(1) == f"annualcheck {command}"


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_in_the_readme_table(command):
    readme = README.read_text(encoding="utf-8")
    assert re.search(rf"^\| `annualcheck {command}\b", readme, re.M), (
        f"README's command table has no row for `annualcheck {command}`"
    )


def test_readme_table_names_no_command_that_does_not_exist():
    readme = README.read_text(encoding="utf-8")
    assert set(re.findall(r"^\| `annualcheck ([a-z]+)\b", readme, re.M)) <= set(COMMANDS)


# -- rules -----------------------------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES)
def test_rule_is_explained_in_its_check_module(rule):
    modules = modules_raising().get(rule, [])
    assert modules, f"no module in annualcheck/checks/ raises {rule!r}"
    # a line of the module docstring that opens with the rule: "rule: ..." or "other and rule: ..."
    opens = re.compile(rf"^(?:[a-z-]+ and )?{re.escape(rule)}:", re.M)
    explained = [p for p in modules if opens.search(module_docstring(p))]
    assert explained, (
        f"{rule!r} is raised in {[p.name for p in modules]} but no docstring explains it"
    )


@pytest.mark.parametrize("rule", RULES)
def test_rule_is_in_docs_rules(rule):
    assert rule in documented_rules(), f"docs/RULES.md has no row for {rule!r}"


@pytest.mark.parametrize("rule", RULES)
def test_docs_rules_names_the_module_that_raises_it(rule):
    row = re.search(
        rf"^\| `{re.escape(rule)}` \|.*\| `checks/([a-z_]+\.py)` \|$",
        RULES_DOC.read_text(encoding="utf-8"),
        re.M,
    )
    assert row, f"docs/RULES.md's row for {rule!r} names no check module"
    assert row.group(1) in [p.name for p in modules_raising().get(rule, [])]


def test_docs_rules_lists_no_other_rule():
    assert set(documented_rules()) == set(RULES)


@pytest.mark.parametrize("rule", RULES)
def test_rule_is_in_the_contract(rule):
    assert rule in contract_rules(), f"the contract's findings table has no row for {rule!r}"


def test_docs_rules_agree_with_the_contract():
    assert documented_rules() == contract_rules()


@pytest.mark.parametrize("rule", RULES)
def test_rule_has_a_mutant(rule):
    assert rule in mutant_rules(), f"tests/test_mutations.py has no mutant for {rule!r}"


def test_rule_table_reads_rows():
    table = rule_table("| rule | what |\n|---|---|\n| `a-b` | first | x |\n| `c` | second |\n")
    assert table == {"a-b": "first", "c": "second"}
