#!/usr/bin/env python3
"""Renames the main JS and the split loader of a `--split --hash-files` build by their final content.

cargo-leptos 0.3.10 hashes the main JS before it rewrites the loader's name inside it, and the
loader names the main JS in turn: a main JS could keep its name across releases while its content
changed, which `immutable` caching cannot allow (#14). The two files name each other, so both get
one hash of both contents as built; the rewritten files are a function of those contents, so a
changed file always gets a new name. hash.txt (read by the server) and the .br/.gz files follow.

Usage: rehash-split.py SITE_PKG_DIR HASH_TXT
"""

import base64
import gzip
import hashlib
import pathlib
import subprocess
import sys

pkg, hash_txt = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
hashes = dict(line.split(": ", 1) for line in hash_txt.read_text().splitlines() if ": " in line)
if "split" not in hashes:
    sys.exit(f"{hash_txt} names no split loader: not a --split build")

if hashes["js"] == hashes["split"]:
    sys.exit(0)  # already done: the build found nothing to rebuild
main = next(pkg.glob(f"*.{hashes['js']}.js"))
stem = main.name[: -len(f".{hashes['js']}.js")]
loader = pkg / f"__wasm_split.{hashes['split']}.js"
old = {main: main.read_bytes(), loader: loader.read_bytes()}

digest = hashlib.md5(old[main] + old[loader]).digest()
new_hash = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
renames = {main.name: f"{stem}.{new_hash}.js", loader.name: f"__wasm_split.{new_hash}.js"}

for path, body in old.items():
    text = body.decode()
    for old_name, new_name in renames.items():
        text = text.replace(old_name, new_name)
    target = pkg / renames[path.name]
    precompressed = pathlib.Path(f"{path}.br").exists()
    for suffix in ("", ".br", ".gz"):
        pathlib.Path(f"{path}{suffix}").unlink(missing_ok=True)
    target.write_text(text)
    if precompressed:
        subprocess.run(["brotli", "-q", "11", "-f", "-o", f"{target}.br", str(target)], check=True)
        pathlib.Path(f"{target}.gz").write_bytes(gzip.compress(text.encode(), 9, mtime=0))

hashes["js"], hashes["split"] = new_hash, new_hash
hash_txt.write_text("".join(f"{k}: {v}\n" for k, v in hashes.items()))
print(f"rehashed {main.name} and {loader.name} as {new_hash}")
