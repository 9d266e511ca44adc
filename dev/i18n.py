"""Compile the extension's catalogues: ``make i18n`` (or
``python dev/i18n.py`` on a portal, from the checkout).

For every language, ``ckanext/ppidrequest/i18n/<lang>/LC_MESSAGES/
ckanext-ppidrequest.mo`` is built from two catalogues:

- ``i18n/<lang>/LC_MESSAGES/ckanext-ppidrequest.po``: the extension's own
  texts, kept current with ``pybabel extract`` and ``pybabel update``;
- ``i18n/core/<lang>.po`` (when there is one): translations of CKAN core
  msgids that CKAN's own catalogue lacks or gets wrong, kept by hand
  (``pybabel update`` would mark them obsolete: the extension's code does
  not use them).

CKAN merges each plugin's catalogue over its own, so the core entries
reach CKAN's pages; on a msgid both catalogues hold, the extension's own
entry wins. The .mo files are build output, never committed.
"""
from __future__ import annotations

import argparse
import pathlib
import sys

from babel.messages import mofile, pofile
from babel.messages.catalog import Catalog

I18N = pathlib.Path(__file__).resolve().parent.parent \
    / "ckanext" / "ppidrequest" / "i18n"
DOMAIN = "ckanext-ppidrequest"


def read(path: pathlib.Path, locale: str) -> Catalog:
    with open(path, "rb") as fh:
        return pofile.read_po(fh, locale=locale)


def merged(lang: str, i18n: pathlib.Path = I18N) -> Catalog:
    """The catalogue of ``lang``: the extension's own entries over the
    core ones."""
    own_path = i18n / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    core_path = i18n / "core" / f"{lang}.po"
    catalogue = read(own_path, lang) if own_path.exists() \
        else Catalog(locale=lang)
    if core_path.exists():
        for message in read(core_path, lang):
            if message.id and (message.id, message.context) \
                    not in _keys(catalogue):
                catalogue[message.id] = message
    return catalogue


def _keys(catalogue: Catalog) -> set:
    return {(m.id, m.context) for m in catalogue if m.id}


def languages(i18n: pathlib.Path = I18N) -> list[str]:
    own = {p.parent.parent.name
           for p in i18n.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    core = {p.stem for p in (i18n / "core").glob("*.po")}
    return sorted(own | core)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--i18n", type=pathlib.Path, default=I18N,
                        help="the catalogues' folder (default: the package's)")
    args = parser.parse_args(argv)
    for lang in languages(args.i18n):
        catalogue = merged(lang, args.i18n)
        target = args.i18n / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as fh:
            mofile.write_mo(fh, catalogue, use_fuzzy=True)
        messages = [m for m in catalogue if m.id]
        done = [m for m in messages if m.string and (
            not isinstance(m.string, (tuple, list)) or all(m.string))]
        print(f"{lang}: {len(done)} of {len(messages)} messages translated"
              f" -> {target.relative_to(args.i18n.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
