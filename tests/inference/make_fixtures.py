#!/usr/bin/python3
"""Generates the inference tests' fixtures in tests/inference/data/ (committed; rerun only to
change them). Needs Debian's python3-torch (1.13) and numpy: /usr/bin/python3 make_fixtures.py

1. Checkpoint files in the variants found in the wild, all holding the same small tensors whose
   values the C++ test recomputes: torch.save zip, legacy (non-zip) format, pickle protocol 4,
   {"state_dict": ...} and {"model": ...} wrappers with other entries around them, "module." /
   "__M__." / "sed_model." prefixes, fp16, safetensors, TorchScript.
2. Reference outputs of the HAN/VALOR family of AVVP heads for several configurations, from a
   Python implementation written here from the papers' description (HAN: Tian et al., ECCV
   2020, "Unified multisensory perception: weakly-supervised audio-visual video parsing"; VALOR:
   Lai et al., NeurIPS 2023, "Modality-independent teachers meet weakly-supervised audio-visual
   event parser"), with random weights saved in the checkpoint variants above.
"""

import argparse
import collections
import json
import math
import os
import struct
import zlib

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "data")


# ---------------------------------------------------------------- reference AVVP heads


class HybridAttentionLayer(nn.Module):
    """Self attention within a stream plus cross-modal attention to the other stream, summed
    with the input, then a ReLU feed-forward block; layer norms after (post) or before (pre)."""

    def __init__(self, d, heads, ff, dropout=0.1):
        super().__init__()
        self.self_attn = nn.MultiheadAttention(d, heads, dropout=dropout)
        self.cm_attn = nn.MultiheadAttention(d, heads, dropout=dropout)
        self.linear1 = nn.Linear(d, ff)
        self.dropout = nn.Dropout(dropout)
        self.linear2 = nn.Linear(ff, d)
        self.norm1 = nn.LayerNorm(d)
        self.norm2 = nn.LayerNorm(d)
        self.dropout11 = nn.Dropout(dropout)
        self.dropout12 = nn.Dropout(dropout)
        self.dropout2 = nn.Dropout(dropout)
        self.activation = nn.ReLU()

    def forward(self, norm, q, kv):
        q = q.transpose(0, 1)  # sequence-first for nn.MultiheadAttention
        kv = kv.transpose(0, 1)
        if norm == "post":
            cross = self.cm_attn(q, kv, kv)[0]
            own = self.self_attn(q, q, q)[0]
            q = self.norm1(q + self.dropout11(cross) + self.dropout12(own))
            q = self.norm2(q + self.dropout2(self.linear2(self.dropout(F.relu(self.linear1(q))))))
        else:
            n = self.norm1(q)
            cross = self.cm_attn(n, kv, kv)[0]
            own = self.self_attn(n, n, n)[0]
            q = q + self.dropout11(cross) + self.dropout12(own)
            q = q + self.dropout2(self.linear2(self.dropout(F.relu(self.linear1(self.norm2(q))))))
        return q.transpose(0, 1)


class HanEncoder(nn.Module):
    """HAN: each layer maps the ORIGINAL inputs (the published loop overwrites its outputs), so
    the last layer decides. Holds two unused norms as the published module does."""

    def __init__(self, d, heads, ff, layers):
        super().__init__()
        self.layers = nn.ModuleList([HybridAttentionLayer(d, heads, ff) for _ in range(layers)])
        self.norm1 = nn.LayerNorm(d)
        self.norm2 = nn.LayerNorm(d)

    def forward(self, norm, a, v):
        out_a, out_v = a, v
        for layer in self.layers:
            out_a = layer(norm, a, v)
            out_v = layer(norm, v, a)
        return out_a, out_v


class ValorEncoder(nn.Module):
    """VALOR: audio updated first, the visual stream attends to the updated audio; layers chain;
    a final norm per stream with pre-norm."""

    def __init__(self, d, heads, ff, layers):
        super().__init__()
        self.layers = nn.ModuleList([HybridAttentionLayer(d, heads, ff) for _ in range(layers)])
        self.final_norm_a = nn.LayerNorm(d)
        self.final_norm_v = nn.LayerNorm(d)

    def forward(self, norm, a, v):
        for layer in self.layers:
            a = layer(norm, a, v)
            v = layer(norm, v, a)
        if norm == "pre":
            a, v = self.final_norm_a(a), self.final_norm_v(v)
        return a, v


