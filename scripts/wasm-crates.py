#!/usr/bin/env python3
"""Code size by crate of a WASM module that still has its name section (#14's breakdown).

For the split build's main module before wasm-bindgen and wasm-opt:
  scripts/wasm-crates.py $CARGO_TARGET_DIR/front/wasm32-unknown-unknown/wasm-release/frontend_split.wasm
Sizes are of function bodies before wasm-opt, so read them as shares, not as shipped bytes.
"""

import collections
import re
import sys


def leb(buf, i):
    value = shift = 0
    while True:
        byte = buf[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def sections(buf):
    i = 8
    while i < len(buf):
        kind = buf[i]
        size, i = leb(buf, i + 1)
        yield kind, buf[i : i + size]
        i += size


ESCAPES = {"$LT$": "<", "$GT$": ">", "$u20$": " ", "$RF$": "&", "$BP$": "*", "$C$": ",", "$u7b$": "{", "$u7d$": "}", "$u5b$": "[", "$u5d$": "]", "$u27$": "'", "$SP$": "@", "$LP$": "(", "$RP$": ")", "..": "::"}


def demangle(name):
    """Rust's legacy mangling: `_ZN` then length-prefixed segments, the last one a hash."""
    if not name.startswith("_ZN"):
        return name
    i, parts = 3, []
    while i < len(name) and name[i].isdigit():
        j = i
        while name[j].isdigit():
            j += 1
        n = int(name[i:j])
        parts.append(name[j : j + n])
        i = j + n
    text = "::".join(p for p in parts if not re.fullmatch(r"h[0-9a-f]{16}", p))
    for code, char in ESCAPES.items():
        text = text.replace(code, char)
    return text.lstrip("_")


def crate_of(name):
    name = demangle(name)
    # Demangled names: `crate::path::f`, `<crate::T as other::Trait>::f`, `core::ptr::drop_in_place<crate::T>`.
    if name.startswith(("core::ptr::drop_in_place<", "<alloc::", "<core::")) and "<" in name:
        inner = re.search(r"<([a-z_][a-z0-9_]*)::", name[name.index("<") + 1 :] if name.startswith("<") else name)
        if inner and inner.group(1) not in ("core", "alloc", "std"):
            return inner.group(1)
    match = re.match(r"<*&?(?:mut )?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)", name)
    return match.group(1) if match else "?"


buf = open(sys.argv[1], "rb").read()
imports = 0
bodies, names, data = [], {}, 0
for kind, body in sections(buf):
    if kind == 2:  # imports: they come first in the function index space
        count, i = leb(body, 0)
        for _ in range(count):
            for _ in range(2):
                n, i = leb(body, i)
                i += n
            desc = body[i]
            i += 1
            if desc == 0:
                _, i = leb(body, i)
                imports += 1
            elif desc == 1:
                i += 1
                flags, i = leb(body, i + 0)
                _, i = leb(body, i)
                if flags & 1:
                    _, i = leb(body, i)
            elif desc == 2:
                flags, i = leb(body, i)
                _, i = leb(body, i)
                if flags & 1:
                    _, i = leb(body, i)
            else:
                i += 2
    elif kind == 10:
        count, i = leb(body, 0)
        for _ in range(count):
            size, i = leb(body, i)
            bodies.append(size)
            i += size
    elif kind == 11:
        data = len(body)
    elif kind == 0:
        n, i = leb(body, 0)
        if body[i : i + n] != b"name":
            continue
        i += n
        while i < len(body):
            sub = body[i]
            size, i = leb(body, i + 1)
            if sub == 1:
                count, j = leb(body, i)
                for _ in range(count):
                    idx, j = leb(body, j)
                    n, j = leb(body, j)
                    names[idx] = body[j : j + n].decode(errors="replace")
                    j += n
            i += size

by_crate = collections.Counter()
for k, size in enumerate(bodies):
    by_crate[crate_of(names.get(imports + k, "?"))] += size
total = sum(bodies)
print(f"code {total} B in {len(bodies)} functions, data {data} B")
for crate, size in by_crate.most_common(25):
    print(f"{size:>9} B {100 * size / total:5.1f}%  {crate}")
