"""The command line the synthetic table generators share: `N [SEED]` in, a CSV of N rows on
stdout. Kept in one place because the goldens are made from these bytes (tests/CMakeLists.txt)."""
import csv
import sys


def write_table(columns, rows, default_n, default_seed=17):
    """Writes the header `columns`, then `rows(n, seed)`, with n and seed read from argv."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else default_n
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else default_seed
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(columns)
    out.writerows(rows(n, seed))
