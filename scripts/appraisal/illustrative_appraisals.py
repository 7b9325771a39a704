#!/usr/bin/env python3
"""Writes examples/valutazioni-illustrative-2021.yaml: INVENTED 2021 schede for every person of
examples/personale-illustrativo-2021.csv (the Brescia demo), deterministic (fixed seed).

The six schede of docs/appraisal.md's worked examples are fixed (Taioli, p036-p040). The other people
Cristiana Taioli rates get behaviour ratings in groups whose sums have mean 17 and population variance 2,
so the standard deviation of her ratings stays sqrt(50) points and her differentiation component 88,39%,
as the document computes it. Run from the repository root: python3 scripts/appraisal/illustrative_appraisals.py
"""
import csv
import datetime
import random
import yaml

PLAN = "examples/cciaa-brescia-2021-2023.yaml"
SMVP = "examples/smvp-cciaa-brescia.yaml"
PEOPLE = "examples/personale-illustrativo-2021.csv"
OUT = "examples/valutazioni-illustrative-2021.yaml"
YEAR = 2021

plan = yaml.safe_load(open(PLAN, encoding="utf-8"))
smvp = yaml.safe_load(open(SMVP, encoding="utf-8"))
with open(PEOPLE, encoding="utf-8-sig") as f:
    people = list(csv.DictReader(f, delimiter=";"))
org = plan["organization"]
units = {u["id"]: u for u in org.get("units", [])}
agencies = {a["id"]: a for a in org.get("specialAgencies", [])}
profile_of = {c: p for p in smvp["profiles"] for c in p["categories"]}
CATEGORY = {"dirigente": "dirigente", "Segretario Generale": "segretarioGenerale", "EQ": "elevataQualificazione", "comparto": "comparto"}


def evaluator(person):  # EvaluatorResolution
    if person["Valutatore"]:
        return person["Valutatore"]
    if person["Struttura"] in agencies:
        director = agencies[person["Struttura"]].get("director")
        return None if director == person["Matricola"] else director
    unit = units.get(person["Struttura"])
    while unit:
        if unit.get("head") and unit["head"] != person["Matricola"]:
            return unit["head"]
        unit = units.get(unit.get("parent"))
    return None


def months(person):  # ServiceMonths: a month counts with more than 15 days of service
    def day(text, default):
        return datetime.datetime.strptime(text, "%d/%m/%Y").date() if text else default
    start, end = day(person["Inizio servizio"], datetime.date(YEAR, 1, 1)), day(person["Fine servizio"], datetime.date(YEAR, 12, 31))
    count = 0
    for m in range(1, 13):
        first = datetime.date(YEAR, m, 1)
        last = (datetime.date(YEAR + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1))
        days = (min(end, last) - max(start, first)).days + 1
        count += days > 15
    return count


COMMENTS = {
    2: "Da migliorare: concordato un piano di sviluppo per il prossimo anno.",
    3: "Adeguato nelle situazioni ordinarie.",
    4: "Buono e costante nel corso dell'anno.",
    5: "Eccellente: un riferimento per i colleghi.",
}


def ratings(ids, values, comments=True):
    return [dict(behaviour=b, rating=v, **({"comment": COMMENTS[v]} if comments else {})) for b, v in zip(ids, values)]


