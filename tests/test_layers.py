"""The layout's layers hold (README.md, "Architecture").

import-linter checks the contracts in .importlinter: imports run downwards
only (roof, shipped content, content apps, editorial and search, foundation)
and no app has an import cycle among its modules. Two rules it cannot say
are checked here on the same import graph (grimp, import-linter's own
engine; it reads imports inside functions too): content apps use each other
only through their models, and there is no import cycle anywhere.
"""

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "editorial", "search", "pages", "offices", "partners", "programmes", "news", "identity",
            "content", "oim_site")
CONTENT_APPS = ("pages", "offices", "partners", "programmes", "news", "identity")


def _graph():
    sys.path.insert(0, str(ROOT))
    return grimp.build_graph(*PACKAGES, cache_dir=None)


def _app(module):
    return module.split(".")[0]


def test_import_linter_contracts_are_kept():
    done = subprocess.run([str(Path(sys.executable).with_name("lint-imports")), "--no-cache"], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_content_apps_reach_each_other_only_through_models():
    graph = _graph()
    wrong = []
    for importer in sorted(graph.modules):
        if _app(importer) not in CONTENT_APPS:
            continue
        for imported in graph.find_modules_directly_imported_by(importer):
            app = _app(imported)
            if app in CONTENT_APPS and app != _app(importer) and imported != f"{app}.models":
                wrong.append(f"{importer} -> {imported}")
    assert wrong == []


def test_no_import_cycle_anywhere():
    """Tarjan's strongly connected components over every project module; a cycle is a component of two or more."""
    graph = _graph()
    modules = sorted(graph.modules)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in modules}
    index, low, on_stack, stack, cycles, counter = {}, {}, set(), [], [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for module in modules:
        if module not in index:
            visit(module)
    assert cycles == []


def test_the_checks_see_function_level_imports(tmp_path):
    """The graph counts an import inside a function: the checks above would see a hidden upward import."""
    package = tmp_path / "probe_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "low.py").write_text("def later():\n    from probe_pkg import high\n    return high\n")
    (package / "high.py").write_text("from probe_pkg import low\n")
    sys.path.insert(0, str(tmp_path))
    try:
        graph = grimp.build_graph("probe_pkg", cache_dir=None)
    finally:
        sys.path.remove(str(tmp_path))
    assert "probe_pkg.high" in graph.find_modules_directly_imported_by("probe_pkg.low")
