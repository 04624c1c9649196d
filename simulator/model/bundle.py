"""A scenario with every file it references, in one zip, to hand an exercise to another municipality.

``rampsim pack SCENARIO --out case.zip`` writes the scenario file, its graph (with its includes),
organisation files, ladder and playbooks, and those of its variants, under their paths relative to
the folder that holds them all, plus ``rampsim-pack.json``: the scenario's path in the archive and
every file's SHA-256.

Every command that reads a scenario also reads such a zip: ``open_pack`` unpacks it once into a
folder of its own under the system's temporary directory (named by the archive's SHA-256, so a
second command reuses it) and returns the scenario's path there. Unpacking never writes outside
that folder: an absolute name, a ``..`` part, a drive letter, a link, a name twice, a file the
manifest does not list (or a listed one missing) or a hash that does not match refuses the whole
archive before anything is written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from .errors import LoadError, Problem

__all__ = ["MANIFEST", "is_pack", "open_pack", "write_pack", "pack_members"]

MANIFEST = "rampsim-pack.json"
FORMAT = 1
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # zip entries carry this date: the same files give the same archive


def is_pack(path: str | Path) -> bool:
    return Path(path).suffix.lower() == ".zip"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pack_members(scenario_path: Path, sources: list[Path]) -> tuple[Path, dict[str, Path]]:
    """The folder the archive is relative to and, per archive name (posix), the file it holds."""
    files = sorted({Path(os.path.abspath(p)) for p in [scenario_path, *sources]})
    root = Path(os.path.commonpath([str(p.parent) for p in files]))
    return root, {p.relative_to(root).as_posix(): p for p in files}


def write_pack(scenario_path: Path, sources: list[Path], out: Path, version: str) -> dict:
    """Write the archive ``out`` (atomically: a partial archive is never left); returns the manifest."""
    root, members = pack_members(scenario_path, sources)
    blobs = {name: path.read_bytes() for name, path in members.items()}
    manifest = {
        "format": FORMAT,
        "scenario": Path(os.path.abspath(scenario_path)).relative_to(root).as_posix(),
        "rampsim": version,
        "files": [{"path": name, "sha256": _sha256(data)} for name, data in sorted(blobs.items())],
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=".pack-", suffix=".zip", dir=out.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in [(MANIFEST, json.dumps(manifest, indent=2).encode() + b"\n"), *sorted(blobs.items())]:
                info = zipfile.ZipInfo(name, _FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return manifest


def _refuse(path: Path, key: str, **params) -> LoadError:
    return LoadError([Problem(path, None, (), key, params)])


def _safe_name(name: str) -> bool:
    """A relative posix path without ``..``, drive letters or backslashes."""
    if not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name:
        return False
    parts = PurePosixPath(name).parts
    return all(part not in ("..", ".", "") for part in parts)


def _read_checked(path: Path) -> tuple[dict, dict[str, bytes]]:
    """The manifest and the files of the archive, every rule of the module checked."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise _refuse(path, "file.missing") from None
    except (zipfile.BadZipFile, OSError) as error:
        raise _refuse(path, "pack.not_zip", reason=str(error)) from None
    with archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        for info in infos:
            if not _safe_name(info.filename.rstrip("/")) or info.filename.endswith("/") and info.file_size:
                raise _refuse(path, "pack.unsafe_name", name=info.filename)
            if stat.S_ISLNK(info.external_attr >> 16):
                raise _refuse(path, "pack.link", name=info.filename)
        seen: set[str] = set()
        for name in names:
            if name in seen:
                raise _refuse(path, "pack.duplicate", name=name)
            seen.add(name)
        if MANIFEST not in seen:
            raise _refuse(path, "pack.no_manifest", manifest=MANIFEST)
        try:
            manifest = json.loads(archive.read(MANIFEST))
            listed = {entry["path"]: entry["sha256"] for entry in manifest["files"]}
            scenario = manifest["scenario"]
        except (ValueError, KeyError, TypeError):
            raise _refuse(path, "pack.bad_manifest", manifest=MANIFEST) from None
        files = {name for name in seen if name != MANIFEST and not name.endswith("/")}
        for name in sorted(files ^ set(listed)):
            raise _refuse(path, "pack.unlisted" if name in files else "pack.missing_file", name=name)
        if scenario not in listed:
            raise _refuse(path, "pack.missing_file", name=str(scenario))
        blobs = {name: archive.read(name) for name in sorted(files)}
    for name, data in blobs.items():
        if _sha256(data) != listed[name]:
            raise _refuse(path, "pack.hash_mismatch", name=name)
    return manifest, blobs


def open_pack(path: str | Path, into: Path | None = None) -> Path:
    """Unpack ``path`` (checked first) into its own folder and return the scenario file's path there.

    ``into`` is the parent folder (default: ``rampsim-packs`` in the temporary directory); the
    archive gets the subfolder named by its SHA-256, reused when it is already there."""
    path = Path(path)
    manifest, blobs = _read_checked(path)
    digest = _sha256(path.read_bytes())[:16]
    parent = into if into is not None else Path(tempfile.gettempdir()) / "rampsim-packs"
    target = parent / digest
    if not target.is_dir():
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{digest}-", dir=parent))
        try:
            for name, data in blobs.items():
                file = staging.joinpath(*PurePosixPath(name).parts)
                if not file.resolve().is_relative_to(staging.resolve()):  # belt and braces after _safe_name
                    raise _refuse(path, "pack.unsafe_name", name=name)
                file.parent.mkdir(parents=True, exist_ok=True)
                file.write_bytes(data)
            try:
                os.rename(staging, target)
            except OSError:  # another process unpacked the same archive first
                shutil.rmtree(staging, ignore_errors=True)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return target.joinpath(*PurePosixPath(manifest["scenario"]).parts)
