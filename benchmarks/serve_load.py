"""Load on `tm serve`: people looking things up while editors write terms.

A memory of 100,000 units (real CC-CEDICT term pairs, plus the seed corpus), served by a real
`tm serve` process on loopback. 50 clients, each pausing 0.5 s between requests as a person
would (about 100 requests a second): 90 % lookups (terms + fuzzy), 10 % term writes. Prints
throughput, p50/p95/p99 latency per endpoint and errors, then checks that every acknowledged
write is in the memory. Then the same clients without pauses: the saturation throughput. First,
one client alone: what one lookup costs in latency and CPU (server, database) without queueing.

    python benchmarks/serve_load.py                      # SQLite, 100,000 units, 30 s
    python benchmarks/serve_load.py --units 20000 --seconds 10
    python benchmarks/serve_load.py --backend both      # SQLite, then a throw-away PostgreSQL
    python benchmarks/serve_load.py --backend postgresql --restart   # restart it mid-run

Every request goes to 127.0.0.1 only; the loops are bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(__file__).resolve().parent / "work"
sys.path.insert(0, str(ROOT))

from benchmarks.lookup_bench import cedict_terms, queries  # noqa: E402
from tests.support.pgcluster import _free_port  # noqa: E402

#: A bound on the requests of one run, whatever the timing: loops always stop.
MAX_REQUESTS = 200_000


def build_memory(path: Path, units: int) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.db")
    partial.unlink(missing_ok=True)
    fill(str(partial), units)
    os.replace(partial, path)


def fill(memory: str, units: int) -> None:
    from tm.memory import import_file, open_memory
    from tm.model import Term
    from tm.terms.workflow import add_term

    with open_memory(memory, write=True) as store:
        import_file(store, str(ROOT / "corpora" / "seed" / "seed.tmx"))
        import_file(store, str(ROOT / "corpora" / "seed" / "glossary.tbx"))
        terms = cedict_terms(units)
        with store.atomic():
            store.put_many([(t.unit(), t.source_lang, "cc-cedict") for t in terms])
        add_term(store, Term("绿电交通", "green-power transportation", "zh-Hans", "en"))


def make_token(memory: str, name: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "tm", "--memory", memory, "serve", "token", "add", name,
         "--role", "editor"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return result.stdout.strip().splitlines()[-1]


class Load:
    def __init__(self, url: str, token: str, texts: list[str], pause: float) -> None:
        self.url = url
        self.headers = {"Authorization": f"Bearer {token}"}
        self.texts = texts
        self.pause = pause
        self.latency: dict[str, list[float]] = {"lookup": [], "terms": []}
        self.errors: dict[str, int] = {"lookup": 0, "terms": 0}
        self.statuses: dict[int, int] = {}
        self.written: list[str] = []
        self.sent = 0

    async def client(self, number: int, until: float, http: httpx.AsyncClient) -> None:
        rng = random.Random(number)
        if self.pause:
            # People do not start in step nor pause for exactly the same time: each client
            # starts at a random moment of the first pause and pauses 0.5-1.5 times it (the
            # same mean rate). Clients started together with equal pauses stayed in step and
            # sent their requests in bursts of 50.
            await asyncio.sleep(rng.uniform(0, self.pause))
        serial = 0
        while time.monotonic() < until and self.sent < MAX_REQUESTS:
            self.sent += 1
            if rng.random() < 0.9:
                endpoint = "lookup"
                call = http.get("/api/lookup", params={"q": rng.choice(self.texts), "fuzzy": "75"})
            else:
                endpoint = "terms"
                serial += 1
                source = f"测试术语{number}号{serial}"
                call = http.post(
                    "/api/terms",
                    json={"source": source, "target": f"test term {number}-{serial}",
                          "status": "candidate"},
                )  # fmt: skip
            start = time.perf_counter()
            try:
                response = await call
                ok = response.status_code in (200, 201)
                code = response.status_code
            except httpx.HTTPError:
                ok, code = False, 0
            self.statuses[code] = self.statuses.get(code, 0) + 1
            self.latency[endpoint].append((time.perf_counter() - start) * 1000)
            if not ok:
                self.errors[endpoint] += 1
            elif endpoint == "terms":
                self.written.append(source)
            if self.pause:
                await asyncio.sleep(rng.uniform(0.5, 1.5) * self.pause)

    async def run(self, clients: int, seconds: float) -> float:
        # The clients exist before the clock starts: making 50 of them (an SSL context each)
        # held the event loop for most of a second, which every request then in flight
        # counted as the server's latency.
        https = [
            httpx.AsyncClient(base_url=self.url, headers=self.headers, timeout=30)
            for _ in range(clients)
        ]
        try:
            until = time.monotonic() + seconds
            start = time.monotonic()
            await asyncio.gather(*(self.client(n, until, https[n]) for n in range(clients)))
            return time.monotonic() - start
        finally:
            for http in https:
                await http.aclose()


def _ticks(pid: int) -> tuple[int, int] | None:
    """(parent pid, CPU ticks used) of a live process, from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), int(fields[11]) + int(fields[12])


