"""peksos.widgets.assets: payload packing for the static markup."""
from __future__ import annotations

import json

from peksos.widgets import assets


def test_pack_stores_repeated_objects_once_and_unpack_restores_them():
    principle = {"ref": "principles.casework.general#1", "label": "Penerimaan", "url": "casework.html#p"}
    data = {"id": "v", "nodes": {"a": {"choices": [{"applies": [principle]}, {"applies": [principle, {"x": 1}]}]},
                                 "b": {"choices": [{"violates": [dict(principle)]}]}}}
    packed = assets.pack(data)
    assert packed["$pk"] == 1 and packed["t"] == [principle]
    assert json.dumps(packed).count("Penerimaan") == 1
    assert assets.unpack(packed) == data


def test_pack_leaves_data_without_repeats_alone():
    data = {"items": [{"id": "a", "prompt": "Satu soal yang cukup panjang untuk dibagi"}, {"id": "b"}], "x": None}
    assert assets.pack(data) is data
    assert assets.unpack(data) is data


def test_markup_carries_the_packed_payload():
    shared = {"label": "Sebuah prinsip yang dirujuk dua kali", "url": "#a"}
    html = assets.markup("vignette", {"id": "v", "a": [shared, shared]}, "perlu JavaScript")
    assert '"$pk":1' in html and html.count("dirujuk dua kali") == 1
