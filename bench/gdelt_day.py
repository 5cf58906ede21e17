"""Write a synthetic GDELT 2.0 daily event export of N rows (default 200,000), seeded.

The rows have the 61-column 2.0 layout; actors are drawn from the CAMEO country and role
tables in profiles/cameo (about 15% without a second actor, as in real exports), event codes
and their Goldstein scores from CAMEO.eventcodes.txt / CAMEO.goldsteinscale.txt, dates from
one day and the two before it, and each row gets its own source URL. It measures how fast
`relgraph import --format gdelt2` reads a daily file (BENCHMARKS.md):

    python3 bench/gdelt_day.py /tmp/gdelt_day.export.CSV [ROWS] && \
        /usr/bin/time -v target/release/relgraph import /tmp/gdelt_day.export.CSV --format gdelt2 -o /tmp/day.ron
"""

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "profiles" / "cameo"


def table(name):
    lines = (ROOT / name).read_text().splitlines()[1:]
    return [line.split("\t") for line in lines if "\t" in line]


def main():
    out = Path(sys.argv[1])
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    rng = random.Random(13)
    countries = [c for c, _ in table("CAMEO.country.txt")][28:]
    # Big countries are in the news more often: a skewed choice.
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(countries))]
    roles = [c for c, _ in table("CAMEO.type.txt")][:12]
    goldstein = dict(table("CAMEO.goldsteinscale.txt"))
    codes = [c for c, _ in table("CAMEO.eventcodes.txt") if len(c) >= 3 and c in goldstein]
    days = ["20250101", "20241231", "20241230"]
    with out.open("w") as f:
        for i in range(rows):
            fields = [""] * 61

            def actor(base):
                country = rng.choices(countries, weights)[0]
                role = rng.choice(roles) if rng.random() < 0.4 else ""
                fields[base] = country + role
                fields[base + 1] = country
                fields[base + 2] = country
                fields[base + 7] = role

            fields[0] = str(1_200_000_000 + i)
            day = rng.choice(days)
            fields[1], fields[2], fields[3] = day, day[:6], day[:4]
            fields[4] = f"{int(day[:4]) + 0.0027:.4f}"
            actor(5)
            if rng.random() > 0.15:
                actor(15)
            code = rng.choice(codes)
            fields[25] = "1"
            fields[26], fields[27], fields[28] = code, code[:3], code[:2]
            fields[29] = str(rng.randint(1, 4))
            fields[30] = goldstein[code]
            fields[31], fields[32], fields[33] = "10", "1", "10"
            fields[34] = f"{rng.uniform(-10, 5):.6f}"
            fields[59] = day + "234500"
            fields[60] = f"https://news.example.org/{day}/{i:07d}.html"
            f.write("\t".join(fields) + "\n")


if __name__ == "__main__":
    main()
