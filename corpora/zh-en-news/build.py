"""Build the Chinese → English evaluation: news pairs written for tm, and copies with injected
errors.

    python corpora/zh-en-news/build.py           # writes pairs.tsv and injected.tsv
    python corpora/zh-en-news/build.py FOLDER    # the same for another set (the held-out one)

`pairs.txt` holds the pairs as written (one `zh ||| en` a line, `# doc:` starting each
article); `errors.tsv` marks, by hand, the pairs whose English carries a real error. The
injected copies are made from the pairs not marked, one error each, of the kinds of the
English → Chinese evaluation turned round: a changed number, a Latin acronym of the Chinese
dropped from the English, a romanized Chinese name dropped, an untranslated segment, a missing
approved term and a forbidden term (glossary.tsv). Deterministic (seeded).
"""

from __future__ import annotations

import calendar
import csv
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ["number", "dropped-acronym", "dropped-name", "untranslated", "missing-term",
         "forbidden-term"]
PER_KIND = 40
# Units named after people are units, not names a translation keeps (摄氏度 "degrees").
# Weekdays and months are dates (the number check's), not names.
NOT_NAMES = {"Celsius", "Fahrenheit", "Kelvin", *calendar.day_name, *calendar.month_name[1:]}
# Approved rendering -> another rendering (not in the glossary) a translator might choose.
SYNONYMS = {
    "consumer price index": "consumer inflation gauge",
    "reserve requirement ratio": "reserve ratio",
    "new energy vehicles": "electric cars",
    "surveyed urban unemployment rate": "urban jobless rate",
    "retail sales of consumer goods": "retail spending",
    "carbon neutrality": "net zero",
    "cold wave": "cold spell",
    "Asian Games": "Asian sports gala",
    "artificial intelligence": "machine intelligence",
    "high-tech manufacturing": "advanced manufacturing",
}


def read_pairs(folder: Path = HERE) -> list[dict[str, str]]:
    rows, doc, n = [], "", 0
    for line in (folder / "pairs.txt").read_text("utf-8").splitlines():
        if line.startswith("# doc:"):
            doc, n = line.split(":", 1)[1].strip(), 0
        elif "|||" in line:
            n += 1
            zh, en = (part.strip() for part in line.split("|||"))
            rows.append({"id": f"{doc}:{n}", "doc": doc, "zh": zh, "en": en})
    return rows


def glossary() -> list[dict[str, str]]:
    with open(HERE / "glossary.tsv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


_LATIN = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9&.]*[A-Z0-9](?:-\d+)?(?![A-Za-z0-9])")


def _tidy(text: str) -> str:
    text = re.sub(r"\s*\(\s*\)", "", text)
    text = re.sub(r"\s{2,}", " ", text)
    return re.sub(r"\s+([,.;:])", r"\1", text).strip()


def _renders(zh: str, name: str) -> bool:
    """Some two to four Han characters of the Chinese are the name: its pinyin (张立群 ~ Zhang
    Liqun, 上海 ~ Shanghai) or a CC-CEDICT headword whose definition starts with it (华为
    "Huawei (brand)", 纽约 "New York", 阿里巴巴 "Alibaba, PRC e-commerce company")."""
    from tm.lexicon.cedict import definitions
    from tm.lexicon.pinyin import transliterates

    table = definitions()
    for size in (2, 3, 4):
        for k in range(len(zh) - size + 1):
            part = zh[k : k + size]
            if transliterates(part, name):
                return True
            for definition in table.get(part, ()):
                head = re.split(r"[,;(]", definition)[0].strip()
                if head == name or head.startswith(name + " ") and head[len(name) + 1 :][:1].islower():
                    return True
    return False


def inject(row: dict[str, str], kind: str, rng: random.Random) -> dict[str, str] | None:
    zh, en = row["zh"], row["en"]
    if kind == "number":
        # Not a number inside a name (COVID-19, M2, 5G): names are a kind of their own.
        spots = [m for m in re.finditer(r"\d+(?:\.\d+)?", en)
                 if not re.search(r"[A-Za-z]-?$", en[: m.start()])
                 and not re.match(r"[A-Za-z]", en[m.end():])]
        if not spots:
            return None
        spot = rng.choice(spots)
        digits = spot.group()
        i = max(j for j, ch in enumerate(digits) if ch.isdigit())
        changed = digits[:i] + str((int(digits[i]) + rng.choice([1, 2, 3])) % 10) + digits[i + 1:]
        return {**row, "en": en[: spot.start()] + changed + en[spot.end():]}
    if kind == "dropped-acronym":
        shared = [m for m in _LATIN.finditer(en) if m.group() in zh]
        if not shared:
            return None
        spot = rng.choice(shared)
        return {**row, "en": _tidy(en[: spot.start()] + en[spot.end():])}
    if kind == "dropped-name":
        names = [m for m in re.finditer(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b", en)
                 if m.group() not in NOT_NAMES and _renders(zh, m.group())]
        if not names:
            return None
        spot = rng.choice(names)
        return {**row, "en": _tidy(en[: spot.start()] + en[spot.end():])}
    if kind == "untranslated":
        return {**row, "en": zh}
    terms = [(t["zh-Hans"], t["en"]) for t in glossary() if t["status"] == "approved"]
    found = [(z, e) for z, e in terms if z in zh and e.lower() in en.lower()]
    if not found:
        return None
    z, e = rng.choice(found)
    if kind == "missing-term":
        replacement = SYNONYMS[e]
    else:
        forbidden = [t["en"] for t in glossary()
                     if t["zh-Hans"] == z and t["status"] == "forbidden"]
        if not forbidden:
            return None
        replacement = forbidden[0]
    start = en.lower().index(e.lower())
    return {**row, "en": en[:start] + replacement + en[start + len(e):]}


def main(folder: Path = HERE) -> None:
    rows = read_pairs(folder)
    with open(folder / "errors.tsv", encoding="utf-8", newline="") as handle:
        marked = {r["id"] for r in csv.DictReader(handle, delimiter="\t")}
    fields = ["id", "doc", "zh", "en"]
    with open(folder / "pairs.tsv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    rng = random.Random(17)
    injected = []
    clean = [r for r in rows if r["id"] not in marked]
    for kind in KINDS:
        candidates = clean[:]
        rng.shuffle(candidates)
        made = 0
        for row in candidates:
            broken = inject(row, kind, rng)
            if broken is None or broken["en"] == row["en"]:
                continue
            injected.append({**broken, "id": f"{row['id']}-{kind}", "kind": kind})
            made += 1
            if made == PER_KIND:
                break
    with open(folder / "injected.tsv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, [*fields, "kind"], delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(injected)


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE)
