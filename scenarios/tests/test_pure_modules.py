"""The engine and the file parser stay pure Python: no Django or Wagtail import."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1]
PURE = ["scoring.py", "scenario_file.py", "matching.py", "domain.py", "reading.py", "wordlists.py"]


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("name", PURE)
def test_the_module_imports_neither_django_nor_wagtail(name):
    bad = [n for n in _imports(APP / name) if n.split(".")[0] in {"django", "wagtail", "modelcluster", "taggit"}]
    assert bad == []


def test_the_check_itself_spots_a_django_import(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text("def f():\n    from django.db import models\n")
    assert "django.db" in _imports(module)
