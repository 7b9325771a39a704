"""Every page of the demo a person can open, per role: the phone test visits them all and screenshots.py
photographs them. Paths are of `performa serve --demo` (the Brescia plan)."""
from performa_browser import plan_path

MEASUREMENT_FORM = plan_path("/obiettivi/1.1.2/indicatori/1/rilevazioni/2021-12-31")

# Pages every signed-in role can read.
COMMON = [
    ("piani", "/piani"),
    ("cruscotto", plan_path("/cruscotto")),
    ("albero-aree", plan_path("/albero?colorazione=aree")),
    ("albero-dirigenti", plan_path("/albero?colorazione=dirigenti")),
    ("scheda-strategico", plan_path("/obiettivi/1.1")),
    ("scheda-operativo", plan_path("/obiettivi/1.1.2")),
    ("rilevazioni", plan_path("/rilevazioni")),
    ("rilevazioni-tutte", plan_path("/rilevazioni?scadenza=2021-12-31&tutti=1")),
    ("rilevazione-modulo", MEASUREMENT_FORM),
    ("dirigenti", plan_path("/dirigenti?fondo=150.000")),
    ("validazione", plan_path("/validazione")),
    ("pola", plan_path("/pola")),
    ("piao", plan_path("/piao")),
    ("piao-rischi", plan_path("/piao/rischi")),
    ("piao-fabbisogni", plan_path("/piao/fabbisogni")),
    ("diagnostica", plan_path("/diagnostica")),
    ("documenti", plan_path("/documenti")),
    ("piano", plan_path("/piano")),
    ("errore", plan_path("/obiettivi/9.9")),
]

# Pages only some roles open.
ROLE_PAGES = {
    "admin": [
        ("modifica-area", plan_path("/modifica/aree/1")),
        ("modifica-obiettivo", plan_path("/modifica/obiettivi/1.1")),
        ("modifica-indicatore", plan_path("/modifica/obiettivi/1.1.2/indicatori/1")),
        ("modifica-indicatore-strategico", plan_path("/modifica/obiettivi/1.1/indicatori/1")),
        ("modifica-assegnazioni", plan_path("/modifica/assegnazioni/vairano")),
        ("nuovo-obiettivo", plan_path("/modifica/obiettivi/nuovo?padre=1.1")),
        ("piao-fabbisogni-modifica", plan_path("/piao/fabbisogni/modifica")),
    ],
    "rpct": [
        ("piao-misura", plan_path("/piao/rischi/misure/2")),
    ],
    "oiv": [
        ("validazione-modulo", plan_path("/validazione/modulo?oggetto=1.1.2&scadenza=2021-12-31")),
    ],
}

ROLES = ["admin", "ziletti", "oiv", "lettore", "rpct"]


def pages_for(role):
    return COMMON + ROLE_PAGES.get(role, [])
