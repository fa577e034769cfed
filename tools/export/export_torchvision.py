#!/usr/bin/env python3
"""Exports the visual feature extractors of HAN and VALOR (ResNet152 frame features and
R(2+1)D-18 clip features, torchvision's ImageNet and Kinetics-400 weights) as TorchScript
encoders of an Earmark model pack.

    python3 export_torchvision.py --pack PACK resnet152 [--name visual]
    python3 export_torchvision.py --pack PACK r2plus1d [--name st]

resnet152: input [1, 80, 3, 224, 224] (8 frames per second of a 10-s window), output
[1, 80, 2048] pooled features; the head averages each second's 8.
r2plus1d: input [1, 80, 3, 112, 112], output [1, 10, 512]: one clip of 8 frames per second.
Both with ImageNet / Kinetics normalisation as torchvision's weights document.
"""

import argparse
import os

import torch
import torch.nn as nn

from packjson import add_citation, load_manifest, put, save_manifest


class FrameFeatures(nn.Module):
    def __init__(self, resnet):
        super().__init__()
        self.body = nn.Sequential(*list(resnet.children())[:-1])

    def forward(self, frames):
        b, n = frames.shape[0], frames.shape[1]
        x = self.body(frames.reshape(b * n, 3, frames.shape[3], frames.shape[4]))
        return x.reshape(b, n, -1)


class ClipFeatures(nn.Module):
    def __init__(self, r21d, frames_per_clip):
        super().__init__()
        self.body = nn.Sequential(*list(r21d.children())[:-1])
        self.k = frames_per_clip

    def forward(self, frames):
        b, n = frames.shape[0], frames.shape[1]
        t = n // self.k
        x = frames.reshape(b * t, self.k, 3, frames.shape[3], frames.shape[4]).transpose(1, 2)
        return self.body(x).reshape(b, t, -1)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model", choices=["resnet152", "r2plus1d"])
    p.add_argument("--pack", required=True)
    p.add_argument("--name")
    args = p.parse_args()
    import torchvision.models as tvm
    import torchvision.models.video as tvv
    if args.model == "resnet152":
        weights = tvm.ResNet152_Weights.IMAGENET1K_V1
        module, size, name = FrameFeatures(tvm.resnet152(weights=weights)), 224, args.name or "visual"
        mean, std = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
        cite = "He et al., Deep Residual Learning for Image Recognition, CVPR 2016"
    else:
        weights = tvv.R2Plus1D_18_Weights.KINETICS400_V1
        module, size, name = ClipFeatures(tvv.r2plus1d_18(weights=weights), 8), 112, args.name or "st"
        mean, std = [0.43216, 0.394666, 0.37645], [0.22803, 0.22145, 0.216989]
        cite = "Tran et al., A Closer Look at Spatiotemporal Convolutions for Action Recognition, CVPR 2018"
    module.eval()
    example = torch.randn(1, 80, 3, size, size)
    with torch.no_grad():
        traced = torch.jit.trace(module, example)
    manifest = load_manifest(args.pack)
    filename = args.model + ".pt"
    traced.save(os.path.join(args.pack, filename))
    put(manifest, "encoders", {
        "name": name, "input": "frames", "kind": "torchscript", "file": filename, "output": "vector",
        "frames": {"sampling": "uniform", "fps": 8, "phase": 0.0, "width": size, "height": size,
                   "resize": "stretch", "filter": "bilinear", "mean": mean, "std": std},
    })
    add_citation(manifest, cite)
    save_manifest(args.pack, manifest)
    print("wrote", os.path.join(args.pack, filename), "and its entry in pack.json")


if __name__ == "__main__":
    main()