def tree_cpu(root: int | None) -> dict[int, int]:
    """CPU ticks of `root` and each live descendant, by pid (Linux /proc; empty elsewhere)."""
    if root is None or not Path("/proc").is_dir():
        return {}
    table = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            found = _ticks(int(entry.name))
            if found:
                table[int(entry.name)] = found
    tree, frontier = {}, [root]
    while frontier:
        pid = frontier.pop()
        if pid in table and pid not in tree:
            tree[pid] = table[pid][1]
            frontier.extend(child for child, (parent, _t) in table.items() if parent == pid)
    return tree


def cpu_seconds(before: dict[int, int], after: dict[int, int]) -> float:
    """CPU seconds a process tree used between two readings (processes that ended between
    them are not counted: their share is small for long-lived servers)."""
    ticks = sum(after[pid] - before.get(pid, 0) for pid in after)
    return ticks / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def report(title: str, load: Load, elapsed: float, cpu: dict[str, float]) -> None:
    total = sum(len(v) for v in load.latency.values())
    print(f"\n{title}: {total} requests in {elapsed:.1f} s = {total / elapsed:.0f} requests/s")
    if cpu:
        used = ", ".join(f"{name} {seconds / elapsed:.2f}" for name, seconds in cpu.items())
        print(f"  CPU cores busy: {used} (of {os.cpu_count()}, shared with other work)")
    print(
        f"  {'endpoint':<10} {'requests':>9} {'p50 ms':>8} {'p95 ms':>8}"
        f" {'p99 ms':>8} {'errors':>7}"
    )
    for name, values in load.latency.items():
        print(
            f"  {name:<10} {len(values):>9} {statistics.median(values) if values else 0:>8.1f}"
            f" {percentile(values, 0.95):>8.1f} {percentile(values, 0.99):>8.1f}"
            f" {load.errors[name]:>7}"
        )
    failed = {code: n for code, n in sorted(load.statuses.items()) if code not in (200, 201)}
    if failed:
        print(f"  failed responses by status (0 = no answer): {failed}")


def missing_writes(memory: str, written: list[str]) -> int:
    from tm.memory import open_memory
    from tm.terms.workflow import stored_terms

    with open_memory(memory) as store:
        present = {entry.term.source for entry in stored_terms(store, statuses=["candidate"])}
    return sum(1 for source in written if source not in present)


class Meter:
    """CPU used during a phase by the server, PostgreSQL and this load generator."""

    def __init__(self, server: int, postgres: int | None) -> None:
        self.roots = {"tm serve": server, "PostgreSQL": postgres}

    def __enter__(self) -> Meter:
        self.before = {name: tree_cpu(pid) for name, pid in self.roots.items()}
        self.mine = time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.used = {
            name: cpu_seconds(self.before[name], tree_cpu(pid))
            for name, pid in self.roots.items()
            if pid is not None
        }
        self.used["load generator"] = time.process_time() - self.mine


def alone(
    url: str, token: str, texts: list[str], count: int, server: int, postgres: int | None
) -> None:
    """One client, one lookup at a time: what a request costs without queueing (latency, and
    the CPU the server and the database spend on it), the figure a busy machine blurs least."""
    if count <= 0:
        return
    rng = random.Random(7)
    asked = [rng.choice(texts) for _ in range(count + 20)]
    latency: list[float] = []
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}) as http:
        for text in asked[:20]:  # warm: connections, caches
            http.get("/api/lookup", params={"q": text, "fuzzy": "75"})
        with Meter(server, postgres) as meter:
            for text in asked[20:]:
                start = time.perf_counter()
                response = http.get("/api/lookup", params={"q": text, "fuzzy": "75"})
                latency.append((time.perf_counter() - start) * 1000)
                response.raise_for_status()
    used = ", ".join(
        f"{name} {seconds * 1000 / count:.1f} ms"
        for name, seconds in meter.used.items()
        if name != "load generator"
    )
    print(
        f"\none client, {count} lookups in a row: p50 {statistics.median(latency):.1f} ms, "
        f"p95 {percentile(latency, 0.95):.1f} ms; CPU per lookup: {used}"
    )


