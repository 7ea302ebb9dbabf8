"""One-to-one matching of two ordered lists by a similarity matrix.

Why apart: the change report pairs sections and the sentences of two years' statistics
sections this way; both want the in-order pairing first and a moved item second, with the
same rule. (Persons left awaiting trial are paired by `checks.trial_match`, the matcher
the `carryover` rule uses.)
"""

from __future__ import annotations


def align(sim: list[list[float]], threshold: float) -> dict[int, int]:
    """One-to-one, order-aware matching: first the in-order alignment that maximises total
    similarity (dynamic programming, like a sequence alignment with free gaps), then any
    left-over pairs by best similarity (a row that moved). Pairs below `threshold` never match."""
    n, m = len(sim), len(sim[0]) if sim else 0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = best[i + 1][j + 1] + sim[i][j] if sim[i][j] >= threshold else -1.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], take)
    pairs: dict[int, int] = {}
    i = j = 0
    while i < n and j < m:
        if sim[i][j] >= threshold and best[i][j] == best[i + 1][j + 1] + sim[i][j]:
            pairs[i] = j
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    used = set(pairs.values())
    rest = sorted(
        ((sim[a][b], a, b) for a in range(n) if a not in pairs for b in range(m) if b not in used),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    for s, a, b in rest:
        if s >= threshold and a not in pairs and b not in used:
            pairs[a] = b
            used.add(b)
    return pairs
