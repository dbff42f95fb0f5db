"""The expected answers of ex10 (Tamaulipas in the economic census): imported by the hidden tests only.

Not released, never next to a submission: see ``course_tools/course/instructor/scoring.py``.
"""


def _tamaulipas():
    """(municipal rows, state rows) of Tamaulipas (state 28) in the census table."""
    from course_tools.data import load_census

    c = load_census()
    return (c[(c["state_code"] == "28") & c["municipality"].notna()],
            c[(c["state_code"] == "28") & c["municipality"].isna()])


def _state_2023(st):
    return st[(st["census_year"] == 2023) & st["employment"].notna()].set_index("sector_code")["employment"]


def _employment_2023(m, st, municipality):
    ref = _state_2023(st)
    e = m[(m["census_year"] == 2023) & (m["municipality"] == municipality) & m["employment"].notna()]
    return e[e["sector_code"].isin(ref.index)].set_index("sector_code")["employment"], ref


def location_quotients(municipality):
    """{sector: 2023 location quotient of ``municipality``'s employment against the state} (a Series)."""
    m, st = _tamaulipas()
    e, ref = _employment_2023(m, st, municipality)
    return (e / e.sum()) / (ref / ref.sum()).reindex(e.index)


def suppressed_cells(municipality):
    """How many of ``municipality``'s 2023 census cells are suppressed."""
    m, _ = _tamaulipas()
    return int(m[(m["census_year"] == 2023) & (m["municipality"] == municipality)]["suppressed"].sum())


def regional_shift(municipality):
    """Dunn's regional shift of ``municipality``'s employment 2003-2023 (sectors suppressed in either year left out)."""
    m, st = _tamaulipas()
    n0 = st[st["census_year"] == 2003].set_index("sector_code")["employment"]
    n1 = st[st["census_year"] == 2023].set_index("sector_code")["employment"]
    keep = n0.index[n0.notna() & n1.reindex(n0.index).notna()]
    g = n1[keep] / n0[keep]
    a = m[(m["census_year"] == 2003) & (m["municipality"] == municipality)].set_index("sector_code")
    b = m[(m["census_year"] == 2023) & (m["municipality"] == municipality)].set_index("sector_code")
    ok = [s for s in keep if not (s in a.index and a.loc[s, "suppressed"])
          and not (s in b.index and b.loc[s, "suppressed"])]
    r0 = a["employment"].reindex(ok).fillna(0.0)
    r1 = b["employment"].reindex(ok).fillna(0.0)
    return float((r1 - r0 * g[ok]).sum())


def candidates(municipality):
    """The sectors of ``municipality`` with LQ >= 1.25, at least 100 jobs and a positive regional shift, sorted."""
    m, st = _tamaulipas()
    b, ref = _employment_2023(m, st, municipality)
    n0 = st[st["census_year"] == 2003].set_index("sector_code")["employment"]
    g = (ref / n0.reindex(ref.index)).fillna(0.0)
    a = m[(m["census_year"] == 2003) & (m["municipality"] == municipality)].set_index("sector_code")
    lq = (b / b.sum()) / (ref / ref.sum()).reindex(b.index)
    out = []
    for s in b.index:
        if s in a.index and a.loc[s, "suppressed"]:
            continue
        r0 = float(a.loc[s, "employment"]) if s in a.index else 0.0
        if lq[s] >= 1.25 and b[s] >= 100 and b[s] - r0 * g[s] > 0:
            out.append(s)
    return sorted(out)
