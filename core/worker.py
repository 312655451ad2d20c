"""Worker processes for whole tiles: a real Python interpreter running ``python -m sunspace.core.worker``.

Inside QGIS ``sys.executable`` is QGIS itself, and :mod:`multiprocessing`'s spawn re-imports
the caller's ``__main__`` in every child (a script without an ``if __name__ == "__main__"``
guard then fails). A worker here is a plain child process started with
:func:`~sunspace.core.sunlight.python_executable` and this package on its ``PYTHONPATH``; it
reads jobs from its standard input and writes answers to its standard output, each a pickle
preceded by its length (8 bytes, little-endian). A job is ``(module, function, args)`` naming a
function of this package; the answer is ``(True, result)`` or ``(False, error)``: a
:class:`~sunspace.core.errors.SunSpaceError` is raised again in the caller as itself. Closing the
worker's input ends it; killing it is always safe (it holds no shared state).
"""
from __future__ import annotations

import importlib
import os
import pickle
import subprocess
import sys

from .errors import SunSpaceError

_HEADER = 8


def _read(stream):
    head = stream.read(_HEADER)
    if len(head) < _HEADER:
        return None
    size = int.from_bytes(head, "little")
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)


def _write(stream, obj):
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(_HEADER, "little"))
    stream.write(data)
    stream.flush()


def main():
    """Serve jobs until the input closes."""
    jobs, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write to the answer stream
    package = (__spec__.name if __spec__ is not None else __name__).rsplit(".", 2)[0]  # run with -m
    try:  # import the engine while the caller is still preparing the first job
        importlib.import_module(f"{package}.core.tiles")
    except Exception:  # noqa: BLE001 - reported with the first job that needs it
        pass
    while True:
        job = _read(jobs)
        if job is None:
            return
        module, function, args = job
        try:
            fn = getattr(importlib.import_module(f"{package}.{module}"), function)
            answer = (True, fn(*args))
        except SunSpaceError as exc:  # sent back; the caller raises it again, translatable
            answer = (False, (exc.template, exc.values))
        except BaseException as exc:
            answer = (False, f"{type(exc).__name__}: {exc}")
        _write(answers, answer)


def package_parent() -> str:
    """The folder that holds this package (to put on a worker's PYTHONPATH)."""
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Worker:
    """One worker process; :meth:`call` runs a function of this package in it (one call at a time)."""

    def __init__(self, python=None):
        from .sunlight import python_executable

        parent = package_parent()
        package = __name__.rsplit(".", 2)[0]
        env = dict(os.environ)
        # this package, then the caller's own search path (inside QGIS: the plugin-private folder of
        # dependencies and QGIS's Python folders; the worker never imports qgis)
        paths = [parent] + [p for p in sys.path if p and os.path.isdir(p)] + [env.get("PYTHONPATH", "")]
        env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(p for p in paths if p))
        env.setdefault("OMP_NUM_THREADS", "1")
        env["SUNSPACE_WORKERS"] = "1"  # one lane per process: the processes are the parallelism
        self.proc = subprocess.Popen([python or python_executable(), "-m", f"{package}.core.worker"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=parent)

    def call(self, module, function, *args):
        """``module.function(*args)`` in the worker; raises RuntimeError when it failed or the worker died."""
        try:
            _write(self.proc.stdin, (module, function, args))
            answer = _read(self.proc.stdout)
        except (BrokenPipeError, OSError, ValueError) as exc:
            raise RuntimeError(f"the worker process stopped ({exc})") from exc
        if answer is None:
            raise RuntimeError(f"the worker process stopped (exit code {self.proc.poll()})")
        ok, value = answer
        if not ok:
            if isinstance(value, tuple):
                raise SunSpaceError(value[0], **value[1])
            raise RuntimeError(value)
        return value

    def close(self, kill=False):
        if kill:
            self.proc.kill()
        else:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
        try:
            self.proc.wait(timeout=None if not kill else 10)
        finally:
            for stream in (self.proc.stdin, self.proc.stdout):
                try:
                    stream.close()
                except OSError:
                    pass


if __name__ == "__main__":
    main()