def split(total):
    """Four ratings from 2 to 5 adding up to `total`, highest first."""
    values = [total // 4] * 4
    for i in range(total % 4):
        values[i] += 1
    return values


def day(text):
    return datetime.datetime.strptime(text, "%Y-%m-%d").date()


END = day("2021-12-31")
P040_OBJECTIVES = [
    {"code": "OI.1", "title": "Evasione delle pratiche del registro imprese", "weight": 60, "indicators": [
        {"number": 1, "title": "Pratiche evase entro 5 giorni", "weight": 100, "targets": [{"at": END, "target": "90%"}]}]},
    {"code": "OI.2", "title": "Manuale delle procedure dell'ufficio", "weight": 40, "indicators": [
        {"number": 1, "title": "Manuale pubblicato", "weight": 50, "targets": [{"at": END, "target": "entro il 30/09/2021"}]},
        {"number": 2, "title": "Colleghi formati sul manuale", "weight": 50, "targets": [{"at": END, "target": "Almeno 4"}]}]},
]
P040_MEASUREMENTS = [{"indicator": "OI.1/1", "at": END, "value": "85,5%"},
                     {"indicator": "OI.2/1", "at": END, "value": "10/10/2021"},
                     {"indicator": "OI.2/2", "at": END, "value": "3"}]
FIXED = {
    "taioli": ([4, 5, 4, 4], None),
    "p036": ([5, 5, 5, 4], None), "p037": ([4, 4, 5, 4], None), "p038": ([4, 4, 3, 4], None),
    "p039": ([5, 4, 5, 4], None), "p040": ([4, 4, 4, 4], (P040_OBJECTIVES, P040_MEASUREMENTS)),
}

# Invented individual objectives: (title, indicator, target, measured value), one per person chosen below.
OBJECTIVE_BANK = [
    ("Riduzione dei tempi di risposta all'utenza", "Richieste evase entro 10 giorni", "85%", ["88%", "80%", "91%"]),
    ("Digitalizzazione dell'archivio dell'ufficio", "Fascicoli digitalizzati", "Almeno 400", ["420", "350", "400"]),
    ("Aggiornamento delle pagine del sito istituzionale", "Pagine aggiornate", "SI", ["SI", "SI", "NO"]),
    ("Nuova procedura di protocollazione", "Procedura adottata", "entro il 30/06/2021", ["25/06/2021", "15/07/2021", "30/06/2021"]),
]

rng = random.Random(2021)
taioli_rated = [p["Matricola"] for p in people
                if evaluator(p) == "taioli" and months(p) >= smvp["minimumServiceMonths"] and p["Matricola"] not in FIXED]
# Groups of 5, 4 or 3 with sums of mean 17 and variance 2 (see the docstring).
GROUPS = {5: [19, 17, 15, 18, 16], 4: [19, 15, 17, 17], 3: [19, 16, 16]}
n = len(taioli_rated)
sizes = {0: [5] * (n // 5), 3: [5] * (n // 5) + [3], 4: [5] * (n // 5) + [4],
         1: [5] * (n // 5 - 1) + [3, 3], 2: [5] * (n // 5 - 1) + [4, 3]}[n % 5] if n else []
taioli_sums, position = {}, 0
for size in sizes:
    for offset, total in enumerate(GROUPS[size]):
        taioli_sums[taioli_rated[position + offset]] = total
    position += size

schede = []
for index, person in enumerate(people):
    pid = person["Matricola"]
    profile = profile_of[CATEGORY[person["Categoria"]]]
    behaviours = [b["id"] for b in profile["behaviours"]]
    scheda = {"person": pid}
    if pid in FIXED:
        values, objectives = FIXED[pid]
        if objectives:
            scheda["objectives"], scheda["measurements"] = objectives
        scheda["ratings"] = ratings(behaviours, values, comments=False)
        schede.append(scheda)
        continue
    total = taioli_sums.get(pid) or rng.choice([12, 13, 14, 15, 15, 16, 16, 16, 17, 17, 17, 18, 18, 19, 20])
    values = split(total)
    rng.shuffle(values)
    if profile["id"] != "dirigenti" and index % 6 == 1:
        title, indicator, target, measured = OBJECTIVE_BANK[index % len(OBJECTIVE_BANK)]
        scheda["objectives"] = [{"code": "OI.1", "title": title, "weight": 100, "indicators": [
            {"number": 1, "title": indicator, "weight": 100, "targets": [{"at": END, "target": target}]}]}]
        scheda["measurements"] = [{"indicator": "OI.1/1", "at": END, "value": rng.choice(measured)}]
    scheda["ratings"] = ratings(behaviours, values)
    schede.append(scheda)

document = {
    "format": "performa-valutazioni/1",
    "organization": org["id"],
    "year": YEAR,
    "illustrative": True,
    "description": "Valutazioni illustrative 2021 (inventate, non dati reali) per la demo della CCIAA di Brescia",
    "funds": [
        {"profile": "dirigenti", "euros": 45000.00, "note": "retribuzione di risultato (illustrativa)"},
        {"profile": "eq", "euros": 18000.00, "note": "retribuzione di risultato delle EQ (illustrativa)"},
        {"profile": "comparto", "euros": 120000.00, "note": "premi correlati alla performance individuale (illustrativi)"},
    ],
    "schede": schede,
}
class NoAliases(yaml.SafeDumper):
    """Every value written out in full: the reader refuses YAML anchors and aliases."""
    def ignore_aliases(self, data):
        return True


HEADER = """# Valutazioni ILLUSTRATIVE 2021 per la demo di Performa (CCIAA di Brescia).
#
# ATTENZIONE: valutazioni, obiettivi individuali e fondi sono INVENTATI per mostrare il calcolo delle schede e dei
# premi: non sono dati reali dell'ente né di alcuna persona. Una scheda per ogni persona di
# examples/personale-illustrativo-2021.csv; le schede di Cristiana Taioli e delle persone p036-p040 sono quelle
# degli esempi calcolati a mano in docs/appraisal.md.
# File generato da scripts/appraisal/illustrative_appraisals.py: modificare lo script, non questo file.
# Formato: docs/appraisal-file-format.md.
"""
with open(OUT, "w", encoding="utf-8") as f:
    f.write(HEADER)
    yaml.dump(document, f, Dumper=NoAliases, allow_unicode=True, sort_keys=False, width=200, default_flow_style=None)
print(f"{OUT}: {len(schede)} schede; Taioli rates {len(taioli_rated) + 5} people")
