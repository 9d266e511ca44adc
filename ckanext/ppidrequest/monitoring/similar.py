"""Request texts grouped so that similar asks stand together: each text
goes to the group of its most common significant word (the word most
other texts share), so "jumlah penduduk per desa" and "data penduduk
miskin 2025" both stand under "penduduk"."""
from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterable

#: words that say nothing about what is asked
STOPWORDS = frozenset("""
    data dan yang untuk dari pada dengan atau dalam tentang mohon minta
    meminta permohonan informasi kabupaten tahun jumlah per setiap seluruh
    semua menurut berdasarkan terkait mengenai beserta serta the and for of
    list daftar rekap rekapitulasi terbaru lengkap hasil kami saya sukamaju
    kecamatan desa kelurahan wilayah tingkat jenis bulan bulanan minggu
    mingguan tahunan nama alamat dusun
""".split())
_WORD = re.compile(r"[a-zA-Z\u00C0-\u024F]{4,}")


def _stem(word: str) -> str:
    """Drop the possessive -nya ("usahanya" is "usaha")."""
    return word[:-3] if word.endswith("nya") and len(word) > 6 else word


def words(text: str) -> list[str]:
    return sorted({w for w in (_stem(m.lower())
                               for m in _WORD.findall(text or ""))
                   if w not in STOPWORDS})


def group(rows: Iterable[dict[str, Any]], text_key: str = "text",
          max_groups: int = 30) -> list[dict[str, Any]]:
    """``[{"label", "count", "items"}]``, the largest group first; texts
    without a significant word stand under the label ``""``."""
    rows = list(rows)
    bags = [words(r.get(text_key) or "") for r in rows]
    frequency = Counter(w for bag in bags for w in bag)
    groups: dict[str, list[dict[str, Any]]] = {}
    for row, bag in zip(rows, bags):
        # the most shared word; of equally shared ones the longest (the
        # more specific: "wisatawan" before "hotel")
        key = max(bag, key=lambda w: (frequency[w], len(w), w)) \
            if bag else ""
        groups.setdefault(key, []).append(row)
    ordered = sorted(groups.items(),
                     key=lambda kv: (kv[0] == "", -len(kv[1]), kv[0]))
    return [{"label": key, "count": len(items), "items": items}
            for key, items in ordered[:max_groups]]
