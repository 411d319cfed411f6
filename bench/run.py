#!/usr/bin/python3
"""NoFADE Studio benchmark suite: throughput against baselines measured in the same run.

For each corpus and grey mode it times, on the same thread count:
  floor   build/bench/decode-floor: read + OpenCV decode + grey histogram, nothing else
  nofade  build/bin/nofade-cli scan (the whole scan: entropy, profile, classes, JSD, JSON)
  cached  the same with --cache (every result saved to the SQLite crash checkpoint), empty cache
  python  bench/python_reference.py: PIL + numpy with a process pool of the same size
  gui     build/bench/bench-gui scan: the same scan driven through the application's worker path
          (main window, scan queue, scan cache, views updating), offscreen, with its longest
          event-loop stall; timed in-process from adding the dataset to the finished scan, and
          compared with the floor's and python's in-process times (both print their own clock)
and prints images/s, wall time, peak RSS and the ratios to the floor and to python; then the
Fashion-MNIST IDX scan, the class-distance matrix for 10, 100 and 1000 classes, the GUI's cold
start to the first painted window, and the redraw time of a chart of 100,000 points (the
application's point layer and Qt Charts' own series, for the ratio), and the CO2 Monte Carlo and
frontier bootstrap of the report for the bundled table and 10,000 synthetic models. Results are
also written as JSON (build/bench/results-<date>.json) for tracking over time.

The scale rows (memory of 128,000- and 1,281,000-file folders: the CLI's scan without and with
--per-image, then bench-gui opening the --per-image profile; about 5 minutes, --no-scale skips
them) make their folders under /tmp and delete them.

usage: run.py BUILD_DIR DATA_DIR [--threads N] [--repeats N] [--quick] [--no-scale]
"""
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FASHION = "/usr/share/datasets/fashion-mnist"


def timed(cmd):
    """Wall seconds, peak RSS (MiB) and standard output of one run, by GNU time."""
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, check=True)
    wall, rss_kib = out.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss_kib) / 1024, out.stdout


def measure(cmd, repeats, outputs=None, inner_field=None):
    """Median wall and largest RSS over `repeats` runs after a warm-up; their outputs go to `outputs`.
    With `inner_field`, also the median of the seconds the program printed in that field of its
    output (its own clock: the work without the process's start-up)."""
    timed(cmd)  # warm the page cache and the code
    runs = [timed(cmd) for _ in range(repeats)]
    if outputs is not None:
        outputs.extend(r[2] for r in runs)
    wall, rss = statistics.median(r[0] for r in runs), max(r[1] for r in runs)
    if inner_field is None:
        return wall, rss
    return wall, rss, statistics.median(float(r[2].split()[inner_field]) for r in runs)


