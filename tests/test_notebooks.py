"""Every notebook in notebooks/ runs from top to bottom, and is stored clean (no outputs).

Each notebook runs in a fresh kernel of this interpreter (ipykernel in the same environment), with
notebooks/ as working directory, a time limit per cell, and TMPDIR pointed at the test's temporary
folder, so whatever a notebook writes to a temporary folder stays out of the repository.
"""

import re
import sys

import nbformat
import pytest
from conftest import ROOT
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CELL_TIMEOUT_S = 120
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # colours of IPython tracebacks


class ThisInterpreter(KernelSpecManager):
    """The ``python3`` kernel is always this interpreter, whatever kernels are installed elsewhere."""

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        return KernelSpec(
            argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            name=kernel_name,
            display_name="rampsim tests",
            language="python",
        )


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS][:2] == ["01-eerste-run.ipynb", "02-onzekerheid.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_stored_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.nbformat == 4
    assert notebook.metadata.kernelspec.name == "python3"
    dirty = [
        i
        for i, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert dirty == [], f"{path.name}: cells {dirty} hold outputs or execution counts; clear them before committing"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # the kernel inherits it: tempfile.mkdtemp() lands here
    notebook = nbformat.read(path, as_version=4)
    before = sorted(p.name for p in path.parent.iterdir())
    manager = KernelManager(kernel_name="python3", kernel_spec_manager=ThisInterpreter())
    client = NotebookClient(
        notebook,
        km=manager,
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        client.execute()
    except CellExecutionError as error:  # the cell's source and traceback, without the kernel noise
        pytest.fail(f"{path.name}: a cell failed:\n{re.sub(ANSI, '', str(error))}", pytrace=False)
    finally:  # a kernel manager passed in is not shut down by nbclient
        if manager.has_kernel:
            manager.shutdown_kernel(now=True)
    ran = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.execution_count is not None for cell in ran)
    errors = [out for cell in ran for out in cell.outputs if out.output_type == "error"]
    assert errors == []
    assert sorted(p.name for p in path.parent.iterdir()) == before  # nothing written beside the notebooks
