#!/usr/bin/env python3
"""Plans and reports Quorum's load runs (run.sh drives it; see docs/benchmarks.md).

  mix.py plan URL DIR     writes one file of request paths per route class into DIR, read from the running site
  mix.py pair URL DIR     writes DIR/topic.txt and DIR/static.txt: the topic page and static file closest in size
  mix.py report DIR       prints the results of every phase in DIR as Markdown tables
"""
import json
import os
import random
import sys
import urllib.error
import urllib.request

STATIC = ["/css/site.css", "/css/demo.css", "/css/api-docs.css", "/js/search.js", "/js/demo/viewer.js",
          "/js/demo/model.js", "/js/demo/diagram.js", "/js/demo/panels.js", "/js/demo/guide.js", "/js/demo/playback.js"]
QUERIES = ["vector clocks", "paxos", "raft leader election", "linearizability", "consistent hashing", "gossip",
           "swim membership", "lamport", "byzantine", "two phase commit", "snapshot isolation", "crdt", "jepsen",
           "clock skew", "spanner truetime", "fencing token", "lease", "quorum", "load shedding", "backpressure",
           "retries", "tail latency", "chaos engineering", "model checking", "tla+", "failure detector",
           "eventual consistency", "causal consistency", "serializability", "dynamo", "chubby", "zookeeper",
           "hybrid logical clocks", "partition", "split brain", "idempotency", "exactly once", "consensus",
           "distributed transactions", "ramp"]