def cold_start_ms(gui, repeats):
    """Median time from launching the application to its first painted window (offscreen)."""
    env = dict(os.environ, NOFADE_QUIT_AFTER_FIRST_PAINT="1", QT_QPA_PLATFORM="offscreen")
    times = []
    for _ in range(repeats + 1):
        start = time.perf_counter()
        proc = subprocess.Popen([gui, "--fresh"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        line = proc.stdout.readline()
        times.append((time.perf_counter() - start) * 1000)
        proc.wait(timeout=60)
        if line.strip() != "first-paint":
            raise RuntimeError(f"{gui} did not report its first paint")
    return statistics.median(times[1:])  # the first launch warms the page cache


def count_files(folder):
    return sum(len(f) for _, _, f in os.walk(folder))


def scale_rows(cli, bench_gui, threads, rows):
    """Memory at ImageNet scale: list and scan folders of 128,000 and 1,281,000 hard links (1,000
    class folders, ImageNet-1k's size) made under /tmp and deleted afterwards, once each, without and
    with --per-image, then the GUI opening the --per-image profile (bench-gui load: File > Open, its
    views shown); the slope between the two sizes is the state in bytes per image."""
    print("\nscale: 1,000 class folders of hard links to one 28x28 PNG, one run each; "
          f"load average {os.getloadavg()[0]:.1f}")
    measured = {}
    for n in (128000, 1281000):
        folder = os.path.join(tempfile.gettempdir(), f"nofade-scale-{n}")
        try:
            subprocess.run(["/usr/bin/python3", os.path.join(HERE, "make_corpora.py"), "--scale", folder, str(n)],
                           check=True)
            for per_image in (False, True):
                out = os.path.join(tempfile.gettempdir(), f"nofade-scale-{n}.json")
                cmd = [cli, "scan", folder, "--threads", str(threads), "--out", out] + (["--per-image"] if per_image else [])
                wall, rss, _ = timed(cmd)
                size_mib = os.path.getsize(out) / 2**20
                measured[(n, per_image)] = rss
                mode = "per-image" if per_image else "exact"
                rows.append({"corpus": f"scale-{n}", "mode": mode, "tool": "nofade", "images": n, "wall_s": wall,
                             "images_per_s": n / wall, "peak_rss_mib": rss, "profile_mib": size_mib})
                print(f"  {n:>9,} files {mode:<9}  {wall:>7.1f} s  {n / wall:>8.0f} img/s  {rss:>6.0f} MiB peak RSS"
                      f"  profile {size_mib:.0f} MiB")
                if per_image:
                    # The GUI opening that profile; its images are there, so it lists the folder too.
                    wall, rss, stdout = timed([bench_gui, "load", out])
                    loaded_rows = int(stdout.split()[1])
                    measured[(n, "gui")] = rss
                    rows.append({"corpus": f"scale-{n}", "mode": "gui-load", "tool": "nofade", "images": loaded_rows,
                                 "wall_s": wall, "load_s": float(stdout.split()[2]), "peak_rss_mib": rss,
                                 "profile_mib": size_mib})
                    print(f"  {n:>9,} files GUI load  {wall:>7.1f} s  (profile read in {float(stdout.split()[2]):.1f} s)"
                          f"  {rss:>6.0f} MiB peak RSS  {loaded_rows:,} per-image rows")
                os.remove(out)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    for key, label in ((False, "CLI without --per-image"), (True, "CLI with --per-image"), ("gui", "GUI loading the profile")):
        slope = (measured[(1281000, key)] - measured[(128000, key)]) * 2**20 / (1281000 - 128000)
        mode = {False: "exact", True: "per-image", "gui": "gui-load"}[key]
        rows.append({"corpus": "scale-slope", "mode": mode, "bytes_per_image": slope})
        print(f"  state per image ({label}): {slope:.0f} bytes")


def main():
    build, data = sys.argv[1], sys.argv[2]
    threads = int(sys.argv[sys.argv.index("--threads") + 1]) if "--threads" in sys.argv else os.cpu_count()
    repeats = int(sys.argv[sys.argv.index("--repeats") + 1]) if "--repeats" in sys.argv else 3
    scale = "--no-scale" not in sys.argv
    cli = os.path.join(build, "bin", "nofade-cli")
    floor = os.path.join(build, "bench", "decode-floor")
    bench_gui = os.path.join(build, "bench", "bench-gui")
    rows = []
    cache = os.path.join(tempfile.mkdtemp(prefix="nofade-bench-"), "scan-cache.sqlite")
    print(f"threads {threads}, median of {repeats} runs after a warm-up; machine: {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}\n")
    header = f"{'corpus':<8} {'mode':<6} {'tool':<7} {'images':>7} {'wall s':>8} {'img/s':>9} {'RSS MiB':>8} {'vs floor':>9} {'vs python':>10}"
    print(header)
    print("-" * len(header))
    for corpus in ("photos", "tiny"):
        folder = os.path.join(data, corpus)
        images = count_files(folder)
        for mode in ("exact", "fast"):
            results = {
                "floor": measure([floor, folder, mode, str(threads)], repeats, inner_field=2),
                "nofade": measure([cli, "scan", folder, "--gray", mode, "--threads", str(threads), "--out", "/dev/null"], repeats),
                # The same with the crash checkpoint (--cache), from an empty cache each run.
                "cached": measure(["/bin/sh", "-c", f'rm -f "$0" "$0-wal" "$0-shm"; exec "$@"', cache,
                                   cli, "scan", folder, "--gray", mode, "--threads", str(threads), "--cache", cache,
                                   "--out", "/dev/null"], repeats),
                "python": measure(["/usr/bin/python3", os.path.join(HERE, "python_reference.py"), folder, mode, str(threads)],
                                  repeats, inner_field=2),
                "gui": measure([bench_gui, "scan", folder, mode, str(threads)], repeats, gui_outputs := [], inner_field=1),
            }
            stalls = [float(o.split()[2]) for o in gui_outputs]
            for tool, (wall, rss, *inner) in results.items():
                # The GUI row times the scan inside a running application (dataset added to a window
                # on screen, until its views are updated): it is compared with the floor's and
                # Python's own clocks, which likewise leave out their start-up. The process rows
                # compare whole processes.
                if tool == "gui":
                    wall, floor_s, python_s = inner[0], results["floor"][2], results["python"][2]
                else:
                    floor_s, python_s = results["floor"][0], results["python"][0]
                row = {"corpus": corpus, "mode": mode, "tool": tool, "images": images, "wall_s": wall,
                       "images_per_s": images / wall, "peak_rss_mib": rss,
                       "vs_floor": floor_s / wall, "vs_python": python_s / wall}
                if tool == "gui":
                    row["longest_stall_ms"] = max(stalls)
                    row["process_wall_s"] = results["gui"][0]
                    row["measured"] = "in-process scan time vs the floor's and python's in-process time"
                rows.append(row)
                print(f"{corpus:<8} {mode:<6} {tool:<7} {images:>7} {wall:>8.2f} {images / wall:>9.0f} {rss:>8.0f} "
                      f"{row['vs_floor']:>9.2f} {row['vs_python']:>10.2f}"
                      + (f"   in-process (floor {floor_s:.2f} s); longest GUI stall {max(stalls):.0f} ms" if tool == "gui" else ""))
    many = os.path.join(data, "many")
    n_many = count_files(many)
    wall, rss = measure([cli, "scan", many, "--threads", str(threads), "--out", "/dev/null"], 1)
    rows.append({"corpus": "many-files", "mode": "exact", "tool": "nofade", "images": n_many, "wall_s": wall,
                 "images_per_s": n_many / wall, "peak_rss_mib": rss})
    print(f"\n{n_many:,} tiny files in 100 folders: {wall:.2f} s wall, {rss:.0f} MiB peak RSS")
    if scale:
        scale_rows(cli, bench_gui, threads, rows)
    wall, rss = measure([cli, "scan", FASHION, "--threads", str(threads), "--out", "/dev/null"], repeats)
    rows.append({"corpus": "fashion-mnist-idx", "mode": "exact", "tool": "nofade", "images": 70000, "wall_s": wall,
                 "images_per_s": 70000 / wall, "peak_rss_mib": rss})
    print(f"Fashion-MNIST IDX (70,000 images from the .gz files, incl. JSD): {wall:.3f} s wall, {rss:.0f} MiB peak")
    print("\nclass-distance matrix + C_JS (histogram model, 64 bins, ImageNet-like class sizes), best and median of 7,"
          "\nagainst the pre-issue-7 kernel timed alternately in the same process (bench/jsd_old_kernel.cpp):")
    for classes in (10, 100, 1000):
        load = os.getloadavg()[0]
        out = subprocess.run([os.path.join(build, "bench", "bench-jsd"), str(classes), "7", "--old"], capture_output=True,
                             text=True, check=True).stdout.split()
        pairs, best, median, kernel, old_best, old_median, ratio = (int(out[1]), float(out[2]), float(out[3]), out[4],
                                                                     float(out[5]), float(out[6]), float(out[7]))
        rows.append({"corpus": f"jsd-{classes}", "tool": "nofade", "pairs": pairs, "wall_s": best / 1000,
                     "median_s": median / 1000, "kernel": kernel, "old_kernel_wall_s": old_best / 1000,
                     "old_kernel_median_s": old_median / 1000, "speedup_vs_old_kernel": ratio, "load_average": load})
        print(f"  {classes:>5} classes  {pairs:>7} pairs  {best:>8.2f} ms (median {median:.2f}, {kernel})"
              f"   old kernel {old_best:>8.2f} ms (median {old_median:.2f})   x{ratio:.2f}   load {load:.1f}")
    # A sampled scan's wait after its images: the C_JS estimate and its replicate interval.
    print("\nsampled C_JS interval (estimateFromSample: 20 images per class, 200 replicates, ImageNet-like class sizes):")
    for classes in (10, 100, 1000):
        out = subprocess.run([os.path.join(build, "bench", "bench-sampling"), str(classes), "200",
                              str(repeats if classes < 1000 else 1), str(threads)],
                             capture_output=True, text=True, check=True).stdout.split()
        rows.append({"corpus": f"sampled-cjs-{classes}", "tool": "nofade", "images": int(out[1]),
                     "rounds": int(out[2]), "wall_s": float(out[3]) / 1000})
        print(f"  {classes:>5} classes  {int(out[1]):>7} images  {int(out[2]):>4} replicates  {float(out[3]):>9.0f} ms")
    # The report's numbers with their uncertainty: every model's CO2 Monte Carlo, then the four
    # curve families, back-test and bootstrap per dataset.
    print("\nCO2 Monte Carlo (10,000 draws per model) and frontier analysis (4 curve families, back-test, bootstrap):")
    for corpus, models in (("bundled", 0), ("synthetic", 10000)):
        out = subprocess.run([os.path.join(build, "bench", "bench-uncertainty"), corpus, str(models), str(repeats)],
                             capture_output=True, text=True, check=True).stdout.split()
        n, draws, rounds, mc_ms, frontier_ms = int(out[1]), int(out[2]), int(out[3]), float(out[4]), float(out[5])
        rows.append({"corpus": f"uncertainty-{corpus}", "tool": "nofade", "models": n, "draws": draws,
                     "bootstrap_rounds": rounds, "wall_s": mc_ms / 1000, "frontier_s": frontier_ms / 1000})
        print(f"  {corpus:<9} {n:>6} models  Monte Carlo {mc_ms:>8.1f} ms   families + back-test + bootstrap "
              f"({rounds} replicates, capped past 1,000 models) {frontier_ms:>8.1f} ms")

    # The complexity measures (docs/METHODS.md): each dataset measure on a 10-class sample of 2,500
    # Fashion-MNIST images and on 1,000 pseudo-classes x 50 images (CSG's K = 1000 eigenproblem).
    print("\ncomplexity measures on Fashion-MNIST 32x32 vectors (ms; si/bpp: every image of the set, one thread):")
    for classes, per_class, runs in ((10, 250, repeats), (1000, 50, 1)):
        lines = subprocess.run([os.path.join(build, "bench", "bench-complexity"), str(classes), str(per_class),
                                str(runs), str(threads), "--brute"], capture_output=True, text=True,
                               check=True).stdout.split("\n")
        load = os.getloadavg()[0]
        for line in filter(None, lines):
            name, points, k, ms, cpu_ms = line.split()
            rows.append({"corpus": f"complexity-{name}-{classes}x{per_class}", "tool": "nofade", "images": int(points),
                         "classes": int(k), "wall_s": float(ms) / 1000, "cpu_s": float(cpu_ms) / 1000,
                         "load_average": load})
            print(f"  {name:<16} {int(points):>6} images {int(k):>5} classes  {float(ms):>10.1f} ms"
                  f"  ({float(cpu_ms):.1f} ms CPU)  load {load:.1f}")
    start_ms = cold_start_ms(os.path.join(build, "bin", "nofade"), repeats)
    rows.append({"corpus": "gui-cold-start", "tool": "nofade", "wall_s": start_ms / 1000})
    print(f"\nGUI cold start to the first painted window (offscreen, bundled corpus): {start_ms:.0f} ms")
    for mode, label in (("chart", "point layer (Images tab)"), ("chart-qt", "Qt Charts QLineSeries, points only")):
        out = subprocess.run([bench_gui, mode, "100000", str(max(repeats, 3))], capture_output=True, text=True,
                             check=True).stdout.split()
        grab_ms, pan_ms, grab_cpu, pan_cpu = (float(v) for v in out[1:5])
        rows.append({"corpus": f"{mode}-100k-points", "tool": "nofade", "wall_s": grab_ms / 1000,
                     "pan_redraw_s": pan_ms / 1000, "cpu_s": grab_cpu / 1000, "pan_redraw_cpu_s": pan_cpu / 1000})
        print(f"chart of 100,000 points, {label}: repaint {grab_ms:.0f} ms ({grab_cpu:.0f} ms CPU), "
              f"pan + repaint {pan_ms:.0f} ms ({pan_cpu:.0f} ms CPU); load average {os.getloadavg()[0]:.1f}")
    path = os.path.join(build, "bench", f"results-{datetime.date.today().isoformat()}.json")
    with open(path, "w") as f:
        json.dump({"date": datetime.datetime.now().isoformat(timespec="seconds"), "threads": threads,
                   "cores": os.cpu_count(), "rows": rows}, f, indent=1)
    shutil.rmtree(os.path.dirname(cache), ignore_errors=True)
    print(f"\nresults written to {path}")


if __name__ == "__main__":
    main()
