#!/usr/bin/env python3
"""Exports the CLAP (LAION 630k, fusion) audio feature map that VALOR++ uses, as a TorchScript
encoder of an Earmark model pack.

Needs: torch, torchaudio, laion_clap and its 630k-fusion checkpoint (model_id 2). Run where they
are available:

    python3 export_clap.py --pack PACK [--name audio]

Input of the exported module: one 10-s window of mono audio at 48 kHz, [1, samples]; output the
HTS-AT feature map [1, 64, 768] that VALOR's heads interpolate to 10 segments. Everything
VALOR's utils/clap_preprocess.py does after loading the audio happens inside the module: the
index-based resampling to exactly 480,000 samples (round(linspace(0, n - 1, 480000))), the int16
round trip, the log-mel spectrogram (torchaudio, CLAP's audio_cfg), the fusion input of four
copies (audio of exactly 10 s), bn0 and the HTS-AT layers up to the final norm.
Earmark decodes and resamples the audio to 48 kHz with FFmpeg (librosa used soxr): the manifest
records 48 kHz mono.
"""

import argparse
import os

import torch
import torch.nn as nn
import torchaudio

from packjson import add_citation, load_manifest, put, save_manifest

MAX_LEN = 480000


class ClapFeatureMap(nn.Module):
    def __init__(self, clap_model, audio_cfg):
        super().__init__()
        self.branch = clap_model.audio_branch
        self.mel = torchaudio.transforms.MelSpectrogram(
            sample_rate=audio_cfg["sample_rate"], n_fft=audio_cfg["window_size"],
            win_length=audio_cfg["window_size"], hop_length=audio_cfg["hop_size"], center=True,
            pad_mode="reflect", power=2.0, norm=None, onesided=True, n_mels=64,
            f_min=audio_cfg["fmin"], f_max=audio_cfg["fmax"])
        self.to_db = torchaudio.transforms.AmplitudeToDB(top_db=None)

    def forward(self, waveform):
        x = waveform[0]
        index = torch.round(torch.linspace(0, x.shape[0] - 1, MAX_LEN)).long()
        x = x[index]
        # float32 -> int16 -> float32 as CLAP's loaders do (numpy's astype truncates).
        x = torch.trunc(torch.clamp(x, -1.0, 1.0) * 32767.0) / 32767.0
        mel = self.to_db(self.mel(x)).transpose(0, 1)           # (T, 64)
        fusion = torch.stack([mel, mel, mel, mel], dim=0)[None]  # (1, 4, T, 64)
        h = fusion.transpose(1, 3)
        h = self.branch.bn0(h)
        h = h.transpose(1, 3)
        h = self.branch.reshape_wav2img(h)
        h = self.branch.patch_embed(h, longer_idx=[])
        if self.branch.ape:
            h = h + self.branch.absolute_pos_embed
        h = self.branch.pos_drop(h)
        for layer in self.branch.layers:
            h, _ = layer(h)
        h = self.branch.norm(h)                                   # (1, 64, 768)
        return h


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pack", required=True)
    p.add_argument("--name", default="audio")
    p.add_argument("--file", default="clap_630k_fusion_map.pt")
    args = p.parse_args()

    import laion_clap
    clap = laion_clap.CLAP_Module(enable_fusion=True, device="cpu")
    clap.load_ckpt(model_id=2)  # 630k fusion, as VALOR
    clap.eval()
    module = ClapFeatureMap(clap.model, clap.model_cfg["audio_cfg"]).eval()
    example = torch.randn(1, MAX_LEN).clamp(-1, 1) * 0.1
    with torch.no_grad():
        traced = torch.jit.trace(module, example, check_trace=False)
        if (traced(example) - module(example)).abs().max() > 1e-4:
            raise SystemExit("the traced module does not reproduce the model")
    manifest = load_manifest(args.pack)
    traced.save(os.path.join(args.pack, args.file))
    put(manifest, "encoders", {
        "name": args.name, "input": "audio", "kind": "torchscript", "file": args.file,
        "output": "vector", "audio": {"sample_rate": 48000, "channels": 1},
    })
    add_citation(manifest, "Wu et al., Large-scale Contrastive Language-Audio Pretraining with "
                           "Feature Fusion and Keyword-to-Caption Augmentation, ICASSP 2023 "
                           "(CLAP, CC0 weights)")
    save_manifest(args.pack, manifest)
    print("wrote", os.path.join(args.pack, args.file), "and its entry in pack.json")


if __name__ == "__main__":
    main()
