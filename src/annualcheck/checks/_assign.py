"""Maximum-weight one-to-one assignment (Hungarian algorithm), for matching the persons one
report left pending with the rows of the next report's carry-over table. Small and dependency-free:
the tables have tens of rows at most."""

from __future__ import annotations


def _min_cost(cost: list[list[float]]) -> dict[int, int]:
    """Rows to columns minimising the total cost; needs len(cost) <= len(cost[0])."""
    n, m = len(cost), len(cost[0])
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return {p[j] - 1: j - 1 for j in range(1, m + 1) if p[j]}


def max_assignment(weight: list[list[float]]) -> dict[int, int]:
    """Row index -> column index, maximising the total weight; every row (or every column,
    whichever is fewer) is assigned."""
    if not weight or not weight[0]:
        return {}
    n, m = len(weight), len(weight[0])
    if n <= m:
        return _min_cost([[-w for w in row] for row in weight])
    cols = _min_cost([[-weight[i][j] for i in range(n)] for j in range(m)])
    return {i: j for j, i in cols.items()}
