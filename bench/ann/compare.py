#!/usr/bin/python3
"""FAISS and hnswlib on the files `clipsearch bench-index --vectors F --queries Q` reads.

Prints the columns of bench-index's table (build s, bytes per vector, recall@k, latency
p50/p95/p99, QPS; with and without the 10% filter: rows i with i % 10 == 3) so the libraries can
be compared on byte-identical inputs. Ground truth: the .ivecs bench-index cached next to the
queries (pass it with --truth), else exact search here (faiss.IndexFlatIP).

  python3 bench/ann/compare.py --vectors base.npy --queries queries-crossmodal.npy \
      [--truth T.ivecs --filtered-truth TF.ivecs] [--k 10,100] [--threads 1,2] [--lib faiss,hnswlib]

Contract (docs/BENCHMARKS.md): float32 little-endian, C order, 2-D .npy or .fvecs; every row
L2-normalized before use (bench-index does the same), similarity = inner product = cosine.
HNSW parameters as clipsearch's: M = 16, efConstruction = 100, efSearch = max(4k, 100).
"""
import argparse
import os
import tempfile
import time

import numpy as np


def read_vectors(path):
    if path.endswith(".npy"):
        a = np.load(path, mmap_mode="r")
        if a.dtype != np.float32 or a.ndim != 2:
            raise SystemExit(f"{path}: need a 2-D float32 array, got {a.dtype} {a.shape}")
        a = np.ascontiguousarray(a, dtype=np.float32)
    else:  # .fvecs
        raw = np.fromfile(path, dtype=np.int32)
        dim = raw[0]
        a = raw.reshape(-1, dim + 1)[:, 1:].copy().view(np.float32)
    return a / np.linalg.norm(a, axis=1, keepdims=True)


def read_ivecs(path):
    raw = np.fromfile(path, dtype=np.int32)
    return raw.reshape(-1, raw[0] + 1)[:, 1:]


def exact(data, queries, k, allowed=None):
    import faiss
    if allowed is None:
        index = faiss.IndexFlatIP(data.shape[1])
        index.add(data)
        return index.search(queries, k)[1]
    rows = np.nonzero(allowed)[0]
    index = faiss.IndexFlatIP(data.shape[1])
    index.add(data[rows])
    return rows[index.search(queries, k)[1]]


def timed(search_one, queries, threads):
    """Latencies (ms) of each query, threads issuing queries concurrently; and QPS."""
    from concurrent.futures import ThreadPoolExecutor
    lat = np.zeros(len(queries))
    results = [None] * len(queries)

    def run(t):
        for q in range(t, len(queries), threads):
            t0 = time.perf_counter()
            results[q] = search_one(queries[q:q + 1])
            lat[q] = (time.perf_counter() - t0) * 1000

    for q in range(len(queries)):  # warm-up pass, as bench-index
        search_one(queries[q:q + 1])
    w0 = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(run, range(threads)))
    return lat, len(queries) / (time.perf_counter() - w0), results


def recall(results, truth, k):
    found = [len(set(r[:k]) & set(t[:k])) / k for r, t in zip(results, truth)]
    return float(np.mean(found))


def file_size(write):
    with tempfile.NamedTemporaryFile(delete=False) as f:
        name = f.name
    try:
        write(name)
        return os.path.getsize(name)
    finally:
        os.unlink(name)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--vectors", required=True)
    p.add_argument("--queries", required=True)
    p.add_argument("--truth")
    p.add_argument("--filtered-truth")
    p.add_argument("--k", default="10,100")
    p.add_argument("--threads", default="1,2")
    p.add_argument("--lib", default="faiss,hnswlib")
    a = p.parse_args()
    ks = [int(k) for k in a.k.split(",")]
    thread_counts = [int(t) for t in a.threads.split(",")]
    data, queries = read_vectors(a.vectors), read_vectors(a.queries)
    n, dim = data.shape
    allowed = (np.arange(n) % 10) == 3
    kmax = max(ks)
    truth = read_ivecs(a.truth) if a.truth else exact(data, queries, kmax)
    ftruth = read_ivecs(a.filtered_truth) if a.filtered_truth else exact(data, queries, kmax, allowed)
    print(f"{os.path.basename(a.vectors)}: {n:,} vectors, dim {dim}; {os.path.basename(a.queries)}")
    print(f"{'library':<8} {'filter':<6} {'k':>4} {'thr':>3} {'build s':>8} {'B/vec':>7} "
          f"{'recall':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'QPS':>8}")
    for lib in a.lib.split(","):
        t0 = time.perf_counter()
        if lib == "faiss":
            import faiss
            faiss.omp_set_num_threads(max(thread_counts))
            index = faiss.IndexHNSWFlat(dim, 16, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 100
            index.add(data)
            size = file_size(lambda f: faiss.write_index(index, f))
            faiss.omp_set_num_threads(1)  # one query per call: parallelism comes from our threads
        else:
            import hnswlib
            index = hnswlib.Index(space="ip", dim=dim)
            index.init_index(max_elements=n, M=16, ef_construction=100)
            index.add_items(data, np.arange(n), num_threads=max(thread_counts))
            size = file_size(index.save_index)
        build = time.perf_counter() - t0
        for filtered in (False, True):
            for k in ks:
                ef = max(4 * k, 100)
                if lib == "faiss":
                    # efSearch set on the index: faiss 1.7.3 ignores the one in search parameters
                    index.hnsw.efSearch = ef
                    if filtered:
                        params = faiss.SearchParametersHNSW(
                            efSearch=ef, sel=faiss.IDSelectorBatch(np.nonzero(allowed)[0]))
                        ids = index.search(queries[:20], k, params=params)[1]
                        if not allowed[ids[ids >= 0]].all():
                            print(f"{lib:<8} 10%    {k:>4}   - (this faiss ignores the filter)")
                            continue
                        one = lambda q: index.search(q, k, params=params)[1][0]
                    else:
                        one = lambda q: index.search(q, k)[1][0]
                else:
                    index.set_ef(ef)
                    if filtered:
                        try:
                            index.knn_query(queries[:1], k=k, filter=lambda i: i % 10 == 3)
                        except TypeError:  # filters came in hnswlib 0.7
                            print(f"{lib:<8} 10%    {k:>4}   - (this hnswlib has no filter)")
                            continue
                        filt = lambda i: i % 10 == 3
                        one = lambda q: index.knn_query(q, k=k, num_threads=1, filter=filt)[0][0]
                    else:
                        one = lambda q: index.knn_query(q, k=k, num_threads=1)[0][0]
                for threads in thread_counts:
                    lat, qps, res = timed(one, queries, threads)
                    r = recall(res, ftruth if filtered else truth, k)
                    p50, p95, p99 = np.percentile(lat, [50, 95, 99], method="higher")
                    print(f"{lib:<8} {'10%' if filtered else 'none':<6} {k:>4} {threads:>3} "
                          f"{build:>8.1f} {size / n:>7.0f} {r:>7.3f} {p50:>7.2f} {p95:>7.2f} "
                          f"{p99:>7.2f} {qps:>8.1f}", flush=True)


if __name__ == "__main__":
    main()
