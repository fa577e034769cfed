#!/usr/bin/python3
"""The Python side of bench_heads: runs the same heads with Debian's python3-torch, on the
weights and inputs the C++ benchmark wrote, and prints per-window times and the outputs.

Usage: bench_reference.py SPEC.json
SPEC: {"threads": N, "repeats": R, "heads": [{"name", "kind", "config", "checkpoint",
       "inputs": [npy paths], "output": npy path to write}]}
Prints one JSON line per head: {"name", "ms_per_window"}.

HAN/VALOR come from make_fixtures.py (written from the papers); LINK's modules, the AVE head and
the AVS decoder mirror Earmark's C++ modules (inference/internal/heads.cpp) operation for
operation, with the same parameter names, so the same state_dict loads into both.
"""

import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_fixtures as ref  # noqa: E402


class AdaptiveLayer(ref.HybridAttentionLayer):
    """LINK: learnable weights of the cross-modal (alpha) and self (beta) attention."""

    def __init__(self, d, heads, ff, dropout=0.1):
        super().__init__(d, heads, ff, dropout)
        self.alpha = nn.Parameter(torch.ones(1))
        self.beta = nn.Parameter(torch.ones(1))

    def forward(self, norm, q, kv):
        q = q.transpose(0, 1)
        kv = kv.transpose(0, 1)
        cross = self.cm_attn(q, kv, kv)[0]
        own = self.self_attn(q, q, q)[0]
        q = self.norm1(q + self.alpha * self.dropout11(cross) + self.beta * self.dropout12(own))
        q = self.norm2(q + self.dropout2(self.linear2(self.dropout(F.relu(self.linear1(q))))))
        return q.transpose(0, 1)


