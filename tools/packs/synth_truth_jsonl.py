#!/usr/bin/env python3
"""Writes the truth of an `earmark synth` folder as Earmark JSON Lines, in the label set a model
pack's runs use, so `earmark eval --library` can score the pack on every class of the clips
(LLP's and AVE's files only know those benchmarks' own classes).

usage: synth_truth_jsonl.py CLIPS_DIR LABEL_SET OUT_DIR
writes OUT_DIR/avvp.jsonl (heard and seen events, dense) and OUT_DIR/ave.jsonl (each clip's
primary audio-visual event)."""

import json
import os
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    clips_dir, label_set, out_dir = sys.argv[1:]
    with open(os.path.join(clips_dir, "synth.json"), encoding="utf-8") as f:
        synth = json.load(f)
    avvp, ave = [], []
    for clip in synth["clips"]:
        name = clip["name"]
        for event in clip["events"]:
            for modality in ("audio", "visual"):
                span = event.get(modality)
                if span and span[1] > span[0]:
                    avvp.append({"video": name, "label_set": label_set, "class": event["class"],
                                 "modality": modality, "onset": span[0], "offset": span[1],
                                 "status": "accepted"})
            if event.get("primary"):
                a, v = event.get("audio"), event.get("visual")
                if a and v:
                    on, off = max(a[0], v[0]), min(a[1], v[1])
                    if off > on:
                        ave.append({"video": name, "label_set": label_set,
                                    "class": event["class"], "modality": "audio_visual",
                                    "onset": on, "offset": off, "status": "accepted"})
    for file, rows in (("avvp.jsonl", avvp), ("ave.jsonl", ave)):
        with open(os.path.join(out_dir, file), "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
