"""Update i18n/sunspace_zh_CN.ts from the translatable strings in the code.

Collected: the first argument of every ``tr("...")`` / ``self.tr("...")`` call, of
``SunSpaceError("...")`` (core and algorithms) and of ``N_("...")`` markers; class
attributes ``DISPLAY`` and ``HELP``; the values of ``GROUPS``; and lists whose name
ends in ``_LABELS`` or ``_OPTIONS`` (enum options). Source strings are English.

The ``.ts`` file is the translation source, edited by hand (or in Qt Linguist): this
tool keeps every existing translation, adds new strings as unfinished and drops
strings no longer in the code. ``--check`` changes nothing and exits 1 listing the
strings that have no Chinese translation (the test suite runs it).

    .venv/bin/python tools/make_ts.py          # update the .ts
    .venv/bin/python tools/make_ts.py --check  # fail on untranslated strings
"""
import ast
import os
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TS = os.path.join(ROOT, "i18n", "sunspace_zh_CN.ts")
FOLDERS = (".", "algorithms", "core", "ui")
CALLS = {"tr", "SunSpaceError", "N_", "translate"}


def _texts(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    return []


def strings():
    """Every translatable source string, in the order first seen."""
    found = []
    for folder in FOLDERS:
        base = os.path.join(ROOT, folder)
        for name in sorted(os.listdir(base)):
            if not name.endswith(".py"):
                continue
            tree = ast.parse(open(os.path.join(base, name), encoding="utf-8").read())
            for node in ast.walk(tree):
                texts = []
                if isinstance(node, ast.Call) and node.args:
                    fname = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                    if fname in CALLS:
                        arg = node.args[1] if fname == "translate" and len(node.args) > 1 else node.args[0]
                        texts += _texts(arg)
                elif isinstance(node, ast.Assign):
                    names = [getattr(t, "id", None) for t in node.targets]
                    if any(n in ("DISPLAY", "HELP") for n in names):
                        texts += _texts(node.value)
                    elif "GROUPS" in names and isinstance(node.value, ast.Dict):
                        for v in node.value.values:
                            texts += _texts(v)
                    elif any(n and (n.endswith("_LABELS") or n.endswith("_OPTIONS")) for n in names) and isinstance(
                            node.value, (ast.List, ast.Tuple)):
                        for v in node.value.elts:
                            texts += _texts(v)
                            if isinstance(v, ast.Tuple) and v.elts:  # (label, value) pairs
                                texts += _texts(v.elts[0])
                for t in texts:
                    if t.strip() and t not in found:
                        found.append(t)
    return found


def read_ts(path=TS):
    """source -> translation ('' when unfinished) from a .ts file."""
    if not os.path.exists(path):
        return {}
    out = {}
    for msg in ET.parse(path).getroot().iter("message"):
        src = msg.findtext("source") or ""
        tr = msg.find("translation")
        done = tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished")
        out[src] = (tr.text or "") if done else ""
    return out


def write_ts(sources, translations, path=TS):
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", '<TS version="2.1" language="zh_CN">', "<context>",
           "    <name>SunSpace</name>"]
    for s in sources:
        zh = translations.get(s, "")
        attr = "" if zh else ' type="unfinished"'
        out += ["    <message>", f"        <source>{escape(s)}</source>",
                f"        <translation{attr}>{escape(zh)}</translation>", "    </message>"]
    out += ["</context>", "</TS>", ""]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))


def missing():
    have = read_ts()
    return [s for s in strings() if not have.get(s)]


def main(argv):
    if "--check" in argv:
        left = missing()
        for s in left:
            print("untranslated:", s[:120].replace("\n", " "))
        return 1 if left else 0
    srcs = strings()
    write_ts(srcs, read_ts())
    print(f"{TS}: {len(srcs)} strings, {len(missing())} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