def postmaster(data: str | None) -> int | None:
    """The PostgreSQL server's pid, from its data folder's postmaster.pid."""
    try:
        return int(Path(data, "postmaster.pid").read_text().split()[0]) if data else None
    except (OSError, ValueError, IndexError):
        return None


def serve_and_load(
    memory: str, label: str, args: argparse.Namespace, cluster: object, pg_data: str | None
) -> None:
    token = make_token(memory, f"load-{os.getpid()}-{time.time_ns()}")
    port = _free_port()
    env = dict(os.environ)
    if args.tm_source:  # another checkout's tm (a before/after comparison in one run)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [args.tm_source, env.get("PYTHONPATH")]))
    server = subprocess.Popen(
        [sys.executable, "-m", "tm", "--memory", memory, "serve", "--port", str(port),
         "--workers", str(args.workers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        texts = queries()
        source = f" from {args.tm_source}" if args.tm_source else ""
        print(
            f"\n== {label}: tm serve{source} with {args.workers} worker(s), {args.clients} clients"
        )
        alone(url, token, texts, args.alone, server.pid, postmaster(pg_data))
        paced = Load(url, token, texts, pause=0.5)
        restarter = None
        if args.restart and cluster is not None:
            import threading

            def restart() -> None:
                time.sleep(args.seconds / 3)
                print("  (PostgreSQL stopped for 3 s and started again)")
                cluster.restart(down_seconds=3.0)  # type: ignore[attr-defined]

            restarter = threading.Thread(target=restart)
            restarter.start()
        with Meter(server.pid, postmaster(pg_data)) as meter:
            elapsed = asyncio.run(paced.run(args.clients, args.seconds))
        if restarter is not None:
            restarter.join()
        report("paced (0.5 s between requests)", paced, elapsed, meter.used)
        lost = missing_writes(memory, paced.written)
        print(f"  acknowledged term writes: {len(paced.written)}, missing afterwards: {lost}")
        flat = Load(url, token, texts, pause=0.0)
        with Meter(server.pid, postmaster(pg_data)) as meter:
            elapsed = asyncio.run(flat.run(args.clients, args.seconds / 2))
        report("saturation (no pauses)", flat, elapsed, meter.used)
        lost = missing_writes(memory, flat.written)
        print(f"  acknowledged term writes: {len(flat.written)}, missing afterwards: {lost}")
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2, help="tm serve worker processes")
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--restart", action="store_true", help="restart PostgreSQL mid-run")
    parser.add_argument("--work", default=str(WORK), help="folder of the SQLite memory")
    parser.add_argument(
        "--alone", type=int, default=200, help="lookups one client makes in a row first"
    )
    parser.add_argument(
        "--pg-url", help="a PostgreSQL memory this script filled before (no throw-away cluster)"
    )
    parser.add_argument("--pg-data", help="that server's data folder (to count its CPU)")
    parser.add_argument(
        "--tm-source",
        action="append",
        help="run tm serve from this source tree instead (repeat: one run each, same memory)",
    )
    args = parser.parse_args()
    sources = args.tm_source or [None]
    print(
        f"{date.today()} on {platform.machine()} {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; {args.units:,} term units + the seed corpus"
    )
    if args.backend in ("sqlite", "both"):
        memory = str(Path(args.work) / f"serve-{args.units}.db")
        started = time.perf_counter()
        build_memory(Path(memory), args.units)
        print(f"SQLite memory: {memory} ({time.perf_counter() - started:.1f} s to build or find)")
        for args.tm_source in sources:
            serve_and_load(memory, "SQLite", args, None, None)
    if args.backend in ("postgresql", "both"):
        if args.pg_url:
            for args.tm_source in sources:
                serve_and_load(args.pg_url, "PostgreSQL", args, None, args.pg_data)
            return
        from tests.support.pgcluster import Cluster

        with Cluster() as cluster:
            started = time.perf_counter()
            fill(cluster.url, args.units)
            print(f"\nPostgreSQL memory built in {time.perf_counter() - started:.1f} s")
            for args.tm_source in sources:
                serve_and_load(cluster.url, "PostgreSQL", args, cluster, str(cluster.data))


if __name__ == "__main__":
    main()
