"""Write i18n/sunspace_zh_CN.ts from the tr() strings in algorithms/ and plugin.py.

SunSpace labels are written bilingually, "English 中文". For a Chinese locale the
translation is the Chinese part alone; long help texts already carry both languages
and are left as they are. Run after changing a label:  .venv/bin/python tools/make_ts.py
"""
import ast
import os
import re
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CJK = re.compile(r"[\u3400-\u9fff]")


def strings():
    found = []
    for folder in ("algorithms", "."):
        for name in sorted(os.listdir(os.path.join(ROOT, folder))):
            if not name.endswith(".py"):
                continue
            tree = ast.parse(open(os.path.join(ROOT, folder, name), encoding="utf-8").read())
            for node in ast.walk(tree):
                texts = []
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args:
                    texts.append(node.args[0])
                elif isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "DISPLAY" for t in node.targets):
                    texts.append(node.value)  # algorithm display names, translated by SunSpaceAlgorithm
                elif isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "GROUPS" for t in node.targets):
                    texts.extend(node.value.values)  # group names
                for arg in texts:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value not in found:
                        found.append(arg.value)
    return found


def chinese_part(text):
    """'Floor height, m 层高' -> '层高'; None when the text is not 'English 中文'."""
    if "<p>" in text or not CJK.search(text):
        return None
    m = CJK.search(text)
    head, tail = text[: m.start()], text[m.start():]
    unit = re.search(r",\s*(m²|m)\s*$", head)
    return tail + (f"（{unit.group(1)}）" if unit else "")


def main():
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", '<TS version="2.1" language="zh_CN">',
           "<context>", "    <name>SunSpace</name>"]
    for s in strings():
        zh = chinese_part(s)
        if zh is None:
            continue
        out += ["    <message>", f"        <source>{escape(s)}</source>", f"        <translation>{escape(zh)}</translation>", "    </message>"]
    out += ["</context>", "</TS>", ""]
    path = os.path.join(ROOT, "i18n", "sunspace_zh_CN.ts")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))
    print(path)


if __name__ == "__main__":
    main()