def get(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.read()


def plan(base, out):
    rng = random.Random(1)
    topics = [t["slug"] for t in json.loads(get(base + "/api/v1/topics"))]
    resources, page = [], 1
    while True:
        body = json.loads(get(base + "/api/v1/resources?size=100&page=%d" % page))
        items = body["items"] if isinstance(body, dict) else body
        resources += [r["id"] for r in items]
        if not items or len(items) < 100:
            break
        page += 1
    titles = [json.loads(get(base + "/api/v1/resources/" + r))["title"] for r in resources[:40]]
    demos = json.loads(get(base + "/api/v1/demos"))
    kinds = ["article", "paper", "book", "video", "course", "repository", "list"]
    write(out, "topics", ["/topics/" + s for s in topics])
    pages = ["/", "/topics"] + ["/kinds/" + k for k in kinds] + ["/resources/" + r for r in resources]
    pages += ["/demos/" + d["id"] for d in demos]
    write(out, "pages", pages)
    search = []
    for q in QUERIES:
        e = urllib.request.quote(q)
        search += ["/search?q=" + e, "/api/v1/search?q=" + e]
    write(out, "search", search)
    prefixes = set()
    for t in titles:
        w = t.split()[0].lower()
        for n in range(2, min(6, len(w)) + 1):
            prefixes.add(w[:n])
    write(out, "suggest", ["/api/v1/suggest?q=" + urllib.request.quote(p) for p in sorted(prefixes)])
    # Demo runs as readers make them: a demo's default run, or another seed of it.
    runs = []
    for d in demos:
        runs.append("/api/v1/demos/%s/run" % d["id"])
        runs += ["/api/v1/demos/%s/run?seed=%d" % (d["id"], rng.randrange(1, 10**6)) for _ in range(20)]
    rng.shuffle(runs)
    write(out, "runs", runs)
    # The greedy client: every demo at its largest sizes, and counterexample searches over the most seeds.
    greedy = []
    for d in demos:
        full = json.loads(get(base + "/api/v1/demos/" + d["id"]))
        sizes = ["%s=%d" % (p["name"], p["max"]) for p in full["params"] if p["type"] == "integer" and p["name"] != "seed"]
        for _ in range(10):
            greedy.append("/api/v1/demos/%s/run?seed=%d&%s" % (d["id"], rng.randrange(1, 10**9), "&".join(sizes)))
            greedy.append("/api/v1/demos/%s/counterexample?seeds=500&seed=%d" % (d["id"], rng.randrange(1, 10**9)))
    rng.shuffle(greedy)
    write(out, "greedy", greedy)


def pair(base, out):
    topics = [t["slug"] for t in json.loads(get(base + "/api/v1/topics"))]
    sizes = {"/topics/" + s: len(get(base + "/topics/" + s)) for s in topics}
    statics = {p: len(get(base + p)) for p in STATIC}
    best = min(((abs(ts - ss) / ts, t, s) for t, ts in sizes.items() for s, ss in statics.items()))
    _, t, s = best
    write(out, "topic", [t])
    write(out, "static", [s])
    with open(os.path.join(out, "pair.json"), "w") as f:
        json.dump({"topic": t, "topic_bytes": sizes[t], "static": s, "static_bytes": statics[s]}, f)


def write(out, name, lines):
    with open(os.path.join(out, name + ".txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


def load(path):
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                return json.loads(line)
    raise SystemExit("no result in " + path + " (did wrk fail? see the file)")


def errors(r):
    return sum(r["errors"].values())


def table(title, rows):
    print("\n**%s**\n" % title)
    print("| route class | connections | requests | req/s | errors | p50 ms | p90 ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, conns, r in rows:
        l = r["latency_ms"]
        print("| %s | %s | %d | %.0f | %d | %.1f | %.1f | %.1f | %.0f |" % (
            name, conns, r["requests"], r["rate"], errors(r), l["p50"], l["p90"], l["p99"], l["max"]))


def report(out):
    conns = dict(line.split() for line in open(os.path.join(out, "connections.txt")))
    conns.update(same=conns.get("same-topic", "?"), pages=conns.get("limits-on-alone", "?"), greedy=conns.get("limits-on-greedy", "?"))
    phase = lambda p: sorted(f[len(p) + 1:-5] for f in os.listdir(out) if f.startswith(p + "-") and f.endswith(".json"))
    mix = [(n, conns.get("mix-" + n, "?"), load(os.path.join(out, "mix-%s.json" % n))) for n in phase("mix")]
    table("Mix, %s connections in all, %s s" % (sum(int(c) for _, c, _ in mix), conns.get("seconds", "?")), mix)
    print("\nErrors in the mix: %d of %d requests." % (sum(errors(r) for _, _, r in mix), sum(r["requests"] for _, _, r in mix)))
    p = json.load(open(os.path.join(out, "pair.json")))
    t, s = load(os.path.join(out, "same-topic.json")), load(os.path.join(out, "same-static.json"))
    table("Same size, same run: %s (%d bytes) against %s (%d bytes)" % (p["topic"], p["topic_bytes"], p["static"], p["static_bytes"]),
          [("topic page", conns["same"], t), ("static file", conns["same"], s)])
    print("\nTopic page rate / static file rate: **%.2f** (bytes/s: %.2f)." % (
        t["rate"] / s["rate"], (t["rate"] * p["topic_bytes"]) / (s["rate"] * p["static_bytes"])))
    for limits in ("limits-on", "limits-off"):
        alone, busy = os.path.join(out, "%s-alone.json" % limits), os.path.join(out, "%s-pages.json" % limits)
        if not os.path.exists(alone):
            continue
        a, b, g = load(alone), load(busy), load(os.path.join(out, "%s-greedy.json" % limits))
        table("One greedy client (%s connections, one address), rate limits %s" % (conns["greedy"], limits[7:]),
              [("pages, alone", conns["pages"], a), ("pages, beside the greedy client", conns["pages"], b),
               ("the greedy client", conns["greedy"], g)])
        print("\nPages beside the greedy client / alone: rate %.2f, p50 %.2f, p99 %.2f. The greedy client's non-2xx answers: %d of %d." % (
            b["rate"] / a["rate"], b["latency_ms"]["p50"] / a["latency_ms"]["p50"], b["latency_ms"]["p99"] / a["latency_ms"]["p99"],
            g["errors"]["status"], g["requests"]))


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "plan" and len(sys.argv) == 4:
        plan(sys.argv[2].rstrip("/"), sys.argv[3])
    elif cmd == "pair" and len(sys.argv) == 4:
        pair(sys.argv[2].rstrip("/"), sys.argv[3])
    elif cmd == "report" and len(sys.argv) == 3:
        report(sys.argv[2])
    else:
        sys.exit(__doc__)
