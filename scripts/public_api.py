#!/usr/bin/env python3
"""The library's public API as sorted text lines, from rustdoc's JSON, to guard its semver surface.

  python3 scripts/public_api.py --write docs/public-api.txt   # record the surface
  python3 scripts/public_api.py --check docs/public-api.txt   # exit 1 with a diff when it changed

It runs `cargo rustdoc --lib --release` with JSON output (RUSTC_BOOTSTRAP=1 lets the stable
toolchain write it), or reads the file given with --json. The surface is every item reachable by
public paths from the crate root: modules, items re-exported by `pub use` (under each path),
structs and their public fields, enums, their variants and fields, unions, traits and their items,
consts and statics with their types, type aliases, functions with their whole signature, the
public methods and associated consts of inherent impls, and every trait implemented for a public
type (derives included), with the associated types of those impls. Left out: auto-trait impls
(Send, Sync, ...), blanket impls, and the methods of trait impls (the trait fixes them; pass
--trait-methods to list them too). One item a line, no ids or spans, sorted by path.
"""

import argparse
import difflib
import json
import os
import re
import subprocess
import sys

KNOWN_FORMATS = {57}
TRAIT_ITEM = re.compile(r"^(#\[[^]]*\] )*(\S+ )*(fn|type|const) <")
CRATE = "tigang"
DEFAULT_CARGO_ARGS = "--no-default-features"

# Paths of the prelude's types and traits, shown by their short name.
SHORT = {
    "core::option::Option": "Option",
    "core::result::Result": "Result",
    "alloc::vec::Vec": "Vec",
    "alloc::string::String": "String",
    "alloc::boxed::Box": "Box",
    "core::clone::Clone": "Clone",
    "core::marker::Copy": "Copy",
    "core::marker::Send": "Send",
    "core::marker::Sync": "Sync",
    "core::marker::Sized": "Sized",
    "core::default::Default": "Default",
    "core::cmp::PartialEq": "PartialEq",
    "core::cmp::Eq": "Eq",
    "core::cmp::PartialOrd": "PartialOrd",
    "core::cmp::Ord": "Ord",
    "core::convert::From": "From",
    "core::convert::Into": "Into",
    "core::convert::TryFrom": "TryFrom",
    "core::convert::TryInto": "TryInto",
    "core::convert::AsRef": "AsRef",
    "core::convert::AsMut": "AsMut",
    "core::iter::traits::iterator::Iterator": "Iterator",
    "core::iter::traits::collect::IntoIterator": "IntoIterator",
    "core::iter::traits::collect::Extend": "Extend",
    "core::ops::drop::Drop": "Drop",
    "core::ops::function::Fn": "Fn",
    "core::ops::function::FnMut": "FnMut",
    "core::ops::function::FnOnce": "FnOnce",
    "alloc::string::ToString": "ToString",
    "alloc::borrow::ToOwned": "ToOwned",
}


