#!/usr/bin/env python3
"""Exports the CLIP ViT-L/14 image encoder as VALOR++ uses it, as a TorchScript encoder of an
Earmark model pack.

Needs: torch, transformers and the weights of openai/clip-vit-large-patch14 (downloaded by
transformers or a local folder). Run where they are available:

    python3 export_clip.py --pack PACK [--model openai/clip-vit-large-patch14] [--name visual]

Input of the exported module: one window of frames [1, N, 3, 224, 224]; output [1, N, 768], the
L2-normalised image embeddings (VALOR's CLIP/features). The preprocessing written to the
manifest is VALOR's (utils/clip_preprocess.py): 10 frames per 10-s window picked with
round(linspace(0, n - 1, 10)) among the frames of an 8-fps extraction (utils/extract_frames.py),
resized to 224x224 without crop (bilinear), normalised with CLIP's mean and std.
"""

import argparse
import os

import torch
import torch.nn as nn

from packjson import add_citation, load_manifest, put, save_manifest

CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073]
CLIP_STD = [0.26862954, 0.26130258, 0.27577711]


class ClipFrames(nn.Module):
    def __init__(self, clip):
        super().__init__()
        self.vision = clip.vision_model
        self.projection = clip.visual_projection

    def forward(self, frames):
        b, n = frames.shape[0], frames.shape[1]
        pixels = frames.reshape(b * n, frames.shape[2], frames.shape[3], frames.shape[4])
        pooled = self.vision(pixel_values=pixels, return_dict=False)[1]
        embeds = self.projection(pooled)
        embeds = embeds / embeds.norm(p=2, dim=-1, keepdim=True)
        return embeds.reshape(b, n, embeds.shape[-1])


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pack", required=True, help="the pack folder (created if missing)")
    p.add_argument("--model", default="openai/clip-vit-large-patch14")
    p.add_argument("--name", default="visual", help="the encoder's name in the manifest")
    p.add_argument("--file", default="clip_vit_l14.pt")
    args = p.parse_args()

    from transformers import CLIPModel
    clip = CLIPModel.from_pretrained(args.model).eval()
    module = ClipFrames(clip).eval()
    example = torch.randn(1, 10, 3, 224, 224)
    with torch.no_grad():
        traced = torch.jit.trace(module, example, check_trace=False)
        reference = module(example)
        if (traced(example) - reference).abs().max() > 1e-4:
            raise SystemExit("the traced module does not reproduce the model")
    manifest = load_manifest(args.pack)
    traced.save(os.path.join(args.pack, args.file))
    put(manifest, "encoders", {
        "name": args.name, "input": "frames", "kind": "torchscript", "file": args.file,
        "output": "vector",
        "frames": {"sampling": "linspace", "count": 10, "source_fps": 8, "width": 224,
                   "height": 224, "resize": "stretch", "filter": "bilinear",
                   "mean": CLIP_MEAN, "std": CLIP_STD},
    })
    add_citation(manifest, "Radford et al., Learning Transferable Visual Models From Natural "
                           "Language Supervision, ICML 2021 (CLIP, MIT licence)")
    save_manifest(args.pack, manifest)
    print("wrote", os.path.join(args.pack, args.file), "and its entry in pack.json")


if __name__ == "__main__":
    main()
