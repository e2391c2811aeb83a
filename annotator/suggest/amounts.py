"""Whether an amount the pipeline labelled as a count or a measure is a sum of money.

spaCy's English NER takes amounts for one another: "500,000 zlotys" and "3.4 million zlotys" (seed 004) come as
QUANTITY, where OntoNotes, whose labels the schema's are, marks a monetary value with its unit MONEY. An amount is
money when its words name a currency: a symbol ($, €, £, ¥, ₹...), an ISO code (USD, EUR...) or a currency's English
name (the world's currencies are a closed class of general knowledge, as the units of time are; "pound" is left
out, a weight as often: "500 pounds of explosives").
"""

from __future__ import annotations

import re

# labels of amounts, which the pipeline's NER takes for one another ("500,000 zlotys" QUANTITY, "3.4 million zlotys")
AMOUNT_LABELS = frozenset(("MONEY", "QUANTITY", "CARDINAL", "PERCENT"))
# the labels of an amount that may be money told otherwise (a percentage is none)
COUNTS = frozenset(("QUANTITY", "CARDINAL"))
CURRENCIES = frozenset(
    """dollar dollars euro euros yen yuan renminbi rupee rupees ruble rubles rouble roubles zloty zlotys złoty złotys
    franc francs peso pesos won lira lire liras dinar dinars dirham dirhams riyal riyals rial rials rand krona kronor
    krone kroner shekel shekels naira baht ringgit rupiah hryvnia hryvnias forint forints koruna korunas leu lei dong
    taka kwacha cedi cedis shilling shillings birr afghani afghanis reais kyat bolivar bolivars lempira lempiras
    quetzal quetzales guarani lev leva kuna manat manats tenge lari dram sterling bitcoin bitcoins""".split()
)
_CODES = frozenset("USD EUR GBP JPY CNY RMB INR RUB PLN CHF CAD AUD HKD SGD KRW TRY BRL MXN ZAR SEK NOK DKK".split())
_SYMBOLS = re.compile(r"[$€£¥₹₽₩₪₺₦฿₴]")


def names_currency(words: str) -> bool:
    """Whether ``words`` (an amount's) name a currency: "500,000 zlotys", "3.4 million euros", "$850,000", "USD 2m"."""
    if _SYMBOLS.search(words):
        return True
    found = re.findall(r"[^\W\d_]+", words)
    return any(w.lower() in CURRENCIES or w in _CODES for w in found)


def is_money(label: str, words: str) -> bool:
    """Whether an amount labelled ``label`` (a count or a measure: ``COUNTS``) is a sum of money by its words."""
    return label in COUNTS and names_currency(words)