class Surface:
    def __init__(self, doc, trait_methods=False):
        self.doc = doc
        self.index = doc["index"]
        self.paths = doc["paths"]
        self.trait_methods = trait_methods
        self.lines = set()  # (sort key, line)
        self.canonical = {}  # id -> the path the item is shown under

    def item(self, id_):
        return self.index.get(str(id_))

    # ---- finding every public path -------------------------------------------------------------

    def collect(self):
        """Every (path, id, through a `pub use`) reachable from the root; the canonical path of an
        id is its shortest path not through a re-export, else its shortest path."""
        found = []
        self._walk_module(self.doc["root"], CRATE, False, found, set())
        by_id = {}
        for path, id_, via_use in found:
            by_id.setdefault(id_, []).append((via_use, len(path.split("::")), path))
        for id_, ways in by_id.items():
            self.canonical[id_] = min(ways)[2]
        return found

    def _walk_module(self, mod_id, prefix, via_use, found, stack):
        if mod_id in stack:
            return
        stack = stack | {mod_id}
        for child in self.item(mod_id)["inner"]["module"]["items"]:
            it = self.item(child)
            if it is None or it["visibility"] != "public":
                continue
            kind, inner = next(iter(it["inner"].items()))
            if kind == "use":
                self._walk_use(it, inner, prefix, found, stack)
                continue
            if kind == "impl" or it["name"] is None:
                continue
            path = f"{prefix}::{it['name']}"
            found.append((path, child, via_use))
            if kind == "module":
                self._walk_module(child, path, via_use, found, stack)

    def _walk_use(self, it, use, prefix, found, stack):
        target = self.item(use["id"]) if use["id"] is not None else None
        if use["is_glob"]:
            if target is not None and "module" in target["inner"]:
                self._walk_module(use["id"], prefix, True, found, stack)
            elif target is not None and "enum" in target["inner"]:
                for v in target["inner"]["enum"]["variants"]:
                    found.append((f"{prefix}::{self.item(v)['name']}", v, True))
            else:
                self.add(prefix, f"pub use {prefix}::* (glob of {self.use_source(use)})")
            return
        path = f"{prefix}::{use['name']}"
        if target is None:
            # An item of another crate (or one rustdoc stripped): shown as the re-export itself.
            self.add(path, f"pub use {path} = {self.use_source(use)}")
            return
        found.append((path, use["id"], True))
        if "module" in target["inner"]:
            self._walk_module(use["id"], path, True, found, stack)

    def use_source(self, use):
        p = self.paths.get(str(use["id"])) if use["id"] is not None else None
        return "::".join(p["path"]) if p else use["source"]

    # ---- lines ---------------------------------------------------------------------------------

    def add(self, key, line):
        self.lines.add((key, line))

    def sort_key(self, kl):
        key, line = kl
        # Under one path: the item itself first, then the impls of its type, then their items.
        rank = 1 if line.startswith(("impl", "unsafe impl")) else 2 if TRAIT_ITEM.match(line) else 0
        return (key.split("::"), rank, line)

    def build(self):
        found = self.collect()
        for path, id_, _via in found:
            canon = self.canonical[id_]
            it = self.item(id_)
            kind = next(iter(it["inner"]))
            if path != canon:
                self.add(path, f"pub use {path} = {kind} {canon}")
                continue
            self.emit(path, it)
        return sorted(self.lines, key=self.sort_key)

    def marks(self, it):
        out = []
        for a in it["attrs"]:
            if a == "non_exhaustive":
                out.append("#[non_exhaustive] ")
            elif isinstance(a, dict) and "repr" in a:
                out.append(f"#[repr({json.dumps(a['repr'], sort_keys=True)})] ")
            elif isinstance(a, dict) and str(a.get("other", "")).startswith("#[repr("):
                out.append(a["other"] + " ")
        if it.get("deprecation"):
            out.append("#[deprecated] ")
        return "".join(out)

    def emit(self, path, it):
        kind, inner = next(iter(it["inner"].items()))
        m = self.marks(it)
        if kind == "module":
            self.add(path, f"{m}pub mod {path}")
        elif kind == "function":
            self.add(path, f"{m}{self.fn(path, inner)}")
        elif kind == "constant":
            self.add(path, f"{m}pub const {path}: {self.ty(inner['type'])}")
        elif kind == "static":
            mut = "mut " if inner.get("is_mutable") else ""
            uns = "unsafe " if inner.get("is_unsafe") else ""
            self.add(path, f"{m}pub {uns}static {mut}{path}: {self.ty(inner['type'])}")
        elif kind == "type_alias":
            g = inner["generics"]
            self.add(path, f"{m}pub type {path}{self.params(g)} = {self.ty(inner['type'])}"
                     f"{self.where(g)}")
        elif kind == "struct":
            self.struct(path, it, inner, m)
        elif kind == "union":
            g = inner["generics"]
            priv = " (has private fields)" if inner["has_stripped_fields"] else ""
            self.add(path, f"{m}pub union {path}{self.params(g)}{self.where(g)}{priv}")
            self.fields(path, inner["fields"])
            self.impls(path, inner["impls"])
        elif kind == "enum":
            g = inner["generics"]
            priv = " (has private variants)" if inner["has_stripped_variants"] else ""
            self.add(path, f"{m}pub enum {path}{self.params(g)}{self.where(g)}{priv}")
            for v in inner["variants"]:
                self.variant(path, self.item(v))
            self.impls(path, inner["impls"])
        elif kind == "variant":  # reached through a glob of an enum
            self.variant(path.rsplit("::", 1)[0], it)
        elif kind == "trait":
            self.trait(path, it, inner, m)
        elif kind == "trait_alias":
            g = inner["generics"]
            self.add(path, f"{m}pub trait {path}{self.params(g)} = {self.bounds(inner['params'])}"
                     f"{self.where(g)}")
        elif kind == "macro":
            self.add(path, f"{m}macro {path}!")
        elif kind == "proc_macro":
            self.add(path, f"{m}proc_macro ({inner['kind']}) {path}")
        elif kind == "extern_crate":
            self.add(path, f"pub extern crate {inner['name']} as {path}")
        elif kind == "extern_type":
            self.add(path, f"{m}pub extern type {path}")
        elif kind in ("primitive", "struct_field", "impl", "assoc_const", "assoc_type"):
            pass
        else:
            sys.exit(f"public_api.py: unknown item kind {kind!r} at {path}")

    def struct(self, path, it, inner, m):
        g = inner["generics"]
        k = inner["kind"]
        head = f"{m}pub struct {path}{self.params(g)}"
        if k == "unit":
            self.add(path, f"{head}{self.where(g)}")
        elif "tuple" in k:
            parts = []
            for f in k["tuple"]:
                fi = self.item(f) if f is not None else None
                if fi is None or fi["visibility"] != "public":
                    parts.append("_")
                else:
                    parts.append(f"pub {self.ty(fi['inner']['struct_field'])}")
            self.add(path, f"{head}({', '.join(parts)}){self.where(g)}")
        else:
            priv = " (has private fields)" if k["plain"]["has_stripped_fields"] else ""
            self.add(path, f"{head}{self.where(g)}{priv}")
            self.fields(path, k["plain"]["fields"])
        self.impls(path, inner["impls"])

    def fields(self, path, ids):
        for f in ids:
            fi = self.item(f)
            if fi is not None and fi["visibility"] == "public":
                fp = f"{path}::{fi['name']}"
                self.add(fp, f"{self.marks(fi)}pub {fp}: {self.ty(fi['inner']['struct_field'])}")

    def variant(self, enum_path, vi):
        v = vi["inner"]["variant"]
        vp = f"{enum_path}::{vi['name']}"
        m = self.marks(vi)
        disc = f" = {v['discriminant']['expr']}" if v.get("discriminant") else ""
        k = v["kind"]
        if k == "plain":
            self.add(vp, f"{m}variant {vp}{disc}")
        elif "tuple" in k:
            parts = []
            for f in k["tuple"]:
                fi = self.item(f) if f is not None else None
                parts.append("_" if fi is None else self.ty(fi["inner"]["struct_field"]))
            self.add(vp, f"{m}variant {vp}({', '.join(parts)}){disc}")
        else:
            priv = " (has private fields)" if k["struct"]["has_stripped_fields"] else ""
            self.add(vp, f"{m}variant {vp} {{ .. }}{disc}{priv}")
            for f in k["struct"]["fields"]:
                fi = self.item(f)
                fp = f"{vp}::{fi['name']}"
                self.add(fp, f"{self.marks(fi)}field {fp}: {self.ty(fi['inner']['struct_field'])}")

    def trait(self, path, it, inner, m):
        g = inner["generics"]
        uns = "unsafe " if inner["is_unsafe"] else ""
        auto = "auto " if inner["is_auto"] else ""
        sup = f": {self.bounds(inner['bounds'])}" if inner["bounds"] else ""
        dyn = "" if inner.get("is_dyn_compatible", True) else " (not dyn-compatible)"
        self.add(path, f"{m}pub {uns}{auto}trait {path}{self.params(g)}{sup}{self.where(g)}{dyn}")
        for i in inner["items"]:
            self.assoc(path, self.item(i), in_trait=True)
        for imp in inner.get("implementations", []):
            self.impl_line(self.item(imp))

    def assoc(self, owner, ai, in_trait):
        if ai is None:
            return
        kind, inner = next(iter(ai["inner"].items()))
        p = f"{owner}::{ai['name']}"
        m = self.marks(ai)
        vis = "" if in_trait else "pub "
        if kind == "function":
            provided = " (provided)" if in_trait and inner["has_body"] else ""
            self.add(p, f"{m}{self.fn(p, inner, vis)}{provided}")
        elif kind == "assoc_const":
            val = " (provided)" if in_trait and inner.get("value") is not None else ""
            self.add(p, f"{m}{vis}const {p}: {self.ty(inner['type'])}{val}")
        elif kind == "assoc_type":
            g = inner["generics"]
            b = f": {self.bounds(inner['bounds'])}" if inner["bounds"] else ""
            t = f" = {self.ty(inner['type'])}" if inner.get("type") is not None else ""
            self.add(p, f"{m}type {p}{self.params(g)}{b}{t}{self.where(g)}")

    def impls(self, path, ids):
        for i in ids:
            self.impl_line(self.item(i), path)

    def impl_line(self, ii, owner=None):
        if ii is None:
            return
        imp = ii["inner"]["impl"]
        if imp["is_synthetic"] or imp["blanket_impl"] is not None:
            return
        for_ty = self.ty(imp["for"])
        key = owner or for_ty
        g = imp["generics"]
        if imp["trait"] is None:
            # Inherent impl: its public items, shown under the type's path.
            ctx = ""
            if g["params"] or g["where_predicates"]:
                ctx = f" (in impl{self.params(g)} {for_ty}{self.where(g)})"
            for i in imp["items"]:
                ai = self.item(i)
                if ai is not None and ai["visibility"] == "public":
                    before = set(self.lines)
                    self.assoc(key, ai, in_trait=False)
                    if ctx:
                        for k, line in set(self.lines) - before:
                            self.lines.discard((k, line))
                            self.lines.add((k, line + ctx))
            return
        uns = "unsafe " if imp["is_unsafe"] else ""
        neg = "!" if imp["is_negative"] else ""
        trait = self.path(imp["trait"])
        if trait == "core::marker::StructuralPartialEq":
            return  # what derive(PartialEq) adds besides PartialEq: no API of its own
        self.add(key, f"{uns}impl{self.params(g)} {neg}{trait} for {for_ty}{self.where(g)}")
        for i in imp["items"]:
            ai = self.item(i)
            if ai is None:
                continue
            kind = next(iter(ai["inner"]))
            if kind == "function" and not self.trait_methods:
                continue
            before = set(self.lines)
            self.assoc(f"<{for_ty} as {trait}>", ai, in_trait=False)
            for k, line in set(self.lines) - before:
                self.lines.discard((k, line))
                self.lines.add((key, line.replace("pub ", "", 1) if line.startswith("pub ") else line))

    # ---- signatures and types ------------------------------------------------------------------

    def fn(self, path, f, vis="pub "):
        h = f["header"]
        q = ""
        if h["is_const"]:
            q += "const "
        if h["is_async"]:
            q += "async "
        if h["is_unsafe"]:
            q += "unsafe "
        q += self.abi(h["abi"])
        g = f["generics"]
        return f"{vis}{q}fn {path}{self.params(g)}({self.inputs(f['sig'])}){self.output(f['sig'])}" \
               f"{self.where(g)}"

    def abi(self, abi):
        if abi == "Rust":
            return ""
        if isinstance(abi, str):
            return f'extern "{abi}" '
        name, data = next(iter(abi.items()))
        if name == "Other":
            return f'extern "{data}" '
        unwind = "-unwind" if isinstance(data, dict) and data.get("unwind") else ""
        return f'extern "{name}{unwind}" '

    def inputs(self, sig):
        parts = []
        for name, t in sig["inputs"]:
            if name == "self":
                if t == {"generic": "Self"}:
                    parts.append("self")
                    continue
                br = t.get("borrowed_ref") if isinstance(t, dict) else None
                if br and br["type"] == {"generic": "Self"}:
                    lt = f"{br['lifetime']} " if br["lifetime"] else ""
                    parts.append(f"&{lt}{'mut ' if br['is_mutable'] else ''}self")
                    continue
            parts.append(f"{name}: {self.ty(t)}")
        if sig.get("is_c_variadic"):
            parts.append("...")
        return ", ".join(parts)

    def output(self, sig):
        return f" -> {self.ty(sig['output'])}" if sig["output"] is not None else ""

    def params(self, g):
        ps = []
        for p in g["params"]:
            kind, d = next(iter(p["kind"].items()))
            if kind == "lifetime":
                ps.append(p["name"] + (f": {' + '.join(d['outlives'])}" if d["outlives"] else ""))
            elif kind == "type":
                if d.get("is_synthetic"):
                    continue  # `impl Trait` in argument position: shown in the parameter's type
                s = p["name"]
                if d["bounds"]:
                    s += f": {self.bounds(d['bounds'])}"
                if d.get("default") is not None:
                    s += f" = {self.ty(d['default'])}"
                ps.append(s)
            elif kind == "const":
                s = f"const {p['name']}: {self.ty(d['type'])}"
                if d.get("default") is not None:
                    s += f" = {d['default']}"
                ps.append(s)
        return f"<{', '.join(ps)}>" if ps else ""

    def where(self, g):
        preds = []
        for w in g["where_predicates"]:
            kind, d = next(iter(w.items()))
            if kind == "bound_predicate":
                hr = self.hrtb(d.get("generic_params", []))
                preds.append(f"{hr}{self.ty(d['type'])}: {self.bounds(d['bounds'])}")
            elif kind == "lifetime_predicate":
                preds.append(f"{d['lifetime']}: {' + '.join(d['outlives'])}")
            elif kind == "eq_predicate":
                preds.append(f"{self.ty(d['lhs'])} == {self.term(d['rhs'])}")
        return f" where {', '.join(preds)}" if preds else ""

    def hrtb(self, gps):
        if not gps:
            return ""
        return f"for<{', '.join(p['name'] for p in gps)}> "

    def bounds(self, bs):
        out = []
        for b in bs:
            if isinstance(b, str):
                out.append(b)
                continue
            kind, d = next(iter(b.items()))
            if kind == "trait_bound":
                mod = {"none": "", "maybe": "?", "maybe_const": "~const "}.get(d["modifier"], "")
                out.append(f"{self.hrtb(d['generic_params'])}{mod}{self.path(d['trait'])}")
            elif kind == "outlives":
                out.append(d)
            elif kind == "use":
                args = []
                for a in d:
                    if isinstance(a, str):
                        args.append(a)
                    else:
                        args.append(next(iter(a.values())))
                out.append(f"use<{', '.join(args)}>")
            else:
                out.append(json.dumps(b, sort_keys=True))
        return " + ".join(out)

    def path(self, p):
        """A resolved path: the item's public path here, else its crate's path, else as written."""
        id_ = p.get("id")
        name = None
        if id_ is not None and id_ in self.canonical:
            name = self.canonical[id_]
        elif id_ is not None and str(id_) in self.paths:
            full = "::".join(self.paths[str(id_)]["path"])
            name = SHORT.get(full, full)
            if name.startswith("serde_core::"):  # serde's traits live there; serde re-exports them
                name = "serde::" + name[len("serde_core::"):]
        if name is None:
            name = p["path"]
        return name + self.args(p.get("args"))

    def args(self, a):
        if not a:
            return ""
        if a == "return_type_notation":
            return "(..)"
        kind, d = next(iter(a.items()))
        if kind == "parenthesized":
            out = f" -> {self.ty(d['output'])}" if d.get("output") is not None else ""
            return f"({', '.join(self.ty(t) for t in d['inputs'])}){out}"
        parts = []
        for x in d["args"]:
            if x == "infer":
                parts.append("_")
                continue
            k, v = next(iter(x.items()))
            if k == "lifetime":
                parts.append(v)
            elif k == "type":
                parts.append(self.ty(v))
            elif k == "const":
                parts.append(v.get("expr") or v.get("value") or "_")
        for c in d.get("constraints", []):
            s = c["name"] + self.args(c.get("args"))
            bk, bv = next(iter(c["binding"].items()))
            if bk == "equality":
                parts.append(f"{s} = {self.term(bv)}")
            else:
                parts.append(f"{s}: {self.bounds(bv)}")
        return f"<{', '.join(parts)}>" if parts else ""

    def term(self, t):
        k, v = next(iter(t.items()))
        return self.ty(v) if k == "type" else (v.get("expr") or v.get("value") or "_")

    def ty(self, t):
        if t is None:
            return "()"
        if isinstance(t, str):
            return "_" if t == "infer" else t
        kind, d = next(iter(t.items()))
        if kind == "resolved_path":
            return self.path(d)
        if kind == "generic" or kind == "primitive":
            return d
        if kind == "tuple":
            if len(d) == 1:
                return f"({self.ty(d[0])},)"
            return f"({', '.join(self.ty(x) for x in d)})"
        if kind == "slice":
            return f"[{self.ty(d)}]"
        if kind == "array":
            return f"[{self.ty(d['type'])}; {d['len']}]"
        if kind == "borrowed_ref":
            lt = f"{d['lifetime']} " if d["lifetime"] else ""
            return f"&{lt}{'mut ' if d['is_mutable'] else ''}{self.ty(d['type'])}"
        if kind == "raw_pointer":
            return f"*{'mut' if d['is_mutable'] else 'const'} {self.ty(d['type'])}"
        if kind == "impl_trait":
            return f"impl {self.bounds(d)}"
        if kind == "dyn_trait":
            ts = [f"{self.hrtb(pt['generic_params'])}{self.path(pt['trait'])}" for pt in d["traits"]]
            if d.get("lifetime"):
                ts.append(d["lifetime"])
            return f"dyn {' + '.join(ts)}"
        if kind == "function_pointer":
            h = d["header"]
            q = ("unsafe " if h["is_unsafe"] else "") + self.abi(h["abi"])
            return f"{self.hrtb(d['generic_params'])}{q}fn({self.inputs(d['sig'])}){self.output(d['sig'])}"
        if kind == "qualified_path":
            name = d["name"] + self.args(d.get("args"))
            if d.get("trait") is None:
                return f"{self.ty(d['self_type'])}::{name}"
            return f"<{self.ty(d['self_type'])} as {self.path(d['trait'])}>::{name}"
        if kind == "pat":
            return self.ty(d["type"])
        return json.dumps(t, sort_keys=True)


