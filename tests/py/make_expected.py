#!/usr/bin/python3
"""Expected results of the interpreter conformance corpus, from real CPython + NumPy.

Run with Debian's Python 3.11 and NumPy 1.24 (the oracle the interpreter must match):

    /usr/bin/python3 tests/py/make_expected.py            # rewrites every .out/.err
    /usr/bin/python3 tests/py/make_expected.py --check    # exit 1 + diff if stale
    /usr/bin/python3 tests/py/make_expected.py lang/tuples.py ...   # only these
    /usr/bin/python3 tests/py/make_expected.py --subprocess [--check]
        runs each program as `python3 prog.py` instead of in a forked child
        (slower; proves the fast path prints what a real run prints)

Any other Python or NumPy version is refused (exit 2) unless --any-version.

For every tests/py/<area>/<name>.py outside limits/ and unsupported/ it writes
<name>.out, the program's exact stdout (possibly empty), and, when the program
ends with an uncaught exception, <name>.err:

    <the last line of the traceback, e.g. "ZeroDivisionError: division by zero">
    line <N>        (the line of the innermost frame in the program itself)

A program that exits normally has no .err. A program that writes anything else
to stderr (a NumPy RuntimeWarning, say) is refused: the corpus holds only
programs whose whole observable behaviour is stdout plus the final error line.

limits/ and unsupported/ hold hand-written .err files and are never run here
(runaway programs cannot finish under CPython; unsupported constructs run fine
in CPython). See COVERAGE.md for their format.

Each program runs in a fresh child process forked after `import numpy`, so
global state (the random generator, print options) starts from NumPy's
defaults every time and a run of the whole corpus takes seconds.
"""

import difflib
import io
import json
import os
import signal
import subprocess
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
HAND_WRITTEN = ("limits", "unsupported")
TIMEOUT_S = 30
# The oracle of issue 5: other versions print differently (3.12's sum() of floats
# is compensated, NumPy 2 prints scalars as np.float64(...)), so they are refused.
ORACLE_PYTHON = (3, 11)
ORACLE_NUMPY = "1.24."

import numpy  # noqa: E402  (imported once, before forking, to make each run cheap)


def programs(selected=None):
    """Paths, relative to HERE, of every program CPython runs, in sorted order."""
    if selected:
        return sorted(os.path.relpath(os.path.abspath(p), HERE) if os.path.exists(p)
                      else p for p in selected)
    found = []
    for area in sorted(os.listdir(HERE)):
        folder = os.path.join(HERE, area)
        if not os.path.isdir(folder) or area in HAND_WRITTEN or area.startswith(("_", ".")):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".py"):
                found.append(f"{area}/{name}")
    return found


def error_record(exc, path):
    """The .err text for an exception raised by the program at path.

    The last line comes from the interpreter's own display hook, as a real run
    prints it: in 3.11 only that adds the ". Did you mean: 'x'?" suggestions of
    NameError and AttributeError, which the traceback module leaves out.
    """
    shown = io.StringIO()
    saved, sys.stderr = sys.stderr, shown
    try:
        sys.__excepthook__(type(exc), exc, exc.__traceback__)
    finally:
        sys.stderr = saved
    last = shown.getvalue().rstrip("\n").split("\n")[-1]
    line = None
    if isinstance(exc, SyntaxError) and exc.filename == path:
        line = exc.lineno
    else:
        tb = exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == path:
                line = tb.tb_lineno
            tb = tb.tb_next
    text = last + "\n"
    if line is not None:
        text += f"line {line}\n"
    return text


