#!/usr/bin/env python3
"""Renames the main JS, the split loader and the main WASM of a `--split --hash-files` build by
their final content.

cargo-leptos 0.3.10 (leptos#4180) hashes files before it writes the loader's hashed name into the
main JS and into the main WASM's imports, and the loader names the main JS in turn: the main JS
or WASM could keep its name across releases while its content changed, which `immutable` caching
cannot allow (#14). So the three get one hash of their three contents as built, and the names are
rewritten in them (in the WASM the name keeps its length, so the module stays valid). The result
is a function of those contents: a changed file always gets a new name. The chunks name nothing
and keep cargo-leptos' hashes. hash.txt (read by the server) and the .br/.gz files follow.

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
if hashes["js"] == hashes["split"] == hashes["wasm"]:
    sys.exit(0)  # already done: the build found nothing to rebuild

main_js = next(pkg.glob(f"*.{hashes['js']}.js"))
stem = main_js.name[: -len(f".{hashes['js']}.js")]
files = [main_js, pkg / f"__wasm_split.{hashes['split']}.js", pkg / f"{stem}.{hashes['wasm']}.wasm"]
built = {path: path.read_bytes() for path in files}

digest = hashlib.md5(b"".join(built.values())).digest()
new_hash = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
renames = {path.name: path.name.replace(hashes[key], new_hash) for path, key in zip(files, ("js", "split", "wasm"))}

for path, body in built.items():
    for old_name, new_name in renames.items():
        assert len(old_name) == len(new_name)
        body = body.replace(old_name.encode(), new_name.encode())
    target = pkg / renames[path.name]
    precompressed = pathlib.Path(f"{path}.br").exists()
    for suffix in ("", ".br", ".gz"):
        pathlib.Path(f"{path}{suffix}").unlink(missing_ok=True)
    target.write_bytes(body)
    if precompressed:
        subprocess.run(["brotli", "-q", "11", "-f", "-o", f"{target}.br", str(target)], check=True)
        pathlib.Path(f"{target}.gz").write_bytes(gzip.compress(body, 9, mtime=0))

hashes["js"] = hashes["split"] = hashes["wasm"] = new_hash
hash_txt.write_text("".join(f"{k}: {v}\n" for k, v in hashes.items()))
print(f"rehashed {', '.join(renames)} as {new_hash}")
