#!/usr/bin/env python3
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
# (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

"""The public names of tsock, and whether the documentation mentions them.

The names come from clang's own parse of the headers (-ast-dump=json), not
from regular expressions: what the compiler sees in namespace tsock and its
nested namespaces, declared in include/tsock/*.hpp (not detail/), minus
namespaces named detail, anonymous namespaces, implicit declarations,
operators (but user-defined literals are kept) and template
specializations. A regular expression would have to know about templates
spanning lines, requires-clauses, nested and re-opened namespaces
(namespace options::ip {), and friends; clang knows all that already.

A public name is one namespace-scope declaration: a class or struct (or
template), an enum (its enumerators are listed with it, not checked on their
own), a function (its overloads are one name), an alias, a variable or
constant, a concept, or a using-declaration that brings a name into a
public namespace.

Usage:
  public_names.py [--clang CLANG] [--include DIR]    the names, one a line
  public_names.py ... --skeleton            one AsciiDoc line per name, by header
  public_names.py ... --check DOC...        exit 1 listing the names no DOC mentions
  public_names.py ... --only options:: --check doc/options.adoc
                                            the same for the names below tsock::options
  public_names.py ... --check DOC... --require options:: doc/options.adoc
                                            both at once (one parse of the headers)

The rule of --check: a name is documented when it appears, as a whole
identifier, inside an inline code span (`...` or +...+) of one of the
documents. A name of namespace tsock may be written qualified or not
(`resolve`, `tsock::resolve`). A name of a nested namespace must be
qualified (`options::type`, `opt::type`, `python::gethostbyname`: a bare
`type` says nothing about the option), and one declared in two nested
namespaces (options::ip::multicast_loop, options::ipv6::multicast_loop)
with its own innermost namespace (`ip::multicast_loop`), so that each
declaration is documented on its own. Literal suffixes count as written ("1.2.3.4"_ipv4).
Listing and literal blocks (----, ....) do not count: a name used in an
example is not yet explained; nor do comments (//, ////), which are not
rendered.
"""

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Headers outside include/tsock.hpp: the optional ones (their own
# dependencies or POSIX-only), parsed too.
OPTIONAL_HEADERS = ["iostream.hpp", "server.hpp", "stream_reader.hpp",
                    "host.hpp", "host_entry.hpp", "message.hpp", "python.hpp",
                    "reverse_resolve.hpp", "services.hpp"]

KINDS = {
    "CXXRecordDecl": "class",
    "ClassTemplateDecl": "class template",
    "EnumDecl": "enum",
    "FunctionDecl": "function",
    "FunctionTemplateDecl": "function template",
    "TypeAliasDecl": "alias",
    "TypedefDecl": "alias",
    "TypeAliasTemplateDecl": "alias template",
    "VarDecl": "variable",
    "VarTemplateDecl": "variable template",
    "ConceptDecl": "concept",
    "UsingDecl": "using-declaration",
}

Name = collections.namedtuple("Name", "path name kind header line enumerators")


def find_clang(wanted):
    for candidate in ([wanted] if wanted else []) + ["clang++-16", "clang++"]:
        found = shutil.which(candidate)
        if found:
            return found
    sys.exit("public_names.py: no clang++ found (give --clang)")


def dump(clang, include, extra):
    """The JSON documents clang prints for the declarations in tsock::."""
    headers = ["tsock.hpp"] + ["tsock/" + h for h in OPTIONAL_HEADERS
                               if os.path.exists(os.path.join(include, "tsock", h))]
    with tempfile.NamedTemporaryFile("w", suffix=".cpp", delete=False) as source:
        for header in headers:
            source.write("#include <%s>\n" % header)
    try:
        command = [clang, "-std=c++20", "-fsyntax-only", "-I", include] + extra + [
            "-Xclang", "-ast-dump=json", "-Xclang", "-ast-dump-filter=tsock::", source.name]
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    finally:
        os.unlink(source.name)
    if result.returncode != 0:
        sys.stderr.write(result.stderr.decode(errors="replace"))
        sys.exit("public_names.py: clang failed on the headers: %s" % " ".join(command))
    text = result.stdout.decode()
    decoder = json.JSONDecoder()
    position = 0
    while True:
        while position < len(text) and text[position] in " \t\r\n":
            position += 1
        if position >= len(text):
            return
        # -ast-dump-filter prints "Dumping <name>:" before each document.
        if text.startswith("Dumping ", position):
            position = text.index("\n", position) + 1
            continue
        document, position = decoder.raw_decode(text, position)
        yield document


class Walker:
    """Visits the nodes in the order clang printed them.

    clang's JSON leaves out a location's file when it is the one of the
    location printed just before, so the current file is carried along the
    printing order (the keys keep it: json keeps the order of an object)."""

    def __init__(self, public_dir):
        self.public_dir = os.path.realpath(public_dir)
        self.file = None
        self.names = []

    def track(self, value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "includedFrom":
                    continue
                if key == "file":
                    self.file = item
                else:
                    self.track(item)
        elif isinstance(value, list):
            for item in value:
                self.track(item)

    def node(self, node, path, public):
        """Walks one node; path is its enclosing namespaces below tsock."""
        kind = node.get("kind")
        line = None
        decl_file = None
        for key, item in node.items():
            if key == "loc":
                self.track(item)
                line = item.get("line") or item.get("expansionLoc", {}).get("line")
                decl_file = self.file
            elif key == "inner":
                continue
            else:
                self.track(item)
        name = node.get("name", "")
        if kind == "NamespaceDecl":
            inner_public = public and name not in ("", "detail")
            for child in node.get("inner", []):
                self.node(child, path + [name], inner_public)
            return
        if kind in ("LinkageSpecDecl",):
            for child in node.get("inner", []):
                self.node(child, path, public)
            return
        keep = (public and kind in KINDS and name and not node.get("isImplicit")
                and not name.startswith("<")  # a deduction guide
                and (not name.startswith("operator") or name.startswith('operator""'))
                and self.in_public_header(decl_file))
        if keep:
            enumerators = []
            if kind == "EnumDecl":
                enumerators = [c["name"] for c in node.get("inner", [])
                               if c.get("kind") == "EnumConstantDecl"]
            header = os.path.relpath(os.path.realpath(decl_file), os.path.dirname(self.public_dir))
            self.names.append((Name(tuple(path), name, KINDS[kind], header, line, enumerators),
                               self.is_definition(node)))
        # The children: for their locations only (the order of the files).
        for child in node.get("inner", []):
            self.track(child)

    @staticmethod
    def is_definition(node):
        if node.get("completeDefinition"):
            return True
        return any(child.get("completeDefinition") for child in node.get("inner", [])
                   if child.get("kind") == "CXXRecordDecl")

    def in_public_header(self, path):
        if not path:
            return False
        real = os.path.realpath(path)
        return (os.path.dirname(real) == self.public_dir
                or real == os.path.join(os.path.dirname(self.public_dir), "tsock.hpp"))


def public_names(clang, include, extra):
    walker = Walker(os.path.join(include, "tsock"))
    for document in dump(clang, include, extra):
        # A document is the outermost declaration whose qualified name
        # begins with tsock:: (clang does not descend into a match): one
        # declared directly in tsock, or a whole namespace below it.
        walker.node(document, [], True)
    # Merge overloads and re-declarations: one entry per (path, name).
    merged = collections.OrderedDict()
    # A class is placed where it is defined, not where it is declared ahead
    # (family.hpp declares the endpoints that ip_endpoint.hpp defines).
    defined = set()
    for entry, definition in walker.names:
        key = (entry.path, entry.name)
        if key not in merged or (definition and key not in defined):
            merged[key] = entry
        if definition:
            defined.add(key)
    # The locations are read along clang's printing order: check that each
    # points at a line naming its declaration, so that a change in clang's
    # output fails here rather than misplacing names.
    for entry in merged.values():
        with open(os.path.join(include, entry.header), encoding="utf-8") as stream:
            lines = stream.read().split("\n")
        near = "\n".join(lines[max(entry.line - 2, 0):entry.line + 1]) if entry.line else ""
        if spoken(entry) not in near:
            sys.exit("public_names.py: clang's location of %s (%s:%s) does not name it" % (
                qualified(entry), entry.header, entry.line))
    return list(merged.values())


def qualified(entry):
    return "::".join(("tsock",) + entry.path + (entry.name,))


def spoken(entry):
    """The identifier a document writes: _ipv4 for operator\"\"_ipv4."""
    return entry.name[len('operator""'):] if entry.name.startswith('operator""') else entry.name


CODE_SPAN = re.compile(r"(?<![`\w])`([^`\n]+)`(?!`)|(?<![+\w])\+([^+\n]+)\+(?![+\w])")


def code_spans(paths):
    spans = []
    for path in paths:
        in_block = None  # the delimiter of the listing, literal or comment block
        with open(path, encoding="utf-8") as stream:
            for line in stream:
                delimiter = re.match(r"^(-{4,}|\.{4,}|/{4,})\s*$", line)
                if delimiter and in_block in (None, delimiter.group(1)):
                    in_block = None if in_block else delimiter.group(1)
                    continue
                if in_block or line.startswith("//"):
                    continue
                for match in CODE_SPAN.finditer(line):
                    spans.append(match.group(1) or match.group(2))
    return spans


def documented(entry, spans, ambiguous):
    word = re.escape(spoken(entry))
    if not entry.path or entry.name != spoken(entry):
        # In tsock itself, or a literal suffix ("1.2.3.4"_ipv4): as it is.
        pattern = re.compile(r"(?<![\w])%s(?![\w])" % word)
    elif ambiguous:
        # options::ip::multicast_loop: at least ip::multicast_loop.
        pattern = re.compile(r"(?<![\w])%s\s*::\s*%s(?![\w])" % (re.escape(entry.path[-1]), word))
    else:
        # options::type: qualified, by its namespace or an alias of it
        # (opt::type), not a bare word that means something else.
        pattern = re.compile(r"\w\s*::\s*%s(?![\w])" % word)
    return any(pattern.search(span) for span in spans)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clang", help="clang++ to parse with (default clang++-16, clang++)")
    parser.add_argument("--include", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "include"))
    parser.add_argument("--compile-option", action="append", default=[], dest="extra",
                        help="one more option for clang (e.g. -isystem DIR for Boost)")
    parser.add_argument("--only", metavar="PREFIX",
                        help="only the names whose qualified name below tsock:: starts with PREFIX")
    parser.add_argument("--require", nargs=2, action="append", default=[], metavar=("PREFIX", "DOC"),
                        help="with --check: also, the names starting with PREFIX must be in DOC itself")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", nargs="+", metavar="DOC")
    group.add_argument("--skeleton", action="store_true")
    arguments = parser.parse_args()
    include = os.path.abspath(arguments.include)
    names = public_names(find_clang(arguments.clang), include, arguments.extra)
    if not names:
        sys.exit("public_names.py: no public names found: is %s the include directory?" % include)
    if arguments.only:
        names = [entry for entry in names if qualified(entry).startswith("tsock::" + arguments.only)]
        if not names:
            sys.exit("public_names.py: no public name starts with tsock::%s" % arguments.only)
    # Names two nested namespaces declare (ip::multicast_loop and
    # ipv6::multicast_loop) want their own namespace written; a twin in tsock
    # itself (tsock::error, options::error) is told apart by any qualifier.
    counts = collections.Counter(entry.name for entry in names if entry.path)

    if arguments.check:
        failed = False
        for prefix, docs in [("", arguments.check)] + [(p, [d]) for p, d in arguments.require]:
            chosen = [entry for entry in names if qualified(entry).startswith("tsock::" + prefix)]
            spans = code_spans(docs)
            missing = [entry for entry in chosen if not documented(entry, spans, counts[entry.name] > 1)]
            print("%d public names%s, %d documented, %d not in %s" % (
                len(chosen), " tsock::%s..." % prefix if prefix else "", len(chosen) - len(missing),
                len(missing), " ".join(docs)))
            for entry in missing:
                print("  undocumented: %s (%s, %s:%s)" % (qualified(entry), entry.kind, entry.header, entry.line))
            failed = failed or bool(missing) or not chosen
        return 1 if failed else 0

    if arguments.skeleton:
        by_header = collections.OrderedDict()
        for entry in sorted(names, key=lambda e: (e.header, e.line or 0)):
            by_header.setdefault(entry.header, []).append(entry)
        for header, entries in by_header.items():
            print("=== `<%s>`\n" % header)
            for entry in entries:
                shown = "::".join(entry.path + (entry.name,))
                extra = " Values: %s." % ", ".join(entry.enumerators) if entry.enumerators else ""
                print("`%s`:: %s: TODO.%s" % (shown, entry.kind, extra))
            print()
        return 0

    for entry in sorted(names, key=lambda e: (e.header, e.line or 0)):
        print("%s\t%s\t%s:%s" % (qualified(entry), entry.kind, entry.header, entry.line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