def run_in_child(path):
    """Runs one program in a forked child; returns (stdout, stderr, err_text or None)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_fd)
        out, err = io.StringIO(), io.StringIO()
        result = {"err": None}
        try:
            signal.alarm(TIMEOUT_S)
            sys.stdout, sys.stderr = out, err
            sys.argv = [path]
            with open(path, encoding="utf-8") as f:
                source = f.read()
            scope = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}
            try:
                code = compile(source, path, "exec", dont_inherit=True)
                exec(code, scope)
            except BaseException as exc:  # the program's uncaught error, as CPython would print it
                result["err"] = error_record(exc, path)
        finally:
            sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
            result["stdout"] = out.getvalue()
            result["stderr"] = err.getvalue()
            with os.fdopen(write_fd, "w", encoding="utf-8") as w:
                json.dump(result, w)
            os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd, encoding="utf-8") as r:
        data = r.read()
    _, status = os.waitpid(pid, 0)
    if not data or status != 0:
        raise RuntimeError(f"{path}: the child running it died (status {status})")
    result = json.loads(data)
    stderr = result["stderr"]
    if result["err"] is not None:
        stderr = ""  # the traceback itself is expected
    return result["stdout"], stderr, result["err"]


def run_in_subprocess(path):
    """Runs one program as `python3 path`; returns (stdout, stderr, err_text or None)."""
    r = subprocess.run([sys.executable, path], cwd=os.path.dirname(path), capture_output=True,
                       timeout=TIMEOUT_S, env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                                               "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "0"})
    stdout = r.stdout.decode("utf-8")
    stderr = r.stderr.decode("utf-8")
    if r.returncode == 0:
        return stdout, stderr, None
    lines = stderr.rstrip("\n").split("\n")
    line = None
    marker = f'File "{path}", line '
    for text in lines:
        text = text.strip()
        if text.startswith(marker):
            line = int(text[len(marker):].split(",")[0])
    err = lines[-1] + "\n" + (f"line {line}\n" if line is not None else "")
    return stdout, "", err


def expected(rel, runner):
    """{filename: content} that the program at rel (relative to HERE) must have beside it."""
    path = os.path.join(HERE, rel)
    stdout, stderr, err = runner(path)
    if stderr:
        raise RuntimeError(f"{rel}: writes to stderr without failing (a warning?):\n{stderr}")
    base = rel[:-3]
    files = {base + ".out": stdout}
    if err is not None:
        files[base + ".err"] = err
    return files


def read(rel):
    path = os.path.join(HERE, rel)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return f.read()


def main(argv):
    if sys.version_info[:2] != ORACLE_PYTHON or not numpy.__version__.startswith(ORACLE_NUMPY):
        if "--any-version" not in argv:
            print(f"make_expected.py: the oracle is CPython {'.'.join(map(str, ORACLE_PYTHON))} with NumPy "
                  f"{ORACLE_NUMPY}x (Debian 12's /usr/bin/python3); this is {sys.version.split()[0]} with "
                  f"NumPy {numpy.__version__} (--any-version to run anyway)", file=sys.stderr)
            return 2
    check = "--check" in argv
    runner = run_in_subprocess if "--subprocess" in argv else run_in_child
    selected = [a for a in argv if not a.startswith("--")]
    problems = []
    diffs = []
    count = 0
    for rel in programs(selected):
        count += 1
        try:
            files = expected(rel, runner)
        except Exception as exc:  # report every broken program, not just the first
            problems.append(str(exc))
            continue
        base = rel[:-3]
        for suffix in (".out", ".err"):
            name = base + suffix
            want = files.get(name)
            have = read(name)
            if want == have:
                continue
            if check:
                diffs.extend(difflib.unified_diff(
                    (have or "").splitlines(keepends=True), (want or "").splitlines(keepends=True),
                    f"committed {name}" + ("" if have is not None else " (missing)"),
                    f"CPython {name}" + ("" if want is not None else " (none: the program succeeds)")))
            elif want is None:
                os.remove(os.path.join(HERE, name))
            else:
                with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
                    f.write(want)
    if not selected:
        for area in sorted(os.listdir(HERE)):
            folder = os.path.join(HERE, area)
            if not os.path.isdir(folder) or area in HAND_WRITTEN:
                continue
            for name in sorted(os.listdir(folder)):
                stem, ext = os.path.splitext(name)
                if ext in (".out", ".err") and not os.path.exists(os.path.join(folder, stem + ".py")):
                    problems.append(f"{area}/{name}: no {area}/{stem}.py beside it")
    for p in problems:
        print(p, file=sys.stderr)
    if diffs:
        sys.stdout.writelines(d if d.endswith("\n") else d + "\n" for d in diffs)
        print(f"\nexpected outputs are stale: run /usr/bin/python3 tests/py/make_expected.py",
              file=sys.stderr)
    if problems or diffs:
        return 1
    print(f"{count} programs {'match' if check else 'written'} (numpy {numpy.__version__}, "
          f"python {sys.version.split()[0]})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
