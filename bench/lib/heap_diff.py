"""Compares two `dumpheap -stat` listings written by bench/heap-types.sh: bytes and objects per circuit, by type.

    python3 bench/lib/heap_diff.py BEFORE.txt AFTER.txt CIRCUITS [ROWS]
"""
import re
import sys

ROW = re.compile(r"\s*[0-9a-f]{8,}\s+([\d,]+)\s+([\d,]+)\s+(.*)$")


def by_type(path):
    totals = {}
    with open(path, encoding="utf-8") as listing:
        for line in listing:
            match = ROW.match(line)
            if match:
                count, size = (int(group.replace(",", "")) for group in match.group(1, 2))
                entry = totals.setdefault(match.group(3).strip(), [0, 0])
                entry[0] += size
                entry[1] += count
    return totals


def main():
    before, after = by_type(sys.argv[1]), by_type(sys.argv[2])
    circuits = int(sys.argv[3])
    rows = int(sys.argv[4]) if len(sys.argv) > 4 else 25
    total = sum(size for size, _ in after.values()) - sum(size for size, _ in before.values())
    print(f"live bytes per circuit, after - before: {total / circuits:,.0f}")
    changes = []
    for name in before.keys() | after.keys():
        size_before, count_before = before.get(name, (0, 0))
        size_after, count_after = after.get(name, (0, 0))
        changes.append((size_after - size_before, count_after - count_before, name))
    changes.sort(key=lambda change: abs(change[0]), reverse=True)
    print(f"{'B/circuit':>10} {'objects/circuit':>16}  type")
    for size, count, name in changes[:rows]:
        print(f"{size / circuits:>10,.0f} {count / circuits:>16,.2f}  {name}")


if __name__ == "__main__":
    main()