class TemporalSpatial(nn.Module):
    def __init__(self, d, heads, dropout=0.1):
        super().__init__()
        self.temporal_attn = nn.MultiheadAttention(d, heads, dropout=dropout)
        self.norm = nn.LayerNorm(d)
        self.channel_fc1 = nn.Linear(d, max(1, d // 4))
        self.channel_fc2 = nn.Linear(max(1, d // 4), d)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        s = x.transpose(0, 1)
        t = self.norm(x + self.dropout(self.temporal_attn(s, s, s)[0].transpose(0, 1)))
        gate = torch.sigmoid(self.channel_fc2(F.relu(self.channel_fc1(t.mean(1)))))
        return t * gate.unsqueeze(1)


class Semantic(nn.Module):
    def __init__(self, d, classes, text_dim):
        super().__init__()
        self.to_text = nn.Linear(d, text_dim)
        self.label_proj = nn.Linear(text_dim, d)
        self.gamma = nn.Linear(d, d)
        self.shift = nn.Linear(d, d)
        self.register_buffer("label_text", torch.zeros(classes, text_dim))
        self.logit_scale = nn.Parameter(torch.full((1,), math.log(1 / 0.07)))

    def forward(self, x):
        z = F.normalize(self.to_text(x), dim=-1)
        labels = F.normalize(self.label_text, dim=-1)
        sim = z @ labels.t()
        weights = (sim * self.logit_scale.exp()).softmax(-1)
        semantics = weights @ self.label_proj(labels)
        return x * (1 + self.gamma(semantics)) + self.shift(semantics), sim


class LinkHead(ref.AvvpHead):
    def __init__(self, a_dim, v_dim, hidden, heads, ff, layers, norm, text_dim, classes=25):
        super().__init__("valor", a_dim, v_dim, hidden, heads, ff, layers, norm, classes)
        self.hat_encoder.layers = nn.ModuleList(
            [AdaptiveLayer(hidden, heads, ff) for _ in range(layers)])
        self.tsa_a = TemporalSpatial(hidden, heads)
        self.tsa_v = TemporalSpatial(hidden, heads)
        self.sem_a = Semantic(hidden, classes, text_dim)
        self.sem_v = Semantic(hidden, classes, text_dim)

    def forward(self, audio, visual, st):
        if audio.size(1) == 64:
            x = audio.permute(0, 2, 1).contiguous().view(-1, self.a_dim, 2, 32)
            x = F.interpolate(x, size=(2, 1024), mode="bicubic")
            x = self.fc_a(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2).mean(dim=2)
            a = F.adaptive_avg_pool1d(x, 10).permute(0, 2, 1)
        else:
            a = self.fc_a(audio)
        v = self.fc_fusion(torch.cat((self.fc_v(visual), self.fc_st(st)), dim=-1))
        a, v = self.tsa_a(a), self.tsa_v(v)
        a, v = self.hat_encoder(self.norm, a, v)
        a, _ = self.sem_a(a)
        v, _ = self.sem_v(v)
        x = torch.cat([a.unsqueeze(-2), v.unsqueeze(-2)], dim=-2)
        frame_prob = torch.sigmoid(self.fc_prob(x))
        frame_att = torch.softmax(self.fc_frame_att(x), dim=1)
        av_att = torch.softmax(self.fc_av_att(x), dim=2)
        temporal = frame_att * frame_prob
        return (temporal * av_att).sum(dim=2).sum(dim=1), temporal[:, :, 0].sum(1), \
            temporal[:, :, 1].sum(1), frame_prob


class AveEncoder(nn.Module):
    def __init__(self, d, heads, ff, layers):
        super().__init__()
        self.layers = nn.ModuleList([ref.HybridAttentionLayer(d, heads, ff) for _ in range(layers)])

    def forward(self, a, v):
        for layer in self.layers:
            a = layer("post", a, v)
            v = layer("post", v, a)
        return a, v


class AveHead(nn.Module):
    def __init__(self, a_dim, v_dim, hidden, heads, ff, layers, classes):
        super().__init__()
        self.fc_a = nn.Linear(a_dim, hidden)
        self.fc_v = nn.Linear(v_dim, hidden)
        self.encoder = AveEncoder(hidden, heads, ff, layers)
        self.fc_event = nn.Linear(2 * hidden, 1)
        self.fc_class = nn.Linear(2 * hidden, classes)

    def forward(self, audio, visual):
        a, v = self.encoder(F.relu(self.fc_a(audio)), F.relu(self.fc_v(visual)))
        x = torch.cat([a, v], -1)
        event_logits = self.fc_event(x).squeeze(-1)
        att = event_logits.softmax(1).unsqueeze(-1)
        class_logits = self.fc_class((att * x).sum(1))
        return torch.sigmoid(event_logits), class_logits.softmax(-1)


class AvsDecoder(nn.Module):
    def __init__(self, visual_channels, audio_dim, hidden, groups):
        super().__init__()
        self.hidden = hidden
        self.proj_v = nn.Conv2d(visual_channels, hidden, 1)
        self.proj_a = nn.Linear(audio_dim, hidden)
        self.refine1 = nn.Conv2d(hidden, hidden, 3, padding=1)
        self.norm1 = nn.GroupNorm(groups, hidden)
        self.refine2 = nn.Conv2d(hidden, hidden, 3, padding=1)
        self.norm2 = nn.GroupNorm(groups, hidden)
        self.out = nn.Conv2d(hidden, 1, 1)

    def forward(self, visual_map, audio, height, width):
        v = self.proj_v(visual_map)
        a = self.proj_a(audio)[:, :, None, None]
        similarity = torch.sigmoid((v * a).sum(1, keepdim=True) / math.sqrt(self.hidden))
        x = v * torch.sigmoid(a) + v * similarity
        x = F.relu(self.norm1(self.refine1(x)))
        x = F.interpolate(x, size=(x.size(2) * 2, x.size(3) * 2), mode="bilinear",
                          align_corners=False)
        x = F.relu(self.norm2(self.refine2(x)))
        x = F.interpolate(x, size=(x.size(2) * 2, x.size(3) * 2), mode="bilinear",
                          align_corners=False)
        return F.interpolate(self.out(x), size=(height, width), mode="bilinear",
                             align_corners=False)


def build(kind, c):
    if kind in ("han", "valor"):
        return ref.AvvpHead(kind, c["audio_dim"], c["visual_dim"], c["hidden"], c["heads"],
                            c["ff"], c["layers"], c["norm"])
    if kind == "link":
        return LinkHead(c["audio_dim"], c["visual_dim"], c["hidden"], c["heads"], c["ff"],
                        c["layers"], c["norm"], c["label_text_dim"])
    if kind == "ave":
        return AveHead(c["audio_dim"], c["visual_dim"], c["hidden"], c["heads"], c["ff"],
                       c["layers"], c["classes"])
    if kind == "avs":
        return AvsDecoder(c["visual_channels"], c["audio_dim"], c["hidden"], c["groups"])
    raise ValueError(kind)


def main():
    spec = json.load(open(sys.argv[1]))
    torch.set_num_threads(spec["threads"])
    for head in spec["heads"]:
        model = build(head["kind"], head["config"])
        state = torch.load(head["checkpoint"])
        missing, unexpected = model.load_state_dict(state, strict=False)
        # HAN's published model holds unused modules the C++ head does not have.
        missing = [k for k in missing if not k.startswith(("audio_encoder", "visual_encoder",
                                                           "hat_encoder.norm", "cmt_encoder"))]
        if missing or unexpected:
            raise SystemExit("%s: missing %s unexpected %s" % (head["name"], missing, unexpected))
        model.eval()
        inputs = [torch.from_numpy(np.load(p)) for p in head["inputs"]]
        extra = head.get("extra", [])
        # Per window, as the C++ side counts: the AVS decoder's batch holds 10 frames a window.
        batch = head.get("windows", inputs[0].shape[0])
        with torch.inference_mode():
            out = model(*inputs, *extra)
            first = out[0] if isinstance(out, tuple) else out
            np.save(head["output"], first.numpy())
            for _ in range(2):
                model(*inputs, *extra)
            best = float("inf")
            for _ in range(spec["repeats"]):
                start = time.perf_counter()
                model(*inputs, *extra)
                best = min(best, time.perf_counter() - start)
        print(json.dumps({"name": head["name"], "ms_per_window": best * 1000.0 / batch}),
              flush=True)


if __name__ == "__main__":
    main()
