#!/usr/bin/env bash
# Virtuoso Open Source (Debian's virtuoso-opensource 7.2) for the benchmark, on loopback, in its own folder.
#   bench/virtuoso.sh start DIR FILE.nt   start on free ports, bulk-load FILE.nt (ld_dir + rdf_loader_run) into one
#                                        graph, or FILE.nq into the graphs its quads name (the default graph of a
#                                        query without FROM is then all graphs, a bag union);
#                                        prints "ENDPOINT http://127.0.0.1:PORT/sparql" and "LOADED …"; a file the
#                                        loader rejects fails the start (exit 4) with the loader's error
#   bench/virtuoso.sh stop DIR           checkpoint and shut down; DIR is removed
# Install once: apt-get install -y virtuoso-opensource
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?DIR}
VIRT=$(command -v virtuoso-t || true); ISQL=$(command -v isql-vt || command -v isql || true)
[ -n "$VIRT" ] && [ -n "$ISQL" ] || { echo "virtuoso-t / isql-vt not installed (apt-get install -y virtuoso-opensource)"; exit 3; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
case "$cmd" in
  start)
    nt=$(readlink -f "${3:?FILE.nt}"); ext=${nt##*.}
    case "$ext" in nt|nq) ;; *) echo "FILE must end in .nt or .nq: $nt"; exit 2 ;; esac
    rm -rf "$dir"; mkdir -p "$dir/db" "$dir/load"; dir=$(readlink -f "$dir")
    ln -s "$nt" "$dir/load/data.$ext" 2>/dev/null || cp "$nt" "$dir/load/data.$ext"
    sql=$(free_port); http=$(free_port)
    sed -e "s#/var/lib/virtuoso-opensource-7/db#$dir/db#g" \
        -e "s#^ServerPort *= *1111#ServerPort = 127.0.0.1:$sql#" \
        -e "s#^ServerPort *= *8890#ServerPort = 127.0.0.1:$http#" \
        -e "s#^DirsAllowed *=.*#DirsAllowed = ., $dir/load, /usr/share/virtuoso-opensource-7/vad#" \
        -e "s#^NumberOfBuffers *=.*#NumberOfBuffers = 170000#" -e "s#^MaxDirtyBuffers *=.*#MaxDirtyBuffers = 130000#" \
        -e "s#^MaxClientConnections *=.*#MaxClientConnections = 64#" -e "s#^ServerThreads *=.*#ServerThreads = 64#" \
        -e "s#^MaxKeepAlives *=.*#MaxKeepAlives = 64#" \
        /etc/virtuoso-opensource-7/virtuoso.ini > "$dir/virtuoso.ini"
    echo "$sql" > "$dir/sqlport"
    (cd "$dir/db" && "$VIRT" +configfile "$dir/virtuoso.ini" +wait)
    t0=$(date +%s.%N)
    "$ISQL" "$sql" dba dba exec="ld_dir('$dir/load', '*.$ext', 'https://w3id.org/tracker-kg/graph/bench'); rdf_loader_run(); checkpoint;" >/dev/null
    t1=$(date +%s.%N)
    errors=$("$ISQL" "$sql" dba dba exec="SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;" | grep -F "$dir/load" || true)
    [ -z "$errors" ] || { echo "LOAD FAILED: $errors"; exit 4; }
    n=$("$ISQL" "$sql" dba dba exec="SPARQL SELECT COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } FILTER (?g != <http://www.openlinksw.com/schemas/virtrdf#>) };" | grep -Eo '^[0-9]+' | head -1)
    echo "LOADED $n triples in $(echo "$t1 - $t0" | bc) s"
    echo "ENDPOINT http://127.0.0.1:$http/sparql"
    ;;
  stop)
    [ -f "$dir/sqlport" ] || exit 0
    "$ISQL" "$(cat "$dir/sqlport")" dba dba exec="shutdown;" >/dev/null 2>&1 || true
    sleep 1; rm -rf "$dir"
    ;;
  *) echo "usage: $0 start DIR FILE.nt | stop DIR"; exit 2 ;;
esac