class AvvpHead(nn.Module):
    """Feature projections, the hybrid attention encoder, and attentive MMIL pooling."""

    def __init__(self, arch, a_dim, v_dim, hidden, heads, ff, layers, norm, classes=25):
        super().__init__()
        self.norm = norm
        self.a_dim = a_dim
        self.hidden = hidden
        self.fc_prob = nn.Linear(hidden, classes)
        self.fc_frame_att = nn.Linear(hidden, classes)
        self.fc_av_att = nn.Linear(hidden, classes)
        self.fc_a = nn.Linear(a_dim, hidden)
        self.fc_v = nn.Linear(v_dim, hidden)
        self.fc_st = nn.Linear(512, hidden)
        self.fc_fusion = nn.Linear(2 * hidden, hidden)
        if arch == "han":
            # Modules the published HAN model defines but never calls; its checkpoints hold them.
            self.audio_encoder = nn.TransformerEncoder(
                nn.TransformerEncoderLayer(d_model=hidden, nhead=1, dim_feedforward=hidden), 1)
            self.visual_encoder = nn.TransformerEncoder(
                nn.TransformerEncoderLayer(d_model=hidden, nhead=1, dim_feedforward=hidden), 1)
            self.hat_encoder = HanEncoder(hidden, heads, ff, layers)
        else:
            self.hat_encoder = ValorEncoder(hidden, heads, ff, layers)

    def forward(self, audio, visual, st):
        if audio.size(1) == 64:
            # A CLAP feature map of 64 tokens: as 2 rows of 32, bicubically widened to 1024,
            # projected, averaged over the rows and pooled to 10 segments.
            x = audio.permute(0, 2, 1).contiguous().view(-1, self.a_dim, 2, 32)
            x = F.interpolate(x, size=(2, 1024), mode="bicubic")
            x = self.fc_a(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2).mean(dim=2)
            a = F.adaptive_avg_pool1d(x, 10).permute(0, 2, 1)
        else:
            a = self.fc_a(audio)
        if visual.size(1) == 80:  # 8 frame features per segment, averaged after projection
            v = self.fc_v(visual).permute(0, 2, 1).unsqueeze(-1)
            v = F.avg_pool2d(v, (8, 1)).squeeze(-1).permute(0, 2, 1)
        else:
            v = self.fc_v(visual)
        v = self.fc_fusion(torch.cat((v, self.fc_st(st)), dim=-1))
        a, v = self.hat_encoder(self.norm, a, v)
        x = torch.cat([a.unsqueeze(-2), v.unsqueeze(-2)], dim=-2)  # B, T, 2, H
        frame_prob = torch.sigmoid(self.fc_prob(x))
        frame_att = torch.softmax(self.fc_frame_att(x), dim=1)
        av_att = torch.softmax(self.fc_av_att(x), dim=2)
        temporal = frame_att * frame_prob
        global_prob = (temporal * av_att).sum(dim=2).sum(dim=1)
        return global_prob, temporal[:, :, 0].sum(1), temporal[:, :, 1].sum(1), frame_prob


# ---------------------------------------------------------------- writers