def run_rustdoc(cargo_args):
    env = dict(os.environ, RUSTC_BOOTSTRAP="1")
    cmd = ["cargo", "rustdoc", "--lib", "--release", "--quiet", *cargo_args.split(),
           "--", "-Z", "unstable-options", "--output-format", "json"]
    subprocess.run(cmd, check=True, env=env)
    meta = json.loads(subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps"],
                                     check=True, capture_output=True, text=True).stdout)
    return os.path.join(meta["target_directory"], "doc", f"{CRATE}.json")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", metavar="FILE", help="write the surface to FILE")
    mode.add_argument("--check", metavar="FILE", help="exit 1 with a diff unless FILE matches")
    mode.add_argument("--print", action="store_true", help="print the surface")
    ap.add_argument("--json", metavar="FILE", help="read this rustdoc JSON instead of running cargo")
    ap.add_argument("--cargo-args", default=DEFAULT_CARGO_ARGS,
                    help=f"extra arguments to cargo rustdoc (default: {DEFAULT_CARGO_ARGS!r})")
    ap.add_argument("--trait-methods", action="store_true",
                    help="list the methods of trait impls too")
    a = ap.parse_args()

    json_path = a.json or run_rustdoc(a.cargo_args)
    with open(json_path, encoding="utf-8") as f:
        doc = json.load(f)
    fv = doc.get("format_version")
    if fv not in KNOWN_FORMATS:
        sys.exit(f"public_api.py: {json_path} has rustdoc JSON format_version {fv}; this script "
                 f"knows {sorted(KNOWN_FORMATS)}. Check rustdoc-types' changelog for the versions "
                 f"between, adapt the walker and add {fv} to KNOWN_FORMATS.")
    if doc.get("includes_private"):
        sys.exit("public_api.py: the JSON was made with --document-private-items; make it without")

    text = "".join(line + "\n" for _key, line in Surface(doc, a.trait_methods).build())
    if a.print:
        sys.stdout.write(text)
    elif a.write:
        with open(a.write, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"public_api.py: wrote {text.count(chr(10))} items to {a.write}")
    else:
        with open(a.check, encoding="utf-8") as f:
            old = f.read()
        if old == text:
            print(f"public_api.py: the public API matches {a.check} ({text.count(chr(10))} items)")
            return
        sys.stdout.writelines(difflib.unified_diff(
            old.splitlines(keepends=True), text.splitlines(keepends=True),
            fromfile=a.check, tofile="the public API now"))
        me = os.path.relpath(__file__)
        print(f"the public API changed: if that is meant, run `python3 {me} --write {a.check}` "
              "and say so in the commit (a removal or signature change is breaking)")
        sys.exit(1)


if __name__ == "__main__":
    main()
