#!/usr/bin/python3
"""Reads a .bib file strictly with Debian's python3-bibtexparser and prints its entries as JSON.

bibtexparser skips what it cannot parse, so this also counts the entries in the raw text (lines
starting with '@') and fails when any was lost, when text outside the entries was found, when a
key repeats, or when an entry lacks a title or a way to find it (author, url or doi).
Usage: bibtex_check.py FILE.bib...  ->  {"FILE.bib": {"keys": [...], "types": {...}}, ...}; exit 1 with
a message naming the file otherwise.
"""
import json
import re
import sys

import bibtexparser
from bibtexparser.bparser import BibTexParser


def fail(message):
    print("%s: %s" % (current, message), file=sys.stderr)
    sys.exit(1)


current = ""


def check(path):
    global current
    current = path
    text = open(path, encoding="utf-8").read()
    parser = BibTexParser(common_strings=False)
    parser.ignore_nonstandard_types = False
    parser.homogenize_fields = False
    db = bibtexparser.loads(text, parser)
    raw = re.findall(r"^@(\w+)\s*\{\s*([^,\s]+)\s*,", text, flags=re.M)
    if len(raw) != len(re.findall(r"^@", text, flags=re.M)):
        fail("an entry does not start as @type{key,")
    keys = [e["ID"] for e in db.entries]
    if len(db.entries) != len(raw):
        fail("parsed %d entries of %d: %s" % (len(db.entries), len(raw), sorted({k for _, k in raw} - set(keys))))
    if db.comments or db.preambles or db.strings:
        fail("text outside the entries: %r" % (db.comments or db.preambles or db.strings))
    if len(set(keys)) != len(keys):
        fail("a key repeats: %s" % keys)
    for e in db.entries:
        if not e.get("title"):
            fail("%s has no title" % e["ID"])
        if not (e.get("author") or e.get("url") or e.get("doi")):
            fail("%s has no author, url or doi" % e["ID"])
        for field, value in e.items():
            depth = 0
            for c in value:
                depth += 1 if c == "{" else -1 if c == "}" else 0
                if depth < 0:
                    fail("%s: unbalanced braces in %s" % (e["ID"], field))
            if depth != 0:
                fail("%s: unbalanced braces in %s" % (e["ID"], field))
    return {"keys": keys, "types": {e["ID"]: e["ENTRYTYPE"] for e in db.entries}}


def main():
    print(json.dumps({path: check(path) for path in sys.argv[1:]}))


if __name__ == "__main__":
    main()
