#!/usr/bin/env python3
"""Adds a published AVVP head checkpoint (HAN, VALOR, VALOR++) to an Earmark model pack: copies
the checkpoint as it was distributed (Earmark reads torch.save files itself, no conversion) and
writes its entry and the LLP vocabulary into pack.json.

    python3 add_head.py --pack PACK --arch valor++ --checkpoint model_VALOR++.pt \
        --hidden 256 --heads 8 --ff 1024 --layers 4 --norm post \
        --audio audio --visual visual --st st

Then: earmark pack checksum PACK && earmark pack add PACK
"""

import argparse
import os
import shutil

from packjson import load_manifest, put, save_manifest

LLP = ["Speech", "Car", "Cheering", "Dog", "Cat", "Frying_(food)", "Basketball_bounce",
       "Fire_alarm", "Chainsaw", "Cello", "Banjo", "Singing", "Chicken_rooster", "Violin_fiddle",
       "Vacuum_cleaner", "Baby_laughter", "Accordion", "Lawn_mower", "Motorcycle", "Helicopter",
       "Acoustic_guitar", "Telephone_bell_ringing", "Baby_cry_infant_cry", "Blender", "Clapping"]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pack", required=True)
    p.add_argument("--arch", required=True, choices=["han", "valor", "valor++", "link"])
    p.add_argument("--checkpoint", required=True)
    for k in ("hidden", "heads", "ff", "layers"):
        p.add_argument("--" + k, type=int)
    p.add_argument("--norm", choices=["pre", "post"])
    p.add_argument("--audio", default="audio")
    p.add_argument("--visual", default="visual")
    p.add_argument("--st", default="st")
    args = p.parse_args()
    manifest = load_manifest(args.pack)
    name = "avvp_" + os.path.basename(args.checkpoint)
    shutil.copyfile(args.checkpoint, os.path.join(args.pack, name))
    config = {k: getattr(args, k) for k in ("hidden", "heads", "ff", "layers", "norm")
              if getattr(args, k) is not None}
    put(manifest, "heads", {"task": "avvp", "arch": args.arch, "file": name, "vocabulary": "llp",
                            "config": config, "threshold": 0.5,
                            "features": {"audio": args.audio, "visual": args.visual, "st": args.st}},
        key="task")
    manifest.setdefault("vocabularies", {})["llp"] = LLP
    tasks = manifest.setdefault("tasks", [])
    if "avvp" not in tasks:
        tasks.append("avvp")
    save_manifest(args.pack, manifest)
    print("added", name, "to", os.path.join(args.pack, "pack.json"))


if __name__ == "__main__":
    main()