def save_safetensors(path, tensors, metadata=None):
    """The safetensors layout: u64 header length, JSON header, raw little-endian data."""
    names = {torch.float32: "F32", torch.float16: "F16", torch.float64: "F64",
             torch.int64: "I64", torch.int32: "I32", torch.bool: "BOOL", torch.uint8: "U8",
             torch.bfloat16: "BF16"}
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        t = t.contiguous()
        data = t.view(torch.uint8).numpy().tobytes() if t.dtype == torch.bfloat16 \
            else t.numpy().tobytes()
        header[name] = {"dtype": names[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = metadata
    raw = json.dumps(header).encode()
    raw += b" " * ((8 - len(raw) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for b in blobs:
            f.write(b)


def prefixed(sd, prefix):
    return collections.OrderedDict((prefix + k, v) for k, v in sd.items())


# ---------------------------------------------------------------- checkpoint variants


def reader_tensors():
    """Small tensors whose values tst_checkpoint recomputes: see its expectations."""
    sd = collections.OrderedDict()
    sd["layer.weight"] = torch.arange(6, dtype=torch.float32).reshape(2, 3) * 0.5
    sd["layer.bias"] = torch.tensor([1.5, -2.25], dtype=torch.float16)
    sd["steps"] = torch.tensor(7, dtype=torch.int64)
    base = torch.arange(12, dtype=torch.float64).reshape(3, 4)
    sd["transposed"] = base.t()  # non-contiguous: strides (1, 4)
    sd["row"] = base[1]          # a view into the same storage at offset 4
    sd["flags"] = torch.tensor([True, False, True])
    sd["brain"] = torch.tensor([0.5, -1.0], dtype=torch.bfloat16)
    return sd


def write_checkpoint_variants():
    sd = reader_tensors()
    d = os.path.join(OUT, "checkpoints")
    os.makedirs(d, exist_ok=True)
    torch.save(sd, os.path.join(d, "zip.pt"))
    torch.save(sd, os.path.join(d, "legacy.pt"), _use_new_zipfile_serialization=False)
    torch.save(sd, os.path.join(d, "protocol4.pt"), pickle_protocol=4)
    torch.save({"epoch": 3, "global_step": 1200,
                "state_dict": prefixed(sd, "sed_model."),
                "optimizer_states": [{"state": {}, "param_groups": [{"lr": 1e-4}]}],
                "hyper_parameters": {"lr": 1e-4, "name": "run", "sizes": (1, 2)}},
               os.path.join(d, "lightning.pt"))
    torch.save({"model": prefixed(sd, "module."), "args": argparse.Namespace(lr=0.1, bs=4),
                "best_score": np.float64(0.75)},
               os.path.join(d, "wrapped_model.pt"), _use_new_zipfile_serialization=False)
    torch.save(prefixed(sd, "__M__."), os.path.join(d, "equiav_prefix.pt"))
    safe = collections.OrderedDict((k, v) for k, v in sd.items() if k != "transposed")
    save_safetensors(os.path.join(d, "tensors.safetensors"), safe, {"format": "pt"})

    class Scripted(nn.Module):
        def __init__(self):
            super().__init__()
            self.layer = nn.Linear(3, 2)
            self.register_buffer("steps", torch.tensor(7))
            with torch.no_grad():
                self.layer.weight.copy_(sd["layer.weight"])
                self.layer.bias.copy_(sd["layer.bias"].float())

        def forward(self, x):
            return self.layer(x)

    torch.jit.script(Scripted()).save(os.path.join(d, "scripted.pt"))
    with open(os.path.join(d, "not_a_checkpoint.pt"), "wb") as f:
        f.write(b"hello, this is text and not a checkpoint\n")
    raw = open(os.path.join(d, "legacy.pt"), "rb").read()
    with open(os.path.join(d, "truncated_legacy.pt"), "wb") as f:
        f.write(raw[: len(raw) - 20])


# ---------------------------------------------------------------- AVVP head references

CONFIGS = [
    # name, arch, audio rows x dim, visual rows x dim, hidden, heads, ff, layers, norm, variant
    ("han_legacy", "han", (10, 16), (80, 24), 32, 1, 32, 2, "post", "legacy-module"),
    ("valor_pre", "valor", (10, 16), (80, 24), 32, 4, 64, 3, "pre", "lightning"),
    ("valorpp_fp16", "valor++", (64, 24), (10, 20), 32, 8, 48, 2, "post", "fp16-equiav"),
    ("valor_safetensors", "valor", (10, 16), (10, 20), 24, 2, 40, 1, "post", "safetensors"),
]


def write_avvp_references():
    d = os.path.join(OUT, "avvp")
    os.makedirs(d, exist_ok=True)
    index = []
    for name, arch, a_shape, v_shape, hidden, heads, ff, layers, norm, variant in CONFIGS:
        torch.manual_seed(zlib.crc32(name.encode()))
        model = AvvpHead("han" if arch == "han" else "valor", a_shape[1], v_shape[1], hidden,
                         heads, ff, layers, norm)
        # Spread the random weights so outputs vary across classes; not with pre-norm, whose
        # unnormalised residual stream then grows until float32 rounding shows at 1e-4.
        scale = 1.0 if norm == "pre" else 2.0
        with torch.no_grad():
            for p in model.parameters():
                p.mul_(scale)
        if variant.startswith("fp16"):
            with torch.no_grad():  # the checkpoint stores fp16: compute with rounded weights
                for p in model.parameters():
                    p.copy_(p.half().float())
        model.eval()
        batch = 2
        audio = torch.randn(batch, *a_shape)
        visual = torch.randn(batch, *v_shape)
        st = torch.randn(batch, 10, 512)
        with torch.no_grad():
            g, a, v, frame = model(audio, visual, st)
        sd = model.state_dict()
        ckpt = os.path.join(d, name + (".safetensors" if variant == "safetensors" else ".pt"))
        if variant == "legacy-module":
            torch.save(prefixed(sd, "module."), ckpt, _use_new_zipfile_serialization=False)
        elif variant == "lightning":
            torch.save({"state_dict": prefixed(sd, "model."), "epoch": 7}, ckpt)
        elif variant == "fp16-equiav":
            torch.save(prefixed(collections.OrderedDict((k, t.half()) for k, t in sd.items()),
                                "__M__."), ckpt)
        else:
            save_safetensors(ckpt, sd)
        for i in range(batch):
            for key, t in (("audio", audio), ("visual", visual), ("st", st),
                           ("global_prob", g), ("a_prob", a), ("v_prob", v),
                           ("frame_prob", frame)):
                np.save(os.path.join(d, "%s_vid%d_%s.npy" % (name, i, key)),
                        t[i].numpy().astype(np.float32))
        index.append({"name": name, "arch": arch, "checkpoint": os.path.basename(ckpt),
                      "hidden": hidden, "heads": heads, "ff": ff, "layers": layers,
                      "norm": norm, "videos": batch})
    with open(os.path.join(d, "configs.json"), "w") as f:
        json.dump(index, f, indent=1)


def write_npy_variants():
    """The same 2x3 values 0, 1.5, -2, 3.25, 4, -5.5 in dtypes and layouts .npy files use."""
    d = os.path.join(OUT, "npy")
    os.makedirs(d, exist_ok=True)
    values = np.array([[0, 1.5, -2], [3.25, 4, -5.5]])
    np.save(os.path.join(d, "f4.npy"), values.astype("<f4"))
    np.save(os.path.join(d, "f8.npy"), values.astype("<f8"))
    np.save(os.path.join(d, "f2.npy"), values.astype("<f2"))
    np.save(os.path.join(d, "big_endian_f4.npy"), values.astype(">f4"))
    np.save(os.path.join(d, "fortran.npy"), np.asfortranarray(values.astype("<f4")))
    np.save(os.path.join(d, "i8.npy"), (values * 4).astype("<i8"))
    np.save(os.path.join(d, "u1.npy"), np.array([0, 7, 255], dtype="u1"))
    np.save(os.path.join(d, "bool.npy"), np.array([True, False]))
    np.save(os.path.join(d, "scalar.npy"), np.float32(2.5))
    np.save(os.path.join(d, "three_d.npy"), np.arange(24, dtype="<f4").reshape(2, 3, 4))
    with open(os.path.join(d, "v2.npy"), "wb") as f:
        np.lib.format.write_array(f, values.astype("<f4"), version=(2, 0))
    np.save(os.path.join(d, "strings.npy"), np.array(["a", "b"]))


def write_encoders():
    """A TorchScript audio encoder as a person would export one: one window [1, samples] in,
    [1, 10, 16] per-segment features out."""
    d = os.path.join(OUT, "encoders")
    os.makedirs(d, exist_ok=True)

    class SegmentEnergy(nn.Module):
        def __init__(self):
            super().__init__()
            self.proj = nn.Linear(4, 16)

        def forward(self, waveform):
            segments = waveform.reshape(waveform.shape[0], 10, -1)
            stats = torch.stack([segments.abs().mean(-1), segments.std(-1),
                                 segments.max(-1).values, segments.min(-1).values], -1)
            return torch.tanh(self.proj(stats * 4.0))

    torch.manual_seed(5)
    torch.jit.script(SegmentEnergy()).save(os.path.join(d, "segment_energy.pt"))


if __name__ == "__main__":
    torch.set_num_threads(1)
    write_npy_variants()
    write_checkpoint_variants()
    write_avvp_references()
    write_encoders()
    print("fixtures written to", OUT)
