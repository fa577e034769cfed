"""Helpers shared by the export scripts: add an encoder or head entry to a pack's manifest.

The scripts write TorchScript files and the exact preprocessing their published feature
extractors use into <pack>/pack.json. Afterwards `earmark pack checksum PACK` writes the files'
sizes and SHA-256 sums, and `earmark pack add PACK` installs it.
"""

import json
import os


def load_manifest(pack, pack_id=None, name=None, version="1.0.0", licence=None, citation=None):
    path = os.path.join(pack, "pack.json")
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    os.makedirs(pack, exist_ok=True)
    return {
        "earmark_pack": 1,
        "id": pack_id or os.path.basename(os.path.abspath(pack)).lower(),
        "name": name or os.path.basename(os.path.abspath(pack)),
        "version": version,
        "licence": licence or "see the licences of the exported models",
        "citation": citation or "",
        "window": {"length": 10, "segment": 1},
        "inputs": {},
        "encoders": [],
        "heads": [],
        "vocabularies": {},
    }


def save_manifest(pack, manifest):
    path = os.path.join(pack, "pack.json")
    tmp = path + ".part"
    with open(tmp, "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    os.replace(tmp, path)


def put(manifest, section, entry, key="name"):
    """Adds `entry` to manifest[section], replacing an entry with the same key."""
    items = [e for e in manifest.get(section, []) if e.get(key) != entry.get(key)]
    items.append(entry)
    manifest[section] = items


def add_citation(manifest, text):
    if text and text not in manifest.get("citation", ""):
        manifest["citation"] = (manifest.get("citation", "") + "; " + text).strip("; ")
