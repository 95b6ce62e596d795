"""Build the check evaluation: clean English-Chinese pairs and copies with injected errors.

    python corpora/check-eval/build.py      # writes clean.tsv, injected.tsv, glossary.tsv

The pairs are corporate and energy news sentences written for tm (not taken from anyone):
templates filled with real entity names, terms from the glossary, dates, amounts and
percentages, each Chinese side typographically correct (full-width punctuation, “” quotes,
、 in lists, Latin names and acronyms kept). Each injected copy carries one error of one kind
and says which; `tests/checks/test_evaluation.py` checks that tm flags it and that the clean
pairs stay clean. Deterministic (seeded), so the files only change when this script does.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent

COMPANIES = [
    ("CPID", "中国电力"),
    ("Chongqing Expressway Group", "重庆高速集团"),
    ("State Power Investment Corporation", "国家电力投资集团"),
    ("State Grid", "国家电网"),
    ("China Southern Power Grid", "中国南方电网"),
    ("Huadian Power", "华电国际"),
    ("Three Gorges Renewables", "三峡能源"),
    ("Sinopec", "中国石化"),
]
PLACES = [
    ("Chongqing", "重庆"), ("Chengdu", "成都"), ("Beijing", "北京"), ("Shanghai", "上海"),
    ("Hong Kong", "香港"), ("Guangzhou", "广州"), ("Wuhan", "武汉"), ("Xi'an", "西安"),
]
PEOPLE = [
    ("Gao Ping", "高平"), ("Teng Yingming", "滕英明"), ("Li Wei", "李伟"), ("Zhang Min", "张敏"),
    ("Wang Jun", "王军"), ("Chen Hong", "陈红"),
]
TITLES = [("President", "总裁"), ("Chairman", "董事长"), ("General Manager", "总经理"),
          ("Vice President", "副总裁")]
# (English, Chinese, a non-glossary Chinese rendering used to inject a missing term)
TERMS = [
    ("energy storage", "储能", "蓄电"),
    ("photovoltaic power generation", "光伏发电", "太阳能发电"),
    ("offshore wind power", "海上风电", "近海风能"),
    ("green-power transportation", "绿电交通", "清洁运输"),
    ("battery-swap heavy-duty truck", "换电重卡", "电动大货车"),
    ("virtual power plant", "虚拟电厂", "云电站"),
    ("charging station", "充电站", "加电点"),
    ("hydrogen refueling station", "加氢站", "氢气站"),
    ("rural revitalization", "乡村振兴", "农村发展"),
    ("carbon neutrality", "碳中和", "零排放"),
    ("smart grid", "智能电网", "数字电网"),
    ("distributed photovoltaic", "分布式光伏", "屋顶太阳能"),
    ("pumped storage power station", "抽水蓄能电站", "水力储电站"),
    ("green hydrogen", "绿氢", "清洁氢"),
    ("integrated smart energy", "综合智慧能源", "智能能源"),
]
FORBIDDEN = [  # approved English, forbidden English (in the glossary)
    ("green-power transportation", "green electricity transportation"),
    ("energy storage", "power storage"),
    ("photovoltaic power generation", "solar-panel power generation"),
    ("virtual power plant", "cloud power plant"),
]
ACRONYMS = ["EPC", "BESS", "PPA", "LNG", "ESG", "IPO"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

# Templates: (English, Chinese). Fields: {co}/{co2} companies, {place}, {person}, {title},
# {term}/{term2}, {date} (en) / {zdate} (zh), {n} integer, {amount} yuan in hundred millions,
# {pct} percentage, {acr} acronym kept in Latin.
TEMPLATES = [
    ("On {date}, {co} and {co2} signed a strategic cooperation agreement on {term} in {place}.",
     "{zdate}，{zco}与{zco2}在{zplace}签署{zterm}战略合作协议。"),
    ("{co} commissioned a {n} MW {term} project in {place} on {date}.",
     "{zdate}，{zco}在{zplace}投产{n}兆瓦{zterm}项目。"),
    ("The company's installed capacity of {term} reached {n} MW, up {pct}% year on year.",
     "公司{zterm}装机容量达到{n}兆瓦，同比增长{pct}%。"),
    ("{person}, {title} of {co}, met with a delegation from {co2} in {place}.",
     "{zco}{ztitle}{zperson}在{zplace}会见了{zco2}代表团。"),
    ("Both sides agreed to deepen cooperation in {term} and {term2}.",
     "双方同意在{zterm}和{zterm2}领域深化合作。"),
    ("The total investment of the {term} project in {place} is {amount} billion yuan.",
     "{zplace}{zterm}项目总投资{zamount}亿元。"),
    ("{co} will build {n} {term}s in {place} by the end of {year}.",
     "{zco}将于{year}年底前在{zplace}建成{n}座{zterm}。"),
    ("The {acr} contract for the {term} project was awarded to {co}.",
     "{zterm}项目的{acr}合同由{zco}中标。"),
    ("\"We will make {term} a new engine of growth,\" said {person}.",
     "{zperson}表示：“我们将把{zterm}打造成新的增长引擎。”"),
    ("{co} released its {year} ESG report on {date}.",
     "{zdate}，{zco}发布了{year}年ESG报告。"),
    ("The {term} base covers {n} square kilometers in {place}.",
     "该{zterm}基地位于{zplace}，占地{n}平方公里。"),
    ("Revenue from {term} rose {pct}% to {amount} billion yuan in {year}.",
     "{year}年，{zterm}业务收入增长{pct}%，达到{zamount}亿元。"),
    ("{co} and {co2} will jointly explore {term}, {term2} and rural revitalization.",
     "{zco}与{zco2}将共同探索{zterm}、{zterm2}和乡村振兴。"),
    ("The {acr} project in {place} (phase {n}) started construction on {date}.",
     "{zplace}{acr}项目（{zn}期）于{zdate}开工。"),
    ("{person} said that {term} is key to achieving carbon neutrality.",
     "{zperson}表示，{zterm}是实现碳中和的关键。"),
    ("By {year}, {pct}% of the group's power will come from {term}.",
     "到{year}年，集团{pct}%的电力将来自{zterm}。"),
    ("{co} plans an {acr} of {amount} billion yuan to fund {term}.",
     "{zco}计划通过{acr}募资{zamount}亿元，用于{zterm}。"),
    ("The signing ceremony was held in {place} on {date}.",
     "签约仪式于{zdate}在{zplace}举行。"),
    ("{co} has {n} {term} projects under construction.",
     "{zco}在建{zterm}项目{n}个。"),
    ("The {term} project will cut carbon emissions by {n} tonnes a year.",
     "该{zterm}项目每年可减少碳排放{n}吨。"),
]

NUMERALS = "〇一二三四五六七八九"


def _chinese_small(n: int) -> str:
    if n <= 10:
        return "十" if n == 10 else NUMERALS[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else NUMERALS[tens]) + "十" + (NUMERALS[units] if units else "")


def fill(template: tuple[str, str], rng: random.Random) -> dict[str, str]:
    (co, zco), (co2, zco2) = rng.sample(COMPANIES, 2)
    place, zplace = rng.choice(PLACES)
    person, zperson = rng.choice(PEOPLE)
    title, ztitle = rng.choice(TITLES)
    (term, zterm, _alt), (term2, zterm2, _alt2) = rng.sample(TERMS, 2)
    year = rng.randint(2019, 2027)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    n = rng.choice([2, 3, 5, 8, 12, 20, 35, 50, 120, 300, 600, 1200])
    small = rng.randint(2, 9)
    amount = rng.choice(["3.5", "12", "28.6", "150", "4.2", "60"])
    pct = rng.choice(["12", "25.3", "8.7", "40", "15"])
    acr = rng.choice(ACRONYMS)
    values = {
        "co": co, "zco": zco, "co2": co2, "zco2": zco2, "place": place, "zplace": zplace,
        "person": person, "zperson": zperson, "title": title, "ztitle": ztitle,
        "term": term, "zterm": zterm, "term2": term2, "zterm2": zterm2,
        "year": str(year), "date": f"{MONTHS[month - 1]} {day}, {year}",
        "zdate": f"{year}年{month}月{day}日", "n": str(n), "amount": amount,
        "zamount": f"{float(amount) * 10:g}", "pct": pct, "acr": acr,  # 1 billion = 10亿
    }
    en, zh = template
    if "phase {n}" in en:
        values["n"], values["zn"] = str(small), _chinese_small(small)
    values.setdefault("zn", values["n"])
    return {"en": en.format(**values), "zh": zh.format(**values), "term": term, "zterm": zterm}


def inject(row: dict[str, str], kind: str, rng: random.Random) -> dict[str, str] | None:
    """A copy of a clean pair with one error of `kind`, or None if the pair has no place
    for it."""
    import re

    en, zh = row["en"], row["zh"]
    if kind == "number":
        digits = list(re.finditer(r"\d+", zh))
        if not digits:
            return None
        match = rng.choice(digits)
        wrong = str(int(match.group()) + rng.choice([1, 2, 10]))
        return {**row, "zh": zh[: match.start()] + wrong + zh[match.end() :]}
    if kind == "forbidden-term":
        for approved, forbidden in FORBIDDEN:
            if approved in en:
                return {**row, "en": en.replace(approved, forbidden, 1)}
        return None
    if kind == "dropped-acronym":
        for acronym in ACRONYMS:
            if acronym in zh:
                return {**row, "zh": zh.replace(acronym, "", 1)}
        return None
    if kind == "untranslated":
        return {**row, "zh": en}
    if kind == "traditional":
        import opencc

        converted = opencc.OpenCC("s2t").convert(zh)
        return {**row, "zh": converted} if converted != zh else None
    if kind == "missing-term":
        for _en, zterm, alternative in TERMS:
            if zterm == row["zterm"] and zterm in zh:
                return {**row, "zh": zh.replace(zterm, alternative)}
        return None
    if kind == "dropped-name":
        # The Chinese rendering of a place or person of the English, deleted: names rendered
        # by pinyin or CC-CEDICT, as in corpora/zh-en-news (company names translated by
        # meaning, Three Gorges Renewables, only a glossary knows).
        names = [(e, z) for e, z in PLACES + PEOPLE if e in en and z in zh]
        if not names:
            return None
        _e, z = rng.choice(names)
        return {**row, "zh": zh.replace(z, "", 1)}
    raise ValueError(kind)


KINDS = ["number", "forbidden-term", "dropped-acronym", "untranslated", "traditional",
         "missing-term", "dropped-name"]


def main() -> None:
    rng = random.Random(20261124)
    clean = []
    seen = set()
    attempt = 0
    while len(clean) < 300:
        template = TEMPLATES[attempt % len(TEMPLATES)]
        attempt += 1
        row = fill(template, rng)
        if row["en"] in seen:
            continue
        seen.add(row["en"])
        clean.append({"id": f"c{len(clean) + 1:03d}", **row})
    injected = []
    for kind in KINDS:
        candidates = [r for r in clean]
        rng.shuffle(candidates)
        made = 0
        for row in candidates:
            broken = inject(row, kind, rng)
            if broken is None:
                continue
            made += 1
            injected.append({**broken, "id": f"{row['id']}-{kind}", "kind": kind})
            if made == 40:
                break
    fields = ["id", "en", "zh", "term", "zterm"]
    with open(HERE / "clean.tsv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(clean)
    with open(HERE / "injected.tsv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, [*fields, "kind"], delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(injected)
    with open(HERE / "glossary.tsv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        # A row's status qualifies its target: Chinese first, so "forbidden" forbids the
        # English rendering.
        writer.writerow(["zh-Hans", "en", "status", "note"])
        for en, zh, _alt in TERMS:
            writer.writerow([zh, en, "approved", ""])
        for en, zh in COMPANIES:
            writer.writerow([zh, en, "approved", ""])
        for approved, forbidden in FORBIDDEN:
            zh = next(z for e, z, _a in TERMS if e == approved)
            writer.writerow([zh, forbidden, "forbidden", f"use “{approved}”"])
    print(f"{len(clean)} clean pairs, {len(injected)} with one error each")


if __name__ == "__main__":
    main()
