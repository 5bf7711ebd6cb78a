#!/usr/bin/python3
"""Start-up benchmark: short `surprisal` commands against the Python one-liner, side by side.

Each round runs every command once, in a fixed order, so all of them see the same machine load;
the script reports the median wall time and the median CPU time (user + system, from the kernel's
child accounting) over the rounds, and each command's ratio to the anchor. `uptime` is recorded
before and after.

    bench/startup_bench.py [--rounds 20] [--surprisal ./surprisal] [--variant 'LABEL=COMMAND' ...]

Commands (run from the repository root, the way a user types them):
  anchor      python3 -c "import scipy.stats; print(scipy.stats.entropy([.5,.5], base=2))"
  entropy     surprisal entropy 0.5 0.5
  version     surprisal --version
Each --variant adds a shell command (e.g. a plain `java -jar` for comparison).
Target (issue 12): entropy and version at most half the anchor's wall time.
"""
import argparse, json, os, resource, shlex, statistics as st, subprocess, sys, time

ANCHOR = ["/usr/bin/python3", "-c", "import scipy.stats; print(scipy.stats.entropy([.5,.5], base=2))"]


def run(cmd, expect):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, shell=isinstance(cmd, str))
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0 or (expect is not None and p.stdout.strip() != expect):
        sys.exit(f"unexpected result from {cmd}: exit {p.returncode}, stdout {p.stdout!r}, stderr {p.stderr!r}")
    return wall, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--surprisal", default="./surprisal")
    ap.add_argument("--variant", action="append", default=[], help="LABEL=shell command")
    ap.add_argument("--json", help="write the results here too")
    a = ap.parse_args()
    s = a.surprisal
    cmds = [("anchor (python3 scipy one-liner)", ANCHOR, "1.0"),
            ("surprisal entropy 0.5 0.5", [s, "entropy", "0.5", "0.5"], "1.0"),
            ("surprisal --version", [s, "--version"], None)]
    for v in a.variant:
        label, cmd = v.split("=", 1)
        cmds.append((label, cmd, None))
    for label, cmd, expect in cmds:  # warm-up: page cache, any first-run build or archive
        run(cmd, expect)
    load = [f"before: {os.popen('uptime').read().strip()}"]
    times = {label: [] for label, _, _ in cmds}
    for _ in range(a.rounds):
        for label, cmd, expect in cmds:
            times[label].append(run(cmd, expect))
    load.append(f"after:  {os.popen('uptime').read().strip()}")
    anchor = cmds[0][0]
    aw = st.median(w for w, _ in times[anchor])
    ac = st.median(c for _, c in times[anchor])
    print(f"{a.rounds} rounds, {os.cpu_count()} cores; medians; ratio = command / anchor (target for "
          f"entropy and --version: <= 0.50 wall)")
    print(f"{'command':40s} {'wall s':>8s} {'CPU s':>8s} {'wall ratio':>10s} {'CPU ratio':>10s}")
    out = {"rounds": a.rounds, "cores": os.cpu_count(), "load": load, "commands": {}}
    for label, cmd, _ in cmds:
        w = st.median(x for x, _ in times[label])
        c = st.median(y for _, y in times[label])
        print(f"{label:40s} {w:8.3f} {c:8.3f} {w / aw:10.2f} {c / ac:10.2f}")
        out["commands"][label] = {"command": cmd if isinstance(cmd, str) else shlex.join(cmd),
                                  "median_wall_s": w, "median_cpu_s": c, "wall_ratio": w / aw,
                                  "cpu_ratio": c / ac, "runs": times[label]}
    print("\n".join(load))
    if a.json:
        json.dump(out, open(a.json, "w"), indent=2)


if __name__ == "__main__":
    main()
