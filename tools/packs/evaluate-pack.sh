#!/bin/sh
# Scores a model pack on clips made by `earmark synth` with `earmark analyze` and `earmark eval`,
# and writes the scores into the pack manifest's "metrics" (pack.json is not checksummed).
#
# usage: tools/packs/evaluate-pack.sh PACK_DIR CLIPS_DIR [WORK_DIR]
#   EARMARK: the earmark binary (default: earmark on PATH)
# One library per task, so each task's truth is the only confirmed annotation there.
set -eu
pack=$(cd "$1" && pwd)
clips=$(cd "$2" && pwd)
work=${3:-$(mktemp -d)}
mkdir -p "$work"
E=${EARMARK:-earmark}
here=$(dirname "$0")
id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$pack/pack.json")
for task in avvp ave avs; do
    rm -f "$work/$task.sqlite"
    "$E" analyze --library "$work/$task.sqlite" --pack "$pack" --task "$task" \
        "$clips"/videos/*.mp4 > "$work/$task.analyze.log" 2>&1
done
python3 "$here/synth_truth_jsonl.py" "$clips" "$id synth" "$work"
"$E" import --library "$work/avvp.sqlite" --format jsonl "$work/avvp.jsonl" > /dev/null
"$E" import --library "$work/ave.sqlite" --format jsonl "$work/ave.jsonl" > /dev/null
"$E" import --library "$work/avs.sqlite" --format avsbench --label-set "$id sounding objects" \
    "$clips/avsbench" > /dev/null
for task in avvp ave avs; do
    "$E" eval "$task" --library "$work/$task.sqlite" --run all --json > "$work/$task.json"
done
python3 - "$pack/pack.json" "$work" "$clips" <<'PY'
import json, os, sys
path, work, clips = sys.argv[1:]
with open(path, encoding="utf-8") as f:
    manifest = json.load(f)
with open(os.path.join(clips, "synth.json"), encoding="utf-8") as f:
    synth = json.load(f)
def score(task):
    with open(os.path.join(work, task + ".json"), encoding="utf-8") as f:
        return json.load(f)
avvp, ave, avs = score("avvp"), score("ave"), score("avs")
manifest["metrics"] = {
    "clips": {"count": synth["count"], "seed": synth["seed"], "split": synth["split"],
              "assets": synth.get("asset_pool", "")},
    "avvp_segment": avvp["segment"], "avvp_event": avvp["event"],
    "ave_accuracy": ave["accuracy"],
    "avs_miou": avs["miou"] / 100.0, "avs_fmeasure": avs["fmeasure"] / 100.0,
    "measured_with": "tools/packs/evaluate-pack.sh: earmark analyze, then earmark eval "
                     "--library --run all per task",
}
tmp = path + ".part"
with open(tmp, "w", encoding="utf-8") as f:
    json.dump(manifest, f, indent=4, sort_keys=True)
    f.write("\n")
os.replace(tmp, path)
m = manifest["metrics"]
s = m["avvp_segment"]
print("AVVP segment Type@AV %.2f Event@AV %.2f (audio %.2f, visual %.2f, audio-visual %.2f)"
      % (s["type"], s["event"], s["audio"], s["visual"], s["audio_visual"]))
print("AVE accuracy %.2f %%" % m["ave_accuracy"])
print("AVS mIoU %.3f, F-measure %.3f" % (m["avs_miou"], m["avs_fmeasure"]))
PY
