#!/usr/bin/env python3
"""Runs SPARQL queries with rdflib over a TriG file, the default graph being the union of its named graphs.

    rdflib-query.py DATA.trig QUERY_DIR OUT_DIR

Each QUERY_DIR/NAME.rq is answered into OUT_DIR/NAME.srj (SPARQL 1.1 Query Results JSON); a query that fails
writes OUT_DIR/NAME.err with the error's first line instead. Used by StoreComparisonTest (slow profile).
"""
import os
import signal
import sys
import time

import rdflib


PER_QUERY_SECONDS = 120  # rdflib evaluates some joins as nested loops: one slow query must not hold up the rest


class QueryTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise QueryTimeout("no answer within %d s" % PER_QUERY_SECONDS)


def main(data, query_dir, out_dir):
    signal.signal(signal.SIGALRM, _alarm)
    g = rdflib.ConjunctiveGraph()  # its SPARQL default graph is the union of all graphs (a set: one triple once)
    started = begun = time.monotonic()
    g.parse(data, format="trig")
    print("parsed %d quads in %.1f s" % (len(g), time.monotonic() - started), flush=True)
    for name in sorted(os.listdir(query_dir)):
        if not name.endswith(".rq"):
            continue
        stem = name[:-3]
        with open(os.path.join(query_dir, name), encoding="utf-8") as f:
            text = f.read()
        started = time.monotonic()
        try:
            signal.alarm(PER_QUERY_SECONDS)
            result = g.query(text)
            payload = result.serialize(format="json")
            signal.alarm(0)
            with open(os.path.join(out_dir, stem + ".srj"), "wb") as out:
                out.write(payload if isinstance(payload, bytes) else payload.encode("utf-8"))
        except Exception as e:  # reported per query; the others still run
            signal.alarm(0)
            with open(os.path.join(out_dir, stem + ".err"), "w", encoding="utf-8") as out:
                out.write(type(e).__name__ + ": " + (str(e).splitlines() or [""])[0] + "\n")
        print("%s %.1f s" % (stem, time.monotonic() - started), flush=True)
    print("all in %.1f s" % (time.monotonic() - begun), flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.stderr.write("usage: rdflib-query.py DATA.trig QUERY_DIR OUT_DIR\n")
        sys.exit(2)
    main(*sys.argv[1:])
